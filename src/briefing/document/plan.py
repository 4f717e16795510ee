"""Outline -> document plan: the Word briefing as blocks, decided before any file is written.

The document reads top to bottom as a printed briefing: cover, table of
contents, key takeaways, the sections with their figures, the data tables,
the sources. Every fact in the tables points to a numbered source.

Nothing is said twice. A part's prose is its text in the document; its
points (slide-sized statements, the deck's) stand in for it only where a
part has no prose, as a list: an outline without prose, or an audience of
depth brief, whose prose has gone to the speaker notes. Points and prose are
never printed one after the other.

Every figure is referred to from the text, as a Word cross-reference to its
caption's number: at the end of the first paragraph (or list item) of its
part that names one of its figures or dates, else of the part's first,
before the closing full stop: "……受到直接影响（见图1）。", "... took effect
(see Figure 1)." The timeline is shown once in the body, as its figure; its
table, with each event's source, is in the appendix, whose tables are
numbered apart (附表 1, Table A1) and say which figure's data they hold.

Everything a reader sees is decided here: the order of the blocks, the
headings' numbers, the captions and their numbers, the notes under figures,
the size of each picture, each paragraph's style. The page model
(pagination.py) measures these blocks and the writer (write.py) writes them,
neither adding anything of its own. No python-docx here: a plan is tested
without making a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from briefing.charts.data import chart_note, describe, source_line
from briefing.document.columns import column_widths
from briefing.document.geometry import A4_AREA, EMU_PER_PT, PageArea, Style, heading_style
from briefing.outline.assets import Logo
from briefing.outline.locale import (
    Labels,
    as_of_date,
    format_date,
    format_date_range,
    format_value,
    labels,
    see_figures,
    title_numbers,
)
from briefing.outline.model import Chart, ChartKind, Event, Outline, Part

LOGO_HEIGHT_PT = 40.0
COVER_SPACER_PT = 120.0  # space above the cover's title
FIGURE_NOTES_PT = 48.0  # a figure's caption and source line below it, with their spacing
FIGURE_SHARE = 0.98  # of the text's width: a picture as wide as the text would touch its margins
SHORT_LIST = 6  # items: a list this short is kept on one page


# -- blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A caption's number quoted in the text ("见图2", "see Figure 2"): a field that shows the number
    in the bookmark around it in the caption, written with the number it has now."""

    at: int  # where in the text the number starts
    number: str  # "2", "A1"
    bookmark: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text in one style."""

    style: Style
    text: str
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class CoverLogo:
    """The logo at the top of the cover, in a paragraph of its own."""

    logo: Logo
    height_pt: float = LOGO_HEIGHT_PT


@dataclass(frozen=True)
class Spacer:
    """An empty paragraph that moves what follows down the page by its space before."""

    before_pt: float


@dataclass(frozen=True)
class Heading:
    level: int  # 1 a section, 2 a sub-section
    number: str  # 一、 （一） 1.  1.1 ; empty for the summary, the appendix, the sources
    title: str
    page_break_before: bool = False  # the summary after the contents

    @property
    def text(self) -> str:
        return self.number + self.title

    @property
    def style(self) -> Style:
        return heading_style(self.level)


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    references: tuple[tuple[Reference, ...], ...] = ()  # by item, where any item has some

    def item_references(self, index: int) -> tuple[Reference, ...]:
        return self.references[index] if self.references else ()

    @property
    def kept_together(self) -> bool:
        """A short list is not split across pages: each item is kept whole and with the next."""
        return len(self.items) <= SHORT_LIST


@dataclass(frozen=True)
class Quote:
    text: str  # in quotation marks
    attribution: str  # ——speaker，context


@dataclass(frozen=True)
class Caption:
    """'图 1  title': label and number (a field Word renumbers, in a bookmark the text's references
    show), then the title. An appendix's numbers have their own series: 附表 1, Table A1."""

    label: str
    number: int
    text: str
    bookmark: str
    prefix: str = ""  # before the number: Table A1
    keep_with_next: bool = False
    references: tuple[Reference, ...] = ()  # in text

    @property
    def number_text(self) -> str:
        return f"{self.prefix}{self.number}"

    @property
    def sequence(self) -> str:
        """The name of its numbers' series (the SEQ field's identifier)."""
        return (self.label + self.prefix).replace(" ", "")

    @property
    def shown(self) -> str:
        return f"{self.label} {self.number_text}  {self.text}"


