"""PDFs of the outputs, through LibreOffice: the real client, run headless.

Each call gets a private LibreOffice profile (so it neither disturbs nor
waits for a LibreOffice the user has open) and a time limit. LibreOffice
exits 0 even when it cannot load a file, so success is judged by the PDF.

LibreOffice runs in a session of its own ('soffice' starts soffice.bin, which
may start more): when the build is interrupted (Ctrl+C, or SIGTERM, which
the command line turns into the same) or LibreOffice takes too long, the
whole group is ended before the temporary folder (which holds LibreOffice's
own temporary files too) is removed, so neither outlives the build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from briefing.errors import BriefingError

TIMEOUT_SECONDS = 240
_EXECUTABLES = ("soffice", "libreoffice")
# How long a killed LibreOffice may take to be gone; a zombie no one reaps is given up on after it.
GROUP_END_SECONDS = 5.0


class PdfError(BriefingError):
    """LibreOffice is missing, failed, or took too long."""


def find_libreoffice() -> str:
    for name in _EXECUTABLES:
        path = shutil.which(name)
        if path:
            return path
    raise PdfError(
        "--pdf needs LibreOffice, which is not installed; on Debian or Ubuntu: "
        "apt-get install libreoffice-writer-nogui libreoffice-impress-nogui fonts-noto-cjk"
    )


def convert(files: dict[str, bytes]) -> dict[str, bytes]:
    """{'briefing.docx': bytes, ...} -> {'briefing.docx': the PDF's bytes, ...}, in one LibreOffice run."""
    soffice = find_libreoffice()
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as work:
        folder = Path(work)
        sources: dict[str, Path] = {}
        for number, (name, content) in enumerate(files.items()):
            # Numbered, so no two files (briefing.docx and briefing.pptx, or two audiences'
            # briefing.docx) become the same PDF.
            source = folder / "in" / f"{number}{Path(name).suffix}"
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(content)
            sources[name] = source
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(folder / "out"), *map(str, sources.values())]
        # LibreOffice's own temporary files go in the work folder too, so they go with it.
        (folder / "tmp").mkdir()
        _run(command, {**os.environ, "TMPDIR": str(folder / "tmp")})
        pdfs = {}
        for name, source in sources.items():
            pdf = folder / "out" / f"{source.stem}.pdf"
            if not pdf.exists() or pdf.stat().st_size == 0:
                raise PdfError(f"LibreOffice could not convert {name} to PDF")
            pdfs[name] = pdf.read_bytes()
    return pdfs


def _run(command: list[str], environment: dict[str, str]) -> None:
    """Run LibreOffice to its end; on a time-out or an interruption, end every process it started."""
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=environment, start_new_session=True)
    try:
        process.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _end(process)
        raise PdfError(f"LibreOffice took more than {TIMEOUT_SECONDS} s to convert; no PDF was written") from None
    except BaseException:  # KeyboardInterrupt, SystemExit: the build stops, and LibreOffice with it
        _end(process)
        raise


def _end(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice's process group (its session) and wait for the process we started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    wait_until_group_ends(process.pid)


def wait_until_group_ends(group: int, seconds: float = GROUP_END_SECONDS) -> None:
    """Wait (at most `seconds`) until no process of a killed group is left. A kill is sent, not done, when
    killpg returns: soffice.bin, which our child started, may still be tearing down its memory, and a
    command that returned now would leave it running behind the user's back for a moment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
