"""Charts that cannot mislead: bars sorted, one precision a chart, qualifiers kept true (issue 15, item 4)."""

from __future__ import annotations

from datetime import date

from msgspec.structs import replace

from briefing.charts.data import bar_groups, chart_note, chart_precision
from briefing.outline.locale import format_value
from briefing.outline.model import (
    BarOrder,
    Chart,
    ChartKind,
    Locale,
    Meta,
    Outline,
    Qualifier,
    Section,
    Source,
    Statistic,
    Unit,
)


def _outline(statistics: list[Statistic], order: BarOrder = BarOrder.LARGEST_FIRST,
             locale: Locale = Locale.ZH_CN) -> Outline:
    source = Source(id="article", title="文章")
    chart = Chart(id="c", kind=ChartKind.BAR, title="用户", order=order, statistics=[s.id for s in statistics])
    return Outline(meta=Meta(title="t", date=date(2025, 2, 3), locale=locale, source=source), summary=["s"],
                   sections=[Section(id="a", title="a")], statistics=statistics, charts=[chart])


def _stat(id: str, value: float, qualifier: Qualifier | None = None, as_of: str | None = None,
          part_of: str | None = None, unit: Unit = Unit.COUNT) -> Statistic:
    return Statistic(id=id, label=f"{id}用户", value=value, unit=unit, qualifier=qualifier, measures="m",
                     as_of=as_of, source="article", part_of=part_of)


REGIONS = [_stat("us", 170_000_000, as_of="2025-01"),
           _stat("id", 157_600_000, Qualifier.NEARLY, "2024-07", part_of="apac"),
           _stat("apac", 682_000_000, Qualifier.OVER, "2024-07")]


def test_bars_run_largest_first_unless_the_chart_keeps_its_own_order() -> None:
    outline = _outline(REGIONS)
    assert [b.label for b in bar_groups(outline.charts[0], outline)[0].bars] == ["apac用户", "us用户", "id用户"]
    listed = _outline(REGIONS, BarOrder.AS_LISTED)
    assert [b.label for b in bar_groups(listed.charts[0], listed)[0].bars] == ["us用户", "id用户", "apac用户"]


def test_a_chart_shows_its_values_in_one_precision_keeping_their_qualifiers() -> None:
    outline = _outline(REGIONS)
    bars = bar_groups(outline.charts[0], outline)[0].bars
    assert [b.display for b in bars] == ["超过6.8亿", "1.7亿", "近1.6亿"]  # not 超过6.82亿, 1.7亿, 近1.576亿
    assert chart_precision(outline.charts[0], outline) == 2
    # Elsewhere (key figures, text, tables) a value keeps its own precision.
    assert format_value(REGIONS[1], Locale.ZH_CN) == "近1.576亿"


def test_rounding_keeps_a_qualifier_true() -> None:
    # "over 1.68亿" is not "over 1.7亿"; "nearly 1.62亿" is not "nearly 1.6亿".
    over = _stat("a", 168_000_000, Qualifier.OVER)
    nearly = _stat("b", 162_000_000, Qualifier.NEARLY)
    about = _stat("c", 165_000_000, Qualifier.ABOUT)
    assert format_value(over, Locale.ZH_CN, significant=2) == "超过1.6亿"
    assert format_value(nearly, Locale.ZH_CN, significant=2) == "近1.7亿"
    assert format_value(about, Locale.ZH_CN, significant=2) == "约1.7亿"
    assert format_value(over, Locale.EN, significant=2) == "over 160 million"


def test_values_all_known_more_precisely_keep_more_digits() -> None:
    outline = _outline([_stat("a", 12_340), _stat("b", 12_790)])
    assert [b.display for b in bar_groups(outline.charts[0], outline)[0].bars] == ["1.279万", "1.234万"]


def test_the_note_says_the_dates_differ_and_which_figure_contains_another() -> None:
    outline = _outline(REGIONS)
    note = chart_note(outline.charts[0], outline)
    assert note is not None and "时点不同" in note and "id用户包含在apac用户之内" in note
    same_day = _outline([replace(s, as_of="2025-01", part_of=None) for s in REGIONS])
    assert chart_note(same_day.charts[0], same_day) is None
