"""A statistic's label: the few words a bar chart or a key-figure card prints beside its value.

A label names what a figure is about, in the article's own words, from the figure's clause:
- what it counts ('工作岗位', 'jobs'), but never a measure word, a unit of measure or a currency alone
  ('个', '家', '人次', '吨', '元'): the value prints those itself, and '培育中小企业家' reads 'entrepreneur';
- the words before it that name what is measured ('5G基站', '工业增加值同比增长', 'Unemployment rate'),
  without the verbs and adverbs that only tie them to the figure (累计, 达到, 超过, 分别, averaged, reached),
  nor the base of a comparison ('较2023年底增长' is '增长', 'rose 4.6% from a year earlier' a rise);
- in English, what a sum goes to or is spent to do ('putting $40 million into a new site', '€1.2 billion to dredge
  the channel': 'Channel dredging'), what a sum of each is ('fines of $250 per trip'), what a unit as an adjective
  measures ('a 325,000-square-foot facility'), without the words that only describe it ('new', 'fully-cooked');
- a subject from the clause before, in the same statement, when its own clause has none
  ('通过量503万吨,同比增长5.1%' -> '通过量同比增长'; 'Revenue rose 8% to $616 million' -> 'Revenue');
- in a list of figures ('优秀案例数分别达到13.8万、3.7万、1.3万个'), each its item of the list the sentence pairs
  them with ('5G、千兆光网、算力创新应用…' -> '5G优秀案例数'), else the words they share;
- never another figure's digits: the words looked at start after the figure before, in the same clause.
A label is at most LABEL_LIMIT long: Chinese characters (a Latin letter or digit counting half) or English
words; where it is longer, the words farthest from the figure go first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.sources.sentences import clause_around, reading_size
from briefing.text.figures import Figure

LABEL_LIMIT = {True: 12, False: 5}
# What a figure is labelled where the article names nothing around it: the kind of figure it is.
_FALLBACKS = {True: {"percent": "比例", "times": "倍数", "days": "天数", "usd": "金额", "money": "金额",
                     "count": "数量", "people": "人数"},
              False: {"percent": "Share", "times": "Multiple", "days": "Days", "usd": "Amount", "money": "Amount",
                      "count": "Count"}}
FALLBACK_LABELS = frozenset(label for kinds in _FALLBACKS.values() for label in kinds.values())

# --- Chinese -----------------------------------------------------------------------------------------------

# Measure words: what the value prints after it ('425万个'), not what is counted. '人次', '架次', '闸次'
# (a measure word or a thing and 次) count occasions the same way.
_MEASURE_WORDS = frozenset("个名位家人只头台辆部座所项件款种次场套份间架艘枚张本篇首支户起例宗批条封笔处片颗根"
                           "幅门棵株匹")
_OCCASIONS = re.compile(r"^[\u4e00-\u9fff]次$")
# Units of measure and of cargo, which a figure's noun may be when it measures rather than counts.
_UNIT_NOUNS = frozenset(("标箱", "吨", "万吨", "公里", "千米", "米", "平方米", "立方米", "千瓦时", "千瓦", "兆瓦", "瓦",
                         "度", "亩", "公顷", "斤", "公斤", "克", "升", "桶", "元", "美元", "欧元", "英镑", "日元",
                         "港元", "韩元", "卢比"))
# Words that only tie a subject to its figure: dropped where they end a label, or where they stand alone.
_ZH_FILLER = frozenset((
    "的", "了", "有", "以", "为", "是", "达", "共", "已", "约", "近", "逾", "超", "在", "和", "中", "将", "会", "就",
    "都", "也", "还", "又", "再", "才", "均", "分别", "超过", "突破", "达到", "已达", "已经", "拥有", "约有", "共有",
    "约为", "大约", "将近", "接近", "累计", "共计", "合计", "总计", "总共", "完成", "录得", "实现", "保持", "达至",
    "其中", "更是", "此外", "同时", "而且", "大致", "相当于", "来自", "包括", "涉及", "首次", "预计", "已有", "仅",
    "光是", "仅仅", "单是", "就有", "高达", "多达", "至", "到", "一直", "平均", "中有"))
# Verbs that lead a label's words to the thing they count ('累计建成开通5G基站' counts 5G基站), and words
# that only say where or when ('全国', '2024年'): dropped at a label's start.
_ZH_LEADING = frozenset((
    "累计", "培育", "建成", "开通", "建设", "新建", "新设", "批准", "发布", "交付", "实现", "拥有", "形成", "包括",
    "而", "其", "它", "该", "由", "从", "并", "但", "且",
    "全国", "全市", "全省", "全区", "全县", "我国", "我市", "我省", "全年", "当年", "今年", "去年", "目前", "以上",
    "以下", "以来", "之一", "其中", "此外", "同时", "另外", "光是", "仅", "单是", "首次", "预计", "已", "已经",
    "的", "和", "及", "与", "等", "中", "为", "是", "有", "约", "达", "超", "将", "还", "也", "就", "都", "均"))
# What a figure changed by or its share: words that need a subject ('同比增长5.1%': of what?).
_ZH_CHANGE = frozenset((
    "增长", "下降", "上升", "提高", "提升", "增加", "减少", "回落", "下滑", "扩大", "收窄", "缩小", "上涨", "下跌",
    "降低", "增速", "增幅", "涨幅", "降幅", "跌幅", "同比", "环比", "按年", "按月", "比重", "占比", "占", "比",
    "增", "降", "升", "涨", "跌", "平均", "每天", "每日", "每年", "日均"))
_ZH_GROWTH_VERBS = "增长|下降|上升|提高|提升|增加|减少|回落|下滑|扩大|收窄|缩小|上涨|下跌|降低|增|降|升|涨|跌"
# The base of a comparison before a change, when it is the year before ('比上年末', '较2023年底', '与去年同期
# 相比'), as 同比 is; a window ('较前7天') tells one change from another and stays.
_COMPARED_WITH = re.compile(
    r"(?<![同环])(?:较|比|与)(?:\d{4}年|上年|去年|上一年|前一年)(?:同期|年末|年底|年初|末|底|水平)?(?:相比)?"
    rf"(?=(?:分别|均|都)?(?:{_ZH_GROWTH_VERBS}))")
_ANY_BASE = re.compile(r"(?<![同环])(?:较|比)[^增降升提减扩涨跌]{1,10}$")
# '在GDP中的比重' is a share of GDP: '占GDP比重'.
_SHARE_IN = re.compile(r"在([^，,。；;在]{1,10}?)(?:中|里)?的?(?:比重|占比|份额)")
# Blanks a web page puts around numbers in Chinese ('较 2024 年同期'), which the words are read without.
_SPACE_IN_CHINESE = re.compile(r"(?<=[0-9\u3400-\u9fff])\s+(?=[0-9\u3400-\u9fff])")
_SINCE = re.compile(r"(?:自|从)[^，,。；;自从]{1,10}?以来")  # 'Note 8自4月上市以来累计销量'
# Words that place a clause in time or attribute it, before what it is about.
_ZH_TIME = re.compile(r"^(?:近)?\d+多?年(?:来|以来)|^(?:当年|今年|去年|上年)(?:末|底|初|以来)?|"
                      r"^(?:截至|截止到?|到)?(?:\d{4}年)?"
                      r"(?:前?\d{1,2}(?:个)?月|\d{1,2}月份?)?(?:\d{1,2}日)?(?:年?底|年?末|年?初|以来|上半年|下半年|前三季度)?")
_YEAR = re.compile(r"\d{4}年")
_ZH_SOURCE = re.compile(r"^[^，,。]{0,16}?(?:数据|统计)?(?:显示|表明|获悉)")
_CJK = re.compile(r"[\u3400-\u9fff]")
# What joins the figures of a list ('13.8万、3.7万、1.3万个', '2522.5万辆和2531.1万辆') and the items of one.
_LIST_JOINER = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
_JOINERS = frozenset(("、", "和", "及", "与", "以及"))
# Verbs that say what a figure of things is to the subject before them, not what the things are.
# What a clause is about: its words before its verb ('三峡船闸运行10000余闸次' is about 三峡船闸).
_SUBJECT = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?:运行|完成|实现|达到|达|突破|超过|累计|共有|共|有|建成|开通|接待|"
                      r"发送|运送|处理|新增|增长|下降|为|是)")
_CONNECTIVE = re.compile(r"^(?:其中|此外|同时|另外|而|但)[，,]?")
_LINKING_VERBS = ("来自", "相当于", "包括", "涉及", "惠及", "带动", "覆盖")
# Measure words for people: what follows them is what the people did ('12.3万人聚集在…'), not a noun.
_PEOPLE = frozenset(("人", "名", "位", "人次"))
# Words that tie nothing wherever they stand in a label's words.
_ZH_INNER = frozenset(("分别", "均", "都", "将", "已", "就", "也", "还", "以", "一直"))
# Where a change starts from ('股价由开市17美元增长至20.8美元'): the subject is before it.
_FROM = re.compile(r"(?:由|从)[^由从]*$")
_ITEM_STOPS = frozenset(("在", "于", "对", "向", "从", "的", "等", "分别", "均", "都", "已", "将", "实现", "达到",
                         "为"))
# A pair a word names at once: '产销分别完成2811.9万辆和2802.8万辆' are production and sales.
_PAIRED_WORDS = {"产销": ("产量", "销量"), "进出口": ("进口", "出口"), "收支": ("收入", "支出")}


def labels(text: str, figures: Sequence[Figure], chinese: bool) -> list[str]:
    """A label for each of the paragraph's figures (`find_figures(text)`, in order)."""
    named: list[str] = []  # the labels so far, '' where the article names nothing: no subject for the next
    for index in range(len(figures)):
        named.append(_zh_label(text, figures, index, named) if chinese else _en_label(text, figures, index, named))
    if chinese:
        named = _told_apart(text, figures, named)
    return [label or _fallback(figure, chinese) for label, figure in zip(named, figures, strict=True)]


