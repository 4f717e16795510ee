"""Dates read from articles as a reader would: written forms in Chinese and English, partial dates completed
from the dates before them and the publication date, and numbers that are not dates left alone."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.text.dates import DateContext, DateMention
from tests.conftest import SHIPPED_ARTICLE

ARTICLE = SHIPPED_ARTICLE
PUBLISHED = date(2025, 2, 2)


def article_paragraphs() -> list[str]:
    """The shipped article's body, a paragraph a line (its '# …' header lines are metadata)."""
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def read(*paragraphs: str, published: date | None = PUBLISHED) -> list[DateMention]:
    """Every date of the paragraphs, read in order by one context, each checked to be where it says it is."""
    context = DateContext(published)
    found = []
    for paragraph in paragraphs:
        mentions = context.find(paragraph)
        assert all(paragraph[m.start:m.end] == m.written for m in mentions)
        found += mentions
    return found


def days(*paragraphs: str, published: date | None = PUBLISHED) -> list[tuple[str, str, str | None]]:
    """(as written, first day, last day) of each date read."""
    return [(m.written, m.first.isoformat(), m.last and m.last.isoformat())
            for m in read(*paragraphs, published=published)]


def test_the_shipped_article_dates_every_event_and_nothing_else() -> None:
    found = [(m.written, m.first.isoformat(), m.last and m.last.isoformat(), m.precision, m.completed)
             for m in read(*article_paragraphs())]
    assert found == [
        ("1 月 18 日", "2025-01-18", None, "day", True),  # the shutdown, late at night US Eastern time
        ("19 日", "2025-01-19", None, "day", True),  # the ban took effect on the 19th of the same month
        ("2024 年 4 月 24 日", "2024-04-24", None, "day", False),  # the law signed
        ("2025 年 1 月 19 日", "2025-01-19", None, "day", False),  # the deadline ('… 日前')
        ("2024 年 5 月 7 日", "2024-05-07", None, "day", False),  # the lawsuit
        ("2025 年 1 月 17 日", "2025-01-17", None, "day", False),  # the Supreme Court's ruling
        ("1 月 8 日至 1 月 14 日", "2025-01-08", "2025-01-14", "day", True),  # RedNote downloads
        ("2024 年", "2024-01-01", None, "year", False),  # '较 2024 年同期': a year, compared with
        ("2024 年 5 月 7 日", "2024-05-07", None, "day", False),  # the lawsuit, told again
        # Section five, after 2024-05-07 in section four: the Trump interview in January 2025, not 2024.
        ("1 月 18 日", "2025-01-18", None, "day", True),
        ("2024 年 7 月", "2024-07-01", None, "month", False),  # '截至 2024 年 7 月'
    ]


