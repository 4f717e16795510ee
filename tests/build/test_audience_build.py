"""Every shipped profile builds, and its files differ as its definition says."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from briefing.build.pipeline import build
from tests.conftest import DEFAULT_OUTLINE, FIXTURES


@pytest.fixture(scope="module")
def all_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audiences")
    build(DEFAULT_OUTLINE, out, every_audience=True)
    return out


def headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def test_all_profiles_build_into_their_own_folders(all_built: Path) -> None:
    for name in ("executive", "policy", "creators", "full"):
        assert (all_built / name / "briefing.docx").exists() and (all_built / name / "briefing.pptx").exists()


def test_executive_brief_is_short_and_says_who_it_is_for(all_built: Path) -> None:
    deck = Presentation(str(all_built / "executive" / "briefing.pptx"))
    assert len(deck.slides) <= 10
    cover_text = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert "面向：管理层" in cover_text
    document = docx.Document(str(all_built / "executive" / "briefing.docx"))
    assert "面向：管理层" in [p.text for p in document.paragraphs[:8]]
    # Its one section is its own 一、, not the full briefing's 五、.
    assert [h for h in headings(all_built / "executive" / "briefing.docx") if "、" in h] == [
        "一、未来展望：阴霾中探寻曙光"]
    assert not any(p.style.name.startswith("TOC") for p in document.paragraphs)


def test_policy_and_creators_include_and_leave_out_what_they_say(all_built: Path) -> None:
    policy = headings(all_built / "policy" / "briefing.docx")
    creators = headings(all_built / "creators" / "briefing.docx")
    assert "二、追溯根源：政治博弈下的科技牺牲品" in policy and not any("广泛影响" in h for h in policy)
    assert "一、广泛影响：从用户到行业的巨大震荡" in creators and not any("追溯根源" in h for h in creators)


def test_full_profile_matches_the_plain_build(all_built: Path, default_build) -> None:
    _, plain = default_build
    assert headings(all_built / "full" / "briefing.docx") == headings(plain / "briefing.docx")


def test_unknown_audience_lists_the_known_and_suggests(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "briefing", "build", str(DEFAULT_OUTLINE), "-o", str(tmp_path),
                             "--audience", "exec"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "no audience named 'exec'; did you mean 'executive'?" in result.stderr
    assert "known: executive, policy, creators, full" in result.stderr
    assert not any(tmp_path.iterdir())


def test_audiences_command_lists_profiles_with_sizes(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "briefing", "audiences", str(DEFAULT_OUTLINE)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "executive: 高管摘要" in result.stdout
    assert "slides (budget 10)" in result.stdout and "pages" in result.stdout
    # Each version's sections as it numbers them, not as the full briefing does.
    executive = result.stdout.split("policy:")[0]
    assert "一、未来展望：阴霾中探寻曙光 (2 of 3 sub-sections)" in executive and "五、" not in executive
    assert "summary: its own; key figures: 6, its own; implications: 4, its own" in executive


def test_an_english_outline_gets_english_labels_numbers_and_dates(tmp_path: Path) -> None:
    build(FIXTURES / "english.yaml", tmp_path)
    document = docx.Document(str(tmp_path / "tiktok-brief.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    for needle in ("Contents", "Key takeaways", "Figure 1", "Table A1", "Sources", "170 million", "24 April 2024",
                   "Page ", "Prepared: 3 February 2025"):
        assert needle in text or needle in document.sections[-1].footer.paragraphs[0].text, needle
    assert "亿" not in text and "年" not in text
    from docx.oxml.ns import qn

    normal = document.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:ascii")) == "Arial"
    assert normal.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    deck = Presentation(str(tmp_path / "tiktok-brief.pptx"))
    titles = [s.shapes.title.text for s in deck.slides]
    labels = [shape.text_frame.text for s in deck.slides for shape in s.shapes if shape.name == "Label"]
    assert {"Agenda", "Sources", "Thank you"} <= set(titles)
    assert {"Key takeaways", "Key figures"} <= set(labels)  # above the takeaways that title their slides


# -- every version stands on its own ------------------------------------------------------------

AUDIENCES = ("executive", "policy", "creators", "full")
CHINESE_NUMBERS = "一二三四五六七八九十"


def body_headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of the document's headings, as a reader sees them."""
    return [(int(p.style.name[-1]), p.text) for p in docx.Document(str(path)).paragraphs
            if p.style.name in ("Heading 1", "Heading 2")]