def _told_apart(text: str, figures: Sequence[Figure], named: list[str]) -> list[str]:
    """Labels a paragraph gives twice, each with what its statement is about where the clause before names it:
    '三峡船闸运行10000余闸次,通过量1.54亿吨;三峡升船机运行4700余厢次,通过量503万吨' gives '三峡船闸通过量' and
    '三峡升船机通过量', not '通过量' twice."""
    told = list(named)
    for index, label in enumerate(named):
        if not label or named.count(label) < 2:
            continue
        start, _ = clause_around(text, figures[index].start, figures[index].end)
        head = text[:start].rstrip()
        if head[-1:] not in ("，", ",", "；", ";"):
            continue  # the figure's clause opens its sentence: nothing before it to borrow from
        before_start, _ = clause_around(text, len(head) - 1, len(head) - 1)
        subject = _SUBJECT.match(_CONNECTIVE.sub("", text[before_start:len(head) - 1]))
        if subject and not label.startswith(subject.group(1)) \
                and reading_size(subject.group(1) + label, chinese=True) <= LABEL_LIMIT[True]:
            told[index] = subject.group(1) + label
    return told


def counted_noun(figure: Figure) -> str | None:
    """What the figure counts, as a label may name it: its noun without a measure word before it; None where the
    noun is a measure word, a unit of measure or a currency alone, or the figure has none."""
    if figure.unit == "money" or figure.measured or not figure.noun:
        return None
    noun = figure.noun.strip()
    if not _CJK.search(noun):
        return noun
    from briefing.text.words import word_tokens

    words = [word for word in word_tokens(noun) if word.strip()]
    while words and (words[0] in _MEASURE_WORDS or _OCCASIONS.match(words[0]) or words[0] in _UNIT_NOUNS):
        words.pop(0)
    return "".join(words) or None


def _fallback(figure: Figure, chinese: bool) -> str:
    """A label where the article names nothing around the figure: what kind of figure it is."""
    if chinese and figure.unit == "count" and figure.noun and figure.noun.strip() in _PEOPLE:
        return _FALLBACKS[chinese]["people"]
    return _FALLBACKS[chinese][figure.unit if figure.unit in _FALLBACKS[chinese] else "count"]