@pytest.mark.parametrize(("text", "first", "last", "precision", "completed"), [
    ("2024年4月24日签署", "2024-04-24", None, "day", False),
    ("于 2024 年 4 月 24 日签署", "2024-04-24", None, "day", False),
    ("二〇二四年四月二十四日", "2024-04-24", None, "day", False),
    ("１月１８日", "2025-01-18", None, "day", True),  # full-width digits
    ("一月十八日", "2025-01-18", None, "day", True),
    ("今年 1 月 18 日", "2025-01-18", None, "day", True),
    ("去年 12 月", "2024-12-01", None, "month", True),
    ("2025年1月", "2025-01-01", None, "month", False),
    ("12 月份", "2024-12-01", None, "month", True),
    ("1月8日至14日", "2025-01-08", "2025-01-14", "day", True),
    ("1月8日—14日", "2025-01-08", "2025-01-14", "day", True),
    ("1 月 8-14 日", "2025-01-08", "2025-01-14", "day", True),
    ("1 月 8 日到 1 月 14 日", "2025-01-08", "2025-01-14", "day", True),
    ("12 月 30 日至 1 月 5 日", "2024-12-30", "2025-01-05", "day", True),  # the end in the next year
    ("1 月 30 日至 2 日", "2025-01-30", "2025-02-02", "day", True),  # the end in the next month
    ("2024 年 12 月 30 日至 2025 年 1 月 5 日", "2024-12-30", "2025-01-05", "day", False),
    ("14 日夜间至 15 日上午", "2025-01-14", "2025-01-15", "day", True),  # the time of day between
    ("8 月至 10 月", "2024-08-01", "2024-10-31", "month", True),
    ("2020 年至 2024 年", "2020-01-01", "2024-12-31", "year", False),
    ("2020 年至今年", "2020-01-01", "2025-12-31", "year", False),  # the end from the publication date
    ("2025 年 1-3 月", "2025-01-01", "2025-03-31", "month", False),
    ("2024 年一至三月", "2024-01-01", "2024-03-31", "month", False),
    ("3 月份", "2024-03-01", None, "month", True),  # a month without a future word: the last one
    ("将于 3 月份", "2025-03-01", None, "month", True),
    ("新华社北京 18 日电", "2025-01-18", None, "day", True),  # a bare day: of this month or the one before
    ("2025-01-18", "2025-01-18", None, "day", False),
    ("发布于2025/1/18", "2025-01-18", None, "day", False),
    ("2025.01.18", "2025-01-18", None, "day", False),
    ("2024 年度报告", "2024-01-01", None, "year", False),
])
def test_chinese_dates(text: str, first: str, last: str | None, precision: str, completed: bool) -> None:
    [mention] = read(text)
    assert (mention.first.isoformat(), mention.last and mention.last.isoformat()) == (first, last)
    assert (mention.precision, mention.completed) == (precision, completed)


@pytest.mark.parametrize(("text", "written", "first", "last", "precision"), [
    ("signed on April 24, 2024.", "April 24, 2024", "2024-04-24", None, "day"),
    ("signed on 24 April 2024.", "24 April 2024", "2024-04-24", None, "day"),
    ("went dark on Jan. 18.", "Jan. 18", "2025-01-18", None, "day"),
    ("went dark on January 18th.", "January 18th", "2025-01-18", None, "day"),
    ("went dark on the 18th of January.", "the 18th of January", "2025-01-18", None, "day"),
    ("late on Saturday, Jan. 18, the app", "Saturday, Jan. 18", "2025-01-18", None, "day"),
    ("Sept. 29, 2022, writing", "Sept. 29, 2022", "2022-09-29", None, "day"),
    ("In July 2024, Indonesia", "July 2024", "2024-07-01", None, "month"),
    ("lawmakers met in December to", "December", "2024-12-01", None, "month"),
    ("prices peaked in mid-January and", "January", "2025-01-01", None, "month"),
    ("the company, founded in 2012, said", "2012", "2012-01-01", None, "year"),
    ("Downloads rose January 8-14.", "January 8-14", "2025-01-08", "2025-01-14", "day"),
    ("Downloads rose Jan 18-19, 2025.", "Jan 18-19, 2025", "2025-01-18", "2025-01-19", "day"),
    ("Downloads rose January 8 to 14.", "January 8 to 14", "2025-01-08", "2025-01-14", "day"),
    ("from January 8 to February 3", "January 8 to February 3", "2025-01-08", "2025-02-03", "day"),
    ("between January 8 and January 14", "January 8 and January 14", "2025-01-08", "2025-01-14", "day"),
    ("between Oct. 27 and Nov. 2, 2021", "Oct. 27 and Nov. 2, 2021", "2021-10-27", "2021-11-02", "day"),
    ("from Dec. 30, 2024, to Jan. 5, 2025", "Dec. 30, 2024, to Jan. 5, 2025", "2024-12-30", "2025-01-05", "day"),
    ("held 8-14 January 2025", "8-14 January 2025", "2025-01-08", "2025-01-14", "day"),
    ("posted on 2025-01-18T10:30", "2025-01-18", "2025-01-18", None, "day"),
])
def test_english_dates(text: str, written: str, first: str, last: str | None, precision: str) -> None:
    [mention] = read(text)
    assert (mention.written, mention.first.isoformat(), mention.last and mention.last.isoformat()) == (
        written, first, last)
    assert mention.precision == precision


