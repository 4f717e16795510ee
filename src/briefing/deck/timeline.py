"""Laying out a timeline on slides: which events go where, decided without python-pptx.

The axis is drawn to scale: an event's marker sits where its date falls, so eight months look
longer than a day; a long stretch with no events is shortened to a break, marked on the axis with
the time it stands for (chartdata.time_scale, which the document's figure uses too). Labels
alternate above and below the axis; where markers crowd, the labels of a side are spread apart
as little as keeps them from touching, always inside the slide's margins, each joined to its
marker by a stem. A label is wrapped between words (words.py), never inside one or inside a
quoted term; one too long for its box is cut with an ellipsis (and reported). Too many events
for one slide continue on the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.charts.data import Milestone, time_scale
from briefing.deck import geometry as g
from briefing.outline.locale import gap_text
from briefing.outline.model import Locale
from briefing.text.fonts import clamp_lines, text_width
from briefing.text.words import word_tokens, wrap_words

GAP_MIN_DAYS = 30
_LABEL_GAP = 12.0  # closest two labels on one side come
_LABEL_MIN = 110.0  # narrowest a label is made before the slide holds fewer events
_LABEL_MAX = 230.0
MARKER_RADIUS = 7.0  # an event's dot on the axis
_GAP_PADDING = 2.0  # between a break's label and the dots either side
_BREAK_MARK = "//"  # the axis-break mark: a shortened stretch too short to say by how much
# The sizes a break's label may take, largest first; the smallest still reads at the back of a room.
_GAP_SIZES = (g.GAP_PT, g.GAP_PT - 2, g.GAP_PT - 3)
_MARKER_INSET = 24.0  # the first and last markers sit this far inside the axis's ends
_DATE_LINES = 2
_STEM_INSET = 10.0
# Room in each label for the client's own spacing: PowerPoint and LibreOffice put a quarter em between
# Chinese and Latin characters (2025 年 1 月), which the measured widths leave out. Lines are wrapped
# this much narrower than their box, so a line meant to fit stays one line.
_SLACK = 1.15  # a stem meets its label at least this far inside the label's edge
# A date is mostly digits and Latin, set in bold in whatever font replaces the theme's Latin one;
# LibreOffice's (DejaVu Sans Bold) is up to a third wider than the bundled font measures them.
_DATE_SLACK = 1.35


@dataclass(frozen=True)
class TimelineLabel:
    x: float  # the marker on the axis
    above: bool
    box: g.Box
    when: tuple[str, ...]  # wrapped date lines
    title: tuple[str, ...]  # wrapped title lines
    stem_x: float | None = None  # where the stem from the marker meets the label; x when None


@dataclass(frozen=True)
class TimelineGap:
    x: float
    text: str
    width: float = 0.0  # how much of the axis the break takes (0: a mark only)
    size: float = g.GAP_PT  # of its text: smaller where the full size would run into the dots either side


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


def _widths(item: Milestone) -> tuple[float, float, float]:
    """The label's width on one line, and the narrowest it should be made: with its date on one line, and
    with its date on _DATE_LINES lines ('27 October –', '2 November 2021'); each keeps its widest word whole
    (all within _LABEL_MIN and _LABEL_MAX)."""
    date = text_width(item.when, g.SMALL_PT, bold=True) * _DATE_SLACK
    one_line = max(date, text_width(item.title, g.SMALL_PT) * _SLACK)
    widest_word = max((text_width(unit, g.SMALL_PT) for unit in word_tokens(item.title)), default=0.0) * _SLACK
    widest_date_word = max((text_width(unit, g.SMALL_PT, bold=True) for unit in word_tokens(item.when)),
                           default=0.0) * _DATE_SLACK

    def least(date_width: float) -> float:
        return min(max(date_width, widest_word, _LABEL_MIN), _LABEL_MAX)

    single = least(date)
    return max(min(one_line, _LABEL_MAX), single), single, least(max(widest_date_word, date / _DATE_LINES))


def _fit(wanted: list[float], least: list[float], room: float) -> list[float]:
    """Widths within room: the widest labels narrowed first, to one width, none below its least."""
    if sum(wanted) <= room:
        return wanted
    low, high = 0.0, max(wanted)
    for _ in range(40):
        cap = (low + high) / 2
        narrowed = sum(max(min(w, cap), m) for w, m in zip(wanted, least, strict=True))
        low, high = (cap, high) if narrowed <= room else (low, cap)
    return [max(min(w, low), m) for w, m in zip(wanted, least, strict=True)]


def _spread(centres: list[float], widths: list[float], left: float, right: float) -> list[float]:
    """Left edges for boxes that want to be centred on `centres` (in order), moved as little as keeps
    them _LABEL_GAP apart and within [left, right]: overlapping boxes are joined into a block centred
    on the mean of what its boxes want, and blocks that then overlap are joined in turn."""
    blocks: list[list[int]] = []  # runs of indices laid side by side

    def place(block: list[int]) -> float:
        span = sum(widths[i] for i in block) + _LABEL_GAP * (len(block) - 1)
        offsets, offset = [], 0.0
        for i in block:
            offsets.append(offset)
            offset += widths[i] + _LABEL_GAP
        wanted = sum(centres[i] - widths[i] / 2 - o for i, o in zip(block, offsets, strict=True)) / len(block)
        return min(max(wanted, left), right - span)

    def end(block: list[int]) -> float:
        return place(block) + sum(widths[i] for i in block) + _LABEL_GAP * (len(block) - 1)

    for index in range(len(centres)):
        blocks.append([index])
        while len(blocks) > 1 and end(blocks[-2]) + _LABEL_GAP > place(blocks[-1]):
            last = blocks.pop()
            blocks[-1].extend(last)
    lefts = [0.0] * len(centres)
    for block in blocks:
        position = place(block)
        for i in block:
            lefts[i] = position
            position += widths[i] + _LABEL_GAP
    return lefts


def layout_timeline(items: list[Milestone], previous: Milestone | None, locale: Locale) -> TimelineLayout:
    """Positions for one slide's events; `previous` is the last event of the slide before."""
    left, right = g.BODY.left_pt, g.BODY.right_pt
    inner = right - left - 2 * _MARKER_INSET
    scale = time_scale(items, previous=previous).scaled(inner)
    xs = [left + _MARKER_INSET + position for position in scale.starts]
    line = g.SMALL_PT * g.LINE_SPACING
    most_lines = int(g.TIMELINE_LABEL_HEIGHT // line)
    sides = [[i for i in range(len(items)) if i % 2 == side] for side in (0, 1)]
    wanted = [_widths(item) for item in items]
    widths = [0.0] * len(items)
    for side in sides:  # a side with more than its room: its widest labels narrower
        room = right - left - _LABEL_GAP * (len(side) - 1)
        fitted = _fit([wanted[i][0] for i in side], [wanted[i][1] for i in side], room)
        if sum(fitted) > room:  # dates wrap before labels leave the slide
            fitted = _fit([wanted[i][0] for i in side], [wanted[i][2] for i in side], room)
        # Labels that cannot all have their least width share the room: they wrap (clamped, reported as
        # overflow) rather than leave the slide.
        squeeze = min(1.0, room / sum(fitted)) if fitted else 1.0
        for i, width in zip(side, fitted, strict=True):
            widths[i] = min(width * squeeze, room)
    lefts = [0.0] * len(items)
    for side in sides:
        box_lefts = _spread([xs[i] for i in side], [widths[i] for i in side], left, right)
        for i, box_left in zip(side, box_lefts, strict=True):
            lefts[i] = box_left
    labels, overflow = [], []
    for index, item in enumerate(items):
        above = index % 2 == 0
        width = widths[index]
        measure = width / _SLACK + 0.5  # (a line measured to fit exactly still fits)
        when = clamp_lines(wrap_words(item.when, measure, g.SMALL_PT, bold=True), _DATE_LINES, measure, g.SMALL_PT,
                           bold=True)
        title = wrap_words(item.title, measure, g.SMALL_PT)
        if len(when) + len(title) > most_lines:
            overflow.append(item.title)
            title = clamp_lines(title, max(1, most_lines - len(when)), measure, g.SMALL_PT)
        top = (
            g.TIMELINE_AXIS_Y - g.TIMELINE_STEM_PT - g.TIMELINE_LABEL_HEIGHT
            if above
            else g.TIMELINE_AXIS_Y + g.TIMELINE_STEM_PT
        )
        box = g.Box(lefts[index], top, width, g.TIMELINE_LABEL_HEIGHT)
        stem_x = min(max(xs[index], box.left_pt + _STEM_INSET), box.right_pt - _STEM_INSET)
        labels.append(TimelineLabel(xs[index], above, box, tuple(when), tuple(title), stem_x))
    break_width = inner * 0.12
    gaps = tuple(_gap(left + _MARKER_INSET + middle, gap_text(days, locale), break_width, xs, (left, right))
                 for middle, days in scale.breaks)
    return TimelineLayout(tuple(labels), gaps, left, right, tuple(overflow))


def _gap(x: float, text: str, break_width: float, markers: list[float], ends: tuple[float, float]) -> TimelineGap:
    """A shortened stretch of the axis, with what it stands for ('2 months later') where that fits between
    its two markers, else the axis-break mark alone: written out, close breaks would run into each other."""
    before = max((m for m in markers if m <= x), default=ends[0])
    after = min((m for m in markers if m >= x), default=ends[1])
    room = after - before - 2 * (MARKER_RADIUS + _GAP_PADDING)  # the label's white ground may go under the dots
    size = next((size for size in _GAP_SIZES if text_width(text, size) <= room), None)
    if size is None:
        return TimelineGap(x, _BREAK_MARK, break_width)
    return TimelineGap(x, text, break_width, size)


def gap_label_width(gap: TimelineGap) -> float:
    """The width of a break's label on the axis, its white ground included."""
    return text_width(gap.text, gap.size) + 12


def paginate_timeline(items: list[Milestone], locale: Locale) -> list[TimelineLayout]:
    """The events split evenly over as few slides as keep every label readable."""
    if not items:
        return []
    slides = -(-len(items) // per_slide(len(items)))
    size = -(-len(items) // slides)
    pages = [items[start:start + size] for start in range(0, len(items), size)]
    return [
        layout_timeline(page, items[start - 1] if start else None, locale)
        for page, start in zip(pages, range(0, len(items), size), strict=True)
    ]
