"""The outline is read once per command, so it may come from a pipe or a FIFO."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing.outline.source import MAX_FILE_BYTES, read_source
from tests.conftest import FIXTURES

OUTLINE = (FIXTURES / "minimal.yaml").read_bytes()


def briefing(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=120)


def test_build_and_validate_from_standard_input(tmp_path: Path) -> None:
    result = briefing("build", "/dev/stdin", "-o", "out", cwd=tmp_path, stdin=OUTLINE)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out" / "mini.docx").exists() and (tmp_path / "out" / "mini.pptx").exists()
    result = briefing("validate", "/dev/stdin", cwd=tmp_path, stdin=OUTLINE)
    assert (result.returncode, result.stdout.decode().strip()) == (0, "/dev/stdin: valid")


def test_build_from_process_substitution(tmp_path: Path) -> None:
    (tmp_path / "outline.yaml").write_bytes(OUTLINE)
    bash = shutil.which("bash") or pytest.skip("no bash")
    command = f"{sys.executable} -m briefing build <(cat outline.yaml) -o out"
    result = subprocess.run([bash, "-c", command], cwd=tmp_path, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out" / "mini.pptx").exists()


def test_build_from_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "outline.yaml"
    os.mkfifo(fifo)

    def write_once() -> None:
        with fifo.open("wb") as stream:  # waits for the build to open it: once
            stream.write(OUTLINE)

    threading.Thread(target=write_once, daemon=True).start()
    result = briefing("build", "outline.yaml", "-o", "out", cwd=tmp_path)  # a second read would wait for ever
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out" / "mini.docx").exists()


def test_a_pipe_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    result = briefing("validate", "/dev/stdin", cwd=tmp_path, stdin=b"#" * (MAX_FILE_BYTES + 10))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "/dev/stdin:1:1: (top level): is larger than 5120 KiB, the limit for an outline "
        "(split the source into several briefings)")


@pytest.mark.parametrize("size, fits", [(MAX_FILE_BYTES, True), (MAX_FILE_BYTES + 1, False)])
def test_the_limit_is_exact(tmp_path: Path, size: int, fits: bool) -> None:
    path = tmp_path / "outline.yaml"
    path.write_bytes(b"#" * size)
    if fits:
        assert len(read_source(path).raw) == size
    else:
        with pytest.raises(Exception, match="is larger than 5120 KiB"):
            read_source(path)
