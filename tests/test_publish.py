"""Outputs are whole or untouched, and the same outline gives the same bytes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import briefing.pptx.render
from briefing import publish
from briefing.pipeline import build
from tests.conftest import DEFAULT_OUTLINE


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and ".cache" not in p.parts}


@pytest.fixture
def previous(minimal_outline: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A folder holding a finished build of the minimal outline."""
    out = minimal_outline.parent / "build"
    build(minimal_outline, out)
    return minimal_outline, out, snapshot(out)


def test_same_outline_same_bytes_with_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738540800")
    build(DEFAULT_OUTLINE, tmp_path / "one")
    time.sleep(1.1)  # a clock-stamped entry would now differ
    build(DEFAULT_OUTLINE, tmp_path / "two")  # a separate chart cache: charts drawn again
    one, two = tmp_path / "one", tmp_path / "two"
    charts = sorted((one / ".cache").glob("*.png"))
    assert charts and all(c.read_bytes() == (two / ".cache" / c.name).read_bytes() for c in charts)
    assert snapshot(one) == snapshot(two)


def test_without_source_date_epoch_rebuilds_are_stable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(DEFAULT_OUTLINE, tmp_path)
    first = snapshot(tmp_path)
    time.sleep(1.1)
    build(DEFAULT_OUTLINE, tmp_path)
    assert snapshot(tmp_path) == first


def test_a_writer_failing_changes_nothing(previous, monkeypatch) -> None:
    outline, out, before = previous

    def broken(*args, **kwargs):
        raise RuntimeError("injected failure while writing the deck")

    monkeypatch.setattr(briefing.pptx.render, "write_pptx", broken)
    with pytest.raises(RuntimeError, match="injected"):
        build(outline, out)
    assert snapshot(out) == before
    assert not list(out.rglob("*.tmp"))


def test_a_failure_while_publishing_changes_nothing(previous, monkeypatch) -> None:
    outline, out, before = previous
    real_fdopen = os.fdopen
    calls = []

    def failing_second_file(descriptor, *args, **kwargs):
        calls.append(descriptor)
        if len(calls) == 2:  # the first output is written out, the second fails (disk full, say)
            os.close(descriptor)
            raise OSError(28, "No space left on device")
        return real_fdopen(descriptor, *args, **kwargs)

    monkeypatch.setattr(publish.os, "fdopen", failing_second_file)
    with pytest.raises(OSError, match="No space"):
        build(outline, out)
    assert snapshot(out) == before
    assert not list(out.rglob("*.tmp"))


def test_a_killed_build_leaves_whole_files(previous) -> None:
    outline, out, before = previous
    for delay in (0.2, 0.6, 1.0):
        process = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(outline), "-o", str(out), "-q"])
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        now = snapshot(out)
        assert set(now) == set(before)
        assert not list(out.rglob("*.tmp"))
        for name, content in now.items():  # each file is the old one or a complete new one
            assert content == before[name] or content[:2] == b"PK"


def test_stale_temporaries_of_a_killed_build_are_swept(previous) -> None:
    outline, out, _ = previous
    stale = out / ".mini.docx.abc.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    build(outline, out)
    assert not stale.exists()


def test_output_folder_can_be_new_and_nested(minimal_outline: Path) -> None:
    out = minimal_outline.parent / "a" / "b"
    build(minimal_outline, out)
    assert (out / "mini.docx").exists()
    shutil.rmtree(out)
