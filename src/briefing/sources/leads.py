"""Paragraphs that enumerate the article's parts by their opening words, where it has no heading for them.

An ordinal lead-in opens a paragraph: '第一，网络基础能力显著提升。…', '第二，…'; '一是…', '二是…'; '其一，…';
'First, …', 'Second, …'. Its lead is the words up to the end of its first clause ('网络基础能力显著提升').
A label lead-in is a short label standing as a sentence of its own at a paragraph's start: '新突破。2024年，…',
'新升级。…' (two to eight Chinese characters, none of them a pronoun or particle that makes a sentence of it).

One such paragraph is a figure of speech; a run of them structures the article: ordinals of one kind
counting up from the first ('第一' ... '第二' ..., other paragraphs between them allowed), or labels of one
length in paragraphs next to each other. A label of that length inside the paragraph just before such a
run, after a sentence of its own and sharing a character with the run's labels at the same end
('…新意十足。新突破。2024年，…' before '新升级。', '新机遇。'), begins the run: the page had set it
apart, and the text as pasted has lost the break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_ZH_NUMBERS = "一二三四五六七八九十"
_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ORDINALS = (
    ("第一", re.compile(rf"第(?P<n>[{_ZH_NUMBERS}]{{1,2}})\s*[，,、:：]\s*")),
    ("一是", re.compile(rf"(?P<n>[{_ZH_NUMBERS}]{{1,2}})是\s*")),
    ("其一", re.compile(rf"其(?P<n>[{_ZH_NUMBERS}]{{1,2}})\s*[，,、:：]\s*")),
    ("First", re.compile(rf"(?P<n>{'|'.join(_EN_ORDINALS)})(?:ly)?\s*,\s*", re.IGNORECASE)),
)
# The lead's words end at its first clause's end.
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]|\.(?=\s|$)")
_SENTENCE_END = "。！？!?."
_LABEL = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,8})[。！]\s*(?=\S)")
# Characters that make a short sentence of a label: '他笑了。', '这是真的。', '好吗？'
_NOT_IN_A_LABEL = re.compile(r"[他她我你它这那是了的吗呢吧啊么着过]")


@dataclass(frozen=True)
class Lead:
    """The words that open a part, found in its first paragraph."""

    kind: str  # '第一', '一是', '其一', 'First', or 'label'
    ordinal: int  # 1 for '第一' and 'First'; 0 for a label
    title: str  # the lead's words, without the ordinal: '网络基础能力显著提升', '新突破'
    start: int  # where the lead begins in the paragraph: 0, or a label's place inside it
    end: int  # where the paragraph's own words begin: after the lead when it is a sentence, else after its ordinal


def _number(written: str) -> int:
    """1 to 99 written in Chinese numerals ('三' 3, '十二' 12, '二十' 20)."""
    if "十" not in written:
        return _ZH_NUMBERS.index(written) + 1
    tens, _, ones = written.partition("十")
    return (_ZH_NUMBERS.index(tens) + 1 if tens else 1) * 10 + (_ZH_NUMBERS.index(ones) + 1 if ones else 0)


def ordinal_lead(text: str) -> Lead | None:
    """The ordinal lead-in opening the paragraph, or None."""
    for kind, pattern in _ORDINALS:
        found = pattern.match(text)
        if found is None:
            continue
        written = found["n"]
        try:
            number = _EN_ORDINALS.index(written.lower()) + 1 if kind == "First" else _number(written)
        except ValueError:  # '二十十'
            return None
        clause = _CLAUSE_END.search(text, found.end())
        stop = clause.start() if clause else len(text)
        title = text[found.end():stop].strip()
        if not title:
            return None
        whole_sentence = clause is not None and text[clause.start()] in _SENTENCE_END
        title = title[0].upper() + title[1:] if kind == "First" else title
        return Lead(kind, number, title, 0, clause.end() if whole_sentence and clause else found.end())
    return None


def label_lead(text: str, start: int = 0) -> Lead | None:
    """The label lead-in at `start` of the paragraph ('新突破。…'), or None."""
    found = _LABEL.match(text, start)
    if found is None or _NOT_IN_A_LABEL.search(found["label"]):
        return None
    return Lead("label", 0, found["label"], start, found.end())


def _label_inside(text: str, run: Sequence[Lead]) -> Lead | None:
    """A label like the run's after a sentence inside the paragraph before it (see the module's docstring)."""
    size = len(run[0].title)
    for end in (match.end() for match in re.finditer(r"[。！？]\s*", text)):
        found = label_lead(text, end)
        if (found is not None and len(found.title) == size
                and (all(lead.title[0] == found.title[0] for lead in run)
                     or all(lead.title[-1] == found.title[-1] for lead in run))):
            return found
    return None


def lead_run(paragraphs: Sequence[str]) -> list[tuple[int, Lead]]:
    """The paragraphs (by index) that open the article's parts with a lead-in, with their leads: the first
    run of two or more (see the module's docstring); none when there is no run."""
    return _ordinal_run(paragraphs) or _label_run(paragraphs)


def _ordinal_run(paragraphs: Sequence[str]) -> list[tuple[int, Lead]]:
    runs: dict[str, list[tuple[int, Lead]]] = {}
    for index, text in enumerate(paragraphs):
        lead = ordinal_lead(text)
        if lead is None:
            continue
        run = runs.get(lead.kind, [])
        if lead.ordinal == 1:
            if len(run) >= 2:
                return run
            runs[lead.kind] = [(index, lead)]
        elif run and run[-1][1].ordinal + 1 == lead.ordinal:
            run.append((index, lead))
    return next((run for run in runs.values() if len(run) >= 2), [])


def _label_run(paragraphs: Sequence[str]) -> list[tuple[int, Lead]]:
    index = 0
    while index < len(paragraphs):
        run: list[tuple[int, Lead]] = []
        while index < len(paragraphs) and (lead := label_lead(paragraphs[index])) is not None and (
                not run or len(lead.title) == len(run[0][1].title)):
            run.append((index, lead))
            index += 1
        if len(run) >= 2:
            first = run[0][0]
            before = _label_inside(paragraphs[first - 1], [lead for _, lead in run]) if first > 0 else None
            return [(first - 1, before), *run] if before is not None else run
        index += 1 if not run else 0
    return []