@dataclass(frozen=True)
class Figure:
    """A chart's picture at its size on the page, its caption, what to note and its source, kept
    together on one page."""

    chart_id: str
    title: str  # the picture's title and description, for screen readers
    description: str
    width: int  # EMU
    height: int
    caption: Caption
    note: str | None  # what a reader must know to compare the figures
    source: str

    @property
    def height_pt(self) -> float:
        return self.height / EMU_PER_PT


@dataclass(frozen=True)
class Table:
    """A data table under its caption; the header row repeats on every page it reaches."""

    caption: Caption
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    column_widths: tuple[int, ...]  # EMU


@dataclass(frozen=True)
class SourceEntry:
    text: str  # [1]<tab>title, publisher, published,
    url: str | None  # linked, after the text


@dataclass(frozen=True)
class Contents:
    """The table of contents: its heading, then an entry for each heading of the body."""

    title: str


CoverBlock = CoverLogo | Spacer | Paragraph
Block = Heading | Paragraph | BulletList | Quote | Figure | Table | SourceEntry


@dataclass(frozen=True)
class PageNumbers:
    """The footer: 'before' PAGE 'between' NUMPAGES 'after'."""

    before: str
    between: str
    after: str


@dataclass(frozen=True)
class DocumentPlan:
    area: PageArea  # the page's room for text the plan was fitted to
    cover: tuple[CoverBlock, ...]  # a section of its own, without header or footer
    contents: Contents | None
    body: tuple[Block, ...]
    header: str
    footer: PageNumbers

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(block for block in self.body if isinstance(block, Heading))

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(block for block in self.body if isinstance(block, Figure))

    def texts(self) -> Iterator[str]:
        """The text of the cover, the contents' heading and the body, as a reader sees it."""
        for cover_block in self.cover:
            if isinstance(cover_block, Paragraph):
                yield cover_block.text
        if self.contents is not None:
            yield self.contents.title
        for block in self.body:
            yield from block_texts(block)


def block_texts(block: Block) -> Iterator[str]:
    if isinstance(block, (Heading, Paragraph)):
        yield block.text
    elif isinstance(block, BulletList):
        yield from block.items
    elif isinstance(block, Quote):
        yield from (block.text, block.attribution)
    elif isinstance(block, Figure):
        yield block.caption.shown
        yield from (text for text in (block.note, block.source) if text is not None)
    elif isinstance(block, Table):
        yield block.caption.shown
        yield from (text for row in (block.header, *block.rows) for text in row)
    elif isinstance(block, SourceEntry):
        yield block.text + (block.url or "")


# -- planning -----------------------------------------------------------------------------


