"""The dated events of an article, as `briefing draft` finds them: which days are events of the story (not the
article's dateline, time stamp or signature, nor a photo's), and titles that say who did what in a few words."""

from __future__ import annotations

import re
from datetime import date

import pytest

from briefing.sources.article import Article, Block
from briefing.sources.facts import EVENT_TITLE_LIMIT, find_facts
from briefing.sources.sentences import is_chinese

PUBLISHED = date(2025, 1, 21)  # a Tuesday


def events(*paragraphs: str, published: date | None = PUBLISHED) -> list[tuple[str, str]]:
    """(first day, title) of each event drafted from the paragraphs, an article's body in order."""
    chinese = is_chinese("".join(paragraphs))
    article = Article("article.txt", None, published, None, None, None, "zh-CN" if chinese else "en",
                      tuple(Block(number, text, None) for number, text in enumerate(paragraphs, start=1)))
    found = find_facts(article).events
    for event in found:  # within a timeline label's size: Chinese characters, or English words
        size = len(re.findall(r"[\u4e00-\u9fff]", event.title)) if chinese else len(event.title.split())
        assert size <= EVENT_TITLE_LIMIT[chinese]
    return [(event.first.isoformat(), event.title) for event in found]


@pytest.mark.parametrize(("paragraph", "expected"), [
    # The dateline's day ('1月20日电') is when the story was filed: the event is what it reports.
    ("新华网上海1月20日电(记者王明、李华)记者20日从全市交通工作会议获悉,今年将新开3条地铁线路。",
     [("2025-01-20", "全市交通工作会议")]),
    ("中新社1月20日电 市人民政府新闻办公室20日召开“城市更新行动进展”专题新闻发布会。",
     [("2025-01-20", "市人民政府新闻办公室召开专题新闻发布会")]),  # the quoted name left out, to fit
    ("本报讯(记者 赵敏)记者19日从市统计局获悉,全市粮食产量再创新高。", [("2025-01-19", "全市粮食产量再创新高")]),
    ("《城市周刊》记者/孙立 1月18日,在市民中心举行的表彰大会上,市长为50名志愿者颁发证书。",
     [("2025-01-18", "市长为50名志愿者颁发证书")]),
    ("BEIJING, Jan. 20 (Xinhua) -- The city opened three new subway lines on Monday.",
     [("2025-01-20", "The city opened three new subway lines")]),
])
def test_a_dateline_dates_no_event_and_gives_no_title(paragraph: str, expected: list[tuple[str, str]]) -> None:
    assert events(paragraph) == expected


@pytest.mark.parametrize("paragraph", [
    "滨江日报 2025-01-20 08:30 记者 周明",  # a byline with its time stamp
    "Published Jan. 20, 2025 9:15 AM | Updated Jan. 20, 2025 11:40 AM",
    "市应急管理局 2025年1月20日",  # a report's signature, as its own paragraph or at the end of the last one
    "以上情况,特此报告。市应急管理局 2025年1月20日",
    "Jan. 12",  # a log's heading
    "2025年1月18日,游客在新开放的滨江步道上合影。",  # photo captions
    "1月18日,市民在灯会现场观赏花灯。(新华社记者 张三 摄)",
    "图为1月18日拍摄的滨江大桥夜景。",
    "Photo: Volunteers clear snow from a school yard on Jan. 18.",
    "Volunteers pose for a group photo on Jan. 18.",
])
def test_the_articles_own_dates_and_a_photos_are_no_events(paragraph: str) -> None:
    assert events(paragraph) == []


