"""Company templates that cannot be used are refused by name, before either writer opens them.

Each bad template is pandoc's real reference document, edited the way such
files come about: saved with macros, saved as a template, renamed, damaged.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from briefing.document.geometry import Style
from briefing.errors import InputError
from briefing.ooxml.templatefile import (
    MAX_TEMPLATE_PARTS,
    MAX_TEMPLATE_UNPACKED_BYTES,
    WRITER_PARAGRAPH_STYLES,
    library_opening,
)
from tests.outline.test_validate import edit
from tests.refusals import refused

Edits = dict[str, bytes | None]  # part -> new content, or None to leave it out
_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def edited(source: Path, target: Path, change: Callable[[dict[str, bytes]], Edits]) -> Path:
    """A copy of the package with some parts replaced, added or left out."""
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts.update(change(parts))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            if content is not None:
                package.writestr(name, content)
    return target


def sub(content: bytes, pattern: str, replacement: str) -> bytes:
    changed, count = re.subn(pattern.encode(), replacement.encode(), content, count=1)
    assert count == 1, pattern
    return changed


def main_type(parts: dict[str, bytes], old: str, new: str) -> Edits:
    return {"[Content_Types].xml": parts["[Content_Types].xml"].replace(old.encode(), new.encode())}


def with_macros(folder: str, parts: dict[str, bytes], main_rels: str, old: str = "", new: str = "") -> Edits:
    """What Word and PowerPoint write for a macro-enabled file: the VBA project, related from the main part."""
    changes = main_type(parts, old, new) if old else {"[Content_Types].xml": parts["[Content_Types].xml"]}
    changes["[Content_Types].xml"] = changes["[Content_Types].xml"].replace(
        b"<Default ", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ', 1)
    changes[f"{folder}/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a VBA project"
    relationship = f'<Relationship Id="rId99" Type="{_VBA}" Target="vbaProject.bin"/>'
    changes[main_rels] = parts[main_rels].replace(b"</Relationships>", f"{relationship}</Relationships>".encode())
    return changes


def not_a_zip(_: dict[str, bytes]) -> Edits:
    raise AssertionError("made by hand")


WORD_RELS = "word/_rels/document.xml.rels"
SLIDE_RELS = "ppt/_rels/presentation.xml.rels"
DOCX_CASES: dict[str, tuple[Callable[[dict[str, bytes]], Edits], str]] = {
    ".docm renamed": (lambda p: with_macros("word", p, WORD_RELS, _DOCUMENT,
                                            "application/vnd.ms-word.document.macroEnabled.main+xml"),
                      "is a macro-enabled Word document (.docm), not a Word document; macros are never carried"),
    "macros in a .docx": (lambda p: with_macros("word", p, WORD_RELS), "carries macros (a VBA project)"),
    ".dotx renamed": (lambda p: main_type(
        p, _DOCUMENT, "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
        "is a Word template (.dotx), not a Word document (open it in Word or LibreOffice and save it as a Word"),
    "no section": (lambda p: {"word/document.xml": sub(p["word/document.xml"], r"<w:sectPr ?/>", "")},
                   "has no page setup"),
    "page a mile wide": (lambda p: {"word/document.xml": sub(
        p["word/document.xml"], r"<w:sectPr ?/>", '<w:sectPr><w:pgSz w:w="99999999" w:h="16838"/></w:sectPr>')},
        "has a page size Word cannot use"),
    "margins wider than the page": (lambda p: {"word/document.xml": sub(
        p["word/document.xml"], r"<w:sectPr ?/>", '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="6000" '
        'w:right="6000" w:top="1440" w:bottom="1440"/></w:sectPr>')}, "leaves 0.0 × 24.6 cm of its page for text"),
    # Was: an internal error (python-docx's AttributeError: 'CharacterStyle' object has no attribute
    # 'paragraph_format') once the writer formatted the template's 'Figure' style.
    "a character style by a paragraph style's name": (lambda p: {"word/styles.xml": sub(
        p["word/styles.xml"], r'w:type="paragraph"( w:customStyle="1" w:styleId="Figure")', r'w:type="character"\1')},
        "has a character style named 'Figure', where a briefing needs a paragraph style"),
    # Was: an internal error ('Part' object has no attribute 'element') in conformance.py.
    "numbering typed as plain XML": (lambda p: main_type(
        p, "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml", "application/xml"),
        "says its numbering part 'word/numbering.xml' is 'application/xml' ([Content_Types].xml), not Word numbering"),
    "damaged styles": (lambda p: {"word/styles.xml": p["word/styles.xml"][:500]},
                       "has a damaged part 'word/styles.xml'"),
    "a part left out": (lambda p: {"word/styles.xml": None}, "refers to a part 'word/styles.xml' that it does not"),
    "zip of something else": (lambda p: {name: None for name in p} | {"notes.txt": b"hello"},
                              "is missing its part '[Content_Types].xml'"),
}
PPTX_CASES: dict[str, tuple[Callable[[dict[str, bytes]], Edits], str]] = {
    ".pptm renamed": (lambda p: with_macros("ppt", p, SLIDE_RELS, _PRESENTATION,
                                            "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"),
                      "is a macro-enabled PowerPoint presentation (.pptm), not a PowerPoint presentation; macros"),
    ".potx renamed": (lambda p: main_type(
        p, _PRESENTATION, "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"),
        "is a PowerPoint template (.potx), not a PowerPoint presentation"),
    "no slide size": (lambda p: {"ppt/presentation.xml": sub(p["ppt/presentation.xml"], r"<p:sldSz[^>]*/>", "")},
                      "has no usable slide size"),
    "no layouts": (lambda p: {"ppt/slideMasters/slideMaster1.xml": sub(
        p["ppt/slideMasters/slideMaster1.xml"], r"<p:sldLayoutIdLst>.*</p:sldLayoutIdLst>", "")},
        "has no slide layouts"),
    "damaged layout": (lambda p: {"ppt/slideLayouts/slideLayout2.xml": p["ppt/slideLayouts/slideLayout2.xml"][:-40]},
                       "has a damaged part 'ppt/slideLayouts/slideLayout2.xml'"),
}


def theme_template(outline: Path, key: str, name: str) -> None:
    edit(outline, "sections:", f"theme:\n  {key}: {name}\nsections:")


@pytest.mark.parametrize("case", sorted(DOCX_CASES))
def test_a_bad_word_template_in_the_theme(minimal_outline: Path, pandoc_templates, case: str) -> None:
    change, expected = DOCX_CASES[case]
    edited(pandoc_templates[0], minimal_outline.parent / "brand.docx", change)
    theme_template(minimal_outline, "docx_template", "brand.docx")
    assert expected in refused(minimal_outline, "'brand.docx'", where="theme.docx_template")


@pytest.mark.parametrize("case", sorted(PPTX_CASES))
def test_a_bad_powerpoint_template_on_the_command_line(minimal_outline: Path, pandoc_templates, case: str) -> None:
    change, expected = PPTX_CASES[case]
    template = edited(pandoc_templates[1], minimal_outline.parent / "brand.pptx", change)
    assert expected in refused(minimal_outline, str(template), "--pptx-template", str(template))


@pytest.mark.parametrize("key", ["docx_template", "pptx_template"])
def test_a_macro_enabled_template_in_the_theme_is_refused(minimal_outline: Path, pandoc_templates, key: str) -> None:
    change = PPTX_CASES[".pptm renamed"][0] if key == "pptx_template" else DOCX_CASES[".docm renamed"][0]
    suffix = "." + key[:4]
    edited(pandoc_templates[key == "pptx_template"], minimal_outline.parent / f"brand{suffix}", change)
    theme_template(minimal_outline, key, f"brand{suffix}")
    assert "macros are never carried into a briefing" in refused(minimal_outline, f"'brand{suffix}'",
                                                                 where=f"theme.{key}")


def test_each_kind_given_as_the_other(minimal_outline: Path, pandoc_templates) -> None:
    reference_docx, reference_pptx = pandoc_templates
    presentation = minimal_outline.parent / "deck.docx"
    presentation.write_bytes(reference_pptx.read_bytes())
    message = refused(minimal_outline, str(presentation), "--docx-template", str(presentation))
    assert "is a PowerPoint presentation (.pptx), not a Word document (give it as the .pptx template" in message
    theme_template(minimal_outline, "pptx_template", "brand.pptx")
    (minimal_outline.parent / "brand.pptx").write_bytes(reference_docx.read_bytes())
    message = refused(minimal_outline, "'brand.pptx'", where="theme.pptx_template")
    assert "is a Word document (.docx), not a PowerPoint presentation (give it as the .docx template" in message


@pytest.mark.parametrize("name, expected", [
    ("brand.dotx", "is not a .docx file (it is a Word template; open it in Word or LibreOffice and save it as a Word"),
    ("brand.pptx", "is not a .docx file (give it as the .pptx template"),
])
def test_other_office_files_by_their_name(minimal_outline: Path, pandoc_templates, name: str, expected: str) -> None:
    (minimal_outline.parent / name).write_bytes(pandoc_templates[0].read_bytes())
    theme_template(minimal_outline, "docx_template", name)
    assert expected in refused(minimal_outline, f"'{name}'", where="theme.docx_template")


def test_a_file_that_only_starts_like_a_zip(minimal_outline: Path) -> None:
    template = minimal_outline.parent / "brand.pptx"
    template.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    assert "is not a zip package" in refused(minimal_outline, str(template), "--pptx-template", str(template))


def test_the_template_check_knows_every_paragraph_style_the_writer_formats() -> None:
    """templatefile sits below the document package, so it lists the names itself."""
    assert tuple(Style) == WRITER_PARAGRAPH_STYLES


def test_what_the_library_still_cannot_open_names_the_template() -> None:
    """The last line of defence, for what the checks do not foresee: lxml's error, said as the file's."""
    with (
        pytest.raises(InputError, match=r"brand.pptx: cannot be opened as a PowerPoint presentation \(XMLSyntax"),
        library_opening(Path("brand.pptx"), ".pptx"),
    ):
        etree.fromstring(b"<p:sld")
    with (
        pytest.raises(etree.XMLSyntaxError),  # the library's own default template is not the user's
        library_opening(None, ".pptx"),
    ):
        etree.fromstring(b"<p:sld")


def test_a_zip_of_too_many_parts_is_refused_before_it_is_listed(minimal_outline: Path) -> None:
    template = minimal_outline.parent / "brand.pptx"
    with zipfile.ZipFile(template, "w") as package:
        for number in range(MAX_TEMPLATE_PARTS + 1):
            package.writestr(f"ppt/media/image{number}.png", b"")
    message = refused(minimal_outline, str(template), "--pptx-template", str(template))
    assert f"has {MAX_TEMPLATE_PARTS + 1:,} files inside; a template may have at most {MAX_TEMPLATE_PARTS:,}" in message


def test_a_zip_that_unpacks_to_too_much_is_refused_before_it_is_unpacked(minimal_outline: Path) -> None:
    template = minimal_outline.parent / "brand.docx"
    with (
        zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as package,
        package.open("word/media/image1.png", "w", force_zip64=True) as entry,
    ):
        for _ in range(MAX_TEMPLATE_UNPACKED_BYTES // 2**20 + 1):
            entry.write(bytes(2**20))  # zeros: a few hundred KB once packed
    assert template.stat().st_size < 2**20
    message = refused(minimal_outline, str(template), "--docx-template", str(template))
    assert "unpacks to 201 MiB; a template may unpack to at most 200 MiB" in message
