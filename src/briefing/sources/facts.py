"""The facts of an article, as a draft outline states them: dated events, figures and quotes.

Each fact keeps the paragraph it was found in and the source's own words for it (its evidence):
'briefing check' later proves the outline against them. Dates are completed from the article's
context in reading order (text/dates.py), so the blocks are read from first to last.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from briefing.outline.model import MAX_STATISTIC
from briefing.sources.article import Article, Block
from briefing.sources.bylines import news_dateline
from briefing.sources.labels import counted_noun, labels
from briefing.sources.sentences import (
    Sentence,
    clause_around,
    fits,
    is_chinese,
    sentence_at,
    shorten,
    without_dangling_end,
)
from briefing.text.dates import DateContext, DateMention
from briefing.text.figures import Figure, find_figures, unit_words
from briefing.text.quotes import find_quotes

# Event titles are timeline labels: a few words.
EVENT_TITLE_LIMIT = {True: 20, False: 9}  # Chinese characters, English words
# Two mentions of one day whose sentences are this alike tell one event twice.
SAME_EVENT_LIKENESS = 0.45

# How the outline names a currency it has no unit for: as the noun after the figure.
CURRENCY_NOUNS = {
    True: {"CNY": "元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "HKD": "港元", "KRW": "韩元", "INR": "卢比"},
    False: {"CNY": "yuan", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "HKD": "Hong Kong dollars",
            "KRW": "won", "INR": "rupees"},
}
# How a source sources a figure itself ('据统计', 'according to a survey'): the draft's attribution.
_SOURCED_AS = re.compile(r"据[^，,。；;]{0,12}?(?:统计|估算|估计|显示|报道|测算|调查|数据)|"
                         r"\baccording to [^,.;]{3,60}|\b(?:estimates?|surveys?|data) (?:from|by) [^,.;]{3,40}",
                         re.IGNORECASE)
# Words that tie a date to its clause ('在 2024 年 4 月 24 日签署', '于 19 日生效', 'on Jan. 17', 'Starting Jan. 1'),
# dropped with it.
_DATE_BEFORE = re.compile(r"(?:将于|定于|截至|直到|在|于|从|自|(?:\b(?:on|in|by|from|until|since|at|of"
                          r"|starting|beginning|effective|as\s+of)\b))\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s*(?:前后|以前|之前|以来|起|前|后|当天|,)?")
# A clock time ('14 时 30 分', '10:00', '6 p.m.'), and words that say only when in a day something happened, or in
# which time zone ('时间' alone is no time of day: '预售时间').
_CLOCK_TIME = (r"(?:\d{1,2}\s*(?:时|点(?=\s*\d{1,2}\s*分|半|许|左右|整))(?:\s*\d{1,2}\s*分|半|整)?(?:许|左右)?"
               r"|\d{1,2}(?::\d{2})+\s*(?:[AaPp]\.?[Mm]\b\.?)?|\d{1,2}\s*[ap]\.m\.)")
_CLOCK = re.compile(rf"\s*{_CLOCK_TIME}")
_TIME_OF_DAY = re.compile(rf"(?:美东|北京|当地|美国东部|东部|太平洋)时间|深夜|凌晨|清晨|上午|中午|下午|傍晚|晚间|晚上"
                          rf"|当晚|当天|夜间|(?:\b(?:at\s+)?(?:(?:about|approximately|around)\s+)?)?{_CLOCK_TIME}|"
                          r"\b(?:local time|early|late|morning|afternoon|evening|night)\b", re.IGNORECASE)
_CONNECTIVES = re.compile(r"^(?:然而|但是|但|而|此外|同时|随后|其后|最终|不过|据悉|另外|此前|当时|并且|并|且|"
                          r"However|Then|Later|Meanwhile|Finally|But|And|Also)[，,\s]*", re.IGNORECASE)


# Words that make a day the day something was said, not the day a figure held for.
_SAID_BEFORE = re.compile(r"(?i)\b(?:said|says|announced|told\s+\w+|reported|stated|added)\s+(?:on\s+)?$")
_SAID_AFTER = re.compile(r"\s*(?:(?:对外)?(?:表示|宣布|介绍|称|说|指出|透露|发布|通报|获悉)"
                         r"|(?:,\s*)?(?i:said|announced)\b)")


@dataclass(frozen=True)
class Evidence:
    """The source's words for a fact, and the paragraph they are in."""

    text: str
    paragraph: int