@pytest.mark.parametrize(("paragraph", "expected"), [
    # Things that look like them and are events.
    ("1月20日,市应急管理局发布暴雨预警。", [("2025-01-20", "市应急管理局发布暴雨预警")]),
    ("摄影展于1月18日开幕。", [("2025-01-18", "摄影展开幕")]),
    ("1月18日,两国领导人在会谈后共同会见记者。", [("2025-01-18", "两国领导人在会谈后共同会见记者")]),
    ("会议定于1月25日10:30开始。", [("2025-01-25", "会议开始")]),  # a clock time in the story is no stamp
    ("1月20日 市长讲话", [("2025-01-20", "市长讲话")]),  # a line without a stop, but not a signature
    ("Hearings ran Jan. 8-10", [("2025-01-08", "Hearings ran")]),
    ("The report, published Jan. 15, found 40 unsafe bridges.", [("2025-01-15", "The report found 40 unsafe bridges")]),
])
def test_what_only_looks_like_a_stamp_or_a_caption_stays_an_event(
        paragraph: str, expected: list[tuple[str, str]]) -> None:
    assert events(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "title"), [
    # The clause with a verb of action, not a simile, a setting or a description of the day.
    ("1月18日,一则消息如惊雷般传遍全城,市政府宣布取消限行措施。", "市政府宣布取消限行措施"),
    ("1月18日,在市民中心广场,随着一声令下,首批新能源公交车正式发车。", "首批新能源公交车正式发车"),
    ("2025年1月13日,一个寻常的周一,市民张先生像往常一样乘地铁上班。", "市民张先生像往常一样乘地铁上班"),
    # No leftover day, clock time or bracketed aside.
    ("15日9时30分,大桥主体结构合龙。", "大桥主体结构合龙"),
    ("1月20日10:00起,新线路开通运营。", "新线路开通运营"),
    ("1月20日,市公交集团(以下简称公交集团)宣布调整票价。", "市公交集团宣布调整票价"),
    ("市交通委1月20日宣布,地铁1号线将延长运营时间。", "市交通委宣布地铁1号线将延长运营时间"),  # and what it announced
    # A clause that was only the date's subject names the day.
    ("开幕时间为1月25日,届时将有200家企业参展。", "开幕"),
    ("美联储周三宣布降息25个基点。", "美联储宣布降息25个基点"),
])
def test_a_chinese_events_title_says_who_did_what(paragraph: str, title: str) -> None:
    [(_, drafted)] = events(paragraph)
    assert drafted == title


@pytest.mark.parametrize(("paragraph", "title"), [
    ("The Harbor Board on Tuesday, Jan. 14, voted 5-2 to extend the contract.",
     "The Harbor Board voted 5-2 to extend the contract"),  # the subject the date ended takes its predicate
    ("Maria Chen, 41, a nurse from Eastfield, filed the complaint on Jan. 9.",
     "Maria Chen filed the complaint"),  # a predicate set off by an aside takes its subject
    ("On Jan. 15, after the storm passed, crews restored power to 4,000 homes.",
     "Crews restored power to 4,000 homes"),  # not the clause that only sets the scene
    ("Starting Feb. 1, the fare will rise to $3.", "The fare will rise to $3"),
    ("The match began at 7:30 p.m. on Jan. 12, when the rain stopped.", "The match began"),
    ("Tenants must file their forms, in English or Spanish, by Jan. 31 at the city office.",
     "Tenants must file their forms"),
    ("Temperatures hit 40C on Jan. 10, play was halted for three hours.", "Temperatures hit 40C"),
    ("The court held its first hearing on Jan. 6.[2]", "The court held its first hearing"),
    ("Parents who signed up for the winter camp on Jan. 11 were offered a refund.",
     "Parents who signed up for the winter camp"),  # cut, it does not end on 'were'
])
def test_an_english_events_title_says_who_did_what(paragraph: str, title: str) -> None:
    [(_, drafted)] = events(paragraph)
    assert drafted == title


def test_the_days_of_a_dateline_still_complete_the_days_after_it() -> None:
    """The dateline dates no event, but its month is what '20日' is of."""
    assert events("新华社北京12月20日电 记者20日从全国交通运输工作会议获悉,今年将新增高铁线路。",
                  "21日,会议闭幕。", published=date(2024, 12, 22)) == [
        ("2024-12-20", "全国交通运输工作会议"), ("2024-12-21", "会议闭幕")]


