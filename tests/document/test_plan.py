"""The document's plan, read without making a file: what goes where, in which words, in which style."""

from __future__ import annotations

import ast
from pathlib import Path

import msgspec
import pytest

from briefing.build.pipeline import load
from briefing.charts import chart_sizes
from briefing.document import DocxInputs, compose_docx
from briefing.document.floats import laid_out
from briefing.document.geometry import A4_AREA, PageArea, Style
from briefing.document.pagination import paginate
from briefing.document.plan import (
    FIGURE_NOTES_PT,
    BulletList,
    DocumentPlan,
    Figure,
    Heading,
    Paragraph,
    Quote,
    Reference,
    SourceEntry,
    Spacer,
    Table,
    plan_document,
)
from briefing.outline.audience import select
from briefing.outline.locale import title_numbers
from briefing.outline.model import Outline
from tests.conftest import DEFAULT_OUTLINE, FIXTURES

SECTION_NUMBERS = ["一、", "二、", "三、", "四、", "五、"]


@pytest.fixture(scope="module")
def outline() -> Outline:
    return load(DEFAULT_OUTLINE)


@pytest.fixture(scope="module")
def plan(outline: Outline) -> DocumentPlan:
    return plan_document(outline, chart_sizes(outline))


def headings(plan: DocumentPlan, level: int) -> list[Heading]:
    return [heading for heading in plan.headings if heading.level == level]


def section_of(plan: DocumentPlan, block: object) -> str:
    """The text of the last level-1 heading before a block of the body."""
    before = plan.body[:plan.body.index(block)]
    return next(b.text for b in reversed(before) if isinstance(b, Heading) and b.level == 1)


def test_the_summary_comes_first_then_the_sections_numbered_then_the_appendix_and_sources(plan, outline) -> None:
    sections = [n + s.title for n, s in zip(SECTION_NUMBERS, outline.sections, strict=True)]
    closing = ["对我们意味着什么", "数据与时间线", "资料来源"]
    assert [h.text for h in headings(plan, 1)] == ["核心要点", *sections, *closing]
    assert [h.number for h in headings(plan, 1)] == ["", *SECTION_NUMBERS, "", "", ""]
    summary, takeaways = plan.body[:2]
    assert summary == Heading(1, "", "核心要点", page_break_before=True)  # it opens the page after the contents
    assert takeaways == BulletList(tuple(outline.summary))


def blocks_of(plan: DocumentPlan, heading_text: str) -> list[object]:
    """The blocks under a heading, to the next heading."""
    start = next(index for index, block in enumerate(plan.body) if isinstance(block, Heading)
                 and block.text == heading_text) + 1
    end = next((index for index, block in enumerate(plan.body[start:], start) if isinstance(block, Heading)),
               len(plan.body))
    return list(plan.body[start:end])


@pytest.mark.parametrize("audience", [None, "executive", "policy", "creators"])
def test_a_part_shows_its_prose_or_else_its_points_never_both(outline: Outline, audience: str | None) -> None:
    """One rule for every reader: the prose is the document's text; a part without prose (an audience
    of depth brief has its prose in the speaker notes) shows its points as a list instead."""
    if audience is not None:
        outline = select(outline, next(a for a in outline.audiences if a.name == audience))
    plan = plan_document(outline, chart_sizes(outline))
    numbers = title_numbers(outline)
    checked = 0
    for part in outline.parts():
        blocks = blocks_of(plan, numbers[part.id] + part.title)
        texts = [block.text for block in blocks if isinstance(block, Paragraph) and block.style is Style.NORMAL]
        lists = [block for block in blocks if isinstance(block, BulletList)]
        if part.prose:
            assert [text[:20] for text in texts] == [text[:20] for text in part.prose], part.id
            assert lists == [], part.id
            checked += 1
        elif part.points:
            assert texts == [], part.id
            assert [item[:10] for item in lists[0].items] == [point[:10] for point in part.points], part.id
            checked += 1
    assert checked >= 2


def test_subsections_are_numbered_within_their_section(plan, outline) -> None:
    for section in outline.sections:
        numbers = [h.number for h in headings(plan, 2) if section_of(plan, h).endswith(section.title)]
        assert numbers == ["（一）", "（二）", "（三）"][:len(section.subsections)]
    assert all(h.style is Style.HEADING_2 for h in headings(plan, 2))