def numbered(heads: list[tuple[int, str]]) -> list[list[str]]:
    """Each numbered section's number, then its sub-sections' numbers: [['一', '（一）', '（二）'], ['二']]."""
    sections: list[list[str]] = []
    for level, text in heads:
        if level == 1 and "、" in text[:3]:
            sections.append([text.split("、")[0]])
        elif level == 2:
            sections[-1].append(text[:text.index("）") + 1])
    return sections


def slide_texts(slide) -> dict[str, str]:
    """The slide's text by shape name: 'Title', 'Label', 'Points', 'Parts' ..."""
    return {shape.name: shape.text_frame.text for shape in slide.shapes if shape.has_text_frame}


def outline_and_selection(name: str | None):
    from briefing.build.pipeline import load
    from briefing.outline.audience import select

    outline = load(DEFAULT_OUTLINE)
    return outline, (outline if name is None else select(outline, outline.audience(name)))


@pytest.mark.parametrize("name", AUDIENCES)
def test_each_version_numbers_its_headings_from_one(all_built: Path, name: str) -> None:
    """一、二、三 and （一）（二） in the version's own order: in the headings, the contents and the deck."""
    folder = all_built / name
    sections = numbered(body_headings(folder / "briefing.docx"))
    assert sections, name
    for index, (number, *subsections) in enumerate(sections):
        assert number == CHINESE_NUMBERS[index], (name, sections)
        assert subsections == [f"（{CHINESE_NUMBERS[i]}）" for i in range(len(subsections))], (name, sections)
    contents = [p.text.split("\t")[0] for p in docx.Document(str(folder / "briefing.docx")).paragraphs
                if p.style.name in ("TOC 1", "TOC 2")]
    if contents:  # the executive brief has none
        assert contents == [text for _, text in body_headings(folder / "briefing.docx")]
    deck = Presentation(str(folder / "briefing.pptx"))
    labels = [slide_texts(slide).get("Label", "") for slide in deck.slides]
    section_labels = [label.split("、")[0] for label in labels if "、" in label[:3]]
    assert list(dict.fromkeys(section_labels)) == [n for n, *_ in sections], name


def test_the_agenda_lists_two_sections_or_more_and_is_left_out_for_one(all_built: Path) -> None:
    executive = Presentation(str(all_built / "executive" / "briefing.pptx"))
    assert "议程" not in [slide.shapes.title.text for slide in executive.slides]
    policy = Presentation(str(all_built / "policy" / "briefing.pptx"))
    [agenda] = [slide for slide in policy.slides if slide.shapes.title.text == "议程"]
    assert slide_texts(agenda)["Points"].split("\n") == [
        "一、事件突发：TikTok 关停震动全球", "二、追溯根源：政治博弈下的科技牺牲品", "三、应对之策：TikTok 的绝地反击",
        "四、未来展望：阴霾中探寻曙光", "对我们意味着什么"]


def test_tags_select_sub_sections_not_whole_sections(all_built: Path) -> None:
    """tags: [law] brings 应对之策 for its own tag, with only the sub-sections asked for: not 业务拓展."""
    heads = [text for _, text in body_headings(all_built / "policy" / "briefing.docx")]
    assert "三、应对之策：TikTok 的绝地反击" in heads and "（一）法律层面的坚决抗争" in heads
    assert not any("业务拓展与转移重心" in text for text in heads)
    deck = Presentation(str(all_built / "policy" / "briefing.pptx"))
    assert not any("业务拓展与转移重心" in text for slide in deck.slides for text in slide_texts(slide).values())


