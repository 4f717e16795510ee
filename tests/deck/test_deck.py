"""The deck, reopened with python-pptx: 16:9, native charts, fonts, notes, text that fits."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from briefing.deck.geometry import LINE_SPACING
from briefing.outline import read_outline
from briefing.text.fonts import wrap
from tests.conftest import DEFAULT_OUTLINE


@pytest.fixture(scope="module")
def deck(default_build):
    _, out = default_build
    return Presentation(str(out / "briefing.pptx"))


def test_sixteen_by_nine(deck) -> None:
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_title_slide_and_section_slides(deck) -> None:
    """Each section's slide is titled by its takeaway, under its numbered heading as a label."""
    outline = read_outline(DEFAULT_OUTLINE)
    slides = [slide for slide in deck.slides if slide.shapes.title is not None]
    assert slides[0].shapes.title.text == outline.meta.title
    labelled = {slide.shapes.title.text: next((s.text_frame.text for s in slide.shapes if s.name == "Label"), None)
                for slide in slides}
    for number, section in zip("一二三四五", outline.sections, strict=True):
        assert labelled[section.takeaway] == f"{number}、{section.title}"


def test_statistics_charts_are_native_and_show_locale_values(deck) -> None:
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) >= 1
    labels = set()
    for chart in charts:
        series = chart.plots[0].series[0]
        assert all(value > 0 for value in series.values)  # the real numbers, editable
        labels |= {point.data_label.text_frame.text for point in series.points}
    assert {"1.7亿", "近1.6亿", "超过6.8亿"} <= labels  # one precision on a chart
    # A chart of two statistics is shown as two figures, not two bars.
    figures = {s.text_frame.text for slide in deck.slides for s in slide.shapes if s.name.startswith("Figure Value")}
    assert {"超过20倍", "超过30倍", "约200万", "近3亿美元"} <= figures


def slides_titled(deck, prefix: str) -> list:
    """Slides whose title, or the label above it (the heading, where the title is a takeaway), starts so."""
    def names(slide) -> list[str]:
        return [shape.text_frame.text for shape in slide.shapes if shape.name == "Label"] + [slide.shapes.title.text]
    return [s for s in deck.slides if s.shapes.title is not None and any(n.startswith(prefix) for n in names(s))]


def test_timeline_is_drawn_with_shapes_showing_every_date(deck) -> None:
    [slide] = slides_titled(deck, "事件时间线")
    assert not any(shape.shape_type == 13 for shape in slide.shapes)  # no picture
    texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    for date in ("2024年4月24日", "2024年5月7日", "2025年1月8日—14日", "2025年1月17日", "2025年1月18日",
                 "2025年1月19日"):
        assert date in texts
    markers = [shape for shape in slide.shapes if shape.name.startswith("Marker")]
    assert len(markers) == 7


def test_timeline_labels_do_not_overlap(deck) -> None:
    [slide] = slides_titled(deck, "事件时间线")
    boxes = [(s.left, s.top, s.left + s.width, s.top + s.height) for s in slide.shapes
             if s.name.startswith(("Event", "Gap"))]
    assert len(boxes) >= 7, boxes  # the text beside each of the seven markers, and any gap's mark
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
            assert not overlap, (a, b)


def test_every_slide_has_a_title_and_no_empty_placeholder(deck) -> None:
    for index, slide in enumerate(deck.slides, 1):
        assert slide.shapes.title is not None and slide.shapes.title.text.strip(), f"slide {index}"
        for placeholder in slide.placeholders:
            assert not placeholder.has_text_frame or placeholder.text_frame.text.strip(), f"slide {index}"


def test_pictures_and_charts_have_alt_text(deck) -> None:
    shown = [shape for slide in deck.slides for shape in slide.shapes
             if shape.shape_type == 13 or getattr(shape, "has_chart", False)]
    assert shown  # the native bar chart, at least
    for shape in shown:
        assert shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr"), shape.name


