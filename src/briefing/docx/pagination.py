"""Where each heading will fall: a small page-layout model of the document we write.

The table of contents is a Word field whose result is written into the file.
Word recomputes it on open, but LibreOffice, PDF converters and viewers show
what is written, so the page numbers written must be the ones they lay out.
Every text style has an exact line pitch (styles.py), so a paragraph's
height is its wrapped line count times that pitch plus its spacing; the
model follows the rules that move text between pages: page breaks, keep
with next, widow and orphan control, rows that do not split, and repeated
table headers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.fonts import text_width_exact, wrap_with

# Word and LibreOffice add about a quarter em between Chinese and Latin or digits.
_AUTOSPACE = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])")
_AUTOSPACE_EM = 0.25
_WIDOW_LINES = 2


@dataclass(frozen=True)
class TextStyle:
    """What the model needs of a paragraph style, in points."""

    size: float
    pitch: float  # exact line height
    before: float = 0
    after: float = 0
    indent: float = 0  # total horizontal indent (left + right + hanging)
    keep_with_next: bool = False
    bold: bool = False


def line_count(text: str, width: float, style: TextStyle) -> int:
    """Lines the text takes at the style's size, breaking Chinese anywhere."""
    advance, joint = _measures(style.size, style.bold)
    return max(1, len(wrap_with(text, width - style.indent, advance, joint)))


@lru_cache(maxsize=64)
def _measures(size: float, bold: bool) -> tuple[Callable[[str], float], Callable[[str, str], float]]:
    """A token's width and the space between two characters, at one size.

    Token widths and gaps are remembered: a document repeats its characters and words
    thousands of times, and measuring each once keeps the model a small part
    of writing a long document.
    """
    widths: dict[str, float] = {}
    joints: dict[str, float] = {}
    autospace = _AUTOSPACE_EM * size

    def advance(token: str) -> float:
        width = widths.get(token)
        if width is None:
            gaps = len(_AUTOSPACE.findall(token)) if len(token) > 1 else 0
            width = widths[token] = text_width_exact(token, size, bold) + gaps * autospace
        return width

    def joint(before: str, after: str) -> float:
        pair = before + after
        gap = joints.get(pair)
        if gap is None:
            gap = joints[pair] = autospace if _AUTOSPACE.search(pair) else 0.0
        return gap

    return advance, joint



@dataclass
class _Item:
    height: float
    lines: int = 1  # splittable lines (1: cannot split)
    pitch: float = 0
    before: float = 0
    after: float = 0
    keep_with_next: bool = False
    record: list[int] | None = None  # receives the page it starts on


@dataclass
class PageFlow:
    """Places items top to bottom on pages of a fixed body height."""

    body_height: float
    page: int = 1
    y: float = 0.0
    _pending: list[_Item] = field(default_factory=list)

    def paragraph(self, style: TextStyle, lines: int) -> list[int]:
        """Add a paragraph; the returned list receives its page once placed."""
        record: list[int] = []
        item = _Item(
            height=lines * style.pitch, lines=lines, pitch=style.pitch, before=style.before, after=style.after,
            keep_with_next=style.keep_with_next, record=record,
        )
        self._add(item)
        return record

    def block(self, height: float, keep_with_next: bool = False, before: float = 0, after: float = 0) -> None:
        """Something that never splits: a picture, a table row."""
        self._add(_Item(height=height, before=before, after=after, keep_with_next=keep_with_next))

    def table(self, header: float, rows: list[float], after: float = 0) -> None:
        """Rows that never split; the header row repeats at the top of each new page."""
        self.block(header, keep_with_next=bool(rows))
        for index, height in enumerate(rows):
            if index == 0:
                self.block(height)
                continue
            if self.y + height > self.body_height:
                self._new_page()
                self.y = header
            self.y += height
        self.y += after

    def page_break(self) -> None:
        self._flush()
        self.page += 1
        self.y = 0.0

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
        needed = sum(item.before + item.height + item.after for item in chain[:-1])
        last = chain[-1]
        first_lines = min(last.lines, _WIDOW_LINES) * last.pitch if last.lines > 1 else last.height
        needed += last.before + first_lines
        if len(chain) > 1 and self.y > 0 and self.y + needed > self.body_height:
            self._new_page()
        for item in chain:
            self._place(item)

    def _new_page(self) -> None:
        self.page += 1
        self.y = 0.0

    def _place(self, item: _Item) -> None:
        if self.y > 0:
            self.y += item.before
        room = self.body_height - self.y
        if item.height <= room or (self.y == 0 and item.lines == 1):
            self._start(item)
            self.y += item.height
        elif item.lines > 1:
            fits = int(room // item.pitch)
            if item.lines - fits < _WIDOW_LINES:  # widow control pulls a line over
                fits = item.lines - _WIDOW_LINES
            if fits < _WIDOW_LINES:  # orphan control: start on the next page
                self._new_page()
                fits = min(item.lines, int(self.body_height // item.pitch))
            self._start(item)
            self._spill(item, item.lines - fits)
        else:
            self._new_page()
            self._start(item)
            self.y += item.height
        self.y += item.after

    def _spill(self, item: _Item, lines_left: int) -> None:
        """Lines that did not fit continue at the top of the following pages."""
        self.y = self.body_height if lines_left else self.y + item.height
        while lines_left > 0:
            self._new_page()
            placed = min(lines_left, int(self.body_height // item.pitch))
            self.y = placed * item.pitch
            lines_left -= placed

    def _start(self, item: _Item) -> None:
        if item.record is not None:
            item.record.append(self.page)
