"""Metadata in an article's own text: date lines, the publisher's caveat, the language."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.sources.metadata import date_in_address, dateline, full_date, is_caveat, language


@pytest.mark.parametrize(("text", "day"), [
    ("2025-02-02", date(2025, 2, 2)), ("2025/2/2 10:00", date(2025, 2, 2)), ("2025年02月02日", date(2025, 2, 2)),
    ("2025 年 2 月 2 日", date(2025, 2, 2)), ("February 2, 2025", date(2025, 2, 2)),
    ("Feb. 2nd, 2025", date(2025, 2, 2)),
    ("2 February 2025", date(2025, 2, 2)), ("Sept 30 2024", date(2024, 9, 30)),
    ("Saturday, February 1, 2025 at 3:04 PM", date(2025, 2, 1)), ("1/18/2025 10:00 AM", date(2025, 1, 18)),
    ("2025-02-02T10:00:00+08:00", date(2025, 2, 2)),
])
def test_full_dates(text: str, day: date) -> None:
    assert full_date(text) == day


@pytest.mark.parametrize("text", ["2 月 2 日", "February 2", "2025 年", "2025-02-30", "1.7 亿", "第 2025 期",
                                  "v2025.02.02", "Tel 2025-02-02-88"])  # a version, a phone number
def test_what_is_no_full_date(text: str) -> None:
    assert full_date(text) is None


def test_a_date_line_names_its_source_as_the_publisher() -> None:
    line = dateline("2025-02-02 10:00  来源：新华网  作者：张三")
    assert line is not None and (line.published, line.publisher) == (date(2025, 2, 2), "新华网")
    line = dateline("By Jane Doe · Published: February 2, 2025")
    assert line is not None and (line.published, line.publisher, line.says_published) == (
        date(2025, 2, 2), None, True)


@pytest.mark.parametrize(("text", "published", "publisher", "says_published"), [
    # Was '示例新闻社 2025-02-02 15:05:12'.
    ("来源:示例新闻社 2025-02-02 15:05:12", date(2025, 2, 2), "示例新闻社", False),
    ("發布時間:2025年02月02日 18:32 來源:示例新聞網", date(2025, 2, 2), "示例新聞網", True),
    ("来源：经济日报-示例网 2025年02月02日", date(2025, 2, 2), "经济日报-示例网", False),
    ("Source: Harbour Wire, February 2, 2025", date(2025, 2, 2), "Harbour Wire", False),
    ("Source: Harbour Wire | Updated 3:04 PM", None, "Harbour Wire", False),  # a source line without a date
    ("来源：示例资讯网", None, "示例资讯网", False),
])
def test_the_publisher_is_the_source_named_without_the_date_and_time_beside_it(
        text: str, published: date | None, publisher: str, says_published: bool) -> None:
    line = dateline(text)
    assert line is not None and (line.published, line.publisher, line.says_published) == (
        published, publisher, says_published)


@pytest.mark.parametrize("text", [
    "Source: the ministry said the figures were provisional",  # a sentence, not a name
    "数据来源：港务局",  # the source of the figures, not of the article
    "来源：港务局 数据显示全年客流增长",
])
def test_what_names_no_publisher(text: str) -> None:
    assert dateline(text) is None


@pytest.mark.parametrize(("url", "dated"), [
    ("http://news.example.cn/2025-01/21/c_1130.htm", (2025, 1)),
    ("https://news.example.cn/cj/2025/01-21/10357.shtml", (2025, 1)),
    ("https://www.example.gov.cn/art/202501/t20250121_123.html", (2025, 1)),
    ("https://example.com/article/2023456789", None),  # an article's number
    ("https://example.com/ferry-timetable", None),
    (None, None),
])
def test_the_date_in_a_pages_address(url: str | None, dated: tuple[int, int] | None) -> None:
    assert date_in_address(url) == dated


@pytest.mark.parametrize("text", [
    "2025年2月2日，某某发布了新的规定。",
    "On February 2, 2025 the ministry said it would review the rules for every ferry operator in the region",
    "发布时间",
])
def test_a_sentence_with_a_date_is_no_date_line(text: str) -> None:
    assert dateline(text) is None


@pytest.mark.parametrize("text", [
    "本信息由相关用户自行提供,真实性未证实,仅供参考。",
    "免责声明：本文仅代表作者个人观点，与本站无关。",
    "【特别声明】以上内容不代表本站观点。",
    "This article is provided by a user and has not been verified.",
    "Disclaimer: Timetables are provided by the harbour authority and may change without notice.",
    "The views expressed are the author's own and do not necessarily reflect those of the Gazette.",
])
def test_the_publishers_caveat(text: str) -> None:
    assert is_caveat(text)


@pytest.mark.parametrize("text", [
    "以下数据仅供参考。",  # says 'for reference', but of what it does not say
    "The claims have not been verified by the court, which will hear the case in May.",
    "这一消息迅速在全球范围内传播开来，引发了广泛的关注和讨论。" * 4,
])
def test_what_is_no_caveat(text: str) -> None:
    assert not is_caveat(text)


def test_language_by_the_share_of_chinese_characters() -> None:
    assert language("TikTok 在美国拥有 1.7 亿用户，Instagram Reels 和 YouTube Shorts 受益。") == "zh-CN"
    assert language("The ferry (渡轮) runs every 20 minutes from April 1.") == "en"
    assert language("") == "en"
