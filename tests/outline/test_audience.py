"""Selecting what each audience gets happens on the model; no files are written here."""

from __future__ import annotations

import pytest

from briefing.build.pipeline import load
from briefing.outline.audience import select
from briefing.outline.locale import numbered_titles
from briefing.outline.model import Audience, Depth, Outline, from_data
from tests.conftest import DEFAULT_OUTLINE


@pytest.fixture(scope="module")
def outline() -> Outline:
    return load(DEFAULT_OUTLINE)


def profile(**fields) -> Audience:
    return from_data(Audience, {"name": "test", "display_name": "测试"} | fields)


def ids(outline: Outline) -> list[str]:
    return [part.id for part in outline.parts()]


def test_no_selection_keeps_everything(outline: Outline) -> None:
    chosen = select(outline, profile())
    assert ids(chosen) == ids(outline)
    assert [c.id for c in chosen.charts] == [c.id for c in outline.charts]
    assert chosen.meta.audience == "面向：测试"


def test_a_section_comes_whole_and_a_subsection_brings_only_its_heading(outline: Outline) -> None:
    chosen = select(outline, profile(sections=["outbreak", "outlook-global"]))
    assert ids(chosen) == ["outbreak", "outlook", "outlook-global"]
    outlook = chosen.sections[1]
    assert outlook.points == [] and outlook.prose == []  # only the chosen sub-section's content
    # Numbers stay those of the full outline: 五、 and （二）.
    titles = numbered_titles(chosen)
    assert titles["outlook"].startswith("五、") and titles["outlook-global"].startswith("（二）")


def test_tags_add_parts(outline: Outline) -> None:
    tagged = {part.id for part in outline.parts() if "creators" in part.tags}
    chosen = select(outline, profile(sections=[], tags=["creators"]))
    assert tagged and tagged <= set(ids(chosen))


def test_charts_follow_their_parts_unless_named(outline: Outline) -> None:
    chosen = select(outline, profile(sections=["impact"]))
    assert {c.id for c in chosen.charts} == {"download-growth", "creators"}
    named = select(outline, profile(sections=["outlook-trump"], charts=["timeline"]))
    [timeline] = named.charts
    assert timeline.placement is None  # its section is out, so it moves to the front


def test_statistics_and_events_are_those_relied_on(outline: Outline) -> None:
    chosen = select(outline, profile(sections=["impact-creators"]))
    assert {s.id for s in chosen.statistics} == {"us-creators", "creator-income-loss"}
    assert chosen.key_figures == ["us-creators", "creator-income-loss"]
    relied = {fact for part in chosen.parts() for fact in part.facts}
    assert {e.id for e in chosen.timeline} == relied & {e.id for e in outline.timeline}


def test_brief_depth_moves_prose_to_the_notes(outline: Outline) -> None:
    chosen = select(outline, profile(sections=["outbreak"], depth=Depth.BRIEF))
    section = chosen.sections[0]
    assert section.prose == [] and section.notes == outline.sections[0].prose
    assert section.points == outline.sections[0].points


def test_profile_overrides_title_locale_budget_and_contents(outline: Outline) -> None:
    chosen = select(outline, profile(title="新标题", locale="en", slide_budget=12, table_of_contents=False))
    assert chosen.meta.title == "新标题"
    assert chosen.meta.locale.value == "en" and chosen.meta.audience == "For: 测试"
    assert chosen.meta.slide_budget == 12 and chosen.meta.table_of_contents is False


def test_shipped_profiles(outline: Outline) -> None:
    assert [a.name for a in outline.audiences] == ["executive", "policy", "creators", "full"]
