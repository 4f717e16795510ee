"""Each locale writes figures and dates one way in everything a build writes (outline/locale.py).

The outputs are read whole, at the XML level: every paragraph of every part
(document body, tables, headers, footers, slides, speaker notes, native
charts' data labels and categories) and every alt text, so a figure printed
anywhere is checked, not just where a test thought to look.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from pptx import Presentation

from briefing.build.pipeline import BuildReport, build
from tests.conftest import FIXTURES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
# Money as the English text writes it: $300 million, $2.5bn, and any other way ($300M, US$ 300m, USD 300).
MONEY = re.compile(r"(?:US|USD\s?)?\$\s?[\d.,]+(?:\s?(?:million|billion|m|bn|M|B|k))?\b|\bUSD\s?[\d.,]+")


def texts(path: Path) -> list[tuple[str, str]]:
    """(part, text) for every paragraph, chart value and alt text in an Office file."""
    found = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            for paragraph in root.iter(f"{{{W}}}p", f"{{{A}}}p"):
                found.append((name, "".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t", f"{{{A}}}t"))))
            found.extend((name, value.text or "") for value in root.iter(f"{{{C}}}v"))
            found.extend((name, element.get("descr")) for element in root.iter() if element.get("descr"))
    return [(name, text) for name, text in found if text]


def figure_tile_values(path: Path) -> list[str]:
    deck = Presentation(str(path))
    return [shape.text_frame.text for slide in deck.slides for shape in slide.shapes
            if shape.name.startswith("Figure Value")]


def as_of_column(path: Path, heading: str) -> list[str]:
    """The cells under the figures table's as-of heading."""
    [table] = [t for t in docx.Document(str(path)).tables if heading in (c.text for c in t.rows[0].cells)]
    column = [c.text for c in table.rows[0].cells].index(heading)
    return [row.cells[column].text for row in table.rows[1:]]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("english")
    build(FIXTURES / "english.yaml", out)
    return out / "tiktok-brief.docx", out / "tiktok-brief.pptx"


def test_english_money_is_written_one_way_in_every_output(english: tuple[Path, Path]) -> None:
    document, deck = english
    tiles = figure_tile_values(deck)
    everywhere = [text for path in english for _, text in texts(path)]
    assert not [text for text in everywhere if "US$" in text or "USD" in text]
    # Running text, tables, notes and alt text spell it out; the deck's figure tiles alone write it short.
    assert {m.group() for text in everywhere for m in MONEY.finditer(text)} == {"$300 million", "$300m"}
    assert [text for text in everywhere if "$300m" in text] == [t for t in tiles if "$300m" in t] != []
    in_document = [text for _, text in texts(document) if "$300 million" in text]
    assert len(in_document) >= 4  # the takeaway typed, the prose and point by reference, the table, the figure
    assert "nearly $300 million" in figures_row(document, "Creators' lost income")


def figures_row(path: Path, label: str) -> list[str]:
    """The figures table's row for one statistic."""
    table = next(t for t in docx.Document(str(path)).tables if "As of" in (c.text for c in t.rows[0].cells))
    return next([c.text for c in row.cells] for row in table.rows if row.cells[0].text == label)


def test_english_dates_and_magnitudes_are_written_one_way(english: tuple[Path, Path]) -> None:
    everywhere = [text for path in english for _, text in texts(path)]
    words = " ".join(everywhere)
    assert "18 January 2025" in words and "3 February 2025" in words
    assert not re.search(r"January \d{1,2}, \d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b|\b2025-\d\d", words)
    assert "170 million" in words and "about 2 million" in words
    # Compact magnitudes only on the figure tiles.
    tiles = figure_tile_values(english[1])
    assert {"170m", "about 2m"} <= set(tiles)
    assert not [text for text in everywhere if re.search(r"\d(m|bn)\b", text) and text not in tiles]


@pytest.mark.parametrize(("outline", "heading", "bare", "said"),
                         [("english", "As of", "January 2025", "as of"), ("default", "截至", "2025年1月", "截至")],
                         ids=["en", "zh-CN"])
def test_the_as_of_column_does_not_repeat_its_heading(
        request: pytest.FixtureRequest, default_build: tuple[BuildReport, Path],
        outline: str, heading: str, bare: str, said: str) -> None:
    document, deck = (request.getfixturevalue("english") if outline == "english"
                      else (default_build[1] / "briefing.docx", default_build[1] / "briefing.pptx"))
    cells = as_of_column(document, heading)
    assert bare in cells
    assert not [cell for cell in cells if said in cell.lower()]
    # Beside a key figure, where no heading says it, the phrase stays.
    beside = f"{said}{bare}" if said == "截至" else f"{said} {bare}"
    assert any(beside in text for _, text in texts(deck))
