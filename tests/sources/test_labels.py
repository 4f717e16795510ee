"""Labels and bar charts of a draft: what a reader sees beside each figure, and which figures a chart sets side
by side. The articles are written for these tests, in the style of Chinese and English economic news."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from briefing.outline.locale import format_value
from briefing.outline.model import Locale
from briefing.outline.validate import read_outline
from briefing.sources.comparisons import comparisons
from briefing.sources.facts import DraftStatistic, Evidence
from briefing.text.figures import find_figures
from tests.sources.test_draft import draft

# A measure word, a unit or a currency alone: what a value prints after it, never what a label names.
BARE_MEASURES = re.compile(r"^(?:"
                           r"[个名位家人只头台辆部座所项件款种次场套份间架艘枚张本篇首支户起例条根]|人次|架次|标箱|吨|元)$")


Drafted = tuple[dict[float, str], list[tuple[str, list[str]]], list[str]]


def drafted(tmp_path: Path, text: str, name: str = "article.txt") -> Drafted:
    """Draft `text`: each figure's label by its value, each bar chart as (title, its labels), the key figures'
    labels."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    output = tmp_path / f"{source.stem}.yaml"
    draft(source, output)
    outline = read_outline(output)
    labels = {s.id: s.label for s in outline.statistics}
    charts = [(c.title, [labels[i] for i in c.statistics]) for c in outline.charts if c.kind.value == "bar"]
    return ({s.value: s.label for s in outline.statistics}, charts,
            [labels[i] for i in (outline.key_figures or [])])


CHINESE = """全省工业经济稳中有进

记者从全省工业和信息化工作会议获悉，全省累计建成开通5G基站超过12万个，千兆宽带接入用户超过800万户，全省在用数据中心标准机架超过30万架。

会上发布的数据显示，全省省级制造业创新中心达21家，累计培育专精特新中小企业超过3200家、专精特新“小巨人”企业410家、制造业单项冠军企业96家。

全省建设5G工厂150余家。今年以来新认定的省级技术中心就有57项，全省常住人口4800万人。

2024年，全省港口集装箱吞吐量650万标箱，同比增长8.2%；机场旅客吞吐量超过4200万人次，同比增长12.5%。

全省农业在地区生产总值中的比重约7.1%，服务业在地区生产总值中的比重达到约52.3%。数字经济核心产业规模较2023年底增长14.6%。

5G、千兆光网、工业互联网融合应用在制造、交通、医疗等领域加快推广，典型案例数分别达到2100个、860个、430个。

全省汽车产销分别完成120.5万辆和118.3万辆，比上年分别增长6.1%和5.4%。
"""


def test_chinese_labels_name_what_is_counted_without_measure_words_or_list_debris(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, CHINESE)
    assert labels[120_000] == "5G基站"  # not '累计建成开通5G基站个'
    assert labels[8_000_000] == "千兆宽带接入用户"
    assert labels[300_000] == "在用数据中心标准机架"  # 'in use' keeps its 在
    assert labels[21] == "省级制造业创新中心"
    # A list of figures, each with its own subject, none with the measure word '家' ('中小企业家' is an
    # entrepreneur) or with the list's marks and digits.
    assert (labels[3200], labels[410], labels[96]) == ("专精特新中小企业", "专精特新“小巨人”企业", "制造业单项冠军企业")
    assert labels[150] == "5G工厂"
    assert labels[57] == "新认定的省级技术中心"
    assert labels[48_000_000] == "常住人口"  # 人口 is a noun, though 人 is a measure word
    assert labels[6_500_000] == "港口集装箱吞吐量"  # not '…标箱'
    assert labels[42_000_000] == "机场旅客吞吐量"  # not '…人次'
    assert not any(BARE_MEASURES.match(label) or label.endswith(("个", "家", "项", "标箱", "人次"))
                   for label in labels.values()), labels
    assert not any(label[:1] in "、，,“" or re.search(r"[0-9]", label.replace("5G", "")) for label in labels.values())


def test_a_change_or_a_share_is_labelled_with_what_changed(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, CHINESE)
    # The subject of '同比增长' is in the clause before it.
    assert labels[8.2] == "港口集装箱吞吐量同比增长"
    assert labels[12.5] == "机场旅客吞吐量同比增长"
    # A share of GDP names both; a growth's base of comparison goes ('较2023年底').
    assert labels[7.1] == "农业占地区生产总值比重"
    assert labels[52.3] == "服务业占地区生产总值比重"
    assert labels[14.6] == "数字经济核心产业规模增长"
    # '产销分别完成…和…' is production and sales; the growth after it, each one's.
    assert (labels[1_205_000], labels[1_183_000]) == ("汽车产量", "汽车销量")
    assert (labels[6.1], labels[5.4]) == ("汽车产量增长", "汽车销量增长")


