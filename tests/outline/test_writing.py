"""Writing checks: text that would read wrong once its references are filled in is refused, with what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.build.pipeline import load
from briefing.outline.starter import starter_text
from tests.conftest import DEFAULT_OUTLINE, FIXTURES
from tests.outline.test_validate import edit, errors_for, line_of


@pytest.fixture
def qualified(minimal_outline: Path) -> Path:
    """The minimal outline's statistic is 'about' 1.7亿."""
    return edit(minimal_outline, "    unit: count\n", "    unit: count\n    qualifier: about\n")


def test_a_qualifier_before_a_qualified_figure_is_refused(qualified: Path) -> None:
    edit(qualified, "  - 第一条要点。", "  - 影响约{users}用户。")
    [message] = errors_for(qualified)
    line = line_of(qualified, "影响约")
    assert message == (
        f"{qualified}:{line}:5: summary[0]: '约' is written before {{users}}, whose statistic is "
        "'about' already: the reader would see it twice (write {users} alone; the statistic's qualifier prints "
        "with the figure)")


def test_a_qualifier_before_an_unqualified_figure_is_the_writers_own(minimal_outline: Path) -> None:
    edit(minimal_outline, "  - 第一条要点。", "  - 影响约{users}用户。")
    assert load(minimal_outline).summary == ["影响约1.7亿用户。"]


def test_an_english_qualifier_word_counts_too(qualified: Path) -> None:
    edit(qualified, "      - 一个要点", "      - nearly {users} people")
    [message] = errors_for(qualified)
    assert "sections[0].points[0]: 'nearly' is written before {users}" in message


@pytest.mark.parametrize("written", ["1.7亿", "1.7 亿", "17000万", "170,000,000", "170 million"])
def test_a_figure_typed_where_a_statistic_has_it_is_refused(minimal_outline: Path, written: str) -> None:
    edit(minimal_outline, "      - 一段文字，提到 2025年1月18日。", f"      - 一段文字，提到 {written}用户。")
    [message] = errors_for(minimal_outline)
    assert f"sections[0].prose[0]: '{written}' is typed as a number; the statistic 'users' has this value" in message
    assert message.endswith("(write {users} instead, so the text follows the statistic and the locale's style)")


@pytest.mark.parametrize("written", ["2025年1月18日", "1.8亿", "2亿", "第170页", "12,000人"])
def test_dates_other_figures_and_rough_ones_are_not_mistaken_for_the_statistic(minimal_outline: Path,
                                                                                written: str) -> None:
    edit(minimal_outline, "      - 一段文字，提到 2025年1月18日。", f"      - 一段文字，提到 {written}。")
    assert load(minimal_outline).sections[0].prose == [f"一段文字，提到 {written}。"]


def test_a_percentage_matches_only_a_percentage(minimal_outline: Path) -> None:
    edit(minimal_outline, "    value: 170000000\n    unit: count", "    value: 80\n    unit: percent")
    edit(minimal_outline, "      - 一个要点", "      - 约80%的青少年，80个城市")
    [message] = errors_for(minimal_outline)
    assert "sections[0].points[0]: '80%' is typed as a number" in message


def test_the_shipped_outlines_write_every_figure_by_reference() -> None:
    for outline in (DEFAULT_OUTLINE, FIXTURES / "english.yaml"):
        load(outline)  # raises OutlineError with each typed figure otherwise


def test_the_starter_does_not_qualify_a_figure_twice(tmp_path: Path) -> None:
    starter = tmp_path / "outline.yaml"
    starter.write_text(starter_text("zh-CN"), encoding="utf-8")
    assert not any("约约" in line or "近近" in line for line in load(starter).summary)


def test_an_english_sentence_that_opens_with_a_figure_starts_with_a_capital(tmp_path: Path) -> None:
    english = tmp_path / "english.yaml"
    english.write_text((FIXTURES / "english.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    edit(english, "          - Estimated lost income of {creator-loss}",
         "          - Income was lost. {creator-loss}, by one estimate; or {creator-loss}")
    outline = load(english)
    points = [point for section in outline.sections for sub in section.subsections for point in sub.points]
    assert "About 2 million creators earned a living on TikTok" in points
    assert "Income was lost. Nearly $300 million, by one estimate; or nearly $300 million" in points


def test_a_text_starting_with_a_reference_unquoted_says_to_quote_it(minimal_outline: Path) -> None:
    edit(minimal_outline, "  - 第一条要点。", "  - {users}用户受影响")
    [message] = errors_for(minimal_outline)
    assert message.endswith('(a text that starts with a {reference} must be quoted: - "{us-users}用户…")')
    edit(minimal_outline, "  - {users}用户受影响", "  - {users}")
    [message] = errors_for(minimal_outline)
    assert message.endswith('summary[0]: expected text, got a mapping: YAML reads {users} at the start as one '
                            '(put the text in quotes: "{users}")')
