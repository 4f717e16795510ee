"""Timelines to scale, on the slides and in the document (issue 15, item 5): markers where their dates fall,
long empty stretches marked as breaks, labels inside the margins, apart, and broken only between words."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from briefing.charts.data import Milestone, milestones, time_scale
from briefing.charts.timeline import timeline_layout
from briefing.deck import geometry as g
from briefing.deck.timeline import layout_timeline, paginate_timeline
from briefing.outline import read_outline
from briefing.outline.locale import format_date_range
from briefing.outline.model import Locale
from briefing.text.words import word_tokens, wrap_words
from tests.conftest import DEFAULT_OUTLINE


def _default_events() -> list[Milestone]:
    outline = read_outline(DEFAULT_OUTLINE)
    chart = next(c for c in outline.charts if c.kind.value == "timeline")
    return milestones(chart, outline)


def _events(days: list[int], titles: list[str] | None = None) -> list[Milestone]:
    start = date(2024, 4, 24)
    titles = titles or [f"第{i}件事" for i in range(len(days))]
    return [Milestone(start + timedelta(d), None, format_date_range(start + timedelta(d), None, Locale.ZH_CN),
                      title, None) for d, title in zip(days, titles, strict=True)]


CASES = {
    "the briefing's events": _default_events(),
    "a long pause, then a cluster": _events([0, 13, 259, 268, 269, 269, 270]),
    "evenly apart": _events([0, 10, 20, 30, 40]),
    "one day": _events([0, 0, 0]),
    "two pauses": _events([0, 2, 100, 101, 300, 305]),
}


def _unbroken_pairs(positions: list[float], days: list[int], breaks: list[float]) -> list[tuple[float, int]]:
    """(distance, days) between consecutive events with no break between them."""
    pairs = []
    for (a, da), (b, db) in itertools.pairwise(zip(positions, days, strict=True)):
        if not any(a < middle < b for middle in breaks):
            pairs.append((b - a, db - da))
    return pairs


def _assert_to_scale(positions: list[float], starts: list[date], breaks: list[float]) -> None:
    assert positions == sorted(positions), "markers out of date order"
    days = [(d - starts[0]).days for d in starts]
    pairs = _unbroken_pairs(positions, days, breaks)
    rates = {round(distance / gap, 6) for distance, gap in pairs if gap}
    assert len(rates) <= 1, f"gaps not proportional to time: {pairs}"
    for distance, gap in pairs:  # a longer gap is never narrower than a shorter one, but across a break
        assert all(distance >= other - 1e-6 for other, other_gap in pairs if other_gap < gap)
        if gap == 0:
            assert distance == pytest.approx(0)


@pytest.mark.parametrize("items", CASES.values(), ids=CASES.keys())
def test_slide_markers_follow_the_dates_and_breaks_are_marked(items: list[Milestone]) -> None:
    layout = layout_timeline(items, None, Locale.ZH_CN)
    xs = [label.x for label in layout.labels]
    _assert_to_scale(xs, [m.start for m in items], [gap.x for gap in layout.gaps])
    for gap in layout.gaps:
        assert gap.text.endswith("后")
    pause = [m for m in items if m.title == "第2件事"]
    if len(items) == 7 and pause:  # eight months shortened, and marked
        assert len(layout.gaps) == 1 and xs[0] < layout.gaps[0].x < xs[2]


@pytest.mark.parametrize("items", CASES.values(), ids=CASES.keys())
def test_slide_labels_stay_inside_the_margins_and_apart(items: list[Milestone]) -> None:
    for layout in paginate_timeline(items, Locale.ZH_CN):
        boxes = [label.box for label in layout.labels]
        for box in boxes:
            assert box.left_pt >= g.MARGIN_PT - 1e-6 and box.right_pt <= g.SLIDE_WIDTH_PT - g.MARGIN_PT + 1e-6
        for a, b in itertools.combinations(boxes, 2):
            apart = (a.right_pt <= b.left_pt or b.right_pt <= a.left_pt
                     or a.bottom_pt <= b.top_pt or b.bottom_pt <= a.top_pt)
            assert apart, (a, b)
        for label in layout.labels:  # the stem meets its own label
            assert label.stem_x is not None and label.box.left_pt <= label.stem_x <= label.box.right_pt


def _breaks_between_words(text: str, lines: list[str]) -> bool:
    """Every line ends where a word ends (spaces at a break dropped)."""
    ends, position = set(), 0
    for unit in word_tokens(text):
        position += len(unit)
        ends.add(position)
    consumed = 0
    for line in lines[:-1]:
        consumed = text.index(line, consumed) + len(line)
        if consumed not in ends:
            return False
    return True


def test_labels_break_between_words_never_inside_a_word_or_quoted_term() -> None:
    for layout in paginate_timeline(_default_events(), Locale.ZH_CN):
        for label in layout.labels:
            title = "".join(label.title)
            assert _breaks_between_words(title, list(label.title)), label.title
            for line in label.title:
                assert line.count("“") == line.count("”"), label.title  # a quoted term on one line
    # Was: 拜登签署“不卖就禁|用”法案.
    lines = wrap_words("拜登签署“不卖就禁用”法案", 150, g.SMALL_PT)
    assert "“不卖就禁用”" in "".join(line for line in lines if "“" in line)
    assert wrap_words("出售期限届满，禁令生效", 120, g.SMALL_PT) == ["出售期限届满，", "禁令生效"]
    assert all("90天" in line or "90" not in line for line in wrap_words("特朗普称或给90天延缓期", 100, g.SMALL_PT))


@pytest.mark.parametrize("items", CASES.values(), ids=CASES.keys())
def test_the_document_timeline_is_to_scale_and_its_rows_apart(items: list[Milestone]) -> None:
    layout = timeline_layout(items)
    ys = [row.marker_y for row in layout.rows]
    _assert_to_scale(ys, [m.start for m in items], [(top + bottom) / 2 for top, bottom, _ in layout.breaks])
    for above, below in itertools.pairwise(layout.rows):
        assert below.top >= above.top  # in date order, and each below the last
    assert layout.size_in[1] >= layout.rows[-1].top


def test_a_long_pause_is_one_break_in_both_outputs() -> None:
    items = _default_events()
    scale = time_scale(items)
    assert [days for _, days in scale.breaks] == [246]  # 2024-05-07 to 2025-01-08
    assert len(timeline_layout(items).breaks) == 1
    assert len(layout_timeline(items, None, Locale.ZH_CN).gaps) == 1


def test_many_breaks_still_leave_room_for_the_stretches_drawn_to_scale() -> None:
    """Was: a division by zero when the breaks asked for the whole axis."""
    items = _events([0, 1, 2, 43, 244, 1245, 6246])  # pauses of 41, 201, 1001 and 5001 days
    for share in (0.12, 0.25, 0.5):
        scale = time_scale(items, share)
        assert [days for _, days in scale.breaks] == [41, 201, 1001, 5001]
        assert scale.starts[2] - scale.starts[0] > 0  # the two days drawn to scale keep some room
        assert scale.starts == tuple(sorted(scale.starts))
    _assert_to_scale([r.marker_y for r in timeline_layout(items).rows], [m.start for m in items],
                     [(a + b) / 2 for a, b, _ in timeline_layout(items).breaks])
    layout = layout_timeline(items, None, Locale.ZH_CN)
    _assert_to_scale([label.x for label in layout.labels], [m.start for m in items], [gap.x for gap in layout.gaps])
