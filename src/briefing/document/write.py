"""Document plan -> a Word file: python-docx and XML calls, in the plan's order, and nothing else.

What goes where, in which words and style, is the plan's (plan.py); which
page each heading falls on, and where a page must break, the page model's
(pagination.py). The writer only writes them, with the outline's theme and
properties.

The document is composed knowing only each chart's size; the pictures are
read when it is saved. So it can be composed while the charts are still
being drawn in another process, and its page count is known without them.
"""

from __future__ import annotations

import io
import itertools
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
from docx.parts.image import ImagePart
from docx.shape import InlineShape
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from briefing.document import fields
from briefing.document import plan as blocks
from briefing.document.conformance import conform
from briefing.document.floats import laid_out
from briefing.document.geometry import EMU_PER_TWIP, Style
from briefing.document.pagination import HeadingPlace, Pages
from briefing.document.plan import DocumentPlan, plan_document
from briefing.document.styles import USED_STYLES, apply_theme, page_area
from briefing.ooxml.library_private import (
    add_inline_picture,
    append_text_run,
    paragraph_element,
    picture_properties,
)
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
from briefing.outline.locale import language_tag
from briefing.outline.model import Outline


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
    def __init__(self, outline: Outline, template: Path | None):
        """The template opened and mended, its body cleared; the theme's page and styles applied."""
        self.outline = outline
        with library_opening(template, ".docx"):
            self.document: Document = open_template(str(template) if template else None)
        if template is not None:
            _clear_body(self.document)
            drop_external_links(self.document.part.package)
        conform(self.document, from_template=template is not None)
        self.styles = apply_theme(self.document, outline.theme, outline.meta.locale, from_template=template is not None)
        self.area = page_area(self.document)  # the room for text the plan is fitted to
        # By name as the writer spells it; a template may capitalise differently.
        self.style_ids = {name: self.styles.named(name).style_id for name in USED_STYLES}
        self.pictures: dict[str, _ChartPicture] = {}
        self.bookmark_ids = itertools.count(1)  # the headings' first, then the captions'

    def write(self, plan: DocumentPlan, pages: Pages) -> ComposedDocument:
        fill_core_properties(self.document.core_properties, self.outline.meta, language_tag(self.outline.meta.locale))
        for cover_block in plan.cover:
            self._cover_block(cover_block)
        # A new section, so the cover has no header or footer; the contents open it.
        self.document.add_section(WD_SECTION_START.NEW_PAGE)
        toc_anchor = self._contents_page(plan.contents) if plan.contents is not None else None
        self.bookmark_ids = itertools.count(len(plan.headings) + 1)
        self._header_and_footer(plan.header, plan.footer)
        headings = iter(enumerate(pages.headings, 1))
        for block in plan.body:
            if isinstance(block, blocks.Heading):
                self._heading(block, *next(headings))
            else:
                self._block(block)
        if toc_anchor is not None:
            self._fill_contents(toc_anchor, plan.headings, pages)
        # Saved now, while the charts may still be drawn elsewhere; their images are added last.
        saved_on = build_time(self.outline.meta.date)
        saved = save_package(self.document.part.package, saved_on, self._extended_properties(pages.total),
                             held_back=list(self.pictures.values()))
        return ComposedDocument(pages.total, saved, self.pictures, saved_on)

    def _extended_properties(self, pages: int) -> bytes:
        """docProps/app.xml: the page model's page count, Word's statistics of the body, the title."""
        counts = text_counts(_paragraph_texts(self.document.element.find(_BODY)))
        return extended_properties({"Pages": pages, **counts}, [("Title", [self.outline.meta.title])])

    def _paragraph(self, text: str = "", style: Style | None = None,
                   references: tuple[blocks.Reference, ...] = ()) -> Paragraph:
        """A new last paragraph of the body; the references in its text are fields.

        Made here rather than by document.add_paragraph, which costs the length of the
        document each time: it searches the whole body for the section properties at its
        end, and sets text one character at a time. The style is set by id, as python-docx's
        lookup by name scans every style in the template.
        """
        p = OxmlElement("w:p")
        self._append(p)
        paragraph = Paragraph(p, self.document)  # a paragraph's parent gives it the part it is in
        if style is not None:
            properties = etree.SubElement(p, _PARAGRAPH_PROPERTIES)
            etree.SubElement(properties, _PARAGRAPH_STYLE).set(_VALUE, self.style_ids[style])
        _add_text(paragraph, text, references)
        return paragraph

    def _append(self, element: etree._Element) -> None:
        """Add a paragraph or table at the end of the body, before the closing section properties."""
        body = self.document.element.find(_BODY)
        last = next(body.iterchildren(reversed=True), None)  # (len(body) would count every child)
        if last is not None and last.tag == _SECTION_PROPERTIES:
            last.addprevious(element)  # the section properties stay last
        else:
            body.append(element)

    # -- front matter ------------------------------------------------------------

    def _cover_block(self, block: blocks.CoverBlock) -> None:
        if isinstance(block, blocks.CoverLogo):
            self._paragraph().add_run().add_picture(io.BytesIO(block.logo.png), height=Pt(block.height_pt))
        elif isinstance(block, blocks.Spacer):
            spacer = self._paragraph()
            spacer.paragraph_format.space_before = Pt(block.before_pt)
        else:
            self._paragraph(block.text, block.style)

    def _contents_page(self, contents: blocks.Contents) -> Paragraph:
        """The contents' heading, and the place the entries go once the headings are known."""
        self._paragraph(contents.title, Style.TOC_HEADING)
        return self._paragraph()  # the contents go here once the headings are known

    def _fill_contents(self, anchor: Paragraph, headings: tuple[blocks.Heading, ...], pages: Pages) -> None:
        """The contents: each heading with the page the page model puts it on."""
        entries = [(heading.level, heading.text, _bookmark_name(index), placed.page)
                   for index, (heading, placed) in enumerate(zip(headings, pages.headings, strict=True), 1)]
        anchor_p = paragraph_element(anchor)
        fields.table_of_contents(lambda style: self._paragraph(style=Style(style)), anchor_p,
                                 entries, pages_known=pages.contents_known)
        anchor_p.getparent().remove(anchor_p)

    def _header_and_footer(self, text: str, numbers: blocks.PageNumbers) -> None:
        cover, body = self.document.sections[0], self.document.sections[-1]
        body.header.is_linked_to_previous = False
        body.footer.is_linked_to_previous = False
        header = body.header.paragraphs[0]
        header.text = text
        header.style = self.styles.named(Style.HEADER)
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = body.footer.paragraphs[0]
        footer.style = self.styles.named(Style.FOOTER)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(numbers.before)
        fields.add_field(footer, "PAGE", "1")
        footer.add_run(numbers.between)
        fields.add_field(footer, "NUMPAGES", "1")
        footer.add_run(numbers.after)
        for part in (cover.header, cover.footer):
            part.is_linked_to_previous = True

    # -- body ----------------------------------------------------------------------

    def _heading(self, heading: blocks.Heading, index: int, placed: HeadingPlace) -> None:
        """The index-th heading (from 1), bookmarked for its contents entry; a page break before it
        where the plan or the page model says it must start a page."""
        paragraph = self._paragraph(heading.text, heading.style)
        fields.bookmark(paragraph, _bookmark_name(index), index)
        if heading.page_break_before or placed.break_before:
            paragraph.paragraph_format.page_break_before = True

    def _block(self, block: blocks.Block) -> None:
        if isinstance(block, blocks.Paragraph):
            self._paragraph(block.text, block.style, block.references)
        elif isinstance(block, blocks.BulletList):
            for index, item in enumerate(block.items):
                paragraph = self._paragraph(item, Style.LIST_BULLET, block.item_references(index))
                if block.kept_together:
                    paragraph.paragraph_format.keep_together = True
                    paragraph.paragraph_format.keep_with_next = index < len(block.items) - 1 or None
        elif isinstance(block, blocks.Quote):
            self._paragraph(block.text, Style.QUOTE)
            self._paragraph(block.attribution, Style.ATTRIBUTION)
        elif isinstance(block, blocks.Figure):
            self._figure(block)
        elif isinstance(block, blocks.Table):
            self._table(block)
        elif isinstance(block, blocks.SourceEntry):
            self._source(block)
        else:
            raise TypeError(f"no way to write {block!r}")

    def _figure(self, figure: blocks.Figure) -> None:
        paragraph = self._paragraph(style=Style.FIGURE)
        shape = self._chart_picture(figure, paragraph)
        properties = picture_properties(shape)
        properties.set("descr", figure.description)
        properties.set("title", figure.title)
        self._caption(figure.caption)
        if figure.note is not None:  # kept with the source line under it
            self._paragraph(figure.note, Style.SOURCE_NOTE).paragraph_format.keep_with_next = True
        self._paragraph(figure.source, Style.SOURCE_NOTE)

    def _chart_picture(self, figure: blocks.Figure, paragraph: Paragraph) -> InlineShape:
        """The chart's picture at the plan's size; the image comes later."""
        document_part = self.document.part
        picture = _ChartPicture(document_part.package.next_partname("/word/media/chart%d.png"))
        self.pictures[figure.chart_id] = picture
        return add_inline_picture(paragraph.add_run(), document_part.relate_to(picture, RT.IMAGE),
                                  posixpath.basename(picture.partname), Emu(figure.width), Emu(figure.height))

    def _caption(self, caption: blocks.Caption) -> None:
        """'图 1  title', the number a SEQ field so Word renumbers figures it gains, in the bookmark
        the text's references show."""
        paragraph = self._paragraph(style=Style.CAPTION)
        paragraph.add_run(f"{caption.label} ")
        with fields.bookmarked(paragraph, caption.bookmark, next(self.bookmark_ids)):
            if caption.prefix:
                paragraph.add_run(caption.prefix)
            fields.add_field(paragraph, f"SEQ {caption.sequence} \\* ARABIC", str(caption.number))
        _add_text(paragraph, "  " + caption.text, tuple(
            replace(reference, at=reference.at + 2) for reference in caption.references))
        paragraph.paragraph_format.keep_with_next = caption.keep_with_next or None

    # -- back matter -----------------------------------------------------------------

    def _table(self, table: blocks.Table) -> None:
        """A data table, written as XML in one piece (python-docx builds it cell by cell, element by element)."""
        self._caption(table.caption)
        twips = [width // EMU_PER_TWIP for width in table.column_widths]
        text_style_id = self.style_ids[Style.TABLE_TEXT]
        body_rows = "".join(_table_row(row, twips, text_style_id) for row in table.rows)
        header_row = _table_row(table.header, twips, text_style_id, header_fill=self.outline.theme.primary_color)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
        self._append(parse_xml(
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{self.styles.named("Briefing Table").style_id}"/>'
            '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
            f'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header_row}{body_rows}</w:tbl>'
        ))

    def _source(self, source: blocks.SourceEntry) -> None:
        paragraph = self._paragraph(source.text, Style.SOURCE_ENTRY)
        if source.url:
            fields.add_hyperlink(paragraph, source.url, self.outline.theme.primary_color)


def _add_text(paragraph: Paragraph, text: str, references: tuple[blocks.Reference, ...] = ()) -> None:
    """Text at the end of a paragraph, each reference in it a field."""
    at = 0
    for reference in references:
        _add_run(paragraph, text[at:reference.at])
        fields.add_reference(paragraph, reference.bookmark, reference.number)
        at = reference.at + len(reference.number)
    _add_run(paragraph, text[at:])


def _add_run(paragraph: Paragraph, text: str) -> None:
    if text and _RUN_BREAKS.search(text):
        paragraph.add_run(text)  # python-docx turns these into w:tab and w:br
    elif text:
        append_text_run(paragraph_element(paragraph), text)


def _bookmark_name(index: int) -> str:
    """The index-th heading's bookmark, named as Word names those its contents link to."""
    return f"_Toc{index:06d}"


def _table_row(texts: tuple[str, ...], twips: list[int], style_id: str, header_fill: str | None = None) -> str:
    """A w:tr: one paragraph per cell. Rows never split across pages, which keeps each fact whole and
    the layout predictable; the header row repeats on each page, formatted directly, as not every
    client applies a table style's first-row look."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/>' if header_fill else ""
    run_properties = '<w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>' if header_fill else ""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r>{run_properties}{_run_text(text)}</w:r></w:p></w:tc>'
        for text, width in zip(texts, twips, strict=True)
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


def _paragraph_texts(body: etree._Element) -> Iterator[str]:
    """Each paragraph's text as a reader sees it, tabs and line breaks as spaces (field codes left out)."""
    for paragraph in body.iter(_PARAGRAPH):
        yield "".join(piece.text or "" if piece.tag == _TEXT else " " for piece in paragraph.iter(*_TEXT_PIECES))


def _clear_body(document: Document) -> None:
    """A template's own content goes; its last section (page setup, header and footer) stays."""
    body = document.element.find(_BODY)
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


_SECTION_PROPERTIES, _PARAGRAPH_PROPERTIES = qn("w:sectPr"), qn("w:pPr")
_PARAGRAPH_STYLE, _VALUE = qn("w:pStyle"), qn("w:val")
_PARAGRAPH, _TEXT, _BODY = qn("w:p"), qn("w:t"), qn("w:body")
_TEXT_PIECES = (_TEXT, qn("w:tab"), qn("w:br"))


def compose_docx(outline: Outline, inputs: DocxInputs) -> ComposedDocument:
    """The Word briefing for an outline: planned, laid out, written; save() it with the chart images for its bytes.

    The template is opened first: its page decides the room the plan fits figures and tables to.
    """
    writer = _DocxWriter(outline, inputs.template)
    plan = plan_document(outline, inputs.chart_sizes, writer.area, inputs.logo)
    return writer.write(*laid_out(plan, from_template=inputs.template is not None))
