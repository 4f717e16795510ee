"""LibreOffice is the real client: every file we write must open and render there."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

import docx
from pptx import Presentation

from briefing.pipeline import BuildReport, Output, build
from tests.conftest import DEFAULT_OUTLINE


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        # On CI the tools are installed by .ci/run, so their absence is a failure there.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"{tool} is not installed")
    return path


def to_pdf(source: Path, folder: Path) -> Path:
    """Convert with LibreOffice in a private profile; the PDF, or a failed test."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_require("soffice"), f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    pdf = folder / f"{source.stem}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 20_000, f"LibreOffice could not convert {source.name}"
    return pdf


def poppler(tool: str, pdf: Path, *args: str) -> str:
    return subprocess.run([_require(tool), *args, str(pdf), *(["-"] if tool == "pdftotext" else [])],
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


def test_contents_page_numbers_match_the_laid_out_pages(default_build, tmp_path: Path) -> None:
    """The page numbers written into the TOC are the ones LibreOffice lays the headings out on."""
    _, out = default_build
    pages = poppler("pdftotext", to_pdf(out / "briefing.docx", tmp_path), "-layout").split("\f")
    claimed = {}
    for line in pages[1].splitlines():
        match = re.match(r"\s*(.+?)\.{3,}\s*(\d+)\s*$", line)
        if match:
            claimed["".join(match.group(1).split())] = int(match.group(2))
    assert len(claimed) >= 19

    def laid_out(title: str) -> int | None:
        return next((number for number, page in enumerate(pages[2:], 3)
                     if any("".join(line.split()).startswith(title) for line in page.splitlines())), None)

    assert {title: laid_out(title) for title in claimed} == claimed


def test_build_pdf_writes_a_pdf_of_each_output(minimal_outline: Path) -> None:
    _require("soffice")
    out = minimal_outline.parent / "build"
    report = build(minimal_outline, out, pdf=True)
    document, deck = out / "mini.pdf", out / "mini-slides.pdf"
    slides = next(o.detail for o in report.outputs if o.path.suffix == ".pptx")
    assert page_count(deck) == int(slides.split()[0])
    assert page_count(document) >= 3
    assert "第一部分" in poppler("pdftotext", document)


def test_build_pdf_of_every_audience_keeps_each_audiences_pdfs_apart(minimal_outline: Path) -> None:
    _require("soffice")
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


def test_pdf_without_libreoffice_says_what_to_install(minimal_outline: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "briefing", "build", str(minimal_outline), "--pdf"],
                            capture_output=True, text=True, env={**os.environ, "PATH": str(empty)}, timeout=120,
                            cwd=minimal_outline.parent)
    assert result.returncode == 1
    assert "--pdf needs LibreOffice, which is not installed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (minimal_outline.parent / "build").exists()


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
    _require("soffice")
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
