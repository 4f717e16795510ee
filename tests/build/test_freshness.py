"""A build with nothing changed has nothing to do; any change to what it read rebuilds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.build.freshness import Request, record
from briefing.outline.source import read_source
from tests.conftest import FIXTURES
from tests.outline.test_validate import edit
from tests.validate_ooxml import findings_in

LOGO = (FIXTURES / "logo.png").read_bytes()


def build(folder: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "briefing", "build", *args], cwd=folder, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def built(minimal_outline: Path) -> Path:
    folder = minimal_outline.parent
    (folder / "logo.png").write_bytes(LOGO)
    text = minimal_outline.read_text(encoding="utf-8")
    with_logo = text.replace("\nsections:", "\ntheme:\n  logo: logo.png\nsections:", 1)
    minimal_outline.write_text(with_logo, encoding="utf-8")
    assert "wrote build/mini.docx" in build(folder)
    assert findings_in(folder / "build") == []
    return folder


def test_nothing_changed_means_nothing_to_do(built: Path) -> None:
    before = (built / "build" / "mini.pptx").stat().st_mtime_ns
    output = build(built)
    assert "up to date: build/mini.docx" in output and "up to date: build/mini.pptx" in output
    assert (built / "build" / "mini.pptx").stat().st_mtime_ns == before


@pytest.mark.slow  # six builds and six rebuilds
@pytest.mark.parametrize("change", ["outline", "logo", "output edited", "output deleted", "option", "epoch"])
def test_any_change_to_what_the_build_read_or_wrote_rebuilds(built: Path, change: str, monkeypatch) -> None:
    args: list[str] = []
    if change == "outline":
        outline = built / "outline.yaml"
        edited = outline.read_text(encoding="utf-8").replace("第一条要点。", "第一条要点！")
        outline.write_text(edited, encoding="utf-8")
    elif change == "logo":
        (built / "logo.png").write_bytes(LOGO + b"\0")
    elif change == "output edited":
        (built / "build" / "mini.docx").write_bytes(b"someone else's file")
    elif change == "output deleted":
        (built / "build" / "mini.pptx").unlink()
    elif change == "option":
        args = ["--audience", "nobody"]
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738540800")
    if change == "option":
        result = subprocess.run([sys.executable, "-m", "briefing", "build", *args], cwd=built, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 2 and "no audience named 'nobody'" in result.stderr  # checked, not skipped
        return
    assert "wrote build/mini.docx" in build(built, *args)


def test_a_source_s_copy_is_no_input(minimal_outline: Path) -> None:
    """Evidence is never printed, so no output depends on the copy of the source it quotes: editing the copy
    leaves the build up to date ('briefing check' is what compares it with its checksum)."""
    folder = minimal_outline.parent
    (folder / "article.txt").write_text("标题\n\n正文。\n", encoding="utf-8")
    edit(minimal_outline, "    caveat: 内容未经核实。\n", "    caveat: 内容未经核实。\n    file: article.txt\n")
    assert "wrote build/mini.docx" in build(folder)
    (folder / "article.txt").write_text("标题\n\n改过的正文。\n", encoding="utf-8")
    assert "up to date: build/mini.docx" in build(folder)


def test_force_always_builds(built: Path) -> None:
    assert "wrote build/mini.docx" in build(built, "--force")


def test_library_versions_read_from_the_install_match_importlib_metadata() -> None:
    import importlib.metadata

    from briefing import installed
    from briefing.build.freshness import _LIBRARIES

    assert {name: installed.version(name) for name in _LIBRARIES} == {
        name: importlib.metadata.version(name) for name in _LIBRARIES}
    assert installed.version("no-such-distribution") is None


def request_for(folder: Path) -> Request:
    """The request 'briefing build' makes in folder, with no options (its manifest, as an absolute path)."""
    outline = folder / "outline.yaml"
    return Request(outline, read_source(outline).digest, folder / "build", (), False, False, None, None)


def test_recording_a_build_leaves_another_builds_temporary_alone(built: Path) -> None:
    """Builds side by side into one folder each write the manifest through a temporary of their own."""
    request = request_for(built)
    theirs = request.manifest().with_suffix(".tmp")  # the one fixed name every build used to share
    theirs.write_text("another build's manifest, half written", encoding="utf-8")
    record(request, [built / "outline.yaml"], [(built / "build" / "mini.docx", 1, "4 pages")])
    assert theirs.read_text(encoding="utf-8") == "another build's manifest, half written"
    assert json.loads(request.manifest().read_text(encoding="utf-8"))["outputs"][0]["detail"] == "4 pages"
    assert sorted(p.name for p in request.manifest().parent.glob("*.tmp")) == [theirs.name]


def test_a_manifest_that_cannot_be_written_is_a_warning_not_a_failure(built: Path) -> None:
    """The outputs are in place by then; only the next build's 'up to date' is lost, and it says so."""
    manifest = request_for(built).manifest()
    manifest.unlink()
    manifest.mkdir()  # a folder in its place: the system refuses to replace it
    result = subprocess.run([sys.executable, "-m", "briefing", "build", "--force"], cwd=built, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "build/.cache/manifest-" in result.stderr and "could not be written: Is a directory" in result.stderr
    assert "wrote build/mini.docx" in result.stdout
    assert not list(manifest.parent.glob("*.tmp"))
