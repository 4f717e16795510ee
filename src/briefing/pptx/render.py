"""Slide plans -> a .pptx file: the only module that imports python-pptx.

Every run gets the theme's Latin font, its East Asian font (``a:ea``, which
python-pptx's ``Font.name`` does not set) and the outline's language.
Statistics charts are native PowerPoint charts whose data the speaker can
edit; each bar's label is the locale's reading of the value (1.7亿). The
timeline is drawn with shapes, so it stays editable too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Pt

from briefing.chartdata import Bar, bar_groups, describe
from briefing.fonts import text_width
from briefing.locale import format_date, labels
from briefing.outline.model import Outline, SlideLayoutRole
from briefing.pptx import geometry as g
from briefing.pptx.plan import SlideKind, SlidePlan
from briefing.pptx.look import Look, Role
from briefing.pptx.scaling import SlideAppender, make_appends_linear
from briefing.pptx.template import Layouts, open_deck
from briefing.properties import fill_core_properties

# The layout role of each kind of slide (the theme maps roles to a template's layouts).
_ROLES = {
    SlideKind.TITLE: SlideLayoutRole.TITLE, SlideKind.SECTION: SlideLayoutRole.SECTION,
    SlideKind.CLOSING: SlideLayoutRole.SECTION, SlideKind.CHART: SlideLayoutRole.CHART,
    SlideKind.TIMELINE: SlideLayoutRole.TIMELINE, SlideKind.QUOTE: SlideLayoutRole.QUOTE,
    SlideKind.SOURCES: SlideLayoutRole.SOURCES,
}
_TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_SUBTITLE_TYPES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)


@dataclass(frozen=True)
class PptxInputs:
    chart_images: dict[str, Path]
    logo: Path | None = None
    template: Path | None = None  # a company's .pptx: masters, layouts, theme fonts and colours


@dataclass(frozen=True)
class _Text:
    """How a block of text looks."""

    size: float
    colour: Role
    bold: bool = False
    heading: bool = False
    align: PP_ALIGN = PP_ALIGN.LEFT
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP
    bullets: bool = False


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

    def render(self, slides: list[SlidePlan]) -> tuple[bytes, list[str]]:
        fill_core_properties(self.deck.core_properties, self.outline)
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
            slide = self.appender.add(self.layouts.for_role(_ROLES.get(plan.kind, SlideLayoutRole.POINTS)))
            draw[plan.kind](slide, plan)
            self._remove_empty_placeholders(slide)
            if plan.kind not in (SlideKind.TITLE, SlideKind.SECTION, SlideKind.CLOSING):
                self._footer(slide)
            self._notes(slide, plan.notes)
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue(), self.layouts.warnings

    # -- text -----------------------------------------------------------------------

    def _place(self, shape, box: g.Box) -> None:
        shape.left, shape.top = Pt(box.left_pt), Pt(box.top_pt)
        shape.width, shape.height = Pt(box.width_pt), Pt(box.height_pt)

    def _fill(self, frame: TextFrame, lines: list[str] | tuple[str, ...], look: _Text) -> None:
        frame.word_wrap = True
        frame.auto_size = None
        frame.vertical_anchor = look.anchor
        for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
            setattr(frame, side, 0)
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = look.align
            paragraph.line_spacing = g.LINE_SPACING
            if look.bullets:
                paragraph.space_after = Pt(g.PARAGRAPH_GAP_PT)
                _bullet(paragraph._p, g.BULLET_INDENT_PT, self.look)
            else:
                _no_bullet(paragraph._p)
            for part_index, part in enumerate(line.split("\n")):
                if part_index:
                    paragraph.add_line_break()
                run = paragraph.add_run()
                run.text = part
                run.font.size = Pt(look.size)
                run.font.bold = look.bold
                self.look.paint(run.font.color, look.colour)
                rpr = run._r.get_or_add_rPr()
                rpr.set("cap", "none")  # some layouts set titles in capitals: TikTok stays TikTok
                self.look.fonts(rpr, heading=look.heading)

    def _textbox(self, slide: Slide, box: g.Box, lines, look: _Text, name: str | None = None):
        shape = slide.shapes.add_textbox(Pt(box.left_pt), Pt(box.top_pt), Pt(box.width_pt), Pt(box.height_pt))
        if name:
            shape.name = name
        self._fill(shape.text_frame, lines, look)
        return shape

    def _title(self, slide: Slide, text: str, box: g.Box = g.TITLE, size: float = g.TITLE_PT,
               anchor: MSO_ANCHOR = MSO_ANCHOR.BOTTOM) -> None:
        title = next((p for p in slide.placeholders if p.placeholder_format.type in _TITLE_TYPES), None)
        if title is None:  # a template layout without a title: a text box stands in
            title = slide.shapes.add_textbox(0, 0, 0, 0)
            title.name = "Title"
        self._place(title, box)
        self._fill(title.text_frame, [text], _Text(size, "primary", bold=True, heading=True, anchor=anchor))

    def _accent_bar(self, slide: Slide, left: float, top: float, width: float = 80, height: float = 5) -> None:
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(left), Pt(top), Pt(width), Pt(height))
        bar.fill.solid()
        self.look.paint(bar.fill.fore_color, "accent")
        bar.line.fill.background()
        bar.name = "Accent"

    def _footer(self, slide: Slide) -> None:
        look = _Text(g.FOOTER_PT, "muted")
        self._textbox(slide, g.FOOTER, [self.footer], look, name="Footer")
        number = self._textbox(slide, g.SLIDE_NUMBER, [""], _Text(g.FOOTER_PT, "muted", align=PP_ALIGN.RIGHT), name="Slide Number")
        _slide_number_field(number.text_frame.paragraphs[0]._p, self.appender.count)

    def _notes(self, slide: Slide, text: str) -> None:
        frame = slide.notes_slide.notes_text_frame
        frame.text = text
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                self.look.fonts(run._r.get_or_add_rPr())

    def _remove_empty_placeholders(self, slide: Slide) -> None:
        """Layout placeholders we left unused would show 'Click to add text' in an editor."""
        for shape in list(slide.placeholders):
            if shape.has_text_frame and not shape.text_frame.text.strip():
                shape._element.getparent().remove(shape._element)

    # -- slide kinds --------------------------------------------------------------------

    def _band(self, slide: Slide) -> None:
        """A bar of the primary colour down the left edge marks the cover and section slides."""
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Pt(g.BAND_PT), Pt(g.SLIDE_HEIGHT_PT))
        band.fill.solid()
        self.look.paint(band.fill.fore_color, "primary")
        band.line.fill.background()
        band.name = "Band"

    def _cover(self, slide: Slide, plan: SlidePlan) -> None:
        self._band(slide)
        if self.inputs.logo is not None:
            box = g.COVER_LOGO
            slide.shapes.add_picture(str(self.inputs.logo), Pt(box.left_pt), Pt(box.top_pt),
                                     height=Pt(box.height_pt)).name = "Logo"
        self._title(slide, plan.title, g.COVER_TITLE, size=g.COVER_TITLE_PT)
        self._accent_bar(slide, g.MARGIN_PT, g.COVER_SUBTITLE.top_pt - 16)
        lines = list(plan.subtitle)
        subtitle = next((p for p in slide.placeholders if p.placeholder_format.type in _SUBTITLE_TYPES), None)
        if subtitle is None:
            self._textbox(slide, g.COVER_SUBTITLE, lines, _Text(g.BODY_PT, "muted"), name="Subtitle")
        else:
            self._place(subtitle, g.COVER_SUBTITLE)
            self._fill(subtitle.text_frame, lines, _Text(g.BODY_PT, "muted"))

    def _section(self, slide: Slide, plan: SlidePlan) -> None:
        self._band(slide)
        self._title(slide, plan.title, g.SECTION_TITLE, size=g.SECTION_TITLE_PT)
        self._accent_bar(slide, g.MARGIN_PT, g.SECTION_TITLE.bottom_pt + 10)

    def _closing(self, slide: Slide, plan: SlidePlan) -> None:
        self._section(slide, plan)
        body = g.Box(g.MARGIN_PT, g.SECTION_TITLE.bottom_pt + 30, g.CONTENT_WIDTH, 120)
        self._textbox(slide, body, plan.subtitle, _Text(g.SMALL_PT, "muted"), name="Closing")

    def _points(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title)
        self._textbox(slide, g.BODY, plan.bullets, _Text(g.BODY_PT, "text", bullets=True),
                      name="Points")

    def _sources(self, slide: Slide, plan: SlidePlan) -> None:
        """Numbered references, matching the [n] marks on figures and in the document."""
        self._title(slide, plan.title)
        frame = self._textbox(slide, g.BODY, plan.bullets, _Text(g.BODY_PT, "text"), name="Sources")
        for paragraph in frame.text_frame.paragraphs:
            paragraph.space_after = Pt(g.PARAGRAPH_GAP_PT)

    def _key_figures(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title)
        columns, gap, width = g.FIGURE_COLUMNS, g.FIGURE_GAP_PT, g.FIGURE_TILE_WIDTH
        height = (g.BODY.height_pt - gap) / g.FIGURE_ROWS
        for index, figure in enumerate(plan.figures):
            row, column = divmod(index, columns)
            left = g.BODY.left_pt + column * (width + gap)
            top = g.BODY.top_pt + row * (height + gap)
            self._accent_bar(slide, left, top, width=4, height=height)
            inner, inner_width = left + g.FIGURE_INSET_PT, width - g.FIGURE_INSET_PT
            value = g.Box(inner, top + 8, inner_width, figure.size * g.LINE_SPACING + 4)
            self._textbox(slide, value, [figure.value], _Text(figure.size, "primary", bold=True),
                          name=f"Figure Value {index + 1}")
            label = g.Box(inner, value.bottom_pt + 4, inner_width, g.SMALL_PT * g.LINE_SPACING * 2)
            self._textbox(slide, label, [figure.label], _Text(g.SMALL_PT, "text"),
                          name=f"Figure Label {index + 1}")
            note = g.Box(inner, label.bottom_pt + 2, inner_width, g.FOOTER_PT * g.LINE_SPACING * 2)
            self._textbox(slide, note, [figure.note], _Text(g.FOOTER_PT, "muted"),
                          name=f"Source Note {index + 1}")

    def _quote(self, slide: Slide, plan: SlidePlan) -> None:
        assert plan.quote is not None
        self._title(slide, plan.title)
        mark = g.Box(g.MARGIN_PT, g.QUOTE.top_pt - 30, 60, 90)
        self._textbox(slide, mark, ["“"], _Text(72, "accent", bold=True))
        self._textbox(slide, g.QUOTE, [plan.quote.text], _Text(g.QUOTE_PT, "text",
                                                               anchor=MSO_ANCHOR.MIDDLE), name="Quote")
        who = plan.quote.speaker + (self.words.comma + plan.quote.context if plan.quote.context else "")
        self._textbox(slide, g.ATTRIBUTION, [self.words.quote_dash + who],
                      _Text(g.SMALL_PT, "muted", align=PP_ALIGN.RIGHT), name="Attribution")

    def _source_line(self, slide: Slide, text: str) -> None:
        self._textbox(slide, g.SOURCE_LINE, [text], _Text(g.FOOTER_PT, "muted"), name="Source")

    def _chart(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title)
        chart_spec = next(c for c in self.outline.charts if c.id == plan.chart_id)
        groups = bar_groups(chart_spec, self.outline)
        gap = 24.0
        width = (g.BODY.width_pt - gap * (len(groups) - 1)) / len(groups)
        for index, group in enumerate(groups):
            bars = list(reversed(group.bars))  # a bar chart draws its first category at the bottom
            data = CategoryChartData()
            data.categories = [bar.label for bar in bars]
            data.add_series(chart_spec.title, [bar.value for bar in bars])
            frame = slide.shapes.add_chart(
                XL_CHART_TYPE.BAR_CLUSTERED,
                Pt(g.BODY.left_pt + index * (width + gap)), Pt(g.BODY.top_pt), Pt(width),
                Pt(g.SOURCE_LINE.top_pt - g.BODY.top_pt - 8), data,
            )
            frame.name = f"Chart {chart_spec.id} {index + 1}"
            _describe(frame, describe(chart_spec, self.outline))
            self._style_chart(frame.chart, bars)
        self._source_line(slide, plan.source_line)

    def _style_chart(self, chart, bars: list[Bar]) -> None:
        chart.has_legend = False
        chart.has_title = False  # the slide title names the chart
        chart.font.size = Pt(g.SMALL_PT)
        self.look.fonts(chart.font._rPr)
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
            label.text_frame._txBody.bodyPr.set("wrap", "none")  # 超过6.82亿 on one line
            for run in label.text_frame.paragraphs[0].runs:
                run.font.size = Pt(g.BODY_PT)
                run.font.bold = True
                self.look.paint(run.font.color, "text")
                self.look.fonts(run._r.get_or_add_rPr())

    def _timeline(self, slide: Slide, plan: SlidePlan) -> None:
        assert plan.timeline is not None
        layout = plan.timeline
        self._title(slide, plan.title)
        shapes = slide.shapes
        axis = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(layout.axis_left), Pt(g.TIMELINE_AXIS_Y),
                                    Pt(layout.axis_right), Pt(g.TIMELINE_AXIS_Y))
        self.look.paint(axis.line.color, "primary")
        axis.line.width = Pt(3)
        axis.name = "Axis"
        radius = 7.0
        for index, label in enumerate(layout.labels):
            # The stem joins the marker to the edge of its label, above or below the axis.
            text_edge = label.box.bottom_pt if label.above else label.box.top_pt
            stem = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(label.x), Pt(g.TIMELINE_AXIS_Y),
                                        Pt(label.x), Pt(text_edge))
            self.look.paint(stem.line.color, "muted")
            stem.line.width = Pt(1)
            stem.name = f"Stem {index + 1}"
            marker = shapes.add_shape(MSO_SHAPE.OVAL, Pt(label.x - radius), Pt(g.TIMELINE_AXIS_Y - radius),
                                      Pt(2 * radius), Pt(2 * radius))
            marker.fill.solid()
            self.look.paint(marker.fill.fore_color, "accent")
            self.look.paint(marker.line.color, "white")
            marker.name = f"Marker {index + 1}"
            box = label.box
            lines = [*label.when, *label.title]
            shape = self._textbox(slide, box, lines, _Text(g.SMALL_PT, "text", align=PP_ALIGN.CENTER,
                                                           anchor=MSO_ANCHOR.BOTTOM if label.above else MSO_ANCHOR.TOP),
                                  name=f"Event {index + 1}")
            for paragraph in shape.text_frame.paragraphs[: len(label.when)]:
                for run in paragraph.runs:
                    run.font.bold = True
                    self.look.paint(run.font.color, "primary")
        for index, gap in enumerate(layout.gaps):
            width = text_width(gap.text, g.GAP_PT) + 12
            box = g.Box(gap.x - width / 2, g.TIMELINE_AXIS_Y - 12, width, 24)
            shape = self._textbox(slide, box, [gap.text], _Text(g.GAP_PT, "muted",
                                                                 align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE),
                                  name=f"Gap {index + 1}")
            shape.fill.solid()
            self.look.paint(shape.fill.fore_color, "white")
        chart_spec = next(c for c in self.outline.charts if c.id == plan.chart_id)
        _describe(axis, describe(chart_spec, self.outline))  # the axis speaks for the whole timeline
        self._source_line(slide, plan.source_line)


def _describe(shape, text: str) -> None:
    """Alt text: the shape's description, read out by screen readers."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _bullet(p: etree._Element, indent_pt: float, look: Look) -> None:
    ppr = p.get_or_add_pPr()
    ppr.set("marL", str(int(Pt(indent_pt))))
    ppr.set("indent", str(-int(Pt(indent_pt))))
    look.colour_element(etree.SubElement(ppr, qn("a:buClr")), "accent")
    etree.SubElement(ppr, qn("a:buFont")).set("typeface", "Arial")
    etree.SubElement(ppr, qn("a:buChar")).set("char", "•")


def _no_bullet(p: etree._Element) -> None:
    """Placeholders inherit bullets from the master; plain text says it has none."""
    ppr = p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    etree.SubElement(ppr, qn("a:buNone"))


def _slide_number_field(p: etree._Element, number: int) -> None:
    """A slidenum field: PowerPoint keeps it right when slides move."""
    run = p.find(qn("a:r"))
    field = etree.SubElement(p, qn("a:fld"))
    field.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    field.set("type", "slidenum")
    field.append(run.find(qn("a:rPr")))  # the run's look, fonts included
    etree.SubElement(field, qn("a:t")).text = str(number)
    p.remove(run)
    # The field must come before a:endParaRPr.
    end = p.find(qn("a:endParaRPr"))
    if end is not None:
        p.remove(end)
        p.append(end)


def write_pptx(outline: Outline, slides: list[SlidePlan], inputs: PptxInputs) -> tuple[bytes, list[str]]:
    """The deck for an outline's slide plans: the bytes of a .pptx file, and what to warn about."""
    return _DeckRenderer(outline, inputs).render(slides)