@dataclass
class DraftEvent:
    first: date
    last: date | None
    title: str
    detail: str
    evidence: Evidence
    id: str = ""


@dataclass
class DraftStatistic:
    figure: Figure
    value: float
    unit: str  # the outline's unit: count, percent, usd, times or days
    noun: str | None
    qualifier: str | None
    label: str
    measures: str
    as_of: str | None
    attribution: str | None
    evidence: Evidence
    id: str = ""

    @property
    def unit_name(self) -> str | None:
        """The unit the outline writes after the number: a currency other than the dollar, which has no unit
        of its own, a unit of measure ('元', '吨', 'tonnes'), or a Chinese measure word counted alone ('33家',
        '1256万人'), which a label leaves out and the number would otherwise lose."""
        if self.unit != "count" or not self.noun:
            return None
        if self.figure.unit == "money" or self.figure.measured or counted_noun(self.figure) is None:
            return self.noun
        return None


@dataclass(frozen=True)
class DraftQuote:
    text: str
    speaker: str
    context: str | None
    evidence: Evidence


@dataclass
class Facts:
    events: list[DraftEvent] = field(default_factory=list)
    statistics: list[DraftStatistic] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    # Each block's facts, by paragraph number, so each part lists those it relies on.
    by_paragraph: dict[int, list[str]] = field(default_factory=dict)


def find_facts(article: Article) -> Facts:
    """Every dated event, figure and quote of the article's body, in reading order, with their evidence."""
    facts = Facts()
    dates = DateContext(article.published)
    chinese = article.language.startswith("zh")
    for block in article.blocks:
        mentions = dates.find(block.text)
        if block.heading is not None:
            continue  # headings name a part; the paragraphs under them state its facts
        for event in _events(block, mentions, chinese):
            _add_event(facts, event)
        for statistic in _statistics(block, mentions, chinese):
            _add_statistic(facts, statistic)
        facts.quotes.extend(_quotes(block))
    _name(facts, chinese)
    for event in facts.events:
        facts.by_paragraph.setdefault(event.evidence.paragraph, []).append(event.id)
    for statistic in facts.statistics:
        facts.by_paragraph.setdefault(statistic.evidence.paragraph, []).append(statistic.id)
    return facts


# ---- Events: which days of a paragraph date an event of its story, and what to call it ----------------------

# A day that dates the article, not an event of it: a time stamp ('江州法治报 2025-01-10 07:30 记者 宋嘉禾',
# 'Published January 17, 2025 10:13AM (EST)').
_STAMPED_BEFORE = re.compile(r"(?:Published|Updated|Posted|Last updated|发布时间|更新时间)\s*(?:on|[:：])?\s*$")
# Who signs a report or a notice: an office, a company, a paper.
_ZH_SIGNER = re.compile(r"(?:局|委|会|院|部|厅|办|办公室|政府|公司|集团|中心|报|网|台|社|站|所|处|科|队)$")
_ANY_MARK = re.compile(r"[，,。；;：:!！?？.]")
_STAMP_REACH = 40  # characters from a paragraph's start: a time stamp heads its line
_STAMPED_AFTER = re.compile(rf"\s*{_CLOCK_TIME}\s*(?:\(?[A-Z]{{2,4}}\)?)?\s*(?:$|来源|记者|作者|编辑|责编|通讯员|\|)")
# A photo's caption dates the photo: '2024年12月30日,乘客在列车上合影。', '(新华社记者 李明 摄)', 'Photo: ...'.
_CAPTION = re.compile(r"(?:合影|留影|合照)(?:留念)?[。.!！]?$|[（(][^（）()]{0,30}摄[）)]"
                      r"|记者\s*[\u4e00-\u9fff]{2,4}\s*摄|^(?:图为|图片?\s*[:：])|^\(?(?i:photo|pictured)\b"
                      r"|\b(?i:pose[sd]?|posing) for (?:a )?(?:group )?(?i:photo|picture)s?\b")
