"""`briefing draft`: from an article (a file or an address) to an outline that validates, builds and
checks without an edit, carrying the article's structure and facts, each with its evidence."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from briefing.outline.references import expand_references
from briefing.outline.validate import read_outline
from tests.conftest import DEFAULT_OUTLINE, FIXTURES, SHIPPED_ARTICLE
from tests.refusals import run
from tests.sources.site import serving
from tests.validate_ooxml import findings_in

SOURCES = FIXTURES / "sources"


def draft(source: str | Path, output: Path, *options: str) -> str:
    """Draft `source` into `output`; what the command printed. The draft must validate and check."""
    code, printed = run("draft", str(source), "-o", str(output), *options)
    assert code == 0, printed
    for command in ("validate", "check"):
        code, message = run(command, str(output))
        assert code == 0, f"{command}: {message}"
    return printed


def test_the_shipped_article_drafts_its_structure_and_the_facts_of_the_hand_written_outline(tmp_path: Path) -> None:
    printed = draft(SHIPPED_ARTICLE, tmp_path / "outline.yaml")
    drafted = read_outline(tmp_path / "outline.yaml")
    written = read_outline(DEFAULT_OUTLINE)

    assert [s.title for s in drafted.sections] == [
        "事件突发：TikTok 关停震动全球", "追溯根源：政治博弈下的科技牺牲品", "广泛影响：从用户到行业的巨大震荡",
        "应对之策：TikTok 的绝地反击", "未来展望：阴霾中探寻曙光"]
    assert [len(s.subsections) for s in drafted.sections] == [0, 2, 3, 3, 3]
    assert drafted.sections[2].subsections[1].title == "创作者经济遭受重创"
    # Every figure and every dated event of the hand-written outline, with its raw value or its days.
    assert {(s.value, s.unit, s.qualifier) for s in written.statistics} <= {
        (s.value, s.unit, s.qualifier) for s in drafted.statistics}
    assert {(e.date, e.end) for e in written.timeline} <= {(e.date, e.end) for e in drafted.timeline}
    # The three quotes with their speakers; scare quotes ('“不卖就禁用”', '“TikTok 难民”') are not quotes.
    speakers = [q.speaker for s in drafted.sections for p in (s, *s.subsections) for q in p.quotes]
    assert speakers == ["一位 TikTok 的忠实用户", "用户", "一位拥有百万粉丝的美妆博主"]
    source = drafted.meta.source
    assert (source.published.isoformat() if source.published else None, source.url) == (
        "2025-02-02", "https://sicmodule.kub2b.com/quote/19580.html")
    assert source.caveat == "本信息由相关用户自行提供,真实性未证实,仅供参考。"
    assert source.file == "sources/tiktok-article.zh.txt"
    assert source.sha256 == hashlib.sha256(SHIPPED_ARTICLE.read_bytes()).hexdigest()
    assert (tmp_path / "sources" / "tiktok-article.zh.txt").read_bytes() == SHIPPED_ARTICLE.read_bytes()
    assert "5 sections, 8 events, 10 figures, 3 quotes" in printed


def test_a_draft_says_what_to_review_and_marks_its_points(tmp_path: Path) -> None:
    draft(SHIPPED_ARTICLE, tmp_path / "outline.yaml")
    text = (tmp_path / "outline.yaml").read_text(encoding="utf-8")
    assert text.startswith("# briefing 草稿：由 `briefing draft`")
    assert "请改写为简报自己的话" in text.splitlines()[1]
    points = [line for line in text.splitlines() if line.strip().startswith("points:")]
    assert points and all("# draft" in line for line in points)
    # A figure in a point is its statistic's reference, so correcting the statistic corrects the point.
    drafted = read_outline(tmp_path / "outline.yaml")
    users = next(s for s in drafted.statistics if s.value == 170_000_000)
    assert any(f"{{{users.id}}}" in point for s in drafted.sections for p in (s, *s.subsections)
               for point in p.points)


def test_every_fact_carries_the_words_and_paragraph_that_state_it(tmp_path: Path) -> None:
    draft(SHIPPED_ARTICLE, tmp_path / "outline.yaml")
    drafted = read_outline(tmp_path / "outline.yaml")
    lawsuit = next(e for e in drafted.timeline if e.date.isoformat() == "2024-05-07")
    assert lawsuit.evidence is not None and lawsuit.evidence.paragraph == 5
    assert lawsuit.evidence.text.startswith("2024 年 5 月 7 日,TikTok 和字节跳动向美国联邦法院提起诉讼")
    # The briefing's own text in Chinese typesetting; the evidence as the source writes it.
    assert lawsuit.title == "TikTok 和字节跳动向美国联邦法院提起诉讼"
    assert lawsuit.detail is not None and lawsuit.detail.startswith("2024年5月7日，TikTok 和字节跳动")
    downloads = next(e for e in drafted.timeline if e.end is not None)
    assert (downloads.date.isoformat(), downloads.end.isoformat()) == ("2025-01-08", "2025-01-14")
    assert all(fact.evidence is not None for fact in [*drafted.timeline, *drafted.statistics])


def test_an_english_markdown_article_keeps_its_headings_and_dates(tmp_path: Path) -> None:
    draft(SOURCES / "ferry.en.md", tmp_path / "ferry.yaml")
    drafted = read_outline(tmp_path / "ferry.yaml")
    assert drafted.meta.locale.value == "en"
    assert drafted.meta.source.publisher == "Riverside Gazette"
    titles = [(s.title, [sub.title for sub in s.subsections]) for s in drafted.sections]
    assert titles == [("Overview", []), ("Why the change", ["New boats"]), ("What travellers should know", [])]
    assert "2025-04-01" in {e.date.isoformat() for e in drafted.timeline}
    assert {(s.value, s.unit) for s in drafted.statistics} >= {(18, "percent"), (2_400_000, "count")}
    quotes = [q for s in drafted.sections for p in (s, *s.subsections) for q in p.quotes]
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Maria Lopez", "We heard the complaints and we have the boats to fix it")]


def test_a_page_at_an_address_is_kept_beside_the_outline(tmp_path: Path) -> None:
    page = (SOURCES / "bus-routes.zh.html").read_bytes()
    with serving({"/local/bus.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page)}) as (site, _):
        printed = draft(f"{site}/local/bus.html", tmp_path / "outline.yaml")
    assert (tmp_path / "sources" / "bus.html").read_bytes() == page
    drafted = read_outline(tmp_path / "outline.yaml")
    assert (drafted.meta.source.file, drafted.meta.source.title) == ("sources/bus.html", "城市公交线路调整方案公布")
    assert str(tmp_path / "sources" / "bus.html") in printed


def test_a_source_inside_the_outlines_folder_is_named_where_it_is(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    shutil.copy(SHIPPED_ARTICLE, tmp_path / "articles" / "article.txt")
    draft(tmp_path / "articles" / "article.txt", tmp_path / "outline.yaml")
    assert read_outline(tmp_path / "outline.yaml").meta.source.file == "articles/article.txt"
    assert not (tmp_path / "sources").exists()


@pytest.mark.slow
def test_a_draft_builds_as_it_is(tmp_path: Path) -> None:
    draft(SHIPPED_ARTICLE, tmp_path / "outline.yaml")
    for audience in ((), ("--audience", "executive")):
        code, printed = run("build", str(tmp_path / "outline.yaml"), "-o", str(tmp_path / "build"), *audience)
        assert code == 0, printed
    deck = Presentation(str(tmp_path / "build" / "briefing.pptx"))
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title is not None]
    assert "TikTok海外关停：危机背后的深层剖析与未来走向" in titles
    assert any("事件时间线" in title for title in titles)
    assert (tmp_path / "build" / "executive" / "briefing.pptx").exists()
    assert findings_in(tmp_path / "build") == []  # valid Office Open XML, both versions


def test_an_outline_is_not_replaced_unasked(tmp_path: Path) -> None:
    outline = tmp_path / "outline.yaml"
    outline.write_text("# hours of editing\n", encoding="utf-8")
    code, message = run("draft", str(SHIPPED_ARTICLE), "-o", str(outline))
    assert code == 2 and f"{outline}: already exists" in message and "--force" in message
    assert outline.read_text(encoding="utf-8") == "# hours of editing\n"
    assert not (tmp_path / "sources").exists()
    draft(SHIPPED_ARTICLE, outline, "--force")
    assert outline.read_text(encoding="utf-8").startswith("# briefing 草稿")


def test_another_file_where_the_copy_goes_is_not_replaced_unasked(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "tiktok-article.zh.txt").write_text("another article\n", encoding="utf-8")
    code, message = run("draft", str(SHIPPED_ARTICLE), "-o", str(tmp_path / "outline.yaml"))
    assert code == 2 and "already exists with other content" in message
    assert not (tmp_path / "outline.yaml").exists()


@pytest.mark.parametrize(("name", "content", "said"), [
    ("missing.txt", None, "no such file"),
    ("report.pdf", b"%PDF-1.7\n", "copy the article's text into a .txt file"),
    ("empty.txt", b"\n\n", "no article text"),
])
def test_a_source_it_cannot_read_is_refused_and_nothing_is_written(
        tmp_path: Path, name: str, content: bytes | None, said: str) -> None:
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    code, message = run("draft", str(source), "-o", str(tmp_path / "out" / "outline.yaml"))
    assert code == 2, message
    assert str(source) in message and said in message and "Traceback" not in message
    assert not (tmp_path / "out").exists()


def test_the_drafted_yaml_is_plain_data(tmp_path: Path) -> None:
    """No tags, anchors or references: what any YAML reader, and the writer, sees as written."""
    draft(SOURCES / "pasted.en.txt", tmp_path / "outline.yaml")
    text = (tmp_path / "outline.yaml").read_text(encoding="utf-8")
    assert "!!" not in text and "&id" not in text and "*id" not in text
    assert isinstance(yaml.safe_load(text), dict)


def test_an_article_without_headings_is_cut_into_parts_whose_titles_are_marked_as_drafts(tmp_path: Path) -> None:
    paragraphs = [f"On March {n}, 2025, the council heard report number {n} on the harbour's {n * 100} berths."
                  for n in range(1, 10)]
    source = tmp_path / "council.txt"
    source.write_text("Harbour council hears nine reports\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    drafted = read_outline(tmp_path / "outline.yaml")
    assert [len(s.points) for s in drafted.sections] == [3, 3, 3]
    # Titled by the topic of the first sentence, not by the clause that dates it.
    assert drafted.sections[0].title.startswith("The council heard report number 1")
    text = (tmp_path / "outline.yaml").read_text(encoding="utf-8")
    marked = [line for line in text.splitlines() if "# draft: the source has no such heading" in line]
    assert [line.split(" # ")[0].strip() for line in marked] == [f"title: {s.title}" for s in drafted.sections]
    assert len(drafted.timeline) == 9 and {e.date.isoformat() for e in drafted.timeline} == {
        f"2025-03-0{n}" for n in range(1, 10)}


def test_text_that_looks_like_the_outlines_own_syntax_stays_text(tmp_path: Path) -> None:
    """Braces are the outline's references and 10^15 its largest figure: a source's own are its text."""
    source = tmp_path / "odd.txt"
    source.write_text("Odd report\n\nOn March 1, 2025, the agency logged {us-users} in 5,000,000,000,000,000 rows "
                      "and 2,000 errors.\n", encoding="utf-8")
    printed = draft(source, tmp_path / "outline.yaml")
    drafted = read_outline(tmp_path / "outline.yaml")
    assert [(s.value, s.noun) for s in drafted.statistics] == [(2000, "errors")]
    assert "1 section, 1 event, 1 figure, 0 quotes" in printed
    assert "{{us-users}}" in drafted.sections[0].points[0] and drafted.timeline[0].detail is not None
    assert "{{us-users}}" in drafted.timeline[0].detail


def test_an_events_title_comes_from_its_own_sentence(tmp_path: Path) -> None:
    source = tmp_path / "night.txt"
    source.write_text("夜间通告\n\n2025年3月1日深夜。另有一项与该日期无关的长篇说明，内容涉及其他事务的安排。\n",
                      encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    [event] = read_outline(tmp_path / "outline.yaml").timeline
    assert "说明" not in event.title and event.title.startswith("2025年3月1日")


def test_a_quantity_measured_in_a_unit_is_a_count_of_the_unit_written_after_its_reference(tmp_path: Path) -> None:
    """Money in yuan is drafted as a count of 元; so is a quantity in tonnes or kilometres, of its unit."""
    source = tmp_path / "port.txt"
    source.write_text("港口年报\n\n2024年,全港货物通过量达1.59亿吨,其中集装箱吞吐量突破900万标箱;近六成货物经铁路集疏运。"
                      "港区铁路专用线延长到16.2万公里的全国铁路网。\n", encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")  # and it checks
    drafted = read_outline(tmp_path / "outline.yaml")
    assert [(s.value, s.unit.value, s.unit_name, s.qualifier.value if s.qualifier else None)
            for s in drafted.statistics] == [
        (159_000_000, "count", "吨", None), (9_000_000, "count", "标箱", None), (60, "percent", None, "nearly"),
        (162_000, "count", "公里", None)]
    # The reference prints the unit, so the point holds it once, and so do the key figures and charts.
    ids = [s.id for s in drafted.statistics]
    point = drafted.sections[0].points[0]
    assert f"通过量达{{{ids[0]}}},其中" in point.replace("，", ",") and f"突破{{{ids[1]}}};" in point.replace("；", ";")
    shown = expand_references(drafted).sections[0].points[0]
    assert "1.59亿吨" in shown and "亿吨吨" not in shown and "900万标箱" in shown and "万标箱标箱" not in shown


def drafted_sections(tmp_path: Path, text: str) -> list[tuple[str, list[str]]]:
    """(title, points) of each section drafted from a text file; the draft validates and checks."""
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    return [(s.title, list(s.points)) for s in read_outline(tmp_path / "outline.yaml").sections]


FERRY_LEADS = ("港务局局长从三个方面介绍了今年的变化：",
               "第一，航线网络明显加密。新开航线3条，两岸码头增至8座。",
               "第二，船队更新明显加快。今年交付电动渡轮6艘，老旧船舶全部退出运营。",
               "第三，服务水平明显提升。乘客可以刷交通卡登船，候船时间平均缩短10分钟。")


def test_an_article_whose_paragraphs_enumerate_its_parts_is_drafted_in_those_parts(tmp_path: Path) -> None:
    """Was: parts cut every few paragraphs, titled '中新网3月3日电港务局3日举行' and '第二，船队更新明显加快'."""
    text = ("港务局：今年新开航线3条，交付电动渡轮6艘\n2025-03-03 16:02 来源：示例新闻网\n\n"
            "中新网3月3日电 港务局3日举行新闻发布会，介绍滨江轮渡一年来的发展情况。\n\n" + "\n\n".join(FERRY_LEADS))
    sections = drafted_sections(tmp_path, text)
    assert [title for title, _ in sections] == ["概述", "航线网络明显加密", "船队更新明显加快", "服务水平明显提升"]
    # The lead-in is the part's title, not its first point; the dateline is neither.
    assert sections[1][1][0].startswith("新开航线")
    points = [point for _, points in sections for point in points]
    assert points[0].startswith("港务局3日举行") and not any("中新网" in p or p.startswith("第") for p in points)
    outline = read_outline(tmp_path / "outline.yaml")
    assert outline.meta.short_title == "今年新开航线3条，交付电动渡轮6艘"  # not '港务局', who said it


def test_labels_opening_paragraphs_title_parts_alike(tmp_path: Path) -> None:
    """Was: only the label that happened to open a chunk became a title ('新服务'), the others points."""
    text = ("渡轮成绩单出炉\n\n今年滨江轮渡运送乘客1500万人次，创下历史新高。\n\n"
            "总量增长，结构也有新意。新航线。滨江两岸之间新开航线3条，夜间航班覆盖全部主要码头。\n\n"
            "新船队。今年交付电动渡轮6艘，老旧船舶全部退出运营。\n\n新服务。乘客可以刷交通卡登船，候船时间缩短10分钟。\n")
    sections = drafted_sections(tmp_path, text)
    assert [title for title, _ in sections] == ["概述", "新航线", "新船队", "新服务"]
    assert [points[0][:4] for _, points in sections[1:]] == ["滨江两岸", "今年交付", "乘客可以"]


def test_lead_ins_under_a_heading_are_its_sub_sections(tmp_path: Path) -> None:
    text = ("滨江轮渡年度报告\n\n一、总体情况\n\n今年滨江轮渡运送乘客1500万人次，创下历史新高。\n\n二、主要变化\n\n"
            + "\n\n".join(FERRY_LEADS) + "\n")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    sections = read_outline(tmp_path / "outline.yaml").sections
    assert [(s.title, [sub.title for sub in s.subsections]) for s in sections] == [
        ("总体情况", []), ("主要变化", ["航线网络明显加密", "船队更新明显加快", "服务水平明显提升"])]
    assert sections[1].points and sections[1].points[0].startswith("港务局局长")


def test_marked_sub_headings_are_the_drafts_sections(tmp_path: Path) -> None:
    """Was: the '■' lines were paragraphs, the parts titled '2024年，面对…' from their first sentences."""
    text = ("渡轮成绩单出炉\n\n"
            "2024年，面对客流增长快、码头容量小的双重压力，滨江轮渡稳中有进，全年运送乘客再创新高。\n\n"
            "■航线网络加密 夜间航班增加\n\n截至2024年底，两岸码头增至8座，夜间航班覆盖全部主要码头。\n\n"
            "■船队更新加快\n\n今年交付电动渡轮6艘，老旧船舶全部退出运营。\n")
    sections = drafted_sections(tmp_path, text)
    assert [title for title, _ in sections] == ["概述", "航线网络加密，夜间航班增加", "船队更新加快"]


def test_untitled_parts_are_titled_by_their_topic(tmp_path: Path) -> None:
    paragraphs = [f"2024年，面对客流增长快的压力，第{n}号码头完成扩建。" for n in range(1, 9)]
    sections = drafted_sections(tmp_path, "码头扩建进展\n\n" + "\n\n".join(paragraphs) + "\n")
    assert [title for title, _ in sections] == ["第1号码头完成扩建", "第5号码头完成扩建"]


def test_english_lead_ins_title_parts_as_titles(tmp_path: Path) -> None:
    text = ("Harbour plans for 2026\n\nHARBOURTON (Reuters) - The harbour authority set out its plans on Monday.\n\n"
            "First, the piers will be rebuilt. Work on the 2 oldest piers starts in May.\n\n"
            "Second, night ferries will run every 30 minutes. They will stop at 6 piers.\n")
    sections = drafted_sections(tmp_path, text)
    assert [title for title, _ in sections] == ["Overview", "The piers will be rebuilt",
                                                "Night ferries will run every 30 minutes"]
    assert sections[0][1] == ["The harbour authority set out its plans on Monday"]


def test_a_roundups_datelines_are_neither_titles_nor_points_but_stay_in_the_evidence(tmp_path: Path) -> None:
    paragraphs = ["滨江轮渡新航线3日开通，两岸往来时间缩短一半。", "港务局表示，夜班船的票价与白天相同。",
                  "新航线每天运行至晚上11点。", "东岸码头同日启用。",
                  "示例新闻社临港3月5日电 临港轮渡当天也开通了夜班船，首晚运送乘客2000人次。",
                  "临港港务局表示，夜班船将运行到10月底。", "两地还计划开通直达航线。", "直达航线的票价尚未公布。"]
    sections = drafted_sections(tmp_path, "两地轮渡开通夜班船\n\n" + "\n\n".join(paragraphs) + "\n")
    assert sections[1][0] == "临港轮渡当天也开通了夜班船"
    assert sections[1][1][0].startswith("临港轮渡当天")
    outline = read_outline(tmp_path / "outline.yaml")
    assert [s.evidence.text.startswith("示例新闻社临港3月5日电") for s in outline.statistics if s.evidence] == [True]


def test_what_follows_the_last_lead_in_at_length_is_not_its_part(tmp_path: Path) -> None:
    after = ["此外，港务局计划明年开通直达航线。", "直达航线的票价尚未公布。", "东岸码头将增设自行车停放区。"]
    sections = drafted_sections(tmp_path, "滨江轮渡年度报告\n\n" + "\n\n".join([*FERRY_LEADS, *after]) + "\n")
    assert [title for title, _ in sections] == [
        "概述", "航线网络明显加密", "船队更新明显加快", "服务水平明显提升", "港务局计划明年开通直达航线"]
    # One paragraph more is the last item's.
    (tmp_path / "short").mkdir()
    text = "滨江轮渡年度报告\n\n" + "\n\n".join([*FERRY_LEADS, after[0]]) + "\n"
    sections = drafted_sections(tmp_path / "short", text)
    assert [title for title, _ in sections][-1] == "服务水平明显提升" and len(sections[-1][1]) == 2


def test_an_untitled_text_is_titled_by_its_opening_sentences_topic(tmp_path: Path) -> None:
    source = tmp_path / "untitled.txt"
    source.write_text("On March 1, 2025, the harbour council approved two new piers for the night ferries, after a "
                      "debate that lasted for more than four hours. Work starts in May.\n\n"
                      "The piers cost $12 million, the council said.\n", encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    title = read_outline(tmp_path / "outline.yaml").meta.title
    assert title == "The harbour council approved two new piers for the night ferries"


def test_a_byline_opening_an_untitled_text_is_in_no_title_point_or_summary(tmp_path: Path) -> None:
    """Was titled '《城市周刊》记者/林小满2025年3月3日，滨江市人民代表大会第二次'."""
    source = tmp_path / "report.txt"
    source.write_text("《城市周刊》记者/林小满 2025 年3月3日,滨江市第五届人民代表大会第二次会议上,市长作政府工作报告,"
                      "回顾了 2024 年的工作。\n\n去年，全市轮渡运送乘客1500万人次，增长18%。\n", encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    outline = read_outline(tmp_path / "outline.yaml")
    assert outline.meta.title.startswith("市长作政府工作报告")
    assert (outline.meta.source.published, outline.meta.source.publisher) == (date(2025, 3, 3), "《城市周刊》")
    assert [(event.date, event.title) for event in outline.timeline] == [(date(2025, 3, 3), "市长作政府工作报告")]
    drafted = [*outline.summary, *(point for section in outline.sections for point in section.points),
               *(section.title for section in outline.sections)]
    assert drafted and not any("林小满" in text or "记者" in text for text in drafted)


def test_a_copy_that_starts_mid_sentence_still_drafts_titled_parts(tmp_path: Path) -> None:
    """A selection that begins with the end of a sentence ('。2024年，…'): no empty title anywhere."""
    source = tmp_path / "piece.txt"
    source.write_text("。2024年，全市粮食产量达1200万吨，保持稳定。\n。\n", encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    drafted = read_outline(tmp_path / "outline.yaml")
    assert drafted.meta.title.startswith("全市粮食产量达") and drafted.sections[0].title


def test_a_long_headline_is_cut_to_the_covers_two_lines_and_the_source_keeps_it_whole(tmp_path: Path) -> None:
    headline = ("Harbour district expands, ferry companies announce $1 billion investment in new piers, boats "
                "and terminals")
    source = tmp_path / "harbour.txt"
    source.write_text(f"{headline}\n\nThe ferry companies said on March 1, 2025 that 12 new boats would enter "
                      "service by 2027.\n", encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    code, printed = run("build", str(tmp_path / "outline.yaml"), "-o", str(tmp_path / "build"))
    assert code == 0 and "too long" not in printed, printed
    assert findings_in(tmp_path / "build") == []
    drafted = read_outline(tmp_path / "outline.yaml")
    assert (drafted.meta.title, drafted.meta.source.title) == ("Harbour district expands", headline)
