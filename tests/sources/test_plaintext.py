"""Plain text: the header's metadata, the date line under the title, and the rules that leave a copied web
page's menus and footer out while keeping every line of an article that has none."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.sources.read import read_article_bytes

BODY_ZH = ("近年来，城市新区人口增长较快，原有线路难以覆盖新建住宅区，居民反映换乘次数多、等车时间长。",
           "交通运输局表示，这次调整以“填补空白、减少重复”为主要原则，新开线路 6 条，撤销线路 3 条。")
BODY_EN = ("Passenger numbers rose by about 18% last year, to 2.4 million trips, and queues at the pier grew.",
           "Two new electric ferries, each carrying 150 passengers, enter service in March after sea trials.")


def read(text: str) -> tuple[str | None, list[str]]:
    """(title, the blocks' texts) of a plain-text file."""
    article = read_article_bytes(text.encode("utf-8"), "article.txt")
    return article.title, [block.text for block in article.blocks]


def test_the_header_gives_title_date_address_publisher_and_caveat() -> None:
    text = ("# Title: 公交调整\n# Published: 2025-03-04, https://news.example.cn/bus.html\n# Publisher: 示例资讯网\n"
            "# The publisher notes: 本文内容仅供参考。\n\n公交调整\n\n" + "\n\n".join(BODY_ZH) + "\n")
    article = read_article_bytes(text.encode(), "bus.txt")
    assert (article.title, article.published, article.url, article.publisher, article.caveat) == (
        "公交调整", date(2025, 3, 4), "https://news.example.cn/bus.html", "示例资讯网", "本文内容仅供参考。")
    assert [block.text for block in article.blocks] == list(BODY_ZH)


def test_comment_lines_that_are_no_header_are_text() -> None:
    """'#' lines are a header only when one of them is a key it knows."""
    assert read("# 公交调整\n" + "\n".join(BODY_ZH)) == ("# 公交调整", list(BODY_ZH))


def test_the_first_line_is_the_title_when_it_reads_as_one() -> None:
    assert read("公交调整\n" + "\n".join(BODY_ZH)) == ("公交调整", list(BODY_ZH))
    # A sentence is not a title; a numbered heading neither.
    assert read("\n".join(BODY_ZH)) == (None, list(BODY_ZH))
    assert read("一、原因\n" + "\n".join(BODY_ZH)) == (None, ["一、原因", *BODY_ZH])


@pytest.mark.parametrize(("line", "published"), [
    ("发布时间：2025-02-02 10:00", date(2025, 2, 2)),
    ("2025年02月02日 10:00 来源：新华网", date(2025, 2, 2)),
    ("2025年2月2日", date(2025, 2, 2)),
    ("Published: February 2, 2025", date(2025, 2, 2)),
    ("Updated 3 Feb. 2025, 10:00 a.m.", date(2025, 2, 3)),
    ("来源:示例文库 编辑:示例网 时间:2024/03/28 23:09:11", date(2024, 3, 28)),  # a half-width colon before it
])
def test_a_date_line_under_the_title_is_the_publication_date(line: str, published: date) -> None:
    article = read_article_bytes(f"公交调整\n{line}\n{BODY_ZH[0]}\n{BODY_ZH[1]}".encode(), "bus.txt")
    assert (article.title, article.published) == ("公交调整", published)
    assert [block.text for block in article.blocks] == list(BODY_ZH)


def test_a_date_in_the_running_text_is_no_publication_date() -> None:
    text = "公交调整\n2025年2月2日，市交通运输局公布了新一轮公交线路调整方案。\n"
    article = read_article_bytes(text.encode(), "bus.txt")
    assert article.published is None and len(article.blocks) == 1


def test_an_article_without_a_web_page_around_it_keeps_every_line() -> None:
    """Short lines in the middle (a heading without a number, a short sentence) are the article's."""
    lines = ["渡轮时刻调整", BODY_ZH[0], "背景", BODY_ZH[1], "结语", "我们拭目以待。", "新线路", BODY_ZH[0]]
    assert read("\n".join(lines)) == ("渡轮时刻调整", lines[1:])
    english = ["Ferry changes", BODY_EN[0], "Background", BODY_EN[1], "Outlook", "We shall see.", "More", BODY_EN[0]]
    assert read("\n\n".join(english)) == ("Ferry changes", english[1:])


def test_a_footer_marker_ends_the_article_only_once_it_has_begun() -> None:
    text = "\n".join(["城市公交线路调整", "相关阅读", BODY_ZH[0], BODY_ZH[1],
                      "相关阅读", "地铁三号线开通运营", "版权所有 © 2025"])
    assert read(text) == ("城市公交线路调整", ["相关阅读", *BODY_ZH])


def test_a_caveat_in_the_footer_is_still_the_articles() -> None:
    text = "\n".join(["公交调整", *BODY_ZH, "上一篇：地铁三号线", "免责声明：本文仅代表作者个人观点。",
                      "版权所有 © 2025"])
    article = read_article_bytes(text.encode(), "bus.txt")
    assert article.caveat == "免责声明：本文仅代表作者个人观点。"
    assert [block.text for block in article.blocks] == list(BODY_ZH)


@pytest.mark.parametrize("line", [
    "首页 > 本地新闻 > 正文", "您的位置：首页 » 新闻 » 本地", "Home / News / Europe", "Home | News | Sport | Weather",
    "新闻  体育  财经  科技", "分享到：微信 微博", "【字体：大 中 小】", "Share this",
    "Sign up for our morning briefing", "Advertisement", "Read more: Bridge repairs to close two lanes",
])
def test_lines_that_are_never_the_articles_are_left_out_wherever_they_are(line: str) -> None:
    assert read("\n".join(["公交调整", BODY_ZH[0], line, BODY_ZH[1]])) == ("公交调整", list(BODY_ZH))


def test_an_english_paragraph_wrapped_by_an_editor_is_one_block() -> None:
    text = ("Ferry changes\n\nThe harbour authority announced on Monday that ferries between the old town\n"
            "and the island will run every 20 minutes.\n\nFares are unchanged.\n")
    assert read(text) == ("Ferry changes", ["The harbour authority announced on Monday that ferries between the "
                                            "old town and the island will run every 20 minutes.",
                                            "Fares are unchanged."])


def test_a_short_note_is_read_whole() -> None:
    assert read("Ferry notes\nBoats every 20 minutes\nFares unchanged") == (
        "Ferry notes", ["Boats every 20 minutes", "Fares unchanged"])


def test_a_sentence_that_begins_as_a_footer_marker_does_not_end_the_article() -> None:
    lines = ["Ferry changes", BODY_EN[0], "Comments from residents at the pier were mixed.", BODY_EN[1]]
    assert read("\n".join(lines)) == ("Ferry changes", lines[1:])


def test_a_headline_that_reads_like_a_sentence_is_the_title_above_its_date_line_and_widgets() -> None:
    """Was: the menu's first line the title, the headline a paragraph, the share buttons paragraphs too."""
    text = ("鹿角科技网\n首页\n资讯\n手机\n登录 | 注册\n\n鹿鸣Note 9发布：2999元起，续航提升22%\n\n"
            "2025-03-19 08:45:12　来源：鹿角科技网　作者：林小满\n分享到：\n微信\n微博\nQQ空间\n\n"
            + "\n\n".join(BODY_ZH) + "\n")
    article = read_article_bytes(text.encode(), "launch.txt")
    assert (article.title, article.published, article.publisher) == (
        "鹿鸣Note 9发布：2999元起，续航提升22%", date(2025, 3, 19), "鹿角科技网")
    assert [block.text for block in article.blocks] == list(BODY_ZH)


def test_a_single_short_line_under_the_title_stays() -> None:
    assert read("公交调整\n2025年2月2日\n背景\n" + "\n".join(BODY_ZH)) == ("公交调整", ["背景", *BODY_ZH])


FERRY_NEWS = ("滨江两岸之间的第三条轮渡航线3日正式开通，单程航行时间由40分钟缩短至20分钟。",
              "新航线每天运行至晚上11点，预计每天服务乘客约1.2万人次。",
              "港务局表示，明年将继续加密航班。")


def test_a_news_stories_dateline_and_credits_are_not_its_words() -> None:
    text = ("轮渡新航线开通\n来源:示例新闻社 2025-03-03 15:05:12\n\n"
            f"示例新闻社滨江3月3日电（记者 林小满 王大川）{FERRY_NEWS[0]}\n\n{FERRY_NEWS[1]}\n\n"
            f"{FERRY_NEWS[2]}(示例新闻)\n\n(记者 林小满 制作 王大川)\n\n责任编辑:【周舟】\n")
    article = read_article_bytes(text.encode(), "ferry.txt")
    assert (article.title, article.published, article.publisher) == ("轮渡新航线开通", date(2025, 3, 3), "示例新闻社")
    assert [block.text for block in article.blocks] == list(FERRY_NEWS)


def test_a_datelines_day_is_the_publication_date_in_the_year_of_the_pages_address() -> None:
    """No date line: the dateline's month and day, in the year the address is dated with."""
    text = ("# URL: https://news.example.cn/2025-03/03/c_1130.htm\n\n轮渡新航线开通\n\n"
            f"中新网3月3日电 {FERRY_NEWS[0]}\n\n{FERRY_NEWS[1]}\n")
    article = read_article_bytes(text.encode(), "ferry.txt")
    assert (article.published, article.publisher) == (date(2025, 3, 3), "中新网")
    assert article.blocks[0].text == FERRY_NEWS[0]
    # Without a year anywhere, a month and day are no publication date.
    undated = read_article_bytes(text.split("\n", 2)[2].encode(), "ferry.txt")
    assert undated.published is None and undated.blocks[0].text == FERRY_NEWS[0]


def test_a_bylines_lede_day_dates_an_article_nothing_else_dates() -> None:
    """'《城市周刊》记者/林小满 2025年3月3日,…': the byline is cut, the day stays the story's and dates the article."""
    opening = "2025 年3月3日,滨江市人民代表大会第二次会议上,市长作政府工作报告,回顾了 2024 年的工作。"
    text = f"《城市周刊》记者/林小满 {opening}\n{FERRY_NEWS[1]}\n"
    article = read_article_bytes(text.encode(), "report.txt")
    assert (article.title, article.published, article.publisher) == (None, date(2025, 3, 3), "《城市周刊》")
    assert [block.text for block in article.blocks] == [opening, FERRY_NEWS[1]]
    # A date line says when it was published; the lede only when nothing else does.
    dated = read_article_bytes(f"政府工作报告\n2025-03-06 08:00 来源：示例新闻网\n{text}".encode(), "report.txt")
    assert (dated.published, dated.publisher) == (date(2025, 3, 6), "示例新闻网")
    # Without a year, the lede's day is the story's, but no publication date.
    undated = read_article_bytes(text.replace("2025 年", "").encode(), "report.txt")
    assert undated.published is None and undated.blocks[0].text == opening.replace("2025 年", "")


def test_a_date_line_in_traditional_characters() -> None:
    text = f"輪渡新航線開通\n發布時間:2025年03月03日 18:32 來源:示例新聞網\n{FERRY_NEWS[0]}\n{FERRY_NEWS[1]}\n"
    article = read_article_bytes(text.encode(), "ferry.txt")
    assert (article.title, article.published, article.publisher) == (
        "輪渡新航線開通", date(2025, 3, 3), "示例新聞網")
    assert [block.text for block in article.blocks] == list(FERRY_NEWS[:2])


def test_a_title_that_begins_like_a_byline_is_the_title() -> None:
    """Was dropped as a byline, for its 'By '."""
    assert read("By 2030, six new piers for Harbourton\n" + "\n".join(BODY_EN)) == (
        "By 2030, six new piers for Harbourton", list(BODY_EN))


def test_an_english_wire_story() -> None:
    text = ("Harbour adds night ferries\n\nSource: Harbour Wire | Updated 3:04 PM\n\nBy Jane Doe, AP\n\n"
            "HARBOURTON (Reuters) - The ferry operator said on Monday it would add night sailings from April.\n\n"
            "Fares are unchanged at 3.50 euros for a single trip, the operator said.\n\n"
            "Reporting by Jane Doe; Editing by John Roe\n")
    article = read_article_bytes(text.encode(), "ferry.txt")
    assert (article.title, article.publisher) == ("Harbour adds night ferries", "Harbour Wire")
    assert [block.text for block in article.blocks] == [
        "The ferry operator said on Monday it would add night sailings from April.",
        "Fares are unchanged at 3.50 euros for a single trip, the operator said."]


def test_a_dateline_inside_the_article_is_its_words() -> None:
    """Only the story's edge is its credits: a paragraph that quotes another story's dateline stays whole."""
    quoted = "示例新闻社滨江3月5日电 夜班船首航当晚，乘客超过2000人次，港务局随即宣布加开一班。"
    text = f"轮渡新航线开通\n{FERRY_NEWS[0]}\n{quoted}\n{FERRY_NEWS[1]}\n"
    assert read(text) == ("轮渡新航线开通", [FERRY_NEWS[0], quoted, FERRY_NEWS[1]])


def test_marked_sub_headings_are_headings() -> None:
    text = (f"轮渡新航线开通\n{FERRY_NEWS[0]}\n■新航线填补夜间空白\n{FERRY_NEWS[1]}\n"
            f"■两座新码头同步启用\n{FERRY_NEWS[2]}\n")
    article = read_article_bytes(text.encode(), "ferry.txt")
    assert [(block.heading, block.text) for block in article.blocks] == [
        (None, FERRY_NEWS[0]), (1, "■新航线填补夜间空白"), (None, FERRY_NEWS[1]),
        (1, "■两座新码头同步启用"), (None, FERRY_NEWS[2])]


def test_short_lines_between_paragraphs_are_subheads_when_there_are_two_or_more() -> None:
    """A page's <h2>s, once copied, are short lines between paragraphs."""
    text = ("Harbour adds night ferries\nBy Jane Doe | Published March 4, 2025 | Updated 5:12 p.m.\n"
            f"{BODY_EN[0]}\nNew boats\n{BODY_EN[1]}\nWhat comes next:\n{BODY_EN[0]}\nThe road ahead\n{BODY_EN[1]}\n")
    article = read_article_bytes(text.encode(), "ferry.txt")
    assert article.published == date(2025, 3, 4)  # the byline's date, though the byline itself is dropped
    assert [(block.heading, block.text) for block in article.blocks] == [
        (None, BODY_EN[0]), (1, "New boats"), (None, BODY_EN[1]),
        (None, "What comes next:"),  # a lead-in to what follows, not a heading
        (None, BODY_EN[0]), (1, "The road ahead"), (None, BODY_EN[1])]
    chinese = f"公交线路调整\n{BODY_ZH[0]}\n新区线路补齐\n{BODY_ZH[1]}\n换乘更加便利\n{BODY_ZH[0]}\n"
    assert [block.heading for block in read_article_bytes(chinese.encode(), "bus.txt").blocks] == [
        None, 1, None, 1, None]


def test_a_single_short_line_between_paragraphs_is_no_subhead() -> None:
    text = f"Harbour adds night ferries\n{BODY_EN[0]}\nPhoto: the new pier\n{BODY_EN[1]}\n"
    assert [block.heading for block in read_article_bytes(text.encode(), "ferry.txt").blocks] == [None, None, None]