def _zh_label(text: str, figures: Sequence[Figure], index: int, named: list[str]) -> str:
    figure = figures[index]
    run = _run(text, figures, index)
    first = figures[run[0]]
    start, end = clause_around(text, first.start, first.end)
    earlier = [j for j in range(run[0]) if figures[j].start >= start]
    before = text[_figure_end(text, figures[earlier[-1]]) if earlier else start:first.start]
    if earlier and before.lstrip().startswith("的"):  # '四千万的流量和近10万个帖子': '流量' is the figure before's
        before = re.split(r"、|和|及|与", before)[-1]
    head = _zh_head(before)
    core, change = _split_change(head)
    what = counted_noun(figure)
    if what is None and len(run) == 1 and figure.unit == "count" and not core and (
            not figure.noun or figure.noun.strip() not in _PEOPLE):
        what = _zh_noun_after(text[_figure_end(text, figure):end]) or None
    if len(run) > 1:
        listed = _zh_items(core, len(run))
        items = listed or _zh_items_before(text, start, len(run))
        if items is not None:
            rest = change if listed else [*core, *change]
            return _fit([_tokens(items[run.index(index)]), rest, _tokens(what)], chinese=True)
        if not core and (subjects := _zh_subjects(text, figures, start, named, len(run))) is not None:
            return _fit([_tokens(subjects[run.index(index)]), change, _tokens(what)], chinese=True)
        return _fit([_cut_at_list(core), change, _tokens(what)], chinese=True)
    if what and (not core or before.rstrip().endswith(_LINKING_VERBS)):
        return _fit([_tokens(what)], chinese=True)  # '还来自9000多万劳动者': the workers, whatever came of them
    if not core:
        if earlier:  # '股价由17美元增长至20.8美元': the same subject as the figure before
            return _fit([_tokens(_without_change(named[earlier[-1]])), change], chinese=True)
        if (subjects := _zh_subjects(text, figures, start, named, 1)) is not None:
            return _fit([_tokens(subjects[0]), change], chinese=True)
        if not change and (named_after := _zh_named_after(text, end)):
            return _fit([named_after], chinese=True)
    return _fit([_cut_at_list(core), change, _tokens(what)], chinese=True)


def _run(text: str, figures: Sequence[Figure], index: int) -> list[int]:
    """The indexes of the list of figures the figure is in ('13.8万、3.7万、1.3万个'), or just its own:
    figures of one unit that only a list's joiners separate."""
    def joined(left: int, right: int) -> bool:
        between = text[_figure_end(text, figures[left]):figures[right].start]
        return figures[left].unit == figures[right].unit and bool(_LIST_JOINER.fullmatch(between))

    first = last = index
    while first > 0 and joined(first - 1, first):
        first -= 1
    while last + 1 < len(figures) and joined(last, last + 1):
        last += 1
    return list(range(first, last + 1))


def _figure_end(text: str, figure: Figure) -> int:
    """Where a figure and the noun right after it end (a unit joined to it too: '325,000-square-foot')."""
    rest = text[figure.end:]
    stripped = rest.lstrip(" \t\n-‐")
    if figure.noun and stripped.startswith(figure.noun):
        return figure.end + len(rest) - len(stripped) + len(figure.noun)
    return figure.end


def _tokens(text: str | None) -> list[str]:
    if not text:
        return []
    from briefing.text.words import word_tokens

    return [word for word in word_tokens(text) if word.strip()]


def _zh_head(before: str) -> list[str]:
    """The words before a figure that name what it is about, as words: the time, source and verbs that only
    lead to it dropped, the base of a comparison too."""
    before = _SPACE_IN_CHINESE.sub("", before).strip(" ，,、；;：:")
    for opening, closing in ("()", "（）", "[]", "【】"):  # '(记者 闫晓虹)2016年中国汽车产销', '(包括三轮汽车'
        before = before.rpartition(closing)[2]
        if opening in before:
            before = before.rpartition(opening)[2]
    if "了" in before:  # '影响了美国本土的1.7亿用户': what was affected, not the affecting; '迎来了四千万的流量':
        done, _, affected = before.rpartition("了")  # what came follows the figure; but '增长了约216%' grew
        grew = not affected.strip() and any(done.endswith(word) for word in _ZH_CHANGE)
        before = done if grew else affected
    before = _SHARE_IN.sub(lambda match: f"占{match.group(1)}比重", before)
    before = _COMPARED_WITH.sub("", before)
    before = _ZH_SOURCE.sub("", before)
    before = _ZH_TIME.sub("", _SINCE.sub("", before))
    before = _FROM.sub("", before) if _CJK.search(_FROM.sub("", before)) else before
    before = re.sub(r"\d{4}年的?$", "", before)  # '增长至2030年的1200亿元'
    words = [word for word in _tokens(before) if word not in _ZH_INNER]
    rose_to = words[-1:] in (["至"], ["到"])
    while words and words[-1] in _ZH_FILLER:
        words.pop()
    if rose_to and words and words[-1] in _ZH_CHANGE:
        words.pop()  # '比例上升至87.2%': the level it rose to, not the rise
    while words and any(word not in _ZH_LEADING for word in words[1:]):
        if words[0] in _ZH_LEADING or words[0].isdigit() or (words[0] == "在" and not words[1].startswith("用")):
            words.pop(0)  # (but '在用机架' are racks in use)
        elif len(words) > 2 and words[0] + words[1] in _ZH_LEADING:  # '新设', cut as '新' and '设'
            del words[:2]
        else:
            break
    said = "".join(words)
    return [] if all(word in _ZH_LEADING or word in _ZH_FILLER for word in words) or said in _ZH_LEADING else words


def _after_last(words: list[str], marks: frozenset[str]) -> list[str]:
    """The words after the last of `marks` among them, or all of them."""
    for at in range(len(words) - 1, -1, -1):
        if words[at] in marks:
            return words[at + 1:]
    return words


def _split_change(words: list[str]) -> tuple[list[str], list[str]]:
    """The words that name a subject, and the words of change or share after them ('同比增长')."""
    cut = len(words)
    while cut > 0 and words[cut - 1] in _ZH_CHANGE:
        cut -= 1
    core = [word for word in words[:cut] if word not in _ZH_FILLER]
    return (words[:cut] if core else []), words[cut:]


def _cut_at_list(words: list[str]) -> list[str]:
    """The words after a list of subjects: a figure of its own is about the last item ('信息传输、软件和
    信息技术服务业增长' is about the second), or, where 的 follows the list, about what all its items have
    ('江西、山东、湖南、海南的审核完成率' is '审核完成率')."""
    tail = _after_last(words, frozenset(("、", "，", ",", "“", "”")))
    if tail is not words and "的" in tail:
        return _after_last(tail, frozenset(("的",)))
    return tail


def _zh_items(words: list[str], count: int) -> list[str] | None:
    """The items of the list the words are ('汽车产量及销量', '高技术制造业、装备制造业增加值'), when it has
    `count` of them; a word that names a pair ('产销') as its two."""
    if count == 2 and not any(word in _JOINERS for word in words):
        for at, word in enumerate(words):
            if word in _PAIRED_WORDS:
                before = "".join(words[:at])
                return [before + name for name in _PAIRED_WORDS[word]]
    found = _zh_lists(words)
    if len(found) == 1 and len(found[0][0]) == count and sum(map(len, found[0][0])) == len(
            [word for word in words if word not in _JOINERS]):
        return ["".join(item) for item in found[0][0]]
    return None


