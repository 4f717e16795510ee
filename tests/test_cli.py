"""The command line as a user runs it: messages, exit codes, outputs left alone on failure."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEFAULT_OUTLINE, FIXTURES
from tests.validate_ooxml import findings_in


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_build_writes_both_files_and_says_so(minimal_outline: Path) -> None:
    result = run("build", cwd=minimal_outline.parent)
    assert result.returncode == 0, result.stderr
    for name in ("mini.docx", "mini.pptx"):
        assert (minimal_outline.parent / "build" / name).stat().st_size > 10_000
        assert f"build/{name}" in result.stdout
    assert not list((minimal_outline.parent / "build").glob("*.tmp"))
    assert findings_in(minimal_outline.parent / "build") == []


def test_validate_ok(minimal_outline: Path) -> None:
    result = run("validate", str(minimal_outline), cwd=minimal_outline.parent)
    assert (result.returncode, result.stdout.strip()) == (0, f"{minimal_outline}: valid")


def test_validate_notes_the_parts_without_a_takeaway_and_succeeds(minimal_outline: Path) -> None:
    """A note, not an error: the heading titles the slide; each note a FILE:LINE:COL line on stderr."""
    result = run("validate", "outline.yaml", cwd=minimal_outline.parent)
    assert (result.returncode, result.stdout) == (0, "outline.yaml: valid\n")
    notes = result.stderr.splitlines()
    assert notes[1] == ("outline.yaml:17:5: sections[0]: note: no takeaway; the heading is the slide's title "
                        "(add takeaway: ...)")
    assert [line.split(": ")[1] for line in notes] == [
        "summary_takeaway", "sections[0]", "sections[0].subsections[0]", "key_figures", "charts[0]", "charts[1]"]


def test_validate_the_default_outline_says_only_valid(tmp_path: Path) -> None:
    result = run("validate", str(DEFAULT_OUTLINE), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


BAD_OUTLINES = {
    "missing file": None,
    "empty file": "",
    "syntax error": "meta:\n  title: [oops\n",
    "unknown key": (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace("summary:", "sumary:"),
    "wrong type": (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace("value: 170000000", "value: [1]"),
}


@pytest.mark.parametrize("command", ["build", "validate"])
@pytest.mark.parametrize("case", sorted(BAD_OUTLINES))
def test_bad_input_is_one_clear_line_per_problem_and_exit_2(tmp_path: Path, command: str, case: str) -> None:
    content = BAD_OUTLINES[case]
    outline = tmp_path / "outline.yaml"
    if content is not None:
        outline.write_text(content, encoding="utf-8")
    previous = tmp_path / "build" / "briefing.docx"
    previous.parent.mkdir()
    previous.write_bytes(b"the previous build")

    result = run(command, "outline.yaml", cwd=tmp_path)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("outline.yaml:") for line in lines), result.stderr
    assert all(len(line.split(":", 3)) == 4 and line.split(":")[1].isdigit() for line in lines)
    assert previous.read_bytes() == b"the previous build"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["briefing.docx"]


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "build" in result.stdout and "validate" in result.stdout


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", "--colour", cwd=tmp_path)
    assert result.returncode == 2
    assert "No such option" in result.stderr


def assert_plain_message(result: subprocess.CompletedProcess[str], code: int, *says: str) -> None:
    """Exit `code` with a message saying each of `says`: no traceback, no 'internal error' advice."""
    assert result.returncode == code, result.stderr
    assert all(text in result.stderr for text in says), result.stderr
    assert not any(bug in result.stderr for bug in ("Traceback", "internal error", "--debug"))


def test_output_folder_that_is_a_device_or_below_a_file_is_a_usage_error(minimal_outline: Path) -> None:
    folder = minimal_outline.parent
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert_plain_message(run("build", "-o", "/dev/null", cwd=folder), 2, "/dev/null: not a folder", "-o")
    assert Path("/dev/null").is_char_device()
    assert_plain_message(run("build", "-o", "notes.txt/build", cwd=folder), 2,
                         "notes.txt: not a folder, so notes.txt/build cannot be made")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_init_below_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert_plain_message(run("init", "notes.txt/below", cwd=tmp_path), 2,
                         "notes.txt: not a folder, so notes.txt/below cannot be made", "briefing init NEW-FOLDER")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_schema_over_a_pipe_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert_plain_message(run("schema", "-o", "pipe", cwd=tmp_path), 2, "pipe: not a regular file")
    assert (tmp_path / "pipe").is_fifo() and [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.parametrize("epoch", ["abc", "-5", "1e9", "99999999999", "4354819200", "１２３"])
def test_source_date_epoch_that_no_file_can_hold_is_a_usage_error(minimal_outline: Path, epoch: str) -> None:
    result = subprocess.run([sys.executable, "-m", "briefing", "build"], cwd=minimal_outline.parent, text=True,
                            capture_output=True, timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    assert_plain_message(result, 2, f"SOURCE_DATE_EPOCH={epoch!r}", "0 to 4354819199", "unset it")
    assert not (minimal_outline.parent / "build").exists()


def test_pdf_without_libreoffice_says_what_to_install(minimal_outline: Path, tmp_path: Path) -> None:
    """Needs no LibreOffice (the point is its absence), so it runs in the quick loop, unlike test_libreoffice.py."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "briefing", "build", str(minimal_outline), "--pdf"],
                            capture_output=True, text=True, env={**os.environ, "PATH": str(empty)}, timeout=120,
                            cwd=minimal_outline.parent)
    assert result.returncode == 1
    assert "--pdf needs LibreOffice, which is not installed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (minimal_outline.parent / "build").exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system of its own, 512 KiB (a tmpfs; needs root, else the test is skipped)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("refusal", ["disk full", "read-only"])
