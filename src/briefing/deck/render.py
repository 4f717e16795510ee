"""Slide plans -> a .pptx file, with python-pptx (which only the deck package imports).

python-pptx opens the template (masters, layouts, theme), makes the native
charts and saves the package; the slides themselves are the shapes that
shapes.py places, written as XML text (drawing.py), which keeps a slide's
cost the same at any deck size.

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

from briefing.charts.data import Bar
from briefing.deck import drawing as d
from briefing.deck import geometry as g
from briefing.deck.chartxml import number_axes
from briefing.deck.look import Look
from briefing.deck.metadata import deck_properties
from briefing.deck.plan import SlideKind, SlidePlan
from briefing.deck.scaling import DrawnPart, SlideAppender, make_appends_linear
from briefing.deck.shapes import (
    ChartShape,
    FilledShape,
    LineShape,
    LogoShape,
    Shape,
    SlideShapes,
    Text,
    TextShape,
)
from briefing.deck.template import Layouts, open_deck
from briefing.deck.workbook import TextSafeChartData
from briefing.ooxml.library_private import font_properties, new_chart_part
from briefing.ooxml.opc import save_package
from briefing.ooxml.properties import fill_core_properties
from briefing.ooxml.reproducible import build_time
from briefing.outline.assets import Logo
from briefing.outline.locale import language_tag
from briefing.outline.model import Outline, SlideLayoutRole

# The layout role of each kind of slide (the theme maps roles to a template's layouts).
_ROLES = {
    SlideKind.TITLE: SlideLayoutRole.TITLE, SlideKind.SECTION: SlideLayoutRole.SECTION,
    SlideKind.CLOSING: SlideLayoutRole.SECTION, SlideKind.CHART: SlideLayoutRole.CHART,
    SlideKind.TIMELINE: SlideLayoutRole.TIMELINE, SlideKind.QUOTE: SlideLayoutRole.QUOTE,
    SlideKind.SOURCES: SlideLayoutRole.SOURCES,
}


@dataclass(frozen=True)
class PptxInputs:
    logo: Logo | None = None
    template: Path | None = None  # a company's .pptx: masters, layouts, theme fonts and colours


@dataclass
class _Slide:
    """A slide being drawn: its part (for relationships), layout and shapes so far."""

    part: DrawnPart
    layout: Any
    shapes: list[str] = field(default_factory=list)
    ids: d.ShapeIds = field(default_factory=d.ShapeIds)


class _DeckRenderer:
    def __init__(self, outline: Outline, inputs: PptxInputs):
        self.outline = outline
        self.look = Look(outline.theme, outline.meta.locale, templated=inputs.template is not None)
        self.inputs = inputs
        self.deck = open_deck(inputs.template)
        make_appends_linear(self.deck)
        self.appender = SlideAppender(self.deck)
        self.layouts = Layouts(self.deck, outline.theme.layouts)
        logo = inputs.logo
        self.shapes = SlideShapes(outline, (logo.width, logo.height) if logo is not None else None)
        self.bullet = (f"<a:buClr>{self.look.colour('accent')}</a:buClr>"
                       '<a:buFont typeface="Arial"/><a:buChar char="•"/>')
        self.notes_run = self.look.notes_run_properties()

    def render(self, slides: list[SlidePlan]) -> tuple[bytes, list[str]]:
        fill_core_properties(self.deck.core_properties, self.outline.meta, language_tag(self.outline.meta.locale))
        for plan in slides:
            layout = self.layouts.for_role(_ROLES.get(plan.kind, SlideLayoutRole.POINTS))
            part, notes = self.appender.add(layout)
            slide = _Slide(part, layout)
            for shape in self.shapes.of(plan, self.appender.count):
                self._draw(slide, shape)
            part.set_xml(d.slide(slide.shapes))
            notes.set_xml(d.notes([d.Paragraph(line, self.notes_run) for line in plan.notes.split("\n")]))
        about = deck_properties(self.deck, [plan.title for plan in slides],
                                notes=sum(bool(plan.notes.strip()) for plan in slides))
        return save_package(self.deck.part.package, build_time(self.outline.meta.date), about), self.layouts.warnings

    # -- shapes as DrawingML ----------------------------------------------------------

    def _draw(self, slide: _Slide, shape: Shape) -> None:
        match shape:
            case TextShape():
                self._text(slide, shape)
            case FilledShape():
                self._filled(slide, shape)
            case LineShape():
                self._line(slide, shape)
            case LogoShape():
                self._logo(slide, shape)
            case ChartShape():
                self._bars(slide, shape)

    def _paragraph(self, text: Text) -> d.Paragraph:
        run = self.look.run_properties(text.run.size, text.run.colour, bold=text.run.bold, heading=text.run.heading)
        bullet, indent = (self.bullet, g.BULLET_INDENT_PT) if text.bullet else (None, 0.0)
        return d.Paragraph(text.text, run, text.align, g.LINE_SPACING, text.space_after_pt, bullet, indent,
                           text.slide_number)

    def _text(self, slide: _Slide, shape: TextShape) -> None:
        """A text box; or the layout's placeholder of one of the shape's kinds, filled in, where it has one."""
        body = d.text_body([self._paragraph(text) for text in shape.paragraphs], shape.anchor)
        slot = self.layouts.slot(slide.layout, shape.placeholder) if shape.placeholder else None
        if slot is None:
            fill = self.look.colour(shape.fill) if shape.fill else None
            slide.shapes.append(d.textbox(slide.ids.take(), shape.name, shape.box, body, fill=fill))
        else:
            kind, index = slot
            slide.shapes.append(d.placeholder(slide.ids.take(), shape.name, kind, index, shape.box, body))

    def _filled(self, slide: _Slide, shape: FilledShape) -> None:
        outline = self.look.colour(shape.outline) if shape.outline else None
        slide.shapes.append(d.filled_shape(slide.ids.take(), shape.name, shape.box, self.look.colour(shape.fill),
                                           outline, shape.preset))

    def _line(self, slide: _Slide, shape: LineShape) -> None:
        slide.shapes.append(d.line(slide.ids.take(), shape.name, shape.start, shape.end,
                                   self.look.colour(shape.colour), shape.width_pt, shape.description))

    def _logo(self, slide: _Slide, shape: LogoShape) -> None:
        assert self.inputs.logo is not None
        image_part = self.deck.part.package.get_or_add_image_part(io.BytesIO(self.inputs.logo.png))
        relationship = slide.part.relate_to(image_part, RT.IMAGE)
        slide.shapes.append(d.picture(slide.ids.take(), shape.name, shape.box, relationship))

    def _bars(self, slide: _Slide, shape: ChartShape) -> None:
        """A native bar chart whose data the speaker can edit, each bar labelled as the locale reads it."""
        bars = list(reversed(shape.bars))  # a bar chart draws its first category at the bottom
        data = TextSafeChartData()
        data.categories = [bar.label for bar in bars]
        data.add_series(shape.series, [bar.value for bar in bars])
        chart_part = new_chart_part(self.deck.part.package, XL_CHART_TYPE.BAR_CLUSTERED, data)
        number_axes(chart_part.chart.element)
        relationship = slide.part.relate_to(chart_part, RT.CHART)
        slide.shapes.append(d.chart_frame(slide.ids.take(), shape.name, shape.box, relationship, shape.description))
        self._style_chart(chart_part.chart, bars)

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


def write_pptx(outline: Outline, slides: list[SlidePlan], inputs: PptxInputs) -> tuple[bytes, list[str]]:
    """The deck for an outline's slide plans: the bytes of a .pptx file, and what to warn about."""
    return _DeckRenderer(outline, inputs).render(slides)
