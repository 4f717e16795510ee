"""Schema validation of Office packages against ISO/IEC 29500 Transitional (tests only).

Every XML part of a .docx / .pptx / .xlsx is checked, whoever wrote it:
[Content_Types].xml, each .rels, docProps/core.xml and app.xml, and the
workbooks embedded in charts, recursively. What Office does first is done
here too (see schemas/README.md):

1. Markup Compatibility: an ``mc:AlternateContent`` becomes its first
   ``mc:Choice`` whose required namespaces the Transitional schemas define
   (else its ``mc:Fallback``); elements and attributes in ignorable namespaces
   the schemas do not define are dropped; then the ``mc:*`` attributes.
2. The schema is picked by the part's root namespace; a part in a namespace
   without a schema is itself a finding.
3. libxml2 stops checking an element's later children after an unexpected
   one, so each unexpected element is reported, removed, and the part
   validated again until nothing new turns up.

A finding reads "part: line: message"; a part inside an embedded package is
named "outer!inner" (``ppt/embeddings/Microsoft_Excel_Sheet1.xlsx!xl/workbook.xml``).
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
_ISO = "ISO-IEC29500-4_2016"
_OPC = "ecma/fouth-edition"
CONTENT_TYPES = "[Content_Types].xml"
OFFICE_SUFFIXES = (".docx", ".pptx", ".xlsx")

# The schema each kind of part is checked against, by the namespace of its root element.
SCHEMA_BY_ROOT_NAMESPACE: dict[str, str] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": f"{_ISO}/wml.xsd",
    "http://schemas.openxmlformats.org/presentationml/2006/main": f"{_ISO}/pml.xsd",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": f"{_ISO}/sml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": f"{_ISO}/dml-main.xsd",  # themes, table styles
    "http://schemas.openxmlformats.org/drawingml/2006/chart": f"{_ISO}/dml-chart.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        f"{_ISO}/shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":
        f"{_ISO}/shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": f"{_ISO}/shared-customXmlDataProperties.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": f"{_ISO}/shared-bibliography.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": f"{_OPC}/opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": f"{_OPC}/opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": f"{_OPC}/opc-coreProperties.xsd",
}
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MC_ATTRIBUTES = {f"{{{_MC}}}{name}" for name in ("Ignorable", "MustUnderstand", "ProcessContent")}
_CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# The packages that may be embedded in a part (the workbook behind a chart, an embedded document).
_PACKAGE_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
_UNEXPECTED = "This element is not expected"
_MAX_PASSES = 200  # each pass removes one unexpected element or more; more than this is a runaway


def findings_in(folder: Path) -> list[str]:
    """Every finding in the .docx and .pptx files a build wrote into folder (its cache left out)."""
    return [f"{path.relative_to(folder)}: {finding}" for path in sorted(folder.rglob("*"))
            if path.suffix in OFFICE_SUFFIXES and not path.name.startswith(".")
            and ".cache" not in path.relative_to(folder).parts for finding in validate_file(path)]


def validate_file(path: Path) -> list[str]:
    """Every schema finding in a .docx, .pptx or .xlsx file."""
    return validate_package(path.read_bytes())


def validate_package(content: bytes, prefix: str = "") -> list[str]:
    """Every schema finding in an Office package's bytes, each "part: line: message"."""
    try:
        package = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        return [f"{prefix or 'package'}: 0: not a zip file"]
    with package:
        names = [info.filename for info in package.infolist() if not info.is_dir()]
        if CONTENT_TYPES not in names:
            return [f"{prefix}{CONTENT_TYPES}: 0: missing"]
        types_xml = package.read(CONTENT_TYPES)
        findings = _part_findings(prefix + CONTENT_TYPES, types_xml)
        content_type = _content_types(types_xml)
        for name in names:
            if name == CONTENT_TYPES:
                continue
            kind = content_type(name)
            if kind is None:
                findings.append(f"{prefix}{name}: 0: no content type")
            elif kind in _PACKAGE_TYPES:
                findings.extend(validate_package(package.read(name), f"{prefix}{name}!"))
            elif _is_xml(kind):
                findings.extend(_part_findings(prefix + name, package.read(name)))
    return findings


def _is_xml(content_type: str) -> bool:
    return content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")


def _content_types(types_xml: bytes):
    """name -> content type, as [Content_Types].xml says (overrides first, then defaults by extension)."""
    try:
        root = etree.fromstring(types_xml)
    except etree.XMLSyntaxError:
        return lambda name: None
    default, override = f"{{{_CONTENT_TYPES_NS}}}Default", f"{{{_CONTENT_TYPES_NS}}}Override"
    defaults = {e.get("Extension", "").lower(): e.get("ContentType") for e in root.iter(default)}
    overrides = {e.get("PartName", ""): e.get("ContentType") for e in root.iter(override)}

    def content_type(name: str) -> str | None:
        base = posixpath.basename(name)  # '_rels/.rels' has the extension 'rels'
        extension = base.rpartition(".")[2].lower() if "." in base else ""
        return overrides.get("/" + name, defaults.get(extension))

    return content_type


def _part_findings(name: str, xml: bytes) -> list[str]:
    return [f"{name}: {finding}" for finding in validate_part(xml)]


_checked: dict[bytes, tuple[str, ...]] = {}  # a part's digest -> its findings: builds share most parts


def validate_part(xml: bytes) -> tuple[str, ...]:
    """One XML part's findings as "line: message"."""
    digest = hashlib.sha256(xml).digest()
    if digest not in _checked:
        _checked[digest] = tuple(_validate(xml))
    return _checked[digest]


