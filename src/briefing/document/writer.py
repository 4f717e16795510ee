"""Outline + chart sizes -> a Word briefing, composed, then saved as bytes with the chart images.

The document reads top to bottom as a printed briefing: cover, table of
contents, key takeaways, the sections with their figures, the data tables,
the sources. Every fact in the tables points to a numbered source.

The document is composed knowing only each chart's size; the pictures are
read when it is saved. So it can be composed while the charts are still
being drawn in another process, and its page count is known without them.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from docx import Document as open_template
from docx.document import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.image import ImagePart
from docx.shape import InlineShape
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from briefing.charts.data import chart_note, describe, source_line
from briefing.document import fields
from briefing.document.conformance import conform
from briefing.document.geometry import CELL_PADDING_PT, CELL_SIDES_PT, PICTURE_PADDING_PT, SPECS
from briefing.document.pagination import PageFlow, Placement, line_count
from briefing.document.styles import USED_STYLES, apply_theme, page_area
from briefing.ooxml.opc import add_parts, save_package
from briefing.ooxml.properties import (
    extended_properties,
    fill_core_properties,
    text_counts,
)
from briefing.ooxml.reproducible import build_time
from briefing.ooxml.templatefile import library_opening
from briefing.ooxml.templatelinks import drop_external_links
from briefing.ooxml.xmltext import escape
from briefing.outline.assets import Logo
from briefing.outline.locale import (
    as_of_text,
    format_date,
    format_date_range,
    format_value,
    labels,
    numbered_titles,
)
from briefing.outline.model import Chart, Outline, Part

_LOGO_HEIGHT = Pt(40)
_COVER_SPACER_PT = 120  # space above the cover's title
_FIGURE_NOTES_PT = 48  # a figure's caption and source line below it, with their spacing
# Table column shares of the text width, by table.
_TIMELINE_COLUMNS = (0.24, 0.65, 0.11)
_STATISTICS_COLUMNS = (0.16, 0.14, 0.14, 0.45, 0.11)


# How far the page model is trusted to match the layout exactly (see _pages_predictable): the
# default briefing has 11 pages and under a thousand Latin letters and digits.
PREDICTABLE_PAGES = 40
PREDICTABLE_LATIN_CHARACTERS = 3000
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class DocxInputs:
    """What the document is made from besides the outline; files already resolved and checked."""

    chart_sizes: dict[str, tuple[float, float]]  # each chart's width and height in inches
    logo: Logo | None = None
    # A company's .docx (its styles, page setup, header and footer look), passed by
    # templatefile.check_template: its page leaves room for text, which the layout relies on.
    template: Path | None = None


class _ChartPicture(ImagePart):
    """A chart's PNG in the package, read from its file only when the document is saved."""

    def __init__(self, partname: PackURI):
        super().__init__(partname, "image/png", b"")
        self.source: Path | None = None

    @property
    def blob(self) -> bytes:
        if self.source is None:
            raise ValueError(f"{self.partname}: no image given for this chart")
        return self.source.read_bytes()


@dataclass(frozen=True)
class ComposedDocument:
    """A document with every page laid out and saved, but for its charts' images."""

    pages: int  # as laid out by the page model (LibreOffice agrees; see the tests)
    _saved: bytes  # the .docx without the chart images
    _pictures: dict[str, _ChartPicture]
    _saved_on: datetime

    def save(self, chart_images: dict[str, Path]) -> bytes:
        """The .docx file, with each chart's image read from chart_images (by chart id)."""
        for chart_id, picture in self._pictures.items():
            picture.source = chart_images[chart_id]
        return add_parts(self._saved, self._pictures.values(), self._saved_on)


