"""A first outline from an article: its structure, facts, points, charts and one audience, as YAML to edit.

The draft keeps the article's parts (its headings; where it has none, the paragraphs that enumerate its
parts by their opening words, leads.py, or else chunks of paragraphs), states
every dated event, figure and quote it finds with the source's words as evidence, and cuts each
part's points from the article's sentences. Those points are the source's wording, not the
briefing's: the file says so at the top and beside each list, for the writer to rewrite.
What the draft writes validates and builds as it is; ids in the text ('{figure-3}') keep each
figure tied to its statistic, so a corrected value is corrected everywhere.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from briefing.outline.limits import MAX_EVENTS_PER_CHART
from briefing.sources.article import Article, Block
from briefing.sources.bylines import news_dateline
from briefing.sources.comparisons import comparisons
from briefing.sources.facts import DraftEvent, DraftQuote, DraftStatistic, Facts, find_facts, unique_id
from briefing.sources.leads import Lead, lead_run
from briefing.sources.lines import is_short
from briefing.sources.sentences import (
    fits,
    opening_sentence,
    sentences,
    shorten,
    topic,
    typeset_chinese,
    worded_sentences,
)
from briefing.sources.structure import numbering
from briefing.text.figures import find_figures
from briefing.text.quotes import find_quotes

# How long a drafted text may be: Chinese characters or English words.
POINT_LIMIT = {True: 42, False: 22}
SUMMARY_LIMIT = {True: 56, False: 28}
PART_TITLE_LIMIT = {True: 20, False: 9}
SHORT_TITLE_LIMIT = {True: 24, False: 9}  # Chinese: room for a figure's unit ('…同比增长约5.7%')
TITLE_LIMIT = {True: 32, False: 11}  # what the deck's cover sets on two lines: about 36 characters or 70 letters
POINTS_PER_PART = 6
QUOTES_PER_PART = 2
KEY_FIGURES = 4
# An article without headings is cut into parts of about this many paragraphs, and at most this many parts.
PARAGRAPHS_PER_PART = 4
MOST_PARTS = 6

# A qualifier written apart from its figure ('约有 200 万'), which the figure's '{id}' prints itself.
_QUALIFIER_BEFORE = re.compile(r"(?:大约|大概|将近|接近|约有|约|近|超过|逾|"
                               r"about|around|nearly|almost|over|more than)\s*$", re.IGNORECASE)

# Who speaks in a headline 'SPEAKER：what was said': an office, an agency, a spokesman, experts; or a
# head of at most this many characters ('李强', '外媒', '专家').
_SPEAKER = re.compile(r"(?:部|局|委|委员会|办|办公室|院|署|厅|社|网|报|台|中心|公司|集团|银行|政府|组织|协会"
                      r"|发言人|专家|学者|外媒|媒体|官方|机构)$")
_SPEAKER_LONGEST = 4
# A blank between two Chinese phrases of a heading: both sides of it at least two characters long.
_PHRASE_BREAK = re.compile(r"(?<=[\u3400-\u9fff]{2})[ \u3000]+(?=[\u3400-\u9fff]{2})")

_WORDS = {
    True: {
        "overview": "概述", "part": "第{}部分", "timeline": "事件时间线", "audience": "管理层摘要",
        "audience_description": "要点、关键数据与时间线，十页以内的幻灯片", "cover": "面向：管理层",
        "bar_caption": "数字取自原文，按同一精度取整；各项的时点可能不同，仅作量级对比。",
        "timeline_caption": "事件按原文所述日期排列。",
    },
    False: {
        "overview": "Overview", "part": "Part {}", "timeline": "Timeline of events",
        "audience": "Executive summary",
        "audience_description": "Key points, key figures and the timeline, in ten slides or fewer",
        "cover": "For: leadership",
        "bar_caption": "Figures from the source, rounded to one precision; they may hold for different dates.",
        "timeline_caption": "Events on the dates the source gives.",
    },
}


@dataclass
class DraftPart:
    """A section or sub-section of the draft, and the article's paragraphs under it."""

    title: str
    paragraphs: list[Block] = field(default_factory=list)
    subsections: list[DraftPart] = field(default_factory=list)
    from_heading: bool = True
    id: str = ""
    # Where the part's own words begin in its first paragraph: after the lead-in that titles it ('第一，…。').
    skip: int = 0


