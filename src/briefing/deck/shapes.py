"""Slide plans -> the shapes on each slide, placed: what render.py writes and `briefing preview` draws.

Every box, text and colour of a slide is decided here, from the plan and
geometry.py, without python-pptx: the renderer turns each shape into
DrawingML (and a chart shape into a native chart), and the preview draws the
same shapes in a browser, so the two show one layout. Colours are roles
(primary, accent...), which the renderer maps to the theme's or a company
template's colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from briefing.charts.data import Bar, describe
from briefing.deck import geometry as g
from briefing.deck.drawing import Align, Anchor
from briefing.deck.plan import Layout, SlideKind, SlidePlan, callout_height, figure_block_height
from briefing.deck.timeline import MARKER_RADIUS, TimelineLabel, gap_label_width
from briefing.outline.locale import format_date, labels
from briefing.outline.model import Outline
from briefing.text.fonts import wrap

Role = Literal["primary", "accent", "text", "muted", "white", "tint"]

# The layout placeholders a text may go in, by what it is; a text box where the layout has none.
TITLE_TYPES = ("title", "ctrTitle")
BODY_TYPES = ("body", "obj")  # a layout's text or content placeholder
SUBTITLE_TYPES = ("subTitle", "body")


@dataclass(frozen=True)
class Run:
    """How a paragraph's text looks."""

    size: float
    colour: Role
    bold: bool = False
    heading: bool = False  # set in the heading fonts


@dataclass(frozen=True)
class Text:
    """One paragraph: its lines (joined by line breaks) in one look."""

    text: str
    run: Run
    align: Align = "l"
    space_after_pt: float = 0.0
    bullet: bool = False  # a bullet in the accent colour, the text indented past it
    slide_number: int | None = None  # a field showing the slide's number instead of text


@dataclass(frozen=True)
class TextShape:
    name: str
    box: g.Box
    paragraphs: tuple[Text, ...]
    anchor: Anchor = "t"
    placeholder: tuple[str, ...] = ()  # the layout placeholder kinds it fills, where the layout has one
    fill: Role | None = None


@dataclass(frozen=True)
class FilledShape:
    """A rectangle or an ellipse in one colour."""

    name: str
    box: g.Box
    fill: Role
    outline: Role | None = None
    preset: Literal["rect", "ellipse"] = "rect"


@dataclass(frozen=True)
class LineShape:
    name: str
    start: tuple[float, float]
    end: tuple[float, float]
    colour: Role
    width_pt: float
    description: str | None = None  # alt text


@dataclass(frozen=True)
class LogoShape:
    name: str
    box: g.Box


@dataclass(frozen=True)
class ChartShape:
    """A bar chart's panel: a native chart in the deck."""

    name: str
    box: g.Box
    chart_id: str
    series: str  # the chart's title, the name of its one series
    bars: tuple[Bar, ...]  # top to bottom
    description: str


Shape = TextShape | FilledShape | LineShape | LogoShape | ChartShape

_TINT = 0.92  # how far towards white the primary colour is mixed for panels


def tint_of(primary: str) -> str:
    """The panels' colour (behind figures, quotes and what a section holds), as hex: the primary colour
    mixed towards white."""
    mixed = (round(int(primary[i:i + 2], 16) * (1 - _TINT) + 255 * _TINT) for i in (0, 2, 4))
    return "".join(f"{channel:02X}" for channel in mixed)


def _box(lines: list[str] | tuple[str, ...], run: Run, align: Align = "l", bullets: bool = False,
         space_after_pt: float = 0.0) -> tuple[Text, ...]:
    """A text body: one paragraph per line, a line's own line breaks kept."""
    space_after = g.PARAGRAPH_GAP_PT if bullets else space_after_pt
    return tuple(Text(line, run, align, space_after, bullets) for line in lines)


