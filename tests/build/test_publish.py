"""Outputs are whole or untouched, and the same outline gives the same bytes."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

import briefing.deck.render
from briefing.build import publish
from briefing.build.pipeline import build
from briefing.errors import InputError
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


@pytest.mark.slow
def test_same_outline_same_bytes_with_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738540800")
    build(DEFAULT_OUTLINE, tmp_path / "one")
    time.sleep(1.1)  # a clock-stamped entry would now differ
    build(DEFAULT_OUTLINE, tmp_path / "two")  # a separate chart cache: charts drawn again
    one, two = tmp_path / "one", tmp_path / "two"
    charts = sorted((one / ".cache").glob("*.png"))
    assert charts and all(c.read_bytes() == (two / ".cache" / c.name).read_bytes() for c in charts)
    assert snapshot(one) == snapshot(two)


@pytest.mark.slow
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

    monkeypatch.setattr(briefing.deck.render, "write_pptx", broken)
    with pytest.raises(RuntimeError, match="injected"):
        build(outline, out)
    assert snapshot(out) == before
    assert not temporaries(out)


def test_a_failure_while_publishing_changes_nothing(previous, monkeypatch) -> None:
    outline, out, before = previous
    real_write = publish._write
    calls = []

    def failing_second_file(path, content):
        calls.append(path)
        if len(calls) == 2:  # the first output is written out, the second fails (disk full, say)
            path.write_bytes(content[:100])
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, content)

    monkeypatch.setattr(publish, "_write", failing_second_file)
    with pytest.raises(publish.PublishError, match="mini.pptx could not be written: No space") as failure:
        build(outline, out)
    assert "earlier outputs are unchanged" in str(failure.value)
    assert snapshot(out) == before
    assert not temporaries(out)


@pytest.mark.slow
def test_a_killed_build_leaves_whole_files(previous) -> None:
    outline, out, before = previous
    for delay in (0.2, 0.6, 1.0):
        process = subprocess.Popen([sys.executable, "-m", "briefing", "build", str(outline), "-o", str(out), "-q"])
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        now = snapshot(out)
        assert set(now) == set(before)
        assert not temporaries(out)
        for name, content in now.items():  # each file is the old one or a complete new one
            assert content == before[name] or content[:2] == b"PK"


def written(path: Path, content: bytes = b"half") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def temporaries(folder: Path) -> list[Path]:
    return list(folder.rglob("*.tmp"))


@pytest.fixture
def an_hour_later(monkeypatch) -> None:
    """The sweep runs as if an hour had passed: every file there is is an hour old (a file's change
    time, which the sweep also reads, cannot be set back)."""
    hour_later = time.time() + 3600
    monkeypatch.setattr(publish, "time", SimpleNamespace(time=lambda: hour_later))


def test_stale_temporaries_of_a_killed_build_are_swept(previous, an_hour_later) -> None:
    outline, out, _ = previous
    ours = [written(out / ".mini.docx.briefing-0123456789abcdef.tmp"),
            written(out / ".cache" / ".chart-tl-1.png.briefing-fedcba9876543210.tmp")]
    recent = written(out / ".mini.pptx.briefing-00112233445566ff.tmp")  # perhaps a build's running beside
    os.utime(recent, (time.time() + 3600, time.time() + 3600))
    build(outline, out)
    assert not any(path.exists() for path in ours)
    assert recent.exists()


def test_an_old_version_kept_aside_by_a_build_beside_is_not_stale(previous) -> None:
    """A hard link to an output has the output's old mtime; its link was made just now."""
    outline, out, _ = previous
    os.utime(out / "mini.docx", (time.time() - 3600, time.time() - 3600))
    kept_aside = out / ".mini.docx.briefing-0123456789abcdef.tmp"
    os.link(out / "mini.docx", kept_aside)
    build(outline, out)
    assert kept_aside.exists()


def test_only_our_temporaries_in_the_folders_written_are_swept(previous, an_hour_later) -> None:
    """Not an editor's, not git's, not one of ours in a folder this build does not write."""
    outline, out, _ = previous
    theirs = [written(out / "notes" / ".draft.tmp"), written(out / ".git" / ".index.tmp"),
              written(out / ".draft.tmp"), written(out / ".mini.docx.abc.tmp"),
              written(out / ".mini.docx.briefing-xyz.tmp"),
              written(out / "notes" / ".mini.docx.briefing-0123456789abcdef.tmp")]
    build(outline, out)
    assert all(path.read_bytes() == b"half" for path in theirs)


def test_a_folder_where_an_output_goes_stops_the_build_before_anything_changes(previous) -> None:
    outline, out, before = previous
    outline.write_text(outline.read_text(encoding="utf-8").replace("测试简报", "新的简报"), encoding="utf-8")
    (out / "mini.pptx").unlink()
    written(out / "mini.pptx" / "mine.txt", b"the user's")
    del before["mini.pptx"]
    before["mini.pptx/mine.txt"] = b"the user's"
    with pytest.raises(InputError, match=r"mini.pptx: is a folder"):
        build(outline, out)
    assert snapshot(out) == before
    assert not temporaries(out)


@pytest.fixture
def immutable():
    """Make files immutable (chattr +i: not even root may replace them), undone afterwards."""
    made: list[Path] = []

    def make(path: Path) -> None:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("chattr +i is not available here (needs root and a file system that has it)")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_deck_that_cannot_be_replaced_leaves_the_document_as_it_was(previous, immutable) -> None:
    """The document is replaced first; when the deck then cannot be, the old document is put back."""
    outline, out, before = previous
    outline.write_text(outline.read_text(encoding="utf-8").replace("测试简报", "新的简报"), encoding="utf-8")
    immutable(out / "mini.pptx")
    with pytest.raises(publish.PublishError) as failure:
        build(outline, out)
    assert str(failure.value).startswith(f"{out / 'mini.pptx'} could not be replaced: Operation not permitted")
    assert str(failure.value).endswith("earlier outputs are unchanged")
    assert snapshot(out) == before
    assert not temporaries(out)


