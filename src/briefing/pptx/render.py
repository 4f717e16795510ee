"""Slide plans -> a .pptx file: the only module that imports python-pptx.

Every run gets the theme's Latin font, its East Asian font (``a:ea``, which
python-pptx's ``Font.name`` does not set) and the outline's language.
Statistics charts are native PowerPoint charts whose data the speaker can
edit; each bar's label is the locale's reading of the value (1.7亿).
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Pt

from briefing.chartdata import bar_groups, describe, source_line
from briefing.outline.model import Locale, Outline, Theme
from briefing.pptx import geometry as g
from briefing.pptx.plan import SlideKind, SlidePlan
from briefing.properties import fill_core_properties, language_tag

_BLANK_LAYOUT = 6
_TITLE_ONLY_LAYOUT = 5
_TITLE_LAYOUT = 0


class _Fonts:
    """Applies the theme's fonts and language to text runs and chart text."""

    def __init__(self, theme: Theme, locale: Locale):
        self.theme = theme
        self.lang = language_tag(locale)

    def apply(self, rpr: etree._Element, heading: bool = False) -> None:
        latin = self.theme.heading_latin_font if heading else self.theme.latin_font
        east_asian = self.theme.heading_east_asian_font if heading else self.theme.east_asian_font
        rpr.set("lang", self.lang)
        rpr.set("altLang", "en-US")
        for tag in ("a:latin", "a:ea", "a:cs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        # Schema order inside a:rPr: ln, fill, effects, highlight, ..., latin, ea, cs, sym, hlinkClick.
        successor = next(
            (child for child in rpr if child.tag in {qn("a:sym"), qn("a:hlinkClick"), qn("a:hlinkMouseOver"),
                                                      qn("a:rtl"), qn("a:extLst")}),
            None,
        )
        for tag, face in (("a:latin", latin), ("a:ea", east_asian), ("a:cs", latin)):
            element = etree.SubElement(rpr, qn(tag))
            element.set("typeface", face)
            if successor is not None:
                successor.addprevious(element)


class _DeckRenderer:
    def __init__(self, outline: Outline, chart_images: dict[str, Path]):
        self.outline = outline
        self.theme = outline.theme
        self.fonts = _Fonts(outline.theme, outline.meta.locale)
        self.chart_images = chart_images
        self.deck = Presentation()
        self.deck.slide_width = Pt(g.SLIDE_WIDTH_PT)
        self.deck.slide_height = Pt(g.SLIDE_HEIGHT_PT)

    def colour(self, value: str) -> RGBColor:
        return RGBColor.from_string(value)

    def render(self, slides: list[SlidePlan]) -> bytes:
        fill_core_properties(self.deck.core_properties, self.outline)
        for plan in slides:
            layout = {SlideKind.TITLE: _TITLE_LAYOUT}.get(plan.kind, _TITLE_ONLY_LAYOUT)
            slide = self.deck.slides.add_slide(self.deck.slide_layouts[layout])
            {
                SlideKind.TITLE: self._cover,
                SlideKind.SECTION: self._section,
                SlideKind.POINTS: self._points,
                SlideKind.SOURCES: self._points,
                SlideKind.CHART: self._chart,
                SlideKind.TIMELINE: self._timeline,
            }[plan.kind](slide, plan)
            if plan.notes:
                slide.notes_slide.notes_text_frame.text = plan.notes
                for paragraph in slide.notes_slide.notes_text_frame.paragraphs:
                    for run in paragraph.runs:
                        self.fonts.apply(run._r.get_or_add_rPr())
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue()

    # -- text --------------------------------------------------------------------

    def _place(self, shape: Shape, box: g.Box) -> None:
        shape.left, shape.top = Pt(box.left_pt), Pt(box.top_pt)
        shape.width, shape.height = Pt(box.width_pt), Pt(box.height_pt)

    def _fill(
        self, frame: TextFrame, lines: list[str], size: float, colour: str, bold: bool = False,
        heading: bool = False, bullets: bool = False, align: PP_ALIGN = PP_ALIGN.LEFT,
    ) -> None:
        frame.word_wrap = True
        frame.auto_size = None
        for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
            setattr(frame, side, 0)
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = align
            paragraph.line_spacing = g.LINE_SPACING
            if bullets:
                paragraph.space_after = Pt(g.PARAGRAPH_GAP_PT)
                _bullet(paragraph._p, g.BULLET_INDENT_PT, self.theme.accent_color)
            run = paragraph.add_run()
            run.text = line
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = self.colour(colour)
            self.fonts.apply(run._r.get_or_add_rPr(), heading=heading)

    def _title(self, slide: Slide, text: str, box: g.Box = g.TITLE, size: float = g.TITLE_PT) -> None:
        title = slide.shapes.title
        self._place(title, box)
        title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM if box is g.TITLE else MSO_ANCHOR.MIDDLE
        self._fill(title.text_frame, [text], size, self.theme.primary_color, bold=True, heading=True)

    def _textbox(self, slide: Slide, box: g.Box) -> TextFrame:
        shape = slide.shapes.add_textbox(Pt(box.left_pt), Pt(box.top_pt), Pt(box.width_pt), Pt(box.height_pt))
        return shape.text_frame

    def _accent_bar(self, slide: Slide, top_pt: float) -> None:
        from pptx.enum.shapes import MSO_SHAPE

        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(g.MARGIN_PT), Pt(top_pt), Pt(80), Pt(5))
        bar.fill.solid()
        bar.fill.fore_color.rgb = self.colour(self.theme.accent_color)
        bar.line.fill.background()

    # -- slide kinds -------------------------------------------------------------

    def _cover(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title, g.COVER_TITLE, size=36)
        subtitle = slide.placeholders[1]
        self._place(subtitle, g.COVER_SUBTITLE)
        subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        self._fill(subtitle.text_frame, plan.subtitle.split("\n"), g.BODY_PT, self.theme.muted_color)
        self._accent_bar(slide, g.COVER_SUBTITLE.top_pt - 14)

    def _section(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title, g.SECTION_TITLE, size=g.SECTION_TITLE_PT)
        self._accent_bar(slide, g.SECTION_TITLE.top_pt + g.SECTION_TITLE.height_pt + 8)

    def _points(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title)
        frame = self._textbox(slide, g.BODY)
        self._fill(frame, list(plan.bullets), g.BODY_PT, self.theme.text_color, bullets=True)

    def _source_line(self, slide: Slide, text: str) -> None:
        frame = self._textbox(slide, g.SOURCE_LINE)
        self._fill(frame, [text], g.NOTE_PT, self.theme.muted_color)

    def _chart(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title)
        chart_spec = next(c for c in self.outline.charts if c.id == plan.chart_id)
        groups = bar_groups(chart_spec, self.outline)
        gap = 24.0
        width = (g.BODY.width_pt - gap * (len(groups) - 1)) / len(groups)
        for index, group in enumerate(groups):
            data = CategoryChartData()
            data.categories = [bar.label for bar in reversed(group.bars)]
            data.add_series(chart_spec.title, [bar.value for bar in reversed(group.bars)])
            frame = slide.shapes.add_chart(
                XL_CHART_TYPE.BAR_CLUSTERED,
                Pt(g.BODY.left_pt + index * (width + gap)), Pt(g.BODY.top_pt), Pt(width), Pt(g.BODY.height_pt),
                data,
            )
            frame.name = f"{chart_spec.id}-{index + 1}"
            _describe(frame, describe(chart_spec, self.outline))
            self._style_chart(frame.chart, list(reversed(group.bars)))
        self._source_line(slide, source_line(chart_spec, self.outline))

    def _style_chart(self, chart, bars) -> None:
        chart.has_legend = False
        chart.has_title = False  # the slide title names the chart
        chart.font.size = Pt(18)
        self.fonts.apply(chart.font._rPr)
        plot = chart.plots[0]
        plot.gap_width = 60
        series = plot.series[0]
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = self.colour(self.theme.primary_color)
        value_axis = chart.value_axis
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        value_axis.maximum_scale = max(bar.value for bar in bars) * 1.35
        value_axis.minimum_scale = 0
        chart.category_axis.tick_labels.font.size = Pt(18)
        chart.category_axis.format.line.color.rgb = self.colour(self.theme.muted_color)
        for point_index, bar in enumerate(bars):
            label = series.points[point_index].data_label
            label.position = XL_LABEL_POSITION.OUTSIDE_END
            frame = label.text_frame
            frame.text = bar.display
            for run in frame.paragraphs[0].runs:
                run.font.size = Pt(20)
                run.font.bold = True
                run.font.color.rgb = self.colour(self.theme.text_color)
                self.fonts.apply(run._r.get_or_add_rPr())

    def _timeline(self, slide: Slide, plan: SlidePlan) -> None:
        self._title(slide, plan.title)
        from PIL import Image

        path = self.chart_images[plan.chart_id]
        with Image.open(path) as image:
            aspect = image.height / image.width
        width = g.BODY.width_pt
        height = width * aspect
        if height > g.BODY.height_pt:
            height = g.BODY.height_pt
            width = height / aspect
        left = g.BODY.left_pt + (g.BODY.width_pt - width) / 2
        picture = slide.shapes.add_picture(str(path), Pt(left), Pt(g.BODY.top_pt), Pt(width), Pt(height))
        chart_spec = next(c for c in self.outline.charts if c.id == plan.chart_id)
        _describe(picture, describe(chart_spec, self.outline))
        self._source_line(slide, source_line(chart_spec, self.outline))


def _describe(shape, text: str) -> None:
    """Alt text: the shape's description, read out by screen readers."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _bullet(p: etree._Element, indent_pt: float, colour: str) -> None:
    ppr = p.get_or_add_pPr()
    ppr.set("marL", str(int(Pt(indent_pt))))
    ppr.set("indent", str(-int(Pt(indent_pt))))
    colour_element = etree.SubElement(ppr, qn("a:buClr"))
    etree.SubElement(colour_element, qn("a:srgbClr")).set("val", colour)
    etree.SubElement(ppr, qn("a:buFont")).set("typeface", "Arial")
    etree.SubElement(ppr, qn("a:buChar")).set("char", "•")


def write_pptx(outline: Outline, slides: list[SlidePlan], chart_images: dict[str, Path]) -> bytes:
    """The deck for an outline's slide plans, as the bytes of a .pptx file."""
    return _DeckRenderer(outline, chart_images).render(slides)