def _zh_lists(words: list[str]) -> list[tuple[list[list[str]], bool]]:
    """The lists in a run of words, each as its items' words and whether 等 ends it ('工业、医疗、能源等'
    names some of many): items are what the joiners (、和及与) separate, a list ends where a word no item holds
    (在, 的, 分别 …) or a mark does."""
    lists: list[tuple[list[list[str]], bool]] = []
    items: list[list[str]] = [[]]
    for word in [*words, "。"]:
        if word in _JOINERS:
            items.append([])
        elif word in _ITEM_STOPS or not (_CJK.search(word) or word.isalnum()):
            if len(items) > 1 and all(items):
                lists.append((items, word == "等"))
            items = [[]]
        else:
            items[-1].append(word)
    return lists


def _zh_items_before(text: str, clause_start: int, count: int) -> list[str] | None:
    """A list of `count` items in the clauses before, in the same sentence, that a list of figures pairs with
    ('5G、千兆光网、算力创新应用在…,优秀案例数分别达到13.8万、3.7万、1.3万个'); not one that ends in 等,
    which names some of many."""
    sentence_start = max(text.rfind(mark, 0, clause_start) for mark in "。！？；;!?") + 1
    for items, open_ended in _zh_lists(_tokens(text[sentence_start:clause_start])):
        if len(items) == count and not open_ended:
            return ["".join(_zh_head("".join(item)) or item) for item in items]
    return None


def _zh_subjects(text: str, figures: Sequence[Figure], clause_start: int, named: list[str],
                 count: int) -> list[str] | None:
    """What the clauses before are about, in the same statement (not across '；' or '。'), for a clause that
    names no subject ('同比增长5.1%'): the labels of the last `count` figures before it, or, for one, the clause
    before's own words up to its number ('货邮吞吐量420.6万吨,同比增长11%')."""
    start = clause_start
    while len([j for j in range(len(named)) if start <= figures[j].start < clause_start]) < count:
        head = text[:start].rstrip()
        if head[-1:] not in ("，", ",", "：", ":"):
            break
        start = clause_around(text, len(head) - 1, len(head) - 1)[0]
        if count == 1:
            break
    before = [j for j in range(len(named)) if start <= figures[j].start < clause_start
              and not _in_brackets(text[start:figures[j].start])]
    if before and len(before) >= count:
        subjects = [_without_change(named[j]) for j in before[-count:]]
        return subjects if all(subjects) else None
    if count > 1 or start == clause_start:
        return None
    words = text[start:clause_start]
    digit = re.search(r"[0-9０-９]", words)
    topic = "".join(_split_change(_zh_head(words[:digit.start()] if digit else words))[0])
    return [topic] if topic and reading_size(topic, chinese=True) <= LABEL_LIMIT[True] else None


def _in_brackets(text: str) -> bool:
    """Whether the end of `text` is inside brackets it opens: an aside ('(包括三轮汽车和低速货车1331万辆)')."""
    return any(text.count(opening) > text.count(closing) for opening, closing in ("()", "（）"))


def _without_change(label: str) -> str:
    """A label as the subject of the change after it: '应用下载量较前7天增长' -> '应用下载量'."""
    return _ANY_BASE.sub("", "".join(_split_change(_tokens(label))[0]))


def _zh_named_after(text: str, clause_end: int) -> list[str]:
    """What the clause after a figure says the figure is, when it opens with 这是 or 即 ('134.9万亿元,这是刚刚
    公布的中国2024年GDP'): its words after the last 的."""
    if text[clause_end:clause_end + 1] not in ("，", ",", "：", ":"):
        return []
    found = re.match(r"(?:这是|这一数字是|即)([^，,。；;！？!?]+)", text[clause_end + 1:].lstrip())
    return _zh_head(found.group(1).rpartition("的")[2]) if found else []


def _zh_noun_after(after: str) -> str:
    """The thing a figure counts when no noun, or only a measure word, follows it: the one word after 的
    ('150万份的发行量高居…'), else the words up to a word that only ties ('32座小型水库中'), 的 or the clause's
    end ('700家高水平5G工厂', '14亿多中国人的努力'), when they are few."""
    words = _tokens(after.strip())
    if words[:1] == ["的"]:
        words = words[1:2]
    stop = next((at for at, word in enumerate(words) if word in _ZH_FILLER or word in _ZH_CHANGE), len(words))
    words = words[:stop]
    if not words or reading_size("".join(words), chinese=True) > 8 or not all(
            _CJK.search(word) or word.isalnum() for word in words):
        return ""
    return "".join(words) if any(_CJK.search(word) for word in words) else ""


def _fit(parts: list[list[str]], *, chinese: bool) -> str:
    """The parts' words as one label within the limit. Where it is longer, a year inside it goes first
    ('北部湾港2024年集装箱吞吐量'), then 的, then the first part's first words, then the next part's, so what is
    nearest the figure stays; a part keeps at least its last word."""
    parts = [list(part) for part in parts if part]
    joiner = "" if chinese else " "
    edge = (_ZH_LEADING | {"在"}) if chinese else _EN_EDGE

    def size() -> float:
        words = [word for part in parts for word in part]
        return reading_size("".join(words), chinese=True) if chinese else len(words)

    for dropped in ((lambda word: bool(_YEAR.fullmatch(word))), (lambda word: word == "的")) if chinese else ():
        for part in parts:
            while size() > LABEL_LIMIT[chinese] and len(part) > 1 and any(map(dropped, part)):
                part.remove(next(word for word in part if dropped(word)))
    for part in parts:
        while size() > LABEL_LIMIT[chinese] and len(part) > 1:
            part.pop(0)
            while len(part) > 1 and part[0] in edge:
                part.pop(0)
    words = [word for part in parts for word in part]
    label = joiner.join(words) if not chinese else "".join(
        word + (" " if word.isascii() and word.isalnum() and words[at + 1].isascii() and words[at + 1].isalnum()
                else "")
        for at, word in enumerate(words[:-1])) + words[-1] if words else ""
    if chinese:
        return label.strip(" 、，,的")
    return label[:1].upper() + label[1:]


# --- English -----------------------------------------------------------------------------------------------

_EN_WORD = re.compile(r"[A-Za-z][\w'’‘-]*")
_EN_EDGE = frozenset((
    "a", "an", "the", "and", "or", "but", "that", "which", "who", "while", "whereas", "some", "about", "nearly",
    "almost", "more", "its", "their", "his", "her", "our", "this", "these", "those", "roughly", "approximately",
    "around", "up", "down", "just", "only", "also", "still", "so", "then", "be", "being", "been", "each", "every",
    "all", "both", "currently", "now", "already", "even", "alone", "slightly"))