@dataclass(frozen=True)
class DraftedOutline:
    """The outline's YAML, and how much of the article it holds."""

    text: str
    sections: int
    events: int
    statistics: int
    quotes: int


@dataclass(frozen=True)
class SourceCopy:
    """The local copy of the source that the outline names, relative to the outline's folder."""

    file: str
    sha256: str


def draft_outline(article: Article, copy: SourceCopy | None, today: date) -> DraftedOutline:
    """The article as an outline, in YAML with comments saying what to review."""
    chinese = article.language.startswith("zh")
    facts = find_facts(article)
    parts = _parts(article, chinese)
    _name_parts(parts, chinese)
    outline: dict[str, Any] = {
        "meta": _meta(article, copy, today, chinese),
        "summary": _summary(parts, facts, chinese),
        "sections": [_section(part, facts, chinese) for part in parts],
        "timeline": [_event(event, facts.statistics) for event in facts.events],
        "statistics": [_statistic(statistic) for statistic in facts.statistics],
        "charts": _charts(facts, parts, chinese),
        "key_figures": _key_figures(facts.statistics),
        "audiences": [_audience(facts, chinese)],
    }
    if chinese:
        outline = _typeset(outline)
    quotes = sum(len(part.get("quotes", [])) for section in outline["sections"]
                 for part in (section, *section.get("subsections", [])))
    untitled = {part.id for section in parts for part in (section, *section.subsections) if not part.from_heading}
    return DraftedOutline(_dump(outline, article, today, untitled), len(parts), len(facts.events),
                          len(facts.statistics), quotes)


# --- structure --------------------------------------------------------------------------------------------

def _parts(article: Article, chinese: bool) -> list[DraftPart]:
    """Sections with their sub-sections from the headings; where there are none, parts opened by lead-ins
    (leads.py), or else chunks of paragraphs. A section without sub-sections whose paragraphs have a run
    of lead-ins has them as its sub-sections."""
    blocks = list(article.blocks)
    if not any(block.heading for block in blocks):
        paragraphs = [b for b in blocks if b.text.strip()]
        run = lead_run([p.text for p in paragraphs])
        if not run:
            return _chunked(paragraphs, chinese)
        before, led = _led(paragraphs, run, chinese)
        opening = [DraftPart(_WORDS[chinese]["overview"], before, from_heading=False)] \
            if len(before) <= PARAGRAPHS_PER_PART else _chunked(before, chinese)
        # The last lead-in's part runs to the article's end: past a few paragraphs more than the others
        # have, what follows is the article's own, not the last item's.
        share = max(1, *(len(part.paragraphs) for part in led[:-1]))
        after = led[-1].paragraphs[share:]
        if len(after) > PARAGRAPHS_PER_PART // 2:
            led[-1].paragraphs = led[-1].paragraphs[:share]
            led += _chunked(after, chinese)
        return [part for part in opening if part.paragraphs] + led
    sections: list[DraftPart] = []
    lead = DraftPart(_WORDS[chinese]["overview"], from_heading=False)
    current: DraftPart | None = None
    for block in blocks:
        if block.heading == 1:
            current = DraftPart(_heading_title(block.text, chinese))
            sections.append(current)
        elif block.heading == 2:
            if current is None:  # a sub-section before any section: the lead's
                current = lead
            current.subsections.append(DraftPart(_heading_title(block.text, chinese)))
        else:
            # Body text, or a heading deeper than the outline's two levels: content of the part it is in.
            target = current if current is not None else lead
            (target.subsections[-1] if target.subsections else target).paragraphs.append(block)
    if lead.paragraphs or lead.subsections:
        sections.insert(0, lead)
    for section in sections:
        run = [] if section.subsections else lead_run([p.text for p in section.paragraphs])
        if run:
            section.paragraphs, section.subsections = _led(section.paragraphs, run, chinese)
    return [_pruned(section) for section in sections if _has_content(section)]


def _led(paragraphs: list[Block], run: list[tuple[int, Lead]], chinese: bool) -> tuple[list[Block], list[DraftPart]]:
    """The paragraphs before a run of lead-ins, and a part for each lead-in, up to the next one."""
    starts = [index for index, _ in run]
    parts = [DraftPart(shorten(lead.title, PART_TITLE_LIMIT[chinese]), paragraphs[index:end], from_heading=False,
                       skip=lead.end)
             for (index, lead), end in zip(run, [*starts[1:], len(paragraphs)], strict=True)]
    return paragraphs[:starts[0]], parts


