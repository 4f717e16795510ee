"""The workbooks behind the deck's charts hold the outline's text as text: no formula, no link."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import yaml
from lxml import etree
from pptx import Presentation

from briefing.build.pipeline import build

_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Text a spreadsheet would evaluate if it were written with xlsxwriter's write().
HOSTILE_LABELS = ["=cmd|' /C calc'!A0", "{=1+1}", r"external:\\host\share\x.xlsx", "https://example.org/x",
                  "+SUM(1,2)", "123"]
HOSTILE_TITLE = '=HYPERLINK("https://example.org","click")'


def _hostile_outline(folder: Path, minimal_outline: Path) -> Path:
    outline = yaml.safe_load(minimal_outline.read_text(encoding="utf-8"))
    outline["statistics"] = [
        {"id": f"s{number}", "label": label, "value": 1000 * (number + 1), "unit": "count",
         "measures": "测试。", "source": "src"}
        for number, label in enumerate(HOSTILE_LABELS)
    ]
    outline["sections"][0]["facts"] = []
    outline["charts"][1].update(title=HOSTILE_TITLE, statistics=[s["id"] for s in outline["statistics"]])
    target = folder / "hostile.yaml"
    target.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    return target


def _cells(xlsx: bytes) -> tuple[list[str], list[etree._Element], set[str]]:
    """The workbook's shared strings, its cells, and the names of its parts."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as package:
        names = set(package.namelist())
        sheet = etree.fromstring(package.read("xl/worksheets/sheet1.xml"))
        strings = etree.fromstring(package.read("xl/sharedStrings.xml"))
    texts = ["".join(item.itertext()) for item in strings.iter(f"{_SHEET}si")]
    return texts, list(sheet.iter(f"{_SHEET}c")), names


def test_labels_and_titles_stay_text_in_the_chart_workbook(tmp_path: Path, minimal_outline: Path) -> None:
    build(_hostile_outline(tmp_path, minimal_outline), tmp_path / "out")
    deck = Presentation(str(tmp_path / "out" / "mini.pptx"))
    [chart] = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    texts, cells, names = _cells(chart.part.chart_workbook.xlsx_part.blob)
    assert not [cell for cell in cells if cell.find(f"{_SHEET}f") is not None], "a cell holds a formula"
    assert not any("externalLink" in name or "hyperlink" in name.lower() for name in names)
    assert set(HOSTILE_LABELS) | {HOSTILE_TITLE} <= set(texts)
    # Every label and the title are string cells; the values are numbers.
    kinds = {cell.get("r"): cell.get("t") for cell in cells}
    assert kinds["B1"] == "s"
    assert all(kinds[f"A{row}"] == "s" for row in range(2, len(HOSTILE_LABELS) + 2))
    assert all(kinds[f"B{row}"] is None for row in range(2, len(HOSTILE_LABELS) + 2))
    # The chart still shows the real values, as the workbook holds them.
    assert sorted(chart.plots[0].series[0].values) == [1000.0 * (n + 1) for n in range(len(HOSTILE_LABELS))]
