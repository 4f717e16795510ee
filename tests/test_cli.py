"""The command line as a user runs it: messages, exit codes, outputs left alone on failure."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.ooxml import findings_in


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
