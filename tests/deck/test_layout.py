"""The deck's layout rules, measured on the file: action titles, no repeated titles, text in placeholders,
content that uses the space under the title (issue 15)."""

from __future__ import annotations

import io
import itertools

import pytest
from msgspec.structs import replace
from pptx import Presentation
from pptx.util import Emu

from briefing.build.jobs import render_deck
from briefing.deck.geometry import FOOTER, TITLE
from briefing.outline import read_outline
from briefing.outline.model import Outline
from tests.conftest import DEFAULT_OUTLINE, FIXTURES

# Shapes that are not the slide's content: its title and label, footer and number, the band of a section.
_FRAME = ("Title", "Label", "Footer", "Slide Number", "Band")
_BODY_TEXT = ("Points", "Sources", "Quote", "Closing")


def without_takeaways(outline: Outline) -> Outline:
    """The outline as one written before takeaways existed: headings and chart titles only."""
    sections = [replace(section, takeaway=None,
                        subsections=[replace(sub, takeaway=None) for sub in section.subsections])
                for section in outline.sections]
    charts = [replace(chart, takeaway=None) for chart in outline.charts]
    return replace(outline, sections=sections, charts=charts, key_figures_takeaway=None)


def deck_of(outline: Outline):
    return Presentation(io.BytesIO(render_deck(outline, None, None).content))


@pytest.fixture(scope="module")
def outlines() -> dict[str, Outline]:
    default = read_outline(DEFAULT_OUTLINE)
    return {"default": default, "headings": without_takeaways(default),
            "english": read_outline(FIXTURES / "english.yaml")}


@pytest.fixture(scope="module")
def decks(outlines):
    return {name: deck_of(outline) for name, outline in outlines.items()}


def titles(deck) -> list[str]:
    return [slide.shapes.title.text for slide in deck.slides]


def content_slides(deck):
    """Slides other than the cover and the closing one."""
    slides = list(deck.slides)
    return slides[1:-1]


@pytest.mark.parametrize("name", ["default", "headings", "english"])
def test_no_two_slides_in_a_row_share_a_title(decks, name) -> None:
    names = titles(decks[name])
    assert all(a != b for a, b in itertools.pairwise(names)), names


@pytest.mark.parametrize("name", ["default", "headings", "english"])
def test_titles_and_body_text_sit_in_placeholders(decks, name) -> None:
    checked = 0
    for index, slide in enumerate(decks[name].slides, 1):
        for shape in slide.shapes:
            if shape.name == "Title" or shape.name in _BODY_TEXT:
                assert shape.is_placeholder, (index, shape.name)
                checked += 1
        points = [s for s in slide.shapes if s.name == "Points"]
        assert all(s.placeholder_format.type is not None for s in points)
    assert checked >= len(decks[name].slides), checked  # a title on every slide, at least


@pytest.mark.parametrize("name", ["default", "headings", "english"])
def test_every_content_slide_uses_at_least_half_the_space_under_its_title(decks, name) -> None:
    deck = decks[name]
    width, top, bottom = Emu(deck.slide_width).pt, TITLE.bottom_pt, FOOTER.top_pt
    for index, slide in enumerate(content_slides(deck), 2):
        boxes = [(Emu(s.left).pt, Emu(s.top).pt, Emu(s.left + s.width).pt, Emu(s.top + s.height).pt)
                 for s in slide.shapes if not s.name.startswith(_FRAME)]
        assert boxes, index
        left, upper = min(b[0] for b in boxes), max(min(b[1] for b in boxes), top)
        right, lower = max(b[2] for b in boxes), min(max(b[3] for b in boxes), bottom)
        share = (right - left) * (lower - upper) / (width * (bottom - top))
        assert share >= 0.5, (index, slide.shapes.title.text, round(share, 2))


def test_titles_state_the_takeaway_with_the_heading_as_a_label(outlines, decks) -> None:
    outline, deck = outlines["default"], decks["default"]
    takeaways = {p.takeaway for p in outline.parts()} | {c.takeaway for c in outline.charts}
    takeaways.add(outline.key_figures_takeaway)
    # The agenda, summary and sources name topics; a long quote's slide is titled by who says what.
    slides = [s for s in content_slides(deck) if s.shapes.title.text not in ("议程", "核心要点", "资料来源")
              and not any(sh.name == "Quote" for sh in s.shapes)]
    stated = [s for s in slides if s.shapes.title.text.split("（续")[0] in takeaways]
    assert len(stated) >= 0.9 * len(slides), titles(deck)
    first = next(s for s in slides if s.shapes.title.text == outline.sections[0].takeaway)
    label = next(s for s in first.shapes if s.name == "Label")
    assert label.text_frame.text == "一、" + outline.sections[0].title
    assert label.top + label.height <= first.shapes.title.top + first.shapes.title.height


def test_without_a_takeaway_the_heading_stays_the_title(decks) -> None:
    assert "一、事件突发：TikTok 关停震动全球" in titles(decks["headings"])


def test_key_figures_fill_an_even_grid_and_say_what_when_and_where(decks) -> None:
    slide = next(s for s in decks["headings"].slides if s.shapes.title.text == "关键数据")
    tiles = [s for s in slide.shapes if s.name.startswith("Figure Tile")]
    assert len(tiles) == 6 and len({t.width for t in tiles}) == 1 and len({t.top for t in tiles}) == 2
    notes = [s.text_frame.text for s in slide.shapes if s.name.startswith("Source Note")]
    assert notes[0] == "TikTok 在美国的用户数量 · 截至2025年1月 · [1]"


def test_a_part_shows_the_statistics_it_relies_on_beside_its_points(decks) -> None:
    slide = next(s for s in decks["headings"].slides if s.shapes.title.text == "一、事件突发：TikTok 关停震动全球")
    points = next(s for s in slide.shapes if s.name == "Points")
    value = next(s for s in slide.shapes if s.name == "Figure Value 1")
    assert value.text_frame.text == "1.7亿" and value.left > points.left + points.width


def test_a_chart_note_is_shown_under_its_chart(decks) -> None:
    slide = next(s for s in decks["default"].slides if any(sh.has_chart for sh in s.shapes))
    note = next(s for s in slide.shapes if s.name == "Chart Note")
    assert note.text_frame.text == "各项数据时点不同，仅作量级对比；印尼用户包含在亚太用户之内"