class _DocxWriter:
    def __init__(self, outline: Outline, inputs: DocxInputs):
        self.outline = outline
        self.inputs = inputs
        self.locale = outline.meta.locale
        self.words = labels(self.locale)
        with library_opening(inputs.template, ".docx"):
            self.document: Document = open_template(str(inputs.template) if inputs.template else None)
        if inputs.template is not None:
            _clear_body(self.document)
            drop_external_links(self.document.part.package)
        conform(self.document, from_template=inputs.template is not None)
        self.figures = 0
        self.pictures: dict[str, _ChartPicture] = {}
        self.tables = 0
        self.headings: list[tuple[int, str, str, Placement]] = []  # (level, text, bookmark, where)
        self.flow: PageFlow
        self.placed: list[tuple[Paragraph, Placement]] = []  # the body's paragraphs, as the page model has them
        self.source_numbers = {source.id: n for n, source in enumerate(outline.all_sources, 1)}
        self.charts_by_part: dict[str | None, list[Chart]] = {}
        for chart in outline.charts:
            self.charts_by_part.setdefault(chart.placement, []).append(chart)

    def compose(self) -> ComposedDocument:
        self.styles = apply_theme(self.document, self.outline.theme, self.locale,
                                  from_template=self.inputs.template is not None)
        self.area = page_area(self.document)
        # The body, from the page after the contents: it begins at a break (a page break or a new section).
        self.flow = PageFlow(self.area.height_pt, after_break=True)
        # By name as the writer spells it; a template may capitalise differently.
        self.style_ids = {name: self.styles.named(name).style_id for name in USED_STYLES}
        fill_core_properties(self.document.core_properties, self.outline)
        cover_pages = self._cover()
        # A new section, so the cover has no header or footer; the contents open it.
        self.document.add_section(WD_SECTION_START.NEW_PAGE)
        toc_anchor = self._contents_page() if self.outline.meta.table_of_contents else None
        self._header_and_footer()
        self._summary()
        titles = numbered_titles(self.outline)
        for section in self.outline.sections:
            self._heading(titles[section.id], 1)
            self._part(section)
            for sub in section.subsections:
                self._heading(titles[sub.id], 2)
                self._part(sub)
        self._data_tables()
        self._sources()
        body_pages = self.flow.finish()
        self._break_where_placed()
        contents_pages = self._fill_contents(toc_anchor, cover_pages, body_pages) if toc_anchor is not None else 0
        pages = cover_pages + contents_pages + body_pages
        # Saved now, while the charts may still be drawn elsewhere; their images are added last.
        saved_on = build_time(self.outline.meta.date)
        saved = save_package(self.document.part.package, saved_on, self._extended_properties(pages),
                             held_back=list(self.pictures.values()))
        return ComposedDocument(pages, saved, self.pictures, saved_on)

    def _extended_properties(self, pages: int) -> bytes:
        """docProps/app.xml: the page model's page count, Word's statistics of the body, the title."""
        counts = text_counts(_paragraph_texts(self.document.element.body))
        return extended_properties({"Pages": pages, **counts}, [("Title", [self.outline.meta.title])])

    def _paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        """A new last paragraph of the body.

        Made here rather than by document.add_paragraph, which costs the length of the
        document each time: it searches the whole body for the section properties at its
        end, and sets text one character at a time. The style is set by id, as python-docx's
        lookup by name scans every style in the template.
        """
        p = OxmlElement("w:p")
        self._append(p)
        paragraph = Paragraph(p, self.document._body)
        if style is not None:
            properties = etree.SubElement(p, _PARAGRAPH_PROPERTIES)
            etree.SubElement(properties, _PARAGRAPH_STYLE).set(_VALUE, self.style_ids[style])
        if text and _RUN_BREAKS.search(text):
            paragraph.add_run(text)  # python-docx turns these into w:tab and w:br
        elif text:
            p.add_r().add_t(text)
        return paragraph

    def _append(self, element: BaseOxmlElement) -> None:
        """Add a paragraph or table at the end of the body, before the closing section properties."""
        body = self.document.element.body
        last = next(body.iterchildren(reversed=True), None)  # (len(body) would count every child)
        if last is not None and last.tag == _SECTION_PROPERTIES:
            last.addprevious(element)  # the section properties stay last
        else:
            body.append(element)

    def _text(self, text: str, style: str) -> Paragraph:
        """A paragraph of the body, placed in the page model as it is written."""
        paragraph = self._paragraph(text, style)
        self._last_placed = self._place(paragraph, self.flow.paragraph(SPECS[style], self._lines(text, style)))
        return paragraph

    def _place(self, paragraph: Paragraph, placement: Placement) -> Placement:
        self.placed.append((paragraph, placement))
        return placement

    def _break_where_placed(self) -> None:
        """A page break before each paragraph the page model says must begin a page with one."""
        for paragraph, placement in self.placed:
            if placement.break_before:
                paragraph.paragraph_format.page_break_before = True

    def _lines(self, text: str, style: str, width: float | None = None) -> int:
        return line_count(text, self.area.width_pt if width is None else width, SPECS[style])

    # -- front matter ------------------------------------------------------------

    def _cover(self) -> int:
        """The cover; the pages it takes (a long title can take more than one)."""
        meta = self.outline.meta
        flow = PageFlow(self.area.height_pt, after_break=True)  # the document's start
        if self.inputs.logo is not None:
            self._paragraph().add_run().add_picture(io.BytesIO(self.inputs.logo.png), height=_LOGO_HEIGHT)
            flow.paragraph(SPECS["Normal"], 1)
        spacer = self._paragraph()
        spacer.paragraph_format.space_before = Pt(_COVER_SPACER_PT)
        flow.paragraph(replace(SPECS["Normal"], before=_COVER_SPACER_PT), 1)
        lines = [(meta.title, "Title")]
        if meta.subtitle:
            lines.append((meta.subtitle, "Subtitle"))
        if meta.audience:
            lines.append((meta.audience, "Cover Line"))
        lines.append((f"{self.words.prepared}{self.words.colon}{format_date(meta.date, self.locale)}", "Cover Line"))
        source = meta.source
        line = f"{self.words.source_prefix}{source.title}"
        if source.published:
            line += self.words.aside.format(f"{self.words.published} {format_date(source.published, self.locale)}")
        lines.append((line, "Cover Line"))
        if source.caveat:
            lines.append((f"{self.words.caveat}{self.words.colon}{source.caveat}", "Caveat"))
        for text, style in lines:
            self._paragraph(text, style)
            flow.paragraph(SPECS[style], self._lines(text, style))
        return flow.finish()

    def _contents_page(self) -> Paragraph:
        """The contents' heading, and the place the entries go once the headings are known."""
        self._paragraph(self.words.contents, "TOC Heading")
        return self._paragraph()  # the contents go here once the headings are known

    def _fill_contents(self, anchor: Paragraph, cover_pages: int, body_pages: int) -> int:
        """The contents, with the page each heading falls on (cover, contents, then body); its page count."""
        contents = PageFlow(self.area.height_pt, after_break=True)  # a new section
        contents.paragraph(SPECS["TOC Heading"], 1)
        for level, text, _, _ in self.headings:
            style = f"TOC {level}"
            contents.paragraph(SPECS[style], self._lines(text + "  000", style))
        contents_pages = contents.finish()
        first_body_page = cover_pages + contents_pages + 1
        entries = [
            (level, text, name, first_body_page + placed.page - 1) for level, text, name, placed in self.headings
        ]
        fields.table_of_contents(lambda style: self._paragraph(style=style), anchor._p, entries,
                                 pages_known=self._pages_predictable(body_pages))
        anchor._p.getparent().remove(anchor._p)
        return contents_pages

    def _pages_predictable(self, body_pages: int) -> bool:
        """Whether the page model's pages are the ones a reader's application will lay out.

        It knows its own styles, not a template's; it measures Latin text with the bundled font,
        not whichever replaces the theme's Latin font on the reader's machine; and small
        differences add up over many pages. Past these, the contents ask to be updated.
        """
        if self.inputs.template is not None or body_pages > PREDICTABLE_PAGES:
            return False
        latin = sum(len(_LATIN.findall(text)) for text in _paragraph_texts(self.document.element.body))
        return latin <= PREDICTABLE_LATIN_CHARACTERS

    def _header_and_footer(self) -> None:
        cover, body = self.document.sections[0], self.document.sections[-1]
        body.header.is_linked_to_previous = False
        body.footer.is_linked_to_previous = False
        header = body.header.paragraphs[0]
        header.text = self.outline.short_title
        header.style = self.styles.named("Header")
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = body.footer.paragraphs[0]
        footer.style = self.styles.named("Footer")
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, rest = self.words.page_of.split("{page}")
        between, after = rest.split("{pages}")
        footer.add_run(before)
        fields.add_field(footer, "PAGE", "1")
        footer.add_run(between)
        fields.add_field(footer, "NUMPAGES", "1")
        footer.add_run(after)
        for part in (cover.header, cover.footer):
            part.is_linked_to_previous = True

    # -- body ----------------------------------------------------------------------

    def _heading(self, text: str, level: int) -> None:
        paragraph = self._text(text, f"Heading {level}")
        name = f"_Toc{len(self.headings) + 1:06d}"
        fields.bookmark(paragraph, name, len(self.headings) + 1)
        self.headings.append((level, text, name, self._last_placed))

    def _summary(self) -> None:
        self._heading(self.words.summary, 1)
        if self.outline.meta.table_of_contents:
            self.document.paragraphs[-1].paragraph_format.page_break_before = True  # after the contents
        for takeaway in self.outline.summary:
            self._text(takeaway, "List Bullet")
        self._charts_for(None)

    def _part(self, part: Part) -> None:
        for paragraph in part.prose:
            self._text(paragraph, "Normal")
        for point in part.points:
            self._text(point, "List Bullet")
        for quote in part.quotes:
            self._text(f"“{quote.text}”", "Quote")
            who = quote.speaker + (self.words.comma + quote.context if quote.context else "")
            self._text(self.words.quote_dash + who, "Attribution")
        self._charts_for(part.id)

    def _charts_for(self, placement: str | None) -> None:
        for chart in self.charts_by_part.get(placement, []):
            self._figure(chart)

    def _figure(self, chart: Chart) -> None:
        self.figures += 1
        figure = self._paragraph(style="Figure")
        shape = self._chart_picture(chart.id, figure, self._figure_width(chart.id))
        self._place(figure, self.flow.block(Emu(shape.height).pt + PICTURE_PADDING_PT, keep_with_next=True))
        properties = shape._inline.docPr
        properties.set("descr", describe(chart, self.outline))
        properties.set("title", chart.title)
        caption_text = chart.title + (self.words.colon + chart.caption if chart.caption else "")
        note = chart_note(chart, self.outline)
        self._caption(self.words.figure, self.figures, caption_text, keep_with_next=note is not None)
        if note is not None:
            # What a reader must know to compare the figures (different dates, one part of another):
            # under the figure, not only in the caption the outline may or may not give.
            self._text(self.words.note_prefix + note, "Source Note")
        self._text(source_line(chart, self.outline), "Source Note")

    def _figure_width(self, chart_id: str) -> Emu:
        """The text's width, or less for a chart so tall that it and its caption would not fit on a page."""
        width = Emu(int(self.area.width * 0.98))
        width_in, height_in = self.inputs.chart_sizes[chart_id]
        tallest = Pt(self.area.height_pt - _FIGURE_NOTES_PT)
        if width * height_in / width_in > tallest:
            width = Emu(int(tallest * width_in / height_in))
        return width

    def _chart_picture(self, chart_id: str, paragraph: Paragraph, width: Emu) -> InlineShape:
        """The chart's picture at this width, its height from the chart's size; the image comes later."""
        document_part = self.document.part
        picture = _ChartPicture(document_part.package.next_partname("/word/media/chart%d.png"))
        self.pictures[chart_id] = picture
        width_in, height_in = self.inputs.chart_sizes[chart_id]
        inline = CT_Inline.new_pic_inline(document_part.next_id, document_part.relate_to(picture, RT.IMAGE),
                                          posixpath.basename(picture.partname), width, int(width * height_in / width_in))
        paragraph.add_run()._r.add_drawing(inline)
        return InlineShape(inline)

    def _caption(self, label: str, number: int, title: str, keep_with_next: bool = False) -> None:
        """'图 1  title', the number a SEQ field so Word renumbers figures it gains."""
        caption = self._paragraph(style="Caption")
        caption.add_run(f"{label} ")
        fields.add_field(caption, f"SEQ {label} \\* ARABIC", str(number))
        caption.add_run(f"  {title}")
        caption.paragraph_format.keep_with_next = keep_with_next or None
        style = SPECS["Caption"]
        if keep_with_next:
            style = replace(style, keep_with_next=True)
        self._place(caption, self.flow.paragraph(style, line_count(f"{label} {number}  {title}", self.area.width_pt, style)))

    # -- back matter -----------------------------------------------------------------

    def _cite(self, source_id: str) -> str:
        """A reference to the numbered entry in the sources section."""
        return f"[{self.source_numbers[source_id]}]"

    def _data_tables(self) -> None:
        outline = self.outline
        if not outline.statistics and not outline.timeline:
            return
        self._heading(self.words.data_appendix, 1)
        if outline.timeline:
            rows = [
                (
                    format_date_range(e.date, e.end, self.locale),
                    e.title + (self.words.colon + e.detail if e.detail else "")
                    + (self.words.aside.format(e.attribution) if e.attribution else ""),
                    self._cite(e.source),
                )
                for e in sorted(outline.timeline, key=lambda e: (e.date, e.end or e.date))
            ]
            self._table(self.words.timeline, self.words.timeline_headers, rows, _TIMELINE_COLUMNS)
        if outline.statistics:
            rows = [
                (
                    s.label,
                    format_value(s, self.locale),
                    as_of_text(s, self.locale) or "—",
                    s.measures + (self.words.aside.format(s.attribution) if s.attribution else ""),
                    self._cite(s.source),
                )
                for s in outline.statistics
            ]
            self._table(self.words.key_figures, self.words.statistics_headers, rows, _STATISTICS_COLUMNS)

    def _table(
        self, title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], shares: tuple[float, ...]
    ) -> None:
        """A data table, written as XML in one piece (python-docx builds it cell by cell, element by element)."""
        self.tables += 1
        self._caption(self.words.table, self.tables, title, keep_with_next=True)
        widths = [Emu(int(self.area.width * share)) for share in shares]
        twips = [width // 635 for width in widths]
        text_style_id = self.style_ids["Table Text"]
        body_rows = "".join(_table_row(row, twips, text_style_id) for row in rows)
        header_row = _table_row(headers, twips, text_style_id, header_fill=self.outline.theme.primary_color)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
        self._append(parse_xml(
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{self.styles.named("Briefing Table").style_id}"/>'
            '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
            f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header_row}{body_rows}</w:tbl>'
        ))
        self.flow.table(self._row_height(headers, widths), [self._row_height(row, widths) for row in rows])
        self._text("", "Source Note")  # room between the table and what follows

    def _row_height(self, texts: tuple[str, ...], widths: list[Emu]) -> float:
        pitch = SPECS["Table Text"].pitch
        lines = max(self._lines(text, "Table Text", Emu(width).pt - CELL_SIDES_PT) for text, width in
                    zip(texts, widths))
        return lines * pitch + CELL_PADDING_PT


    def _sources(self) -> None:
        self._heading(self.words.sources, 1)
        for number, source in enumerate(self.outline.all_sources, 1):
            details = [source.title, *(d for d in (source.publisher,) if d)]
            if source.published:
                details.append(f"{self.words.published} {format_date(source.published, self.locale)}")
            text = f"[{number}]\t" + self.words.comma.join(details) + (self.words.comma if source.url else "")
            paragraph = self._paragraph(text, "Source Entry")
            if source.url:
                fields.add_hyperlink(paragraph, source.url, self.outline.theme.primary_color)
            self._place(paragraph, self.flow.paragraph(SPECS["Source Entry"],
                                                       self._lines(text + (source.url or ""), "Source Entry")))
            if source.caveat:
                self._text(f"{self.words.caveat}{self.words.colon}{source.caveat}", "Caveat")


