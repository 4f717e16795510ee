"""What a chart shows, worked out from the outline once for every output.

The matplotlib images, the native PowerPoint charts and the alt text all
draw on these plain records, so they cannot disagree about a value or label.
Nothing here imports a plotting or Office library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from briefing.outline.limits import FIGURES_AT_MOST
from briefing.outline.locale import (
    as_of_text,
    format_date_range,
    format_value,
    labels,
    significant_digits,
)
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


# A stretch with no events is shortened (and marked as a break) when it is at least this long…
BREAK_MIN_DAYS = 30
# …and longer than this share of all the time the timeline covers, counted without earlier breaks.
BREAK_SHARE = 0.3


@dataclass(frozen=True)
class TimeScale:
    """Where each event falls on an axis drawn to scale: days map linearly onto it, but for long
    empty stretches, each shortened to one break of the same length and marked with the time it
    stands for. Positions are in axis units: one a day, plus `break_units` for each break."""

    starts: tuple[float, ...]  # each event's start
    ends: tuple[float, ...]  # each event's last day (its start for a one-day event)
    breaks: tuple[tuple[float, int], ...]  # (where the break's middle is, the days it stands for)
    length: float  # the whole axis

    def scaled(self, span: float) -> TimeScale:
        """The same positions on an axis `span` long."""
        factor = span / self.length if self.length else 0.0
        return TimeScale(tuple(p * factor for p in self.starts), tuple(p * factor for p in self.ends),
                         tuple((p * factor, days) for p, days in self.breaks), span)


def time_scale(items: list[Milestone], break_share_of_axis: float = 0.12,
               previous: Milestone | None = None) -> TimeScale:
    """Positions for events in date order; a break takes `break_share_of_axis` of the axis. With
    `previous` (the last event before these, on an earlier slide), a long stretch since it opens the
    axis as a break."""
    if not items:
        return TimeScale((), (), (), 0.0)
    points = sorted({d for m in items for d in (m.start, m.end or m.start)})
    gaps = [((later - earlier).days, earlier) for earlier, later in pairwise(points)]
    total = sum(days for days, _ in gaps)
    broken: set[date] = set()
    for days, earlier in sorted(gaps, key=lambda gap: -gap[0]):
        if days >= BREAK_MIN_DAYS and days > BREAK_SHARE * total:
            broken.add(earlier)
            total -= days
    leading = 0
    if previous is not None:
        since = (items[0].start - (previous.end or previous.start)).days
        leading = since if since >= BREAK_MIN_DAYS else 0
    breaks_count = len(broken) + (1 if leading else 0)
    # A break is as long as the share of the axis asks, whatever the days on either side; many breaks
    # share half the axis at most, so the stretches drawn to scale keep the other half.
    share = min(break_share_of_axis, 0.5 / breaks_count) if breaks_count else 0.0
    unbroken_days = max(total, 1)
    break_units = unbroken_days * share / (1 - share * breaks_count) if breaks_count else 0.0
    where: dict[date, float] = {}
    breaks: list[tuple[float, int]] = []
    position = 0.0
    if leading:
        breaks.append((break_units / 2, leading))
        position = break_units
    for index, point in enumerate(points):
        where[point] = position
        if index + 1 < len(points):
            days = (points[index + 1] - point).days
            if point in broken:
                breaks.append((position + break_units / 2, days))
                position += break_units
            else:
                position += days
    length = position if position > 0 else 1.0
    if position == 0:  # every event on one day: in the middle of the axis
        where = {point: 0.5 for point in where}
    return TimeScale(tuple(where[m.start] for m in items), tuple(where[m.end or m.start] for m in items),
                     tuple(breaks), length)
