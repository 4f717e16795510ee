"""A table's column widths, from what its cells hold, measured as the page model measures text.

Each column gets at least its widest word, and a column of values (dates, figures, sources) its widest
value whole: a value never wraps. The rest of the width is shared in proportion to what each column
would need to keep its cells on one line, then moved between the columns whose text wraps while that
makes the table cost less: its height in lines and, costing more than two lines each, characters left
alone on a cell's last line ('截至2025年1' / '月', '美国创作' / '者'). Width is moved between each two
such columns in steps of half a character, then to where one of a column's cells takes a line less or
a character alone gets company. A table whose every cell fits on one line gets the width shared out as
its text is. (A table of more than a few dozen rows keeps the shares in proportion: moving width would
cost too much there.) What must stay on one line (a value, a word) is given room for Latin text as wide
as any client may set it; lines are counted as the page model counts them (measure.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache

from briefing.document.geometry import CELL_SIDES_PT, EMU_PER_PT, SPECS, ParagraphSpec, Style
from briefing.document.measure import lines_of, one_line, widest_word, width_of

SEARCHED_ROWS = 60  # the most rows of a table whose widths are traded between its columns
RUNT_COST = 3.0  # a character alone on a cell's last line is worse than two lines more
BREAK_COST = 0.05  # a cell broken over a line more, where the row is no taller for it
_STEP = 0.5  # points: the widths searched
# Points more than a cell needs: widths are written in twentieths of a point, so none is a hair too narrow.
_MARGIN = 0.25
_TRADES = 8  # the most times width is moved from one column to another
_SCAN = 4.5  # points: the steps width is moved in between two columns (half a character of table text)
_CLOSING = "，。、；：？！）》」』】”’,.;:?!)%]} "  # not counted on a last line

Cell = tuple[str, ParagraphSpec]
Shape = tuple[int, bool]  # a cell's lines at a width, and whether its last line holds one character alone


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: int,
                  values: Collection[int] = ()) -> tuple[int, ...]:
    """The widths (EMU) of a table as wide as `width` (EMU), the header row in bold; `values` are the
    columns of values, each kept on one line."""
    text, bold = SPECS[Style.TABLE_TEXT], replace(SPECS[Style.TABLE_TEXT], bold=True)
    table = [[(cell, bold) for cell in header], *([(cell, text) for cell in row] for row in rows)]
    room = width / EMU_PER_PT - CELL_SIDES_PT * len(header)  # for text, less each cell's margins
    columns = list(zip(*table, strict=True))
    whole = [max(one_line(cell, spec) for cell, spec in column) + _MARGIN for column in columns]
    least = [whole[c] if c in values else max(widest_word(cell, spec) for cell, spec in column) + _MARGIN
             for c, column in enumerate(columns)]
    if sum(whole) == _MARGIN * len(whole):  # no text at all
        shares = [room / len(whole)] * len(whole)
    elif sum(whole) <= room:
        shares = [size + (room - sum(whole)) * size / sum(whole) for size in whole]
    elif sum(least) >= room:
        shares = [size * room / sum(least) for size in least]
    else:
        wanted = [full - low for full, low in zip(whole, least, strict=True)]
        shares = _shared(least, wanted, room)
        if len(rows) <= SEARCHED_ROWS:
            # Width moved between each two columns whose text wraps, in steps, then traded at their cells'
            # line breaks, while the table gets cheaper.
            wrapping = [c not in values for c in range(len(columns))]
            shares = _traded(table, _scanned(table, shares, least, wrapping), least, wrapping)
    return tuple(int((share + CELL_SIDES_PT) * EMU_PER_PT) for share in shares)


def _shared(least: list[float], wanted: list[float], room: float) -> list[float]:
    """Each column its least width, and the rest of the room in proportion to what each wants more."""
    return [low + (room - sum(least)) * more / sum(wanted) for low, more in zip(least, wanted, strict=True)]


def _scanned(table: list[list[Cell]], widths: list[float], least: list[float], wrapping: list[bool]) -> list[float]:
    """The widths, with the width of each two columns whose text wraps split between them wherever, in
    steps of half a character, the table costs least; again while that makes it cheaper."""
    widths = list(widths)
    pairs = [(a, b) for a in range(len(widths)) for b in range(a + 1, len(widths)) if wrapping[a] and wrapping[b]]
    for _ in range(_TRADES):
        best = (_cost(_shapes(table, widths)), widths)
        for a, b in pairs:
            both = widths[a] + widths[b]
            steps = int((both - least[a] - least[b]) / _SCAN) + 1
            for step in range(steps):
                tried = list(widths)
                tried[a], tried[b] = least[a] + step * _SCAN, both - least[a] - step * _SCAN
                cost = _cost(_shapes(table, tried))
                if cost < best[0]:
                    best = (cost, tried)
        if best[1] is widths:
            break
        widths = best[1]
    return widths


def _traded(table: list[list[Cell]], widths: list[float], least: list[float], wrapping: list[bool]) -> list[float]:
    """The widths, with width moved from one column to another wherever that makes the table cost less:
    a column whose text wraps widened to where one of its cells takes a line less, another narrowed by
    as much; or a column whose text wraps narrowed just enough that a character alone on a cell's last
    line gets company, another widened by as much."""
    widths = list(widths)
    shapes = _shapes(table, widths)
    for _ in range(_TRADES):
        cost = _cost(shapes)
        moves = {(wider, narrower, by) for wider in range(len(widths)) if wrapping[wider]
                 for narrower in range(len(widths)) if wrapping[narrower] and narrower != wider
                 for by in _widenings(table, shapes, wider, widths[wider])
                 if by <= widths[narrower] - least[narrower]}
        moves |= {(wider, narrower, by) for narrower in range(len(widths)) if wrapping[narrower]
                  for by in _narrowings(table, shapes, narrower, widths[narrower])
                  if by <= widths[narrower] - least[narrower]
                  for wider in range(len(widths)) if wider != narrower}
        best: tuple[float, int, int, float] | None = None  # (cost, wider column, narrower column, by)
        for wider, narrower, by in sorted(moves):
            moved = list(widths)
            moved[wider] += by
            moved[narrower] -= by
            new = _cost(_shapes(table, moved))
            if new < cost and (best is None or new < best[0]):
                best = (new, wider, narrower, by)
        if best is None:
            break
        _, wider, narrower, by = best
        widths[wider] += by
        widths[narrower] -= by
        shapes = _shapes(table, widths)
    return widths


def _widenings(table: list[list[Cell]], shapes: list[list[Shape]], c: int, now: float) -> set[float]:
    """How much wider column c must be for each of its cells to take a line less."""
    return {_fewer_lines(cell, spec, shapes[r][c][0]) - now for r, (cell, spec) in enumerate(row[c] for row in table)
            if shapes[r][c][0] > 1}


def _narrowings(table: list[list[Cell]], shapes: list[list[Shape]], c: int, now: float) -> set[float]:
    """How much narrower column c must be for a character alone on one of its cells' last line to be
    joined by the one before it (half a point more than the room left on the line above)."""
    found = set()
    for r, (cell, spec) in enumerate(row[c] for row in table):
        if shapes[r][c][1]:
            above = lines_of(cell, now, spec)[-2]
            found.add(round(now - width_of(above, spec) + _STEP, 1))
    return {by for by in found if by > 0}


def _shapes(table: list[list[Cell]], widths: list[float]) -> list[list[Shape]]:
    return [[_shape(cell, spec, widths[c]) for c, (cell, spec) in enumerate(row)] for row in table]


def _cost(shapes: list[list[Shape]]) -> float:
    """The table's height in lines (each row as tall as its tallest cell), its characters left alone, and, to
    choose between tables as tall, how many times its cells break."""
    return sum(max(lines for lines, _ in row) + RUNT_COST * sum(alone for _, alone in row)
               + BREAK_COST * sum(lines - 1 for lines, _ in row) for row in shapes)


@lru_cache(maxsize=4096)
def _fewer_lines(cell: str, spec: ParagraphSpec, count: int) -> float:
    """The narrowest width, in steps of half a point, at which the cell takes fewer than `count` lines, and
    the margin."""
    low, high = 0, int(one_line(cell, spec) / _STEP) + 1  # in steps: it takes one line at `high`
    while high - low > 1:
        middle = (low + high) // 2
        if _shape(cell, spec, middle * _STEP)[0] < count:
            high = middle
        else:
            low = middle
    return high * _STEP + _MARGIN


@lru_cache(maxsize=16384)
def _shape(cell: str, spec: ParagraphSpec, width: float) -> Shape:
    """The cell's lines at this width, as the page model counts them, and whether its last line holds one
    character alone (remembered: the search asks for the same cells at the same widths again and again)."""
    lines = lines_of(cell, width, spec)
    return max(1, len(lines)), len(lines) > 1 and len(lines[-1].rstrip(_CLOSING)) <= 1