def _chunked(paragraphs: list[Block], chinese: bool) -> list[DraftPart]:
    """An article without headings, cut into parts titled by the topic of their first sentence."""
    count = max(1, min(MOST_PARTS, math.ceil(len(paragraphs) / PARAGRAPHS_PER_PART)))
    size = math.ceil(len(paragraphs) / count) if paragraphs else 1
    parts: list[DraftPart] = []
    for start in range(0, len(paragraphs), size):
        part = DraftPart("", paragraphs[start:start + size], from_heading=False)
        part.title = topic(opening_sentence(_own_words(part)[0].text), PART_TITLE_LIMIT[chinese]) \
            or _WORDS[chinese]["part"].format(len(parts) + 1)
        parts.append(part)
    return parts


def _own_words(part: DraftPart) -> list[Block]:
    """The part's paragraphs as its title and points are cut from them: the first without the lead-in that
    titles the part, each without a news dateline opening it (one inside the article: a roundup's)."""
    own = [Block(p.number, p.text[part.skip if i == 0 else 0:], p.heading) for i, p in enumerate(part.paragraphs)]
    return [Block(p.number, p.text[found.end:], p.heading) if (found := news_dateline(p.text)) else p for p in own]


def _has_content(part: DraftPart) -> bool:
    return bool(part.paragraphs) or any(_has_content(sub) for sub in part.subsections)


def _pruned(section: DraftPart) -> DraftPart:
    section.subsections = [sub for sub in section.subsections if _has_content(sub)]
    return section


def _heading_title(text: str, chinese: bool) -> str:
    """A heading without the number or mark the article gave it (read as structure.py reads it for the
    heading's level): the outline numbers its parts itself. A blank between two Chinese phrases of a heading
    ('对外贸易质升量稳 积蓄发展动能') parts them as a comma does, which the briefing's typesetting writes."""
    numbered = numbering(text.strip())
    title = numbered.words if numbered is not None else text.strip()
    title = _PHRASE_BREAK.sub("，", title) if chinese else title
    return shorten(title, PART_TITLE_LIMIT[chinese] * 2) if len(title) > 80 else title


def _name_parts(sections: list[DraftPart], chinese: bool) -> None:
    taken: set[str] = set()
    for s, section in enumerate(sections, start=1):
        section.id = _part_id(section.title, f"part-{s}", chinese, taken)
        for j, sub in enumerate(section.subsections, start=1):
            sub.id = _part_id(sub.title, f"part-{s}-{j}", chinese, taken)


def _part_id(title: str, fallback: str, chinese: bool, taken: set[str]) -> str:
    words = [] if chinese else [w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 2][:3]
    return unique_id("-".join(words) or fallback, taken)


# --- text ---------------------------------------------------------------------------------------------------

def _with_references(text: str, statistics: list[DraftStatistic]) -> str:
    """The text with each figure that is a statistic written as its '{id}', braces of its own doubled."""
    text = text.replace("{", "{{").replace("}", "}}")
    pieces, last = [], 0
    for figure in find_figures(text):
        statistic = next((s for s in statistics if s.value == figure.value and s.figure.unit == figure.unit
                          and (s.figure.currency == figure.currency)), None)
        if statistic is None:
            continue
        start = figure.start
        # The statistic prints its own qualifier: one written apart from the figure ('约有 200 万') would show twice.
        if statistic.qualifier:
            before = _QUALIFIER_BEFORE.search(text[last:start])
            if before:
                start = last + before.start()
        pieces += [text[last:start], "{" + statistic.id + "}"]
        last = figure.end
        if statistic.unit_name and statistic.figure.unit != "money" and figure.noun:
            # The reference prints the unit: the one written after the figure goes ('{id}' for '1.59亿吨', and for
            # '325,000-square-foot', which it prints '325,000 square feet').
            unit = re.match(r"[\s\-‐]*" + re.escape(figure.noun), text[last:])
            last += unit.end() if unit else 0
    pieces.append(text[last:])
    return "".join(pieces)


