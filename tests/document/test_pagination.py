"""The page model: where each paragraph falls, as LibreOffice lays these documents out.

The rules here were read off LibreOffice's PDFs of generated long documents (tests/test_libreoffice.py
checks the whole documents); these tests pin each rule on its own.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from docx.shared import Cm

from briefing.build.pipeline import load, load_with_files
from briefing.charts import chart_sizes
from briefing.document import DocxInputs, compose_docx
from briefing.document.floats import laid_out
from briefing.document.geometry import ParagraphSpec
from briefing.document.pagination import PageFlow, paginate
from briefing.document.plan import Heading, plan_document
from tests.conftest import DEFAULT_OUTLINE, FIXTURES, finishes

BODY = ParagraphSpec(10.5, 18, after=6)
HEADING = ParagraphSpec(16, 26, before=18, after=8, keep_with_next=True, heading=True)


@pytest.mark.parametrize("body_height", [10.0, 0.0, -300.0])
def test_a_page_shorter_than_a_line_still_ends(body_height: float) -> None:
    """Was: a page body shorter than one line (a label-sized template, margins larger than the page)
    placed no line on a new page, and looped for ever. Run apart, so a regression fails instead of hanging."""
    code = ("from briefing.document.geometry import ParagraphSpec\n"
            "from briefing.document.pagination import PageFlow\n"
            f"flow = PageFlow({body_height})\n"
            "for _ in range(20): flow.paragraph(ParagraphSpec(10.5, 18, before=6, after=6), 5)\n"
            "flow.table(20, [30, 30, 30])\n"
            "print(flow.finish())")
    result = finishes(["-c", code], seconds=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 20  # a line a page, at least


def test_space_between_paragraphs_is_the_larger_of_after_and_before_not_their_sum() -> None:
    flow = PageFlow(1000)
    flow.paragraph(ParagraphSpec(10.5, 18, after=10), 1)
    flow.paragraph(ParagraphSpec(10.5, 18, before=18), 1)
    assert flow.y == 18 + 18 + 18  # LibreOffice: 18 between them, not 28


def test_space_before_is_dropped_at_the_top_of_a_page_text_flowed_onto_but_kept_after_a_break() -> None:
    flowed = PageFlow(100)
    flowed.paragraph(BODY, 5)  # 90 pt: the next paragraph starts the next page
    flowed.paragraph(ParagraphSpec(10.5, 18, before=12), 1)
    assert (flowed.page, flowed.y) == (2, 18)
    broken = PageFlow(100)
    broken.paragraph(BODY, 1)
    broken.page_break()
    broken.paragraph(ParagraphSpec(10.5, 18, before=12), 1)
    assert (broken.page, broken.y) == (2, 12 + 18)
    assert PageFlow(100, after_break=True).paragraph(ParagraphSpec(10.5, 18, before=12), 1).page == 1


def test_a_paragraph_of_three_lines_cannot_split_so_its_heading_moves_with_it() -> None:
    """Two orphan and two widow lines need four: a three-line paragraph after a heading near the foot of
    a page takes the heading to the next page (the model counted two lines and kept it)."""
    flow = PageFlow(200)
    flow.paragraph(BODY, 4)  # to 72, then 6 after
    heading = flow.paragraph(HEADING, 1)  # 90 to 116, 8 after: two lines would end at 160, three at 178
    flow.paragraph(BODY, 3)
    assert heading.page == 1
    flow = PageFlow(170)
    flow.paragraph(BODY, 4)
    heading = flow.paragraph(HEADING, 1)
    flow.paragraph(BODY, 3)
    assert heading.page == 2 and not heading.break_before


def test_a_heading_whose_space_after_reaches_past_the_page_starts_the_next_one_with_a_break() -> None:
    """LibreOffice sometimes leaves such a heading alone at the foot of the page (in a long document,
    after figures) and sometimes moves it: a page break settles it, and the model counts its space before."""
    flow = PageFlow(120)
    flow.paragraph(BODY, 4)  # to 72
    heading = flow.paragraph(HEADING, 1)  # 90 to 116: fits, but 116 + 8 does not
    flow.paragraph(BODY, 3)
    assert heading.page == 2 and heading.break_before
    assert (flow.page, flow.y) == (2, 18 + 26 + 8 + 3 * 18)


def test_a_figure_or_caption_moved_with_what_it_is_kept_with_gets_no_break() -> None:
    """A break there would leave a page empty wherever LibreOffice's page was fuller than the model's
    (it had moved the figure already): seen after a data table."""
    flow = PageFlow(120)
    flow.paragraph(BODY, 5)  # to 90
    caption = flow.paragraph(ParagraphSpec(9, 14, before=4, after=4, keep_with_next=True), 1)
    flow.table(20, [20, 20])
    assert caption.page == 2 and not caption.break_before


def test_a_heading_whose_paragraph_would_leave_one_line_for_the_next_page_starts_it_with_a_break() -> None:
    """Widow control would take a line back from the foot of the page: LibreOffice then moves the heading
    and its paragraph to the next page in some documents and not in others (seen in a 200-section
    document): a break makes it do so in every one."""
    flow = PageFlow(200)
    flow.paragraph(BODY, 2)  # to 36, then 6 after
    heading = flow.paragraph(HEADING, 1)  # 54 to 80, 8 after: 6 lines of 18 fit (88 to 196)
    flow.paragraph(BODY, 7)  # 6 here and 1 on the next page: widow control would keep 5 and 2
    assert heading.page == 2 and heading.break_before
    flow = PageFlow(200)
    flow.paragraph(BODY, 2)
    heading = flow.paragraph(HEADING, 1)
    flow.paragraph(BODY, 8)  # 6 here and 2 on the next page: no line taken back, no break
    assert heading.page == 1 and not heading.break_before


def test_a_paragraph_kept_whole_moves_to_the_next_page_with_what_is_kept_with_it() -> None:
    """A quote is kept whole and with its attribution (a short list's items likewise)."""
    quote = ParagraphSpec(10.5, 18, before=6, after=2, keep_with_next=True, keep_lines=True)
    attribution = ParagraphSpec(10.5, 18, after=10, keep_lines=True)
    flow = PageFlow(200)
    flow.paragraph(BODY, 6)  # to 108, then 6 after
    placed = flow.paragraph(quote, 4)  # 114 to 186 would fit, but its attribution would not
    said = flow.paragraph(attribution, 1)
    assert (placed.page, said.page) == (2, 2)
    assert flow.y == 4 * 18 + 2 + 18
    taller = PageFlow(50)  # a paragraph taller than a page splits all the same
    taller.paragraph(ParagraphSpec(10.5, 18, keep_lines=True), 6)
    assert taller.finish() == 3


def test_a_picture_is_as_tall_as_its_line_and_its_space_before_merges_with_the_space_above() -> None:
    """Read off LibreOffice's PDFs: a picture 66 pt tall below a paragraph with 10 pt after starts 10 pt
    below it, its caption 4 pt below the picture (the model had counted 4 pt more each time)."""
    flow = PageFlow(1000)
    flow.paragraph(ParagraphSpec(10.5, 18, after=10), 1)
    flow.block(66, keep_with_next=True, before=4)
    flow.paragraph(ParagraphSpec(9, 14, before=4, after=4), 1)
    assert flow.y == 18 + 10 + 66 + 4 + 14


def test_latin_letters_and_digits_are_spaced_from_full_width_brackets_as_from_chinese() -> None:
    """LibreOffice puts its quarter em between a digit and a full-width bracket too: '（见图2）' ended a
    line in the model 0.2 pt short of the margin, and began the next in LibreOffice's layout."""
    from briefing.document.geometry import A4_AREA, SPECS, Style
    from briefing.document.measure import line_count

    ending = "第一段" + ("一段文字。" * 8)[:36] + "i（见图2）。"  # one line, without the space after the 2
    assert line_count(ending, A4_AREA.width_pt, SPECS[Style.NORMAL]) == 2
    assert line_count(ending.replace("2", ""), A4_AREA.width_pt, SPECS[Style.NORMAL]) == 1


def test_an_opening_bracket_never_ends_a_line() -> None:
    """Kinsoku, as LibreOffice applies it: '（' goes to the next line with what follows it (the model had
    left it at a line's end in 10 of 80 test paragraphs, LibreOffice in none)."""
    from briefing.document.geometry import A4_AREA, SPECS, Style
    from briefing.document.measure import lines_of

    lines = lines_of("第三段" + "字" * 40 + "（注释）。", A4_AREA.width_pt, SPECS[Style.NORMAL])
    assert [line[-2:] for line in lines] == ["字字", "）。"] and lines[1].startswith("（注释")


def test_closing_marks_that_cannot_all_hang_go_down_with_the_character_before_them() -> None:
    """One mark may reach past the margin; where two follow a full line ('释）。'), LibreOffice takes the
    character before them to the next line too (the model had hung both: 2 of 50 test paragraphs a line
    short, none now)."""
    from briefing.document.geometry import A4_AREA, SPECS, Style
    from briefing.document.measure import lines_of

    lines = lines_of("第一段" + "字" * 38 + "（注释）。", A4_AREA.width_pt, SPECS[Style.NORMAL])
    assert [line[-2:] for line in lines] == ["（注", "）。"] and lines[1] == "释）。"
    assert len(lines_of("一段文字。" * 9, A4_AREA.width_pt, SPECS[Style.NORMAL])) == 1  # one full stop hangs
    # A closing bracket does not hang at all: '处）' goes down together (seen in a table cell).
    bracket = lines_of("章称“据相关数据显示”，未注明原始出处）", 171, SPECS[Style.TABLE_TEXT])
    assert bracket == ["章称“据相关数据显示”，未注明原始出", "处）"]


def test_a_paragraph_of_many_pages_is_placed_in_whole_pages() -> None:
    flow = PageFlow(180)  # ten lines a page
    placed = flow.paragraph(BODY, 10_000_001)
    assert placed.page == 1 and flow.finish() == 1_000_001


def _outline(tmp_path: Path, **meta: object) -> Path:
    outline = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    outline["meta"].update(meta)
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    return path


def test_a_cover_with_a_very_long_title_takes_two_pages_and_the_contents_count_them(tmp_path: Path) -> None:
    """Was: the cover always counted as one page, so every contents entry was a page early."""
    outline = load(_outline(tmp_path, title="很长的标题" * 80))
    short = load(_outline(tmp_path, title="标题"))
    long_pages = compose_docx(outline, DocxInputs(chart_sizes(outline))).pages
    short_pages = compose_docx(short, DocxInputs(chart_sizes(short))).pages
    assert long_pages == short_pages + 1


def test_a_chart_taller_than_the_page_is_drawn_smaller_to_fit_it(tmp_path: Path) -> None:
    outline = load(_outline(tmp_path))
    sizes = {**chart_sizes(outline), "tl": (6.4, 30.0)}
    composed = compose_docx(outline, DocxInputs(sizes))
    saved = tmp_path / "saved.docx"
    images = {chart_id: FIXTURES / "logo.png" for chart_id in sizes}
    saved.write_bytes(composed.save(images))
    document = docx.Document(str(saved))
    section = document.sections[0]
    body = section.page_height - section.top_margin - section.bottom_margin
    heights = [shape.height for shape in document.inline_shapes]
    assert max(heights) < body and min(heights) > Cm(1)


def test_each_paragraph_knows_its_part_on_every_page_it_reaches() -> None:
    """briefing preview draws the model's pages from these pieces: where each paragraph starts and how
    much of it each page holds."""
    flow = PageFlow(180)  # ten lines a page
    first = flow.paragraph(BODY, 4)  # 0 to 72, 6 after
    long = flow.paragraph(BODY, 30)  # 78 to 180 (five lines), two whole pages, then five lines
    after = flow.paragraph(BODY, 1)
    flow.finish()
    assert [(p.page, p.top, p.height, p.pages) for p in first.pieces] == [(1, 0, 72, 1)]
    assert [(p.page, p.top, p.height, p.pages) for p in long.pieces] == [
        (1, 78, 5 * 18, 1), (2, 0, 10 * 18, 2), (4, 0, 5 * 18, 1)]
    assert sum(p.height * p.pages for p in long.pieces) == 30 * 18
    assert [(p.page, p.top) for p in after.pieces] == [(4, 5 * 18 + 6)]


def test_a_figure_too_tall_for_its_page_lets_the_text_after_it_fill_that_page_first() -> None:
    """Was: the timeline figure started page 4 and left the bottom third of page 3 blank."""
    outline, _ = load_with_files(DEFAULT_OUTLINE)
    plan = plan_document(outline, chart_sizes(outline))
    floated, pages = laid_out(plan)
    assert [f.caption for f in floated.figures] == [f.caption for f in plan.figures]  # same order, same numbers
    timeline = floated.body.index(plan.figures[0])
    moved = [block.text for block in floated.body[:timeline] if isinstance(block, Heading)]
    assert moved[-2:] == ["二、追溯根源：政治博弈下的科技牺牲品", "（一）“莫须有”的数据安全指控"]
    # The text that went ahead ends on the page before the figure, which heads the next one.
    before, figure = pages.body_placements[timeline - 1], pages.body_placements[timeline]
    assert before[-1].page + 1 == figure[0].page and figure[0].pieces[0].top == 0
    assert paginate(floated).total == pages.total < paginate(plan).total
