"""Selecting what each audience gets happens on the model; no files are written here."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

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
    # The version numbers its own parts: 一、 二、 and （一）, not the full outline's 五、 and （二）.
    titles = numbered_titles(chosen)
    assert titles["outbreak"].startswith("一、")
    assert titles["outlook"].startswith("二、") and titles["outlook-global"].startswith("（一）")


def test_tags_add_parts(outline: Outline) -> None:
    tagged = {part.id for part in outline.parts() if "creators" in part.tags}
    chosen = select(outline, profile(sections=[], tags=["creators"]))
    assert tagged and tagged <= set(ids(chosen))


def test_a_tagged_subsection_comes_under_its_section_s_heading_alone(outline: Outline) -> None:
    chosen = select(outline, profile(tags=["europe"]))  # no section carries it; two sub-sections do
    assert ids(chosen) == ["response", "response-expansion", "outlook", "outlook-global"]
    assert all(section.points == [] and section.prose == [] and section.facts == [] for section in chosen.sections)


def test_a_tagged_section_brings_its_own_content_and_only_its_matching_subsections(outline: Outline) -> None:
    chosen = select(outline, profile(tags=["law"]))
    assert ids(chosen) == ["outbreak", "response", "response-legal"]  # not response-talks nor -expansion
    response = chosen.sections[1]
    assert response.points == outline.sections[3].points and response.prose == outline.sections[3].prose


def test_a_subsection_without_tags_has_its_section_s(outline: Outline) -> None:
    response = outline.sections[3]
    untagged = replace(response, subsections=[replace(sub, tags=[]) for sub in response.subsections])
    sections = [*outline.sections[:3], untagged, *outline.sections[4:]]
    chosen = select(replace(outline, sections=sections), profile(tags=["law"]))
    assert ids(chosen) == ["outbreak", "response", "response-legal", "response-talks", "response-expansion"]


def test_a_section_with_nothing_to_show_is_left_out(outline: Outline) -> None:
    bare = replace(outline.sections[3], points=[], prose=[], quotes=[])
    sections = [*outline.sections[:3], bare, *outline.sections[4:]]
    chosen = select(replace(outline, sections=sections), profile(tags=["market"], sections=["outbreak"]))
    assert "response" in ids(chosen)  # its expansion sub-section is tagged market
    chosen = select(replace(outline, sections=sections), profile(tags=["law"], sections=["impact-users"]))
    assert ids(chosen) == ["outbreak", "impact", "impact-users", "response", "response-legal"]
    only_heading = select(replace(outline, sections=[*sections[:3], replace(bare, subsections=[])]),
                          profile(tags=["law"]))
    assert ids(only_heading) == ["outbreak"]  # 应对之策 matches its tag but has nothing under its heading


def test_numbers_set_in_the_outline_hold_in_the_full_briefing_only(outline: Outline) -> None:
    sections = [replace(section, number=index + 3) for index, section in enumerate(outline.sections)]
    numbered_outline = replace(outline, sections=sections)
    assert numbered_titles(select(numbered_outline, profile()))["outbreak"].startswith("三、")
    chosen = select(numbered_outline, profile(sections=["roots", "outlook"]))
    titles = numbered_titles(chosen)
    assert titles["roots"].startswith("一、") and titles["outlook"].startswith("二、")


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


def test_an_audience_s_own_summary_takeaways_and_key_figures_replace_the_outline_s(outline: Outline) -> None:
    own = select(outline, profile(summary=["自己的要点。"], summary_takeaway="自己的标题",
                                  key_figures=["extension-days"], key_figures_takeaway="延缓期"))
    assert own.summary == ["自己的要点。"] and own.summary_takeaway == "自己的标题"
    assert own.key_figures == ["extension-days"] and own.key_figures_takeaway == "延缓期"
    # The outline's takeaway states the point of its own list only.
    untitled = select(outline, profile(summary=["自己的要点。"], key_figures=["extension-days"]))
    assert untitled.summary_takeaway is None and untitled.key_figures_takeaway is None
    same = select(outline, profile(key_figures=list(outline.key_figures or [])))
    assert same.summary == outline.summary and same.summary_takeaway == outline.summary_takeaway
    assert same.key_figures_takeaway == outline.key_figures_takeaway


def test_each_audience_gets_its_own_implications_else_the_general_ones(outline: Outline) -> None:
    general = [item.text for item in outline.implications if not item.audiences and not item.tags]
    assert general and [i.text for i in outline.general_implications] == general
    for name in ("executive", "creators"):
        chosen = select(outline, outline.audience(name))
        assert [i.text for i in chosen.general_implications] == [
            i.text for i in outline.implications if name in i.audiences]
        assert chosen.implications_takeaway == outline.audience(name).implications_takeaway
    # The policy team selects by the tag law: the item tagged law comes with the items naming it.
    policy = select(outline, outline.audience("policy"))
    assert [i.text for i in policy.general_implications] == [
        i.text for i in outline.implications if "policy" in i.audiences or "law" in i.tags]
    assert [i.text for i in select(outline, outline.audience("full")).general_implications] == general
    assert select(outline, profile(tags=["law"])).implications_takeaway is None  # not the outline's: not its list
    assert select(outline, profile()).implications_takeaway == outline.implications_takeaway


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