class _Planner:
    def __init__(self, outline: Outline, chart_sizes: dict[str, tuple[float, float]], area: PageArea):
        self.outline = outline
        self.chart_sizes = chart_sizes
        self.area = area
        self.locale = outline.meta.locale
        self.words: Labels = labels(self.locale)
        self.body: list[Block] = []
        self.figures = 0
        self.tables = 0
        self.numbers = title_numbers(outline)
        self.source_numbers = {source.id: n for n, source in enumerate(outline.all_sources, 1)}
        self.charts = {chart.id: chart for chart in outline.charts}
        self.charts_by_part: dict[str | None, list[Chart]] = {}
        for chart in outline.charts:
            self.charts_by_part.setdefault(chart.placement, []).append(chart)

    def plan(self, logo: Logo | None) -> DocumentPlan:
        outline = self.outline
        contents = Contents(self.words.contents) if outline.meta.table_of_contents else None
        self._summary(after_contents=contents is not None)
        for section in outline.sections:
            self._part(section, 1)
            for sub in section.subsections:
                self._part(sub, 2)
        self._implications()
        self._data_tables()
        self._sources()
        before, rest = self.words.page_of.split("{page}")
        between, after = rest.split("{pages}")
        return DocumentPlan(self.area, self._cover(logo), contents, tuple(self.body), outline.short_title,
                            PageNumbers(before, between, after))

    def _cover(self, logo: Logo | None) -> tuple[CoverBlock, ...]:
        meta, words = self.outline.meta, self.words
        blocks: list[CoverBlock] = [CoverLogo(logo)] if logo is not None else []
        blocks += [Spacer(COVER_SPACER_PT), Paragraph(Style.TITLE, meta.title)]
        if meta.subtitle:
            blocks.append(Paragraph(Style.SUBTITLE, meta.subtitle))
        if meta.audience:
            blocks.append(Paragraph(Style.COVER_LINE, meta.audience))
        prepared = format_date(meta.date, self.locale)
        blocks.append(Paragraph(Style.COVER_LINE, f"{words.prepared}{words.colon}{prepared}"))
        source = meta.source
        line = f"{words.source_prefix}{source.title}"
        if source.published:
            line += words.aside.format(words.published.format(date=format_date(source.published, self.locale)))
        blocks.append(Paragraph(Style.COVER_LINE, line))
        if source.caveat:
            blocks.append(Paragraph(Style.CAVEAT, f"{words.caveat}{words.colon}{source.caveat}"))
        return tuple(blocks)

    # -- body ----------------------------------------------------------------------------

    def _summary(self, after_contents: bool) -> None:
        self.body.append(Heading(1, "", self.words.summary, page_break_before=after_contents))
        self._text_and_figures(self._bullets(self.outline.summary), [], None)

    def _part(self, part: Part, level: int) -> None:
        self.body.append(Heading(level, self.numbers[part.id], part.title))
        # Where there is prose, the points would say it again, more briefly: they are left to the deck.
        text: list[Block] = [Paragraph(Style.NORMAL, paragraph) for paragraph in part.prose]
        quotes: list[Block] = []
        for quote in part.quotes:
            who = quote.speaker + (self.words.comma + quote.context if quote.context else "")
            quotes.append(Quote(f"“{quote.text}”", self.words.quote_dash + who))
        self._text_and_figures(text or self._bullets(part.points), quotes, part.id)

    def _implications(self) -> None:
        """What it means for the reader: the briefing's own close, after the article's sections, unnumbered
        like the summary that opens it."""
        items = [item.text for item in self.outline.general_implications]
        if items:
            self.body.append(Heading(1, "", self.words.implications))
            self.body.extend(self._bullets(items))

    @staticmethod
    def _bullets(items: list[str]) -> list[Block]:
        return [BulletList(tuple(items))] if items else []

    def _text_and_figures(self, text: list[Block], then: list[Block], placement: str | None) -> None:
        """A part's text, what follows it, then the figures placed in it, each referred to from the text."""
        figures = [self._figure(chart) for chart in self.charts_by_part.get(placement, [])]
        self.body.extend(self._referring(text, figures))
        self.body.extend(then)
        self.body.extend(figures)

    def _referring(self, text: list[Block], figures: list[Figure]) -> list[Block]:
        """The text with each figure referred to at the end of the first paragraph or list item that
        names one of its figures or dates, else of the first; in a sentence of its own where there is
        no text."""
        if not figures:
            return text
        units = [(index, item) for index, block in enumerate(text)
                 for item in (range(len(block.items)) if isinstance(block, BulletList) else (None,))]
        if not units:
            text, units = [Paragraph(Style.NORMAL, "")], [(0, None)]
        cited: dict[tuple[int, int | None], list[Figure]] = {}
        for figure in figures:
            names = self._mentions(self.charts[figure.chart_id])
            unit = next((unit for unit in units if any(name in _unit_text(text, unit).casefold() for name in names)),
                        units[0])
            cited.setdefault(unit, []).append(figure)
        text = list(text)
        for (index, item), shown in cited.items():
            block = text[index]
            if isinstance(block, BulletList) and item is not None:
                items, references = list(block.items), [block.item_references(i) for i in range(len(block.items))]
                items[item], references[item] = self._see(items[item], [figure.caption for figure in shown])
                text[index] = BulletList(tuple(items), tuple(references))
            elif isinstance(block, Paragraph):
                body, references_ = self._see(block.text, [figure.caption for figure in shown])
                text[index] = replace(block, text=body, references=references_)
        return text

    def _mentions(self, chart: Chart) -> list[str]:
        """How the text names the chart's figures and dates (as '{id}' references print them)."""
        outline = self.outline
        names = [format_value(outline.statistic(i), self.locale) for i in chart.statistics]
        names += [format_date_range(event.date, event.end, self.locale)
                  for event in (outline.event(i) for i in chart.events)]
        return [name.casefold() for name in names]

    def _see(self, text: str, captions: Sequence[Caption]) -> tuple[str, tuple[Reference, ...]]:
        """The text with '（见图2）' / ' (see Figure 2)' before its closing full stop; or, for no text,
        '见图2。' / 'See Figure 2.'"""
        pieces = list(see_figures(self.locale, len(captions)))
        text = text.rstrip()
        if text:
            closing = _CLOSING.search(text)
            at = closing.start() if closing else len(text)
            opening, close = self.words.aside.split("{}")
        else:
            at, opening, close = 0, "", self.words.full_stop.strip()
            pieces[0] = pieces[0][:1].upper() + pieces[0][1:]
        written = text[:at] + opening
        references = []
        for piece, caption in zip(pieces, [*captions, None], strict=True):
            written += piece
            if caption is not None:
                references.append(Reference(len(written), caption.number_text, caption.bookmark))
                written += caption.number_text
        return written + close + text[at:], tuple(references)

    def _figure(self, chart: Chart) -> Figure:
        self.figures += 1
        width, height = self._figure_size(chart.id)
        caption_text = chart.title + (self.words.colon + chart.caption if chart.caption else "")
        note = chart_note(chart, self.outline)
        # What a reader must know to compare the figures (different dates, one part of another):
        # under the figure, not only in the caption the outline may or may not give.
        return Figure(
            chart.id, chart.title, describe(chart, self.outline), width, height,
            Caption(self.words.figure, self.figures, caption_text, f"_RefFigure{self.figures}",
                    keep_with_next=True),
            self.words.note_prefix + note if note is not None else None,
            source_line(chart, self.outline),
        )

    def _figure_size(self, chart_id: str) -> tuple[int, int]:
        """The text's width, or less for a chart so tall that it and its caption would not fit on a page;
        the height in the chart's own proportions (EMU, as python-docx's Pt and Emu round them)."""
        width = int(self.area.width * FIGURE_SHARE)
        width_in, height_in = self.chart_sizes[chart_id]
        tallest = int((self.area.height_pt - FIGURE_NOTES_PT) * EMU_PER_PT)
        if width * height_in / width_in > tallest:
            width = int(tallest * width_in / height_in)
        return width, int(width * height_in / width_in)

    # -- back matter -----------------------------------------------------------------------

    def _cite(self, source_id: str) -> str:
        """A reference to the numbered entry in the sources section."""
        return f"[{self.source_numbers[source_id]}]"

    def _data_tables(self) -> None:
        outline, words = self.outline, self.words
        if not outline.statistics and not outline.timeline:
            return
        self.body.append(Heading(1, "", words.data_appendix))
        rows: tuple[tuple[str, ...], ...]
        if outline.timeline:
            title = words.timeline
            references: tuple[Reference, ...] = ()
            shown_in = self._figure_of(outline.timeline)
            if shown_in is not None:  # the table holds the data of the timeline's figure, and says so
                before, after = words.figure_data.split("{}")
                references = (Reference(len(title + before), shown_in.number_text, shown_in.bookmark),)
                title += before + shown_in.number_text + after
            rows = tuple(
                (
                    format_date_range(e.date, e.end, self.locale),
                    e.title + (words.colon + e.detail if e.detail else "")
                    + (words.aside.format(e.attribution) if e.attribution else ""),
                    self._cite(e.source),
                )
                for e in sorted(outline.timeline, key=lambda e: (e.date, e.end or e.date))
            )
            self._table(title, words.timeline_headers, rows, values=(0, 2), references=references)
        if outline.statistics:
            rows = tuple(
                (
                    s.label,
                    format_value(s, self.locale),
                    as_of_date(s, self.locale) or "—",  # under the As of heading: January 2025
                    s.measures + (words.aside.format(s.attribution) if s.attribution else ""),
                    self._cite(s.source),
                )
                for s in outline.statistics
            )
            self._table(words.key_figures, words.statistics_headers, rows, values=(1, 2, 4))

    def _figure_of(self, events: Sequence[Event]) -> Caption | None:
        """The caption of the body's timeline figure that shows all these events, if one does."""
        ids = {event.id for event in events}
        return next((block.caption for block in self.body if isinstance(block, Figure)
                     and self.charts[block.chart_id].kind is ChartKind.TIMELINE
                     and ids <= set(self.charts[block.chart_id].events)), None)

    def _table(self, title: str, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], values: tuple[int, ...],
               references: tuple[Reference, ...] = ()) -> None:
        """An appendix table: its numbers are a series of their own (附表 1, Table A1), apart from the body's."""
        self.tables += 1
        words = self.words
        caption = Caption(words.appendix_table, self.tables, title, f"_RefTable{words.appendix_number}{self.tables}",
                          prefix=words.appendix_number, keep_with_next=True, references=references)
        # Its columns as wide as what they hold needs: a date, a figure, a source never wraps (values).
        self.body.append(Table(caption, header, rows, column_widths(header, rows, self.area.width, values)))
        self.body.append(Paragraph(Style.SOURCE_NOTE, ""))  # room between the table and what follows

    def _sources(self) -> None:
        words = self.words
        self.body.append(Heading(1, "", words.sources))
        for number, source in enumerate(self.outline.all_sources, 1):
            details = [source.title, *(d for d in (source.publisher,) if d)]
            if source.published:
                details.append(words.published.format(date=format_date(source.published, self.locale)))
            text = f"[{number}]\t" + words.comma.join(details) + (words.comma if source.url else "")
            self.body.append(SourceEntry(text, source.url))
            if source.caveat:
                self.body.append(Paragraph(Style.CAVEAT, f"{words.caveat}{words.colon}{source.caveat}"))


# A sentence's closing punctuation, where a reference goes before it.
_CLOSING = re.compile(r"[。．！？!?.…]+$")


def _unit_text(text: list[Block], unit: tuple[int, int | None]) -> str:
    """A paragraph's text, or a list item's."""
    block = text[unit[0]]
    if isinstance(block, BulletList) and unit[1] is not None:
        return block.items[unit[1]]
    return block.text if isinstance(block, Paragraph) else ""


def plan_document(outline: Outline, chart_sizes: dict[str, tuple[float, float]], area: PageArea = A4_AREA,
                  logo: Logo | None = None) -> DocumentPlan:
    """The document for an outline, as blocks: chart_sizes gives each chart's width and height in inches,
    area the page's room for text (a company template's page may differ from the briefing's own)."""
    return _Planner(outline, chart_sizes, area).plan(logo)