def test_no_body_text_below_18_points(deck) -> None:
    # Marginal notes and the label above a title, not body text.
    small_ok = ("Footer", "Slide Number", "Source", "Gap", "Chart Note", "Label")
    for index, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame or shape.name.startswith(small_ok):
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    note = shape.top > slide.shapes.title.top and "·" in run.text and "[" in run.text
                    if not note:  # the small 'as of · [n]' line under a key figure
                        assert run.font.size.pt >= 18, (index, shape.name, run.text)


def test_content_slides_have_a_footer_and_slide_number(deck) -> None:
    for index, slide in enumerate(deck.slides, 1):
        names = {shape.name for shape in slide.shapes}
        layout = slide.slide_layout.name
        if layout in ("Title Slide", "Section Header"):
            continue
        assert {"Footer", "Slide Number"} <= names, index
        number = next(s for s in slide.shapes if s.name == "Slide Number")
        assert number._element.xpath(".//a:fld[@type='slidenum']")
        assert number.text_frame.text == str(index)


def test_key_figures_slide_shows_the_large_numbers(deck) -> None:
    [slide] = slides_titled(deck, "关键数据")
    figures = [s.text_frame.text for s in slide.shapes if s.name.startswith("Figure Value")]
    assert figures[:3] == ["1.7亿", "约200万", "近3亿美元"]


def test_long_quotes_get_their_own_slides_and_short_ones_are_call_outs(deck) -> None:
    quotes = [s for s in deck.slides if any(shape.name == "Quote" for shape in s.shapes)]
    assert len(quotes) == 3
    callouts = [sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.name.startswith("Callout Quote")]
    assert len(callouts) == 1 and callouts[0].startswith("“极有可能”")
    texts = [next(sh for sh in s.shapes if sh.name == "Quote").text_frame.text for s in quotes]
    assert any(t.startswith("TikTok 就像我的好朋友") for t in texts)


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


def test_every_slide_has_speaker_notes(deck) -> None:
    for index, slide in enumerate(deck.slides, 1):
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
                if not paragraph.runs:
                    continue
                size = paragraph.runs[0].font.size.pt
                indent = int(paragraph._p.pPr.get("marL", 0)) / 12700 if paragraph._p.pPr is not None else 0
                text = paragraph.text.replace("\v", "\n")  # python-pptx shows a line break as \v
                lines = wrap(text, width_pt - indent, size, bold=bool(paragraph.runs[0].font.bold))
                used += len(lines) * size * LINE_SPACING
            assert used <= height_pt + 1, f"slide {index}: {shape.text_frame.text[:40]!r} needs {used:.0f} pt"
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width and shape.top + shape.height <= deck.slide_height


def test_markup_characters_in_the_outline_reach_the_slides_as_text(minimal_outline, tmp_path) -> None:
    """Slides are written as XML text: & < > and quotes must be escaped, not break the file."""
    from briefing.build.pipeline import build

    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text.replace("title: 第一部分", "title: 'A & B <C> \"D\"'"), encoding="utf-8")
    build(minimal_outline, tmp_path / "out")
    deck = Presentation(str(tmp_path / "out" / "mini.pptx"))
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title is not None]
    assert any(title.endswith('A & B <C> "D"') for title in titles), titles


def test_a_chart_of_many_bars_is_shown_a_slide_of_eight_bars_at_a_time(minimal_outline) -> None:
    import yaml

    from briefing.build.pipeline import build

    outline = yaml.safe_load(minimal_outline.read_text(encoding="utf-8"))
    outline["statistics"] = [{**outline["statistics"][0], "id": f"s{n}", "label": f"第{n}项", "value": n + 1}
                             for n in range(20)]
    outline["sections"][0]["facts"] = []
    outline["charts"][1]["statistics"] = [f"s{n}" for n in range(20)]
    minimal_outline.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    build(minimal_outline, minimal_outline.parent / "build")
    deck = Presentation(str(minimal_outline.parent / "build" / "mini.pptx"))
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert [len(chart.plots[0].categories) for chart in charts] == [8, 8, 4]
