"""Who filed a story, where and when: news datelines opening its first paragraph, credit lines at its edges."""

from __future__ import annotations

import pytest

from briefing.sources.bylines import is_credit, news_dateline, trailing_credit


@pytest.mark.parametrize(("text", "agency", "month", "day", "rest"), [
    ("示例新闻社滨江3月3日电（记者 林小满 王大川）滨江两岸之间的第三条轮渡航线3日正式开通。",
     "示例新闻社", 3, 3, "滨江两岸之间的第三条轮渡航线3日正式开通。"),
    ("新华社北京12月27日电(记者张晓洁)记者27日从会上获悉，渡轮将加密班次。", "新华社", 12, 27,
     "记者27日从会上获悉，渡轮将加密班次。"),
    ("中新网1月21日电 港务局21日举行新闻发布会。", "中新网", 1, 21, "港务局21日举行新闻发布会。"),
    ("本报讯（记者 周舟）昨天，东岸码头启用。", None, None, None, "昨天，东岸码头启用。"),
    ("示例网消息（晚间新闻）：夜班船今晚首航。", "示例网", None, None, "夜班船今晚首航。"),
    ("HARBOURTON (Reuters) - The ferry operator said on Monday it would add night sailings.",
     "Reuters", None, None, "The ferry operator said on Monday it would add night sailings."),
    ("HARBOURTON, March 3 (Reuters) — Ferries will run until midnight.", "Reuters", 3, 3,
     "Ferries will run until midnight."),
    ("(AP) – Two new ferries enter service in April.", "AP", None, None, "Two new ferries enter service in April."),
    ("HARBOURTON — The council approved the new pier on Tuesday.", None, None, None,
     "The council approved the new pier on Tuesday."),
    ("HARBOURTON/LONDON, Mar 3 (Reuters) - Ferries will run until midnight.", "Reuters", 3, 3,
     "Ferries will run until midnight."),
    ("本报滨江3月3日电 记者林小满、王大川报道：夜班船今晚首航。", None, 3, 3, "夜班船今晚首航。"),
    ("示例新闻社滨江3日电 夜班船今晚首航。", "示例新闻社", None, 3, "夜班船今晚首航。"),  # a bare day
    ("示例新闻社台北3月3日电台湾海峡两岸的客轮今起加班。", "示例新闻社", 3, 3, "台湾海峡两岸的客轮今起加班。"),
    # A byline: the date after it stays the article's (an event), and is read as the day the story was filed.
    ("《城市周刊》记者/林小满 3月3日,滨江第三条轮渡航线正式开通。", "《城市周刊》", 3, 3,
     "3月3日,滨江第三条轮渡航线正式开通。"),
    ("记者｜林小满、王大川 滨江第三条轮渡航线3日正式开通。", None, None, None, "滨江第三条轮渡航线3日正式开通。"),
    ("《城市周刊》记者/林小满 滨江第三条轮渡航线3月3日正式开通。", "《城市周刊》", None, None,
     "滨江第三条轮渡航线3月3日正式开通。"),  # a day inside the first clause is its own, not the story's
])
def test_a_news_dateline_is_cut_from_the_words_it_opens(
        text: str, agency: str | None, month: int | None, day: int | None, rest: str) -> None:
    found = news_dateline(text)
    assert found is not None
    assert (found.agency, found.month, found.day, text[found.end:]) == (agency, month, day, rest)


@pytest.mark.parametrize(("text", "year", "month", "day"), [
    ("《城市周刊》记者/林小满 2025 年3月3日,滨江市人民代表大会第二次会议上,市长作政府工作报告。", 2025, 3, 3),
    ("《城市周刊》记者/林小满2025年3月3日，市长作政府工作报告。", 2025, 3, 3),  # no space before the date
    ("HARBOURTON, March 3, 2025 (Xinhua) -- Ferries will run until midnight.", 2025, 3, 3),
    ("示例新闻社滨江2025年3月3日电 夜班船今晚首航。", 2025, 3, 3),
    ("示例新闻社滨江3月3日电 夜班船今晚首航。", None, 3, 3),
])
def test_a_dateline_or_a_bylines_lede_may_write_the_year(text: str, year: int | None, month: int, day: int) -> None:
    found = news_dateline(text)
    assert found is not None and (found.year, found.month, found.day) == (year, month, day)


@pytest.mark.parametrize("text", [
    "新华社记者走访了新建成的东岸码头。",  # the agency's reporters, in a sentence
    "国家电网3月5日电力负荷创下新高。",  # '电力', not a dateline's '电'
    "记者12月27日电话采访了港务局负责人。",
    "据示例新闻社消息，夜班船今晚首航。",  # attributed in a sentence
    "By 2030 the harbour will have six piers.",
    "NASA said the launch would go ahead.",
    "US-China ferry talks resume.",
    "The ferry — the city's oldest — was retired.",
    "记者：这次调整的原因是什么？",  # an interview's question: a colon, not a byline's slash
    "记者/编辑比例失衡的问题由来已久。",  # a ratio, then no name
    "编辑/校对人员不足，影响了出版进度。",
    "记者/林小满今天走访了东岸码头。",  # the name runs into the words: where it ends is unsure
    "示例新闻电台今天宣布，夜班船今晚首航。",  # '电台', not a dateline's '电'
])
def test_what_only_begins_like_a_dateline_is_the_articles(text: str) -> None:
    assert news_dateline(text) is None


@pytest.mark.parametrize("text", [
    "责任编辑:【周舟】", "（责任编辑：王五）", "(记者 林小满 王大川 制作 周舟)", "（完）", "【完】", "(示例新闻)",
    "（新华社）", "文/图 林小满", "《城市周刊》记者/林小满", "By Jane Doe, AP",
    "Reporting by Jane Doe; Editing by John Roe",
])
def test_a_credit_line(text: str) -> None:
    assert is_credit(text)


@pytest.mark.parametrize("text", [
    "记者：这次调整的原因是什么？",  # an interview's question
    "图 1 显示了各月的客流",  # a caption, not '图：'
    "By the numbers",  # a heading
    "By March the ferries will run every 20 minutes.",
    "（一）新区覆盖不足",
    "编辑部认为，夜班船应当常态化运行，以满足两岸居民的出行需求，这也是多数乘客的期待。",
    "《城市周刊》编辑部认为夜班船应当常态化",  # the paper's view, not its byline
])
def test_what_is_no_credit_line(text: str) -> None:
    assert not is_credit(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("明年，让我们在新码头再见。(示例新闻)", "明年，让我们在新码头再见。"),
    ("他说，夜班船会一直开下去。（记者 林小满）", "他说，夜班船会一直开下去。"),
    ("Fares are unchanged. (Reporting by Jane Doe; Editing by John Roe)", "Fares are unchanged."),
    ("客流同比增长5%。（港务局）", "客流同比增长5%。（港务局）"),  # a source of the figure, not of the story
    ("客流同比增长5%（新华社）", "客流同比增长5%（新华社）"),  # inside the sentence
    ("新码头设有无障碍通道（见图）。", "新码头设有无障碍通道（见图）。"),
])
def test_a_credit_closing_the_last_paragraph(text: str, kept: str) -> None:
    assert text[:trailing_credit(text)].rstrip() == kept