@pytest.mark.parametrize("text", [
    # Chinese counts and durations, numbers that are not dates
    "较前 7 天增长超过 20 倍", "给予 TikTok90 天的禁令延缓执行期限", "为期 5 日", "3 日内完成", "连续 3 日上涨",
    "每月 15 日发薪", "每年 3 月 15 日是消费者权益日", "近 2000 年的历史", "2000 多年", "上世纪 90 年代",
    "第 3 日", "5 日元", "3 号楼", "地铁 1 号线", "5日均线", "三日", "十八日", "三月", "2024年2月30日",
    "昨日黄花", "约 1.7 亿用户", "新增 1000 个工作岗位", "1.576 亿用户", "版本 2.1.18", "电话 010-2025-0118",
    # English: durations, times, scores, codes
    "The app had 90 days to comply.", "compared with the previous 7 days", "a COVID-19 bug",
    "available 24/7", "won the match 3-1", "at 10:30 a.m.", "call 555-0199", "version 2.1.18 and v2025.01.18",
    "under Section 230 of the law", "ISBN 978-0-306-40615-7", "Windows 10 and Route 66", "the 2024 election",
    "in the 2020s", "the 19th Amendment", "on the 2nd floor", "sales may 2 percent", "every Jan. 1",
    "by Oct. 1 of each year", "paid 1/18/25", "in 2,024 cases", "a 2-1 vote on the 3-1 score", "in 2024/25",
    "March Madness", "Mar-a-Lago", "May I ask?", "in the 1990s", "Monday's vote", "on Mondays", "every Monday",
])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert read(text) == []


WEDNESDAY = date(2025, 2, 5)  # the publication date of the tests of dates written from it


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["The lease ended 1/18/2025."], [("1/18/2025", "2025-01-18")]),  # the day over 12: month first
    (["The lease ended 18/01/2025."], [("18/01/2025", "2025-01-18")]),  # day first
    (["Filed 01-18-2025, heard 2/3/2025."], [("01-18-2025", "2025-01-18"), ("2/3/2025", "2025-02-03")]),
    # An article that has written a date day first writes its others so too.
    (["Filed on 18/01/2025.", "Heard on 03/02/2025."], [("18/01/2025", "2025-01-18"), ("03/02/2025", "2025-02-03")]),
    (["公告于2025.1.18发布,1/18/2025生效。"], [("2025.1.18", "2025-01-18"), ("1/18/2025", "2025-01-18")]),
    (["合同于 3/4/2025 签署。"], []),  # Chinese writes the year first: which of 3 and 4 is the month is unknown
    (["a 1/2 share and a 3-1 win", "call 010-12-2025", "version 1.2.2024", "on 13/13/2025"], []),
])
def test_numeric_dates(paragraphs: list[str], expected: list[tuple[str, str]]) -> None:
    assert [(written, first) for written, first, _ in days(*paragraphs, published=WEDNESDAY)] == expected


@pytest.mark.parametrize(("text", "written", "day"), [
    ("周二,会议在北京召开。", "周二", "2025-02-04"),  # like 'on Tuesday': the latest one
    ("美联储星期三宣布降息。", "星期三", "2025-02-05"),  # the day of publication itself
    ("公司将于周五发布新品。", "周五", "2025-02-07"),  # a sentence about the future: the next one
    ("上周二,双方签署协议。", "上周二", "2025-01-28"),
    ("上个星期四,法院开庭。", "上个星期四", "2025-01-30"),
    ("本周五,新规正式实施。", "本周五", "2025-02-07"),  # this week's, though after publication
    ("这周日,演唱会开幕。", "这周日", "2025-02-09"),  # a Chinese week ends on Sunday
    ("下周一,学校开学。", "下周一", "2025-02-10"),
    ("14 日(周二),会议闭幕。", "14 日", "2025-01-14"),  # the weekday of a written day is that day
    ("1 月 13 日,一个普通的周一,他打开了手机。", "1 月 13 日", "2025-01-13"),
])
def test_chinese_weekdays_from_the_publication_date(text: str, written: str, day: str) -> None:
    assert days(text, published=WEDNESDAY) == [(written, day, None)]