_PREPOSITIONS = frozenset((
    "of", "in", "on", "at", "to", "by", "for", "from", "with", "about", "over", "under", "than", "per", "into", "as",
    "after", "before", "during", "since", "across", "between", "within", "without", "through", "among", "against",
    "toward", "towards", "via", "plus", "including", "above", "below", "like", "until"))
_PRONOUNS = frozenset(("it", "they", "he", "she", "we", "i", "you", "that", "this", "which", "who", "there"))
# Verbs, as unmistakable as English allows: what ends a noun phrase and ties a subject to its figure.
_EN_VERBS = frozenset((
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can", "may", "might",
    "should", "must", "does", "did", "rose", "risen", "fell", "fallen", "grew", "grown", "grows", "reached",
    "reaches", "stood", "came", "comes", "adds", "said", "says", "told", "tells", "expects", "made", "makes",
    "took", "takes", "taken", "gave", "gives", "given", "got", "gets", "paid", "pays", "won", "lost", "spent",
    "spends", "sold", "sells", "bought", "buys", "leaves", "brought", "brings", "bring", "saw", "sees", "seen",
    "ran", "runs", "found", "finds", "asked", "owes", "owe", "incur", "incurs", "operates", "employs", "earn",
    "earns", "gone", "goes", "went", "add", "lose", "loses", "face", "faces", "generated", "boasts", "totaled",
    "totalled", "averaged", "estimates", "cost", "costs", "hit", "hits", "rises", "falls", "climbs", "drops",
    "jumps", "declines", "doubled", "tripled"))
# Participles that end a noun phrase after its noun ('an option written into the law'), though before one they
# describe it ('2,340 written comments').
_PARTICIPLES = frozenset(("written", "known", "shown", "held", "built", "chosen", "given", "taken", "seen", "made"))
_AUXILIARIES = frozenset(("is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
                          "can", "may", "might", "should", "must", "does", "did"))
# Verbs after which the words are what was said, not what the figure is about.
_REPORTING = frozenset(("said", "says", "told", "reported", "estimates", "estimated", "expects", "expected",
                        "announced", "showed", "shows", "found", "believes", "predicted", "indicates"))
# Words a verb takes that are no object: 'took home $412,000'.
_PARTICLES = frozenset(("home", "out", "off", "up", "down", "back", "away", "in", "on", "over"))
# Words in -ly that are no adverb.
_LY_WORDS = frozenset(("weekly", "monthly", "quarterly", "yearly", "daily", "hourly", "early", "family", "supply",
                       "only", "italy", "july", "ally", "assembly", "anomaly", "elderly", "friendly", "holy"))
_ING_NOUNS = frozenset((
    "spending", "funding", "housing", "trading", "earnings", "lending", "building", "buildings", "manufacturing",
    "advertising", "licensing", "marketing", "processing", "shipping", "engineering", "banking", "training",
    "planning", "offering", "opening", "warning", "meeting", "hearing", "ruling", "filing", "listing", "rating",
    "ratings", "morning", "evening", "during", "nothing", "something", "anything", "everything", "spring",
    "ceiling", "pricing", "billing", "parking", "clothing", "mining", "farming", "fishing", "logging", "staffing",
    "hiring", "borrowing", "savings", "holdings", "dealing", "accounting", "consulting", "catering", "landing",
    "boarding", "microblogging", "blogging", "streaming", "gaming", "computing", "networking", "recycling",
    "polling", "voting", "schooling", "nursing", "teaching", "printing", "publishing", "broadcasting", "lodging"))
