"""briefing watch, run as a user runs it: a broken logo or template is reported, and the watch goes on."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from tests.conftest import FIXTURES
from tests.outline.test_validate import edit

pytestmark = pytest.mark.slow  # a watch process, and a build for each change

LOGO = (FIXTURES / "logo.png").read_bytes()
WAIT_SECONDS = 90  # a build takes a second or two; a busy machine, more
NUDGE_SECONDS = 3


class Watch:
    """A `briefing watch` process and the lines it prints, on either stream, as they come."""

    def __init__(self, folder: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "briefing", "watch", "outline.yaml", "-o", "out"],
                                        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        assert self.process.stdout is not None and self.process.stderr is not None
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def until(self, ending: str, change: Callable[[], None] | None = None) -> list[str]:
        """Every line up to the first that contains `ending`; fails if none comes in time.

        change: made now, and again after each quiet spell: the watch may not have started
        watching yet when it is first made, as the tool prints before it starts.
        """
        seen: list[str] = []
        deadline = time.monotonic() + WAIT_SECONDS
        while not seen or ending not in seen[-1]:
            if change is not None and (not seen or self.lines.empty()):
                change()
            try:
                seen.append(self.lines.get(timeout=min(NUDGE_SECONDS, max(0.0, deadline - time.monotonic()))))
            except queue.Empty:
                if time.monotonic() < deadline and self.process.poll() is None:
                    continue
                raise AssertionError(f"no line with {ending!r} (waited up to {WAIT_SECONDS} s); saw {seen}, "
                                     f"exit status {self.process.poll()}") from None
        return seen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def replace_file(path: Path, content: bytes) -> None:
    """As an editor saves: a new file renamed over the old one."""
    temporary = path.with_name(path.name + ".saving")
    temporary.write_bytes(content)
    temporary.replace(path)


def test_a_broken_logo_or_template_is_reported_and_the_watch_goes_on(minimal_outline: Path,
                                                                     pandoc_templates) -> None:
    folder = minimal_outline.parent
    (folder / "logo.png").write_bytes(LOGO[: len(LOGO) // 2])
    (folder / "brand.pptx").write_bytes(pandoc_templates[1].read_bytes())
    edit(minimal_outline, "sections:", "theme:\n  logo: logo.png\n  pptx_template: brand.pptx\nsections:")
    watch = Watch(folder)
    try:
        seen = watch.until("watching for the next change")
        assert any("theme.logo: 'logo.png'" in line and "damaged or incomplete" in line for line in seen), seen
        assert not (folder / "out" / "mini.pptx").exists()

        seen = watch.until("built in", lambda: replace_file(folder / "logo.png", LOGO))  # fixed: it builds
        assert "wrote out/mini.pptx" in "\n".join(seen)

        broken = b"PK\x03\x04 not a presentation after all"
        seen = watch.until("watching for the next change", lambda: replace_file(folder / "brand.pptx", broken))
        assert any("theme.pptx_template: 'brand.pptx' is not really a .pptx file" in line for line in seen), seen
        assert not any("Traceback" in line or "internal error" in line for line in seen), seen
        assert watch.process.poll() is None  # still watching
    finally:
        watch.stop()
    assert watch.process.returncode == 0
