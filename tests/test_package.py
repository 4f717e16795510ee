"""Every .docx and .pptx a build writes is a sound Office package, read at the zip and XML level.

python-docx and python-pptx reopen files that Word and PowerPoint refuse
(a relationship to a missing part, two shapes with one id, a bookmark that
never ends), so these checks read the package with zipfile and lxml only:

- the zip is intact, has [Content_Types].xml, and its XML parts parse;
- every internal relationship points at a part that exists;
- every part has a content type;
- slides: shape ids are unique per slide and no text body is empty;
- documents: drawing ids are unique, bookmarks are unique and closed;
- core properties carry no template author and no template (2013) dates.

Outputs come from the default outline (the session's ``default_build``), the
English fixture, and every audience of both, each test parametrized by file.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import docx
import pytest
from lxml import etree
from pptx import Presentation

from briefing.build.pipeline import BuildReport, Output, build
from briefing.outline import read_outline
from tests.conftest import DEFAULT_OUTLINE, FIXTURES

ENGLISH_OUTLINE = FIXTURES / "english.yaml"

NS = {
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
CONTENT_TYPES = "[Content_Types].xml"
XML_SUFFIXES = (".xml", ".rels")
TEMPLATE_AUTHORS = ("python-docx", "python-pptx")
TEMPLATE_YEAR = re.compile(r"\b2013-\d\d-\d\d")


# ---------------------------------------------------------------- which files


def _expected_outputs(outline_file: Path, every_audience: bool) -> list[PurePosixPath]:
    """The files a build of outline_file writes, relative to its output folder."""
    outline = read_outline(outline_file)
    stem = outline.meta.output
    folders = [a.name for a in outline.audiences] if every_audience else [""]
    return [PurePosixPath(folder) / f"{stem}{suffix}" for folder in folders for suffix in (".docx", ".pptx")]


# (build name, outline, every_audience); "default" is the session's default_build.
BUILDS = {
    "default": (DEFAULT_OUTLINE, False),
    "default-audiences": (DEFAULT_OUTLINE, True),
    "english": (ENGLISH_OUTLINE, False),
    "english-audiences": (ENGLISH_OUTLINE, True),
}
OUTPUTS = [
    pytest.param((name, relative), id=f"{name}/{relative}")
    for name, (outline_file, every_audience) in BUILDS.items()
    for relative in _expected_outputs(outline_file, every_audience)
]
DOCX_OUTPUTS = [p for p in OUTPUTS if p.values[0][1].suffix == ".docx"]
PPTX_OUTPUTS = [p for p in OUTPUTS if p.values[0][1].suffix == ".pptx"]


@pytest.fixture(scope="module")
def builds(
    default_build: tuple[BuildReport, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[BuildReport, Path]]:
    """Every build once for this module: name -> (report, output folder)."""
    done = {"default": default_build}
    for name, (outline_file, every_audience) in BUILDS.items():
        if name not in done:
            out = tmp_path_factory.mktemp(name)
            done[name] = (build(outline_file, out, every_audience=every_audience), out)
    return done


@pytest.fixture
def package(request: pytest.FixtureRequest, builds: dict[str, tuple[BuildReport, Path]]) -> Iterator[zipfile.ZipFile]:
    name, relative = request.param
    path = builds[name][1] / relative
    assert path.is_file(), f"{name} did not write {relative}"
    with zipfile.ZipFile(path) as archive:
        yield archive


# ---------------------------------------------------------------- helpers


def part_names(archive: zipfile.ZipFile) -> list[str]:
    """Every part in the zip (folder entries left out), as zip names without a leading '/'."""
    return [info.filename for info in archive.infolist() if not info.is_dir()]


def parse(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name))


def zip_problems(archive: zipfile.ZipFile) -> list[str]:
    """A damaged member, a missing [Content_Types].xml, or an XML part that does not parse."""
    problems = []
    bad = archive.testzip()
    if bad is not None:
        problems.append(f"{bad}: fails its CRC check")
    names = part_names(archive)
    if CONTENT_TYPES not in names:
        problems.append(f"no {CONTENT_TYPES}")
    duplicates = [name for name, count in Counter(names).items() if count > 1]
    problems.extend(f"{name}: stored {Counter(names)[name]} times" for name in duplicates)
    for name in names:
        if name.endswith(XML_SUFFIXES) or name == CONTENT_TYPES:
            try:
                parse(archive, name)
            except etree.XMLSyntaxError as error:
                problems.append(f"{name}: not well-formed XML ({error})")
    return problems


def source_part(rels_name: str) -> str:
    """'word/_rels/document.xml.rels' -> 'word/document.xml'; '_rels/.rels' -> '' (the package)."""
    folder, file = posixpath.split(rels_name)
    assert posixpath.basename(folder) == "_rels" and file.endswith(".rels"), rels_name
    return posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])


def resolve_target(source: str, target: str) -> str:
    """The zip name a relationship target names, relative to its source part's folder."""
    target = unquote(target.split("#", 1)[0])
    joined = target if target.startswith("/") else posixpath.join("/" + posixpath.dirname(source), target)
    return posixpath.normpath(joined).lstrip("/")