def test_every_chart_is_a_captioned_figure_in_its_part_with_its_source(plan, outline) -> None:
    figures = plan.figures
    assert sorted(f.chart_id for f in figures) == sorted(c.id for c in outline.charts)
    assert [f.caption.number for f in figures] == list(range(1, len(outline.charts) + 1))
    charts = {chart.id: chart for chart in outline.charts}
    for figure in figures:
        chart = charts[figure.chart_id]
        assert figure.caption.label == "图" and figure.caption.text.startswith(chart.title)
        assert figure.source.startswith("来源：")
        assert figure.description.startswith(chart.title + "：")
        # The caption stays with what is under it: no note or source line alone at the top of a page.
        assert figure.caption.keep_with_next
        assert figure.width <= A4_AREA.width * 0.98
    # Figures of different dates say so under the figure.
    assert next(f for f in figures if f.chart_id == "users-by-region").note.startswith("注：各项数据时点不同")


def test_quotes_carry_their_speaker_and_context(plan, outline) -> None:
    quotes = [block for block in plan.body if isinstance(block, Quote)]
    expected = [q for part in outline.parts() for q in part.quotes]
    assert len(quotes) == len(expected)
    for planned, quote in zip(quotes, expected, strict=True):
        assert planned.text == f"“{quote.text}”"
        assert planned.attribution == "——" + quote.speaker + (f"，{quote.context}" if quote.context else "")


def test_the_timeline_is_shown_once_in_the_body_and_its_table_is_the_appendixs_data_of_that_figure(
        plan, outline) -> None:
    """Was: the timeline as figure 1 and again as table 1, numbered as if a second exhibit of the body."""
    timeline = next(f for f in plan.figures if f.chart_id == "timeline")
    assert section_of(plan, timeline) == "一、" + outline.sections[0].title
    tables = [block for block in plan.body if isinstance(block, Table)]
    assert all(section_of(plan, table) == "数据与时间线" for table in tables)
    # The appendix's tables are a series of their own; the timeline's says whose data it holds.
    assert [(t.caption.label, t.caption.number_text, t.caption.text) for t in tables] == [
        ("附表", "1", "事件时间线（图1的数据及来源）"), ("附表", "2", "关键数据")]
    [reference] = tables[0].caption.references
    assert reference.bookmark == timeline.caption.bookmark
    assert tables[0].caption.text[reference.at:reference.at + len(reference.number)] == reference.number == "1"
    events = tables[0]
    assert events.header == ("日期", "事件", "来源") and len(events.rows) == len(outline.timeline)
    assert [row[0] for row in events.rows][0].startswith("2024年4月")  # by date, the earliest first
    assert all(row[-1] == "[1]" for table in tables for row in table.rows)
    assert all(sum(table.column_widths) <= A4_AREA.width for table in tables)
    # Each table is followed by an empty note, for room before what follows.
    assert all(plan.body[plan.body.index(table) + 1] == Paragraph(Style.SOURCE_NOTE, "") for table in tables)


@pytest.mark.parametrize(("outline_file", "as_of"), [(DEFAULT_OUTLINE, "截至"), (FIXTURES / "english.yaml", "As of")],
                         ids=["zh-CN", "en"])
def test_the_as_of_column_gives_the_bare_date_its_heading_does_not_repeat(outline_file, as_of: str) -> None:
    outline = load(outline_file)
    [figures] = [b for b in plan_document(outline, chart_sizes(outline)).body if isinstance(b, Table)][1:]
    column = figures.header.index(as_of)
    cells = {s.id: row[column] for s, row in zip(outline.statistics, figures.rows, strict=True)}
    assert cells["us-users"] == ("2025年1月" if as_of == "截至" else "January 2025")
    assert all(cell == "—" for s in outline.statistics if s.as_of is None for cell in [cells[s.id]])
    assert not any(cell.lower().startswith(as_of.lower()) for cell in cells.values())


def references_to(plan: DocumentPlan, figure: Figure) -> list[tuple[str, Reference]]:
    """The texts (paragraphs, list items) of the body that refer to a figure, with the reference."""
    found = []
    for block in plan.body:
        if isinstance(block, Paragraph):
            found += [(block.text, r) for r in block.references if r.bookmark == figure.caption.bookmark]
        elif isinstance(block, BulletList):
            found += [(item, r) for index, item in enumerate(block.items) for r in block.item_references(index)
                      if r.bookmark == figure.caption.bookmark]
    return found


def test_every_figure_is_referred_to_where_its_part_names_its_figures(plan) -> None:
    """Each figure once, at the end of the first paragraph of its part that names one of its figures
    or dates, before the full stop; the reference shows the caption's number."""
    expected = {"timeline": "美国本土1.7亿用户和大量创作者受到直接影响（见图1）。",
                "download-growth": "转入小红书（见图2）。",
                "creators": "但未说明估算方法和出处（见图3）。",
                "users-by-region": "整个亚太地区的用户则超过6.82亿（见图4）。"}
    assert sorted(f.chart_id for f in plan.figures) == sorted(expected)
    for figure in plan.figures:
        [(text, reference)] = references_to(plan, figure)
        assert text.endswith(expected[figure.chart_id]), text
        assert text[reference.at:reference.at + len(reference.number)] == str(figure.caption.number)
        assert plan.body.index(next(b for b in plan.body if getattr(b, "text", None) == text)) < \
            plan.body.index(figure)  # the text comes first, in the same part
        assert section_of(plan, figure) == section_of(plan, next(b for b in plan.body
                                                                  if getattr(b, "text", None) == text))