_TIME_WORDS = frozenset((
    "year", "years", "earlier", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days", "ago",
    "annual", "annually", "previous", "last", "prior", "period", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday", "fiscal", "time", "summer", "winter",
    "autumn", "hour", "hours", "minutes", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday"))
# The noun a change makes: a percentage after 'rose' is a rise.
_CHANGES = {"rose": "rise", "rise": "rise", "rises": "rise", "risen": "rise", "rising": "rise", "up": "rise",
            "climbed": "rise", "jumped": "jump", "gained": "gain", "grew": "growth", "grown": "growth",
            "growing": "growth", "increased": "increase", "increase": "increase", "more": "increase",
            "fell": "fall", "fallen": "fall", "falling": "fall", "down": "fall", "dropped": "drop",
            "declined": "decline", "decreased": "decrease", "slid": "fall", "less": "decrease",
            "narrowed": "fall", "shrank": "fall", "surged": "rise", "soared": "rise"}
# The same verbs as an infinitive says them ('expects volumes to grow by 5%'), which are nouns elsewhere.
_TO_CHANGE = {"grow": "growth", "rise": "rise", "increase": "increase", "climb": "rise", "jump": "jump",
              "fall": "fall", "drop": "drop", "decline": "decline", "decrease": "decrease", "shrink": "fall"}
_CHANGE_NOUNS = frozenset(("rise", "increase", "growth", "gain", "jump", "fall", "drop", "decline", "decrease"))
_SHARE_VERBS = frozenset(("was", "were", "is", "are", "made", "make", "makes", "accounted", "represented"))
# What a sum is to the one who earns, spends, loses or owes it: 'creators earn less than $49,000' are their earnings.
_MONEY_NOUNS = {"earn": "earnings", "earns": "earnings", "earned": "earnings", "earning": "earnings",
                "spend": "spending", "spends": "spending", "spent": "spending", "lose": "loss", "loses": "loss",
                "lost": "loss", "owe": "debt", "owes": "debt", "owed": "debt"}
# Verbs that put money into something: after them, 'on' says what it buys ('spent $850 million on two berths');
# elsewhere it may say what else ('lost $5 million on revenue of …').
_SPENDING = re.compile(r"(?i)\b(?:spen(?:d|ds|t|ding)|invest(?:s|ed|ing)?|put(?:s|ting)?|pour(?:s|ed|ing)?"
                       r"|allocat(?:e|es|ed|ing)|earmark(?:s|ed|ing)?|commit(?:s|ted|ting)?)\b")
# Prepositions after a sum that say where it goes: 'putting $40 million into a new site', 'toward new plants'.
_INTO = frozenset(("into", "toward", "towards"))
# What a sum is spent to do, as a noun ('€1.2 billion to dredge the approach channel': its dredging).
_DOINGS = {"build": "construction", "construct": "construction", "expand": "expansion", "extend": "extension",
           "dredge": "dredging", "deepen": "deepening", "widen": "widening", "upgrade": "upgrade",
           "modernize": "modernization", "modernise": "modernisation", "renovate": "renovation", "repair": "repairs",
           "replace": "replacement", "buy": "purchase", "purchase": "purchase", "acquire": "acquisition",
           "develop": "development", "improve": "improvements", "fund": "funding", "restore": "restoration",
           "rebuild": "rebuilding", "install": "installation", "maintain": "maintenance", "research": "research"}
# A length a verb brings something to is a dimension of it ('dredge the approach channel to 18 meters').
_DIMENSIONS = {"dredge": "depth", "deepen": "depth", "widen": "width", "extend": "length", "lengthen": "length",
               "raise": "height"}
_BROUGHT_TO = re.compile(r"(?i)\b(?P<verb>[a-z]+)\s+(?:the|a|an|its|their)\s+(?P<thing>[a-z][a-z' -]*?)\s+to\s*$")
# When, between a sum and what it is for: 'a further €1.2 billion by 2030 to dredge …'.
_TIME_LEAD = re.compile(r"(?i)^\s*(?:(?:by|in|until|before|through)\s+(?:\d{4}|next\s+year|the\s+end\s+of\s+"
                        r"(?:the\s+)?(?:\d{4}|year|decade))|over\s+the\s+(?:next|coming)\s+\S+\s+"
                        r"(?:years?|months?|decades?)|(?:this|next)\s+year|annually|each\s+year|a\s+year)\s*,?")
# Words that describe a thing rather than name it, left out of its label ('a new $300 million fully-cooked food
# production facility' is a food production facility): besides these, hyphened words that are an adverb's
# ('fully-cooked') or a participle ('most-automated', 'good-paying'), not a compound noun ('deep-water').
_DESCRIBING = frozenset((
    "new", "brand-new", "further", "additional", "extra", "potential", "possible", "several", "major", "premium",
    "state-of-the-art", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen"))
_DESCRIBING_FIRST = frozenset(("well", "most", "much", "ever", "best", "better"))  # 'well-paid', 'ever-growing'
_DESCRIBING_LAST = frozenset(("free", "paid", "made", "known", "built", "run", "grown", "sized", "like", "friendly"))
# Plural nouns that stay plural as one ('earnings per share').
_PLURAL_ONLY = frozenset(("earnings", "sales", "savings", "proceeds", "damages", "goods", "news", "series",
                          "species", "means", "headquarters", "arrears", "outskirts", "customs", "logistics",
                          "economics", "politics", "analytics", "electronics", "data"))
# Prefixes that leave a hyphened word a verb ('re-opened', 'co-founded'); other hyphened words are adjectives.
_VERB_PREFIXES = frozenset(("re", "co", "pre", "de", "un", "mis", "over", "under", "out", "fast", "double"))


def _en_label(text: str, figures: Sequence[Figure], index: int, named: list[str]) -> str:
    """What an English figure is about: its noun ('310,000 patients'), the noun after it ('$4.2 million
    verdict', 'a 325,000-square-foot facility'), what a sum goes to ('putting $40 million into a new site'), the
    phrase it is of or in ('40% of the stolen records', '$2.7 million in compensatory damages'), else the noun
    phrase its clause states it of ('The unemployment rate averaged 3.8%'), with the change a percentage is
    ('Food prices rose 1.9%': 'Food prices rise')."""
    figure = figures[index]
    start, end = clause_around(text, figure.start, figure.end)
    earlier = [j for j in range(index) if figures[j].start >= start]
    later = [j for j in range(index + 1, len(figures)) if figures[j].start < end]
    before = _EN_WORD.findall(text[_figure_end(text, figures[earlier[-1]]) if earlier else start:figure.start])
    after = _EN_WORD.findall(text[_figure_end(text, figure):figures[later[0]].start if later else end])
    lowered = [word.lower() for word in after]
    noun = counted_noun(figure)
    if noun:
        counted = _en_phrase(_EN_WORD.findall(noun))
        while len(counted) > 1 and "-" in counted[0] and _describes(counted[0]):
            counted.pop(0)  # '500 good-paying jobs' are jobs
        return _fit([counted], chinese=False)
    subject, verb = _en_subject(before)
    change = (_CHANGES.get(verb or "") or _TO_CHANGE.get(verb or "", "")) if figure.unit in ("percent", "times") \
        else ""
    if before and before[-1].lower() == "from":
        change = ""  # 'down from 3.5%': where it came from, not a change
    money = figure.unit in ("usd", "money")
    if money and (purpose := _en_purpose(_text_after(text, figures, index, later, end), text[start:figure.start])):
        return _fit([purpose], chinese=False)
    if figure.measured and (brought := _BROUGHT_TO.search(text, start, figure.start)):
        thing = _en_thing(brought["thing"].split())
        dimension = _DIMENSIONS.get(brought["verb"].lower())
        if thing:
            return _fit([thing, [dimension] if dimension else []], chinese=False)  # 'Approach channel depth'
    if figure.unit == "days" and verb in ("add", "adds", "added", "adding") and lowered[:1] == ["to"] and (
            thing := _en_thing(after[1:])):
        return _fit([["Added"], thing, ["time"]], chinese=False)  # 'adding 10 days to each voyage'
    if lowered[:1] and lowered[0] in _CHANGE_NOUNS and lowered[1:2] in (["in"], ["of"]):
        return _fit([_en_phrase(after[2:]), [lowered[0]]], chinese=False)  # '20 percent rise in revenue'
    adjective = figure.written.endswith(("-day", "-days")) or text[figure.end:figure.end + 1] in ("-", "‐")
    if lowered[:1] and lowered[0] not in _EN_EDGE and lowered[0] not in _PREPOSITIONS \
            and (after[0].islower() or adjective) and not _is_verb(after[0]) and not _adverb(after[0]):
        phrase = _en_thing(after)
        if phrase and not _temporal(phrase):
            if figure.unit == "percent" and [word.lower() for word in phrase] in [[n] for n in _CHANGE_NOUNS] and \
                    not subject and (changed := _en_previous_subject(text, start, figures, named)):
                return _fit([changed, [phrase[0].lower()]], chinese=False)  # '4.2 million containers, a 12% increase'
            return _fit([phrase], chinese=False)  # '$4.2 million verdict', 'a 50% refund'
    if lowered[:1] == ["per"] and len(after) > 1:
        if before[-1:] and before[-1].lower() == "of" and (thing := _en_thing_before(before[:-1])):
            who = [*thing[:-1], _singular(thing[-1])]  # 'fines of $5,000 per user': each user's fine
        elif verb in _MONEY_NOUNS and money:
            who = [_MONEY_NOUNS[verb]]  # 'earned 13 cents per share'
        else:
            who = [verb] if verb and verb not in _AUXILIARIES else subject or _en_previous_subject(
                text, start, figures, named)
        return _fit([who, after[:2]], chinese=False)  # '13 cents per share'
    if lowered[:1] == ["of"]:
        if subject and verb in _SHARE_VERBS and figure.unit == "percent":
            return _fit([subject, ["share"]], chinese=False)  # 'Mobile revenue was 90% of total revenue'
        phrase = _en_thing_of(text, figure) if figure.measured else _en_phrase(after[1:])
        if phrase and not _temporal(phrase) and (not subject or figure.unit == "percent" or figure.measured):
            return _fit([phrase], chinese=False)  # 'four million pounds of … poultry products'
    if lowered[:1] in (["in"], ["for"]) and lowered[1:2] != ["the"] and money \
            and (not before or before[-1].lower() not in ("to", "at", "from")):
        phrase = _en_phrase(after[1:])
        if phrase and not _temporal(phrase):
            return _fit([phrase], chinese=False)  # '$2.7 million in compensatory damages'
    if earlier and named[earlier[-1]] and before and (
            before[-1].lower() in ("and", "or")
            or ([word.lower() for word in before] == ["to"] and figures[earlier[-1]].unit == figure.unit)):
        return named[earlier[-1]]  # '20 percent rise in revenue last quarter and 58 percent last year', '5% to 7%'
    if subject and figure.unit == "percent" and [word.lower() for word in subject] in [[noun] for noun in
                                                                                      _CHANGE_NOUNS]:
        change, subject = subject[0].lower(), []  # 'an increase of 26%': of what came before
    if not subject and earlier:  # 'rose about 8 percent to $616 million': what rose
        subject = _en_subject(_EN_WORD.findall(text[start:figures[earlier[0]].start]))[0]
    if not subject:
        subject = _en_previous_subject(text, start, figures, named)
        if not change and not verb and lowered[:1] and lowered[0] in _CHANGES and figure.unit == "percent":
            change = _CHANGES[lowered[0]]  # '11% more than a year earlier'
    if money and verb in _MONEY_NOUNS:  # 'creators earn less than $49,000': their earnings
        who = _head(subject)
        return _fit([[*who[:-1], _singular(who[-1]) if who[-1].islower() else who[-1]] if who else [],
                     [_MONEY_NOUNS[verb]]], chinese=False)
    if subject and change == "growth":
        subject = [*subject[:-1], _singular(subject[-1])]  # 'volumes to grow': 'Volume growth'
    return _fit([subject, [change] if change else []], chinese=False) if subject else ""


def _text_after(text: str, figures: Sequence[Figure], index: int, later: list[int], end: int) -> str:
    """The clause after a figure, without the figures after it ('into a new 86,350-square-foot site' is 'into
    a new site')."""
    kept, position = "", _figure_end(text, figures[index])
    for j in later:
        kept += text[position:figures[j].start]
        position = max(position, _figure_end(text, figures[j]))
    return kept + text[position:end]


def _en_purpose(after: str, before: str) -> list[str]:
    """What a sum goes to, from the words after it: the thing it is put into or spent on ('into a new
    manufacturing site', 'toward new plants and facility expansions', 'spent … on two new deep-water berths'),
    or what it is to do ('to dredge the approach channel': 'Approach channel dredging'); [] where they say
    neither."""
    words = _EN_WORD.findall(_TIME_LEAD.sub("", after))
    lowered = [word.lower() for word in words]
    if lowered[:1] and (lowered[0] in _INTO or (lowered[0] == "on" and _SPENDING.search(before))):
        thing = _en_thing(words[1:])
        return [] if _temporal(thing) else thing
    if lowered[:1] == ["to"] and len(words) > 2 and lowered[1] in _DOINGS and (thing := _en_thing(words[2:])):
        return [*thing, _DOINGS[lowered[1]]]
    return []


def _en_thing(words: Sequence[str]) -> list[str]:
    """The thing the words name, from their start ('a new $300 million fully-cooked food production facility in
    Danville' after the figure): the noun phrase they open, to a preposition, verb, adverb or pronoun, a time or an
    article; without the words that only describe it ('new', 'fully-cooked', 'two'); its head and the two words
    before it, or two things joined by 'and' ('plants and facility expansions')."""
    def ends(word: str) -> bool:
        lowered = word.lower()
        return (lowered in _PREPOSITIONS or lowered in _PRONOUNS or lowered in _EN_EDGE or lowered in _TIME_WORDS
                or lowered == "next" or _is_verb(word) or _adverb(word) or (bool(phrase) and lowered in _PARTICIPLES))

    words = list(words)
    while words and _describes(words[0]):
        words.pop(0)
    phrase: list[str] = []
    for at, word in enumerate(words):
        joins = word.lower() in ("and", "or") and phrase and at + 1 < len(words) and not ends(words[at + 1])
        if ends(word) and not joins:
            break
        phrase.append(word)
    while len(phrase) > 1 and _describes(phrase[0]):
        phrase.pop(0)
    if not any(word.lower() in ("and", "or") for word in phrase):
        phrase = phrase[-3:]
    return phrase[:LABEL_LIMIT[False]]


def _en_thing_before(words: Sequence[str]) -> list[str]:
    """The thing the words name at their end ('with cloud providers facing potential fines' -> 'fines')."""
    at = len(words)
    while at > 0 and not (words[at - 1].lower() in _PREPOSITIONS or words[at - 1].lower() in _PRONOUNS
                          or words[at - 1].lower() in _EN_EDGE or _is_verb(words[at - 1]) or _adverb(words[at - 1])):
        at -= 1
    return _en_thing(words[at:])


def _en_thing_of(text: str, figure: Figure) -> list[str]:
    """What a quantity is of, to the plural noun that ends it even past a comma between the words that describe
    it ('four million pounds of premium quality, fully-cooked poultry products weekly' -> 'poultry products')."""
    rest = re.match(r"\s+of\s+([^.;:!?]{1,80})", text[_figure_end(text, figure):])
    if rest is None:
        return []
    tokens = re.findall(r"[A-Za-z][\w'’‘-]*|,", rest.group(1))[:10]
    for at, word in enumerate(tokens):
        if word.lower() in _PREPOSITIONS or _is_verb(word):
            break
        if word != "," and _singular(word) != word:  # the plural that ends it, with its words back to a comma
            start = at
            while start > 0 and tokens[start - 1] != "," and not _describes(tokens[start - 1]):
                start -= 1
            return _en_thing(tokens[start:at + 1])
    return _en_phrase((tokens + [","])[:tokens.index(",")] if "," in tokens else tokens)


def _describes(word: str) -> bool:
    """Whether a word only describes the thing it stands before: an article, a number, 'new', a hyphened
    adjective of an adverb or a participle ('fully-cooked', 'good-paying', 'well-paid', 'preservative-free')."""
    lowered = word.lower()
    if lowered in _DESCRIBING or lowered in _EN_EDGE:
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and (parts[0].endswith("ly") or parts[0] in _DESCRIBING_FIRST
                               or parts[-1].endswith(("ed", "ing")) or parts[-1] in _DESCRIBING_LAST)


def _head(words: Sequence[str]) -> list[str]:
    """Who a phrase is about: what it is 'of' ('The majority of these creators' -> 'creators'), else all of it
    ('tournament visitors'), without the words that only describe them, two words at most; [] for a pronoun."""
    lowered = [word.lower() for word in words]
    if "of" in lowered:
        words = words[lowered.index("of") + 1:]
    kept = [word for word in words if not _describes(word) and word.lower() not in _PRONOUNS]
    return kept[-2:]


def _singular(word: str) -> str:
    """One of a plural noun ('fines' -> 'fine', 'volumes' -> 'volume'); a noun that is plural as one ('earnings')
    and any other word as it is."""
    lowered = word.lower()
    if lowered in _PLURAL_ONLY or not lowered.endswith("s") or lowered.endswith(("ss", "us", "is", "'s", "’s")):
        return word
    if lowered.endswith("ies") and len(lowered) > 4:
        return word[:-3] + "y"
    if lowered.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def _en_subject(words: list[str]) -> tuple[list[str], str | None]:
    """The noun phrase a clause's words before a figure state it of, and the verb that ties them: the object
    between the last verb and the figure ('incur cash expenditures of'), else the subject before the first verb
    ('The unemployment rate averaged'). What follows 'that' or 'said' is a clause of its own."""
    lowered = [word.lower() for word in words]
    for at in range(len(words) - 1, -1, -1):
        if lowered[at] == "that" or (lowered[at] in _REPORTING and not (at and lowered[at - 1] in _AUXILIARIES)):
            said = _en_subject(words[at + 1:])
            return said if said[0] or lowered[at] == "that" else (_en_phrase(words[:at]), said[1])
    verbs = [at for at, word in enumerate(words)
             if _is_verb(word) or (at and lowered[at - 1] == "to" and lowered[at] in _TO_CHANGE)]
    if not verbs:
        phrase = _en_phrase(words)
        return ([] if _temporal(phrase) else phrase), None
    last = verbs[-1]
    if lowered[last] in ("up", "down") and last > 0 and _is_verb(words[last - 1]):
        last -= 1  # 'ticked up'
    verb = lowered[verbs[-1]] if lowered[verbs[-1]] in _CHANGES or lowered[verbs[-1]] in _TO_CHANGE \
        else lowered[last]
    following = words[last + 1:]
    if following and verb not in _AUXILIARIES and following[0].lower() not in _PREPOSITIONS \
            and following[0].lower() not in _PARTICLES:
        obj = _en_phrase(following)
        if obj and not _temporal(obj):
            return obj, verb
    first = verbs[0]
    for at in range(first - 1, -1, -1):  # 'a tournament record and up 8%': the subject is the clause before's
        if lowered[at] in ("and", "or", "but"):
            if at == first - 1:
                return [], verb
            break
    subject = _en_phrase(words[:first])
    if not subject and following and following[0].lower() in _PREPOSITIONS:
        subject = _en_phrase(following[1:])  # 'compared with a net loss of $131.7 million'
    return ([] if _temporal(subject) else subject), verb


def _en_previous_subject(text: str, clause_start: int, figures: Sequence[Figure], named: list[str]) -> list[str]:
    """What the clause before, in the same sentence, is about: its first figure's label, or its subject."""
    head = text[:clause_start].rstrip()
    if not head or head[-1] not in ",:—":
        return []
    start, _ = clause_around(text, len(head) - 1, len(head) - 1)
    before = [j for j in range(len(named)) if start <= figures[j].start < clause_start]
    if before and named[before[0]]:
        label = _EN_WORD.findall(named[before[0]])
        while label and label[-1].lower() in _CHANGE_NOUNS:
            label.pop()
        return label
    return _en_subject(_EN_WORD.findall(text[start:figures[before[0]].start if before else clause_start]))[0]


def _is_verb(word: str) -> bool:
    lowered = word.lower()
    if lowered in _EN_VERBS or lowered in ("up", "down"):
        return True
    if not word.islower() or lowered in _ING_NOUNS:
        return False
    if "-" in lowered and lowered.split("-")[0] not in _VERB_PREFIXES:
        return False  # 'fully-cooked', 'good-paying': adjectives
    return (len(lowered) > 4 and lowered.endswith("ed")) or (len(lowered) > 5 and lowered.endswith("ing"))


def _adverb(word: str) -> bool:
    return word.lower().endswith("ly") and word.lower() not in _LY_WORDS and (word.islower() or len(word) > 6)


def _temporal(words: list[str]) -> bool:
    return any(word.lower() in _TIME_WORDS for word in words)


def _en_phrase(words: list[str]) -> list[str]:
    """A noun phrase from `words`: what leads to it (edge words, pronouns, verbs, prepositions) dropped; ended
    by a verb, an adverb or an article inside it; cut at its second preposition ('Exports of goods from the
    region' -> 'Exports of goods'), and at the limit."""
    while words and (words[0].lower() in _EN_EDGE or words[0].lower() in _PRONOUNS or _is_verb(words[0])
                     or words[0].lower() in _PREPOSITIONS or _adverb(words[0])):
        words = words[1:]
    for at, word in enumerate(words):
        if word.lower() in _EN_VERBS or _adverb(word) or (at and word.lower() in ("a", "an", "the")) or (
                at and _is_verb(word) and words[at - 1].lower().endswith("s")):  # 'users earning'
            words = words[:at]
            break
    prepositions = [at for at, word in enumerate(words) if word.lower() in _PREPOSITIONS]
    if len(prepositions) > 1:
        words = words[:prepositions[1]]
    if prepositions and len(words) > LABEL_LIMIT[False]:
        words = words[:prepositions[0]]
    while words and (words[-1].lower() in _EN_EDGE or words[-1].lower() in _PRONOUNS
                     or words[-1].lower() in _PREPOSITIONS):
        words = words[:-1]
    return words[:LABEL_LIMIT[False]]
