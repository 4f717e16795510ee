"""The real files laid out by LibreOffice, in the background: the preview's pages after its fast view.

A render builds one reader's .docx and .pptx as `briefing build` does (into the preview's own
folder), has LibreOffice convert both to PDF in one run, and poppler's pdftoppm turn each page into
a PNG. One render runs at a time; a newer save or another reader cancels the one under way and
starts again: LibreOffice (a session of its own, with its own profile, kept between renders so it
starts warm) is killed with everything it started. Where LibreOffice or pdftoppm is missing the
preview keeps its fast view and says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

from briefing.build.pdf import wait_until_group_ends
from briefing.build.pipeline import build
from briefing.build.workers import BuildWorkers
from briefing.errors import BriefingError
from briefing.outline.source import OutlineSource

TIMEOUT_SECONDS = 240
SLIDE_DPI = 96  # a slide 1280 pixels wide: sharp at the page's size on a high-density screen
PAGE_DPI = 100


class RenderError(BriefingError):
    """LibreOffice or pdftoppm failed, or took too long."""


def missing_tools() -> str | None:
    """What the page should say when LibreOffice's pages cannot be made here; None when they can."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return ("LibreOffice is not installed: the pages shown are the page model's. On Debian or Ubuntu: "
                "apt-get install libreoffice-writer-nogui libreoffice-impress-nogui poppler-utils fonts-noto-cjk")
    if not shutil.which("pdftoppm"):
        return "pdftoppm is not installed (apt-get install poppler-utils): the pages shown are the page model's"
    return None


@dataclass(frozen=True)
class Rendered:
    """One render's pictures, in its folder: the deck's slides and the document's pages, in order."""

    folder: Path
    slides: list[str] = field(default_factory=list)  # file names
    pages: list[str] = field(default_factory=list)


class Renderer:
    """Makes renders in `folder`, one at a time."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.profile = folder / "profile"
        self.count = 0
        # The build before LibreOffice runs in a thread, which a cancelled render cannot stop: the next
        # one waits for it here, as both write the same folder (and share its cache of chart images).
        self._building = threading.Lock()

    async def render(self, source: OutlineSource, audience: str | None) -> Rendered:
        """Build, convert and picture one reader's files; cancelling it ends LibreOffice at once."""
        self.count += 1
        work = self.folder / f"render-{self.count}"
        work.mkdir(parents=True)
        try:
            return await self._render(source, audience, work)
        except BaseException:  # cancelled or failed: nothing of it is shown, and nothing of it is kept
            shutil.rmtree(work, ignore_errors=True)
            raise

    async def _render(self, source: OutlineSource, audience: str | None, work: Path) -> Rendered:
        deck, document = await asyncio.to_thread(self._build, source, audience, work)
        pdfs = work / "pdf"
        await self._convert(work, [deck, document], pdfs)
        for name in ("deck.pdf", "document.pdf"):
            pdf = pdfs / name
            if not pdf.exists() or pdf.stat().st_size == 0:
                raise RenderError(f"LibreOffice could not convert the {name[:-4]} to PDF")
        pdftoppm = _tool("pdftoppm")
        codes = await asyncio.gather(
            _run([pdftoppm, "-png", "-r", str(SLIDE_DPI), str(pdfs / "deck.pdf"), str(work / "slide")]),
            _run([pdftoppm, "-png", "-r", str(PAGE_DPI), str(pdfs / "document.pdf"), str(work / "page")]))
        if any(codes):
            raise RenderError(f"pdftoppm failed (exit status {max(codes)})")
        return Rendered(work, _numbered(work, "slide"), _numbered(work, "page"))

    async def _convert(self, work: Path, files: list[Path], out: Path) -> None:
        """LibreOffice's PDF of each file, in one run, its temporary files in the render's folder. (It exits 0
        even when it could not convert: the PDFs tell.)"""
        command = [_tool("soffice", "libreoffice"), f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(out), *map(str, files)]
        try:
            await _run(command, {**os.environ, "TMPDIR": str(work)})
        except BaseException:
            shutil.rmtree(self.profile, ignore_errors=True)  # killed, it may leave its profile locked: start afresh
            raise

    def _build(self, source: OutlineSource, audience: str | None, work: Path) -> tuple[Path, Path]:
        """The reader's .pptx and .docx, built as `briefing build` builds them, copied into the render's folder."""
        with self._building:
            report = build(source, self.folder / "build", [audience] if audience else [],
                           workers=BuildWorkers(processes=1))
        built = {path.suffix: path for path in (output.path for output in report.outputs)}
        deck, document = work / "deck.pptx", work / "document.docx"
        shutil.copyfile(built[".pptx"], deck)
        shutil.copyfile(built[".docx"], document)
        return deck, document

    def discard(self, rendered: Rendered) -> None:
        """Remove a render's pictures, once the page no longer shows them."""
        shutil.rmtree(rendered.folder, ignore_errors=True)


def _tool(*names: str) -> str:
    """The path of the first of these commands found."""
    for name in names:
        found = shutil.which(name)
        if found is not None:
            return found
    raise RenderError(missing_tools() or f"{names[0]} is not installed")


async def _run(command: list[str], environment: dict[str, str] | None = None) -> int:
    """Run a command in a session of its own to its end, its exit status; cancelled or too slow, it and all
    it started end."""
    process = await asyncio.create_subprocess_exec(
        *command, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL, env=environment, start_new_session=True)
    try:
        return await asyncio.wait_for(process.wait(), TIMEOUT_SECONDS)
    except TimeoutError:
        await _end(process)
        raise RenderError(f"{Path(command[0]).name} took more than {TIMEOUT_SECONDS} s") from None
    except BaseException:
        await _end(process)
        raise


async def _end(process: asyncio.subprocess.Process) -> None:
    """Kill the process's session (LibreOffice's soffice.bin with it) and wait for the process."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    await process.wait()
    await asyncio.to_thread(wait_until_group_ends, process.pid)


def _numbered(folder: Path, stem: str) -> list[str]:
    """pdftoppm's pictures (slide-01.png, ...), in page order."""
    return sorted((path.name for path in folder.glob(f"{stem}-*.png")), key=lambda name: int(name[len(stem) + 1:-4]))