def key_takeaways(document_path: Path) -> list[str]:
    """The bullets under the document's 核心要点, without the references to figures placed there (（见图1）)."""
    paragraphs = docx.Document(str(document_path)).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == "核心要点")
    return [re.sub(r"（见图[\d、图]+）", "", p.text)
            for p in itertools.takewhile(lambda p: p.style.name != "Heading 1", paragraphs[start + 1:])
            if p.style.name == "List Bullet"]


def test_an_audience_s_own_summary_and_key_figures_are_shown_and_others_get_the_outline_s(all_built: Path) -> None:
    outline, executive = outline_and_selection("executive")
    own = outline.audience("executive").summary
    assert own and key_takeaways(all_built / "executive" / "briefing.docx") == executive.summary
    assert "于2025年1月17日维持该法" in executive.summary[0]  # its references filled in
    deck = Presentation(str(all_built / "executive" / "briefing.pptx"))
    summary = next(slide_texts(s) for s in deck.slides if slide_texts(s).get("Label") == "核心要点")
    assert summary["Title"] == "禁令已生效，美国前景系于延缓期，海外市场是依托"
    assert summary["Points"].split("\n") == executive.summary
    # The policy team's key figures are its own; its takeaway says so.
    policy = Presentation(str(all_built / "policy" / "briefing.pptx"))
    figures = next(slide_texts(s) for s in policy.slides if slide_texts(s).get("Label") == "关键数据")
    assert figures["Title"] == "延缓期未兑现，1.7亿用户和约200万创作者去留待定"
    values = [text for shape_name, text in figures.items() if shape_name.startswith("Figure Value")]
    assert values == ["90天", "1.7亿", "约200万"]
    # The creators get the outline's summary and key figures, and their title.
    assert key_takeaways(all_built / "creators" / "briefing.docx") == outline.summary
    creators = Presentation(str(all_built / "creators" / "briefing.pptx"))
    figures = next(slide_texts(s) for s in creators.slides if slide_texts(s).get("Label") == "关键数据")
    assert figures["Title"] == outline.key_figures_takeaway


def implications_in_document(path: Path) -> tuple[list[str], list[str]]:
    """(the headings of level 1 after the last numbered section, the bullets of 对我们意味着什么)."""
    paragraphs = docx.Document(str(path)).paragraphs
    level1 = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    after = level1[max(i for i, text in enumerate(level1) if "、" in text[:3]) + 1:]
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == "对我们意味着什么")
    bullets = [p.text for p in itertools.takewhile(lambda p: p.style.name != "Heading 1", paragraphs[start + 1:])
               if p.style.name == "List Bullet"]
    return after, bullets


@pytest.mark.parametrize("name", [None, *AUDIENCES])
def test_each_version_closes_with_what_it_means_for_its_reader(all_built: Path, default_build, name) -> None:
    """The document's last section and the deck's last content slide: this reader's items, and only those."""
    outline, selected = outline_and_selection(name)
    folder = default_build[1] if name is None else all_built / name
    items = [item.text for item in selected.general_implications]
    assert items
    after, bullets = implications_in_document(folder / "briefing.docx")
    assert after == ["对我们意味着什么", "数据与时间线", "资料来源"]
    assert bullets == items
    deck = Presentation(str(folder / "briefing.pptx"))
    texts = [slide_texts(slide) for slide in deck.slides]
    assert [t["Title"] for t in texts[-2:]] == ["资料来源", "谢谢"]
    closing = texts[-3]
    assert closing["Label"] == "对我们意味着什么"
    assert closing["Title"] == selected.implications_takeaway
    assert closing["Points"].split("\n") == items
    # No other reader's items: each audience's list is its own.
    others = {item.text for item in outline_and_selection(None)[0].implications} - set(items)
    everything = "\n".join(t for slide in texts for t in slide.values())
    assert others and not any(other in everything for other in others)
