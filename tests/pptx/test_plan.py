"""The slide plan: which content goes on which slide, and that it fits."""

from __future__ import annotations

from pathlib import Path

from briefing.fonts import wrap
from briefing.outline import read_outline
from briefing.outline.model import Outline
from briefing.pptx.geometry import BODY, BODY_PT
from briefing.pptx.plan import SlideKind, bullet_height_pt, plan_deck
from tests.conftest import DEFAULT_OUTLINE


def with_points(outline: Outline, points: list[str]) -> Outline:
    first = outline.sections[0].model_copy(update={"points": points})
    return outline.model_copy(update={"sections": [first, *outline.sections[1:]]})


def test_default_deck_has_every_kind_of_slide_and_no_fit_problems() -> None:
    plan = plan_deck(read_outline(DEFAULT_OUTLINE))
    kinds = [slide.kind for slide in plan.slides]
    assert kinds[0] is SlideKind.TITLE
    assert kinds.count(SlideKind.SECTION) == 5
    assert kinds.count(SlideKind.CHART) == 3 and kinds.count(SlideKind.TIMELINE) == 1
    assert kinds[-1] is SlideKind.SOURCES
    assert plan.problems == []


def test_every_points_slide_fits_its_box() -> None:
    plan = plan_deck(read_outline(DEFAULT_OUTLINE))
    for slide in plan.slides:
        assert sum(bullet_height_pt(b) for b in slide.bullets) <= BODY.height_pt, slide.title


def test_too_many_points_continue_on_a_marked_slide(minimal_outline: Path) -> None:
    outline = with_points(read_outline(minimal_outline), [f"第{n}个要点，内容适中，用来测试续页。" for n in range(30)])
    plan = plan_deck(outline)
    titles = [s.title for s in plan.slides if s.kind is SlideKind.POINTS and s.title.startswith("一、第一部分")]
    assert len(titles) >= 3
    assert titles[0] == "一、第一部分" and all(t == "一、第一部分（续）" for t in titles[1:])
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