def _validate(xml: bytes) -> list[str]:
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as error:
        return [f"{error.lineno}: not well-formed: {error.msg}"]
    findings = preprocess_compatibility(root)
    namespace = etree.QName(root).namespace or ""
    location = SCHEMA_BY_ROOT_NAMESPACE.get(namespace)
    if location is None:
        return [*findings, f"{root.sourceline}: no ISO/IEC 29500 schema for the root element {root.tag}"]
    schema = _schema(location)
    prefixes = _prefixes(root)
    seen: set[tuple[str, str]] = set()
    for _ in range(_MAX_PASSES):
        schema.validate(root.getroottree())
        unexpected = []
        for error in schema.error_log:
            key = (error.path, error.message)
            if key not in seen:
                seen.add(key)
                findings.append(f"{error.line}: {_readable(error.message, prefixes)}")
            if _UNEXPECTED in error.message:
                unexpected.append(error.path)
        if not _remove(root, unexpected):
            return findings
    return [*findings, f"{root.sourceline}: still finding errors after {_MAX_PASSES} passes"]


def _remove(root: etree._Element, paths: list[str]) -> bool:
    """Take out the elements at these paths (as libxml2 names them) so their siblings get checked."""
    tree = root.getroottree()
    wanted = set(paths)
    found = [element for element in root.iter() if tree.getpath(element) in wanted]
    for element in found:
        if element is not root:
            element.getparent().remove(element)
    return bool(found) and root not in found


@cache
def _schema(location: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / location)))


@cache
def understood_namespaces() -> frozenset[str]:
    """The namespaces the Transitional and packaging schemas define: what a strict consumer understands."""
    namespaces = set()
    for path in SCHEMAS.rglob("*.xsd"):
        target = etree.parse(str(path)).getroot().get("targetNamespace")
        if target:
            namespaces.add(target)
    return frozenset(namespaces)


# -- Markup Compatibility (ECMA-376 Part 3) ------------------------------------------------


def preprocess_compatibility(root: etree._Element) -> list[str]:
    """Apply Markup Compatibility to the tree in place, as a consumer of the Transitional schemas would;
    returns findings for namespaces it must understand but does not."""
    findings: list[str] = []
    _compatibility(root, frozenset(), understood_namespaces(), findings)
    return findings


def _compatibility(element: etree._Element, ignorable: frozenset[str], understood: frozenset[str],
                   findings: list[str]) -> None:
    ignorable = ignorable | _namespaces(element, "Ignorable")
    for namespace in _namespaces(element, "MustUnderstand") - understood:
        findings.append(f"{element.sourceline}: mc:MustUnderstand names {namespace}, which no schema defines")
    process_content = set((element.get(f"{{{_MC}}}ProcessContent") or "").split())
    for attribute in list(element.attrib):
        namespace = etree.QName(attribute).namespace
        if attribute in _MC_ATTRIBUTES or (namespace in ignorable and namespace not in understood):
            del element.attrib[attribute]
    index = 0
    while index < len(element):  # a replaced element's content is looked at in its place
        child = element[index]
        if not isinstance(child.tag, str):
            index += 1  # comments and processing instructions
        elif child.tag == f"{{{_MC}}}AlternateContent":
            _replace(child, _chosen_branch(child, understood))
        elif (namespace := etree.QName(child).namespace) in ignorable and namespace not in understood:
            qualified = f"{child.prefix}:{etree.QName(child).localname}"
            _replace(child, child if {qualified, f"{child.prefix}:*"} & process_content else None)
        else:
            _compatibility(child, ignorable, understood, findings)
            index += 1


def _namespaces(element: etree._Element, attribute: str) -> frozenset[str]:
    """The namespaces an mc attribute lists by prefix, in the element's scope."""
    prefixes = (element.get(f"{{{_MC}}}{attribute}") or "").split()
    return frozenset(element.nsmap[prefix] for prefix in prefixes if prefix in element.nsmap)


def _chosen_branch(alternate: etree._Element, understood: frozenset[str]) -> etree._Element | None:
    for branch in alternate:
        if branch.tag == f"{{{_MC}}}Choice":
            required = {branch.nsmap.get(prefix) for prefix in (branch.get("Requires") or "").split()}
            if required <= understood:
                return branch
        elif branch.tag == f"{{{_MC}}}Fallback":
            return branch
    return None


def _replace(element: etree._Element, content_of: etree._Element | None) -> None:
    """Put the children of content_of (or nothing) where element is."""
    parent = element.getparent()
    index = parent.index(element)
    children = list(content_of) if content_of is not None else []
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


# -- messages ----------------------------------------------------------------------------------

_CLARK = re.compile(r"\{([^}]*)\}")


def _prefixes(root: etree._Element) -> dict[str, str]:
    """namespace -> the prefix the part uses for it, to write names as the part does."""
    prefixes: dict[str, str] = {}
    for element in root.iter():
        for prefix, namespace in element.nsmap.items():
            if prefix:
                prefixes.setdefault(namespace, prefix)
    return prefixes


def _readable(message: str, prefixes: dict[str, str]) -> str:
    """'{http://...wordprocessingml/2006/main}zoom' -> 'w:zoom'."""
    return _CLARK.sub(lambda match: f"{prefixes[match[1]]}:" if match[1] in prefixes else match[0], message)


def main(arguments: list[str]) -> int:
    """python -m tests.validate_ooxml FILE_OR_FOLDER...: print every finding; exit 1 if there is any."""
    findings = []
    for argument in arguments:
        path = Path(argument)
        findings += findings_in(path) if path.is_dir() else [f"{path}: {f}" for f in validate_file(path)]
    print("\n".join(findings) or "no findings")
    return 1 if findings else 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