_CAPTION_SIZE = 120  # characters: a caption is a sentence or two
# Clauses that are no event by themselves: what only sets the scene (在…上, 随着…, 'after the quarter ended'),
# reports ('记者从…获悉'), compares ('一则重磅消息如巨石投入平静湖面') or describes the day ('一个普通的周一').
_ZH_SETTING = re.compile(r"^(?:在|于|随着|据|根据|按照|依照|依据|为了|为|当|经过|通过|对于|针对|截至|截止|自|从"
                         r"|由于|因为|如果|虽然|尽管|除了|受)|(?:[会议式礼坛台]上|(?:活动|过程|会议|比赛|演出|直播)中|期间|之际|之时"
                         r"|以来|前夕|当天|现场)$")
_ZH_FIGURATIVE = re.compile(r"犹如|宛如|仿佛|好似|好比|恰似|恍如|如同|就像|好像"
                            r"|(?<=[\u4e00-\u9fff])如(?=巨|一[颗枚道记股阵块场]|[\u4e00-\u9fff]{1,4}(?:般|一样|似的))")
_ZH_DAY_DESCRIBED = re.compile(r"(?:周[一二三四五六日]|星期[一二三四五六日天]|一天|日子|夜晚|时刻|早晨|清晨|深夜"
                               r"|傍晚|夜里|时间)$")
_ZH_NAMED_DAY = re.compile(r"(?P<what>[^，,的]{2,12}?)的?(?:时间|日期)(?:为|是|定为|定于|定在)?")
_REPORTED_FROM = re.compile(r"从(?P<source>[^，,。从]{2,40}?)(?:上|中|现场)?(?:获悉|了解到|获知|得知)")
_ZH_SAYS = re.compile(r"(?:宣布|表示|指出|透露|介绍|称|说|通报|公布|强调)$")
_MEETING = re.compile(r"(?:会|会议|大会|论坛|峰会|发布会|年会|博览会|展会|典礼|仪式|座谈会|通气会)$")
# Words no predicate starts with (and words in -ed that are no past tense).
_EN_NOT_A_PREDICATE = {"after", "before", "when", "while", "as", "although", "though", "because", "since", "if", "once",
                       "until", "unless", "in", "at", "on", "during", "amid", "with", "according", "where", "following",
                       "despite", "for", "from", "by", "under", "over", "through", "ahead", "within", "without", "a",
                       "an", "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "which",
                       "who", "to", "of", "than", "but", "or", "so", "then", "its", "their", "his", "her",
                       "including", "available", "need", "speed", "bed", "red", "hundred", "feed", "seed"}
# Words that are likely verbs: a past tense, an auxiliary, a common irregular verb or a present tense news uses.
_EN_VERB = re.compile(
    r"[a-z]{2,}ed|(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|shall|should|did|does|do|won"
    r"|lost|met|made|took|gave|saw|held|began|fell|rose|went|came|paid|set|cut|sold|sent|left|led|told|hit|ran|spent"
    r"|kept|brought|bought|found|got|put|struck|upheld|heard|wrote|spoke|broke|shut|chose|drew|grew|knew|threw"
    r"|became|stood|sought|thought|built|dealt|felt|said|says|rises|opens|takes|starts|begins|ends|closes|meets"
    r"|votes|signs|launches|reaches|hits|falls|goes|comes|runs|holds|becomes)", re.IGNORECASE)
# What a cut title may not end on: a particle or preposition (Chinese), an auxiliary (English; shorten drops the rest).
_ZH_DANGLING_END = re.compile(r"[的地得在于和与及将对从向把被给为是并而或、]+$")
_EN_DANGLING_END = re.compile(r"\s+(?:were|was|is|are|will|would|could|should|has|have|had|be|been|being|when|where"
                              r"|while|before|after|who|which|that|to|of|in|on|at|for|by|with|from|and|or|a|an|the"
                              r"|its|their|his|her|last|this|next)$", re.IGNORECASE)
