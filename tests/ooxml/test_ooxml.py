"""The schema validator the tests check every output with (tests/validate_ooxml.py) finds what it must.

Packages are real files: a blank deck saved by python-pptx, a workbook saved
by xlsxwriter, then one part changed by hand.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter
from pptx import Presentation

from tests.validate_ooxml import findings_in, validate_file, validate_package

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
UNKNOWN = "urn:example:not-a-schema"


@pytest.fixture(scope="module")
def blank_deck() -> bytes:
    output = io.BytesIO()
    Presentation().save(output)
    return output.getvalue()


def changed(package: bytes, name: str = "", change: Callable[[bytes], bytes] | None = None,
            added: dict[str, bytes] | None = None) -> bytes:
    """The package with one part changed (or added), every other entry as it was."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, change(data) if change and info.filename == name else data)
        for new_name, data in (added or {}).items():
            target.writestr(new_name, data)
    return output.getvalue()


def presentation_with(blank_deck: bytes, old: bytes, new: bytes) -> bytes:
    def edit(xml: bytes) -> bytes:
        assert old in xml
        return xml.replace(old, new, 1)

    return changed(blank_deck, "ppt/presentation.xml", edit)


def test_the_blank_deck_is_valid(blank_deck: bytes, tmp_path: Path) -> None:
    path = tmp_path / "blank.pptx"
    path.write_bytes(blank_deck)
    assert validate_file(path) == []


def test_a_value_of_the_wrong_type_is_found_with_its_part_and_line(blank_deck: bytes) -> None:
    bad = presentation_with(blank_deck, b'<p:notesSz cx="6858000"', b'<p:notesSz cx="-6858000"')
    [finding] = validate_package(bad)
    part, line, message = finding.split(": ", 2)
    assert (part, line) == ("ppt/presentation.xml", "2")
    assert "p:notesSz" in message and "'-6858000'" in message


def test_every_unexpected_element_is_found_not_just_the_first(blank_deck: bytes) -> None:
    """libxml2 stops checking an element's later children at the first unexpected one."""
    bad = presentation_with(blank_deck, b"<p:notesSz ", b'<p:bogus/><p:notesSz cx="-1" cy="1"/><p:other/><p:notesSz ')
    messages = "\n".join(validate_package(bad))
    assert "p:bogus" in messages and "p:other" in messages and "'-1'" in messages


def test_a_missing_required_attribute_is_found(blank_deck: bytes) -> None:
    bad = presentation_with(blank_deck, b'<p:notesSz cx="6858000"', b"<p:notesSz")
    assert any("The attribute 'cx' is required but missing" in f for f in validate_package(bad))


def test_package_files_are_validated_too(blank_deck: bytes) -> None:
    def break_types(xml: bytes) -> bytes:
        return xml.replace(b"<Default ", b'<Default Bogus="1" ', 1)

    def break_rels(xml: bytes) -> bytes:
        return xml.replace(b"<Relationship ", b"<Relationship Unexpected='x' ", 1)

    def break_core(xml: bytes) -> bytes:
        return xml.replace(b"</cp:coreProperties>", b"<cp:notAProperty/></cp:coreProperties>")

    def break_app(xml: bytes) -> bytes:
        return xml.replace(b"<Slides>0</Slides>", b"<Slides>many</Slides>")

    for name, change in (("[Content_Types].xml", break_types), ("_rels/.rels", break_rels),
                         ("docProps/core.xml", break_core), ("docProps/app.xml", break_app)):
        findings = validate_package(changed(blank_deck, name, change))
        assert findings and all(f.startswith(f"{name}: ") for f in findings), (name, findings)


def test_markup_compatibility_is_applied_before_validating(blank_deck: bytes) -> None:
    unknown = f'xmlns:mc="{MC}" xmlns:x="{UNKNOWN}" mc:Ignorable="x" x:extra="1"'.encode()
    ignorable = presentation_with(blank_deck, b"<p:presentation ", b"<p:presentation " + unknown + b" ")
    assert validate_package(ignorable) == []
    # Not declared ignorable: the same attribute is a finding.
    not_ignorable = presentation_with(blank_deck, b"<p:presentation ",
                                      f'<p:presentation xmlns:x="{UNKNOWN}" x:extra="1" '.encode())
    assert any("x:extra" in f for f in validate_package(not_ignorable))


