"""The workbook behind a native chart: what PowerPoint's "Edit Data" opens.

python-pptx writes it with xlsxwriter's ``write()``, which turns text that
looks like a formula (``=cmd|...``, ``{=1+1}``) or a link (``external:...``,
``https://...``) into live content that Excel evaluates. Labels and titles
come from the outline, so here every text cell is written as text and every
number as a number, at the cells python-pptx's chart XML refers to (the
categories from A2 down, each series' name in row 1 and its values below).
"""

from __future__ import annotations

import io
from typing import Any

from pptx.chart.data import CategoryChartData
from xlsxwriter import Workbook

# Nothing written into a cell is interpreted, whatever it looks like.
_TEXT_STAYS_TEXT = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}
_CATEGORY_COLUMN_WIDTH = 10  # characters, as python-pptx sets it


class TextSafeChartData(CategoryChartData):
    """Chart data whose workbook holds the outline's text as text only (one level of categories)."""

    @property
    def xlsx_blob(self) -> bytes:
        return category_workbook(self)


def category_workbook(data: CategoryChartData) -> bytes:
    """The .xlsx of a category chart's data, every label and series name a plain string cell."""
    if data.categories.depth != 1:
        raise ValueError("only charts with one level of categories are written")
    output = io.BytesIO()
    workbook = Workbook(output, _TEXT_STAYS_TEXT)
    sheet = workbook.add_worksheet()
    sheet.set_column(0, 0, _CATEGORY_COLUMN_WIDTH)
    for row, category in enumerate(data.categories, start=1):
        _write_text(sheet, row, 0, category.label)
    for column, series in enumerate(data, start=1):
        values_format = workbook.add_format({"num_format": series.number_format})
        _write_text(sheet, 0, column, series.name)
        for row, value in enumerate(series.values, start=1):
            if value is not None:
                sheet.write_number(row, column, value, values_format)
    workbook.close()
    return output.getvalue()


def _write_text(sheet: Any, row: int, column: int, text: object) -> None:
    sheet.write_string(row, column, "" if text is None else str(text))