def _point(paragraph: Block, facts: Facts, chinese: bool) -> str | None:
    """The paragraph's first sentence that is not someone's quoted words (the draft quotes those as quotes),
    cut short, with its figures as references."""
    quoted = [(q.start, q.end) for q in find_quotes(paragraph.text)]
    for sentence in sentences(paragraph.text):
        if any(start < sentence.end and sentence.start < end for start, end in quoted):
            continue
        point = _with_references(shorten(sentence.text, POINT_LIMIT[chinese]), facts.statistics)
        if point:
            return point
    return None


def _summary(parts: list[DraftPart], facts: Facts, chinese: bool) -> list[str]:
    """One sentence per section: the one stating the most facts, else its first."""
    summary = []
    for section in parts[:5]:
        paragraphs = [*_own_words(section), *(p for sub in section.subsections for p in _own_words(sub))]
        candidates = [(len(facts.by_paragraph.get(p.number, [])), -i, -j, s.text)
                      for i, p in enumerate(paragraphs)
                      for j, s in enumerate(worded_sentences(p.text)[:2])]
        if candidates:
            best = max(candidates)[3]
            summary.append(_with_references(shorten(best, SUMMARY_LIMIT[chinese]), facts.statistics))
    return [text for text in summary if text] or [_with_references(parts[0].title, facts.statistics)]


# --- the outline's entries -----------------------------------------------------------------------------------

def _meta(article: Article, copy: SourceCopy | None, today: date, chinese: bool) -> dict[str, Any]:
    if article.title:
        headline = shorten(article.title, 60) if len(article.title) > 120 else article.title
        title = _cover_title(headline, chinese)
    else:  # an untitled text: its opening sentence's topic, not its whole first paragraph
        opening = opening_sentence(article.blocks[0].text) if article.blocks else ""
        title = headline = topic(opening, TITLE_LIMIT[chinese]) or Path(article.location).stem
    source: dict[str, Any] = {"id": "article", "title": headline}
    for key, value in (("url", article.url), ("publisher", article.publisher), ("published", article.published),
                       ("caveat", article.caveat)):
        if value:
            source[key] = value
    if copy is not None:
        source["file"] = copy.file
        source["sha256"] = copy.sha256
    meta: dict[str, Any] = {"title": title}
    short = shorten(_named_by(title), SHORT_TITLE_LIMIT[chinese])
    if short != title:
        meta["short_title"] = short
    meta.update({"date": today, "locale": "zh-CN" if chinese else "en", "source": source})
    return meta


def _cover_title(headline: str, chinese: bool) -> str:
    """The headline, or where it is longer than the deck's cover sets on two lines, its first clause when that
    says enough ('US production sector expands'), else the headline cut at a word; the source keeps it whole."""
    limit = TITLE_LIMIT[chinese]
    if fits(headline, limit):
        return headline
    first = re.split(r"[,，;；:：|｜]\s*|\s+[–—-]\s+", headline, maxsplit=1)[0].strip()
    if shorten(first, limit) == first and (len(first) >= 6 if chinese else len(first.split()) >= 3):
        return first
    return shorten(headline, limit)


def _named_by(title: str) -> str:
    """What names the briefing in a headline: its words before a colon or dash ('TikTok海外关停：危机背后…'),
    unless those before a colon only say who speaks ('工信部：2024年…', '工业和信息化部：…', 'Analysis: …'):
    then the words after it."""
    speaker, colon, said = title.partition("：") if "：" in title else title.partition(":")
    speaker = speaker.strip()
    if colon and said.strip() and (_SPEAKER.search(speaker) or is_short(speaker, chinese=_SPEAKER_LONGEST, words=1)):
        return said.strip()
    return re.split(r"[:：|–—]", title)[0]


def _section(part: DraftPart, facts: Facts, chinese: bool) -> dict[str, Any]:
    entry = _part(part, facts, chinese)
    if part.subsections:
        entry["subsections"] = [_part(sub, facts, chinese) for sub in part.subsections]
    return entry