@pytest.mark.parametrize("text", [
    "庆祝建国 75 周年", "周边地区", "一周之内", "一周一次", "每两周一次", "每周二开放", "逢周二闭馆",
    "周二至周五正常营业", "周一、周三和周五有课", "周六日照常", "周日均客流 5 万人次", "周天子", "周末出行",
])
def test_weekday_words_that_are_no_day(text: str) -> None:
    assert read(text, published=WEDNESDAY) == []


@pytest.mark.parametrize(("text", "written", "first", "last", "precision"), [
    ("本月18日召开", "本月18日", "2025-02-18", None, "day"),  # this month's, though after publication
    ("上月18日召开", "上月18日", "2025-01-18", None, "day"),
    ("上个月 8 日至 10 日", "上个月 8 日至 10 日", "2025-01-08", "2025-01-10", "day"),
    ("下月起执行", "下月", "2025-03-01", None, "month"),
    ("本月底前完成", "本月", "2025-02-01", None, "month"),
    ("今年3月", "今年3月", "2025-03-01", None, "month"),  # a month after publication: the year says so
    ("去年12月", "去年12月", "2024-12-01", None, "month"),
    ("明年将继续实施", "明年", "2026-01-01", None, "year"),
    ("去年全年销量", "去年", "2024-01-01", None, "year"),
    ("Sales fell last year.", "last year", "2024-01-01", None, "year"),
    ("this year's budget", "this year", "2025-01-01", None, "year"),
    ("It opens this March.", "this March", "2025-03-01", None, "month"),
    ("It opens next month.", "next month", "2025-03-01", None, "month"),
    ("Prices rose last month.", "last month", "2025-01-01", None, "month"),
])
def test_dates_written_from_the_publication_date(text: str, written: str, first: str, last: str | None,
                                                 precision: str) -> None:
    [mention] = read(text, published=WEDNESDAY)
    assert (mention.written, mention.first.isoformat(), mention.last and mention.last.isoformat()) == (
        written, first, last)
    assert (mention.precision, mention.completed) == (precision, True)
    assert read(text, published=None) == []  # from nothing, they say nothing


@pytest.mark.parametrize("text", [
    "如今年轻人更爱网购", "数据表明年轻人更爱网购", "说明年度计划", "过去年份的数据", "日本月球探测器",
    "晚上月光很好", "马上月底了", "以下月份", "over the last year", "in the next month", "for the past year",
])
def test_words_that_only_look_written_from_the_publication_date(text: str) -> None:
    assert read(text, published=WEDNESDAY) == []


def test_a_year_written_from_publication_says_when_what_follows_happened() -> None:
    assert days("去年,公司成立。3 月 10 日,首款产品上线。", published=WEDNESDAY) == [
        ("去年", "2024-01-01", None), ("3 月 10 日", "2024-03-10", None)]
    assert days("Last year, the founders met. On March 10 they launched.", published=WEDNESDAY) == [
        ("Last year", "2024-01-01", None), ("March 10", "2024-03-10", None)]


def test_a_bare_day_takes_the_month_of_the_date_before_it() -> None:
    assert days("美东时间 1 月 18 日深夜,TikTok 停止服务。禁令于 19 日生效。") == [
        ("1 月 18 日", "2025-01-18", None), ("19 日", "2025-01-19", None)]
    assert days("It went dark on Jan. 18.", "The ban took effect on the 19th, as planned.") == [
        ("Jan. 18", "2025-01-18", None), ("the 19th", "2025-01-19", None)]