def test_a_list_of_figures_is_paired_with_the_list_of_items_it_counts(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, CHINESE)
    # '制造、交通、医疗等' names some fields of many: not the list the three figures are of.
    assert (labels[2100], labels[860], labels[430]) == (
        "5G典型案例数", "千兆光网典型案例数", "互联网融合应用典型案例数")


def test_every_label_is_short_and_no_two_share_one(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, CHINESE)
    assert len(labels) >= 20
    assert all(len(label) <= 13 for label in labels.values()), labels
    assert len(set(labels.values())) == len(labels), labels


def test_bars_compare_one_thing_never_what_a_measure_word_groups(tmp_path: Path) -> None:
    _, charts, _ = drafted(tmp_path, CHINESE)
    titles = [title for title, _ in charts]
    # 21 innovation centres and 3,200 firms are both '家': no chart of them; the three kinds of firms are one.
    assert ("企业对比", ["专精特新中小企业", "专精特新“小巨人”企业", "制造业单项冠军企业"]) in charts
    assert not any("省级制造业创新中心" in bars for _, bars in charts)
    assert not any(re.fullmatch(r"[个家项人户架]对比", title) for title in titles), titles
    # Two growth rates of one paragraph, titled by what they are.
    assert ("吞吐量同比增长对比", ["港口集装箱吞吐量同比增长", "机场旅客吞吐量同比增长"]) in charts
    assert all(len(set(bars)) == len(bars) >= 2 for _, bars in charts)


def test_a_figure_a_clause_names_after_it_and_a_window_of_comparison(tmp_path: Path) -> None:
    text = ("全省经济运行情况\n\n12.6万亿元，这是全省2024年的地区生产总值。这些成绩还来自9000多万劳动者的努力。\n\n"
            "该应用下载量较前7天增长超过20倍，较2024年同期增长超过30倍。\n\n"
            "枢纽船闸运行4200余闸次，通过量8600万吨，同比增长6.3%。\n")
    labels, _, _ = drafted(tmp_path, text)
    assert labels[12_600_000_000_000] == "地区生产总值"
    assert labels[90_000_000] == "劳动者"  # not '还来自劳动者'
    # A base that tells two changes apart stays; one that says 'the year before' is 同比's and goes.
    assert labels[20] == "应用下载量较前7天增长"
    assert labels[30] == "应用下载量增长"
    assert labels[6.3] == "通过量同比增长"  # 8600万吨 is no figure here; its clause names the subject still


ENGLISH = """Harbor City economy grows

Harbor City's economic output reached $12.4 billion in the second quarter, up 3.1% from a year earlier.

Employers added 4,200 jobs during the quarter, bringing total employment to 388,000. The jobless rate averaged 4.2%,
unchanged from the first quarter. Hospitals added 1,900 jobs, the most of any industry.

Food prices rose 2.2%, while fuel prices fell 5.6%. The median home price reached $512,000, up 4.4% from a year
earlier.

The court left in place $3.1 million in compensatory damages and $900,000 in punitive damages. Revenue rose about 8
percent to $616 million, above the average analyst estimate of $605.8 million.
"""


def test_english_labels_name_the_measure_not_the_words_around_it(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, ENGLISH)
    assert labels[12_400_000_000] == "Harbor City's economic output"
    assert labels[3.1] == "Harbor City's economic output rise"
    assert labels[388_000] == "Total employment"
    assert labels[4.2] == "Jobless rate"
    assert (labels[2.2], labels[5.6]) == ("Food prices rise", "Fuel prices fall")
    assert (labels[512_000], labels[4.4]) == ("Median home price", "Median home price rise")
    assert (labels[3_100_000], labels[900_000]) == ("Compensatory damages", "Punitive damages")
    assert (labels[8], labels[616_000_000], labels[605_800_000]) == (
        "Revenue rise", "Revenue", "Average analyst estimate")
    assert all(len(label.split()) <= 5 and not re.search(r"[0-9$]", label) for label in labels.values()), labels


def test_english_charts_and_key_figures_tell_their_figures_apart(tmp_path: Path) -> None:
    _, charts, key_figures = drafted(tmp_path, ENGLISH)
    # A rise and a fall are no bars of one chart; two damages of one sentence are.
    assert not any("Food prices rise" in bars and "Fuel prices fall" in bars for _, bars in charts)
    assert ("Damages compared", ["Compensatory damages", "Punitive damages"]) in charts
    # Two figures labelled 'Jobs' (4,200 and 1,900): one key figure of that name at most.
    assert len(key_figures) == len(set(key_figures)) == 4