def relationship_problems(archive: zipfile.ZipFile) -> list[str]:
    """Every internal relationship (TargetMode not External) names a part in the zip."""
    present = set(part_names(archive))
    problems = []
    for rels in (name for name in present if name.endswith(".rels")):
        source = source_part(rels)
        if source and source not in present:
            problems.append(f"{rels}: relationships of {source}, which is not in the package")
        for relationship in parse(archive, rels).iterfind("rel:Relationship", NS):
            if relationship.get("TargetMode") == "External":
                continue
            target = relationship.get("Target", "")
            if not target:
                problems.append(f"{rels}: {relationship.get('Id')} has no target")
                continue
            resolved = resolve_target(source, target)
            if resolved not in present:
                problems.append(f"{rels}: {relationship.get('Id')} -> {target} ({resolved}) is not in the package")
    return problems


def content_type_problems(archive: zipfile.ZipFile) -> list[str]:
    """Every part is typed, by a Default for its extension or an Override for its name."""
    types = parse(archive, CONTENT_TYPES)
    defaults = {d.get("Extension", "").lower() for d in types.iterfind("ct:Default", NS)}
    overrides = {o.get("PartName", "").lower() for o in types.iterfind("ct:Override", NS)}
    problems = []
    for name in part_names(archive):
        if name == CONTENT_TYPES:
            continue
        # The extension is what follows the last '.' of the name ('_rels/.rels' -> 'rels').
        base = posixpath.basename(name)
        extension = base.rsplit(".", 1)[1].lower() if "." in base else ""
        if "/" + name.lower() not in overrides and extension not in defaults:
            problems.append(f"{name}: no content type (no Default for '.{extension}', no Override)")
    missing = sorted(o for o in overrides if o.lstrip("/") not in {n.lower() for n in part_names(archive)})
    problems.extend(f"{CONTENT_TYPES}: Override for {name}, which is not in the package" for name in missing)
    return problems


