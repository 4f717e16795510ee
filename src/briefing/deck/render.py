"""Slide plans -> a .pptx file, with python-pptx (which only the deck package imports).

python-pptx opens the template (masters, layouts, theme), makes the native
charts and saves the package; the slides themselves are written as XML text
(drawing.py), which keeps a slide's cost the same at any deck size.

Every run gets the theme's Latin font, its East Asian font (``a:ea``) and the
outline's language. Statistics charts are native PowerPoint charts whose
data the speaker can edit; each bar's label is the locale's reading of the
value (1.7亿). The timeline is drawn with shapes, so it stays editable too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Pt

from briefing.charts.data import Bar, describe
from briefing.deck import drawing as d
from briefing.deck import geometry as g
from briefing.deck.chartxml import number_axes
from briefing.deck.look import Look, Role
from briefing.deck.metadata import deck_properties
from briefing.deck.plan import (
    Layout,
    SlideKind,
    SlidePlan,
    callout_height,
    figure_block_height,
)
from briefing.deck.scaling import DrawnPart, SlideAppender, make_appends_linear
from briefing.deck.template import Layouts, open_deck
from briefing.deck.timeline import MARKER_RADIUS, TimelineLabel, gap_label_width
from briefing.deck.workbook import TextSafeChartData
from briefing.ooxml.library_private import font_properties, new_chart_part
from briefing.ooxml.opc import save_package
from briefing.ooxml.properties import fill_core_properties
from briefing.ooxml.reproducible import build_time
from briefing.outline.assets import Logo
from briefing.outline.locale import format_date, labels, language_tag
from briefing.outline.model import Outline, SlideLayoutRole
from briefing.text.fonts import wrap

# The layout role of each kind of slide (the theme maps roles to a template's layouts).
_ROLES = {
    SlideKind.TITLE: SlideLayoutRole.TITLE, SlideKind.SECTION: SlideLayoutRole.SECTION,
    SlideKind.CLOSING: SlideLayoutRole.SECTION, SlideKind.CHART: SlideLayoutRole.CHART,
    SlideKind.TIMELINE: SlideLayoutRole.TIMELINE, SlideKind.QUOTE: SlideLayoutRole.QUOTE,
    SlideKind.SOURCES: SlideLayoutRole.SOURCES,
}
_TITLE_TYPES = ("title", "ctrTitle")
_BODY_TYPES = ("body", "obj")  # a layout's text or content placeholder
_SUBTITLE_TYPES = ("subTitle", "body")


@dataclass(frozen=True)
class PptxInputs:
    logo: Logo | None = None
    template: Path | None = None  # a company's .pptx: masters, layouts, theme fonts and colours


@dataclass(frozen=True)
class _Text:
    """How a block of text looks."""

    size: float
    colour: Role
    bold: bool = False
    heading: bool = False
    align: d.Align = "l"
    anchor: d.Anchor = "t"
    bullets: bool = False
    space_after_pt: float = 0.0


@dataclass
class _Slide:
    """A slide being drawn: its part (for relationships), layout and shapes so far."""

    part: DrawnPart
    layout: Any
    number: int
    shapes: list[str] = field(default_factory=list)
    ids: d.ShapeIds = field(default_factory=d.ShapeIds)


class _DeckRenderer:
    def __init__(self, outline: Outline, inputs: PptxInputs):
        self.outline = outline
        self.words = labels(outline.meta.locale)
        self.look = Look(outline.theme, outline.meta.locale, templated=inputs.template is not None)
        self.inputs = inputs
        self.deck = open_deck(inputs.template)
        make_appends_linear(self.deck)
        self.appender = SlideAppender(self.deck)
        self.layouts = Layouts(self.deck, outline.theme.layouts)
        self.footer = f"{outline.short_title} · {format_date(outline.meta.date, outline.meta.locale)}"
        self.bullet = (f"<a:buClr>{self.look.colour('accent')}</a:buClr>"
                       '<a:buFont typeface="Arial"/><a:buChar char="•"/>')
        self.notes_run = self.look.notes_run_properties()

    def render(self, slides: list[SlidePlan]) -> tuple[bytes, list[str]]:
        fill_core_properties(self.deck.core_properties, self.outline.meta, language_tag(self.outline.meta.locale))
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
        for plan in slides:
            layout = self.layouts.for_role(_ROLES.get(plan.kind, SlideLayoutRole.POINTS))
            part, notes = self.appender.add(layout)
            slide = _Slide(part, layout, self.appender.count)
            draw[plan.kind](slide, plan)
            if plan.kind not in (SlideKind.TITLE, SlideKind.CLOSING):
                self._footer(slide)
            part.set_xml(d.slide(slide.shapes))
            notes.set_xml(d.notes([d.Paragraph(line, self.notes_run) for line in plan.notes.split("\n")]))
        about = deck_properties(self.deck, [plan.title for plan in slides],
                                notes=sum(bool(plan.notes.strip()) for plan in slides))
        return save_package(self.deck.part.package, build_time(self.outline.meta.date), about), self.layouts.warnings

    # -- text -----------------------------------------------------------------------

    def _body(self, lines: list[str] | tuple[str, ...], look: _Text) -> str:
        """A text body: one paragraph per line, a line's own line breaks kept."""
        run = self.look.run_properties(look.size, look.colour, bold=look.bold, heading=look.heading)
        bullet, indent = (self.bullet, g.BULLET_INDENT_PT) if look.bullets else (None, 0.0)
        space_after = g.PARAGRAPH_GAP_PT if look.bullets else look.space_after_pt
        return d.text_body([d.Paragraph(line, run, look.align, g.LINE_SPACING, space_after, bullet, indent)
                            for line in lines], look.anchor)

    def _textbox(self, slide: _Slide, box: g.Box, lines, look: _Text, name: str = "TextBox",
                 fill: Role | None = None) -> None:
        slide.shapes.append(d.textbox(slide.ids.take(), name, box, self._body(lines, look),
                                      fill=self.look.colour(fill) if fill else None))

    def _placeholder(self, slide: _Slide, kinds: tuple[str, ...], name: str, box: g.Box, lines,
                     look: _Text) -> None:
        """The layout's placeholder of one of these kinds, filled in; a text box where it has none."""
        slot = self.layouts.slot(slide.layout, kinds)
        if slot is None:
            self._textbox(slide, box, lines, look, name=name)
            return
        kind, index = slot
        slide.shapes.append(d.placeholder(slide.ids.take(), name, kind, index, box, self._body(lines, look)))

    def _title(self, slide: _Slide, text: str, box: g.Box = g.TITLE, size: float = g.TITLE_PT,
               plan: SlidePlan | None = None) -> None:
        if plan is not None and plan.label:  # the part's heading, small above the title that states its point
            self._textbox(slide, g.label_box(plan.title_lines), [plan.label],
                          _Text(g.LABEL_PT, "accent", bold=True, heading=True, anchor="b"), name="Label")
        self._placeholder(slide, _TITLE_TYPES, "Title", box, [text],
                          _Text(size, "primary", bold=True, heading=True, anchor="b"))

    def _rectangle(self, slide: _Slide, name: str, box: g.Box, colour: Role) -> None:
        slide.shapes.append(d.filled_shape(slide.ids.take(), name, box, self.look.colour(colour)))

    def _accent_bar(self, slide: _Slide, left: float, top: float, width: float = 80, height: float = 5) -> None:
        self._rectangle(slide, "Accent", g.Box(left, top, width, height), "accent")

    def _footer(self, slide: _Slide) -> None:
        self._textbox(slide, g.FOOTER, [self.footer], _Text(g.FOOTER_PT, "muted"), name="Footer")
        # A slidenum field: PowerPoint keeps it right when slides move.
        run = self.look.run_properties(g.FOOTER_PT, "muted")
        number = d.Paragraph("", run, "r", g.LINE_SPACING, slide_number=slide.number)
        slide.shapes.append(d.textbox(slide.ids.take(), "Slide Number", g.SLIDE_NUMBER, d.text_body([number])))

    # -- slide kinds --------------------------------------------------------------------

    def _band(self, slide: _Slide) -> None:
        """A bar of the primary colour down the left edge marks the cover and section slides."""
        self._rectangle(slide, "Band", g.Box(0, 0, g.BAND_PT, g.SLIDE_HEIGHT_PT), "primary")

    def _cover(self, slide: _Slide, plan: SlidePlan) -> None:
        self._band(slide)
        if self.inputs.logo is not None:
            self._logo(slide, self.inputs.logo)
        self._title(slide, plan.title, g.COVER_TITLE, size=g.COVER_TITLE_PT)
        self._accent_bar(slide, g.MARGIN_PT, g.COVER_SUBTITLE.top_pt - 16)
        self._placeholder(slide, _SUBTITLE_TYPES, "Subtitle", g.COVER_SUBTITLE, list(plan.subtitle),
                          _Text(g.BODY_PT, "muted"))

    def _logo(self, slide: _Slide, logo: Logo) -> None:
        image_part = self.deck.part.package.get_or_add_image_part(io.BytesIO(logo.png))
        relationship = slide.part.relate_to(image_part, RT.IMAGE)
        box = g.COVER_LOGO
        box = g.Box(box.left_pt, box.top_pt, box.height_pt * logo.width / logo.height, box.height_pt)
        slide.shapes.append(d.picture(slide.ids.take(), "Logo", box, relationship))

    def _section(self, slide: _Slide, plan: SlidePlan) -> None:
        """A section's points, and the sub-sections it introduces on a panel beside them."""
        self._band(slide)
        self._points(slide, plan)

    def _closing(self, slide: _Slide, plan: SlidePlan) -> None:
        self._band(slide)
        self._title(slide, plan.title, g.SECTION_TITLE, size=g.SECTION_TITLE_PT)
        self._accent_bar(slide, g.MARGIN_PT, g.SECTION_TITLE.bottom_pt + 10)
        body = g.Box(g.MARGIN_PT, g.SECTION_TITLE.bottom_pt + 30, g.CONTENT_WIDTH, 120)
        self._placeholder(slide, _BODY_TYPES, "Closing", body, list(plan.subtitle), _Text(g.SMALL_PT, "muted"))

    def _points(self, slide: _Slide, plan: SlidePlan) -> None:
        """Points in the layout's body placeholder, and what the plan puts beside them."""
        self._title(slide, plan.title, plan=plan)
        if plan.bullets:
            anchor: d.Anchor = "ctr" if plan.body_size > g.BODY_PT or plan.layout is not Layout.FULL else "t"
            self._placeholder(slide, _BODY_TYPES, "Points", plan.points_box, list(plan.bullets),
                              _Text(plan.body_size, "text", bullets=True, anchor=anchor))
        self._callouts(slide, plan)
        side = plan.side_box
        if plan.layout is Layout.PARTS:
            self._parts(slide, plan, side)
        elif plan.layout is Layout.FIGURES:
            self._figure_tiles(slide, plan, g.grid(side, len(plan.figures), stacked=bool(plan.bullets)))
            if plan.chart_note:
                self._textbox(slide, g.SOURCE_LINE, [plan.chart_note], _Text(g.FOOTER_PT, "muted"), name="Chart Note")
        elif plan.layout is Layout.CHART:
            self._bars(slide, plan, side)

    def _callouts(self, slide: _Slide, plan: SlidePlan) -> None:
        """Short quotes on a tinted panel under the points, the speaker under the words."""
        if not plan.callouts:
            return
        points = plan.points_box
        top = points.bottom_pt + g.PARAGRAPH_GAP_PT
        for index, quote in enumerate(plan.callouts):
            height = callout_height((quote,), points) - g.PARAGRAPH_GAP_PT
            box = g.Box(points.left_pt, top, points.width_pt, height)
            self._rectangle(slide, f"Callout {index + 1}", box, "tint")
            self._accent_bar(slide, box.left_pt, box.top_pt, width=4, height=height)
            inset = g.CALLOUT_INSET_PT
            inner = g.Box(box.left_pt + inset, box.top_pt + inset, box.width_pt - 2 * inset, height - 2 * inset)
            run = self.look.run_properties(g.CALLOUT_PT, "primary", bold=True)
            who = self.look.run_properties(g.SMALL_PT, "muted")
            body = d.text_body([d.Paragraph(f"“{quote.text}”", run, "l", g.LINE_SPACING),
                                d.Paragraph(self.words.quote_dash + quote.speaker, who, "r", g.LINE_SPACING)], "ctr")
            slide.shapes.append(d.textbox(slide.ids.take(), f"Callout Quote {index + 1}", inner, body))
            top = box.bottom_pt + g.PARAGRAPH_GAP_PT

    def _parts(self, slide: _Slide, plan: SlidePlan, box: g.Box) -> None:
        self._rectangle(slide, "Parts Panel", box, "tint")
        inset = g.CALLOUT_INSET_PT + 6
        inner = g.Box(box.left_pt + inset, box.top_pt + inset, box.width_pt - 2 * inset, box.height_pt - 2 * inset)
        size = g.BODY_PT if plan.bullets else g.BODY_SIZES[1]  # alone, the parts are the slide: set larger
        self._textbox(slide, inner, list(plan.parts),
                      _Text(size, "primary", bold=True, anchor="ctr", space_after_pt=2 * g.PARAGRAPH_GAP_PT),
                      name="Parts")

    def _sources(self, slide: _Slide, plan: SlidePlan) -> None:
        """Numbered references, matching the [n] marks on figures and in the document."""
        self._title(slide, plan.title, plan=plan)
        self._placeholder(slide, _BODY_TYPES, "Sources", g.BODY, list(plan.bullets),
                          _Text(plan.body_size, "text", space_after_pt=g.PARAGRAPH_GAP_PT))

    def _key_figures(self, slide: _Slide, plan: SlidePlan) -> None:
        """Figures on an even grid filling the slide; a chart's note and source under them."""
        self._title(slide, plan.title, plan=plan)
        box = plan.figures_box
        self._figure_tiles(slide, plan, g.grid(box, len(plan.figures)))
        if plan.chart_note:
            note = g.Box(box.left_pt, box.bottom_pt + 8, box.width_pt, g.BODY.bottom_pt - box.bottom_pt - 8)
            self._textbox(slide, note, [plan.chart_note], _Text(g.NOTE_PT, "muted"), name="Chart Note")
        if plan.source_line:
            self._source_line(slide, plan.source_line)

    def _figure_tiles(self, slide: _Slide, plan: SlidePlan, tiles: list[g.Box]) -> None:
        """Each figure on a tinted tile: the value large, what was counted, then when and the source."""
        for index, (figure, tile) in enumerate(zip(plan.figures, tiles, strict=True)):
            self._rectangle(slide, f"Figure Tile {index + 1}", tile, "tint")
            self._accent_bar(slide, tile.left_pt, tile.top_pt, width=4, height=tile.height_pt)
            inner = tile.width_pt - 2 * g.FIGURE_INSET_PT
            left = tile.left_pt + g.FIGURE_INSET_PT
            label_lines = min(len(wrap(figure.label, inner, g.SMALL_PT, bold=True)), g.FIGURE_LABEL_LINES)
            note_lines = len(wrap(figure.note, inner, g.NOTE_PT))
            top = tile.top_pt + (tile.height_pt - figure_block_height(figure, tile.width_pt)) / 2
            value = g.Box(left, top, inner, figure.size * g.LINE_SPACING)
            self._textbox(slide, value, [figure.value], _Text(figure.size, "primary", bold=True),
                          name=f"Figure Value {index + 1}")
            label = g.Box(left, value.bottom_pt + 6, inner, g.SMALL_PT * g.LINE_SPACING * label_lines)
            self._textbox(slide, label, [figure.label], _Text(g.SMALL_PT, "text", bold=True),
                          name=f"Figure Label {index + 1}")
            note = g.Box(left, label.bottom_pt + 4, inner, g.NOTE_PT * g.LINE_SPACING * note_lines)
            self._textbox(slide, note, [figure.note], _Text(g.NOTE_PT, "muted"), name=f"Source Note {index + 1}")

    def _quote(self, slide: _Slide, plan: SlidePlan) -> None:
        assert plan.quote is not None
        self._title(slide, plan.title, plan=plan)
        mark = g.Box(g.MARGIN_PT, g.QUOTE.top_pt - 30, 60, 90)
        self._textbox(slide, mark, ["“"], _Text(72, "accent", bold=True), name="Quote Mark")
        self._placeholder(slide, _BODY_TYPES, "Quote", g.QUOTE, [plan.quote.text],
                          _Text(g.QUOTE_PT, "text", anchor="ctr"))
        who = plan.quote.speaker + (self.words.comma + plan.quote.context if plan.quote.context else "")
        self._textbox(slide, g.ATTRIBUTION, [self.words.quote_dash + who], _Text(g.SMALL_PT, "muted", align="r"),
                      name="Attribution")

    def _source_line(self, slide: _Slide, text: str) -> None:
        self._textbox(slide, g.SOURCE_LINE, [text], _Text(g.FOOTER_PT, "muted"), name="Source")

    def _chart(self, slide: _Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title, plan=plan)
        self._bars(slide, plan, g.BODY)

    def _bars(self, slide: _Slide, plan: SlidePlan, area: g.Box) -> None:
        """The chart's panels across the area, its note under them, the source line at the foot."""
        chart_spec = next(c for c in self.outline.charts if c.id == plan.chart_id)
        groups = plan.bars
        description = describe(chart_spec, self.outline)
        bottom = g.SOURCE_LINE.top_pt - 8
        if plan.chart_note:
            lines = len(wrap(plan.chart_note, area.width_pt, g.NOTE_PT))
            note = g.Box(area.left_pt, bottom - lines * g.NOTE_PT * g.LINE_SPACING, area.width_pt,
                         lines * g.NOTE_PT * g.LINE_SPACING)
            self._textbox(slide, note, [plan.chart_note], _Text(g.NOTE_PT, "muted"), name="Chart Note")
            bottom = note.top_pt - 6
        gap = 24.0
        width = (area.width_pt - gap * (len(groups) - 1)) / len(groups)
        for index, group in enumerate(groups):
            bars = list(reversed(group.bars))  # a bar chart draws its first category at the bottom
            data = TextSafeChartData()
            data.categories = [bar.label for bar in bars]
            data.add_series(chart_spec.title, [bar.value for bar in bars])
            chart_part = new_chart_part(self.deck.part.package, XL_CHART_TYPE.BAR_CLUSTERED, data)
            number_axes(chart_part.chart.element)
            relationship = slide.part.relate_to(chart_part, RT.CHART)
            box = g.Box(area.left_pt + index * (width + gap), area.top_pt, width, bottom - area.top_pt)
            slide.shapes.append(d.chart_frame(slide.ids.take(), f"Chart {chart_spec.id} {index + 1}", box,
                                              relationship, description))
            self._style_chart(chart_part.chart, bars)
        self._source_line(slide, plan.source_line)

    def _style_chart(self, chart, bars: list[Bar]) -> None:
        chart.has_legend = False
        chart.has_title = False  # the slide title names the chart
        chart.font.size = Pt(g.SMALL_PT)
        self.look.fonts(font_properties(chart.font))
        plot = chart.plots[0]
        plot.gap_width = 60
        series = plot.series[0]
        series.format.fill.solid()
        self.look.paint(series.format.fill.fore_color, "primary")
        value_axis = chart.value_axis
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        value_axis.maximum_scale = max(bar.value for bar in bars) * 1.4 or 1
        value_axis.minimum_scale = 0
        chart.category_axis.tick_labels.font.size = Pt(g.SMALL_PT)
        self.look.paint(chart.category_axis.format.line.color, "muted")
        for point_index, bar in enumerate(bars):
            label = series.points[point_index].data_label
            label.position = XL_LABEL_POSITION.OUTSIDE_END
            label.text_frame.text = bar.display
            label.text_frame.word_wrap = False  # 超过6.82亿 on one line
            for run in label.text_frame.paragraphs[0].runs:
                run.font.size = Pt(g.BODY_PT)
                run.font.bold = True
                self.look.paint(run.font.color, "text")
                self.look.fonts(font_properties(run.font))

    def _timeline(self, slide: _Slide, plan: SlidePlan) -> None:
        assert plan.timeline is not None
        layout = plan.timeline
        self._title(slide, plan.title, plan=plan)
        chart_spec = next(c for c in self.outline.charts if c.id == plan.chart_id)
        axis_y = g.TIMELINE_AXIS_Y
        # The axis speaks for the whole timeline: its alt text describes every event.
        slide.shapes.append(d.line(slide.ids.take(), "Axis", (layout.axis_left, axis_y), (layout.axis_right, axis_y),
                                   self.look.colour("primary"), 3, describe(chart_spec, self.outline)))
        # The breaks first: their white ground hides the axis under their text, never a dot.
        for index, gap in enumerate(layout.gaps):
            width = gap_label_width(gap)
            box = g.Box(gap.x - width / 2, axis_y - 12, width, 24)
            self._textbox(slide, box, [gap.text], _Text(gap.size, "muted", align="ctr", anchor="ctr"),
                          name=f"Gap {index + 1}", fill="white")
        radius = MARKER_RADIUS
        for index, label in enumerate(layout.labels):
            # The stem joins the marker to the edge of its label, above or below the axis.
            text_edge = label.box.bottom_pt if label.above else label.box.top_pt
            stem_x = label.x if label.stem_x is None else label.stem_x  # the label may sit aside its marker
            slide.shapes.append(d.line(slide.ids.take(), f"Stem {index + 1}", (label.x, axis_y),
                                       (stem_x, text_edge), self.look.colour("muted"), 1))
            marker = g.Box(label.x - radius, axis_y - radius, 2 * radius, 2 * radius)
            slide.shapes.append(d.filled_shape(slide.ids.take(), f"Marker {index + 1}", marker,
                                               self.look.colour("accent"), self.look.colour("white"), "ellipse"))
            self._event_label(slide, index, label)
        self._source_line(slide, plan.source_line)

    def _event_label(self, slide: _Slide, index: int, label: TimelineLabel) -> None:
        """The date lines in bold primary, then the event's title, centred on its marker."""
        when = self.look.run_properties(g.SMALL_PT, "primary", bold=True)
        what = self.look.run_properties(g.SMALL_PT, "text")
        paragraphs = [d.Paragraph(line, when, "ctr", g.LINE_SPACING) for line in label.when]
        paragraphs += [d.Paragraph(line, what, "ctr", g.LINE_SPACING) for line in label.title]
        body = d.text_body(paragraphs, "b" if label.above else "t")
        slide.shapes.append(d.textbox(slide.ids.take(), f"Event {index + 1}", label.box, body))


def write_pptx(outline: Outline, slides: list[SlidePlan], inputs: PptxInputs) -> tuple[bytes, list[str]]:
    """The deck for an outline's slide plans: the bytes of a .pptx file, and what to warn about."""
    return _DeckRenderer(outline, inputs).render(slides)
