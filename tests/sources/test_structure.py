"""Numbered headings written as plain paragraphs, and heading levels relative to what a document uses."""

from __future__ import annotations

import pytest

from briefing.sources.article import Piece
from briefing.sources.structure import heading_levels, numbering


@pytest.mark.parametrize(("line", "kind"), [
    ("一、事件突发:TikTok 关停震动全球", "一、"),
    ("十二、结语", "一、"),
    ("（一）“莫须有” 的数据安全指控", "（一）"),
    ("(二)地缘政治格局中的战略打压", "（一）"),
    ("1. 早高峰换乘", "1."),
    ("2、夜间无车", "1."),
    ("3.新区居民", "1."),
    ("（1）换乘", "（1）"),
    ("第一章 背景", "第一章"),
    ("I. Background", "I."),
    ("IV. Outlook", "I."),
    ("1. Why the change", "1."),
    ("1.1 New boats", "1.1"),
    ("2.3.1 Night services", "1.1.1"),
    ("■新航线填补夜间空白", "■"),
    ("● 两座新码头同步启用", "●"),
    ("◆票价保持不变", "◆"),
    ("▲夜班船首航", "▲"),
    ("【新闻链接】", "【】"),
])
def test_a_short_numbered_line_is_a_heading(line: str, kind: str) -> None:
    found = numbering(line)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize("line", [
    "1. The first departure moves to 6:10 a.m.",  # a sentence: a list item
    "1、新开线路的首末班时间和票价将在实施前一周公布。",
    "一、调整将于 4 月 1 日起分批实施，新开线路 6 条，撤销线路 3 条，其余 19 条线路调整走向或站点，市民可查询",
    "1. Passengers who bought a season ticket before March can exchange it at any pier for the new one",
    "1.7 亿用户受到影响",  # a number, not a section's
    "2.4 million trips",
    "2025. A year of change",
    "IIII. Not a numeral",
    "Ferries run every 20 minutes",
    "一、",
    "■新航线每天运行至晚上11点，比原有航线晚收班两个小时。",  # a sentence
    "▲图为夜班船停靠东岸码头",  # a picture's caption
    "【责任编辑：周舟】",
    "【示例新闻社综合报道】",
    "【完】",
    "【新闻链接】渡轮票价多年未变",  # brackets round a lead-in, not the whole line
    "■",
])
def test_a_sentence_a_long_line_or_a_number_is_no_heading(line: str) -> None:
    assert numbering(line) is None


def levels(*lines: str | tuple[str, int]) -> list[int | None]:
    """Heading levels of lines; a (text, rank) pair is a markup heading of that rank."""
    return heading_levels([Piece(*line) if isinstance(line, tuple) else Piece(line) for line in lines])


def test_levels_are_relative_to_the_numbering_the_document_uses() -> None:
    assert levels("（一）背景", "正文。", "（二）现状", "正文。") == [1, None, 1, None]
    assert levels("一、背景", "（一）由来", "1. 早期", "2. 近期", "（二）现状", "二、展望") == [1, 2, 3, 3, 2, 1]
    # '1.' directly under a '一、' is its second level, wherever else a '（一）' comes.
    assert levels("一、背景", "1. 早期", "2. 近期", "二、现状", "（一）由来", "1. 早期") == [1, 2, 2, 1, 2, 3]
    assert levels("1. Why the change", "1.1 New boats", "2. What travellers should know") == [1, 2, 1]
    assert levels("I. Background", "1. Early", "1.1 Earliest", "1.1.1 Deeper still", "II. Outlook") == [1, 2, 3, 3, 1]


def test_markup_headings_are_ranked_by_their_own_levels_above_numbered_paragraphs() -> None:
    assert levels(("Why", 3), "text.", ("Boats", 4), ("Travel", 3)) == [1, None, 2, 1]
    assert levels(("一、原因", 2), "（一）新区", "正文。", ("二、变化", 2), "（一）新线") == [1, 2, None, 1, 2]


def test_a_list_items_number_is_the_lists() -> None:
    assert heading_levels([Piece("1. 早高峰换乘", may_be_heading=False)]) == [None]


def test_a_marked_heading_is_a_section_and_its_words_are_the_title() -> None:
    assert levels("开头的一段话。", "■新航线填补夜间空白", "正文。", "■两座新码头同步启用", "正文。") == [
        None, 1, None, 1, None]
    found = numbering("■新航线填补夜间空白")
    assert found is not None and found.words == "新航线填补夜间空白"
    # Under a numbered section, a marked heading is a level below it.
    assert levels("一、航线", "■新航线填补夜间空白", "正文。", "二、码头") == [1, 2, None, 1]


def test_a_run_of_marked_lines_is_a_bulleted_list() -> None:
    assert levels("今年的亮点：", "●新航线3条", "●电动渡轮6艘", "●新码头2座", "正文。") == [None] * 5
    # Lines of different marks next to each other are no list: headings, of one rank.
    assert levels("■航线", "●夜间航线", "正文。") == [1, 1, None]