def test_counts_of_one_noun_compare_across_the_article_unless_their_bars_would_not_show(tmp_path: Path) -> None:
    paragraphs = ["The app now has 90 million active users worldwide.", "It won 2 million new users in its first year."]
    _, charts, _ = drafted(tmp_path, "App grows\n\n" + "\n\n".join(paragraphs) + "\n")
    assert charts == [("Users compared", ["Active users", "New users"])]
    # 400,000 beside 90 million: a bar 225 times shorter than the longest does not show.
    paragraphs.append("The city alone has 400,000 paying users, officials said.")
    _, charts, _ = drafted(tmp_path, "App grows\n\n" + "\n\n".join(paragraphs) + "\n", "longer.txt")
    assert charts == []


def statistic(text: str, paragraph: int, label: str, *, measured: bool = False) -> DraftStatistic:
    """A statistic of the first figure in `text`, as the draft states it."""
    figure = replace(find_figures(text)[0], measured=measured)
    return DraftStatistic(figure=figure, value=figure.value, unit=figure.unit if figure.unit != "money" else "count",
                          noun=figure.noun, qualifier=figure.qualifier, label=label, measures=text, as_of=None,
                          attribution=None, evidence=Evidence(text, paragraph), id=f"s{paragraph}-{label}")


def test_measured_quantities_and_money_compare_within_one_paragraph_only() -> None:
    # Measured quantities as the figures reader will state them ('1.59亿吨' with measured=True): a ship lock's
    # tonnage and an airport's cargo, paragraphs apart, are no comparison; two in one sentence are.
    lock = statistic("通过量达1.59亿件", 2, "三峡枢纽通过量", measured=True)
    locks = statistic("三峡船闸通过量1.54亿件", 3, "三峡船闸通过量", measured=True)
    lift = statistic("升船机通过量503万件", 3, "三峡升船机通过量", measured=True)
    cargo = statistic("货邮吞吐量420.6万件", 5, "货邮吞吐量", measured=True)
    found = comparisons([lock, locks, lift, cargo], chinese=True)
    assert [(c.title, [s.label for s in c.statistics]) for c in found] == [
        ("通过量对比", ["三峡船闸通过量", "三峡升船机通过量"])]
    gdp = statistic("地区生产总值5.2万亿元", 1, "地区生产总值")
    deals = statistic("签约金额1200亿元", 4, "签约金额")
    farms = statistic("第一产业增加值3200亿元", 1, "第一产业增加值")
    assert [[s.label for s in c.statistics] for c in comparisons([gdp, deals, farms], chinese=True)] == [
        ["地区生产总值", "第一产业增加值"]]
    # A share whose name holds a change word is a share: '对全球经济增长贡献率' is no growth rate. And percentages
    # compare only where their labels end in one measure: output's growth beside an unemployment rate, or beside
    # a rise in prices, would set unlike things side by side.
    growth = statistic("国内生产总值增长5%", 1, "国内生产总值增长")
    share = statistic("对全球经济增长贡献率保持在30%左右", 1, "对全球经济增长贡献率")
    rate = statistic("城镇调查失业率5.1%", 1, "城镇调查失业率")
    prices = statistic("居民消费价格上涨0.2%", 1, "居民消费价格上涨")
    assert comparisons([growth, share, rate, prices], chinese=True) == []
    hi_tech = statistic("高技术制造业增加值增长8.9%", 2, "高技术制造业增加值增长")
    equipment = statistic("装备制造业增加值增长7.7%", 2, "装备制造业增加值增长")
    assert [(c.title, [s.label for s in c.statistics]) for c in comparisons([hi_tech, equipment], chinese=True)] == [
        ("制造业增加值增长对比", ["高技术制造业增加值增长", "装备制造业增加值增长"])]