def _part(part: DraftPart, facts: Facts, chinese: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": part.id, "title": part.title}
    chosen = _chosen_paragraphs(_own_words(part), facts)
    points = [point for point in (_point(p, facts, chinese) for p in chosen) if point]
    if points:
        entry["points"] = points
    numbers = {p.number for p in part.paragraphs}
    quotes = [q for q in facts.quotes if q.evidence.paragraph in numbers][:QUOTES_PER_PART]
    if quotes:
        entry["quotes"] = [_quote(quote) for quote in quotes]
    relied_on = [fact for p in part.paragraphs for fact in facts.by_paragraph.get(p.number, [])]
    if relied_on:
        entry["facts"] = list(dict.fromkeys(relied_on))
    return entry


def _chosen_paragraphs(paragraphs: list[Block], facts: Facts) -> list[Block]:
    """The paragraphs a part's points come from: all of them, or, past the limit, those stating facts first."""
    if len(paragraphs) <= POINTS_PER_PART:
        return paragraphs
    ranked = sorted(paragraphs, key=lambda p: -len(facts.by_paragraph.get(p.number, [])))
    kept = {p.number for p in ranked[:POINTS_PER_PART]}
    return [p for p in paragraphs if p.number in kept]


def _quote(quote: DraftQuote) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": quote.text, "speaker": quote.speaker}
    if quote.context:
        entry["context"] = quote.context
    entry["source"] = "article"
    entry["evidence"] = {"text": quote.evidence.text, "paragraph": quote.evidence.paragraph}
    return entry


def _event(event: DraftEvent, statistics: list[DraftStatistic]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": event.id, "date": event.first}
    if event.last is not None and event.last != event.first:
        entry["end"] = event.last
    entry.update({"title": event.title or event.first.isoformat(),
                  "detail": _with_references(event.detail, statistics), "source": "article",
                  "evidence": {"text": event.evidence.text, "paragraph": event.evidence.paragraph}})
    return entry


def _statistic(statistic: DraftStatistic) -> dict[str, Any]:
    value = round(statistic.value, 6)
    entry: dict[str, Any] = {"id": statistic.id, "label": statistic.label,
                             "value": int(value) if float(value).is_integer() else value, "unit": statistic.unit}
    if statistic.noun:
        entry["noun"] = statistic.noun
    if statistic.unit_name:
        entry["unit_name"] = statistic.unit_name
    if statistic.qualifier:
        entry["qualifier"] = statistic.qualifier
    entry["measures"] = statistic.measures
    if statistic.as_of:
        entry["as_of"] = statistic.as_of
    entry["source"] = "article"
    if statistic.attribution:
        entry["attribution"] = statistic.attribution
    entry["evidence"] = {"text": statistic.evidence.text, "paragraph": statistic.evidence.paragraph}
    return entry


def _charts(facts: Facts, parts: list[DraftPart], chinese: bool) -> list[dict[str, Any]]:
    """A timeline of the events, and bars for each set of figures that compare like with like
    (sources/comparisons.py)."""
    words = _WORDS[chinese]
    charts: list[dict[str, Any]] = []
    events = sorted(facts.events, key=lambda e: e.first)[:MAX_EVENTS_PER_CHART]
    if len(events) >= 2:
        charts.append({"id": "timeline", "kind": "timeline", "title": words["timeline"],
                       "caption": words["timeline_caption"], "events": [e.id for e in events]})
    part_of = {p.number: part.id for section in parts for part in (section, *section.subsections)
               for p in part.paragraphs}
    for comparison in comparisons(facts.statistics, chinese):
        first = comparison.statistics[0]
        chart: dict[str, Any] = {"id": f"bars-{first.id}", "kind": "bar", "title": comparison.title,
                                 "caption": words["bar_caption"],
                                 "statistics": [s.id for s in comparison.statistics]}
        placement = part_of.get(first.evidence.paragraph)
        if placement:
            chart["placement"] = placement
        charts.append(chart)
    return charts


def _key_figures(statistics: list[DraftStatistic]) -> list[str]:
    """The figures worth showing large: counts of something and money first, in the article's order; never
    two of one label, which a reader could not tell apart."""
    def weight(statistic: DraftStatistic) -> int:
        if statistic.unit in ("usd",) or (statistic.unit == "count" and statistic.noun and statistic.value >= 1000):
            return 0
        return 1 if statistic.unit in ("percent", "times") else 2

    chosen: list[DraftStatistic] = []
    for statistic in sorted(statistics, key=weight):
        if len(chosen) < KEY_FIGURES and all(statistic.label != other.label for other in chosen):
            chosen.append(statistic)
    return [s.id for s in statistics if s in chosen]
def _audience(facts: Facts, chinese: bool) -> dict[str, Any]:
    words = _WORDS[chinese]
    audience: dict[str, Any] = {"name": "executive", "display_name": words["audience"],
                                "description": words["audience_description"], "depth": "brief",
                                "slide_budget": 10, "cover_line": words["cover"], "table_of_contents": False}
    if len(facts.events) >= 2:
        audience["charts"] = ["timeline"]
    return audience


def _typeset(value: Any, key: str = "") -> Any:
    """The outline's own text in Chinese typesetting (sentences.typeset_chinese); the source's title and
    the evidence stay exactly as the source writes them, since they are its words, not the briefing's."""
    if key in ("evidence", "source"):
        return value
    if isinstance(value, dict):
        return {name: _typeset(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_typeset(item, key) for item in value]
    return typeset_chinese(value) if isinstance(value, str) and key not in ("id", "file", "sha256") else value


# --- YAML ------------------------------------------------------------------------------------------------

_HEADER = {
    True: """\
briefing 草稿：由 `briefing draft` 于 {today} 据 {source} 生成。交付前请逐项审阅：
- 各部分的 points 是原文句子的节选（标有 draft），请改写为简报自己的话，有争议的说法注明出处（“文章认为”“某方称”）；
- 为各部分补写 takeaway（幻灯片标题，一句话说明要点）；
- 核对每个事件的 title 和日期、每个数字的 label 与 measures；删去不需要的事实、图表和引语；
- 每个事实的 evidence 是原文的原话及其段落；`briefing check` 会逐一核对原文、数值与日期。""",
    False: """\
Draft briefing written by `briefing draft` on {today} from {source}. Review before you hand it out:
- each part's points are the source's sentences, cut short (marked draft): rewrite them in the briefing's
  own words, and attribute contested claims ("the article argues", "X states");
- give each part a takeaway (its slide's title: its point in one sentence);
- check each event's title and date, each statistic's label and measures; delete facts, charts and quotes
  you do not need;
- each fact's evidence is the source's own words and paragraph; `briefing check` proves them, the values
  and the dates against the source.""",
}
_DRAFT_POINTS = {True: "draft：原文句子节选，请改写", False: "draft: the source's sentences, cut short; rewrite them"}
_DRAFT_TITLE = {True: "draft：原文无此标题，请改写", False: "draft: the source has no such heading; rewrite it"}
_SECTION_COMMENTS = {
    True: {"timeline": "原文中的日期事件（日期按原文并以发布日期补全年份）",
           "statistics": "原文中的数字，value 为原始数值", "charts": "据上述事件与数字草拟的图表",
           "key_figures": "幻灯片上以大字显示的数字",
           "audiences": "一个读者版本示例：briefing build --audience executive"},
    False: {"timeline": "Dated events of the source (years completed from its context and publication date)",
            "statistics": "Figures of the source, as raw values",
            "charts": "Charts drafted from the events and figures",
            "key_figures": "Figures the deck shows large",
            "audiences": "One audience profile to start from: briefing build --audience executive"},
}


def _dump(outline: dict[str, Any], article: Article, today: date, untitled: set[str]) -> str:
    """The outline as YAML: keys in the outline's order, one line per text, comments for the writer."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    chinese = article.language.startswith("zh")

    def commented(value: Any) -> Any:
        if isinstance(value, dict):
            return CommentedMap((key, commented(item)) for key, item in value.items())
        if isinstance(value, list):
            return CommentedSeq(commented(item) for item in value)
        return value

    document = commented(outline)
    header = _HEADER[chinese].format(today=today.isoformat(), source=article.location)
    document.yaml_set_start_comment(header)
    for key, comment in _SECTION_COMMENTS[chinese].items():
        if key in document:
            document.yaml_set_comment_before_after_key(key, before="\n" + comment)
    for section in document["sections"]:
        for part in (section, *section.get("subsections", [])):
            if "points" in part:
                part.yaml_add_eol_comment(_DRAFT_POINTS[chinese], "points")
            if part["id"] in untitled:  # a title the article did not give: its first words, or 'Overview'
                part.yaml_add_eol_comment(_DRAFT_TITLE[chinese], "title")
    yaml = YAML()
    yaml.width = 4096  # one line per text: a writer edits sentences, not folded lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    stream = StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()
