"""A company template, read through before python-docx or python-pptx opens it.

The libraries open whatever zip they are given and fail halfway through a
build on what they cannot use, with their own errors (a KeyError, lxml's
XMLSyntaxError) and never naming the file. Here the package is checked as
they will read it: a zip of bounded size, every part its relationships
reach present and well-formed, the main part the kind of document its
name says, and what the writers rely on there (a Word section with its page
size; a slide master with layouts, and a slide size). A macro-enabled
package is refused, so no macro can ever reach an output.

Each problem is an AssetProblem that says what to do, usually to open the
file in Word, PowerPoint or LibreOffice and save it as a plain .docx/.pptx.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lxml import etree

from briefing.errors import AssetProblem, InputError

# Limits that keep checking and building with a template within seconds and a few hundred MB:
# company templates with their pictures and fonts are a few MB.
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
MAX_TEMPLATE_PARTS = 5_000
MAX_TEMPLATE_UNPACKED_BYTES = 200 * 1024 * 1024

_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_WANTED = {".docx": _WORD, ".pptx": _POWERPOINT}
_WHAT = {".docx": "a Word document", ".pptx": "a PowerPoint presentation"}
_SAVE_AS = {".docx": "open it in Word or LibreOffice and save it as a Word Document (.docx)",
            ".pptx": "open it in PowerPoint or LibreOffice and save it as a PowerPoint Presentation (.pptx)"}
_GIVE_AS = {suffix: f"give it as the {suffix} template (--{suffix[1:]}-template, or theme.{suffix[1:]}_template)"
            for suffix in _WANTED}

# Main content types a template may really have: what it is, and its usual extension.
_KINDS = {
    _WORD: ("a Word document", ".docx"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": ("a Word template", ".dotx"),
    "application/vnd.ms-word.document.macroEnabled.main+xml": ("a macro-enabled Word document", ".docm"),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": ("a macro-enabled Word template", ".dotm"),
    _POWERPOINT: ("a PowerPoint presentation", ".pptx"),
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
        ("a PowerPoint template", ".potx"),
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml":
        ("a PowerPoint slide show", ".ppsx"),
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml":
        ("a macro-enabled PowerPoint presentation", ".pptm"),
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": ("a macro-enabled PowerPoint template", ".potm"),
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml":
        ("a macro-enabled PowerPoint slide show", ".ppsm"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ("an Excel workbook", ".xlsx"),
}
_SUFFIX_KIND = {suffix: (what, main) for main, (what, suffix) in _KINDS.items()}

_OFFICE_DOCUMENT = "/officeDocument"  # the end of the main part's relationship type, transitional or strict
# The parts of a Word document the writer edits, by the last word of their relationship type:
# python-docx makes its objects for them only from a part of this content type.
_WORD_PARTS = {name: f"application/vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml"
               for name in ("styles", "settings", "numbering")}
# The styles the Word writer finds by name and formats as paragraph styles: document.geometry.Style,
# which sits above this module (tests/ooxml/test_templatefile.py keeps the two the same).
WRITER_PARAGRAPH_STYLES = (
    "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "TOC Heading", "Caption", "Quote", "List Bullet",
    "Cover Line", "Attribution", "Source Note", "Caveat", "Table Text", "Source Entry", "TOC 1", "TOC 2",
    "Figure", "Header", "Footer",
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Word's page sizes: 0.1 to 22 inches, in twentieths of a point. PowerPoint's slide sizes: 1 to 56 inches, in EMU.
_TWIPS_PER_INCH, _EMU_PER_INCH = 1440, 914400
_PAGE_TWIPS = (_TWIPS_PER_INCH // 10, 22 * _TWIPS_PER_INCH)
# The least room for text (the page less its margins) a briefing is laid out in: a heading kept
# with its first lines, the data tables' narrowest column. An A6 page with 1.2 cm margins has it.
MIN_TEXT_SIDE_CM = 7
_TWIPS_PER_CM = _TWIPS_PER_INCH / 2.54
_SLIDE_EMU = (1 * _EMU_PER_INCH, 56 * _EMU_PER_INCH)
# The zip's end record is in its last 22 bytes, after a comment of at most 64 KiB.
_END_RECORD_SEARCH = 22 + 65535
# The same parser settings as python-docx and python-pptx: what passes here, they can read.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def hint_for_suffix(suffix: str) -> str | None:
    """What to do with an Office file named where another kind of file is wanted."""
    if suffix in _WANTED:
        return _GIVE_AS[suffix]
    if suffix not in _SUFFIX_KIND:
        return None
    what, main = _SUFFIX_KIND[suffix]
    wanted = ".pptx" if "presentationml" in main or "powerpoint" in main else ".docx"
    return f"it is {what}; {_SAVE_AS[wanted]}"


def check_template(path: Path, name: str, suffix: str) -> None:
    """Raise AssetProblem unless the file is a package its library opens and the writer can use
    (or OSError, when it cannot be read at all)."""
    size = path.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        raise AssetProblem(f"'{name}' is {size // 1024 // 1024} MiB; a template may be at most "
                           f"{MAX_TEMPLATE_BYTES // 1024 // 1024} MiB", "remove large pictures or embedded fonts")
    parts = _declared_parts(path)
    if parts is not None and parts > MAX_TEMPLATE_PARTS:
        raise _too_many_parts(name, parts)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise AssetProblem(f"'{name}' is not really a {suffix} file: it is not a zip package, as {_WHAT[suffix]} "
                           "is (another kind of file renamed, or damaged)", _SAVE_AS[suffix]) from None
    try:
        with archive:
            package = _Package(archive, name)
            main = package.main_part()
            package.check_kind(main, suffix)
            package.check_parts()
            (_check_word if suffix == ".docx" else _check_powerpoint)(package, main)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError) as error:
        # A damaged entry (its checksum), or one packed in a way zipfile cannot unpack.
        raise AssetProblem(f"'{name}' is a damaged {suffix} file ({error})", _SAVE_AS[suffix]) from None


@contextmanager
def library_opening(template: Path | None, suffix: str) -> Iterator[None]:
    """python-docx or python-pptx opening a template: whatever it cannot read is the template's problem.

    check_template has read the file through first, so this is for what it does not foresee;
    the error becomes a message naming the file (and one that survives a helper's pickling).
    """
    try:
        yield
    except Exception as error:
        if template is None:
            raise  # the library's own default template: not the user's to fix
        raise InputError(f"{template}: cannot be opened as {_WHAT[suffix]} ({type(error).__name__}: {error}) "
                         f"({_SAVE_AS[suffix]})") from None


def _declared_parts(path: Path) -> int | None:
    """How many entries the zip's end record declares, read before zipfile makes an object of each of
    them (a 50 MB file can list a million); None when there is no end record to read."""
    end_record = b"PK\x05\x06"
    with path.open("rb") as file:
        file.seek(0, 2)
        file.seek(max(0, file.tell() - _END_RECORD_SEARCH))
        tail = file.read()
    at = tail.rfind(end_record)
    if at < 0 or len(tail) < at + 12:
        return None  # zipfile will say it is not a zip
    return int.from_bytes(tail[at + 10:at + 12], "little")  # 0xFFFF: a ZIP64 count, more than allowed anyway


def _too_many_parts(name: str, parts: int) -> AssetProblem:
    return AssetProblem(f"'{name}' has {parts:,} files inside; a template may have at most {MAX_TEMPLATE_PARTS:,}")


class _Package:
    """The parts of a zipped Office package, as the libraries reach them: by relationships from the root."""

    def __init__(self, archive: zipfile.ZipFile, name: str):
        self.archive = archive
        self.name = name
        entries = archive.infolist()
        if len(entries) > MAX_TEMPLATE_PARTS:
            raise _too_many_parts(name, len(entries))
        # The declared sizes bound what reading can produce: zipfile stops at them.
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > MAX_TEMPLATE_UNPACKED_BYTES:
            raise AssetProblem(f"'{name}' unpacks to {unpacked // 1024 // 1024} MiB; a template may unpack to at "
                               f"most {MAX_TEMPLATE_UNPACKED_BYTES // 1024 // 1024} MiB",
                               "remove large pictures or embedded fonts")
        self.names = {entry.filename for entry in entries}
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        for element in self.xml("[Content_Types].xml"):
            extension, part, kind = element.get("Extension"), element.get("PartName"), element.get("ContentType", "")
            if element.tag == f"{_CT}Default" and extension:
                self.defaults[extension.lower()] = kind
            elif element.tag == f"{_CT}Override" and part:
                self.overrides[part.lower()] = kind

    def fail(self, message: str, hint: str | None = None) -> AssetProblem:
        return AssetProblem(f"'{self.name}' {message}", hint)

    def macros(self) -> AssetProblem:
        return self.fail("carries macros (a VBA project); macros are never carried into a briefing",
                         "save it without macros, as a plain .docx or .pptx")

    def xml(self, part: str) -> Any:
        """A part, parsed; one that is missing or not XML is a problem of the file."""
        if part not in self.names:
            raise self.fail(f"is missing its part '{part}'", "it is damaged; save it again from its program")
        try:
            return etree.fromstring(self.archive.read(part), _PARSER)
        except etree.XMLSyntaxError as error:
            raise self.fail(f"has a damaged part '{part}' ({error})",
                            "it is damaged; save it again from its program") from None

    def content_type(self, part: str) -> str | None:
        return self.overrides.get("/" + part.lower()) or self.defaults.get(part.rpartition(".")[2].lower())

    def relationships(self, part: str) -> Iterator[tuple[str, str, str]]:
        """(id, type, target part) of each internal relationship of a part ('' for the package)."""
        folder, file = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{file}.rels")
        if rels not in self.names:
            return
        for element in self.xml(rels):
            if element.tag != f"{_RELS}Relationship" or element.get("TargetMode") == "External":
                continue
            target = element.get("Target", "")
            joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            yield element.get("Id", ""), element.get("Type", ""), posixpath.normpath(joined)

    def main_part(self) -> str:
        for _, kind, target in self.relationships(""):
            if kind.endswith(_OFFICE_DOCUMENT):
                return target
        raise self.fail("has no main document", "it is damaged or not an Office file; save it again from its program")

    def check_kind(self, main: str, suffix: str) -> None:
        """The main part must be the kind the name promises: a document, not a template or macros."""
        kind = self.content_type(main)
        if kind == _WANTED[suffix]:
            return
        what, usual = _KINDS.get(kind or "", ("another kind of file", None))
        message = f"is {what}" + (f" ({usual})" if usual and usual != suffix else "") + f", not {_WHAT[suffix]}"
        if "macroEnabled" in (kind or ""):
            message += "; macros are never carried into a briefing"
        other = next((s for s, wanted in _WANTED.items() if wanted == kind), None)
        raise self.fail(message, _GIVE_AS[other] if other else _SAVE_AS[suffix])

    def check_parts(self) -> None:
        """Every part the relationships reach: present, typed, XML that parses, and no macros anywhere."""
        if any(name.lower().endswith("vbaproject.bin") for name in self.names) or any(
                "macroEnabled" in kind or "vbaProject" in kind for kind in (*self.overrides.values(),
                                                                            *self.defaults.values())):
            raise self.macros()
        seen: set[str] = set()
        waiting = [""]
        while waiting:
            for _, kind, target in self.relationships(waiting.pop()):
                if "vbaProject" in kind:
                    raise self.macros()
                if target in seen:
                    continue
                seen.add(target)
                if target not in self.names:
                    raise self.fail(f"refers to a part '{target}' that it does not contain",
                                    "it is damaged; save it again from its program")
                part_type = self.content_type(target)
                if part_type is None:
                    raise self.fail(f"does not say what its part '{target}' is ([Content_Types].xml)",
                                    "it is damaged; save it again from its program")
                if part_type.endswith("xml"):
                    self.xml(target)
                else:
                    self.archive.read(target)  # checks its CRC: a damaged picture fails here, not in a writer
                waiting.append(target)


def _check_word(package: _Package, main: str) -> None:
    """The writer keeps the template's last section: it must have one, with a page it can lay out;
    and a style it finds by the name of one of its paragraph styles must be a paragraph style."""
    _check_part_types(package, main)
    _check_style_kinds(package, main)
    body = package.xml(main).find(f"{{{_W}}}body")
    section = body.find(f"{{{_W}}}sectPr") if body is not None else None
    again = "open it in Word or LibreOffice and save it again"
    if section is None:
        raise package.fail("has no page setup (no section in its body)", again)
    size = section.find(f"{{{_W}}}pgSz")
    if size is None:
        return  # the writer gives it the briefing's own page
    width, height = (_twips(size, f"{{{_W}}}{side}") for side in ("w", "h"))
    low, high = _PAGE_TWIPS
    if width is None or height is None or not (low <= width <= high and low <= height <= high):
        raise package.fail(f"has a page size Word cannot use ({size.get(f'{{{_W}}}w')} x "
                           f"{size.get(f'{{{_W}}}h')} twips; 0.1 to 22 inches a side)", again)
    margins = section.find(f"{{{_W}}}pgMar")
    left, right, top, bottom = (_twips(margins, f"{{{_W}}}{side}") for side in ("left", "right", "top", "bottom"))
    if left is None or right is None or top is None or bottom is None:
        raise package.fail("has a page size but no page margins", again)
    room = [(width - abs(left) - abs(right)) / _TWIPS_PER_CM, (height - abs(top) - abs(bottom)) / _TWIPS_PER_CM]
    if min(room) < MIN_TEXT_SIDE_CM:
        raise package.fail(
            f"leaves {max(room[0], 0):.1f} × {max(room[1], 0):.1f} cm of its page for text (the page less its "
            f"margins); a briefing needs at least {MIN_TEXT_SIDE_CM} × {MIN_TEXT_SIDE_CM} cm",
            "use a template with a larger page or smaller margins, or no template")


def _check_part_types(package: _Package, main: str) -> None:
    """The styles, settings and numbering parts: the writer edits them as python-docx reads them,
    which it does only for a part of their own content type."""
    for _, kind, target in package.relationships(main):
        name = kind.rpartition("/")[2]
        wanted = _WORD_PARTS.get(name)
        part_type = package.content_type(target)
        if wanted is not None and part_type != wanted:
            raise package.fail(f"says its {name} part '{target}' is '{part_type}' ([Content_Types].xml), not "
                               f"Word {name}", "it is damaged; save it again from its program")


def _check_style_kinds(package: _Package, main: str) -> None:
    """The writer sets paragraph formatting on, and puts paragraphs in, the template's styles named as
    its own (case aside, the first of a name, as document/styles.py indexes them): python-docx fails
    on a character, table or numbering style of such a name."""
    wanted = {style.lower() for style in WRITER_PARAGRAPH_STYLES}
    part = next((target for _, kind, target in package.relationships(main) if kind.endswith("/styles")), None)
    if part is None:
        return  # python-docx gives the document its default styles
    seen: set[str] = set()
    for style in package.xml(part).iterchildren(f"{{{_W}}}style"):
        name_element = style.find(f"{{{_W}}}name")
        name = name_element.get(f"{{{_W}}}val", "") if name_element is not None else None
        if name is None or name.lower() in seen:
            continue
        seen.add(name.lower())
        kind = style.get(f"{{{_W}}}type", "paragraph")
        if name.lower() in wanted and kind != "paragraph":
            raise package.fail(f"has a {kind} style named '{name}', where a briefing needs a paragraph style",
                               "rename or delete that style in Word or LibreOffice and save the file again")


def _check_powerpoint(package: _Package, main: str) -> None:
    """The writer needs a slide size to scale from, and a slide master with layouts to put slides on."""
    presentation = package.xml(main)
    again = "open it in PowerPoint or LibreOffice and save it again"
    size = presentation.find(f"{{{_P}}}sldSz")
    width, height = (_number(size, side) for side in ("cx", "cy")) if size is not None else (None, None)
    low, high = _SLIDE_EMU
    if width is None or height is None or not (low <= width <= high and low <= height <= high):
        raise package.fail("has no usable slide size (1 to 56 inches a side)", again)
    masters = presentation.findall(f"{{{_P}}}sldMasterIdLst/{{{_P}}}sldMasterId")
    targets = {rid: target for rid, _, target in package.relationships(main)}
    first = targets.get(masters[0].get(f"{{{_R}}}id", "")) if masters else None
    if first is None:
        raise package.fail("has no slide master", again)
    if not package.xml(first).findall(f"{{{_P}}}sldLayoutIdLst/{{{_P}}}sldLayoutId"):
        raise package.fail("has no slide layouts in its first slide master",
                           "add layouts to the master (View > Slide Master), then save it")


def _number(element: Any, attribute: str) -> int | None:
    """An attribute's whole number, or None when it is missing or not one."""
    try:
        return int(element.get(attribute))
    except (TypeError, ValueError):
        return None


# Word also writes page measures with a unit ("8.5in"), which python-docx reads.
_TWIPS_PER_UNIT = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0, "pc": 240.0, "pi": 240.0}


def _twips(element: Any, attribute: str) -> int | None:
    """A Word measure in twips, from a whole number or a number with a unit; None when it is neither."""
    value = element.get(attribute) if element is not None else None
    if value is not None and value[-2:] in _TWIPS_PER_UNIT:
        try:
            return round(float(value[:-2]) * _TWIPS_PER_UNIT[value[-2:]])
        except ValueError:
            return None
    return _number(element, attribute) if element is not None else None
