"""Which of a draft's figures a bar chart may set side by side, and what the chart is titled.

Bars compare like with like, or they mislead:
- counts of one thing ('用户', 'users'), anywhere in the article; counts whose noun is a measure word alone
  ('425万个', '33家') by what their labels count ('…企业'), within one paragraph: never by the measure word,
  which would set 33 innovation centres beside 140,000 small firms;
- money, and quantities in units of measure ('吨', 'tons'), within one paragraph, one comparison the article
  makes: a ship lock's 1.59亿吨 and an airport's 420.6万吨 of cargo, paragraphs apart, compare nothing;
- percentages of one kind within one paragraph, whose labels end in the same measure: changes with changes
  ('…同比增长'), shares with shares ('…占比');
- never two bars with one label, which a reader could not tell apart, nor values that span more than MAX_SPAN
  times, whose smallest bars would not show.
A chart's title names what it compares: the words all its labels end in ('同比增长', '保有量'), else what its
figures count or are ('用户', '金额', 'Changes').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefing.outline.limits import MAX_BARS_PER_CHART
from briefing.sources.facts import DraftStatistic
from briefing.sources.labels import FALLBACK_LABELS, counted_noun

MAX_SPAN = 100  # the largest value of a chart over its smallest

_CHANGE_WORDS = re.compile(r"增长|下降|上升|提高|提升|增加|减少|回落|下滑|扩大|收窄|缩小|上涨|下跌|降低|"
                           r"增速|增幅|涨幅|降幅|跌幅|\b(?:rise|fall|growth|increase|decrease|drop|decline|gain|jump)\b",
                           re.IGNORECASE)
_CHANGE_AT_END = re.compile(rf"(?:{_CHANGE_WORDS.pattern})率?$", re.IGNORECASE)
_DOWN = re.compile(r"下降|减少|回落|下滑|收窄|缩小|下跌|降低|降幅|跌幅|fall|decrease|drop|decline", re.IGNORECASE)
_KINDS = {
    True: {"growth": "增速", "decline": "降幅", "share": "比例", "money": "金额", "usd": "金额", "times": "倍数",
           "days": "天数", "measured": "数量", "count": "数量"},
    False: {"growth": "Changes", "decline": "Changes", "share": "Shares", "money": "Amounts", "usd": "Amounts",
            "times": "Multiples", "days": "Days", "measured": "Quantities", "count": "Counts"},
}
_COMPARED = {True: "{}对比", False: "{} compared"}
_PERCENT_KINDS = ("growth", "decline", "share")


@dataclass(frozen=True)
class Comparison:
    """Statistics a bar chart sets side by side, and its title."""

    title: str
    statistics: list[DraftStatistic]


def comparisons(statistics: list[DraftStatistic], chinese: bool) -> list[Comparison]:
    """The sets of two or more statistics that compare like with like, in the article's order."""
    groups: dict[tuple[Any, ...], list[DraftStatistic]] = {}
    kinds: dict[tuple[Any, ...], str] = {}
    for statistic in statistics:
        found = _key(statistic, chinese)
        if found is not None:
            key, kind = found
            groups.setdefault(key, []).append(statistic)
            kinds[key] = kind
    found_sets = []
    for key, group in groups.items():
        if len({s.figure.noun for s in group if s.figure.noun}) > 1 and key[0] == "count" and len(key) > 2:
            continue  # '运行10000余闸次', '运行4700余厢次': lockages and lifts, not one thing counted
        bars = _distinct(group)[:MAX_BARS_PER_CHART]
        if _comparable(bars, kinds[key], chinese):
            found_sets.append(Comparison(_title(bars, kinds[key], chinese), bars))
        elif len(key) > 1 and key[-1] == group[0].evidence.paragraph:
            # A paragraph's figures too far apart: each sentence's may still be one comparison.
            for sentence in dict.fromkeys(s.evidence.text for s in group):
                bars = _distinct([s for s in group if s.evidence.text == sentence])
                if _comparable(bars, kinds[key], chinese):
                    found_sets.append(Comparison(_title(bars, kinds[key], chinese), bars))
    return found_sets


