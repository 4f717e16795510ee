"""Every kind of source read into the same Article: the article's text and structure, nothing of the site
around it, its metadata; the shipped article numbered as the outline's evidence cites it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from briefing.sources.article import Article
from briefing.sources.read import read_article, read_article_bytes
from tests.conftest import FIXTURES, ROOT, SHIPPED_ARTICLE

SOURCES = FIXTURES / "sources"
# The article the default outline was written from, kept beside the repository (not in it).
SHIPPED = SHIPPED_ARTICLE

# What the site around an article says, in the fixtures: none of it is the article's.
SITE_ZH = ("首页", "本地新闻", "分享到", "上一篇", "下一篇", "相关阅读", "地铁三号线", "网友评论", "张三", "关于我们",
           "版权所有", "责任编辑", "字体")
SITE_EN = ("Skip to", "Sport", "Share this", "Sign up", "Subscribe", "Related articles", "Bridge repairs",
           "cycle path", "Comments", "Ferryfan", "About us", "Copyright", "Read more", "By Jane Doe")

BUS_ROUTES = [
    (None, "3 月 4 日，市交通运输局公布了新一轮公交线路调整方案，共涉及 28 条线路，预计每天影响约 45 万人次出行。"),
    (1, "一、调整的原因"),
    (None, "近年来，城市新区人口增长较快，原有线路难以覆盖新建住宅区。"
           "交通运输局表示，这次调整以“填补空白、减少重复”为主要原则。"),
    (2, "（一）新区覆盖不足"),
    (None, "东部新区常住人口已超过 30 万，但只有 4 条公交线路经过，居民反映换乘次数多、等车时间长。"),
]
FERRY = [
    (None, "The harbour authority announced on Monday that ferries between the old town and the island will run "
           "every 20 minutes from April 1, up from every 30 minutes."),
    (1, "Why the change"),
    (None, "Passenger numbers rose by about 18% last year, to 2.4 million trips, and queues at the old town pier "
           "regularly exceeded an hour on summer weekends."),
    (None, "\"We heard the complaints and we have the boats to fix it,\" said Maria Lopez, the authority's "
           "operations director."),
    (2, "New boats"),
    (None, "Two new electric ferries, each carrying 150 passengers, enter service in March after sea trials."),
    (1, "What travellers should know"),
]


def shape(article: Article) -> list[tuple[int | None, str]]:
    """(heading level, text) of each block, checking the blocks are numbered 1, 2, 3 ... on the way."""
    assert [block.number for block in article.blocks] == list(range(1, len(article.blocks) + 1))
    return [(block.heading, block.text) for block in article.blocks]


def none_of(words: tuple[str, ...], article: Article) -> list[str]:
    """Which of the site's words the article's blocks hold (none, when the site was left out)."""
    return [word for word in words if any(word in block.text for block in article.blocks)]


def test_the_shipped_article_is_numbered_as_its_evidence_cites_it() -> None:
    article = read_article(SHIPPED)
    assert (article.title, article.published, article.url, article.caveat, article.language) == (
        "TikTok海外关停:危机背后的深层剖析与未来走向", date(2025, 2, 2),
        "https://sicmodule.kub2b.com/quote/19580.html", "本信息由相关用户自行提供,真实性未证实,仅供参考。", "zh-CN")
    blocks = shape(article)
    assert blocks[0] == (1, "一、事件突发:TikTok 关停震动全球")
    assert blocks[1][0] is None and blocks[1][1].startswith("美东时间 1 月 18 日深夜")
    assert blocks[2][1].startswith("不仅在美国谷歌应用商店下架") and "1.7 亿用户" in blocks[2][1]
    assert blocks[5:7] == [(1, "二、追溯根源:政治博弈下的科技牺牲品"), (2, "(一)“莫须有” 的数据安全指控")]
    headings = [(level, text[:2]) for level, text in blocks if level]
    assert [text for level, text in headings if level == 1] == ["一、", "二、", "三、", "四、", "五、"]
    assert len(headings) == 16 and {level for level, _ in headings} == {1, 2}
    # Every line of text in the file but its header and title is a block, in the file's order.
    lines = [line.strip() for line in SHIPPED.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert [text for _, text in blocks] == lines[1:]
    assert len(blocks) == 59


def test_reading_twice_gives_the_same_numbers() -> None:
    assert read_article(SHIPPED) == read_article(str(SHIPPED))
    data = SHIPPED.read_bytes()
    assert read_article_bytes(data, "article.txt").blocks == read_article(SHIPPED).blocks


def test_a_chinese_web_page_without_its_site() -> None:
    article = read_article(SOURCES / "bus-routes.zh.html")
    assert (article.title, article.published, article.url, article.publisher, article.language) == (
        "城市公交线路调整方案公布", date(2025, 3, 4), "https://news.example.cn/local/2025/0304/bus.html",
        "示例资讯网", "zh-CN")
    # The page shows its warning beside the article, not in it.
    assert article.caveat == "本信息由相关用户自行提供，真实性未证实，仅供参考。"
    blocks = shape(article)
    assert blocks[:5] == BUS_ROUTES
    assert blocks[5:] == [
        (2, "（二）线路重复严重"),
        (None, "中心城区有 12 条线路在同一条主干道上重复运行，部分站点高峰时段车辆排队进站。"),
        (1, "二、主要变化"),
        (None, "新开线路 6 条，撤销线路 3 条，其余 19 条线路调整走向或站点。调整将于 4 月 1 日起分批实施。"),
        (None, "市民可以通过“城市公交”小程序查询新线路的走向和首末班时间，也可以拨打 12345 热线咨询。"),
    ]
    assert none_of(SITE_ZH + ("发布时间", "仅供参考"), article) == []


def test_an_english_web_page_without_its_site() -> None:
    article = read_article(SOURCES / "ferry.en.html")
    assert (article.title, article.published, article.url, article.publisher, article.language) == (
        "Harbour ferry timetable changes from April", date(2025, 2, 2),
        "https://gazette.example.org/news/ferry-timetable", "Riverside Gazette", "en")
    assert article.caveat == ("Disclaimer: Timetables are provided by the harbour authority and may change "
                              "without notice.")
    blocks = shape(article)
    assert blocks[:7] == FERRY
    # A numbered list's items are paragraphs, the caveat is not a block.
    assert blocks[7:] == [(None, "The first departure moves to 6:10 a.m."),
                          (None, "Night services on Fridays and Saturdays continue until 1 a.m."),
                          (None, "Fares are unchanged at 3.50 euros for a single trip.")]
    assert none_of(SITE_EN, article) == []


def test_markdown_without_its_marks() -> None:
    article = read_article(SOURCES / "ferry.en.md")
    assert (article.title, article.published, article.url, article.publisher, article.caveat) == (
        "Harbour ferry timetable changes from April", date(2025, 2, 2),
        "https://gazette.example.org/news/ferry-timetable", "Riverside Gazette", None)
    blocks = shape(article)
    # Lines joined as the paragraph reads, '**' and the link's address gone, the quote's '>' too.
    assert blocks[:7] == FERRY
    assert blocks[7:] == [(None, "The first departure moves to 6:10 a.m."),
                          (None, "Night services on Fridays and Saturdays continue until 1 a.m."),
                          (None, "Route\tEvery\tFrom"), (None, "Old town - Island\t20 minutes\tApril 1"),
                          (None, "Fares are unchanged at 3.50 euros for a single trip.")]
    assert none_of(("A ferry at the pier", "ferry.jpg", "**", "](", "https://example.org"), article) == []


def test_chinese_markdown_lines_join_without_spaces_and_headings_keep_their_levels() -> None:
    text = ("# 公交调整\n\n发布时间：2025年03月04日\n\n## 一、原因\n\n"
            "东部新区常住人口已超过 30 万，\n但只有 4 条公交线路经过。\n\n"
            "### （一）新区\n\n新区的居民反映换乘次数多。\n\n## 二、变化\n\n新开线路 6 条。\n")
    article = read_article_bytes(text.encode(), "bus.md")
    assert (article.title, article.published, article.language) == ("公交调整", date(2025, 3, 4), "zh-CN")
    assert shape(article) == [(1, "一、原因"), (None, "东部新区常住人口已超过 30 万，但只有 4 条公交线路经过。"),
                              (2, "（一）新区"), (None, "新区的居民反映换乘次数多。"), (1, "二、变化"),
                              (None, "新开线路 6 条。")]


def test_markdown_whose_sections_are_all_first_level_has_no_title_taken_from_them() -> None:
    article = read_article_bytes(b"# Background\n\nThe ferry runs hourly.\n\n# Outlook\n\nIt will run more.\n",
                                 "notes.md")
    assert article.title is None
    assert shape(article) == [(1, "Background"), (None, "The ferry runs hourly."), (1, "Outlook"),
                              (None, "It will run more.")]


def test_text_copied_from_a_chinese_web_page() -> None:
    article = read_article(SOURCES / "pasted.zh.txt")
    assert (article.title, article.published, article.publisher, article.caveat, article.language) == (
        "城市公交线路调整方案公布", date(2025, 3, 4), "示例资讯网",
        "本信息由相关用户自行提供，真实性未证实，仅供参考。", "zh-CN")
    blocks = shape(article)
    assert blocks[:5] == BUS_ROUTES
    # '1.' under a '（一）' is a third level; a numbered sentence is a paragraph.
    assert blocks[5:9] == [(3, "1. 早高峰换乘"),
                           (None, "居民平均每天换乘 2 次以上，早高峰候车时间普遍在 15 分钟以上。"),
                           (3, "2. 夜间无车"),
                           (None, "晚上 9 点以后，新区只有 1 条线路运行，夜班车间隔长达 40 分钟。")]
    assert blocks[-1] == (None, "1. 新开线路的首末班时间和票价将在实施前一周公布，市民可通过“城市公交”小程序查询。")
    assert len(blocks) == 14
    assert none_of(SITE_ZH + ("发布时间", "仅供参考", "财经", "体育"), article) == []


def test_text_copied_from_an_english_web_page() -> None:
    article = read_article(SOURCES / "pasted.en.txt")
    assert (article.title, article.published, article.language) == (
        "Harbour ferry timetable changes from April", date(2025, 2, 2), "en")
    blocks = shape(article)
    # The first paragraph was wrapped by an editor: one block again.
    assert blocks[0] == FERRY[0]
    assert blocks[1:3] == [(1, "1. Why the change"), FERRY[2]]
    assert blocks[4] == (2, "1.1 New boats")
    assert blocks[6] == (1, "2. What travellers should know")
    assert len(blocks) == 9
    assert none_of(SITE_EN + ("Riverside Gazette", "Weather", "Opinion", "Home", "February 2"), article) == []


def test_reading_text_imports_none_of_the_heavy_readers() -> None:
    """trafilatura takes about 0.1 s to import: only a web page needs it (and Word python-docx)."""
    code = ("import sys; from briefing.sources.read import read_article; "
            f"read_article({str(SHIPPED)!r}); read_article({str(SOURCES / 'ferry.en.md')!r}); "
            "print(sorted(name for name in ('trafilatura', 'docx', 'justext', 'htmldate') if name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


FERRY_NEWS_LEAD = "滨江两岸之间的第三条轮渡航线3日正式开通，单程航行时间由40分钟缩短至20分钟。"
NEWS_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>轮渡新航线开通_示例资讯网</title>
<meta property="og:title" content="轮渡新航线开通 两岸往来时间缩短一半">
<meta property="og:site_name" content="示例资讯网">
<meta property="article:published_time" content="2025-03-04T09:30:00+08:00">
</head><body>
<nav><a href="/">首页</a> <a href="/local">本地</a></nav>
<article>
<h1>轮渡新航线开通 两岸往来时间缩短一半</h1>
<p>示例新闻社滨江3月3日电（记者 林小满 王大川）FIRST</p>
<p>■新航线填补夜间空白</p>
<p>新航线每天运行至晚上11点，比原有航线晚收班两个小时，预计每天服务乘客约1.2万人次。</p>
<p>■两座新码头同步启用</p>
<p>与新航线配套的东岸码头和西岸码头同日启用，码头内设有候船大厅和无障碍通道。</p>
<p>（记者 林小满 制作 王大川）</p>
<p>（责任编辑：周舟）</p>
</article></body></html>
""".replace("FIRST", FERRY_NEWS_LEAD)


def test_a_chinese_news_page_with_marked_sub_headings_a_dateline_and_credits() -> None:
    article = read_article_bytes(NEWS_PAGE.encode(), "ferry.html")
    assert (article.title, article.published, article.publisher) == (
        "轮渡新航线开通 两岸往来时间缩短一半", date(2025, 3, 4), "示例资讯网")
    assert shape(article) == [
        (None, FERRY_NEWS_LEAD),
        (1, "■新航线填补夜间空白"),
        (None, "新航线每天运行至晚上11点，比原有航线晚收班两个小时，预计每天服务乘客约1.2万人次。"),
        (1, "■两座新码头同步启用"),
        (None, "与新航线配套的东岸码头和西岸码头同日启用，码头内设有候船大厅和无障碍通道。"),
    ]
