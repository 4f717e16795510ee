"""Evidence: the default outline quotes its article for every fact; sources' copies and evidence are validated.

The paragraphs are numbered here by the contract evidence is written to (the
source readers number them the same way): after the file's leading '# ...'
header lines and its first plain line (the title), each non-empty line is
one paragraph or heading, numbered from 1.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from briefing.build.pipeline import build
from briefing.outline import read_outline
from briefing.outline.errors import format_path
from briefing.outline.evidence import cited_source, evidenced
from tests.conftest import DEFAULT_OUTLINE
from tests.outline.test_validate import edit, line_of
from tests.refusals import refused, run

ARTICLE = DEFAULT_OUTLINE.parent / "sources" / "tiktok-article.zh.txt"


def numbered_paragraphs(article: Path) -> dict[int, str]:
    """The article's paragraphs and headings by the numbers evidence cites."""
    lines = [line for line in article.read_text(encoding="utf-8").splitlines() if line.strip()]
    while lines[0].startswith("#"):
        lines.pop(0)
    return dict(enumerate(lines[1:], 1))  # the first plain line is the title


def test_paragraphs_are_numbered_from_the_first_heading_after_the_title() -> None:
    paragraphs = numbered_paragraphs(ARTICLE)
    assert paragraphs[1] == "一、事件突发:TikTok 关停震动全球"
    assert paragraphs[2].startswith("美东时间 1 月 18 日深夜")
    assert paragraphs[len(paragraphs)].startswith("对于社交媒体行业而言")


def test_the_default_outline_ships_the_article_it_names() -> None:
    source = read_outline(DEFAULT_OUTLINE).meta.source
    assert source.file == "sources/tiktok-article.zh.txt"
    assert hashlib.sha256(ARTICLE.read_bytes()).hexdigest() == source.sha256


def test_every_fact_of_the_default_outline_quotes_its_paragraph_word_for_word() -> None:
    """A typo in the evidence, or a wrong paragraph number, fails here."""
    outline = read_outline(DEFAULT_OUTLINE)
    paragraphs = numbered_paragraphs(ARTICLE)
    found = list(evidenced(outline))
    quotes = [quote for part in outline.parts() for quote in part.quotes]
    assert len(found) == len(outline.statistics) + len(outline.timeline) + len(quotes) > 20  # every fact
    wrong = []
    for path, fact, evidence in found:
        assert cited_source(outline, fact, evidence) == "article"
        if evidence.paragraph is None or evidence.text not in paragraphs.get(evidence.paragraph, ""):
            wrong.append(f"{format_path(path)}: {evidence.text!r} is not in paragraph {evidence.paragraph}")
    assert wrong == []


def test_a_quote_s_evidence_holds_its_words() -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    quotes = [quote for part in outline.parts() for quote in part.quotes]
    assert quotes and all(quote.evidence and quote.text in quote.evidence.text for quote in quotes)


# A source's copy for the fixture: its statistic is stated in paragraph 2.
COPY = "标题\n\n一、第一部分\n\n1.7 亿用户\n".encode()


def with_evidence(outline: Path, more: str = "") -> Path:
    """The fixture's statistic with evidence (and `more` keys of it)."""
    return edit(outline, "    as_of: 2025-01\n    source: src\n", "    as_of: 2025-01\n    source: src\n    evidence:\n"
                "      text: 1.7 亿用户\n      paragraph: 2\n" + more)


def with_file(outline: Path, name: str, sha256: str | None = None) -> Path:
    checksum = f"\n    sha256: {sha256}" if sha256 else ""
    return edit(outline, "    caveat: 内容未经核实。\n", f"    caveat: 内容未经核实。\n    file: {name}{checksum}\n")


def validate_says(outline: Path) -> str:
    """The one problem `validate` reports, refusing the outline the way `build` does too."""
    code, output = run("validate", str(outline))
    assert code == 2, output
    [line] = output.strip().splitlines()
    return line


def test_a_source_s_copy_and_its_checksum_are_valid_beside_the_outline(minimal_outline: Path) -> None:
    folder = minimal_outline.parent
    (folder / "sources").mkdir()
    (folder / "sources" / "article.txt").write_bytes(COPY)
    # In capitals, as PowerShell's Get-FileHash prints it.
    with_file(minimal_outline, "sources/article.txt", hashlib.sha256(COPY).hexdigest().upper())
    with_evidence(minimal_outline)
    code, output = run("validate", str(minimal_outline))
    assert code == 0 and output.startswith(f"{minimal_outline}: valid\n"), output
    # The evidence checked against the copy, and notes alone besides: on takeaways and on facts without evidence.
    assert f"{minimal_outline}: 1 fact agrees with {folder / 'sources' / 'article.txt'}; 2 without" in output
    assert all(": note: " in line for line in output.splitlines()[1:] if ": 1 fact agrees" not in line), output
    evidence = read_outline(minimal_outline).statistics[0].evidence
    assert evidence is not None and (evidence.text, evidence.paragraph, evidence.source) == ("1.7 亿用户", 2, None)