def _key(statistic: DraftStatistic, chinese: bool) -> tuple[tuple[Any, ...], str] | None:
    """What a statistic is grouped by, and the kind of figure it is; None for one no chart should show."""
    figure = statistic.figure
    paragraph = statistic.evidence.paragraph
    if figure.measured:
        return ("measured", statistic.noun, paragraph), "measured"
    if figure.unit == "money":
        return ("money", figure.currency, paragraph), "money"
    if statistic.unit == "count":
        noun = counted_noun(figure)
        if noun:
            return ("count", _counted(noun)), _counted(noun) or "count"
        thing = _label_thing(statistic.label, chinese)
        if not thing:
            return None  # a bare number, or a measure word alone, says nothing of what it counts
        return ("count", thing, paragraph), thing
    if statistic.unit == "percent":
        change = _CHANGE_AT_END.search(statistic.label)  # '经济增长贡献率' is a share, '年均增长率' a change
        if change:  # rises with rises, falls with falls: a fall in emissions is no rival of a rise in output
            kind = "decline" if _DOWN.search(change.group()) else "growth"
            return ("percent", kind, paragraph), kind
        return ("percent", "share", statistic.label[-1:], paragraph), "share"  # '…率' with '…率', '…比重'
    return (statistic.unit, paragraph), statistic.unit


def _counted(noun: str) -> str:
    """What a noun counts, its qualifiers aside: 'TikTok 用户' and '用户' count users, 'American users' users."""
    chinese = re.findall(r"[\u3400-\u9fff]+", noun)
    return chinese[-1] if chinese else noun.lower().split()[-1]


def _label_thing(label: str, chinese: bool) -> str | None:
    """What a count's label says it counts, for counts of a measure word alone: its last word ('5G基站' counts
    基站, '专精特新中小企业' 企业), in Chinese only (an English count names its noun)."""
    if not chinese:
        return None
    letters = re.findall(r"[\u3400-\u9fff]", label)
    return "".join(letters[-2:]) if len(letters) >= 2 else None


def _distinct(group: list[DraftStatistic]) -> list[DraftStatistic]:
    """The group without what a bar could not tell apart: a second statistic of a label or of a value already in
    it (two bars of one name, or one fact told twice: '1.7亿用户', '1.7亿美国用户'), and labels that name nothing
    (labels.FALLBACK_LABELS: '金额', 'Amount')."""
    labels: set[str] = set()
    values: set[float] = set()
    kept = []
    for statistic in group:
        if statistic.label not in labels and statistic.value not in values \
                and statistic.label not in FALLBACK_LABELS:
            labels.add(statistic.label)
            values.add(statistic.value)
            kept.append(statistic)
    return kept


def _comparable(bars: list[DraftStatistic], kind: str, chinese: bool) -> bool:
    """Two bars or more, readable side by side; percentages only where their labels end in the same measure
    ('…增加值增长', '…同比增长'): growth of output beside a rise in prices, or an unemployment rate beside a
    contribution rate, are percentages of different things."""
    if len(bars) < 2 or not _readable(bars):
        return False
    return kind not in _PERCENT_KINDS or bool(_shared_ending([bar.label for bar in bars], chinese))


def _readable(bars: list[DraftStatistic]) -> bool:
    """Whether every bar shows beside the largest: values that span at most MAX_SPAN times."""
    values = [bar.value for bar in bars]
    return min(values) > 0 and max(values) / min(values) <= MAX_SPAN


def _title(bars: list[DraftStatistic], kind: str, chinese: bool) -> str:
    """'同比增长对比', '保有量对比', '用户对比', 'Changes compared': the words every label ends in, when they are
    whole words, else what kind of figures the chart holds."""
    shared = _shared_ending([bar.label for bar in bars], chinese)
    what = shared or _KINDS[chinese].get(kind, kind)
    if not chinese:
        what = what[:1].upper() + what[1:]
    return _COMPARED[chinese].format(what)


def _shared_ending(labels: list[str], chinese: bool) -> str:
    """The words all labels end in: two Chinese characters or more, or an English word or more, ending each
    label at a word's start ('进出港航班量同比增长', '旅客吞吐量同比增长' end in '同比增长')."""
    if chinese:
        from briefing.text.words import word_tokens

        endings = [{"".join(words[at:]) for at in range(len(words))}
                   for words in ([word for word in word_tokens(label) if word.strip()] for label in labels)]
        common = set.intersection(*endings)
        return max(common, key=len) if common and len(max(common, key=len)) >= 2 else ""
    endings = [{" ".join(words[at:]).lower() for at in range(len(words))}
               for words in (label.split() for label in labels)]
    common = set.intersection(*endings)
    longest = max(common, key=len) if common else ""
    return "" if _CHANGE_WORDS.fullmatch(longest) else longest  # 'Rise compared' says less than 'Changes'

