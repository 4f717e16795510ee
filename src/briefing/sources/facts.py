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
from briefing.sources.labels import labels
from briefing.sources.sentences import clause_around, is_chinese, sentence_at, shorten
from briefing.text.dates import DateContext, DateMention
from briefing.text.figures import Figure, find_figures
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
# Words that tie a date to its clause ('在 2024 年 4 月 24 日签署', '于 19 日生效', 'on Jan. 17'), dropped with it.
_DATE_BEFORE = re.compile(r"(?:将于|定于|截至|直到|在|于|从|自|(?:\b(?:on|in|by|from|until|since|at|of)\b))\s*$",
                          re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s*(?:前后|以前|之前|以来|起|前|后|当天|,)?")
# Words that say only when in a day something happened, or in which time zone.
_TIME_OF_DAY = re.compile(r"(?:美东|北京|当地|东部|太平洋)?时间|深夜|凌晨|清晨|上午|中午|下午|傍晚|晚间|晚上|当晚|当天|"
                          r"\b(?:local time|early|late|morning|afternoon|evening|night)\b", re.IGNORECASE)
_CONNECTIVES = re.compile(r"^(?:然而|但是|但|而|此外|同时|随后|其后|最终|不过|据悉|另外|此前|当时|并且|并|且|"
                          r"However|Then|Later|Meanwhile|Finally|But|And|Also)[，,\s]*", re.IGNORECASE)


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
    def reference_suffix(self) -> str:
        """What must follow '{id}' where the figure was written: a currency has no unit of its own,
        so its name, which the written figure held, is written after the reference."""
        if self.figure.unit != "money" or not self.noun:
            return ""
        return self.noun if is_chinese(self.noun) else f" {self.noun}"


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


def _events(block: Block, mentions: list[DateMention], chinese: bool) -> list[DraftEvent]:
    """An event for each day (or run of days) the paragraph dates something to."""
    found = []
    for mention in mentions:
        if mention.precision != "day":
            continue  # a month or a year dates a figure ('截至2024年7月'), not an event
        sentence = sentence_at(block.text, mention.start)
        title = _event_title(block.text, mention, chinese)
        found.append(DraftEvent(mention.first, mention.last, title, sentence.text,
                                Evidence(sentence.text, block.number)))
    return found


def _event_title(text: str, mention: DateMention, chinese: bool) -> str:
    """What happened that day, in a few words: the clause that holds the date, without the date and the
    words that only place it in time; where nothing is left ('美东时间 1 月 18 日深夜,'), the clauses after it."""
    sentence = sentence_at(text, mention.start)
    start, end = clause_around(text, mention.start, mention.end)
    candidates = [_DATE_BEFORE.sub("", text[start:mention.start]) + _DATE_AFTER.sub("", text[mention.end:end])]
    while end + 1 < sentence.end:  # the clauses after it, up to the sentence's end (not into the next)
        following_start = end + 1
        _, end = clause_around(text, following_start, following_start)
        candidates.append(text[following_start:end])
    for candidate in candidates:
        clause = _CONNECTIVES.sub("", candidate.strip(" ，,：:;；—-"))
        clause = re.sub(r"\s+", " ", _TIME_OF_DAY.sub("", clause)).strip(" ，,的")
        if len(re.sub(r"\W", "", clause)) >= (5 if chinese else 8):
            title = shorten(clause, EVENT_TITLE_LIMIT[chinese])
            return title if chinese else title[:1].upper() + title[1:]
    return shorten(sentence.text, EVENT_TITLE_LIMIT[chinese])


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
            as_of=_as_of(sentence.start, sentence.end, mentions),
            attribution=(f"原文称“{sourced.group().strip()}”，未注明原始出处" if chinese
                         else f"The source says “{sourced.group().strip()}”") if sourced else None,
            evidence=Evidence(sentence.text, block.number)))
    return found


def _unit_and_noun(figure: Figure, chinese: bool) -> tuple[str, str | None]:
    """The outline's unit for a figure; a currency other than the dollar is counted in its own name."""
    if figure.unit == "money":
        code = figure.currency or ""
        return "count", CURRENCY_NOUNS[chinese].get(code, code or None)
    return figure.unit, figure.noun if figure.unit == "count" else None


def _as_of(start: int, end: int, mentions: list[DateMention]) -> str | None:
    """The date a figure holds for, when its sentence says one: a day, or a month ('截至2024年7月')."""
    for mention in mentions:
        if start <= mention.start < end and mention.precision in ("day", "month"):
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
