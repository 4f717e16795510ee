"""The slide plan: which content goes on which slide, and that it fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace

from briefing.charts.data import Milestone
from briefing.deck import geometry as g
from briefing.deck.geometry import BODY_PT, SLIDE_WIDTH_PT, Box
from briefing.deck.plan import Layout, SlideKind, plan_deck, points_height
from briefing.deck.timeline import gap_label_width, paginate_timeline, per_slide
from briefing.outline import read_outline
from briefing.outline.model import Implication, Locale, Outline, from_data
from briefing.text.fonts import wrap
from tests.conftest import DEFAULT_OUTLINE, FIXTURES


def with_points(outline: Outline, points: list[str]) -> Outline:
    first = replace(outline.sections[0], points=points)
    return replace(outline, sections=[first, *outline.sections[1:]])


def test_default_deck_has_every_kind_of_slide_and_no_fit_problems() -> None:
    plan = plan_deck(read_outline(DEFAULT_OUTLINE))
    kinds = [slide.kind for slide in plan.slides]
    assert kinds[:4] == [SlideKind.TITLE, SlideKind.AGENDA, SlideKind.POINTS, SlideKind.KEY_FIGURES]
    # A divider only where a section has sub-sections to introduce, and it carries the section's points.
    assert kinds.count(SlideKind.SECTION) == 4
    assert all(s.bullets and s.parts for s in plan.slides if s.kind is SlideKind.SECTION)
    # The chart of users sits beside its part's points; two-figure charts are figures on their part's slide.
    assert kinds.count(SlideKind.CHART) == 0 and kinds.count(SlideKind.TIMELINE) == 1
    assert [s.chart_id for s in plan.slides if s.layout is Layout.CHART] == ["users-by-region"]
    # Three long quotes have slides of their own; the four-character one is a call-out.
    assert kinds.count(SlideKind.QUOTE) == 3
    assert [q.text for s in plan.slides for q in s.callouts] == ["极有可能"]
    assert kinds[-2:] == [SlideKind.SOURCES, SlideKind.CLOSING]
    assert plan.problems == []
    assert all(slide.notes for slide in plan.slides)


def test_an_agenda_needs_two_sections_and_lists_the_close_after_them(minimal_outline: Path) -> None:
    """One section is no agenda, only the next slide's heading; the implications close the deck's content."""
    one = read_outline(minimal_outline)
    assert SlideKind.AGENDA not in [slide.kind for slide in plan_deck(one).slides]
    two = replace(one, sections=[*one.sections, replace(one.sections[0], id="second", title="第二部分")],
                  implications=[from_data(Implication, {"text": "一条启示。"})], implications_takeaway="启示的要点")
    plan = plan_deck(two)
    [agenda] = [slide for slide in plan.slides if slide.kind is SlideKind.AGENDA]
    assert agenda.bullets == ("一、第一部分", "二、第二部分", "对我们意味着什么")
    closing = plan.slides[-3]
    assert (closing.label, closing.title, closing.bullets) == ("对我们意味着什么", "启示的要点", ("一条启示。",))
    assert [slide.kind for slide in plan.slides[-2:]] == [SlideKind.SOURCES, SlideKind.CLOSING]


def test_every_points_slide_fits_its_box() -> None:
    plan = plan_deck(read_outline(DEFAULT_OUTLINE))
    for slide in plan.slides:
        box = slide.points_box
        assert points_height(slide.bullets, slide.body_size, box.width_pt) <= box.height_pt, slide.title


def test_too_many_points_continue_on_a_marked_slide(minimal_outline: Path) -> None:
    outline = with_points(read_outline(minimal_outline), [f"第{n}个要点，内容适中，用来测试续页。" for n in range(30)])
    plan = plan_deck(outline)
    titles = [s.title for s in plan.slides if s.kind in (SlideKind.POINTS, SlideKind.SECTION)
              and s.title.startswith("一、第一部分")]
    assert all(s.notes for s in plan.slides if s.title in titles)  # notes repeat on continued slides
    assert len(titles) >= 3
    assert titles[0] == "一、第一部分"
    assert titles[1:] == [f"一、第一部分（续 {n}/{len(titles)}）" for n in range(2, len(titles) + 1)]
    carried = [b for s in plan.slides if s.title in titles for b in s.bullets]
    assert len(carried) == 30  # nothing lost, nothing repeated
    assert plan.problems == []


def test_a_point_too_long_for_any_slide_is_reported(minimal_outline: Path) -> None:
    outline = with_points(read_outline(minimal_outline), ["很长的要点" * 400])
    plan = plan_deck(outline)
    assert len(plan.problems) == 1
    slide_number = plan.problems[0].slide
    assert plan.slides[slide_number - 1].title == "一、第一部分"
    assert "too long for any slide" in str(plan.problems[0])


def test_wrapping_breaks_chinese_anywhere_but_keeps_latin_words_whole() -> None:
    lines = wrap("TikTok 停止在美国的服务 Instagram Reels YouTube Shorts 加大推广", 200, BODY_PT)
    assert len(lines) > 1
    for word in ("TikTok", "Instagram", "Reels", "YouTube", "Shorts"):
        assert any(word in line for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines)


def events(count: int, days_apart: int = 1) -> list[Milestone]:
    from datetime import date, timedelta

    start = date(2024, 1, 1)
    return [
        Milestone(start + timedelta(days=n * days_apart), None, f"2024年第{n + 1}天",
                  f"第{n + 1}个事件的标题稍长一些", None)
        for n in range(count)
    ]


def boxes_overlap(a: Box, b: Box) -> bool:
    return min(a.right_pt, b.right_pt) > max(a.left_pt, b.left_pt) and \
        min(a.bottom_pt, b.bottom_pt) > max(a.top_pt, b.top_pt)


@pytest.mark.parametrize("count", [1, 2, 5, 8, 9, 20])
def test_timeline_labels_never_overlap_and_stay_on_the_slide(count: int) -> None:
    layouts = paginate_timeline(events(count), Locale.ZH_CN)
    assert sum(len(layout.labels) for layout in layouts) == count
    for layout in layouts:
        assert len(layout.labels) <= per_slide(count)
        labels = [label.box for label in layout.labels]
        for i, a in enumerate(labels):
            assert a.left_pt >= 0 and a.right_pt <= SLIDE_WIDTH_PT
            assert all(not boxes_overlap(a, b) for b in labels[i + 1:])
        assert layout.overflow == ()


def test_a_long_quiet_stretch_is_marked_on_the_axis() -> None:
    items = events(3, days_apart=1)
    later = Milestone(items[-1].start.replace(year=2025), None, "2025年", "很久以后", None)
    [layout] = paginate_timeline([*items, later], Locale.ZH_CN)
    assert [gap.text for gap in layout.gaps] == ["约12个月后"]
    assert layout.labels[2].x < layout.gaps[0].x < layout.labels[3].x


def test_breaks_side_by_side_never_run_into_each_other_or_cover_a_dot() -> None:
    """Was: four shortened stretches in a row, each labelled '2 months later' across its neighbours'."""
    from datetime import date

    days = [date(2021, 10, 27), date(2021, 11, 3), date(2021, 12, 20), date(2022, 2, 17), date(2022, 9, 29),
            date(2025, 1, 6), date(2025, 1, 8)]
    items = [Milestone(day, None, day.isoformat(), "An event of the case", None) for day in days]
    [layout] = paginate_timeline(items, Locale.EN)
    assert len(layout.gaps) >= 3
    spans = [(gap.x - gap_label_width(gap) / 2, gap.x + gap_label_width(gap) / 2) for gap in layout.gaps]
    assert all(left_end <= right_start for (_, left_end), (right_start, _) in zip(spans, spans[1:], strict=False))
    dots = [label.x for label in layout.labels]
    assert not [x for x in dots for start, end in spans if start < x < end]
    assert "//" in [gap.text for gap in layout.gaps] and any("later" in gap.text for gap in layout.gaps)