def test_alternate_content_takes_the_first_choice_the_schemas_understand(blank_deck: bytes) -> None:
    def alternate(choice_requires: str) -> bytes:
        content = (f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:x="{UNKNOWN}">'
                   f'<mc:Choice Requires="{choice_requires}"><p:bogus/></mc:Choice>'
                   "<mc:Fallback/></mc:AlternateContent><p:notesSz ")
        return presentation_with(blank_deck, b"<p:notesSz ", content.encode())

    assert validate_package(alternate("x")) == []  # an extension: its fallback (nothing) is taken
    assert any("p:bogus" in f for f in validate_package(alternate("p")))  # understood: the choice is checked


def test_a_part_in_a_namespace_without_a_schema_is_a_finding(blank_deck: bytes) -> None:
    types = b'<Override PartName="/extra.xml" ContentType="application/vnd.example+xml"/></Types>'
    bad = changed(blank_deck, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", types),
                  added={"extra.xml": f'<e xmlns="{UNKNOWN}"/>'.encode()})
    assert validate_package(bad) == [f"extra.xml: 1: no ISO/IEC 29500 schema for the root element {{{UNKNOWN}}}e"]


def test_a_part_without_a_content_type_is_a_finding(blank_deck: bytes) -> None:
    bad = changed(blank_deck, added={"stray.unknown": b"\0"})
    assert validate_package(bad) == ["stray.unknown: 0: no content type"]


def test_embedded_workbooks_are_validated_as_packages_of_their_own(blank_deck: bytes) -> None:
    book = io.BytesIO()
    with xlsxwriter.Workbook(book) as workbook:
        workbook.add_worksheet().write_string(0, 0, "text")
    broken = changed(book.getvalue(), "xl/workbook.xml",
                     lambda xml: xml.replace(b"<sheets>", b"<sheets><bogus/>"))
    embedded = "ppt/embeddings/book.xlsx"
    types = (b'<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.'
             b'spreadsheetml.sheet"/></Types>')

    def deck_with(workbook: bytes) -> bytes:
        return changed(blank_deck, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", types),
                       added={embedded: workbook})

    assert validate_package(deck_with(book.getvalue())) == []
    [finding] = validate_package(deck_with(broken))
    assert finding.startswith(f"{embedded}!xl/workbook.xml: ") and "bogus" in finding


def test_a_part_that_is_not_well_formed_is_a_finding(blank_deck: bytes) -> None:
    bad = changed(blank_deck, "ppt/presProps.xml", lambda xml: xml[:-20])
    [finding] = validate_package(bad)
    assert finding.startswith("ppt/presProps.xml: ") and "not well-formed" in finding


def test_builds_in_the_tests_cannot_publish_an_invalid_file(blank_deck: bytes, tmp_path: Path) -> None:
    """conftest.every_output_is_valid stands between every build and its output folder."""
    from briefing.build import pipeline

    bad = presentation_with(blank_deck, b'<p:notesSz cx="6858000"', b'<p:notesSz cx="-6858000"')
    with pytest.raises(AssertionError, match=r"not valid ISO/IEC 29500 Transitional:\ndeck.pptx: ppt/presentation"):
        pipeline.publish_all({tmp_path / "deck.pptx": bad, tmp_path / "notes.pdf": b"%PDF"})
    assert list(tmp_path.iterdir()) == []
    pipeline.publish_all({tmp_path / "deck.pptx": blank_deck})
    assert (tmp_path / "deck.pptx").read_bytes() == blank_deck


def test_findings_in_a_folder_skip_its_cache(blank_deck: bytes, tmp_path: Path) -> None:
    bad = presentation_with(blank_deck, b'<p:notesSz cx="6858000"', b'<p:notesSz cx="-6858000"')
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "deck.pptx").write_bytes(bad)
    (tmp_path / "good.pptx").write_bytes(blank_deck)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.pptx").write_bytes(bad)
    [finding] = findings_in(tmp_path)
    assert finding.startswith("team/deck.pptx: ppt/presentation.xml: 2: ")