def test_output_folder_can_be_new_and_nested(minimal_outline: Path) -> None:
    out = minimal_outline.parent / "a" / "b"
    build(minimal_outline, out)
    assert (out / "mini.docx").exists()
    shutil.rmtree(out)


def replace_failing_for(monkeypatch, name: str, failure: BaseException) -> None:
    """os.replace fails when it would put `name` in place, as it does on Windows for a file open in
    another program (a condition Linux has no counterpart to)."""
    real_replace = os.replace

    def replace(source, destination):
        if Path(destination).name == name and ".briefing-" in Path(source).name:
            raise failure
        real_replace(source, destination)

    monkeypatch.setattr(publish.os, "replace", replace)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[dict[Path, bytes], dict[Path, bytes]]:
    """Outputs in two folders, as of several audiences: (what is there now, what a build would put there)."""
    old = {tmp_path / "a.docx": b"old a", tmp_path / "exec" / "a.docx": b"old exec a"}
    for path, content in old.items():
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
    new = {tmp_path / "a.docx": b"new a", tmp_path / "exec" / "a.docx": b"new exec a",
           tmp_path / "exec" / "a.pdf": b"new exec pdf", tmp_path / "policy" / "a.docx": b"new policy a"}
    return old, new


def files_in(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("links", ["hard links", "no hard links"])
def test_a_replace_failing_midway_puts_every_file_back(folders, tmp_path: Path, monkeypatch, links: str) -> None:
    old, new = folders
    if links == "no hard links":  # some file systems (FAT, some shares) have none: the old versions are copied
        monkeypatch.setattr(publish.os, "link", lambda *args: (_ for _ in ()).throw(OSError(errno.EPERM, "no")))
    replace_failing_for(monkeypatch, "a.pdf", PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(publish.PublishError, match=r"a.pdf could not be replaced: Permission denied"):
        publish.publish_all(new)
    assert files_in(tmp_path) == old  # the replaced ones are back, the new ones are gone


def test_an_interrupted_publish_puts_every_file_back(folders, tmp_path: Path, monkeypatch) -> None:
    old, new = folders
    replace_failing_for(monkeypatch, "a.pdf", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        publish.publish_all(new)
    assert files_in(tmp_path) == old


def test_a_file_that_cannot_be_put_back_is_named(folders, tmp_path: Path, monkeypatch) -> None:
    old, new = folders
    real_replace = os.replace
    failed: list[Path] = []

    def replace(source, destination):
        # a.pdf cannot be put in place; after that, the top folder's a.docx cannot be put back either
        if Path(destination).name == "a.pdf" or (failed and Path(destination) == tmp_path / "a.docx"):
            failed.append(Path(destination))
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, destination)

    monkeypatch.setattr(publish.os, "replace", replace)
    with pytest.raises(publish.PublishError) as failure:
        publish.publish_all(new)
    message = str(failure.value)
    assert "earlier outputs are unchanged" not in message
    assert f"could not be put back: {tmp_path / 'a.docx'} (its earlier version is kept as " in message
    kept = Path(message.rsplit("kept as ", 1)[1].rstrip(")"))
    assert kept.read_bytes() == b"old a" and (tmp_path / "a.docx").read_bytes() == b"new a"


def test_publishing_over_a_device_or_below_a_file_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (tmp_path / "file").write_bytes(b"mine")
    with pytest.raises(InputError, match="not a regular file"):
        publish.publish_all({tmp_path / "ok.txt": b"x", pipe: b"x"})
    with pytest.raises(InputError, match=r"file: not a folder, so .*file/below cannot be made"):
        publish.publish_all({tmp_path / "file" / "below" / "x.txt": b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "pipe"]
    assert (tmp_path / "file").read_bytes() == b"mine"


@pytest.mark.slow
def test_concurrent_builds_into_one_folder_all_succeed(minimal_outline: Path) -> None:
    """Each build's temporaries (outputs, charts, manifest) are its own; every output is whole."""
    out = minimal_outline.parent / "build"
    command = [sys.executable, "-m", "briefing", "build", str(minimal_outline), "-o", str(out), "-q", "--force"]
    for _ in range(2):
        processes = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(6)]
        results = [(process.wait(timeout=120), process.stderr.read()) for process in processes]
        assert results == [(0, "")] * len(processes)
    for path in (out / "mini.docx", out / "mini.pptx"):
        with zipfile.ZipFile(path) as whole:
            assert whole.testzip() is None
    assert not temporaries(out)


@pytest.mark.parametrize(("epoch", "stamped", "zipped"), [
    ("4354819199", "2107-12-31T23:59:59Z", (2107, 12, 31, 23, 59, 58)),  # the last second a zip can hold
    (" 0 ", "1970-01-01T00:00:00Z", (1980, 1, 1, 0, 0, 0)),  # before zips began: entries say 1980
])
def test_source_date_epoch_at_the_ends_of_its_range(minimal_outline: Path, monkeypatch, epoch: str, stamped: str,
                                                    zipped: tuple[int, ...]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    out = minimal_outline.parent / "build"
    build(minimal_outline, out)
    for path in (out / "mini.docx", out / "mini.pptx"):
        with zipfile.ZipFile(path) as package:
            assert f"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamped}<" in package.read(
                "docProps/core.xml").decode()
            assert {entry.date_time for entry in package.infolist()} == {zipped}