def test_a_partial_date_near_the_last_date_takes_its_year() -> None:
    published = date(2025, 6, 1)  # so that publication alone would put these in 2025
    assert days("2024 年 5 月 7 日起诉,5 月 9 日立案。", published=published) == [
        ("2024 年 5 月 7 日", "2024-05-07", None), ("5 月 9 日", "2024-05-09", None)]
    assert days("They sued on May 7, 2024, after the law was signed on April 24.", published=published) == [
        ("May 7, 2024", "2024-05-07", None), ("April 24", "2024-04-24", None)]
    assert days("The bill passed on Dec. 30, 2024.", "It took effect on Jan. 5.", published=published) == [
        ("Dec. 30, 2024", "2024-12-30", None), ("Jan. 5", "2025-01-05", None)]


def test_a_partial_date_far_from_the_last_date_is_near_publication() -> None:
    """The anchor does not simply lend its year: a story goes back to what happened in the months before it was
    published (the shipped article's Trump interview, 1 月 18 日 after 2024 年 5 月 7 日)."""
    assert days("The company sued on May 7, 2024, and the Supreme Court upheld the law on Jan. 17.",
                published=date(2025, 1, 20)) == [("May 7, 2024", "2024-05-07", None), ("Jan. 17", "2025-01-17", None)]
    assert days("1 月 18 日,TikTok 关停。", "12 月 20 日,听证会召开。") == [
        ("1 月 18 日", "2025-01-18", None), ("12 月 20 日", "2024-12-20", None)]
    assert days("The judge set a conference for April 22.", published=date(2025, 3, 14)) == [
        ("April 22", "2025-04-22", None)]  # three weeks ahead, not eleven months back


def test_a_plan_after_publication_does_not_carry_the_story_into_next_year() -> None:
    story = ("From Jan. 1, 2025, the wage rises; it reaches $17.25 on July 1, 2025.",
             "The proposal went through a comment period from Oct. 1 to Oct. 31.")
    assert days(*story, published=date(2024, 12, 5))[-1] == ("Oct. 1 to Oct. 31", "2024-10-01", "2024-10-31")


def test_the_future_lets_a_date_be_later_than_publication() -> None:
    published = date(2024, 12, 20)
    assert days("新规将于 6 月 1 日起施行。", published=published) == [("6 月 1 日", "2025-06-01", None)]
    assert days("新规于 6 月 1 日起施行。", published=published) == [("6 月 1 日", "2024-06-01", None)]
    assert days("The review is expected to be finished by Oct. 1.", published=date(2024, 7, 15)) == [
        ("Oct. 1", "2024-10-01", None)]


def test_a_year_that_says_when_sets_the_year_of_the_dates_after_it_in_its_paragraph() -> None:
    assert days("2019 年,公司成立。3 月 10 日,首款产品上线。") == [
        ("2019 年", "2019-01-01", None), ("3 月 10 日", "2019-03-10", None)]
    assert days("In 2019, the founders met. On March 10 they launched.") == [
        ("2019", "2019-01-01", None), ("March 10", "2019-03-10", None)]
    # The next paragraph is back to the publication date.
    assert days("2019 年,公司成立。", "10 月 10 日,新品上线。")[-1] == ("10 月 10 日", "2024-10-10", None)


@pytest.mark.parametrize("measure", [
    "较 2024 年同期增长超过 30 倍。", "公司 2024 年研发投入达 18.6 亿元。",
    "Note 8 自 2024 年 4 月上市以来销量达 320 万台。", "Sales rose more than in 2023.",
])
def test_a_year_used_as_a_measure_or_background_sets_nothing(measure: str) -> None:
    found = days(f"{measure} 1 月 9 日,新品发布。")
    assert found[-1] == ("1 月 9 日", "2025-01-09", None) and len(found) == 2


