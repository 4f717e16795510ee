"""A vertical timeline: dates on the left, a line of markers, titles and details on the right.

Rows are laid out by order rather than by date, so events that cluster in a
few days never overlap; a long stretch without events is drawn as a short
dotted gap labelled with the time it stands for. Each row is as tall as its
wrapped text, measured with the font that draws it, so any outline's events
fit whatever their length; but a title or detail takes three lines at most
(ending in an ellipsis), fewer where there are many events, so the image
stays bounded however long the text. The layout, and with it the figure's size, is
settled without matplotlib: the document places the picture while it is still
being drawn elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.chartdata import Milestone
from briefing.charts.layout import MAX_HEIGHT_IN, WIDTH_IN
from briefing.fonts import clamp_lines, wrap
from briefing.locale import gap_text
from briefing.outline.model import Locale, Theme

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_PT = 1 / 72
_DATE_RIGHT_IN = 1.55
_LINE_IN = 1.75
_TEXT_LEFT_IN = 1.95
_TITLE_PT = 10
_DETAIL_PT = 8.5
_DATE_PT = 9
_LINE_SPACING = 1.35
_ROW_PAD_IN = 0.14
_GAP_IN = 0.38
_GAP_MIN_DAYS = 30  # shorter pauses are not worth marking
_DATE_LINES = 2
# Lines a title and a detail may take, most first: a timeline with many events gives each fewer.
_TEXT_LINES = ((3, 3), (2, 2), (2, 1), (1, 1), (1, 0))


def _row_height(title: list[str], detail: list[str], when: list[str]) -> float:
    text = (len(title) * _TITLE_PT + len(detail) * _DETAIL_PT) * _LINE_SPACING * _PT
    return max(text, len(when) * _DATE_PT * _LINE_SPACING * _PT) + _ROW_PAD_IN


@dataclass(frozen=True)
class TimelineLayout:
    rows: list[tuple[list[str], list[str], list[str], int]]  # date, title and detail lines; days since the last
    size_in: tuple[float, float]


_TEXT_WIDTH_PT = (WIDTH_IN - _TEXT_LEFT_IN - 0.1) / _PT
_DATE_WIDTH_PT = (_DATE_RIGHT_IN - 0.1) / _PT


def timeline_layout(items: list[Milestone]) -> TimelineLayout:
    wrapped = []
    for index, item in enumerate(items):
        previous = items[index - 1] if index else None
        gap_days = (item.start - (previous.end or previous.start)).days if previous else 0
        wrapped.append(
            (
                clamp_lines(wrap(item.when, _DATE_WIDTH_PT, _DATE_PT), _DATE_LINES, _DATE_WIDTH_PT, _DATE_PT),
                wrap(item.title, _TEXT_WIDTH_PT, _TITLE_PT),
                wrap(item.detail, _TEXT_WIDTH_PT, _DETAIL_PT) if item.detail else [],
                gap_days,
            )
        )
    for most_title, most_detail in _TEXT_LINES:  # the most lines that keep the chart within its height
        rows = [
            (when, clamp_lines(title, most_title, _TEXT_WIDTH_PT, _TITLE_PT),
             clamp_lines(detail, most_detail, _TEXT_WIDTH_PT, _DETAIL_PT), gap)
            for when, title, detail, gap in wrapped
        ]
        height = 0.15 + sum(
            _row_height(title, detail, when) + (_GAP_IN if gap >= _GAP_MIN_DAYS else 0)
            for when, title, detail, gap in rows
        )
        if height <= MAX_HEIGHT_IN:
            break
    return TimelineLayout(rows, (WIDTH_IN, height))


def draw_timeline(items: list[Milestone], theme: Theme, locale: Locale) -> Figure:
    from matplotlib.figure import Figure

    from briefing.charts.style import hex_color

    layout = timeline_layout(items)
    rows = layout.rows
    height = layout.size_in[1]
    figure = Figure(figsize=layout.size_in)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH_IN)
    axes.set_ylim(height, 0)
    axes.axis("off")
    primary, muted, text = (hex_color(c) for c in (theme.primary_color, theme.muted_color, theme.text_color))

    y = 0.12
    previous_marker: float | None = None
    for when, title, detail, gap in rows:
        marked_gap = gap >= _GAP_MIN_DAYS
        if marked_gap:
            axes.text(_TEXT_LEFT_IN, y + _GAP_IN / 2, gap_text(gap, locale), va="center",
                      fontsize=_DETAIL_PT, color=muted, style="italic")
            y += _GAP_IN
        marker_y = y + _TITLE_PT * _LINE_SPACING * _PT / 2
        if previous_marker is not None:
            # Dotted where the line stands for a long stretch with no events.
            style = (0, (1, 2)) if marked_gap else "solid"
            axes.plot([_LINE_IN, _LINE_IN], [previous_marker, marker_y], color=primary if not marked_gap
                      else muted, linestyle=style, lw=2 if not marked_gap else 1.4, zorder=1)
        axes.plot(_LINE_IN, marker_y, "o", markersize=7, color=primary, zorder=3)
        previous_marker = marker_y
        axes.text(_DATE_RIGHT_IN, y, "\n".join(when), ha="right", va="top", fontsize=_DATE_PT,
                  color=primary, linespacing=_LINE_SPACING)
        axes.text(_TEXT_LEFT_IN, y, "\n".join(title), va="top", fontsize=_TITLE_PT,
                  color=text, linespacing=_LINE_SPACING)
        if detail:
            detail_y = y + len(title) * _TITLE_PT * _LINE_SPACING * _PT
            axes.text(_TEXT_LEFT_IN, detail_y, "\n".join(detail), va="top", fontsize=_DETAIL_PT,
                      color=muted, linespacing=_LINE_SPACING)
        y += _row_height(title, detail, when)
    return figure
