"""Every shipped profile builds, and its files differ as its definition says."""

from __future__ import annotations

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
    assert [h for h in headings(all_built / "executive" / "briefing.docx") if "、" in h] == [
        "五、未来展望：阴霾中探寻曙光"]
    assert not any(p.style.name.startswith("TOC") for p in document.paragraphs)


def test_policy_and_creators_include_and_leave_out_what_they_say(all_built: Path) -> None:
    policy = headings(all_built / "policy" / "briefing.docx")
    creators = headings(all_built / "creators" / "briefing.docx")
    assert any(h.startswith("二、") for h in policy) and not any(h.startswith("三、") for h in policy)
    assert any(h.startswith("三、") for h in creators) and not any(h.startswith("二、") for h in creators)


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


def test_an_english_outline_gets_english_labels_numbers_and_dates(tmp_path: Path) -> None:
    build(FIXTURES / "english.yaml", tmp_path)
    document = docx.Document(str(tmp_path / "tiktok-brief.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    for needle in ("Contents", "Key takeaways", "Figure 1", "Table 1", "Sources", "170 million", "24 April 2024",
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
