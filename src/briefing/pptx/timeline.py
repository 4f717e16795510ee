"""Laying out a timeline on slides: which events go where, decided without python-pptx.

Events are spaced evenly by order, not by date, so a cluster of events in a
few days gets as much room as a lone one; a long stretch with no events is
marked on the axis with the time it stands for. Labels alternate above and
below the axis, so each may be almost twice as wide as the space between
events and still never touch its neighbours; a label too long for its box is
cut to the box with an ellipsis (and reported). Too many events for one slide
continue on the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.chartdata import Milestone
from briefing.fonts import clamp_lines, wrap
from briefing.locale import gap_text
from briefing.outline.model import Locale
from briefing.pptx import geometry as g

GAP_MIN_DAYS = 30
_LABEL_MARGIN = 8.0
_EDGE = 14.0  # closest a label comes to the slide's edge
_DATE_LINES = 2


@dataclass(frozen=True)
class TimelineLabel:
    x: float  # the marker on the axis
    above: bool
    box: g.Box
    when: tuple[str, ...]  # wrapped date lines
    title: tuple[str, ...]  # wrapped title lines


@dataclass(frozen=True)
class TimelineGap:
    x: float
    text: str


@dataclass(frozen=True)
class TimelineLayout:
    labels: tuple[TimelineLabel, ...]
    gaps: tuple[TimelineGap, ...]
    axis_left: float
    axis_right: float
    overflow: tuple[str, ...] = ()  # titles whose label could not fit its box


def per_slide(count: int) -> int:
    """How many events one slide holds while each keeps its minimum room."""
    return max(1, min(count, int(g.BODY.width_pt // g.TIMELINE_MIN_STEP)))


def layout_timeline(items: list[Milestone], previous: Milestone | None, locale: Locale) -> TimelineLayout:
    """Positions for one slide's events; `previous` is the last event of the slide before."""
    step = g.BODY.width_pt / len(items)
    label_width = min(2 * step - 2 * _LABEL_MARGIN, 300.0)
    line = g.SMALL_PT * g.LINE_SPACING
    most_lines = int(g.TIMELINE_LABEL_HEIGHT // line)
    labels, gaps, overflow = [], [], []
    for index, item in enumerate(items):
        x = g.BODY.left_pt + (index + 0.5) * step
        above = index % 2 == 0
        # Centred on its marker; near the slide's edges, narrower rather than shifted
        # (a shifted label would reach into its neighbour's column).
        half = min(label_width / 2, x - _EDGE, g.SLIDE_WIDTH_PT - _EDGE - x)
        when = clamp_lines(wrap(item.when, 2 * half, g.SMALL_PT, bold=True), _DATE_LINES, 2 * half, g.SMALL_PT,
                           bold=True)
        title = wrap(item.title, 2 * half, g.SMALL_PT)
        if len(when) + len(title) > most_lines:
            overflow.append(item.title)
            title = clamp_lines(title, max(1, most_lines - len(when)), 2 * half, g.SMALL_PT)
        top = (
            g.TIMELINE_AXIS_Y - g.TIMELINE_STEM_PT - g.TIMELINE_LABEL_HEIGHT
            if above
            else g.TIMELINE_AXIS_Y + g.TIMELINE_STEM_PT
        )
        box = g.Box(x - half, top, 2 * half, g.TIMELINE_LABEL_HEIGHT)
        labels.append(TimelineLabel(x, above, box, tuple(when), tuple(title)))
        before = items[index - 1] if index else previous
        if before is not None:
            days = (item.start - (before.end or before.start)).days
            if days >= GAP_MIN_DAYS:
                gaps.append(TimelineGap(x - step / 2, gap_text(days, locale)))
    return TimelineLayout(tuple(labels), tuple(gaps), g.BODY.left_pt, g.BODY.right_pt, tuple(overflow))


def paginate_timeline(items: list[Milestone], locale: Locale) -> list[TimelineLayout]:
    """The events split evenly over as few slides as keep every label readable."""
    if not items:
        return []
    slides = -(-len(items) // per_slide(len(items)))
    size = -(-len(items) // slides)
    pages = [items[start:start + size] for start in range(0, len(items), size)]
    return [
        layout_timeline(page, items[start - 1] if start else None, locale)
        for page, start in zip(pages, range(0, len(items), size))
    ]
