"""Chart images: drawn in the bundled Chinese font, at print resolution, cached by content."""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace
from PIL import Image

from briefing.charts import chart_sizes, plan_charts, render_charts
from briefing.charts.bars import bars_layout
from briefing.charts.data import Bar, BarGroup, Milestone
from briefing.charts.layout import MAX_HEIGHT_IN
from briefing.charts.timeline import timeline_layout
from briefing.outline import read_outline
from briefing.outline.limits import MAX_BARS_PER_CHART
from briefing.outline.model import Locale, Outline, Unit
from briefing.text.fonts import ELLIPSIS
from tests.conftest import DEFAULT_OUTLINE


def test_every_chart_renders_without_missing_glyphs(tmp_path: Path) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    with warnings.catch_warnings():
        # A missing Chinese glyph is only a warning in matplotlib; here it fails the test.
        warnings.simplefilter("error")
        images = render_charts(outline, tmp_path).paths
    assert set(images) == {chart.id for chart in outline.charts}
    for path in images.values():
        with Image.open(path) as image:
            dpi = image.info["dpi"][0]
            assert round(dpi) >= 200
            assert image.width / dpi >= 6  # drawn for the full text width of a page


def test_the_charts_use_the_bundled_font() -> None:
    from matplotlib import font_manager, ft2font

    from briefing.charts.style import bundled_font_entry, configure
    from briefing.text.fonts import sans_path

    configure(Locale.ZH_CN)
    assert Path(font_manager.findfont("Noto Sans SC", fallback_to_default=False)) == sans_path()
    # The font is registered as addfont() would list it, without opening it only for that.
    assert bundled_font_entry() == font_manager.ttfFontProperty(ft2font.FT2Font(str(sans_path())))


def test_unchanged_charts_are_reused_and_changed_ones_redrawn(tmp_path: Path) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    first = render_charts(outline, tmp_path).paths
    stamps = {key: path.stat().st_mtime_ns for key, path in first.items()}
    again = render_charts(outline, tmp_path).paths
    assert again == first
    assert {key: path.stat().st_mtime_ns for key, path in again.items()} == stamps

    statistics = [replace(s, value=s.value + 1) if s.id == "us-users" else s
                  for s in outline.statistics]
    changed: Outline = replace(outline, statistics=statistics)
    redrawn = render_charts(changed, tmp_path).paths
    assert redrawn["users-by-region"] != first["users-by-region"]
    assert redrawn["download-growth"] == first["download-growth"]


def test_dollar_signs_are_printed_not_parsed_as_math(tmp_path: Path) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    # As math, "$1^$" is a syntax error that stops the drawing.
    statistics = [replace(s, label="收入 $1^$ 美元") for s in outline.statistics]
    images = render_charts(replace(outline, statistics=statistics), tmp_path).paths
    assert all(path.exists() for path in images.values())


def test_charts_shared_out_among_processes_are_the_same_images(tmp_path: Path) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    from briefing.build.jobs import draw_charts

    alone = render_charts(outline, tmp_path / "alone").paths
    [images], drawings = plan_charts([outline], tmp_path / "shared")
    draw_charts(drawings, processes=2)  # as a build's chart worker does
    shared = images.paths
    assert shared.keys() == alone.keys()
    for chart_id, path in alone.items():
        assert shared[chart_id].read_bytes() == path.read_bytes(), chart_id


def test_the_sizes_known_before_drawing_are_the_drawn_sizes(tmp_path: Path) -> None:
    from briefing.charts.style import DPI

    outline = read_outline(DEFAULT_OUTLINE)
    sizes = chart_sizes(outline)  # what the document lays out with, while the charts are drawn
    drawn = render_charts(outline, tmp_path).paths
    assert drawn.keys() == sizes.keys() and drawn
    for chart_id, path in drawn.items():
        width_in, height_in = sizes[chart_id]
        with Image.open(path) as image:
            assert abs(image.width - width_in * DPI) <= 1 and abs(image.height - height_in * DPI) <= 1, chart_id


def _events(count: int, title: str, detail: str | None = None, same_day: bool = True) -> list[Milestone]:
    return [Milestone(date(2025, 1, 18) if same_day else date(2020, 1, 1) + timedelta(days=60 * i), None,
                      "2025年1月18日", f"事件{i} {title}", detail) for i in range(count)]


@pytest.mark.parametrize("events", [
    _events(1, "a" * 100_000, "b" * 100_000),  # was 160,000 px tall
    _events(30, "很长的标题文字" * 300),  # 30 same-day events with long titles: was 13 s and 880 MB
    _events(30, "word " * 1000, "detail " * 500, same_day=False),  # and a marked gap before each
], ids=["one long word", "30 same-day events", "30 events apart"])
def test_a_timeline_stays_within_its_height_whatever_its_text(events: list[Milestone]) -> None:
    layout = timeline_layout(events)
    _, height = layout.size_in
    # Within the page's height (the document draws a taller one smaller), or one line an event.
    assert height <= max(MAX_HEIGHT_IN, 0.15 + len(events) * 0.72)
    for row in layout.rows:
        assert 1 <= len(row.title) <= 3 and len(row.detail) <= 3 and row.title[-1].endswith(ELLIPSIS)


@pytest.mark.parametrize("labels", [["a" * 100_000], [f"统计项目{i}" * 20 for i in range(24)]],
                         ids=["long word", "24 long labels"])
def test_bars_stay_within_the_page_height_whatever_their_labels(labels: list[str]) -> None:
    groups = [BarGroup(Unit.COUNT, tuple(Bar(label, 1.0 + i, f"{i}") for i, label in enumerate(labels)))]
    layout = bars_layout(groups)
    assert layout.size_in[1] <= MAX_HEIGHT_IN
    assert all(1 <= text.count("\n") + 1 <= 3 for texts in layout.labels for text in texts)
    assert all(text.endswith(ELLIPSIS) for texts in layout.labels for text in texts)


def test_the_most_bars_an_outline_may_chart_in_every_unit_fit_the_page_height() -> None:
    units = list(Unit)
    bars = [Bar(f"项目{i}", 1.0, "1") for i in range(MAX_BARS_PER_CHART)]
    groups = [BarGroup(units[i % len(units)], tuple(bars[i::len(units)])) for i in range(len(units))]
    assert bars_layout(groups).size_in[1] <= MAX_HEIGHT_IN + 1e-9
