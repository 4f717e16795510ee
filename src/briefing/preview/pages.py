"""The document's pages as the page model lays them out (document/pagination.py), drawn as SVG: the
preview's fast view of the Word briefing, before LibreOffice has laid out the real file.

Every paragraph is where the model put it, page by page (its pieces), in
the lines the model counted (measure.py) and its style's size, line pitch,
indents and colour; a figure is a frame of its size with its title, as the
chart's picture is drawn later. The cover has no header or footer; the
other pages have the document's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape

from briefing.deck.plan import Origin
from briefing.deck.shapes import Role
from briefing.document.geometry import (
    CELL_MARGIN_TWIPS,
    CELL_SIDES_PT,
    EMU_PER_PT,
    HEADER_FOOTER_DISTANCE_TWIPS,
    HEADER_FOOTER_PT,
    LIST_INDENT_PT,
    MARGIN_TWIPS,
    PAGE_HEIGHT_TWIPS,
    PAGE_WIDTH_TWIPS,
    SPECS,
    Align,
    ParagraphSpec,
    Style,
    contents_style,
)
from briefing.document.measure import lines_of
from briefing.document.pagination import Pages, Piece, Placement
from briefing.document.plan import (
    Block,
    BulletList,
    CoverLogo,
    DocumentPlan,
    Figure,
    Heading,
    Paragraph,
    Quote,
    SourceEntry,
    Table,
)
from briefing.preview.slides import as_broken

PAGE_WIDTH_PT = PAGE_WIDTH_TWIPS / 20
PAGE_HEIGHT_PT = PAGE_HEIGHT_TWIPS / 20
_MARGIN_PT = MARGIN_TWIPS / 20
_BASELINE = 0.88  # where a line's baseline sits below the middle of its line box, as a share of the size
_FONT = "font-family=\"'Briefing Sans', sans-serif\""
_ROLES: dict[str, Role] = {"primary": "primary", "muted": "muted"}  # a style's colour; text otherwise


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, baseline: float, text: str, size: float, colour: str, bold: bool = False,
          italic: bool = False, anchor: str = "start") -> str:
    style = (' font-weight="700"' if bold else "") + (' font-style="italic"' if italic else "")
    return (f'<text x="{_number(x)}" y="{_number(baseline)}" font-size="{_number(size)}" fill="#{colour}"'
            f'{style} text-anchor="{anchor}" xml:space="preserve">{escape(text)}</text>')


@dataclass(frozen=True)
class _Lines:
    """A paragraph as the page model sets it: its lines in its style."""

    lines: list[str]
    spec: ParagraphSpec
    bullet: bool = False


@dataclass
class DrawnPage:
    """A page: its SVG once drawn, what a reader sees on it, and what of the outline it shows."""

    parts: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    svg: str = ""


class PageDrawing:
    """Draws a plan's pages with the outline's colours: text, primary, muted and a tint for frames."""

    def __init__(self, plan: DocumentPlan, pages: Pages, colours: Mapping[Role, str], logo_url: str | None,
                 origins: Sequence[tuple[Origin, ...]]):
        """origins: what of the outline each block of the body shows."""
        self.plan = plan
        self.origins = origins
        self.showing: tuple[Origin, ...] = (Origin("meta"),)  # what the blocks being drawn show
        self.pages = pages
        self.colours = colours
        self.logo_url = logo_url
        self.width = plan.area.width_pt
        # A company template's page may be larger or smaller: its text area is centred on an A4 page's margins.
        self.left = _MARGIN_PT
        self.top = _MARGIN_PT
        self.page_width = max(PAGE_WIDTH_PT, self.width + 2 * _MARGIN_PT)
        self.page_height = max(PAGE_HEIGHT_PT, plan.area.height_pt + 2 * _MARGIN_PT)
        self.drawn: dict[int, DrawnPage] = defaultdict(DrawnPage)

    def draw(self) -> list[DrawnPage]:
        """Each page, from the first to the last."""
        pages = self.pages
        for cover_block, placement in zip(self.plan.cover, pages.cover_placements, strict=True):
            if isinstance(cover_block, CoverLogo):
                self._logo(placement, cover_block.height_pt)
            elif isinstance(cover_block, Paragraph):
                self._paragraph(0, placement, self._set(cover_block.text, SPECS[cover_block.style]))
        self.showing = ()
        if self.plan.contents is not None:
            self._contents(pages.cover)
        before_body = pages.cover + pages.contents
        for block, placements, origins in zip(self.plan.body, pages.body_placements, self.origins, strict=True):
            self.showing = origins
            self._block(before_body, block, placements)
        for number in range(1, pages.total + 1):
            self.drawn[number].svg = self._svg(number)
        return [self.drawn[number] for number in range(1, pages.total + 1)]

    # -- pieces ---------------------------------------------------------------------------

    def _set(self, text: str, spec: ParagraphSpec, bullet: bool = False) -> _Lines:
        return _Lines(as_broken(text, lines_of(text, self.width, spec)) or [""], spec, bullet)

    def _paragraph(self, first_page: int, placement: Placement, text: _Lines) -> None:
        """A paragraph's lines, each page showing the lines of its piece there."""
        pitch = text.spec.pitch
        shown = 0
        for piece in placement.pieces:
            for page in range(piece.page, piece.page + piece.pages):
                count = max(1, round(piece.height / pitch)) if len(placement.pieces) > 1 else len(text.lines)
                lines = text.lines[shown:shown + count]
                self._lines(first_page + page, piece.top, lines, text, first=shown == 0)
                shown += count

    def _lines(self, page: int, top: float, lines: list[str], text: _Lines, first: bool) -> None:
        spec, drawn = text.spec, self.drawn[page]
        colour = self.colours[_ROLES.get(spec.colour, "text")]
        for index, line in enumerate(lines):
            baseline = self.top + top + index * spec.pitch + spec.pitch / 2 + spec.size * (_BASELINE - 0.5)
            opening = first and index == 0
            left = self.left + spec.left - (spec.hanging if opening else 0)
            if spec.align is Align.RIGHT:
                x, anchor = self.left + self.width - spec.right, "end"
            elif spec.align is Align.CENTER:
                x, anchor = self.left + (self.width + spec.left - spec.right) / 2, "middle"
            else:
                x, anchor = left, "start"
            if text.bullet and opening:
                drawn.parts.append(_text(self.left + LIST_INDENT_PT / 3, baseline, "•", spec.size, colour))
            drawn.parts.append(_text(x, baseline, line.replace("\t", "  "), spec.size, colour, spec.bold, spec.italic,
                                     anchor))
        drawn.texts.extend(lines)
        self._shows(drawn)

    def _shows(self, drawn: DrawnPage) -> None:
        drawn.origins.extend(origin for origin in self.showing if origin not in drawn.origins)

    def _logo(self, placement: Placement, height: float) -> None:
        piece = placement.pieces[0]
        if self.logo_url is not None:
            self.drawn[piece.page].parts.append(
                f'<image href="{escape(self.logo_url)}" x="{_number(self.left)}" y="{_number(self.top + piece.top)}" '
                f'height="{_number(height)}" preserveAspectRatio="xMinYMin meet" width="{_number(self.width)}"/>')

    def _frame(self, page: int, piece: Piece, label: str) -> None:
        """Where a chart's picture goes: a tinted frame of its size, its title in it."""
        top = self.top + piece.top
        drawn = self.drawn[page]
        drawn.parts.append(f'<rect x="{_number(self.left)}" y="{_number(top)}" width="{_number(self.width)}" '
                           f'height="{_number(piece.height)}" fill="#{self.colours["tint"]}" '
                           f'stroke="#{self.colours["muted"]}" stroke-width="0.5" stroke-dasharray="3 3"/>')
        drawn.parts.append(_text(self.left + self.width / 2, top + piece.height / 2, label, 11, self.colours["muted"],
                                 anchor="middle"))
        self._shows(drawn)

    # -- blocks ----------------------------------------------------------------------------

    def _block(self, before: int, block: Block, placements: tuple[Placement, ...]) -> None:
        if isinstance(block, (Heading, Paragraph)):
            self._paragraph(before, placements[0], self._set(block.text, SPECS[block.style]))
        elif isinstance(block, BulletList):
            for item, placement in zip(block.items, placements, strict=True):
                self._paragraph(before, placement, self._set(item, SPECS[Style.LIST_BULLET], bullet=True))
        elif isinstance(block, Quote):
            self._paragraph(before, placements[0], self._set(block.text, SPECS[Style.QUOTE]))
            self._paragraph(before, placements[1], self._set(block.attribution, SPECS[Style.ATTRIBUTION]))
        elif isinstance(block, Figure):
            picture, caption, *notes = placements
            piece = picture.pieces[0]
            self._frame(before + piece.page, replace(piece, height=block.height_pt), block.title)
            self._paragraph(before, caption, self._set(block.caption.shown, SPECS[Style.CAPTION]))
            for text, placement in zip([*([block.note] if block.note is not None else []), block.source], notes,
                                       strict=True):
                self._paragraph(before, placement, self._set(text, SPECS[Style.SOURCE_NOTE]))
        elif isinstance(block, Table):
            self._paragraph(before, placements[0], self._set(block.caption.shown, SPECS[Style.CAPTION]))
            self._table(before, block, placements[1:])
        elif isinstance(block, SourceEntry):
            self._paragraph(before, placements[0], self._set(block.text + (block.url or ""),
                                                             SPECS[Style.SOURCE_ENTRY]))

    def _table(self, before: int, table: Table, placements: tuple[Placement, ...]) -> None:
        """The header row (again at the top of each page the table continues on), then the rows."""
        widths = [column / EMU_PER_PT for column in table.column_widths]
        text_spec = SPECS[Style.TABLE_TEXT]
        header_spec = replace(text_spec, bold=True)
        header, *rows = placements
        header_piece = header.pieces[0]
        self._row(before + header_piece.page, header_piece, table.header, widths, header_spec, header=True)
        page = header_piece.page
        for cells, placement in zip(table.rows, rows, strict=True):
            piece = placement.pieces[0]
            if piece.page != page:  # the header repeats where the table goes on
                page = piece.page
                self._row(before + page, replace(header_piece, top=0.0), table.header, widths, header_spec, header=True)
            self._row(before + page, piece, cells, widths, text_spec)

    def _row(self, page: int, piece: Piece, cells: tuple[str, ...], widths: list[float], spec: ParagraphSpec,
             header: bool = False) -> None:
        drawn = self.drawn[page]
        top = self.top + piece.top
        fill = self.colours["primary"] if header else "FFFFFF"
        colour = "FFFFFF" if header else self.colours["text"]
        drawn.parts.append(f'<rect x="{_number(self.left)}" y="{_number(top)}" width="{_number(sum(widths))}" '
                           f'height="{_number(piece.height)}" fill="#{fill}" stroke="#{self.colours["muted"]}" '
                           'stroke-width="0.4"/>')
        x = self.left
        for cell, width in zip(cells, widths, strict=True):
            for index, line in enumerate(as_broken(cell, lines_of(cell, width - CELL_SIDES_PT, spec))):
                baseline = top + CELL_MARGIN_TWIPS / 20 + index * spec.pitch + spec.pitch / 2 + spec.size * 0.38
                drawn.parts.append(_text(x + CELL_SIDES_PT / 2, baseline, line, spec.size, colour, spec.bold))
            drawn.texts.append(cell)
            x += width
        self._shows(drawn)

    def _contents(self, before: int) -> None:
        """The contents: its title, then each heading with its page."""
        heading, *entries = self.pages.contents_placements
        assert self.plan.contents is not None
        self._paragraph(before, heading, self._set(self.plan.contents.title, SPECS[Style.TOC_HEADING]))
        for entry, placement, place in zip(self.plan.headings, entries, self.pages.headings, strict=True):
            spec = SPECS[contents_style(entry.level)]
            self._paragraph(before, placement, self._set(entry.text, replace(spec, right=spec.right + 30)))
            piece = placement.pieces[-1]
            baseline = self.top + piece.top + piece.height - spec.pitch / 2 + spec.size * (_BASELINE - 0.5)
            self.drawn[before + piece.page + piece.pages - 1].parts.append(
                _text(self.left + self.width, baseline, str(place.page), spec.size, self.colours["text"], spec.bold,
                      anchor="end"))

    # -- the page --------------------------------------------------------------------------

    def _svg(self, number: int) -> str:
        parts = self.drawn[number].parts
        if number > self.pages.cover:  # the cover is a section without header or footer
            muted = self.colours["muted"]
            distance = HEADER_FOOTER_DISTANCE_TWIPS / 20
            right = self.left + self.width
            numbers = self.plan.footer
            footer = f"{numbers.before}{number}{numbers.between}{self.pages.total}{numbers.after}"
            parts = [_text(right, distance + HEADER_FOOTER_PT, self.plan.header, HEADER_FOOTER_PT, muted,
                           anchor="end"),
                     _text(self.left + self.width / 2, self.page_height - distance, footer, HEADER_FOOTER_PT, muted,
                           anchor="middle"), *parts]
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(self.page_width)} '
                f'{_number(self.page_height)}" role="img" aria-label="page {number}" {_FONT}>'
                f'<rect width="100%" height="100%" fill="#FFFFFF"/>{"".join(parts)}</svg>')


def draw_pages(plan: DocumentPlan, pages: Pages, colours: Mapping[Role, str], logo_url: str | None,
               origins: Sequence[tuple[Origin, ...]]) -> list[DrawnPage]:
    """Each page of the document as the page model lays it out; origins: what each body block shows."""
    return PageDrawing(plan, pages, colours, logo_url, origins).draw()
