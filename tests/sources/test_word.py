"""Word documents, built here with python-docx: headings by their styles (and styles based on them, and
outline levels), numbered headings in plain paragraphs, tables by rows, the page header left out."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from briefing.sources.read import read_article, read_article_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def saved(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def shape(data: bytes) -> list[tuple[int | None, str]]:
    article = read_article_bytes(data, "report.docx")
    return [(block.heading, block.text) for block in article.blocks]


def test_headings_by_style_title_and_table_rows_header_left_out() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料 请勿外传"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    document.add_paragraph("城市公交线路调整方案", style="Title")
    document.add_paragraph("发布时间：2025-03-04 09:30")
    document.add_heading("一、调整的原因", 1)
    document.add_paragraph("近年来，城市新区人口增长较快，原有线路难以覆盖新建住宅区。")
    document.add_heading("（一）新区覆盖不足", 2)
    document.add_paragraph("东部新区常住人口已超过 30 万，但只有 4 条公交线路经过。")
    document.add_heading("二、主要变化", 1)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip((*table.rows[0].cells, *table.rows[1].cells), ("线路", "新开", "撤销", "数量", "6", "3"),
                          strict=True):
        cell.text = text
    document.add_paragraph("本信息由相关用户自行提供，真实性未证实，仅供参考。")
    article = read_article_bytes(saved(document), "bus.docx")
    assert (article.title, article.published, article.caveat, article.language) == (
        "城市公交线路调整方案", date(2025, 3, 4), "本信息由相关用户自行提供，真实性未证实，仅供参考。", "zh-CN")
    assert [(block.number, block.heading, block.text) for block in article.blocks] == [
        (1, 1, "一、调整的原因"), (2, None, "近年来，城市新区人口增长较快，原有线路难以覆盖新建住宅区。"),
        (3, 2, "（一）新区覆盖不足"), (4, None, "东部新区常住人口已超过 30 万，但只有 4 条公交线路经过。"),
        (5, 1, "二、主要变化"), (6, None, "线路\t新开\t撤销"), (7, None, "数量\t6\t3")]


def test_styles_based_on_headings_named_in_chinese_or_with_an_outline_level() -> None:
    document = docx.Document()
    mine = document.styles.add_style("报告小标题", WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = document.styles["Heading 2"]
    named = document.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    outlined = document.styles.add_style("Section Title", WD_STYLE_TYPE.PARAGRAPH)
    properties = outlined.element.get_or_add_pPr()
    etree.SubElement(properties, f"{{{W}}}outlineLvl").set(f"{{{W}}}val", "0")
    document.add_paragraph("Ferry changes", style=named)
    document.add_paragraph("The harbour authority announced on Monday that ferries will run every 20 minutes.")
    document.add_paragraph("Why the change", style=mine)
    document.add_paragraph("Passenger numbers rose by about 18% last year.")
    document.add_paragraph("What travellers should know", style=outlined)
    document.add_paragraph("Fares are unchanged.")
    # Two level-1 headings: neither is the title; the sub-heading is level 2 below them.
    assert shape(saved(document)) == [
        (1, "Ferry changes"),
        (None, "The harbour authority announced on Monday that ferries will run every 20 minutes."),
        (2, "Why the change"), (None, "Passenger numbers rose by about 18% last year."),
        (1, "What travellers should know"), (None, "Fares are unchanged.")]


def test_numbered_headings_in_plain_paragraphs() -> None:
    """Many Chinese reports number their headings by hand, in the Normal style."""
    document = docx.Document()
    expected = [(1, "一、背景"), (None, "近年来，城市新区人口增长较快。"), (2, "（一）新区"),
                (None, "东部新区常住人口已超过 30 万。"), (1, "二、变化"), (None, "新开线路 6 条。")]
    for _, text in expected:
        document.add_paragraph(text)
    assert shape(saved(document)) == expected


def test_a_table_of_contents_and_empty_paragraphs_are_no_blocks() -> None:
    document = docx.Document()
    contents = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("一、背景\t1", style=contents)
    document.add_paragraph("")
    document.add_heading("一、背景", 1)
    document.add_paragraph("近年来，城市新区人口增长较快。")
    assert shape(saved(document)) == [(1, "一、背景"), (None, "近年来，城市新区人口增长较快。")]


def test_a_word_file_is_read_from_its_path(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The harbour authority announced on Monday that ferries will run every 20 minutes.")
    path = tmp_path / "ferry.docx"
    document.save(str(path))
    article = read_article(path)
    assert (article.location, article.language, len(article.blocks)) == (str(path), "en", 1)
