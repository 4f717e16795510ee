"""LibreOffice is the real client: every file we write must open and render there."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from pptx import Presentation

from briefing.build.pipeline import BuildReport, Output, build
from tests.conftest import DEFAULT_OUTLINE, FIXTURES, require

pytestmark = pytest.mark.libreoffice


def to_pdf(source: Path, folder: Path) -> Path:
    """Convert with LibreOffice in a private profile; the PDF, or a failed test."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [require("soffice"), f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    pdf = folder / f"{source.stem}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 20_000, f"LibreOffice could not convert {source.name}"
    return pdf


def poppler(tool: str, pdf: Path, *args: str) -> str:
    return subprocess.run([require(tool), *args, str(pdf), *(["-"] if tool == "pdftotext" else [])],
                          check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    info = poppler("pdfinfo", pdf)
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def audience_build(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    return build(DEFAULT_OUTLINE, tmp_path_factory.mktemp("audiences"), every_audience=True)


def check_pdf(output: Output, pdf: Path) -> None:
    """The PDF has the pages the build reported, the headings' text, and a Chinese font."""
    pages = int(output.detail.split()[0])
    assert page_count(pdf) == pages, f"{output.path}: {page_count(pdf)} pages, the build said {pages}"
    text = "".join(poppler("pdftotext", pdf).split())  # LibreOffice spaces CJK from Latin
    if output.path.suffix == ".docx":
        headings = [p.text for p in docx.Document(str(output.path)).paragraphs if p.style.name.startswith("Heading")]
    else:
        headings = [s.shapes.title.text for s in Presentation(str(output.path)).slides]
    for heading in headings:
        assert "".join(heading.split()) in text, (output.path, heading)
    fonts = poppler("pdffonts", pdf)
    assert any(name in fonts for name in ("CJK", "SC", "Hei")), f"no Chinese font in the PDF:\n{fonts}"


def test_the_default_build_opens_in_libreoffice(default_build, tmp_path: Path) -> None:
    report, _ = default_build
    for number, output in enumerate(report.outputs):
        check_pdf(output, to_pdf(output.path, tmp_path / str(number)))


def test_every_audience_opens_in_libreoffice(audience_build: BuildReport, tmp_path: Path) -> None:
    assert len(audience_build.outputs) == 8
    for number, output in enumerate(audience_build.outputs):
        check_pdf(output, to_pdf(output.path, tmp_path / str(number)))


def contents_entries(document: Path) -> list[tuple[str, int]]:
    """The contents as written into the file: each entry's text and the page number it shows."""
    entries = []
    for paragraph in docx.Document(str(document)).element.body.iter(qn("w:p")):
        link = paragraph.find(qn("w:hyperlink"))
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if link is not None and style is not None and style.get(qn("w:val")).startswith("TOC"):
            texts = [t.text for t in link.iter(qn("w:t"))]
            entries.append(("".join(texts[:-1]), int(texts[-1])))
    return entries


def misplaced_contents_entries(document: Path, folder: Path) -> list[str]:
    """Contents entries whose page number is not the page LibreOffice lays their heading out on."""
    pages = poppler("pdftotext", to_pdf(document, folder), "-layout").split("\f")
    lines = [["".join(line.split()) for line in page.splitlines()] for page in pages]
    contents = {n for n, page in enumerate(lines, 1) if any(re.search(r"\.{5,}\d+$", line) for line in page)}
    assert contents, "no contents page found"
    wrong, page = [], max(contents) + 1
    entries = contents_entries(document)
    assert entries
    for text, claimed in entries:
        start = "".join(text.split())[:18]  # a long heading wraps: its first line starts with this
        page = next((n for n in range(page, len(lines) + 1) if any(line.startswith(start) for line in lines[n - 1])),
                    None)
        if page != claimed:
            wrong.append(f"{text[:30]}: written {claimed}, laid out on {page}")
        page = page or max(contents) + 1
    return wrong


def test_contents_page_numbers_match_the_laid_out_pages(default_build, tmp_path: Path) -> None:
    """The page numbers written into the TOC are the ones LibreOffice lays the headings out on."""
    _, out = default_build
    assert len(contents_entries(out / "briefing.docx")) >= 19
    assert misplaced_contents_entries(out / "briefing.docx", tmp_path) == []


def long_outline(folder: Path, sections: int = 200) -> Path:
    """An outline of many sections of uneven length, with sub-sections, quotes and figures early on:
    the shape that showed where the page model and LibreOffice disagreed."""
    outline = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    outline["sections"] = []
    for n in range(sections):
        section = {"id": f"s{n}", "title": f"第{n}部分标题", "points": ["一个要点很长" * (n % 5 + 1)] * (n % 3 + 1),
                   "prose": ["一段文字。" * ((n * 7) % 19 * 5 + 1), "TikTok 和 YouTube 在2025年1月18日" * (n % 3 + 1)]}
        if n % 4 == 1:
            section["subsections"] = [{"id": f"s{n}a", "title": f"子部分{n} 标题", "points": ["子要点"],
                                       "quotes": [{"text": "引语" * (n % 30 + 1), "speaker": "某人"}]}]
        outline["sections"].append(section)
    outline["charts"][0]["placement"], outline["charts"][1]["placement"] = "s1", "s2"
    path = folder / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_contents_page_numbers_match_libreoffice_in_a_long_document(tmp_path: Path) -> None:
    """Was: with 200 sections, 186 of 205 entries differed from LibreOffice's layout (the space between
    paragraphs, paragraphs too short to split, headings LibreOffice left at a page's foot)."""
    require("soffice")
    outline = long_outline(tmp_path)
    report = build(outline, tmp_path / "build")
    document = tmp_path / "build" / "mini.docx"
    assert len(contents_entries(document)) > 250
    assert misplaced_contents_entries(document, tmp_path / "pdf") == []
    assert page_count(tmp_path / "pdf" / "mini.pdf") == int(report.outputs[0].detail.split()[0])


def test_contents_page_numbers_match_libreoffice_after_a_cover_of_two_pages(minimal_outline: Path) -> None:
    """Was: a 400-character title took the cover to two pages, and every entry was a page early."""
    require("soffice")
    edit = minimal_outline.read_text(encoding="utf-8").replace("title: 测试简报", f"title: {'很长的标题' * 80}", 1)
    minimal_outline.write_text(edit, encoding="utf-8")
    folder = minimal_outline.parent
    build(minimal_outline, folder / "build")
    assert misplaced_contents_entries(folder / "build" / "mini.docx", folder / "pdf") == []


def test_build_pdf_writes_a_pdf_of_each_output(minimal_outline: Path) -> None:
    require("soffice")
    out = minimal_outline.parent / "build"
    report = build(minimal_outline, out, pdf=True)
    document, deck = out / "mini.pdf", out / "mini-slides.pdf"
    slides = next(o.detail for o in report.outputs if o.path.suffix == ".pptx")
    assert page_count(deck) == int(slides.split()[0])
    assert page_count(document) >= 3
    assert "第一部分" in poppler("pdftotext", document)


def test_build_pdf_of_every_audience_keeps_each_audiences_pdfs_apart(minimal_outline: Path) -> None:
    require("soffice")
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + "audiences:\n  - {name: first, display_name: 甲, charts: []}\n"
                               "  - {name: both, display_name: 乙}\n", encoding="utf-8")
    out = minimal_outline.parent / "build"
    report = build(minimal_outline, out, every_audience=True, pdf=True)  # all four files in one LibreOffice run
    slides = {o.path.parent.name: int(o.detail.split()[0]) for o in report.outputs if o.path.suffix == ".pptx"}
    assert slides["first"] < slides["both"]
    for audience, count in slides.items():
        assert page_count(out / audience / "mini-slides.pdf") == count
        assert page_count(out / audience / "mini.pdf") >= 3


def _processes_with(marker: str) -> dict[int, str]:
    """Processes (pid: name) whose environment holds marker: a build started with it, and all it started."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "environ").read_bytes():
                found[int(entry.name)] = (entry / "comm").read_text().strip()
        except OSError:  # gone, or a zombie
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds processes through /proc")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl+C", "SIGTERM"])
def test_an_interrupted_pdf_build_leaves_no_libreoffice_and_no_temporary_folder(
        minimal_outline: Path, tmp_path: Path, stop: signal.Signals) -> None:
    """Was: LibreOffice (soffice.bin, started by the soffice script) outlived an interrupted build, and
    its briefing-pdf-* folder stayed in the temporary directory."""
    require("soffice")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    marker = f"BRIEFING_TEST_RUN={uuid.uuid4().hex}"
    name, value = marker.split("=")
    environment = {**os.environ, "TMPDIR": str(temporary), name: value}
    build = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(minimal_outline), "--pdf"],
                             cwd=minimal_outline.parent, env=environment, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not any(n.startswith(("soffice", "oosplash")) for n in _processes_with(marker).values()):
            assert build.poll() is None, f"the build ended before LibreOffice started: {build.stderr.read()}"
            assert time.monotonic() < deadline, "LibreOffice did not start within 120 s"
            time.sleep(0.05)
        time.sleep(0.5)  # let it start its own processes
        build.send_signal(stop)
        _, stderr = build.communicate(timeout=60)
        deadline = time.monotonic() + 10  # a killed process may take a moment to go
        while len(_processes_with(marker)) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _processes_with(marker)
    finally:
        if build.poll() is None:
            build.kill()
        for pid in _processes_with(marker):  # whatever the result, none of this test's processes stay
            os.kill(pid, signal.SIGKILL)
    assert build.returncode == 130, stderr
    assert "interrupted" in stderr
    assert left == {}, f"still running after the build ended: {left}"
    assert list(temporary.iterdir()) == []
    assert not (minimal_outline.parent / "build" / "mini.pdf").exists()
