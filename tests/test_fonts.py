"""Text measured with the bundled font: widths cached between runs, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

from briefing import fonts


def fresh_advances() -> dict[int, float]:
    fonts._advances.cache_clear()
    return fonts._advances()[0]


def test_widths_are_cached_and_a_damaged_cache_is_ignored(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = fresh_advances()
    [cache] = (tmp_path / "briefing").glob("advances-*.marshal")
    assert fresh_advances() == first  # read back from the cache
    cache.write_bytes(b"\x00not marshal data")
    assert fresh_advances() == first  # read from the font again
    assert first[ord("中")] == 1.0 and 0.2 < first[ord("a")] < 0.7


def test_an_unwritable_cache_folder_is_no_problem(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert fresh_advances()[ord("中")] == 1.0


def test_width_and_wrapping() -> None:
    assert fonts.text_width_exact("中文", 10) == 20
    assert fonts.wrap("", 100, 10) == [""]
    assert all(fonts.text_width(line, 10) <= 60 for line in fonts.wrap("中" * 50, 60, 10))
