"""Clauses of a paragraph and titles cut from them: clauses end at commas, semicolons, colons and full
stops, not at the marks inside a number, a time or an abbreviation; a title starts at its topic, not at
the clause that dates, links, frames or attributes it."""

from __future__ import annotations

import pytest

from briefing.sources.sentences import clause_around, shorten, topic


@pytest.mark.parametrize(("sentence", "title"), [
    ("2024年，面对客流增长快、码头容量小的双重压力，滨江轮渡稳中有进，全年运送乘客再创新高。",
     "滨江轮渡稳中有进，全年运送乘客再创新高"),
    ("日前，滨江第三条轮渡航线正式开通运营。", "滨江第三条轮渡航线正式开通运营"),
    ("2024年1-11月，两岸轮渡累计运送乘客1200万人次。", "两岸轮渡累计运送乘客1200万人次"),
    ("港务局统计数据显示，2024年，夜间航班准点率达到98%。", "夜间航班准点率达到98%"),
    ("记者3日从港务局获悉，新码头将于下月启用。", "新码头将于下月启用"),
    ("此外，票价保持不变。", "票价保持不变"),
    ("10月1日4时许，1.2万人聚集在东岸码头。", "1.2万人聚集在东岸码头"),
    ("在客流持续增长的背景下，港务局加开了夜班船。", "港务局加开了夜班船"),
    ("2025 年3月3日,滨江市第五届人民代表大会第二次会议上,市长作政府工作报告。", "市长作政府工作报告"),
    ("滨江航运论坛期间，三家船公司签署了合作协议。", "三家船公司签署了合作协议"),
    ("On March 1, 2025, the council approved two new piers.", "The council approved two new piers"),
    ("Last year, passenger numbers rose by about 18%.", "Passenger numbers rose by about 18%"),
    ("According to the harbour authority, fares stay the same.", "Fares stay the same"),
    ("In 2024, iPads replaced paper tickets.", "iPads replaced paper tickets"),
    ("濱江全媒體報道，今年展會的參展商數量創下新高。", "今年展會的參展商數量創下新高"),  # traditional characters
])
def test_a_title_starts_at_the_topic(sentence: str, title: str) -> None:
    assert topic(sentence, 20 if "，" in sentence or "。" in sentence else 9) == title


@pytest.mark.parametrize(("sentence", "title"), [
    ("在用渡轮共有42艘，其中电动渡轮6艘。", "在用渡轮共有42艘，其中电动渡轮6艘"),  # '在用', not a frame '在…下'
    ("通过审批的码头有两座。", "通过审批的码头有两座"),
    ("2024年。", "2024年"),  # nothing but the date: the sentence itself
    ("港务局在会议上宣布，票价保持不变。", "港务局在会议上宣布，票价保持不变"),  # the meeting is where it said so
    ("会议上周通过了新的票价方案。", "会议上周通过了新的票价方案"),
    ("The ferry, which is the city's oldest, sails at noon.", "The ferry, which is the city's oldest"),
])
def test_what_says_the_topic_is_kept(sentence: str, title: str) -> None:
    assert topic(sentence, 20 if "。" in sentence else 9) == title



@pytest.mark.parametrize(("text", "inside", "clause"), [
    ("Crews restored power to 4,000 homes, officials said.", "4,000", "Crews restored power to 4,000 homes"),
    ("The match began at 7:30 p.m. on Sunday, after the rain.", "Sunday", "The match began at 7:30 p.m. on Sunday"),
    ("It went dark on Jan. 18, hours before the ban.", "Jan. 18", "It went dark on Jan. 18"),
    ("新线路将于10:00起开通运营,票价不变。", "10:00", "新线路将于10:00起开通运营"),
    # Where a clause does end.
    ("Sales rose, then fell.", "fell", "then fell."),
    ("The score was 3: the visitors won.", "3", "The score was 3"),
    ("会议召开,市长讲话。", "市长", "市长讲话"),
    ("He left. Then the bus came.", "left", "He left"),
])
def test_a_clause_ends_at_its_marks_not_inside_numbers_and_abbreviations(text: str, inside: str, clause: str) -> None:
    start = text.index(inside)
    left, right = clause_around(text, start, start + len(inside))
    assert text[left:right] == clause


@pytest.mark.parametrize(("text", "limit", "cut"), [
    ("The harbour council approved the plan for a ferry that has two decks", 11,
     "The harbour council approved the plan for a ferry"),
    ("The city opened three new subway lines on Monday after two years of work", 8,
     "The city opened three new subway lines"),
    # '存在' stays whole: the cut is by words
    ("带着市民反映的公交线路存在的一些问题记者来到了市公交集团", 15, "带着市民反映的公交线路存在"),
    ("The bridge would reopen in May after repairs to the deck", 6, "The bridge would reopen in May"),
])
def test_a_text_cut_at_a_word_does_not_end_on_one_that_leads_on(text: str, limit: int, cut: str) -> None:
    assert shorten(text, limit) == cut
