"""`briefing check`: prove an outline against its sources.

For every statistic, event and quote with evidence, in a source the outline keeps a copy of:
- the evidence is in that source, in the paragraph it names (blanks and full-width forms aside);
- a statistic's value is a figure its evidence states (170000000 is '1.7 亿' or '170 million'),
  with the same qualifier ('约', 'nearly'), and in the unit of measure its noun names, if it names
  one (159000000 吨 is '1.59亿吨', or '159 million tonnes', but not '1.59亿公里');
- an event's date (and end) is a date its evidence states, partial dates completed from the
  article around them (1 月 18 日, in an article of 2025-02-02, is 2025-01-18);
- a quote's words are in its evidence.
A figure typed in a part's text must agree with the statistic of that kind the part relies on, and
each source file must still have the checksum the outline recorded.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.outline.errors import KeyPath, Note, OutlineError, Problem
from briefing.outline.evidence import cited_source, evidenced
from briefing.outline.load import LoadedYaml
from briefing.outline.model import Event, Evidence, Outline, Quote, Source, Statistic
from briefing.outline.source import OutlineSource, as_source
from briefing.outline.textrefs import REFERENCE
from briefing.outline.validate import validated_outline
from briefing.sources.article import Article, Block
from briefing.sources.read import SourceError, read_article_bytes
from briefing.text.dates import DateContext, DateMention
from briefing.text.figures import Figure, agrees, find_figures, measure_of
from briefing.text.matching import comparable, find_passage

Finding = tuple[KeyPath, str, str | None]


@dataclass(frozen=True)
class CheckReport:
    outline: Path
    checked: int  # facts whose evidence was proved
    unchecked: list[Note]  # facts without evidence, or whose source has no file to check against
    sources: list[Path]


@dataclass
class _SourceText:
    """A source file as check reads it: its article, and every date in it completed in reading order."""

    file: Path
    article: Article
    dates: dict[int, list[DateMention]]

    def block(self, number: int) -> Block | None:
        return next((b for b in self.article.blocks if b.number == number), None)


def check_outline(outline: OutlineSource | Path, validated: tuple[Outline, LoadedYaml] | None = None) -> CheckReport:
    """The report of a proved outline, or OutlineError with every disagreement at its line and column.
    validated: the outline as validated_outline gave it, where the caller has validated it already."""
    source = as_source(outline)
    model, loaded = validated or validated_outline(source)
    folder = source.file.parent
    findings: list[Finding] = []
    texts: dict[str, _SourceText] = {}
    for index, known in enumerate(model.all_sources):
        path: KeyPath = ("meta", "source") if index == 0 else ("sources", index - 1)
        if known.file:
            text, problems = _read(folder, known, path)
            findings += problems
            if text is not None:
                texts[known.id] = text
    if not any(known.file for known in model.all_sources):
        findings.append((("meta", "source"), "names no copy of the source to check the outline against",
                         "keep a copy of the source beside the outline and name it here as file:, "
                         "as 'briefing draft' does"))
    checked = 0
    unchecked = [(path, "has no evidence to check") for path in _without_evidence(model)]
    for path, fact, evidence in evidenced(model):
        text = texts.get(cited_source(model, fact, evidence))
        if text is None:
            unchecked.append(((*path, "evidence"), "cites a source without a file to check against"))
            continue
        problems = list(_prove(path, fact, evidence, text))
        findings += problems
        checked += not problems
    findings += _typed_figures(model)
    if findings:
        raise OutlineError([Problem(source.file, *loaded.positions.of_value(p), p, message, hint)
                            for p, message, hint in findings])
    notes = [Note(source.file, *loaded.positions.of_value(p), p, message) for p, message in unchecked]
    return CheckReport(source.file, checked, notes, [t.file for t in texts.values()])


def _read(folder: Path, known: Source, path: KeyPath) -> tuple[_SourceText | None, list[Finding]]:
    """The source file's text, and a finding when it no longer has the outline's checksum."""
    assert known.file is not None
    file = folder / known.file
    data = file.read_bytes()
    findings: list[Finding] = []
    digest = hashlib.sha256(data).hexdigest()
    if known.sha256 and digest != known.sha256.lower():
        findings.append(((*path, "sha256"), f"{known.file} has changed since its checksum was taken (it is now "
                         f"{digest})", "check its evidence against the new text, then write the new checksum here"))
    try:
        article = read_article_bytes(data, file.name)
    except SourceError as error:  # a copy that is not an article: the outline's line names it
        return None, [*findings, ((*path, "file"), str(error), "name the source's copy as a web page, Markdown, "
                                  "Word document or text file")]
    context = DateContext(article.published)
    dates = {block.number: context.find(block.text) for block in article.blocks}
    return _SourceText(file, article, dates), findings


def _without_evidence(model: Outline) -> Iterator[KeyPath]:
    """The statistics and events without evidence, which check cannot prove."""
    for index, event in enumerate(model.timeline):
        if event.evidence is None:
            yield "timeline", index
    for index, statistic in enumerate(model.statistics):
        if statistic.evidence is None:
            yield "statistics", index


def _prove(path: KeyPath, fact: Statistic | Event | Quote, evidence: Evidence,
           text: _SourceText) -> Iterator[Finding]:
    """What disagrees between a fact, its evidence and the source."""
    found = _locate(evidence, text)
    if isinstance(found, str):
        yield (*path, "evidence", "text"), found, _closest(evidence.text, text)
        return
    block, start, end = found
    if evidence.paragraph is not None and block.number != evidence.paragraph:
        yield ((*path, "evidence", "paragraph"), f"the evidence is in paragraph {block.number} of "
               f"{text.file.name}, not {evidence.paragraph}", f"write paragraph: {block.number}")
    words = block.text[start:end]
    if isinstance(fact, Statistic):
        yield from _prove_value(path, fact, [f for f in find_figures(block.text) if start <= f.start < end], words)
    elif isinstance(fact, Event):
        mentions = [m for m in text.dates.get(block.number, []) if start <= m.start < end]
        yield from _prove_date(path, fact, mentions, words)
    elif find_passage(evidence.text, fact.text) is None:
        yield ((*path, "text"), "the quote's words are not in its evidence",
               "quote the words as the source gives them, or correct the evidence")


def _locate(evidence: Evidence, text: _SourceText) -> tuple[Block, int, int] | str:
    """The block and span of the evidence: in the paragraph it names, else anywhere; or what is wrong."""
    named = text.block(evidence.paragraph) if evidence.paragraph is not None else None
    ordered = [named] if named is not None else []
    ordered += [b for b in text.article.blocks if b is not named]
    for block in ordered:
        span = find_passage(block.text, evidence.text)
        if span is not None:
            return block, *span
    return f"these words are not in {text.file.name}"


def _closest(words: str, text: _SourceText) -> str | None:
    """Where the source says something close, for a hint: 'closest: paragraph 7, "…"'."""
    wanted = comparable(words)[0]
    best: tuple[float, int, str] | None = None
    for block in text.article.blocks:
        for start in range(0, max(1, len(block.text) - len(words) + 1), max(1, len(words) // 4)):
            piece = block.text[start:start + len(words)]
            ratio = difflib.SequenceMatcher(None, wanted, comparable(piece)[0]).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, block.number, piece)
    if best is None or best[0] < 0.5:
        return "copy the words exactly from the source file"
    return f"closest: paragraph {best[1]}, “{best[2].strip()}”"


def _unit_of(statistic: Statistic) -> set[str]:
    """The figure units a statistic's unit may be written as: a count may be money counted by its name."""
    unit = statistic.unit.value
    return {"count", "money"} if unit == "count" else {unit}