@pytest.mark.parametrize("name", ["../article.txt", "/etc/hostname", "sources/../../article.txt"])
def test_a_copy_outside_the_outline_s_folder_is_refused(minimal_outline: Path, name: str) -> None:
    with_file(minimal_outline, name)
    refused(minimal_outline, "points outside the outline's folder", where="meta.source.file")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'file: ')}:11: meta.source.file: '{name}' points outside the "
        "outline's folder (put the file in the outline's folder and name it relative to it, e.g. sources/article.txt)")


def test_a_copy_that_links_out_of_the_folder_is_refused(minimal_outline: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "article.txt"
    elsewhere.write_bytes(COPY)
    os.symlink(elsewhere, minimal_outline.parent / "article.txt")
    with_file(minimal_outline, "article.txt")
    refused(minimal_outline, "is a link to a file outside", where="meta.source.file")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'file: ')}:11: meta.source.file: 'article.txt' is a link to a "
        "file outside the outline's folder (copy the file into the outline's folder)")


def test_a_missing_copy_or_a_folder_is_refused(minimal_outline: Path) -> None:
    folder = minimal_outline.parent
    with_file(minimal_outline, "sources/article.txt")
    line = line_of(minimal_outline, "file: ")
    refused(minimal_outline, "does not exist", where="meta.source.file")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line}:11: meta.source.file: 'sources/article.txt' does not exist in {folder.resolve()} "
        "(check the file name and folder)")
    (folder / "sources").mkdir()
    edit(minimal_outline, "file: sources/article.txt", "file: sources")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line}:11: meta.source.file: 'sources' is not a regular file (name the file itself, "
        "not a folder or a device)")


def test_a_checksum_needs_a_file(minimal_outline: Path) -> None:
    edit(minimal_outline, "    caveat: 内容未经核实。\n", "    caveat: 内容未经核实。\n    sha256: " + "0" * 64 + "\n")
    refused(minimal_outline, "a checksum without a file", where="meta.source.sha256")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'sha256: ')}:13: meta.source.sha256: a checksum without a "
        "file: sha256 is the checksum of the local copy that file names (add file: with the copy's path in the "
        "outline's folder, or remove sha256)")


def test_a_checksum_is_64_hex_digits(minimal_outline: Path) -> None:
    (minimal_outline.parent / "article.txt").write_text("正文\n", encoding="utf-8")
    with_file(minimal_outline, "article.txt", "abc123")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'sha256: ')}:13: meta.source.sha256: 'abc123' does not have "
        "the expected form (write the 64 hex digits that sha256sum prints for the file)")


def test_the_other_sources_copies_are_checked_too(minimal_outline: Path) -> None:
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + "sources:\n  - id: ruling\n    title: 裁决\n    file: ruling.txt\n",
                               encoding="utf-8")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'file: ruling.txt')}:11: sources[0].file: 'ruling.txt' does not "
        f"exist in {minimal_outline.parent.resolve()} (check the file name and folder)")


def test_evidence_names_a_source_that_exists(minimal_outline: Path) -> None:
    with_evidence(minimal_outline, "      source: scr\n")
    refused(minimal_outline, "no source has the id 'scr'", where="statistics[0].evidence.source")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'source: scr')}:15: statistics[0].evidence.source: no source has "
        "the id 'scr' (did you mean 'src'?)")


def test_a_quote_s_evidence_names_a_source_that_exists(minimal_outline: Path) -> None:
    """A quote names no source of its own here: the outline's is the default, and evidence may name another."""
    edit(minimal_outline, "            speaker: 一位用户\n",
         "            speaker: 一位用户\n            evidence:\n              text: 这是一句引语。\n"
         "              source: nobody\n")
    assert validate_says(minimal_outline) == (
        f"{minimal_outline}:{line_of(minimal_outline, 'source: nobody')}:23: sections[0].subsections[0].quotes[0]."
        "evidence.source: no source has the id 'nobody' (known ids: src)")


def test_evidence_has_text_a_paragraph_from_1_and_no_other_key(minimal_outline: Path) -> None:
    edit(minimal_outline, "    title: 结束\n", "    title: 结束\n    evidence:\n      paragraph: 0\n      page: 3\n")
    code, output = run("validate", str(minimal_outline))
    line = line_of(minimal_outline, "paragraph: 0")
    assert (code, output.strip().splitlines()) == (2, [
        f"{minimal_outline}:{line}:7: timeline[1].evidence.text: missing required key 'text'",
        f"{minimal_outline}:{line}:18: timeline[1].evidence.paragraph: must be at least 1, got 0",
        f"{minimal_outline}:{line + 1}:7: timeline[1].evidence.page: unknown key 'page' (valid keys: paragraph, "
        "source, text)",
    ])


def test_evidence_is_never_printed(minimal_outline: Path, tmp_path: Path) -> None:
    """Evidence is for checking: the outputs are the same bytes with it and without."""
    plain = build(minimal_outline, tmp_path / "plain")
    (minimal_outline.parent / "article.txt").write_bytes(COPY)
    with_file(minimal_outline, "article.txt")
    with_evidence(minimal_outline)
    evidenced_build = build(minimal_outline, tmp_path / "evidenced")
    assert evidenced_build.inputs == [minimal_outline]  # what 'watch' watches: not the article
    assert [output.path.name for output in plain.outputs] == ["mini.docx", "mini.pptx"]
    for before, after in zip(plain.outputs, evidenced_build.outputs, strict=True):
        assert before.path.read_bytes() == after.path.read_bytes(), before.path.name