class SlideShapes:
    """The shapes of each slide of one outline's deck, in the order they are drawn (the last on top)."""

    def __init__(self, outline: Outline, logo_size: tuple[int, int] | None = None):
        """logo_size: the logo's width and height in pixels, when the outline has one."""
        self.outline = outline
        self.words = labels(outline.meta.locale)
        self.logo_size = logo_size
        self.footer = f"{outline.short_title} · {format_date(outline.meta.date, outline.meta.locale)}"
        self.charts = {chart.id: chart for chart in outline.charts}

    def of(self, plan: SlidePlan, number: int) -> list[Shape]:
        """The shapes of the plan's slide, the number-th (1-based) of the deck."""
        shapes: list[Shape] = []
        draw = {
            SlideKind.TITLE: self._cover,
            SlideKind.AGENDA: self._points,
            SlideKind.SECTION: self._section,
            SlideKind.POINTS: self._points,
            SlideKind.SOURCES: self._sources,
            SlideKind.KEY_FIGURES: self._key_figures,
            SlideKind.CHART: self._chart,
            SlideKind.TIMELINE: self._timeline,
            SlideKind.QUOTE: self._quote,
            SlideKind.CLOSING: self._closing,
        }
        draw[plan.kind](shapes, plan)
        if plan.kind not in (SlideKind.TITLE, SlideKind.CLOSING):
            self._footer(shapes, number)
        return shapes

    # -- pieces -----------------------------------------------------------------------

    def _title(self, shapes: list[Shape], text: str, box: g.Box = g.TITLE, size: float = g.TITLE_PT,
               plan: SlidePlan | None = None) -> None:
        if plan is not None and plan.label:  # the part's heading, small above the title that states its point
            shapes.append(TextShape("Label", g.label_box(plan.title_lines),
                                    _box([plan.label], Run(g.LABEL_PT, "accent", bold=True, heading=True)),
                                    anchor="b"))
        shapes.append(TextShape("Title", box, _box([text], Run(size, "primary", bold=True, heading=True)),
                                anchor="b", placeholder=TITLE_TYPES))

    @staticmethod
    def _rectangle(shapes: list[Shape], name: str, box: g.Box, colour: Role) -> None:
        shapes.append(FilledShape(name, box, colour))

    def _accent_bar(self, shapes: list[Shape], left: float, top: float, width: float = 80,
                    height: float = 5) -> None:
        self._rectangle(shapes, "Accent", g.Box(left, top, width, height), "accent")

    def _footer(self, shapes: list[Shape], number: int) -> None:
        shapes.append(TextShape("Footer", g.FOOTER, _box([self.footer], Run(g.FOOTER_PT, "muted"))))
        # A slidenum field: PowerPoint keeps it right when slides move.
        shapes.append(TextShape("Slide Number", g.SLIDE_NUMBER,
                                (Text("", Run(g.FOOTER_PT, "muted"), "r", slide_number=number),)))

    def _band(self, shapes: list[Shape]) -> None:
        """A bar of the primary colour down the left edge marks the cover and section slides."""
        self._rectangle(shapes, "Band", g.Box(0, 0, g.BAND_PT, g.SLIDE_HEIGHT_PT), "primary")

    def _source_line(self, shapes: list[Shape], text: str) -> None:
        shapes.append(TextShape("Source", g.SOURCE_LINE, _box([text], Run(g.FOOTER_PT, "muted"))))

    # -- slide kinds --------------------------------------------------------------------

    def _cover(self, shapes: list[Shape], plan: SlidePlan) -> None:
        self._band(shapes)
        if self.logo_size is not None:
            width, height = self.logo_size
            box = g.COVER_LOGO
            shapes.append(LogoShape("Logo", g.Box(box.left_pt, box.top_pt, box.height_pt * width / height,
                                                  box.height_pt)))
        self._title(shapes, plan.title, g.COVER_TITLE, size=g.COVER_TITLE_PT)
        self._accent_bar(shapes, g.MARGIN_PT, g.COVER_SUBTITLE.top_pt - 16)
        shapes.append(TextShape("Subtitle", g.COVER_SUBTITLE, _box(plan.subtitle, Run(g.BODY_PT, "muted")),
                                placeholder=SUBTITLE_TYPES))

    def _section(self, shapes: list[Shape], plan: SlidePlan) -> None:
        """A section's points, and the sub-sections it introduces on a panel beside them."""
        self._band(shapes)
        self._points(shapes, plan)

    def _closing(self, shapes: list[Shape], plan: SlidePlan) -> None:
        self._band(shapes)
        self._title(shapes, plan.title, g.SECTION_TITLE, size=g.SECTION_TITLE_PT)
        self._accent_bar(shapes, g.MARGIN_PT, g.SECTION_TITLE.bottom_pt + 10)
        body = g.Box(g.MARGIN_PT, g.SECTION_TITLE.bottom_pt + 30, g.CONTENT_WIDTH, 120)
        shapes.append(TextShape("Closing", body, _box(plan.subtitle, Run(g.SMALL_PT, "muted")),
                                placeholder=BODY_TYPES))

    def _points(self, shapes: list[Shape], plan: SlidePlan) -> None:
        """Points in the layout's body placeholder, and what the plan puts beside them."""
        self._title(shapes, plan.title, plan=plan)
        if plan.bullets:
            anchor: Anchor = "ctr" if plan.body_size > g.BODY_PT or plan.layout is not Layout.FULL else "t"
            shapes.append(TextShape("Points", plan.points_box,
                                    _box(plan.bullets, Run(plan.body_size, "text"), bullets=True),
                                    anchor=anchor, placeholder=BODY_TYPES))
        self._callouts(shapes, plan)
        side = plan.side_box
        if plan.layout is Layout.PARTS:
            self._parts(shapes, plan, side)
        elif plan.layout is Layout.FIGURES:
            self._figure_tiles(shapes, plan, g.grid(side, len(plan.figures), stacked=bool(plan.bullets)))
            if plan.chart_note:
                shapes.append(TextShape("Chart Note", g.SOURCE_LINE,
                                        _box([plan.chart_note], Run(g.FOOTER_PT, "muted"))))
        elif plan.layout is Layout.CHART:
            self._bars(shapes, plan, side)

    def _callouts(self, shapes: list[Shape], plan: SlidePlan) -> None:
        """Short quotes on a tinted panel under the points, the speaker under the words."""
        if not plan.callouts:
            return
        points = plan.points_box
        top = points.bottom_pt + g.PARAGRAPH_GAP_PT
        for index, quote in enumerate(plan.callouts):
            height = callout_height((quote,), points) - g.PARAGRAPH_GAP_PT
            box = g.Box(points.left_pt, top, points.width_pt, height)
            self._rectangle(shapes, f"Callout {index + 1}", box, "tint")
            self._accent_bar(shapes, box.left_pt, box.top_pt, width=4, height=height)
            inset = g.CALLOUT_INSET_PT
            inner = g.Box(box.left_pt + inset, box.top_pt + inset, box.width_pt - 2 * inset, height - 2 * inset)
            words = Text(f"“{quote.text}”", Run(g.CALLOUT_PT, "primary", bold=True))
            who = Text(self.words.quote_dash + quote.speaker, Run(g.SMALL_PT, "muted"), "r")
            shapes.append(TextShape(f"Callout Quote {index + 1}", inner, (words, who), anchor="ctr"))
            top = box.bottom_pt + g.PARAGRAPH_GAP_PT

    def _parts(self, shapes: list[Shape], plan: SlidePlan, box: g.Box) -> None:
        self._rectangle(shapes, "Parts Panel", box, "tint")
        inset = g.CALLOUT_INSET_PT + 6
        inner = g.Box(box.left_pt + inset, box.top_pt + inset, box.width_pt - 2 * inset, box.height_pt - 2 * inset)
        size = g.BODY_PT if plan.bullets else g.BODY_SIZES[1]  # alone, the parts are the slide: set larger
        shapes.append(TextShape("Parts", inner, _box(plan.parts, Run(size, "primary", bold=True),
                                                     space_after_pt=2 * g.PARAGRAPH_GAP_PT), anchor="ctr"))

    def _sources(self, shapes: list[Shape], plan: SlidePlan) -> None:
        """Numbered references, matching the [n] marks on figures and in the document."""
        self._title(shapes, plan.title, plan=plan)
        shapes.append(TextShape("Sources", g.BODY, _box(plan.bullets, Run(plan.body_size, "text"),
                                                        space_after_pt=g.PARAGRAPH_GAP_PT),
                                placeholder=BODY_TYPES))

    def _key_figures(self, shapes: list[Shape], plan: SlidePlan) -> None:
        """Figures on an even grid filling the slide; a chart's note and source under them."""
        self._title(shapes, plan.title, plan=plan)
        box = plan.figures_box
        self._figure_tiles(shapes, plan, g.grid(box, len(plan.figures)))
        if plan.chart_note:
            note = g.Box(box.left_pt, box.bottom_pt + 8, box.width_pt, g.BODY.bottom_pt - box.bottom_pt - 8)
            shapes.append(TextShape("Chart Note", note, _box([plan.chart_note], Run(g.NOTE_PT, "muted"))))
        if plan.source_line:
            self._source_line(shapes, plan.source_line)

    def _figure_tiles(self, shapes: list[Shape], plan: SlidePlan, tiles: list[g.Box]) -> None:
        """Each figure on a tinted tile: the value large, what was counted, then when and the source."""
        for index, (figure, tile) in enumerate(zip(plan.figures, tiles, strict=True)):
            self._rectangle(shapes, f"Figure Tile {index + 1}", tile, "tint")
            self._accent_bar(shapes, tile.left_pt, tile.top_pt, width=4, height=tile.height_pt)
            inner = tile.width_pt - 2 * g.FIGURE_INSET_PT
            left = tile.left_pt + g.FIGURE_INSET_PT
            label_lines = min(len(wrap(figure.label, inner, g.SMALL_PT, bold=True)), g.FIGURE_LABEL_LINES)
            note_lines = len(wrap(figure.note, inner, g.NOTE_PT))
            top = tile.top_pt + (tile.height_pt - figure_block_height(figure, tile.width_pt)) / 2
            value = g.Box(left, top, inner, figure.size * g.LINE_SPACING)
            shapes.append(TextShape(f"Figure Value {index + 1}", value,
                                    _box([figure.value], Run(figure.size, "primary", bold=True))))
            label = g.Box(left, value.bottom_pt + 6, inner, g.SMALL_PT * g.LINE_SPACING * label_lines)
            shapes.append(TextShape(f"Figure Label {index + 1}", label,
                                    _box([figure.label], Run(g.SMALL_PT, "text", bold=True))))
            note = g.Box(left, label.bottom_pt + 4, inner, g.NOTE_PT * g.LINE_SPACING * note_lines)
            shapes.append(TextShape(f"Source Note {index + 1}", note, _box([figure.note], Run(g.NOTE_PT, "muted"))))

    def _quote(self, shapes: list[Shape], plan: SlidePlan) -> None:
        assert plan.quote is not None
        self._title(shapes, plan.title, plan=plan)
        mark = g.Box(g.MARGIN_PT, g.QUOTE.top_pt - 30, 60, 90)
        shapes.append(TextShape("Quote Mark", mark, _box(["“"], Run(72, "accent", bold=True))))
        shapes.append(TextShape("Quote", g.QUOTE, _box([plan.quote.text], Run(g.QUOTE_PT, "text")), anchor="ctr",
                                placeholder=BODY_TYPES))
        who = plan.quote.speaker + (self.words.comma + plan.quote.context if plan.quote.context else "")
        shapes.append(TextShape("Attribution", g.ATTRIBUTION,
                                _box([self.words.quote_dash + who], Run(g.SMALL_PT, "muted"), align="r")))

    def _chart(self, shapes: list[Shape], plan: SlidePlan) -> None:
        self._title(shapes, plan.title, plan=plan)
        self._bars(shapes, plan, g.BODY)

    def _bars(self, shapes: list[Shape], plan: SlidePlan, area: g.Box) -> None:
        """The chart's panels across the area, its note under them, the source line at the foot."""
        assert plan.chart_id is not None
        chart = self.charts[plan.chart_id]
        groups = plan.bars
        description = describe(chart, self.outline)
        bottom = g.SOURCE_LINE.top_pt - 8
        if plan.chart_note:
            lines = len(wrap(plan.chart_note, area.width_pt, g.NOTE_PT))
            note = g.Box(area.left_pt, bottom - lines * g.NOTE_PT * g.LINE_SPACING, area.width_pt,
                         lines * g.NOTE_PT * g.LINE_SPACING)
            shapes.append(TextShape("Chart Note", note, _box([plan.chart_note], Run(g.NOTE_PT, "muted"))))
            bottom = note.top_pt - 6
        gap = 24.0
        width = (area.width_pt - gap * (len(groups) - 1)) / len(groups)
        for index, group in enumerate(groups):
            box = g.Box(area.left_pt + index * (width + gap), area.top_pt, width, bottom - area.top_pt)
            shapes.append(ChartShape(f"Chart {chart.id} {index + 1}", box, chart.id, chart.title, tuple(group.bars),
                                     description))
        self._source_line(shapes, plan.source_line)

    def _timeline(self, shapes: list[Shape], plan: SlidePlan) -> None:
        assert plan.timeline is not None and plan.chart_id is not None
        layout = plan.timeline
        self._title(shapes, plan.title, plan=plan)
        axis_y = g.TIMELINE_AXIS_Y
        # The axis speaks for the whole timeline: its alt text describes every event.
        shapes.append(LineShape("Axis", (layout.axis_left, axis_y), (layout.axis_right, axis_y), "primary", 3,
                                describe(self.charts[plan.chart_id], self.outline)))
        # The breaks first: their white ground hides the axis under their text, never a dot.
        for index, gap in enumerate(layout.gaps):
            width = gap_label_width(gap)
            box = g.Box(gap.x - width / 2, axis_y - 12, width, 24)
            shapes.append(TextShape(f"Gap {index + 1}", box, _box([gap.text], Run(gap.size, "muted"), align="ctr"),
                                    anchor="ctr", fill="white"))
        radius = MARKER_RADIUS
        for index, label in enumerate(layout.labels):
            # The stem joins the marker to the edge of its label, above or below the axis.
            text_edge = label.box.bottom_pt if label.above else label.box.top_pt
            stem_x = label.x if label.stem_x is None else label.stem_x  # the label may sit aside its marker
            shapes.append(LineShape(f"Stem {index + 1}", (label.x, axis_y), (stem_x, text_edge), "muted", 1))
            marker = g.Box(label.x - radius, axis_y - radius, 2 * radius, 2 * radius)
            shapes.append(FilledShape(f"Marker {index + 1}", marker, "accent", "white", "ellipse"))
            shapes.append(self._event_label(index, label))
        self._source_line(shapes, plan.source_line)

    @staticmethod
    def _event_label(index: int, label: TimelineLabel) -> TextShape:
        """The date lines in bold primary, then the event's title, centred on its marker."""
        when = Run(g.SMALL_PT, "primary", bold=True)
        what = Run(g.SMALL_PT, "text")
        paragraphs = [Text(line, when, "ctr") for line in label.when]
        paragraphs += [Text(line, what, "ctr") for line in label.title]
        return TextShape(f"Event {index + 1}", label.box, tuple(paragraphs), anchor="b" if label.above else "t")
