"""A table's column widths from what its cells hold: values whole, the rest where it makes the table shortest."""

from __future__ import annotations

import pytest

from briefing.build.pipeline import load
from briefing.charts import chart_sizes
from briefing.document import columns
from briefing.document.columns import column_widths
from briefing.document.geometry import A4_AREA, CELL_SIDES_PT, EMU_PER_PT, SPECS, Style
from briefing.document.measure import line_count, lines_of
from briefing.document.plan import Table, plan_document
from tests.conftest import DEFAULT_OUTLINE, FIXTURES

TEXT = SPECS[Style.TABLE_TEXT]


def tables(path) -> list[Table]:
    outline = load(path)
    plan = plan_document(outline, chart_sizes(outline))
    found = [block for block in plan.body if isinstance(block, Table)]
    assert len(found) == 2
    return found


def cell_lines(table: Table) -> list[list[int]]:
    """Each cell's lines, as the page model measures them at its column's width."""
    widths = [width / EMU_PER_PT - CELL_SIDES_PT for width in table.column_widths]
    return [[line_count(cell, width, TEXT) for cell, width in zip(row, widths, strict=True)]
            for row in (table.header, *table.rows)]


def test_english_cells_take_two_lines_at_most_and_values_one() -> None:
    """Was: narrow fixed columns wrapped 'nearly US$300 million' and 'as of January 2025' over three lines."""
    timeline, figures = tables(FIXTURES / "english.yaml")
    for table, values in ((timeline, (0, 2)), (figures, (1, 2, 4))):
        lines = cell_lines(table)
        assert max(count for row in lines for count in row) <= 2, lines
        assert all(row[c] == 1 for row in lines for c in values), lines
        assert sum(table.column_widths) <= A4_AREA.width
        assert sum(table.column_widths) >= A4_AREA.width - len(table.header) * EMU_PER_PT


def test_chinese_values_never_wrap_and_characters_are_left_alone_no_more_than_with_fixed_shares() -> None:
    """Was: '截至2025年1月' in a column of 14% of the width, its 月 alone on a second line."""
    timeline, figures = tables(DEFAULT_OUTLINE)
    for table, values, shares in ((timeline, (0, 2), (0.24, 0.65, 0.11)),
                                  (figures, (1, 2, 4), (0.16, 0.14, 0.14, 0.45, 0.11))):
        assert all(row[c] == 1 for row in cell_lines(table) for c in values)
        assert max(map(max, cell_lines(table))) <= 3
        fixed = tuple(int(A4_AREA.width * share) for share in shares)
        assert alone(table, table.column_widths) <= min(1, alone(table, fixed))


def alone(table: Table, widths: tuple[int, ...]) -> int:
    """The cells whose last line holds one character alone, as the page model sets them."""
    room = [width / EMU_PER_PT - CELL_SIDES_PT for width in widths]
    cells = [lines_of(cell, width, TEXT) for row in table.rows for cell, width in zip(row, room, strict=True)]
    return sum(len(lines) > 1 and len(lines[-1].rstrip("，。）")) == 1 for lines in cells)


def test_a_table_whose_cells_all_fit_on_one_line_shares_the_width_as_its_text() -> None:
    widths = column_widths(("Date", "Event"), [("1 May", "A short event")], A4_AREA.width, values=(0,))
    assert widths[1] > 2 * widths[0] and sum(widths) <= A4_AREA.width


def test_each_column_gets_at_least_its_widest_word() -> None:
    word = "Incomprehensibilities"
    widths = column_widths(("A", "B"), [(word + " a", "text " * 200)], A4_AREA.width // 2)
    assert line_count(word, widths[0] / EMU_PER_PT - CELL_SIDES_PT, TEXT) == 1


@pytest.mark.parametrize("rows", [columns.SEARCHED_ROWS, 2000])
def test_a_long_table_costs_work_in_proportion_to_its_rows(rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Width is traded between columns in tables of a few dozen rows at most; past them, the rest of the
    width is shared in proportion (count the cells wrapped, not the time)."""
    measured = []

    def counting(text: str, *measure) -> list[str]:
        measured.append(text)
        return lines_of(text, *measure)

    monkeypatch.setattr(columns, "lines_of", counting)
    columns._shape.cache_clear()
    columns._fewer_lines.cache_clear()
    body = [(f"第{n}项指标", f"{n}亿", "这一项指标的说明，长到要折成几行才放得下。" * (n % 4 + 1)) for n in range(rows)]
    widths = column_widths(("指标", "数值", "说明"), body, A4_AREA.width, values=(1,))
    assert sum(widths) <= A4_AREA.width
    assert len(measured) <= 150 * rows  # a few dozen widths tried for each cell, at most
    assert bool(measured) == (rows <= columns.SEARCHED_ROWS)  # searched, or shared without wrapping a line


def test_width_moves_between_columns_until_no_character_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shares in proportion to the text leave characters alone on a cell's last line ('美国创作' / '者');
    moving width between the columns leaves none, for a line more at most."""
    notes = "这一项数据的说明文字，写明它的来源和口径。"
    header, rows = ("指标", "说明"), [("创作者收入损失", notes * 5), ("美国用户", notes * 6 + "乙" * 3)]

    def shape(widths: tuple[int, ...]) -> tuple[int, int]:
        """(the table's lines, the cells whose last line holds one character alone)"""
        cells = [[lines_of(cell, width / EMU_PER_PT - CELL_SIDES_PT, TEXT) for cell, width in
                  zip(row, widths, strict=True)] for row in (header, *rows)]
        alone = sum(len(lines) > 1 and len(lines[-1].rstrip("，。）")) == 1 for row in cells for lines in row)
        return sum(max(len(lines) for lines in row) for row in cells), alone

    traded = column_widths(header, rows, A4_AREA.width // 2)
    monkeypatch.setattr(columns, "SEARCHED_ROWS", 0)
    proportional = column_widths(header, rows, A4_AREA.width // 2)
    assert shape(proportional)[1] > 0
    assert shape(traded)[1] == 0 and shape(traded)[0] <= shape(proportional)[0] + 1
