"""What a chart shows, worked out from the outline once for every output.

The matplotlib images, the native PowerPoint charts and the alt text all
draw on these plain records, so they cannot disagree about a value or label.
Nothing here imports a plotting or Office library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefing.locale import as_of_text, format_date_range, format_value, labels, significant_digits
from briefing.outline.limits import FIGURES_AT_MOST
from briefing.outline.model import BarOrder, Chart, ChartKind, Outline, Unit


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str  # the value as a reader sees it, in the chart's one precision: 1.7亿, 超过20倍
    as_of: str | None = None  # when the value held: 截至2025年1月


@dataclass(frozen=True)
class BarGroup:
    """Bars that share a unit and so can share an axis."""

    unit: Unit
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Milestone:
    start: date
    end: date | None
    when: str  # 2025年1月8日—14日
    title: str
    detail: str | None


# The fewest significant digits a chart shows its values with: 1.6亿, not 2亿.
_CHART_DIGITS_AT_LEAST = 2


def chart_precision(chart: Chart, outline: Outline) -> int:
    """The one precision of a chart's values, in significant digits: the least precise value's, but at
    least two. 1.7亿, 1.576亿 and 6.82亿 are drawn 1.7亿, 1.6亿, 6.8亿: a reader compares like with like,
    and no value looks better known than the others. Digits rather than decimals, so 200万 beside 1.7亿
    (or 9.5 beside 12) keeps its own scale word and no invented zeros."""
    digits = [significant_digits(outline.statistic(i).value) for i in chart.statistics]
    return max(_CHART_DIGITS_AT_LEAST, min(digits, default=_CHART_DIGITS_AT_LEAST))


def bar_groups(chart: Chart, outline: Outline) -> list[BarGroup]:
    """The chart's statistics grouped by unit, in the order first named; within a group the bars run
    largest first unless the chart asks for its own order, every value in the chart's one precision."""
    locale = outline.meta.locale
    digits = chart_precision(chart, outline)
    groups: dict[Unit, list[Bar]] = {}
    for statistic_id in chart.statistics:
        statistic = outline.statistic(statistic_id)
        bar = Bar(statistic.label, statistic.value, format_value(statistic, locale, significant=digits),
                  as_of_text(statistic, locale))
        groups.setdefault(statistic.unit, []).append(bar)
    if chart.order is BarOrder.LARGEST_FIRST:
        # sorted() is stable: equal values keep the outline's order.
        groups = {unit: sorted(bars, key=lambda bar: -bar.value) for unit, bars in groups.items()}
    return [BarGroup(unit, tuple(bars)) for unit, bars in groups.items()]


def milestones(chart: Chart, outline: Outline) -> list[Milestone]:
    """The chart's events in date order."""
    locale = outline.meta.locale
    events = sorted((outline.event(i) for i in chart.events), key=lambda e: (e.date, e.end or e.date))
    return [
        Milestone(e.date, e.end, format_date_range(e.date, e.end, locale), e.title, e.detail) for e in events
    ]


def source_line(chart: Chart, outline: Outline) -> str:
    """'来源：…' naming each distinct source behind the chart."""
    ids = [outline.statistic(i).source for i in chart.statistics] + [outline.event(i).source for i in chart.events]
    names = list(dict.fromkeys(outline.source(i).title for i in ids))
    words = labels(outline.meta.locale)
    return words.source_prefix + words.list_separator.join(names)


def describe(chart: Chart, outline: Outline) -> str:
    """Alt text written from the chart's data, for screen readers."""
    words = labels(outline.meta.locale)
    if chart.kind is ChartKind.TIMELINE:
        items = [f"{m.when} {m.title}" for m in milestones(chart, outline)]
    else:
        items = [f"{bar.label} {bar.display}" for group in bar_groups(chart, outline) for bar in group.bars]
    return f"{chart.title}{words.colon}{words.clause_separator.join(items)}"


def shows_as_figures(chart: Chart) -> bool:
    """A bar chart of so few statistics is shown as large figures instead of bars (limits.py)."""
    return chart.kind is ChartKind.BAR and len(chart.statistics) <= FIGURES_AT_MOST


def chart_note(chart: Chart, outline: Outline) -> str | None:
    """What a reader must know to compare the chart's figures, shown under it: that they hold for
    different dates, or that one is a part of another. None when they compare plainly."""
    statistics = [outline.statistic(i) for i in chart.statistics]
    words = labels(outline.meta.locale)
    notes = []
    dates = {statistic.as_of for statistic in statistics}
    if len(dates) > 1:
        notes.append(words.note_different_dates)
    shown = {statistic.id: statistic for statistic in statistics}
    for statistic in statistics:
        if statistic.part_of in shown:
            notes.append(words.note_part_of.format(part=statistic.label, whole=shown[statistic.part_of].label))
    return words.clause_separator.join(notes) or None
