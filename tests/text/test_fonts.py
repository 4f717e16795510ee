"""Text measured with the bundled font: widths cached between runs, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.text import fonts
from tests.conftest import finishes


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


@pytest.mark.parametrize("call", [
    'fonts.wrap("a" * 300_000, 90, 9)',
    'line_count("a" * 300_000, 90, ParagraphSpec(9, 12))',  # the page model's measures remember widths
], ids=["wrap", "page model"])
def test_wrapping_a_very_long_word_is_linear(call: str) -> None:
    """Was: each cut of a word wider than the line measured the whole rest of it again: quadratic, about
    16 s for 100,000 letters (and in the page model, gigabytes of remembered widths). Run apart, so a
    regression fails instead of hanging."""
    code = ("from briefing.text import fonts; from briefing.document.geometry import ParagraphSpec; "
            f"from briefing.document.pagination import line_count; print(len(str({call})))")
    result = finishes(["-c", code], seconds=60)
    assert result.returncode == 0, result.stderr


def test_a_word_wider_than_the_line_is_cut_into_lines_that_fit() -> None:
    lines = fonts.wrap("x " + "a" * 5_000, 90, 9)
    assert lines[0] == "x" and "".join(lines[1:]) == "a" * 5_000
    assert all(fonts.text_width(line, 9) <= 90 for line in lines)


def test_punctuation_hangs_at_the_end_of_a_line_but_only_a_few_marks() -> None:
    width = fonts.text_width("中" * 10, 10)
    assert fonts.wrap("中" * 10 + "。”", width, 10) == ["中" * 10 + "。”"]  # kept with the character before
    lines = fonts.wrap("中" * 10 + "，" * 40, width, 10)
    assert all(fonts.text_width(line, 10) <= width + 3 * fonts.text_width("，", 10) for line in lines)


def test_clamped_lines_end_in_an_ellipsis_within_the_width() -> None:
    lines = fonts.wrap("很长的标题" * 100, 90, 9)
    kept = fonts.clamp_lines(lines, 3, 90, 9)
    assert len(kept) == 3 and kept[:2] == lines[:2] and kept[-1].endswith(fonts.ELLIPSIS)
    assert fonts.text_width(kept[-1], 9) <= 90
    assert fonts.clamp_lines(lines[:2], 3, 90, 9) == lines[:2]
    assert fonts.clamp_lines(lines, 0, 90, 9) == []