def with_bars(outline: Outline, count: int) -> Outline:
    statistic = outline.statistics[0]
    statistics = [replace(statistic, id=f"s{n}", label=f"第{n}项统计", value=float(n + 1)) for n in range(count)]
    chart = next(c for c in outline.charts if c.kind.value == "bar")
    charts = [replace(c, statistics=[s.id for s in statistics]) if c is chart else c for c in outline.charts]
    return replace(outline, statistics=statistics, charts=charts)


def test_a_bar_chart_with_more_bars_than_a_slide_holds_continues_on_marked_slides(minimal_outline: Path) -> None:
    """Was: every bar on one slide; 60 categories in a 346-point chart, their 18-point labels on top of
    each other, and no warning."""
    plan = plan_deck(with_bars(read_outline(minimal_outline), 20))
    slides = [s for s in plan.slides if s.kind is SlideKind.CHART]
    assert [len(group.bars) for s in slides for group in s.bars] == [8, 8, 4]
    assert [s.title for s in slides] == ["用户规模", "用户规模（续 2/3）", "用户规模（续 3/3）"]
    # Largest first (the chart's default order), continuing from slide to slide.
    assert [bar.label for s in slides for group in s.bars for bar in group.bars] == [
        f"第{n}项统计" for n in reversed(range(20))]
    assert plan.problems == []


def test_a_bar_chart_that_fits_keeps_its_units_side_by_side_on_one_slide(minimal_outline: Path) -> None:
    outline = with_bars(read_outline(minimal_outline), 8)
    [slide] = [s for s in plan_deck(outline).slides if s.kind is SlideKind.CHART]
    assert len(slide.bars) == 1 and len(slide.bars[0].bars) == 8