def test_without_a_publication_date_a_partial_date_needs_a_date_before_it() -> None:
    assert read("1 月 18 日,TikTok 关停。", published=None) == []
    assert days("2025 年 1 月 17 日,法院裁定。1 月 18 日,TikTok 关停。", published=None) == [
        ("2025 年 1 月 17 日", "2025-01-17", None), ("1 月 18 日", "2025-01-18", None)]


def test_the_context_carries_on_from_paragraph_to_paragraph() -> None:
    context = DateContext(date(2025, 6, 1))
    assert [m.first for m in context.find("2024 年 12 月 30 日,法案通过。")] == [date(2024, 12, 30)]
    [following] = context.find("1 月 3 日,法案生效;5 日,总统签署。")[1:]
    assert following.first == date(2025, 1, 5) and following.completed


def test_relative_days() -> None:
    assert days("2024年1月19日,一审法院作出判决。次日,速比公司发表声明。") == [
        ("2024年1月19日", "2024-01-19", None), ("次日", "2024-01-20", None)]
    assert read("2024年1月19日,一审法院作出判决。", "次日,速比公司发表声明。")[1:] == []  # only in its paragraph
    assert days("昨天,TikTok 恢复服务。") == [("昨天", "2025-02-01", None)]
    saturday = date(2025, 1, 18)
    assert days("TikTok went dark late on Saturday.", published=saturday) == [("Saturday", "2025-01-18", None)]
    assert days("Trump spoke on Friday.", published=saturday) == [("Friday", "2025-01-17", None)]
    assert days("He spoke last Saturday.", published=saturday) == [("Saturday", "2025-01-11", None)]
    assert days("He will take office on Monday.", published=saturday) == [("Monday", "2025-01-20", None)]
    assert read("Trump spoke on Friday.", published=None) == []


def test_an_english_news_story() -> None:
    """A wire story with full, partial and ranged dates among the numbers news is full of."""
    story = [
        "WASHINGTON (Reuters) - TikTok went dark for its 170 million American users late on Saturday, Jan. 18, "
        "hours before a federal ban took effect on the 19th. About 80% of U.S. teens use the app 24/7, a 2023 "
        "survey found.",
        "President Joe Biden signed the law on April 24, 2024, giving ByteDance 270 days, until Jan. 19, 2025, to "
        "sell the app. The company sued on May 7, 2024, and the Supreme Court upheld the law on Jan. 17 in a 9-0 "
        "ruling under Section 230-style reasoning.",
        "Downloads of RedNote jumped between January 8 and January 14, up 20 times on the previous 7 days, and "
        "again from Jan 18-19. In July 2024, Indonesia had 157.6 million users, according to version 2.1 of a "
        "report updated at 10:30 a.m. on Monday.",
        "Trump said he would give TikTok 90 days after taking office on Jan. 20. The next day, TikTok restored "
        "service. Call 1-800-555-0199 for help.",
    ]
    assert days(*story, published=date(2025, 1, 21)) == [
        ("Saturday, Jan. 18", "2025-01-18", None),
        ("the 19th", "2025-01-19", None),
        ("April 24, 2024", "2024-04-24", None),
        ("Jan. 19, 2025", "2025-01-19", None),
        ("May 7, 2024", "2024-05-07", None),
        ("Jan. 17", "2025-01-17", None),
        ("January 8 and January 14", "2025-01-08", "2025-01-14"),
        ("Jan 18-19", "2025-01-18", "2025-01-19"),
        ("July 2024", "2024-07-01", None),
        ("Monday", "2025-01-20", None),
        ("Jan. 20", "2025-01-20", None),
        ("The next day", "2025-01-21", None),
    ]


def test_a_long_text_is_read_in_one_pass() -> None:
    """Nothing looks back over the whole text for each number: the shipped article forty times over, as one text of
    about 750 KB, gives forty times its dates, the same ones."""
    paragraphs = article_paragraphs()
    once = [(m.written, m.first) for m in read(*paragraphs)]
    assert [(m.written, m.first) for m in read("\n".join(paragraphs * 40))] == once * 40
