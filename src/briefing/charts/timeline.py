"""A vertical timeline drawn to scale: a line of markers where the dates fall, each event's text beside it.

The markers sit on the line in proportion to time, so eight months look longer than a day; a long
stretch without events is shortened to a break, drawn dotted and labelled with the time it stands
for (chartdata.time_scale, as on the slides). Each event's text (date, title, detail) is a row to
the right of the line, as tall as its wrapped text measured with the font that draws it, wrapped
between words; rows sit beside their markers where they can and are pushed down as little as keeps
them apart where markers crowd, each joined to its marker by a leader. A title or detail takes three
lines at most (ending in an ellipsis), fewer where there are many events, so the image stays bounded
however long the text. The layout, and with it the figure's size, is settled without matplotlib:
the document places the picture while it is still being drawn elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from briefing.charts.data import Milestone, time_scale
from briefing.charts.layout import MAX_HEIGHT_IN, WIDTH_IN
from briefing.outline.locale import gap_text
from briefing.outline.model import Locale, Theme
from briefing.text.fonts import clamp_lines
from briefing.text.words import wrap_words

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_PT = 1 / 72
_LINE_IN = 1.05  # the time line
_GAP_RIGHT_IN = 0.9  # a break's label ends here, left of the line
_TEXT_LEFT_IN = 1.45
_TITLE_PT = 10
_DETAIL_PT = 8.5
_DATE_PT = 9
_LINE_SPACING = 1.35
_ROW_PAD_IN = 0.14
_TOP_IN = 0.12
_BREAK_IN = 0.45  # a break's length on the line…
_BREAK_SHARE_AT_MOST = 0.25  # …unless that is more than this share of it
_GROWTH = 1.2  # how much taller than its rows stacked the figure may grow to draw its line to scale
_DATE_LINES = 2
# Lines a title and a detail may take, most first: a timeline with many events gives each fewer.
_TEXT_LINES = ((3, 3), (2, 2), (2, 1), (1, 1), (1, 0))
_TEXT_WIDTH_PT = (WIDTH_IN - _TEXT_LEFT_IN - 0.1) / _PT
_GAP_WIDTH_PT = (_GAP_RIGHT_IN - 0.05) / _PT


def _row_height(when: list[str], title: list[str], detail: list[str]) -> float:
    lines = len(when) * _DATE_PT + len(title) * _TITLE_PT + len(detail) * _DETAIL_PT
    return lines * _LINE_SPACING * _PT + _ROW_PAD_IN


@dataclass(frozen=True)
class TimelineRow:
    when: list[str]
    title: list[str]
    detail: list[str]
    marker_y: float  # where the event's date falls on the line
    top: float  # where its text starts


@dataclass(frozen=True)
class TimelineLayout:
    rows: list[TimelineRow]
    breaks: list[tuple[float, float, int]]  # each shortened stretch: top and bottom on the line, days it stands for
    line: tuple[float, float]  # the line's top and bottom
    size_in: tuple[float, float]


def timeline_layout(items: list[Milestone]) -> TimelineLayout:
    wrapped = [
        (clamp_lines(wrap_words(item.when, _TEXT_WIDTH_PT, _DATE_PT), _DATE_LINES, _TEXT_WIDTH_PT, _DATE_PT),
         wrap_words(item.title, _TEXT_WIDTH_PT, _TITLE_PT),
         wrap_words(item.detail, _TEXT_WIDTH_PT, _DETAIL_PT) if item.detail else [])
        for item in items
    ]
    for most_title, most_detail in _TEXT_LINES:  # the most lines that keep the chart within its height
        texts = [(when, clamp_lines(title, most_title, _TEXT_WIDTH_PT, _TITLE_PT),
                  clamp_lines(detail, most_detail, _TEXT_WIDTH_PT, _DETAIL_PT)) for when, title, detail in wrapped]
        heights = [_row_height(*text) for text in texts]
        if _TOP_IN + sum(heights) + 0.05 <= MAX_HEIGHT_IN:
            break
    else:  # many events: each on one line, its date before its title
        texts = [([], clamp_lines(wrap_words(f"{item.when}  {item.title}", _TEXT_WIDTH_PT, _TITLE_PT), 1,
                                  _TEXT_WIDTH_PT, _TITLE_PT), []) for item in items]
        heights = [_row_height(*text) for text in texts]
    # The line as long as it can be without the figure growing much taller than its rows stacked one
    # under another: markers spread as far as the text allows, and a row sits beside its marker wherever
    # the markers are not crowded. (The figure's height only grows with the line's length.)
    stacked = min(_TOP_IN + sum(heights) * _GROWTH, max(MAX_HEIGHT_IN, _TOP_IN + sum(heights)))
    short, long = 0.0, sum(heights)
    for _ in range(24):
        middle = (short + long) / 2
        short, long = (middle, long) if _place(texts, heights, items, middle)[1] <= stacked + 1e-6 else (short, middle)
    length = short
    rows, bottom = _place(texts, heights, items, length)
    scale = time_scale(items, _break_share(length)).scaled(length)
    first_line = _DATE_PT * _LINE_SPACING * _PT / 2
    break_length = length * _break_share(length)
    breaks = [(_TOP_IN + first_line + middle - break_length / 2, _TOP_IN + first_line + middle + break_length / 2,
               days) for middle, days in scale.breaks]
    line = (rows[0].marker_y, rows[-1].marker_y) if rows else (0.0, 0.0)
    height = max(bottom, line[1] + 0.1) + 0.05
    return TimelineLayout(rows, breaks, line, (WIDTH_IN, round(height, 4)))


def _break_share(length: float) -> float:
    return min(_BREAK_SHARE_AT_MOST, _BREAK_IN / length) if length > 0 else _BREAK_SHARE_AT_MOST


def _place(texts: list[tuple[list[str], list[str], list[str]]], heights: list[float], items: list[Milestone],
           length: float) -> tuple[list[TimelineRow], float]:
    """Rows beside their markers on a line `length` long, each pushed down as little as keeps it clear of
    the row above; and where the last row ends."""
    scale = time_scale(items, _break_share(length)).scaled(length)
    first_line = _DATE_PT * _LINE_SPACING * _PT / 2  # a marker faces the middle of its row's first line
    rows, bottom = [], _TOP_IN
    for (when, title, detail), height, position in zip(texts, heights, scale.starts, strict=True):
        marker_y = _TOP_IN + first_line + position
        top = max(marker_y - first_line, bottom)
        rows.append(TimelineRow(when, title, detail, marker_y, top))
        bottom = top + height
    return rows, bottom


def draw_timeline(items: list[Milestone], theme: Theme, locale: Locale) -> Figure:

    from briefing.charts.style import hex_color, inch_canvas

    layout = timeline_layout(items)
    figure, axes = inch_canvas(layout.size_in)
    primary, muted, text = (hex_color(c) for c in (theme.primary_color, theme.muted_color, theme.text_color))

    # The line, solid where it is to scale, dotted across each break.
    top, bottom = layout.line
    edges = [top, *(y for start, end, _ in layout.breaks for y in (start, end)), bottom]
    for index, (start, end) in enumerate(pairwise(edges)):
        broken = index % 2 == 1
        axes.plot([_LINE_IN, _LINE_IN], [start, end], color=muted if broken else primary,
                  linestyle=(0, (1, 2)) if broken else "solid", lw=1.4 if broken else 2, zorder=1)
    for start, end, days in layout.breaks:
        lines = wrap_words(gap_text(days, locale), _GAP_WIDTH_PT, _DETAIL_PT)
        axes.text(_GAP_RIGHT_IN, (start + end) / 2, "\n".join(lines), ha="right", va="center",
                  fontsize=_DETAIL_PT, color=muted, style="italic", linespacing=_LINE_SPACING)
    for row in layout.rows:
        first_line = row.top + _DATE_PT * _LINE_SPACING * _PT / 2
        # A leader from the marker to its text, bent where the text had to move down.
        axes.plot([_LINE_IN, _LINE_IN + 0.15, _TEXT_LEFT_IN - 0.06], [row.marker_y, first_line, first_line],
                  color=muted, lw=0.8, zorder=1)
        axes.plot(_LINE_IN, row.marker_y, "o", markersize=6, color=primary, zorder=3)
        y = row.top
        axes.text(_TEXT_LEFT_IN, y, "\n".join(row.when), va="top", fontsize=_DATE_PT, color=primary,
                  linespacing=_LINE_SPACING)
        y += len(row.when) * _DATE_PT * _LINE_SPACING * _PT
        axes.text(_TEXT_LEFT_IN, y, "\n".join(row.title), va="top", fontsize=_TITLE_PT, color=text,
                  linespacing=_LINE_SPACING)
        y += len(row.title) * _TITLE_PT * _LINE_SPACING * _PT
        if row.detail:
            axes.text(_TEXT_LEFT_IN, y, "\n".join(row.detail), va="top", fontsize=_DETAIL_PT, color=muted,
                      linespacing=_LINE_SPACING)
    return figure
