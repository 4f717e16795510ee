"""`briefing preview` run as a user runs it, in a session of its own: its address, what it says, and
its end (Ctrl+C), after which nothing it started may be left."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 60  # the first view takes a second; a busy machine, more
_ADDRESS = re.compile(r"briefing preview: (http://\S+/) ")


class Preview:
    """A `briefing preview` process serving the outline in `folder` on a free port."""

    def __init__(self, folder: Path, *args: str, outline: str = "outline.yaml",
                 environment: dict[str, str] | None = None):
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
                       **(environment or {})}
        self.folders_before = _session_folders()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "preview", outline, "--no-browser", "--port", "0", *args],
            cwd=folder, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.said: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()
        self.address = ""

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def until(self, pattern: str) -> str:
        """The first line (from now on) matching the regular expression; fails if none comes in time."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, min(1.0, deadline - time.monotonic())))
            except queue.Empty:
                if time.monotonic() < deadline and self.process.poll() is None:
                    continue
                raise AssertionError(f"no line like {pattern!r}; it said {self.said}, "
                                     f"exit status {self.process.poll()}") from None
            self.said.append(line)
            if re.search(pattern, line):
                return line

    def started(self) -> Preview:
        found = _ADDRESS.search(self.until(_ADDRESS.pattern))
        assert found is not None
        self.address = found.group(1)
        return self

    def get(self, path: str) -> tuple[int, bytes, str]:
        """(status, body, content type) of a request to the preview."""
        try:
            with urllib.request.urlopen(self.address + path, timeout=30) as answer:  # noqa: S310 - our own server
                return answer.status, answer.read(), answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers.get("Content-Type", "")

    def view(self, audience: str | None = None) -> dict[str, Any]:
        status, body, _ = self.get("api/view" + (f"?audience={audience}" if audience else ""))
        assert status == 200
        return json.loads(body)

    def stop(self) -> tuple[int, str]:
        """Ctrl+C, as a terminal sends it to the whole foreground group; (exit status, all it said).
        Every process it had started (LibreOffice, in a session of its own, too) must be gone with it."""
        started = descendants(self.process.pid)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
                raise AssertionError("still running a minute after Ctrl+C") from None
        time.sleep(0.2)  # the reading threads take the last lines
        while not self.lines.empty():
            self.said.append(self.lines.get())
        left = [name for pid, name in started.items() if Path(f"/proc/{pid}").exists()]
        assert left == [], f"left running after Ctrl+C: {left}"
        assert left_in_session(self.process.pid) == []
        assert _session_folders() - self.folders_before == set(), "its folder (renders, LibreOffice's profile) is left"
        return self.process.returncode, "\n".join(self.said)


def _session_folders() -> set[Path]:
    """The preview sessions' folders in the temporary folder: each removes its own when it stops."""
    return set(Path(tempfile.gettempdir()).glob("briefing-preview-*"))


def _stat(pid: str) -> tuple[str, list[str]] | None:
    """A process's name and the fields of /proc/PID/stat after it, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[: text.rindex(")") + 1], text[text.rindex(")") + 2:].split()


def descendants(pid: int) -> dict[int, str]:
    """Every process started by pid, or by those it started, however deep: 'PID (name)' by pid."""
    children: dict[int, list[tuple[int, str]]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        found = _stat(stat.parent.name)
        if found is not None:
            children.setdefault(int(found[1][1]), []).append((int(stat.parent.name), found[0]))
    result: dict[int, str] = {}
    waiting = [pid]
    while waiting:
        for child, name in children.get(waiting.pop(), []):
            result[child] = name
            waiting.append(child)
    return result


def left_in_session(session: int) -> list[str]:
    """The processes still in the preview's session (it started it): anything it did not wait for."""
    return [found[0] for stat in Path("/proc").glob("[0-9]*/stat")
            if (found := _stat(stat.parent.name)) is not None and int(found[1][3]) == session]


def replace_file(path: Path, text: str) -> None:
    """As an editor saves: a new file renamed over the old one."""
    temporary = path.with_name(path.name + ".saving")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