def _table_row(texts: tuple[str, ...], twips: list[int], style_id: str, header_fill: str | None = None) -> str:
    """A w:tr: one paragraph per cell. Rows never split across pages, which keeps each fact whole and
    the layout predictable; the header row repeats on each page, formatted directly, as not every
    client applies a table style's first-row look."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/>' if header_fill else ""
    run_properties = '<w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>' if header_fill else ""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r>{run_properties}{_run_text(text)}</w:r></w:p></w:tc>'
        for text, width in zip(texts, twips)
    )
    repeat = '<w:tblHeader w:val="true"/>' if header_fill else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{cells}</w:tr>"


# Characters that are elements of their own in a run, not text: as python-docx's add_run has it,
# a tab is w:tab, a line feed or carriage return w:br.
_RUN_BREAKS = re.compile(r"([\t\r\n])")


def _run_text(text: str) -> str:
    """A run's content as XML, as python-docx's add_run writes it for the body's paragraphs."""
    pieces = []
    for piece in _RUN_BREAKS.split(text):
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            pieces.append("<w:br/>")
        elif piece:
            pieces.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(pieces)


def _paragraph_texts(body: BaseOxmlElement) -> Iterator[str]:
    """Each paragraph's text as a reader sees it, tabs and line breaks as spaces (field codes left out)."""
    for paragraph in body.iter(_PARAGRAPH):
        yield "".join(piece.text or "" if piece.tag == _TEXT else " " for piece in paragraph.iter(*_TEXT_PIECES))


def _clear_body(document: Document) -> None:
    """A template's own content goes; its last section (page setup, header and footer) stays."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


_SECTION_PROPERTIES, _PARAGRAPH_PROPERTIES, _PARAGRAPH_STYLE, _VALUE = map(qn, ("w:sectPr", "w:pPr", "w:pStyle", "w:val"))
_PARAGRAPH, _TEXT = qn("w:p"), qn("w:t")
_TEXT_PIECES = (_TEXT, qn("w:tab"), qn("w:br"))


def compose_docx(outline: Outline, inputs: DocxInputs) -> ComposedDocument:
    """The Word briefing for an outline, laid out; save() it with the chart images for its bytes."""
    return _DocxWriter(outline, inputs).compose()