def slide_names(archive: zipfile.ZipFile) -> list[str]:
    return sorted(n for n in part_names(archive) if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def shape_id_problems(archive: zipfile.ZipFile) -> list[str]:
    """Within each slide, no two shapes (p:cNvPr, groups included) share an id."""
    problems = []
    for name in slide_names(archive):
        ids = Counter(element.get("id") for element in parse(archive, name).iterfind(".//p:cNvPr", NS))
        problems.extend(f"{name}: shape id {i} used {n} times" for i, n in ids.items() if n > 1)
    return problems


def empty_text_body_problems(archive: zipfile.ZipFile) -> list[str]:
    """Every p:txBody of every presentation part has at least one a:p (the schema requires one)."""
    problems = []
    for name in part_names(archive):
        if not (name.startswith("ppt/") and name.endswith(".xml")):
            continue
        for body in parse(archive, name).iterfind(".//p:txBody", NS):
            if body.find("a:p", NS) is None:
                shape = body.getparent().find(".//p:cNvPr", NS)
                label = f"shape {shape.get('id')} '{shape.get('name')}'" if shape is not None else "a shape"
                problems.append(f"{name}: {label} has a text body without a paragraph")
    return problems


def story_names(archive: zipfile.ZipFile) -> list[str]:
    """document.xml and every header and footer."""
    return [n for n in part_names(archive)
            if n == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", n)]


def drawing_id_problems(archive: zipfile.ZipFile) -> list[str]:
    """wp:docPr ids are unique across the body, headers and footers (Word repairs the file otherwise)."""
    where: dict[str, list[str]] = {}
    for name in story_names(archive):
        for element in parse(archive, name).iterfind(".//wp:docPr", NS):
            where.setdefault(element.get("id"), []).append(name)
    return [f"drawing id {i} used {len(parts)} times ({', '.join(parts)})"
            for i, parts in where.items() if len(parts) > 1]


def bookmark_problems(archive: zipfile.ZipFile) -> list[str]:
    """Bookmark ids (and names) are unique, and each bookmarkStart has its bookmarkEnd in the same part."""
    w = f"{{{NS['w']}}}"
    problems = []
    starts: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for part in story_names(archive):
        root = parse(archive, part)
        part_starts = [e.get(w + "id") for e in root.iterfind(".//w:bookmarkStart", NS)]
        part_ends = Counter(e.get(w + "id") for e in root.iterfind(".//w:bookmarkEnd", NS))
        starts.update(part_starts)
        names.update(e.get(w + "name") for e in root.iterfind(".//w:bookmarkStart", NS))
        problems.extend(f"{part}: bookmarkStart {i} has no bookmarkEnd" for i in part_starts if i not in part_ends)
        problems.extend(f"{part}: bookmarkEnd {i} has no bookmarkStart" for i in part_ends if i not in part_starts)
        problems.extend(f"{part}: bookmarkEnd {i} given {n} times" for i, n in part_ends.items() if n > 1)
    problems.extend(f"bookmark id {i} used {n} times" for i, n in starts.items() if n > 1)
    problems.extend(f"bookmark name {i!r} used {n} times" for i, n in names.items() if n > 1)
    return problems


def core_property_problems(archive: zipfile.ZipFile) -> list[str]:
    """docProps/core.xml names no template author and holds no 2013 date."""
    name = "docProps/core.xml"
    if name not in part_names(archive):
        return [f"no {name}"]
    root = parse(archive, name)
    problems = []
    for tag in ("dc:creator", "cp:lastModifiedBy"):
        value = root.findtext(tag, default="", namespaces=NS)
        if any(author in value for author in TEMPLATE_AUTHORS):
            problems.append(f"{name}: {tag} is the template's {value!r}")
    for element in root.iter():
        if isinstance(element.tag, str) and element.text and TEMPLATE_YEAR.search(element.text):
            problems.append(f"{name}: {etree.QName(element).localname} is the template's {element.text}")
    return problems


W3CDTF = re.compile(r"^\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?)?)?$")


def core_date_problems(archive: zipfile.ZipFile) -> list[str]:
    """created, modified and lastPrinted in docProps/core.xml are W3CDTF dates (four-digit years)."""
    name = "docProps/core.xml"
    if name not in part_names(archive):
        return [f"no {name}"]
    root = parse(archive, name)
    problems = []
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        value = root.findtext(tag, namespaces=NS)
        if value is not None and not W3CDTF.match(value.strip()):
            problems.append(f"{name}: {tag} {value!r} is not a W3CDTF date")
    return problems


# ---------------------------------------------------------------- tests


def test_every_build_wrote_exactly_the_files_checked_here(builds: dict[str, tuple[BuildReport, Path]]) -> None:
    for name, (report, out) in builds.items():
        written = sorted(PurePosixPath(output.path.relative_to(out).as_posix()) for output in report.outputs)
        assert written == sorted(_expected_outputs(*BUILDS[name])), name


@pytest.mark.parametrize("package", OUTPUTS, indirect=True)
def test_zip_is_sound_and_every_xml_part_parses(package: zipfile.ZipFile) -> None:
    assert zip_problems(package) == []


@pytest.mark.parametrize("package", OUTPUTS, indirect=True)
def test_every_internal_relationship_resolves(package: zipfile.ZipFile) -> None:
    assert relationship_problems(package) == []


@pytest.mark.parametrize("package", OUTPUTS, indirect=True)
def test_every_part_has_a_content_type(package: zipfile.ZipFile) -> None:
    assert content_type_problems(package) == []


@pytest.mark.parametrize("package", OUTPUTS, indirect=True)
def test_core_properties_are_the_outlines_not_the_templates(package: zipfile.ZipFile) -> None:
    assert core_property_problems(package) == []
    assert core_date_problems(package) == []


@pytest.mark.parametrize("package", PPTX_OUTPUTS, indirect=True)
def test_shape_ids_are_unique_within_each_slide(package: zipfile.ZipFile) -> None:
    assert slide_names(package), "a deck without slides"
    assert shape_id_problems(package) == []


@pytest.mark.parametrize("package", PPTX_OUTPUTS, indirect=True)
def test_no_text_body_is_empty(package: zipfile.ZipFile) -> None:
    assert empty_text_body_problems(package) == []


@pytest.mark.parametrize("package", DOCX_OUTPUTS, indirect=True)
def test_drawing_ids_are_unique_across_body_headers_and_footers(package: zipfile.ZipFile) -> None:
    assert "word/document.xml" in story_names(package)
    assert drawing_id_problems(package) == []


@pytest.mark.parametrize("package", DOCX_OUTPUTS, indirect=True)
def test_bookmarks_are_unique_and_closed(package: zipfile.ZipFile) -> None:
    assert bookmark_problems(package) == []


# ---------------------------------------------------------------- what the package says about itself


@pytest.fixture
def output(request: pytest.FixtureRequest, builds: dict[str, tuple[BuildReport, Path]]) -> Output:
    name, relative = request.param
    report, out = builds[name]
    return next(output for output in report.outputs if output.path == out / relative)


def extended_properties(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """docProps/app.xml: its simple values by name, and its titles of parts by heading."""
    with zipfile.ZipFile(path) as archive:
        root = parse(archive, "docProps/app.xml")
    values = {etree.QName(e).localname: e.text or "" for e in root if len(e) == 0}
    pairs = root.findall("ep:HeadingPairs/vt:vector/vt:variant", APP_NS)
    names = [e.text or "" for e in root.findall("ep:TitlesOfParts/vt:vector/vt:lpstr", APP_NS)]
    titles = {}
    for heading, count in zip(pairs[::2], pairs[1::2], strict=True):
        number = int(count.findtext("vt:i4", namespaces=APP_NS))
        titles[heading.findtext("vt:lpstr", namespaces=APP_NS)], names = names[:number], names[number:]
    assert names == [], "more titles of parts than the heading pairs count"
    return values, titles


APP_NS = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
          "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}


@pytest.mark.parametrize("output", DOCX_OUTPUTS, indirect=True)
def test_document_properties_give_its_pages_words_and_title(output: Output) -> None:
    values, titles = extended_properties(output.path)
    assert values["Application"] == "briefing"
    assert not {"Template", "Company", "Manager", "AppVersion"} & set(values)  # nothing of the template's
    assert int(values["Pages"]) == int(output.detail.split()[0])  # the page model's, as LibreOffice lays it out
    document = docx.Document(str(output.path))
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    texts = [p.text for p in document.paragraphs + cells if p.text.strip()]
    assert int(values["Paragraphs"]) == len(texts)
    assert int(values["Characters"]) == sum(len("".join(text.split())) for text in texts)
    if document.core_properties.language.startswith("en"):
        assert int(values["Words"]) == sum(len(text.split()) for text in texts)
    else:  # each Chinese character is a word
        assert int(values["Words"]) > sum(len(re.findall(r"[\u4e00-\u9fff]", text)) for text in texts)
    assert titles == {"Title": [document.core_properties.title]}


@pytest.mark.parametrize("output", PPTX_OUTPUTS, indirect=True)
def test_deck_properties_give_its_format_slides_notes_and_titles(output: Output) -> None:
    values, titles = extended_properties(output.path)
    deck = Presentation(str(output.path))
    assert values["Application"] == "briefing"
    assert deck.slide_width * 9 == deck.slide_height * 16 and values["PresentationFormat"] == "On-screen Show (16:9)"
    assert deck.part._element.find("p:sldSz", NS).get("type") is None  # 13.33 x 7.5 in has no name: custom
    assert int(values["Slides"]) == len(deck.slides) == int(output.detail.split()[0])
    notes = [s for s in deck.slides if s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip()]
    assert int(values["Notes"]) == len(notes) > 0
    assert titles["Slide Titles"] == [slide_title(slide) for slide in deck.slides]
    assert titles["Theme"] == ["Office Theme"]


def slide_title(slide) -> str:
    title = slide.shapes.title or next(shape for shape in slide.shapes if shape.name == "Title")
    return title.text_frame.text


@pytest.mark.parametrize("package", OUTPUTS, indirect=True)
def test_no_thumbnail_of_the_template(package: zipfile.ZipFile) -> None:
    assert not [name for name in part_names(package) if "thumbnail" in name]
    assert "thumbnail" not in package.read("_rels/.rels").decode()


# ---------------------------------------------------------------- the helpers themselves


def _zip(tmp_path: Path, parts: dict[str, str]) -> zipfile.ZipFile:
    path = tmp_path / "made.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return zipfile.ZipFile(path)


def test_resolve_target_handles_relative_parent_and_absolute_targets() -> None:
    assert resolve_target("word/document.xml", "media/image1.png") == "word/media/image1.png"
    assert (resolve_target("ppt/slides/slide1.xml", "../slideLayouts/slideLayout2.xml")
            == "ppt/slideLayouts/slideLayout2.xml")
    assert resolve_target("", "/docProps/core.xml") == "docProps/core.xml"
    assert resolve_target("", "word/document.xml") == "word/document.xml"
    assert resolve_target("ppt/slides/slide1.xml", "/ppt/media/a%20b.png") == "ppt/media/a b.png"
    assert source_part("_rels/.rels") == ""
    assert source_part("ppt/slides/_rels/slide1.xml.rels") == "ppt/slides/slide1.xml"


def test_helpers_find_what_they_look_for(tmp_path: Path) -> None:
    rel = NS["rel"]
    archive = _zip(tmp_path, {
        CONTENT_TYPES: f'<Types xmlns="{NS["ct"]}"><Default Extension="rels" ContentType="x"/>'
                       '<Override PartName="/ppt/slides/slide1.xml" ContentType="y"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{rel}"><Relationship Id="r1" Target="ppt/gone.xml" Type="t"/>'
                       '<Relationship Id="r2" Target="https://x" TargetMode="External" Type="t"/></Relationships>',
        "ppt/slides/slide1.xml": f'<p:sld xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:cNvPr id="2"/><p:cNvPr id="2"/>'
                                 '<p:sp><p:txBody><a:bodyPr/></p:txBody></p:sp></p:sld>',
        "broken.xml": "<a><b></a>",
        "docProps/core.xml": f'<cp:coreProperties xmlns:cp="{NS["cp"]}" xmlns:dc="{NS["dc"]}" '
                             f'xmlns:dcterms="{NS["dcterms"]}"><dc:creator>python-docx</dc:creator>'
                             "<x>2013-12-23T23:15:00Z</x><dcterms:created>999-12-31T00:00:00Z</dcterms:created>"
                             "<dcterms:modified>2025-02-03T00:00:00Z</dcterms:modified></cp:coreProperties>",
    })
    with archive:
        assert any("not well-formed" in p for p in zip_problems(archive))
        assert relationship_problems(archive) == [
            "_rels/.rels: r1 -> ppt/gone.xml (ppt/gone.xml) is not in the package"
        ]
        assert sorted(content_type_problems(archive)) == [
            "broken.xml: no content type (no Default for '.xml', no Override)",
            "docProps/core.xml: no content type (no Default for '.xml', no Override)",
        ]
        assert shape_id_problems(archive) == ["ppt/slides/slide1.xml: shape id 2 used 2 times"]
        assert len(empty_text_body_problems(archive)) == 1
        assert len(core_property_problems(archive)) == 2
        assert core_date_problems(archive) == [
            "docProps/core.xml: dcterms:created '999-12-31T00:00:00Z' is not a W3CDTF date"]


def test_docx_helpers_find_what_they_look_for(tmp_path: Path) -> None:
    w, wp = NS["w"], NS["wp"]
    archive = _zip(tmp_path, {
        "word/document.xml": f'<w:document xmlns:w="{w}" xmlns:wp="{wp}"><wp:docPr id="1"/>'
                             '<w:bookmarkStart w:id="0" w:name="a"/><w:bookmarkEnd w:id="0"/>'
                             '<w:bookmarkStart w:id="1" w:name="b"/></w:document>',
        "word/header1.xml": f'<w:hdr xmlns:w="{w}" xmlns:wp="{wp}"><wp:docPr id="1"/>'
                            '<w:bookmarkStart w:id="0" w:name="c"/><w:bookmarkEnd w:id="0"/></w:hdr>',
    })
    with archive:
        assert drawing_id_problems(archive) == ["drawing id 1 used 2 times (word/document.xml, word/header1.xml)"]
        assert sorted(bookmark_problems(archive)) == [
            "bookmark id 0 used 2 times", "word/document.xml: bookmarkStart 1 has no bookmarkEnd"]
