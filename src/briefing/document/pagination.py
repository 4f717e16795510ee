"""Where each heading will fall: a small page-layout model of the document plan.

The table of contents is a Word field whose result is written into the file.
Word recomputes it on open, but LibreOffice, PDF converters and viewers show
what is written, so the page numbers written must be the ones they lay out.
Every text style has an exact line pitch (geometry.py, the same table the
Word styles are made from), so a paragraph's height is its wrapped line
count times that pitch plus its spacing; the model follows the rules that
move text between pages: page breaks, keep with next, lines kept together
(a quote, a short list's items), widow and orphan control, rows that do not
split, and repeated table headers, as LibreOffice
applies them (tests/build/test_libreoffice.py compares whole generated
documents with its PDFs).

Text is measured with the bundled font (measure.py). Chinese text is set
the same way everywhere; Latin text is set in the theme's Latin font or
whatever the reader's machine substitutes for it, so a document with much
Latin text can differ by a line here and there (the contents field is marked
for Word to update it on opening, in every document).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from briefing.document.geometry import (
    CELL_PADDING_PT,
    CELL_SIDES_PT,
    EMU_PER_PT,
    PICTURE_PADDING_PT,
    SPECS,
    ParagraphSpec,
    Style,
    contents_style,
)
from briefing.document.measure import line_count
from briefing.document.plan import (
    Block,
    BulletList,
    Caption,
    CoverLogo,
    DocumentPlan,
    Figure,
    Heading,
    Paragraph,
    Quote,
    SourceEntry,
    Spacer,
    Table,
)

_WIDOW_LINES = 2


@dataclass(frozen=True)
class Piece:
    """The part of a paragraph (or a picture, a table row) on one page: where it starts on the page,
    from the top of the text area, and how tall it is there. A paragraph of many pages fills each of
    its whole pages alike: one piece stands for `pages` pages in a row."""

    page: int
    top: float
    height: float
    pages: int = 1


@dataclass
class Placement:
    """Where the model put a paragraph, filled in once it is placed."""

    page: int = 0
    # It must begin with a page break, so that LibreOffice puts it where the model does.
    break_before: bool = False
    # Its part on each page it reaches, in order (`briefing preview` draws the pages from them).
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class _Item:
    height: float
    lines: int = 1  # splittable lines (1: cannot split)
    pitch: float = 0
    before: float = 0
    after: float = 0
    keep_with_next: bool = False
    heading: bool = False
    placement: Placement = field(default_factory=Placement)


def _first_lines(item: _Item) -> int:
    """The fewest of its lines a paragraph can start a page's foot with: with fewer than two
    orphan and two widow lines in all, it cannot split, and moves whole."""
    return item.lines if item.lines < 2 * _WIDOW_LINES else _WIDOW_LINES


@dataclass
class PageFlow:
    """Places items top to bottom on pages of a fixed body height.

    Space between two paragraphs is the larger of the first's space after and
    the second's space before, as LibreOffice lays out these documents (it
    does not add them up). At the top of a page the space before is dropped
    where text flowed over from the page before, and kept where the page
    began at a break (the document's start, a new section, a page break).
    """

    body_height: float
    after_break: bool = False  # the first page begins at a break
    page: int = 1
    y: float = 0.0  # the bottom of the last thing placed on this page
    _after: float = 0.0  # that thing's space after, merged with the next one's space before
    _empty: bool = True  # nothing placed on this page yet
    _pending: list[_Item] = field(default_factory=list)

    def paragraph(self, style: ParagraphSpec, lines: int) -> Placement:
        """Add a paragraph; the returned placement is filled in once it is placed. One whose lines are
        kept together moves whole, unless it is taller than a page."""
        whole = style.keep_lines and lines * style.pitch <= self.body_height
        item = _Item(
            height=lines * style.pitch, lines=1 if whole else lines, pitch=style.pitch, before=style.before,
            after=style.after, keep_with_next=style.keep_with_next, heading=style.heading,
        )
        self._add(item)
        return item.placement

    def block(self, height: float, keep_with_next: bool = False, before: float = 0, after: float = 0) -> Placement:
        """Something that never splits: a picture, a table row."""
        item = _Item(height=height, before=before, after=after, keep_with_next=keep_with_next)
        self._add(item)
        return item.placement

    def table(self, header: float, rows: list[float], after: float = 0) -> list[Placement]:
        """Rows that never split; the header row repeats at the top of each new page.
        The placements of the header row and of each row."""
        placements = [self.block(header, keep_with_next=bool(rows))]
        for index, height in enumerate(rows):
            if index == 0:
                placements.append(self.block(height))
                continue
            if self.y + height > self.body_height:
                self._new_page()
                self.y, self._empty = header, False
            placements.append(Placement(self.page, pieces=[Piece(self.page, self.y, height)]))
            self.y += height
        self._after = after
        return placements

    def page_break(self) -> None:
        self._flush()
        self._new_page()
        self.after_break = True

    def finish(self) -> int:
        self._flush()
        return self.page

    # -- placing ---------------------------------------------------------------------

    def _add(self, item: _Item) -> None:
        self._pending.append(item)
        if not item.keep_with_next:
            self._flush()

    def _flush(self) -> None:
        """Place the pending chain: kept-together items plus the first lines of the last."""
        chain, self._pending = self._pending, []
        if not chain:
            return
        last = chain[-1]
        needed, after = 0.0, self._after
        for index, item in enumerate(chain):
            needed += self._space_before(item) if index == 0 else max(after, item.before)
            if item is last:
                needed += _first_lines(last) * last.pitch if last.lines > 1 else last.height
            else:
                needed += item.height
            after = item.after
        widowed = len(chain) > 1 and self._widowed(chain)
        if len(chain) > 1 and not self._empty and (self.y + needed > self.body_height or widowed):
            first = chain[0]
            if first.heading and (widowed or self.y + self._space_before(first) + first.height + first.after
                                  > self.body_height):
                # The heading (with its space after) does not fit either, or what follows it would have
                # lines taken back by widow control. LibreOffice moves it in some documents and leaves it at
                # the foot in others, depending on how it reached the page (a long document, figures
                # before it): a page break makes it start the next page in every one. (Only a heading:
                # a break before a figure or a caption that LibreOffice has already moved, its page fuller
                # than the model's, would leave a page empty.)
                first.placement.break_before = True
                self._new_page()
                self.after_break = True
            else:
                self._new_page()
        for item in chain:
            self._place(item)

    def _widowed(self, chain: list[_Item]) -> bool:
        """Whether the chain's last paragraph would split here with fewer than two lines left for the next
        page, so that widow control takes lines back from this one (LibreOffice then moves the chain to the
        next page in some documents and not in others: read off its PDFs of long documents)."""
        last = chain[-1]
        if _first_lines(last) == last.lines:  # it cannot split: it moves whole anyway
            return False
        y, after = self.y, self._after
        for index, item in enumerate(chain):
            y += self._space_before(item) if index == 0 else max(after, item.before)
            if item is not last:
                y += item.height
            after = item.after
        fits = int((self.body_height - y) // last.pitch)
        return _WIDOW_LINES <= fits < last.lines and last.lines - fits < _WIDOW_LINES

    def _new_page(self) -> None:
        self.page += 1
        self.y = 0.0
        self._after = 0.0
        self._empty = True
        self.after_break = False

    def _space_before(self, item: _Item) -> float:
        """The space above an item placed next."""
        if not self._empty:
            return max(self._after, item.before)
        return item.before if self.after_break else 0.0

    def _place(self, item: _Item) -> None:
        self.y += self._space_before(item)
        room = self.body_height - self.y
        if item.height <= room or (self._empty and item.lines == 1):
            self._start(item, item.height)
            self.y += item.height
        elif item.lines > 1:
            fits = int(room // item.pitch)
            if item.lines - fits < _WIDOW_LINES:  # widow control pulls a line over
                fits = item.lines - _WIDOW_LINES
            if fits < _WIDOW_LINES:  # orphan control: start on the next page
                self._new_page()
                fits = min(item.lines, self._lines_per_page(item.pitch))
            self._start(item, min(fits, item.lines) * item.pitch)
            self._spill(item, item.lines - fits)
        else:
            self._new_page()
            self._start(item, item.height)
            self.y += item.height
        self._after = item.after

    def _lines_per_page(self, pitch: float) -> int:
        """Lines of this pitch a page holds; at least one, as a line taller than the page still takes one."""
        return max(1, int(self.body_height // pitch))

    def _spill(self, item: _Item, lines_left: int) -> None:
        """Lines that did not fit continue at the top of the following pages."""
        self.y = self.body_height if lines_left else self.y + item.height
        if lines_left <= 0:
            return
        # Whole pages of its lines at once: a paragraph of thousands of lines costs no more than one.
        per_page = self._lines_per_page(item.pitch)
        full_pages, placed = divmod(lines_left, per_page)
        if placed == 0:
            full_pages, placed = full_pages - 1, per_page
        if full_pages:
            item.placement.pieces.append(Piece(self.page + 1, 0.0, per_page * item.pitch, full_pages))
        item.placement.pieces.append(Piece(self.page + full_pages + 1, 0.0, placed * item.pitch))
        self.page += full_pages + 1
        self.y = placed * item.pitch
        self.after_break = False

    def _start(self, item: _Item, height: float) -> None:
        """The item begins here, this tall on this page."""
        self._empty = False
        item.placement.page = self.page
        item.placement.pieces.append(Piece(self.page, self.y, height))


# -- the plan's pages --------------------------------------------------------------------

# How far the page model is trusted to match the layout exactly (see _contents_known): the
# default briefing has 11 pages and under a thousand Latin letters and digits.
PREDICTABLE_PAGES = 40
PREDICTABLE_LATIN_CHARACTERS = 3000
_LATIN = re.compile(r"[A-Za-z0-9]")
_PAGE_NUMBER_ROOM = "  000"  # a contents entry's tab and page number, as wide as three digits


@dataclass(frozen=True)
class HeadingPlace:
    page: int  # in the whole document, the cover's pages first
    # It must begin with a page break, so that LibreOffice puts it where the model does.
    break_before: bool


@dataclass(frozen=True)
class Pages:
    """The plan laid out: the pages of its parts, and where each of its headings falls."""

    cover: int  # a long title can take more than one
    contents: int
    body: int
    headings: tuple[HeadingPlace, ...]  # the plan's headings, in order
    # Whether the contents' page numbers are the ones a reader's application will lay out.
    contents_known: bool
    # Where each block went, each page counted from its part's first: the cover's blocks, the contents'
    # heading then its entries, and the body's blocks, each as the placements of its paragraphs (a
    # figure: its picture, caption, note and source; a table: its caption, header row and rows).
    cover_placements: tuple[Placement, ...] = ()
    contents_placements: tuple[Placement, ...] = ()
    body_placements: tuple[tuple[Placement, ...], ...] = ()

    @property
    def total(self) -> int:
        return self.cover + self.contents + self.body


def paginate(plan: DocumentPlan, from_template: bool = False) -> Pages:
    """Lay out the plan's cover, contents and body (from_template: in a company's styles, which
    the model does not know)."""
    width, height = plan.area.width_pt, plan.area.height_pt
    cover = PageFlow(height, after_break=True)  # the document's start
    cover_placements = []
    for block in plan.cover:
        if isinstance(block, CoverLogo):
            cover_placements.append(cover.paragraph(SPECS[Style.NORMAL], 1))
        elif isinstance(block, Spacer):
            cover_placements.append(cover.paragraph(replace(SPECS[Style.NORMAL], before=block.before_pt), 1))
        else:
            cover_placements.append(_paragraph(cover, block.style, block.text, width))
    cover_pages = cover.finish()
    # The body, from the page after the contents: it begins at a break (a page break or a new section).
    body = PageFlow(height, after_break=True)
    body_placements = tuple(tuple(_place(body, block, width)) for block in plan.body)
    headings = [placed[0] for block, placed in zip(plan.body, body_placements, strict=True)
                if isinstance(block, Heading)]
    body_pages = body.finish()
    contents = _contents(plan, width, height) if plan.contents is not None else (0, ())
    before_body = cover_pages + contents[0]
    return Pages(
        cover_pages, contents[0], body_pages,
        tuple(HeadingPlace(before_body + placed.page, placed.break_before) for placed in headings),
        not from_template and _contents_known(plan.texts(), body_pages),
        tuple(cover_placements), contents[1], body_placements,
    )


def _place(flow: PageFlow, block: Block, width: float) -> list[Placement]:
    """Add a block of the body to the flow; the placements of its paragraphs, filled in as they are placed."""
    if isinstance(block, Heading):
        return [_paragraph(flow, block.style, block.text, width)]
    if isinstance(block, Paragraph):
        return [_paragraph(flow, block.style, block.text, width)]
    if isinstance(block, BulletList):
        spec = SPECS[Style.LIST_BULLET]
        placements = []
        for index, item in enumerate(block.items):
            if block.kept_together:
                kept = replace(spec, keep_lines=True, keep_with_next=index < len(block.items) - 1)
                placements.append(flow.paragraph(kept, line_count(item, width, kept)))
            else:
                placements.append(flow.paragraph(spec, line_count(item, width, spec)))
        return placements
    if isinstance(block, Quote):
        return [_paragraph(flow, Style.QUOTE, block.text, width),
                _paragraph(flow, Style.ATTRIBUTION, block.attribution, width)]
    if isinstance(block, Figure):
        # The picture's line is as tall as the picture; its paragraph's space before merges with the
        # space after the paragraph above, as any paragraph's does (read off LibreOffice's PDFs).
        placements = [flow.block(block.height_pt, keep_with_next=True, before=PICTURE_PADDING_PT),
                      _caption(flow, block.caption, width)]
        if block.note is not None:  # kept with the source line
            note = replace(SPECS[Style.SOURCE_NOTE], keep_with_next=True)
            placements.append(flow.paragraph(note, line_count(block.note, width, note)))
        return [*placements, _paragraph(flow, Style.SOURCE_NOTE, block.source, width)]
    if isinstance(block, Table):
        caption = _caption(flow, block.caption, width)
        widths = [column / EMU_PER_PT - CELL_SIDES_PT for column in block.column_widths]
        header = _row_height(block.header, widths, replace(SPECS[Style.TABLE_TEXT], bold=True))
        return [caption, *flow.table(header, [_row_height(row, widths) for row in block.rows])]
    if isinstance(block, SourceEntry):
        return [_paragraph(flow, Style.SOURCE_ENTRY, block.text + (block.url or ""), width)]
    raise TypeError(f"no way to measure {block!r}")


def _paragraph(flow: PageFlow, style: Style, text: str, width: float) -> Placement:
    spec = SPECS[style]
    return flow.paragraph(spec, line_count(text, width, spec))


def _caption(flow: PageFlow, caption: Caption, width: float) -> Placement:
    spec = SPECS[Style.CAPTION]
    if caption.keep_with_next:
        spec = replace(spec, keep_with_next=True)
    return flow.paragraph(spec, line_count(caption.shown, width, spec))


def _row_height(texts: tuple[str, ...], widths: list[float], spec: ParagraphSpec = SPECS[Style.TABLE_TEXT]) -> float:
    """A table row's height: its tallest cell's lines, and the cell margins (the header row is bold)."""
    lines = max(line_count(text, width, spec) for text, width in zip(texts, widths, strict=True))
    return lines * spec.pitch + CELL_PADDING_PT


def _contents(plan: DocumentPlan, width: float, height: float) -> tuple[int, tuple[Placement, ...]]:
    """The pages the contents take (a new section, its heading, then an entry for each heading), and
    the placements of its heading and entries."""
    contents = PageFlow(height, after_break=True)
    placements = [contents.paragraph(SPECS[Style.TOC_HEADING], 1)]
    for heading in plan.headings:
        style = SPECS[contents_style(heading.level)]
        placements.append(contents.paragraph(style, line_count(heading.text + _PAGE_NUMBER_ROOM, width, style)))
    return contents.finish(), tuple(placements)


def _contents_known(texts: Iterable[str], body_pages: int) -> bool:
    """Whether the page model's pages are the ones a reader's application will lay out.

    It knows its own styles, not a template's; it measures Latin text with the bundled font,
    not whichever replaces the theme's Latin font on the reader's machine; and small
    differences add up over many pages. Past these, the contents ask to be updated.
    """
    if body_pages > PREDICTABLE_PAGES:
        return False
    return sum(len(_LATIN.findall(text)) for text in texts) <= PREDICTABLE_LATIN_CHARACTERS