def test_a_timeline_label_too_long_for_its_box_is_cut_to_it_and_reported_briefly() -> None:
    long = [Milestone(item.start, None, item.when, "很长的标题" * 20_000, None) for item in events(3)]
    [layout] = paginate_timeline(long, Locale.ZH_CN)
    line = 18 * 1.2
    for label in layout.labels:
        assert (len(label.when) + len(label.title)) * line <= label.box.height_pt
        assert label.title[-1].endswith("…")
    assert len(layout.overflow) == 3
    outline = read_outline(DEFAULT_OUTLINE)
    events_ = [replace(e, title="很长的标题" * 20_000) for e in outline.timeline]
    problems = [str(p) for p in plan_deck(replace(outline, timeline=events_)).problems]
    assert problems and all(len(p) < 200 for p in problems)


def test_a_chart_note_naming_very_long_labels_is_shortened_and_leaves_its_figures_room(minimal_outline) -> None:
    """Was (found by the property tests): the note under two figures, naming a label thousands of
    characters long, took more than the body's height, and the figures' tiles were drawn upside down."""
    outline = read_outline(minimal_outline)
    whole = replace(outline.statistics[0], id="whole", label="整体")
    part = replace(outline.statistics[0], id="part", label="很长的标签" * 400, part_of="whole")
    chart = replace(outline.charts[1], statistics=["whole", "part"], placement=None)
    plan = plan_deck(replace(outline, statistics=[whole, part], charts=[outline.charts[0], chart]))
    [slide] = [s for s in plan.slides if s.chart_note]
    assert slide.chart_note.endswith("…") and slide.figures_box.height_pt > g.BODY.height_pt / 2
    assert any("note is too long" in str(problem) for problem in plan.problems)


def test_english_key_figures_are_compact_on_the_tiles_and_spelled_out_in_the_notes() -> None:
    """The tiles are the one place millions are written short; the notes are said aloud, as running text."""
    plan = plan_deck(read_outline(FIXTURES / "english.yaml"))
    [slide] = [s for s in plan.slides if s.kind is SlideKind.KEY_FIGURES]
    assert [f.value for f in slide.figures] == ["170m", "about 2m", "nearly $300m"]
    assert slide.notes.splitlines() == [
        "US users: 170 million. TikTok users in the US.",
        "US creators: about 2 million. Creators who relied on TikTok for income.",
        "Creators' lost income: nearly $300 million. Estimated income creators lose."]


@pytest.mark.parametrize(("outline_file", "published"), [(DEFAULT_OUTLINE, "（发布于2025年2月2日）"),
                                                         (FIXTURES / "english.yaml", " (published 2 February 2025)")],
                         ids=["zh-CN", "en"])
def test_the_sources_slide_dates_a_source_as_the_text_writes_dates(outline_file: Path, published: str) -> None:
    plan = plan_deck(read_outline(outline_file))
    [slide] = [s for s in plan.slides if s.kind is SlideKind.SOURCES]
    assert slide.bullets[0].splitlines()[0].endswith(published)


def test_a_bare_section_heading_over_one_sub_section_gets_no_slide_of_its_own() -> None:
    """Was: the creators deck gave 二、应对之策 a divider introducing its one chosen sub-section, titled
    '…诉讼已告败', a takeaway about the sub-sections this reader does not get."""
    from briefing.outline.audience import select

    outline = read_outline(DEFAULT_OUTLINE)
    creators = select(outline, outline.audience("creators"))
    response = next(section for section in creators.sections if section.id == "response")
    assert len(response.subsections) == 1 and not response.points
    slides = plan_deck(creators).slides
    assert not [slide for slide in slides if slide.kind is SlideKind.SECTION and len(slide.parts) < 2]
    assert not [slide for slide in slides if "诉讼已告败" in slide.title]
    # The sub-section's slide says which section it belongs to.
    [expansion] = [slide for slide in slides if slide.label.endswith("业务拓展与转移重心")]
    assert expansion.label == "二、应对之策：TikTok 的绝地反击 · （一）业务拓展与转移重心" and expansion.bullets


def test_every_slide_says_what_of_the_outline_it_shows() -> None:
    """The preview links each slide back to the outline's lines by these origins."""
    outline = read_outline(DEFAULT_OUTLINE)
    slides = plan_deck(outline).slides
    assert all(slide.origins for slide in slides)
    parts = {part.id for part in outline.parts()}
    shown = {origin.id for slide in slides for origin in slide.origins if origin.kind == "part"}
    assert shown == parts  # every part has a slide that names it
    [quote_slide, *_] = [slide for slide in slides if slide.kind is SlideKind.QUOTE]
    [origin] = quote_slide.origins
    assert origin.kind == "quote"
    part = next(part for part in outline.parts() if part.id == origin.id)
    assert part.quotes[origin.index] == quote_slide.quote
    timeline = next(slide for slide in slides if slide.kind is SlideKind.TIMELINE)
    assert [(o.kind, o.id) for o in timeline.origins] == [("chart", timeline.chart_id)]
    beside = next(slide for slide in slides if slide.layout is Layout.FIGURES)  # the first part's, with its figure
    assert [(o.kind, o.id) for o in beside.origins] == [("part", "outbreak"), ("statistic", "us-users")]
