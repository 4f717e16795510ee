"""Outline + chart images -> a Word briefing, returned as bytes.

The document reads top to bottom as a printed briefing: cover, key
takeaways, the sections with their figures, the data tables, the sources.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as open_template
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing.chartdata import describe, source_line
from briefing.docx.styles import TEXT_WIDTH, apply_theme
from briefing.locale import (
    as_of_text,
    format_date,
    format_date_range,
    format_value,
    labels,
    section_number,
    subsection_number,
)
from briefing.outline.model import Chart, Outline, Part
from briefing.properties import fill_core_properties

_IMAGE_WIDTH = Emu(int(TEXT_WIDTH * 0.98))


class _DocxWriter:
    def __init__(self, outline: Outline, chart_images: dict[str, Path]):
        self.outline = outline
        self.locale = outline.meta.locale
        self.words = labels(self.locale)
        self.chart_images = chart_images
        self.document: Document = open_template()
        self.figures = 0
        self.tables = 0
        self.charts_by_part: dict[str | None, list[Chart]] = {}
        for chart in outline.charts:
            self.charts_by_part.setdefault(chart.placement, []).append(chart)

    def write(self) -> bytes:
        apply_theme(self.document, self.outline.theme, self.locale)
        fill_core_properties(self.document.core_properties, self.outline)
        self._cover()
        self._summary()
        for index, section in enumerate(self.outline.sections):
            self.document.add_heading(section_number(self.locale, index) + section.title, level=1)
            self._part(section)
            for sub_index, sub in enumerate(section.subsections):
                self.document.add_heading(subsection_number(self.locale, index, sub_index) + sub.title, level=2)
                self._part(sub)
        self._data_tables()
        self._sources()
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # -- parts of the document -------------------------------------------------

    def _cover(self) -> None:
        meta, document = self.outline.meta, self.document
        document.add_paragraph(meta.title, style="Title")
        if meta.subtitle:
            document.add_paragraph(meta.subtitle, style="Subtitle")
        document.add_paragraph(f"{self.words.prepared}{self.words.colon}{format_date(meta.date, self.locale)}")
        source = meta.source
        line = f"{self.words.source_prefix}{source.title}"
        if source.published:
            line += self.words.aside.format(f"{self.words.published} {format_date(source.published, self.locale)}")
        document.add_paragraph(line, style="Source Note")
        if source.caveat:
            document.add_paragraph(f"{self.words.caveat}{self.words.colon}{source.caveat}", style="Source Note")
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _summary(self) -> None:
        self.document.add_heading(self.words.summary, level=1)
        for takeaway in self.outline.summary:
            self.document.add_paragraph(takeaway, style="List Bullet")
        self._charts_for(None)

    def _part(self, part: Part) -> None:
        for paragraph in part.prose:
            self.document.add_paragraph(paragraph)
        for point in part.points:
            self.document.add_paragraph(point, style="List Bullet")
        for quote in part.quotes:
            self.document.add_paragraph(f"“{quote.text}”", style="Quote")
            who = quote.speaker + (self.words.comma + quote.context if quote.context else "")
            attribution = self.document.add_paragraph(self.words.quote_dash + who, style="Attribution")
            attribution.paragraph_format.left_indent = Pt(36)
        self._charts_for(part.id)

    def _charts_for(self, placement: str | None) -> None:
        for chart in self.charts_by_part.get(placement, []):
            self._figure(chart)

    def _figure(self, chart: Chart) -> None:
        self.figures += 1
        picture_paragraph = self.document.add_paragraph()
        picture_paragraph.paragraph_format.keep_with_next = True
        shape = picture_paragraph.add_run().add_picture(str(self.chart_images[chart.id]), width=_IMAGE_WIDTH)
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", describe(chart, self.outline))
        doc_pr.set("title", chart.title)
        caption = self._caption(self.words.figure, self.figures, chart.title)
        if chart.caption:
            caption.add_run(self.words.colon + chart.caption)
        self.document.add_paragraph(source_line(chart, self.outline), style="Source Note")

    def _caption(self, label: str, number: int, title: str) -> Paragraph:
        """'图 1 title', with the number as a SEQ field so Word can renumber it."""
        caption = self.document.add_paragraph(style="Caption")
        caption.add_run(f"{label} ")
        _add_field(caption, f"SEQ {label} \\* ARABIC", str(number))
        caption.add_run(f"  {title}")
        return caption

    def _data_tables(self) -> None:
        outline = self.outline
        if not outline.statistics and not outline.timeline:
            return
        self.document.add_heading(self.words.data_appendix, level=1)
        if outline.timeline:
            self._table_caption(self.words.timeline)
            rows = [
                (format_date_range(e.date, e.end, self.locale), e.title + (self.words.colon + e.detail if e.detail else ""))
                for e in sorted(outline.timeline, key=lambda e: e.date)
            ]
            self._table(self.words.timeline_headers, rows)
        if outline.statistics:
            self._table_caption(self.words.key_figures)
            rows = [
                (
                    s.label,
                    format_value(s, self.locale),
                    as_of_text(s, self.locale) or "—",
                    s.measures + (self.words.aside.format(s.attribution) if s.attribution else ""),
                )
                for s in outline.statistics
            ]
            self._table(self.words.statistics_headers, rows)

    def _table_caption(self, title: str) -> None:
        self.tables += 1
        self._caption(self.words.table, self.tables, title).paragraph_format.keep_with_next = True

    def _table(self, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles["Light Grid Accent 1"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, headers):
            cell.text = text
        _repeat_as_header(table.rows[0])
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
        self.document.add_paragraph()
        return table

    def _sources(self) -> None:
        self.document.add_heading(self.words.sources, level=1)
        for source in self.outline.all_sources:
            paragraph = self.document.add_paragraph(style="List Bullet")
            paragraph.add_run(source.title)
            details = [d for d in (source.publisher,) if d]
            if source.published:
                details.append(f"{self.words.published} {format_date(source.published, self.locale)}")
            if details:
                paragraph.add_run(self.words.comma + self.words.comma.join(details))
            if source.url:
                paragraph.add_run(" ")
                _add_hyperlink(paragraph, source.url)
            if source.caveat:
                self.document.add_paragraph(
                    f"{self.words.caveat}{self.words.colon}{source.caveat}", style="Source Note"
                )


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field with its current result, so readers without a refresh see it."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _add_hyperlink(paragraph: Paragraph, url: str) -> None:
    relationship = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = paragraph.add_run(url)
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x99)
    run._r.getparent().remove(run._r)
    link.append(run._r)
    paragraph._p.append(link)


def write_docx(outline: Outline, chart_images: dict[str, Path]) -> bytes:
    """The Word briefing for an outline, as the bytes of a .docx file."""
    return _DocxWriter(outline, chart_images).write()