@pytest.mark.parametrize(("paragraph", "as_of"), [
    ("The ferry carried 2.4 million passengers last year, the operator said on Monday.", None),
    ("市交通局20日表示，全市地铁日均客流达到320万人次。", None),
    ("On Jan. 18, the ferry carried 12,000 passengers, a record.", "2025-01-18"),
    ("截至2024年12月，全市共有公交线路420条。", "2024-12"),
])
def test_a_figure_holds_for_its_sentences_date_not_the_day_it_was_said(paragraph: str, as_of: str | None) -> None:
    article = Article("article.txt", None, PUBLISHED, None, None, None, "zh-CN" if is_chinese(paragraph) else "en",
                      (Block(1, paragraph, None),))
    assert [statistic.as_of for statistic in find_facts(article).statistics] == [as_of]


@pytest.mark.parametrize(("paragraph", "title"), [
    # A clause that only says who said it: the event is what was said, before it, after 'that', or after it.
    ("The ferry line carried 2.4 million passengers last year, a 9% rise, the operator said on Monday, as "
     "tourists returned.", "The ferry line carried 2.4 million passengers last year"),
    ("Officials said on Tuesday that the bridge would reopen in May.", "The bridge would reopen in May"),
    ("Fares will rise by 20 cents, the transit board announced on Jan. 14.", "Fares will rise by 20 cents"),
    ("Ridership fell sharply in December, the mayor told reporters on Jan. 9.", "Ridership fell sharply in December"),
    ("Two schools will close, according to a statement issued on Jan. 16.", "Two schools will close"),
    ("The plant will shut in March, said the company on Jan. 15.", "The plant will shut in March"),
    # What only looks like it: a report that says what it reports in its own clause.
    ("The council announced on Jan. 14 a plan to cut fares.", "The council announced a plan to cut fares"),
    ("Northway said on Jan. 10 it would cut 300 jobs.", "Northway said it would cut 300 jobs"),
    ("On Jan. 10, after the vote, Northway announced that it would close two depots.",
     "Northway announced that it would close two depots"),  # what it said needs who said it
])
def test_an_english_report_is_titled_by_what_was_said_not_who_said_it(paragraph: str, title: str) -> None:
    [(_, drafted)] = events(paragraph)
    assert drafted == title


@pytest.mark.parametrize(("paragraph", "title"), [
    # Too long by an article or two: a headline leaves the articles out rather than cut the clause short.
    ("A coalition of 12 tenant groups filed a formal complaint on Feb. 3.",
     "Coalition of 12 tenant groups filed formal complaint"),
    ("The city will run 40 buses a day on the route from Feb. 3.", "City will run 40 buses a day on route"),
    # Short enough as it is: the articles stay. Too long without them too: cut, never on 'the' or 'last'.
    ("The court held its first hearing on Jan. 6.", "The court held its first hearing"),
    ("On Jan. 8 the museum said it had sold 41,000 tickets at the door last week alone.",
     "The museum said it had sold 41,000 tickets"),
])
def test_an_english_title_that_is_too_long_drops_its_articles_before_its_words(paragraph: str, title: str) -> None:
    [(_, drafted)] = events(paragraph)
    assert drafted == title


def test_a_footnote_mark_ends_the_sentence_that_titles_an_event() -> None:
    """Was: 'ruled to uphold the law.[1] … As of Jan. 19, the app is banned' was one sentence, and the 19th's event
    took the 17th's title."""
    assert events("On Jan. 17, the court ruled to uphold the law.[1] The judges found the law sound.[2] As of "
                  "Jan. 19, the app is banned in the state.[3]") == [
        ("2025-01-17", "The court ruled to uphold the law"), ("2025-01-19", "The app is banned in the state")]