SUMS = """Grocer expands

Harvest Foods has opened a new $210 million fully-automated bakery production plant in Millbrook, Ohio. The
215,000-square-foot plant will bake about two million pounds of whole-grain, preservative-free sandwich breads
weekly, and create 320 well-paid jobs.

Corvane, a sensor maker, is putting $25 million into a new 40,500-square-foot assembly site in Tacoma. Its 12-ton
delivery trucks will serve the region.

Regional builders are allocating nearly $600 million toward new warehouses and office renovations.

The water board spent $310 million on three new deep-water piers. It plans to spend a further $95 million by 2028
to deepen the river channel to 14 meters.

Riders face fines of $250 per trip if they skip the fare. Most of these drivers, about 61%, earn less than $38,000
a year. The firm earned 42 cents per share.

Detours are adding almost 7 days to each delivery. The board approved the 45-day Emergency Waiver Program.

The agency expects ridership to grow by 4% to 6% next year. The Port of Westhaven handled 1.8 million containers
last year, a 9% increase over 2023.

The company lost $12 million on revenue of $80 million. The city spent $4 million on Monday. The fund raised $3
million to cover legal costs.
"""


def test_a_sums_label_names_what_the_money_is_for(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, SUMS)
    # The thing after the sum, without what only describes it ('new', 'fully-automated'); what it is put into,
    # spent on or allocated toward; what it is to do.
    assert labels[210_000_000] == "Bakery production plant"
    assert labels[25_000_000] == "Assembly site"  # not the company the sentence opens with
    assert labels[600_000_000] == "Warehouses and office renovations"
    assert labels[310_000_000] == "Deep-water piers"  # a compound noun stays: only adjectives go
    assert labels[95_000_000] == "River channel deepening"  # not 'Plans to spend'
    # A sum of each ('fines of $250 per trip'), and what someone earns: their earnings.
    assert labels[250] == "Fine per trip"
    assert labels[0.42] == "Earnings per share"
    assert labels[38_000] == "Driver earnings"  # the drivers the clause before is of
    # Traps: 'on' says what money buys only after a verb of spending, and never a day; a purpose this reader has no
    # noun for ('to cover legal costs') gives no verb for a label.
    assert labels[12_000_000] == "Company loss"
    assert labels[4_000_000] == "City spending"
    assert labels[3_000_000] == "Fund"


def test_a_quantity_and_a_duration_are_labelled_with_what_they_measure(tmp_path: Path) -> None:
    labels, _, _ = drafted(tmp_path, SUMS)
    assert labels[215_000] == "Plant"  # a 215,000-square-foot plant: the plant's floor space
    assert labels[40_500] == "Assembly site"
    assert labels[2_000_000] == "Sandwich breads"  # pounds of them, past the comma between their adjectives
    assert labels[14] == "River channel depth"  # dredged, deepened 'to 14 meters'
    assert labels[320] == "Jobs"  # well-paid ones
    assert labels[7] == "Added delivery time"  # 'adding 7 days to each delivery', not the clause's subject
    assert labels[45] == "Emergency Waiver Program"  # the 45-day program: what the days are
    # A rise or a growth that an infinitive or an apposition states ('expects ridership to grow by 4% to 6%',
    # 'a 9% increase'), each end of a range alike.
    assert labels[4] == labels[6] == "Ridership growth"
    assert labels[9] == "Containers increase"
    assert all(len(label.split()) <= 5 and label.split()[0].lower() not in ("a", "an", "the", "to")
               for label in labels.values()), labels


def test_a_unit_as_an_adjective_prints_as_a_unit(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(SUMS, encoding="utf-8")
    draft(source, tmp_path / "outline.yaml")
    outline = read_outline(tmp_path / "outline.yaml")
    plant = next(s for s in outline.statistics if s.value == 215_000)
    assert (plant.unit.value, plant.noun, plant.unit_name) == ("count", "square feet", "square feet")
    # The point writes the reference in the adjective's place ('The {plant} plant'): no unit left behind it.
    points = [point for section in outline.sections for point in section.points]
    assert any(f"{{{plant.id}}} plant" in point for point in points), points
    assert not any("square-foot" in re.sub(r"\{[^}]*\}", "", point) for point in points), points
    assert format_value(plant, Locale.EN) == "215,000 square feet"  # as the key figure and the table print it
    # A 12-ton truck is a kind of truck: no figure of the article.
    assert not any(s.value == 12 for s in outline.statistics)


def test_a_label_a_paragraph_gives_twice_is_told_apart_by_what_its_statement_is_about(tmp_path: Path) -> None:
    text = ("港口年报\n\n2024年，滨江港运行平稳，货物吞吐量达2.1亿吨。其中，东港区运行8600余艘次，货物吞吐量1.3亿吨；"
            "西港区运行5200余艘次，货物吞吐量8000万吨，同比增长6.2%。\n")
    by_value, _, _ = drafted(tmp_path, text)
    assert [by_value[value] for value in (210_000_000, 130_000_000, 80_000_000)] == [
        "滨江港货物吞吐量", "东港区货物吞吐量", "西港区货物吞吐量"]
