"""Paragraphs that enumerate an article's parts by their opening words: a run of them, never one alone."""

from __future__ import annotations

import pytest

from briefing.sources.leads import label_lead, lead_run, ordinal_lead

FIRST = "第一，航线网络明显加密。新开航线3条，两岸码头增至8座，夜间航班覆盖全部主要码头。"
SECOND = "第二，船队更新明显加快。今年交付电动渡轮6艘，老旧船舶全部退出运营。"
THIRD = "第三，服务水平明显提升。乘客可以刷交通卡登船，候船时间平均缩短10分钟。"
BETWEEN = "港务局表示，上述变化已经写入明年的航运计划。"


@pytest.mark.parametrize(("text", "kind", "ordinal", "title", "rest"), [
    (FIRST, "第一", 1, "航线网络明显加密", "新开航线3条，两岸码头增至8座，夜间航班覆盖全部主要码头。"),
    ("二是加快更新船队，今年交付电动渡轮6艘。", "一是", 2, "加快更新船队", "加快更新船队，今年交付电动渡轮6艘。"),
    ("其三，票价保持不变。", "其一", 3, "票价保持不变", ""),
    ("Second, the piers will be rebuilt. Work starts in May.", "First", 2, "The piers will be rebuilt",
     "Work starts in May."),
    ("Firstly, fares stay the same.", "First", 1, "Fares stay the same", ""),
])
def test_an_ordinal_lead_in(text: str, kind: str, ordinal: int, title: str, rest: str) -> None:
    lead = ordinal_lead(text)
    assert lead is not None
    assert (lead.kind, lead.ordinal, lead.title, text[lead.end:].strip()) == (kind, ordinal, title, rest)


@pytest.mark.parametrize("text", [
    "第一次夜航于3月3日举行。",  # '第一次', not '第一，'
    "第一季度客流增长12%。",
    "First-time riders travel free.",
    "At first, riders were few.",
])
def test_what_is_no_ordinal_lead_in(text: str) -> None:
    assert ordinal_lead(text) is None


def test_a_run_of_ordinals_counting_up_structures_the_article() -> None:
    paragraphs = ["港务局从三个方面介绍了情况：", FIRST, BETWEEN, SECOND, THIRD, "港务局还表示，明年将继续加密航班。"]
    assert [(index, lead.title) for index, lead in lead_run(paragraphs)] == [
        (1, "航线网络明显加密"), (3, "船队更新明显加快"), (4, "服务水平明显提升")]


@pytest.mark.parametrize("paragraphs", [
    [FIRST, BETWEEN],  # one lead-in is a figure of speech
    [SECOND, THIRD],  # no first
    [FIRST, THIRD],  # a gap in the count
    [FIRST, "二是加快更新船队，今年交付电动渡轮6艘。"],  # two kinds of ordinal
])
def test_no_run_without_two_ordinals_of_one_kind_counting_up_from_the_first(paragraphs: list[str]) -> None:
    assert lead_run(paragraphs) == []


def test_a_run_of_labels_of_one_length_in_paragraphs_next_to_each_other() -> None:
    paragraphs = ["今年的渡轮成绩单出炉，亮点不少。",
                  "新航线。滨江两岸之间新开航线3条，夜间航班覆盖全部主要码头。",
                  "新船队。今年交付电动渡轮6艘，老旧船舶全部退出运营。",
                  "新服务。乘客可以刷交通卡登船。"]
    assert [(index, lead.title) for index, lead in lead_run(paragraphs)] == [
        (1, "新航线"), (2, "新船队"), (3, "新服务")]


def test_a_label_that_lost_its_paragraph_break_begins_the_run() -> None:
    """'…亮点不少。新航线。…' before '新船队。…', '新服务。…': the page had set the label apart."""
    before = "今年的渡轮成绩单出炉，亮点不少。新航线。滨江两岸之间新开航线3条。"
    run = lead_run([before, "新船队。今年交付电动渡轮6艘。", "新服务。乘客可以刷交通卡登船。"])
    assert [(index, lead.title) for index, lead in run] == [(0, "新航线"), (1, "新船队"), (2, "新服务")]
    assert before[run[0][1].end:] == "滨江两岸之间新开航线3条。"
    # A short sentence of that length that shares nothing with the labels is the paragraph's own.
    other = "今年的渡轮成绩单出炉。很不错。滨江两岸之间新开航线3条。"
    run = lead_run([other, "新船队。今年交付电动渡轮6艘。", "新服务。乘客可以刷卡。"])
    assert [index for index, _ in run] == [1, 2]


@pytest.mark.parametrize("paragraphs", [
    ["新航线。滨江两岸之间新开航线3条。", BETWEEN, "新船队。今年交付电动渡轮6艘。"],  # not next to each other
    ["新航线。滨江两岸之间新开航线3条。", "新型电动船队。今年交付电动渡轮6艘。"],  # not of one length
    ["他笑了。渡轮终于开到了家门口。", "她哭了。这一天她等了十年。"],  # short sentences, not labels
    ["新航线。", "新船队。"],  # labels of nothing
])
def test_no_run_of_labels(paragraphs: list[str]) -> None:
    assert lead_run(paragraphs) == []
    assert label_lead("新航线") is None