def _prove_value(path: KeyPath, statistic: Statistic, figures: list[Figure], words: str) -> Iterator[Finding]:
    if not figures:
        yield (*path, "evidence", "text"), f"its evidence “{words}” states no figure", \
            "quote the words that give the figure"
        return
    same = [f for f in figures if f.unit in _unit_of(statistic) and agrees(statistic.value, f)]
    if not same:
        said = ", ".join(f"“{f.written}” ({_plain(f.value)})" for f in figures)
        yield ((*path, "value"), f"{_plain(statistic.value)} does not agree with its evidence, which says {said}",
               "correct the value, or the evidence if it quotes the wrong words")
        return
    measure = measure_of(statistic.noun) if statistic.noun else None
    if measure is not None and not any(f.measured and f.noun and measure_of(f.noun) == measure for f in same):
        said = ", ".join(f"“{f.written}” in {f.noun}" if f.measured else f"“{f.written}” in no unit" for f in same)
        yield ((*path, "noun"), f"{statistic.noun} is not the unit of its evidence, which says {said}",
               "correct the noun, or the evidence if it quotes the wrong words")
        return
    qualifier = statistic.qualifier.value if statistic.qualifier else None
    if not any(f.qualifier == qualifier for f in same):
        written = same[0].qualifier or "no qualifier"
        yield ((*path, "qualifier"), f"is '{qualifier or 'absent'}' where its evidence “{same[0].written}” "
               f"says {written}", f"write qualifier: {same[0].qualifier}" if same[0].qualifier
               else "remove the qualifier")


def _prove_date(path: KeyPath, event: Event, mentions: list[DateMention], words: str) -> Iterator[Finding]:
    days = [m for m in mentions if m.precision == "day"]
    if not days:
        yield (*path, "evidence", "text"), f"its evidence “{words}” states no day", "quote the words that date it"
        return
    if any(m.first == event.date and (m.last or m.first) == (event.end or event.date) for m in days):
        return
    said = ", ".join(f"“{m.written}” ({_span(m.first, m.last)})" for m in days)
    key = "date" if not any(m.first == event.date for m in days) else "end"
    yield ((*path, key), f"{_span(event.date, event.end)} does not agree with its evidence, which says {said}",
           "correct the date, or the evidence if it quotes the wrong words")


def _typed_figures(model: Outline) -> Iterator[Finding]:
    """A figure typed in a part's text that disagrees with the statistic of its kind the part relies on."""
    statistics = {s.id: s for s in model.statistics}
    for s, section in enumerate(model.sections):
        parts = [(("sections", s), section),
                 *((("sections", s, "subsections", j), sub) for j, sub in enumerate(section.subsections))]
        for path, part in parts:
            relied = [statistics[i] for i in part.facts if i in statistics]
            for key in ("points", "prose"):
                for index, text in enumerate(getattr(part, key)):
                    for figure in find_figures(REFERENCE.sub(" ", text)):
                        yield from _typed_figure((*path, key, index), figure, relied)


def _typed_figure(path: KeyPath, figure: Figure, relied: list[Statistic]) -> Iterator[Finding]:
    kind = [s for s in relied if figure.unit in _unit_of(s) and (figure.unit != "count" or s.noun == figure.noun)]
    if kind and not any(agrees(s.value, figure) for s in kind):
        names = ", ".join(f"{s.id} ({_plain(s.value)})" for s in kind)
        yield (path, f"“{figure.written}” disagrees with the statistic this part relies on: {names}",
               f"write {{{kind[0].id}}} so the text follows the statistic, or correct the figure")


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _span(first: date, last: date | None) -> str:
    return first.isoformat() if last is None or last == first else f"{first.isoformat()} to {last.isoformat()}"