def test_a_full_or_read_only_disk_is_a_plain_message(minimal_outline: Path, small_disk: Path, refusal: str) -> None:
    folder = minimal_outline.parent
    assert run("build", "-o", str(small_disk), cwd=folder).returncode == 0
    before = {path: path.read_bytes() for path in small_disk.rglob("*") if path.is_file()}
    if refusal == "disk full":
        filler = small_disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        before[filler] = filler.read_bytes()
        says = f"{small_disk}/mini.docx could not be written: No space left on device (free some space"
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
        says = f"{small_disk}/mini.docx could not be written: Read-only file system"
    result = run("build", "--force", "-o", str(small_disk), cwd=folder)
    assert_plain_message(result, 1, says, "earlier outputs are unchanged")
    assert {path: path.read_bytes() for path in small_disk.rglob("*") if path.is_file()} == before


@pytest.mark.slow
def test_watch_rebuilds_on_change_and_survives_a_broken_outline(minimal_outline: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "briefing", "watch"], cwd=minimal_outline.parent,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = minimal_outline.parent / "build" / "mini.docx"

    def wait_for(condition, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, "watch did not react in time"
            time.sleep(0.1)

    try:
        wait_for(output.exists)
        first = output.read_bytes()
        text = minimal_outline.read_text(encoding="utf-8")
        minimal_outline.write_text(text.replace("title: 测试简报", "titel: 测试简报"), encoding="utf-8")
        time.sleep(1.5)
        assert output.read_bytes() == first  # the broken outline changed nothing
        minimal_outline.write_text(text.replace("第一条要点。", "第一条要点，改过了。"), encoding="utf-8")
        wait_for(lambda: output.read_bytes() != first)
        assert process.poll() is None  # still watching
    finally:
        process.terminate()
        log, _ = process.communicate(timeout=30)
    assert "unknown key 'titel'" in log and "watching for the next change" in log
    assert "Traceback" not in log


def _outline_with(folder: Path, change: str) -> Path:
    """The small fixture with one of the issue's large inputs."""
    import yaml

    outline = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    word = "a" * 100_000
    if change == "a 100,000-letter word in the prose":
        outline["sections"][0]["prose"] = [word]
    elif change == "a 100,000-letter bar label":
        outline["statistics"][0]["label"] = word
    elif change == "a 100,000-letter event title and detail":
        outline["timeline"][0].update(title=word, detail=word)
    elif change == "a 100,000-letter title":
        outline["meta"]["title"] = word
    else:  # 30 same-day events with long titles
        outline["timeline"] = [{"id": f"e{n}", "date": "2025-01-18", "title": f"事件{n} " + "很长的标题文字" * 300,
                                "source": "src"} for n in range(30)]
        outline["charts"][0]["events"] = [f"e{n}" for n in range(30)]
    path = folder / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.slow  # five builds, each in a process of its own
@pytest.mark.parametrize("change", [
    "a 100,000-letter word in the prose", "a 100,000-letter bar label", "a 100,000-letter event title and detail",
    "a 100,000-letter title", "30 same-day events with long titles"])
def test_large_inputs_build_in_bounded_time_with_bounded_charts(tmp_path: Path, change: str) -> None:
    """Was: a 100,000-letter bar label took 78 s and 2.4 GB, its chart 160,000 px tall; an event title, 38 s;
    30 same-day events with long titles, 11 s and 1 GB. Each now builds in seconds (the bound is generous)."""
    from PIL import Image

    from briefing.charts.layout import MAX_HEIGHT_IN
    from briefing.charts.style import DPI
    from tests.conftest import finishes

    outline = _outline_with(tmp_path, change)
    result = finishes(["-m", "briefing", "build", str(outline)], seconds=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert all(len(line) < 300 for line in result.stderr.splitlines())  # warnings quote briefly
    tallest = (0.15 + 30 * 0.34) if change.startswith("30") else MAX_HEIGHT_IN  # one line an event
    images = list((tmp_path / "build" / ".cache").glob("chart-*.png"))
    assert len(images) == 2
    for image in images:
        with Image.open(image) as opened:
            assert opened.height <= tallest * DPI + 1, (image.name, opened.size)


def test_an_interrupt_after_the_outputs_are_in_place_does_not_say_they_are_unchanged(
        minimal_outline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C while the build's record is written: the new outputs are already there, and the message says so."""
    from briefing.build import freshness
    from tests.refusals import run as run_here

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(freshness, "record", interrupted)
    out = minimal_outline.parent / "build"
    code, output = run_here("build", str(minimal_outline), "-o", str(out))
    assert code == 130
    assert "the outputs were written" in output and "unchanged" not in output
    assert (out / "mini.docx").is_file() and (out / "mini.pptx").is_file()