def test_a_figure_is_referred_to_in_english_from_a_list_or_in_a_sentence_of_its_own(outline) -> None:
    english = load(FIXTURES / "english.yaml")
    plan = plan_document(english, chart_sizes(english))
    texts = [text for figure in plan.figures for text, _ in references_to(plan, figure)]
    assert len(texts) == len(plan.figures) == 2
    assert texts[0].endswith("the day before the ban took effect (see Figure 1).")
    assert texts[1] == "About 2 million creators earned a living on TikTok (see Figure 2)"  # a point: no stop
    # Two figures in a part that has no text of its own: one sentence refers to both.
    bare = msgspec.structs.replace(outline.sections[1], prose=[], points=[])
    charts = [msgspec.structs.replace(chart, placement=bare.id) for chart in outline.charts[:2]]
    plan = plan_document(msgspec.structs.replace(outline, sections=[bare], charts=charts), chart_sizes(outline))
    [(text, first)] = references_to(plan, plan.figures[0])
    [(_, second)] = references_to(plan, plan.figures[1])
    assert text == "见图1、图2。" and (first.at, second.at) == (2, 5)


def test_the_cover_and_the_sources_name_the_source(plan, outline) -> None:
    source = outline.meta.source
    assert isinstance(plan.cover[0], Spacer)
    assert plan.cover[1] == Paragraph(Style.TITLE, outline.meta.title)
    assert plan.cover[-1] == Paragraph(Style.CAVEAT, f"发布方声明：{source.caveat}")
    entries = [block for block in plan.body if isinstance(block, SourceEntry)]
    assert entries[0].text.startswith(f"[1]\t{source.title}") and entries[0].url == source.url
    # The date as the outline's text writes it, no space after 发布于 (as 截至2025年1月).
    assert Paragraph(Style.COVER_LINE, f"来源：{source.title}（发布于2025年2月2日）") in plan.cover
    assert entries[0].text == f"[1]\t{source.title}，发布于2025年2月2日，"
    assert plan.body[-1] == Paragraph(Style.CAVEAT, f"发布方声明：{source.caveat}")
    assert plan.header == outline.short_title
    assert (plan.footer.before, plan.footer.between, plan.footer.after) == ("第", "页，共", "页")


def test_without_contents_the_summary_follows_the_cover_without_a_break(outline) -> None:
    meta = msgspec.structs.replace(outline.meta, table_of_contents=False)
    plan = plan_document(msgspec.structs.replace(outline, meta=meta), chart_sizes(outline))
    assert plan.contents is None
    assert plan.body[0] == Heading(1, "", "核心要点")
    assert paginate(plan).contents == 0


def test_a_chart_too_tall_for_the_page_is_planned_smaller_in_its_proportions(outline) -> None:
    plan = plan_document(outline, {**chart_sizes(outline), "timeline": (6.4, 30.0)})
    figure = next(f for f in plan.figures if f.chart_id == "timeline")
    assert figure.height_pt <= A4_AREA.height_pt - FIGURE_NOTES_PT
    assert abs(figure.height / figure.width - 30.0 / 6.4) < 0.001


def test_figures_and_tables_are_fitted_to_the_page_they_are_planned_for(outline, plan) -> None:
    narrow = plan_document(outline, chart_sizes(outline), PageArea(A4_AREA.width // 2, A4_AREA.height))
    assert [type(block) for block in narrow.body] == [type(block) for block in plan.body]
    assert all(f.width <= narrow.area.width * 0.98 for f in narrow.figures)
    table = next(block for block in narrow.body if isinstance(block, Table))
    assert sum(table.column_widths) <= narrow.area.width


def test_the_page_model_lays_out_the_plan_as_the_composed_document_has_it(plan, outline) -> None:
    plan, pages = laid_out(plan)
    assert (pages.cover, pages.contents) == (1, 1)
    assert pages.total == pages.cover + pages.contents + pages.body
    numbers = [place.page for place in pages.headings]
    assert len(numbers) == len(plan.headings) and numbers == sorted(numbers) and numbers[0] == 3
    assert pages.contents_known
    assert compose_docx(outline, DocxInputs(chart_sizes(outline))).pages == pages.total


@pytest.mark.parametrize("module", ["plan", "geometry", "pagination"])
def test_the_plan_and_the_page_model_do_without_python_docx(module: str) -> None:
    import briefing.document

    source = Path(briefing.document.__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
    imported = {alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert not [name for name in imported if name == "docx" or name.startswith("docx.")]
