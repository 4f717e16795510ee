"""The deck, reopened with python-pptx: 16:9, native charts, fonts, notes, text that fits."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.fonts import wrap
from briefing.outline import read_outline
from briefing.pptx.geometry import LINE_SPACING
from tests.conftest import DEFAULT_OUTLINE


@pytest.fixture(scope="module")
def deck(default_build):
    _, out = default_build
    return Presentation(str(out / "briefing.pptx"))


def test_sixteen_by_nine(deck) -> None:
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_title_slide_and_section_slides(deck) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title is not None]
    assert titles[0] == outline.meta.title
    for number, section in zip("一二三四五", outline.sections):
        assert f"{number}、{section.title}" in titles


def test_statistics_charts_are_native_and_show_locale_values(deck) -> None:
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) >= 3
    labels = set()
    for chart in charts:
        series = chart.plots[0].series[0]
        assert all(value > 0 for value in series.values)  # the real numbers, editable
        labels |= {point.data_label.text_frame.text for point in series.points}
    assert {"1.7亿", "超过20倍", "约200万", "近3亿美元"} <= labels


def test_timeline_slide_has_the_timeline(deck) -> None:
    slide = next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text.startswith("事件时间线"))
    assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture


def test_every_run_has_east_asian_font_and_language(deck) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    rpr = run._r.find(qn("a:rPr"))
                    assert rpr.find(qn("a:ea")).get("typeface") == "Microsoft YaHei"
                    assert rpr.get("lang") == "zh-CN"


def test_every_content_slide_has_speaker_notes(deck) -> None:
    for index, slide in enumerate(deck.slides, 1):
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        if title in ("核心要点", "资料来源"):
            continue
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), f"slide {index}"


def test_text_fits_inside_every_box(deck) -> None:
    """Wrap each text box's runs at their size with the bundled font metrics and compare heights."""
    for index, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            width_pt, height_pt = Emu(shape.width).pt, Emu(shape.height).pt
            used = 0.0
            for paragraph in shape.text_frame.paragraphs:
                size = paragraph.runs[0].font.size.pt if paragraph.runs else 18
                indent = int(paragraph._p.pPr.get("marL", 0)) / 12700 if paragraph._p.pPr is not None else 0
                lines = wrap(paragraph.text, width_pt - indent, size, bold=bool(paragraph.runs[0].font.bold))
                assert all(line for line in lines) or paragraph.text == ""
                used += len(lines) * size * LINE_SPACING
            assert used <= height_pt + 1, f"slide {index}: {shape.text_frame.text[:40]!r} needs {used:.0f} pt"
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width and shape.top + shape.height <= deck.slide_height