# Articles a headline leaves out; not 'a' that says 'per' ('40 trains a week').
_EN_ARTICLES = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+|(?<=\s)(?:the|an|a(?!\s+(?:week|year|day|month|quarter|share|"
                          r"head|piece|time)\b))\s+")
# An English clause that only says who said it ('the port authority said', 'said the minister', 'officials told
# reporters', 'according to the city'), or who said what after 'that' ('the board said that fares would rise'):
# the event is what was said.
_EN_REPORTING_VERB = (r"(?:said|says|announced|reported|stated|added|noted|confirmed|disclosed|wrote"
                      r"|told\s+(?:reporters|journalists|the\s+press|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))")
_EN_REPORTS = re.compile(
    rf"(?:(?P<who>(?:[\w.’'&-]+\s+){{0,7}}?)(?-i:{_EN_REPORTING_VERB})(?:\s+(?:in\s+a\s+(?:statement|release|"
    r"filing|report)|at\s+a\s+(?:news\s+conference|briefing)|on\s+(?:its\s+website|social\s+media|X|Twitter)))?"
    rf"(?:\s+that\s+(?P<what>.+))?|(?-i:{_EN_REPORTING_VERB})\s+(?P<named>(?:[\w.’'&-]+\s*){{1,7}})"
    r"|according\s+to\b.*)",
    re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*(?:[（(][^（）()]{0,60}[）)]|\[\d{1,3}\])")  # asides, and footnote marks
# A quoted name before the noun it names: '举行“中国经济高质量发展成效”系列新闻发布会'.
_QUOTED_NAME = re.compile(r"[“「『][^”」』]{1,30}[”」』](?=[\u4e00-\u9fff]{3})")


def _events(block: Block, mentions: list[DateMention], chinese: bool) -> list[DraftEvent]:
    """An event for each day (or run of days) the paragraph dates something to; not the article's own dates
    (its dateline, a time stamp, a signature) nor a photo's."""
    found: list[DraftEvent] = []
    story = _story_start(block.text)
    for mention in mentions:
        if mention.precision != "day":
            continue  # a month or a year dates a figure ('截至2024年7月'), not an event
        if mention.end <= story or _stamps(block.text, mention):
            continue
        sentence = sentence_at(block.text, mention.start)
        if _signs(sentence, mentions):
            continue
        if any(len(words) <= _CAPTION_SIZE and _CAPTION.search(words.strip()) for words in (sentence.text, block.text)):
            continue
        title = _event_title(block.text, mention, mentions, chinese)
        found.append(DraftEvent(mention.first, mention.last, title, sentence.text,
                                Evidence(sentence.text, block.number)))
    return found


def _story_start(text: str) -> int:
    """Where the paragraph's story starts: after its dateline or byline (bylines.py), if it opens with one."""
    dateline = news_dateline(text)
    return dateline.end if dateline else 0


def _stamps(text: str, mention: DateMention) -> bool:
    """Whether the day is a time stamp of the article: after 'Published' or '发布时间', or, at the head of a
    paragraph, before a clock time and a byline."""
    return bool(_STAMPED_BEFORE.search(text, max(0, mention.start - 16), mention.start)
                or (mention.start <= _STAMP_REACH and _STAMPED_AFTER.match(text, mention.end)))


def _signs(sentence: Sentence, mentions: list[DateMention]) -> bool:
    """Whether a sentence is only a date and at most a name, with no stop: a signature ('清溪县应急管理局
    2024年6月20日'), a log's heading ('March 13'), which say when something was written, not what happened."""
    rest, position = "", sentence.start
    for mention in mentions:
        if sentence.start <= mention.start < sentence.end:
            rest += sentence.text[position - sentence.start:mention.start - sentence.start]
            position = mention.end
    rest = (rest + sentence.text[position - sentence.start:]).strip()
    if _ANY_MARK.search(rest):
        return False
    if is_chinese(rest):
        return len(rest) <= 20 and bool(_ZH_SIGNER.search(rest))
    return len(rest.split()) <= 4 and not _en_verb(rest)


def _event_title(text: str, mention: DateMention, mentions: list[DateMention], chinese: bool) -> str:
    """What happened that day, in a few words: 'who did what'. The clause that holds the date, without its days and
    the words that only place them in time, is the title unless it only sets the scene ('在…会议上', 'after the
    quarter ended'), reports or compares: then the first of the clauses after it, then before it, that tells an
    event. '记者27日从全国工业和信息化工作会议获悉' is the meeting's; '…, the port authority said on Monday' is
    what the authority said, in the clauses before it."""
    sentence = sentence_at(text, mention.start)
    start = max(sentence.start, _story_start(text))
    dated = clause_around(text, mention.start, mention.end)  # the date's clause, whatever commas the date holds
    clauses = [(max(start, dated[0]), dated[1])]
    while clauses[0][0] > start + 1:  # the clauses before it
        clauses.insert(0, clause_around(text, clauses[0][0] - 2, clauses[0][0] - 2))
    clauses[0] = (max(start, clauses[0][0]), clauses[0][1])
    at = len(clauses) - 1
    while clauses[-1][1] + 1 < sentence.end:  # and after it, up to the sentence's end (not into the next)
        following = clauses[-1][1] + 1
        clauses.append((following, clause_around(text, following, following)[1]))
    reported = _REPORTED_FROM.search(text, clauses[at][0], clauses[at][1]) if chinese else None
    if reported and _MEETING.search(reported["source"]):
        return _fit(reported["source"], chinese)
    words = [_clause_words(text, clause, mentions) for clause in clauses]
    named = _ZH_NAMED_DAY.fullmatch(words[at]) if chinese else None
    if named:  # '开幕时间为 1 月 25 日': the opening
        return named["what"]
    order = [at, *range(at + 1, len(clauses)), *range(at)]
    if not chinese:
        words = _en_predicates_with_subjects(text, clauses, words, at, mention)
        if (reports := _en_reports(words[at])) is not None:  # '…, the port authority said on Monday'
            words[at] = reports["what"] or ""  # what was said: after 'that', else the clauses before, then after
            order = [at, *range(at), *range(at + 1, len(clauses))]
    elif _ZH_SAYS.search(words[at]) and at + 1 < len(clauses):  # '市交通委宣布,' what it announced follows
        words[at] += words[at + 1]
    candidates = [words[i] for i in order if _says_enough(words[i], chinese)]
    telling = [candidate for candidate in candidates if _tells_an_event(candidate, chinese)]
    if candidates:
        return _fit((telling or candidates)[0], chinese)
    whole = _clause_words(text, (start, sentence.end), mentions)  # a short sentence ('会议闭幕'), or only its date
    return _fit(whole if len(re.sub(r"\W", "", whole)) >= 2 else text[start:sentence.end], chinese)


def _says_enough(words: str, chinese: bool) -> bool:
    """Whether a clause has words enough for a title: five Chinese characters, or two English words of eight letters
    ('published' alone, or '深夜', is not a title)."""
    if chinese:
        return len(re.sub(r"\W", "", words)) >= 5
    return len(words.split()) >= 2 and len(re.sub(r"\W", "", words)) >= 8


def _clause_words(text: str, clause: tuple[int, int], mentions: list[DateMention]) -> str:
    """A clause's words without the days it states (and the words and times of day that tie them to it), asides in
    brackets and connectives: '国务院新闻办公室21日举行' -> '国务院新闻办公室举行'."""
    start, end = clause
    kept, position = "", start
    for mention in mentions:
        if mention.precision != "day" or mention.end <= start or mention.start >= end:
            continue
        kept += _DATE_BEFORE.sub("", text[position:max(start, mention.start)])
        clock = _CLOCK.match(text, mention.end)
        tie = _DATE_AFTER.match(text, clock.end() if clock else mention.end)
        position = max(position, min(end, tie.end() if tie else mention.end))
    kept += text[position:end]
    kept = _CONNECTIVES.sub("", kept.strip(" ，,：:;；—-"))
    kept = _TIME_OF_DAY.sub("", _PARENTHESIS.sub("", kept))
    return re.sub(r"\s+", " ", kept).strip(" ，,、的")


def _en_predicates_with_subjects(text: str, clauses: list[tuple[int, int]], words: list[str], at: int,
                                 mention: DateMention) -> list[str]:
    """English clauses joined back to what they lack: a subject that the date ended ('The Marlow City Council on
    Tuesday, Dec. 3, voted …') takes the predicate after it, and a predicate set off by an aside ('Dana Whitcombe,
    54, a retired driver, filed the first lawsuit on Feb. 17') takes the sentence's subject."""
    words = list(words)
    ended_by_date = not text[mention.end:clauses[at][1]].strip(" ,")
    if (ended_by_date and at + 1 < len(clauses) and words[at][:1].isupper() and not _en_verb(words[at])
            and _en_predicate(words[at + 1])):
        words[at] = f"{words[at]} {words[at + 1]}"
    subject = words[0]
    if at > 0 and subject[:1].isupper() and len(subject.split()) <= 5 and not _en_verb(subject) \
            and _en_opens_as_subject(subject):
        for index in range(1, len(words)):
            predicate = re.sub(r"^and\s+", "", words[index])
            if _en_predicate(predicate) and _says_enough(predicate, False):
                words[index] = f"{subject} {predicate}"
    return words


def _en_predicate(words: str) -> bool:
    """Whether an English clause starts as a predicate without its subject: 'filed the first lawsuit'."""
    first = words.split(" ", 1)[0]
    return first.islower() and bool(_EN_VERB.fullmatch(first)) and first not in _EN_NOT_A_PREDICATE


def _en_verb(words: str) -> bool:
    """Whether English words hold what is likely a verb: a past tense ('filed'), an auxiliary, a common verb."""
    return any(_EN_VERB.fullmatch(word) and word.lower() not in _EN_NOT_A_PREDICATE for word in words.split())


def _tells_an_event(words: str, chinese: bool) -> bool:
    """Whether a clause tells what happened, rather than setting the scene, comparing or describing the day."""
    if chinese:  # nor one left dangling where its date was ('预售时间为'): the date was all it said
        return not (_ZH_SETTING.search(words) or _ZH_FIGURATIVE.search(words) or _ZH_DAY_DESCRIBED.search(words)
                    or _REPORTED_FROM.search(words) or _ZH_DANGLING_END.search(words))
    return _en_opens_as_subject(words) and _en_verb(words) and ((reports := _en_reports(words)) is None
                                                                 or bool(reports["what"]))


def _en_reports(words: str) -> re.Match[str] | None:
    """The clause as one that only says who said something (see _EN_REPORTS); None where it says more: where
    the words around the verb hold a verb of their own ('said it would cut 300 jobs'), or what was said needs the
    one who said it ('Brennan Motors announced that it would lay off 450 workers')."""
    reports = _EN_REPORTS.fullmatch(words.rstrip(" ."))  # the stop its date was before: 'announced on Jan. 14.'
    if reports is None:
        return None
    who = reports["who"] or reports["named"] or ""  # 'the port authority', 'said the minister'
    pronoun = r"(?i)\b(?:it|they|he|she|we|i|you)\b"
    if _en_verb(who) or re.search(pronoun, who) or re.match(pronoun, reports["what"] or ""):
        return None
    return reports


def _en_opens_as_subject(words: str) -> bool:
    """Whether an English clause may open with its subject: not with a conjunction, preposition or pronoun."""
    first = words.split(" ", 1)[0].lower()
    return first not in _EN_NOT_A_PREDICATE or first in ("the", "a", "an", "this", "its", "their", "his", "her")


def _fit(words: str, chinese: bool) -> str:
    """The clause as a timeline label: within the title's length, a quoted name left out where that makes it fit
    ('举行“中国经济高质量发展成效”系列新闻发布会' -> '举行系列新闻发布会'), and English articles, as a headline does
    ('Coalition of 14 environmental groups filed legal challenge'); ending on a word that carries meaning."""
    limit = EVENT_TITLE_LIMIT[chinese]
    if not fits(words, limit):
        if chinese:
            unquoted = _QUOTED_NAME.sub("", words)
            words = unquoted if len(re.sub(r"\W", "", unquoted)) >= 5 else words
        elif fits(bare := _EN_ARTICLES.sub("", words), limit):
            words = bare
    title = without_dangling_end(shorten(words, limit))
    if chinese:
        return title
    while (cut := _EN_DANGLING_END.search(title)) and cut.start() > 0:
        title = title[:cut.start()].rstrip(" ,，")
    return title[:1].upper() + title[1:]


def _statistics(block: Block, mentions: list[DateMention], chinese: bool) -> list[DraftStatistic]:
    found = []
    figures = find_figures(block.text)
    for figure, label in zip(figures, labels(block.text, figures, chinese), strict=True):
        if figure.value > MAX_STATISTIC:
            continue  # past what an outline holds, and past any real figure: a misreading or a joke
        sentence = sentence_at(block.text, figure.start)
        unit, noun = _unit_and_noun(figure, chinese)
        sourced = _SOURCED_AS.search(sentence.text)
        found.append(DraftStatistic(
            figure=figure, value=figure.value, unit=unit, noun=noun, qualifier=figure.qualifier,
            label=label,
            measures=sentence.text,
            as_of=_as_of(block.text, sentence.start, sentence.end, mentions),
            attribution=(f"原文称“{sourced.group().strip()}”，未注明原始出处" if chinese
                         else f"The source says “{sourced.group().strip()}”") if sourced else None,
            evidence=Evidence(sentence.text, block.number)))
    return found


def _unit_and_noun(figure: Figure, chinese: bool) -> tuple[str, str | None]:
    """The outline's unit for a figure; a currency other than the dollar is counted in its own name, a quantity
    measured in a unit in that unit ('1.59亿吨': count, noun '吨'), whose word stays after the figure's reference."""
    if figure.unit == "money":
        code = figure.currency or ""
        return "count", CURRENCY_NOUNS[chinese].get(code, code or None)
    if figure.measured and figure.noun:
        return "count", unit_words(figure.noun)  # 'a 325,000-square-foot site' is 325,000 square feet
    return figure.unit, figure.noun if figure.unit == "count" else None


def _as_of(text: str, start: int, end: int, mentions: list[DateMention]) -> str | None:
    """The date a figure holds for, when its sentence says one: a day, or a month ('截至2024年7月'); not the
    day someone said it ('the port said on Monday', '交通局3日表示'), which dates the telling."""
    for mention in mentions:
        if not (start <= mention.start < end and mention.precision in ("day", "month")):
            continue
        if _SAID_BEFORE.search(text, start, mention.start) or _SAID_AFTER.match(text, mention.end):
            continue
        day = mention.last or mention.first
        return day.isoformat() if mention.precision == "day" else day.isoformat()[:7]
    return None


def _quotes(block: Block) -> list[DraftQuote]:
    found = []
    for quote in find_quotes(block.text):
        if not quote.speaker:
            continue  # words in quote marks that no one is said to say: a term or a title, not a quote
        sentence = sentence_at(block.text, quote.start)
        evidence = sentence.text if sentence.start <= quote.start and quote.end <= sentence.end else quote.text
        found.append(DraftQuote(quote.text, quote.speaker, quote.context, Evidence(evidence, block.number)))
    return found


def _add_event(facts: Facts, event: DraftEvent) -> None:
    """Add the event, unless it is one already found told again (same days, much the same words)."""
    for known in facts.events:
        if (known.first, known.last) == (event.first, event.last) and _alike(known.detail, event.detail):
            return
    facts.events.append(event)


def _add_statistic(facts: Facts, statistic: DraftStatistic) -> None:
    """Add the figure, unless the article gave it before (the same value, unit and noun)."""
    for known in facts.statistics:
        if (known.value, known.unit, known.noun) == (statistic.value, statistic.unit, statistic.noun):
            return
    facts.statistics.append(statistic)


def _alike(one: str, other: str) -> bool:
    return difflib.SequenceMatcher(None, one, other).ratio() >= SAME_EVENT_LIKENESS


def _name(facts: Facts, chinese: bool) -> None:
    """Ids the outline's text can refer to: events by their day, statistics by their place."""
    taken: set[str] = set()
    for event in facts.events:
        event.id = unique_id(f"event-{event.first.isoformat()}", taken)
    for number, statistic in enumerate(facts.statistics, start=1):
        words = re.findall(r"[a-z0-9]+", statistic.label.lower()) if not chinese else []
        stem = "-".join(words[:3]) if words else f"figure-{number}"
        statistic.id = unique_id(stem[:40].strip("-") or f"figure-{number}", taken)


def unique_id(stem: str, taken: set[str]) -> str:
    """The stem, or the stem with the first free number ('event-2025-01-18-2'), now taken."""
    candidate, count = stem, 1
    while candidate in taken:
        count += 1
        candidate = f"{stem}-{count}"
    taken.add(candidate)
    return candidate
