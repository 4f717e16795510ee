#!/usr/bin/env python3
"""How well `briefing draft` reads articles it has never seen: facts found, facts real, structure kept, speed.

Run from the repository root (PYTHONPATH=src to measure a worktree rather than the installed package):

    python benchmarks/draft.py              # a table per article, totals, and the shipped article
    python benchmarks/draft.py --details    # ... and what each draft missed or made up
    python benchmarks/draft.py --json       # the same, for machines

For each article of benchmarks/draft_corpus/ (a .docx is first built from its text source), in a fresh
temporary folder holding a copy of the article:

    briefing draft ARTICLE -o NAME.yaml     # timed
    briefing build NAME.yaml -o out-NAME    # must exit 0: the draft is built without edits

and the drafted outline is scored against the article's answer key (NAME.key.yaml; README.md says how a key
is written and how each count is made):

- events found: key events with a drafted timeline event of the same date (and the same end, for a range);
- figures found: key figures with a drafted statistic of the same raw value (1e-9 relative) and unit; a sum
  of money in another currency than dollars is found as unit 'money' with that currency, or as unit 'count'
  whose noun names the currency ('亿元', 'yuan');
- real: drafted events and statistics that match some key fact, of all drafted events and statistics;
- headings kept: key headings found as drafted section (level 1) or sub-section (level 2) titles, compared
  without their numbering ('一、', '（一）', '1.1', 'I.', 'A.') and whitespace.

Each key fact is matched to at most one drafted fact. A last row drafts the shipped article
(sources/tiktok-article.zh.txt, else shared/source/) and counts how many of outline.yaml's statistics
(value and unit) and timeline events (date and end) the draft has.

Exit status 0 whatever the scores; 2 when `briefing draft` does not exist, 1 when draft or build crashed
(a traceback, an exit status other than 0 or 2, or no end within the time allowed); the output says which.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeVar

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "draft_corpus"
SHIPPED_OUTLINE = REPO / "outline.yaml"
SHIPPED_ARTICLE_PLACES = (
    REPO / "sources" / "tiktok-article.zh.txt",
    REPO.parent / "shared" / "source" / "tiktok-article.zh.txt",
    Path("/work/shared/source/tiktok-article.zh.txt"),
)
UNITS = ("count", "percent", "usd", "times", "days", "money")
# Words that name a currency in a drafted statistic's noun: how a sum in yuan is written with unit 'count'.
CURRENCY_NOUNS = {
    "CNY": re.compile(r"(?<![美欧日港韩澳加新台])元|人民币|\byuan\b|\brmb\b|\bcny\b", re.IGNORECASE),
    "EUR": re.compile(r"欧元|\beuros?\b|€|\beur\b", re.IGNORECASE),
    "GBP": re.compile(r"英镑|\bpounds?\b|£|\bgbp\b", re.IGNORECASE),
    "JPY": re.compile(r"日元|\byen\b|\bjpy\b", re.IGNORECASE),
    "HKD": re.compile(r"港元|港币|\bhkd\b", re.IGNORECASE),
}
GOALS = {"facts found": 0.90, "real": 0.80, "headings kept": 1.0, "shipped carried": 0.90, "drafts built": 1.0}
SECONDS_GOAL = 1.0
DRAFT_TIMEOUT = 120
BUILD_TIMEOUT = 600


class KeyProblem(ValueError):
    """An answer key that cannot be read: the message names the file and what is wrong."""


class CommandMissing(RuntimeError):
    """`briefing draft` cannot be run at all."""


# -- answer keys ----------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyEvent:
    date: dt.date
    end: dt.date | None
    words: str


@dataclass(frozen=True)
class KeyFigure:
    value: float
    unit: str
    currency: str | None
    words: str


@dataclass(frozen=True)
class KeyHeading:
    level: int
    title: str


@dataclass(frozen=True)
class AnswerKey:
    """What a careful reader lists from one article of the corpus."""

    name: str                     # 'zh-economy': the article's file name without its suffix
    article: Path                 # the file drafted (a .docx is built from `built_from` first)
    built_from: Path | None
    language: str
    published: dt.date
    events: tuple[KeyEvent, ...]
    figures: tuple[KeyFigure, ...]
    headings: tuple[KeyHeading, ...]

    @property
    def text_file(self) -> Path:
        """The file whose text holds the key's words: the article, or the source a .docx is built from."""
        return self.built_from or self.article

    @property
    def format(self) -> str:
        return self.article.suffix.lstrip(".")


def _day(value: object, where: str) -> dt.date:
    day = _maybe_day(value)
    if day is None:
        raise KeyProblem(f"{where}: {value!r} is not a date (write YYYY-MM-DD)")
    return day


def _entries(data: dict[str, Any], name: str, where: str) -> list[dict[str, Any]]:
    entries = data.get(name) or []
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise KeyProblem(f"{where}: '{name}' must be a list of mappings")
    return entries


def _words(entry: dict[str, Any], where: str) -> str:
    words = entry.get("words")
    if not isinstance(words, str) or not words.strip():
        raise KeyProblem(f"{where}: 'words' must be the article's words that state it")
    return words


def _event(entry: dict[str, Any], where: str) -> KeyEvent:
    first = _day(entry.get("date"), f"{where}.date")
    end = _day(entry["end"], f"{where}.end") if entry.get("end") is not None else None
    if end is not None and end <= first:
        raise KeyProblem(f"{where}.end: {end} is not after the date {first}")
    return KeyEvent(first, end, _words(entry, where))


def _figure(entry: dict[str, Any], where: str) -> KeyFigure:
    value, unit, currency = entry.get("value"), entry.get("unit"), entry.get("currency")
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise KeyProblem(f"{where}.value: {value!r} is not a raw number (170000000, not 1.7亿)")
    if unit not in UNITS:
        raise KeyProblem(f"{where}.unit: {unit!r} is not one of {', '.join(UNITS)}")
    if (unit == "money") != (currency is not None):
        raise KeyProblem(f"{where}: unit 'money' takes a currency (CNY, EUR, ...), and only it does")
    if currency is not None and currency not in CURRENCY_NOUNS:
        raise KeyProblem(f"{where}.currency: {currency!r} is not one of {', '.join(CURRENCY_NOUNS)}")
    return KeyFigure(float(value), unit, currency, _words(entry, where))


def _heading(entry: dict[str, Any], where: str) -> KeyHeading:
    level, title = entry.get("level"), entry.get("title")
    if level not in (1, 2, 3):
        raise KeyProblem(f"{where}.level: {level!r} is not 1 (section), 2 (sub-section) or 3")
    if not isinstance(title, str) or not title.strip():
        raise KeyProblem(f"{where}.title: the heading's words, as the article writes them")
    return KeyHeading(level, title)


def load_key(path: Path) -> AnswerKey:
    """Read and check one answer key; KeyProblem names the file and the entry that is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KeyProblem(f"{path}: cannot read it as YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise KeyProblem(f"{path}: a mapping with 'article: FILE' (the article's file name) is needed")
    article = path.parent / data["article"]
    built_from = path.parent / data["built_from"] if data.get("built_from") else None
    if not (built_from or article).is_file():
        raise KeyProblem(f"{path}: the article {(built_from or article).name} is not beside the key")
    if built_from is not None and article.suffix != ".docx":
        raise KeyProblem(f"{path}: 'built_from' is for a .docx article, built from its text at run time")
    language = data.get("language")
    if language not in ("zh-CN", "en"):
        raise KeyProblem(f"{path}: 'language' must be zh-CN or en")
    return AnswerKey(
        name=article.stem,
        article=article,
        built_from=built_from,
        language=language,
        published=_day(data.get("published"), f"{path}: published"),
        events=tuple(_event(e, f"{path}: events[{i}]") for i, e in enumerate(_entries(data, "events", str(path)))),
        figures=tuple(_figure(e, f"{path}: figures[{i}]")
                      for i, e in enumerate(_entries(data, "figures", str(path)))),
        headings=tuple(_heading(e, f"{path}: headings[{i}]")
                       for i, e in enumerate(_entries(data, "headings", str(path)))),
    )


def load_keys(corpus: Path = CORPUS) -> list[AnswerKey]:
    return [load_key(path) for path in sorted(corpus.glob("*.key.yaml"))]


# -- the articles' text ---------------------------------------------------------------------


class _VisibleText(HTMLParser):
    """The text a browser shows: everything but scripts, styles and comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style") and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _docx_source_lines(source: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """A .docx source's document properties ('% key: value') and its (style, text) paragraphs:
    '# ' Title, '## ' Heading 1, '### ' Heading 2, any other line a paragraph of its own."""
    properties: dict[str, str] = {}
    paragraphs: list[tuple[str, str]] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("% ") and ":" in line:
            key, _, value = line[2:].partition(":")
            properties[key.strip()] = value.strip()
        elif match := re.match(r"(#{1,3}) (.+)", line):
            style = {1: "Title", 2: "Heading 1", 3: "Heading 2"}[len(match.group(1))]
            paragraphs.append((style, match.group(2).strip()))
        elif line.strip():
            paragraphs.append(("Normal", line.strip()))
    return properties, paragraphs


def article_text(key: AnswerKey) -> str:
    """The words a reader sees in the article (for a .docx, in the text it is built from)."""
    raw = key.text_file.read_text(encoding="utf-8")
    if key.text_file.suffix == ".html":
        parser = _VisibleText()
        parser.feed(raw)
        return "\n".join(parser.parts)
    if key.built_from is not None:
        return "\n".join(text for _, text in _docx_source_lines(key.built_from)[1])
    return raw


def without_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def build_docx(source: Path, target: Path) -> None:
    """Write the Word document that `source` describes, with real heading styles, as a person's report."""
    from docx import Document

    properties, paragraphs = _docx_source_lines(source)
    document = Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    core = document.core_properties
    core.title = next((text for style, text in paragraphs if style == "Title"), "")
    core.author = core.last_modified_by = properties.get("author", "")
    if "created" in properties:
        core.created = core.modified = dt.datetime.fromisoformat(properties["created"])
    document.save(str(target))


# -- drafted outlines -----------------------------------------------------------------------


@dataclass(frozen=True)
class DraftedEvent:
    date: dt.date | None          # None when the outline's date is not a date: never real
    end: dt.date | None
    title: str


@dataclass(frozen=True)
class DraftedFigure:
    value: float | None           # None when the outline's value is not a number: never real
    unit: str
    noun: str
    currency: str | None
    label: str


@dataclass(frozen=True)
class Drafted:
    """The facts and the structure of an outline, as far as the scores need them."""

    events: tuple[DraftedEvent, ...]
    figures: tuple[DraftedFigure, ...]
    headings: tuple[KeyHeading, ...]


def _maybe_day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _maybe_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _mappings(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def read_outline(path: Path) -> Drafted:
    """The timeline, statistics and section titles of an outline file (the build has checked the rest)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        data = {}
    events = tuple(DraftedEvent(_maybe_day(e.get("date")),
                                _maybe_day(e["end"]) if e.get("end") is not None else None,
                                str(e.get("title") or ""))
                   for e in _mappings(data.get("timeline")))
    figures = tuple(DraftedFigure(_maybe_number(s.get("value")), str(s.get("unit") or ""),
                                  str(s.get("noun") or ""), s.get("currency"), str(s.get("label") or ""))
                    for s in _mappings(data.get("statistics")))
    headings: list[KeyHeading] = []
    for section in _mappings(data.get("sections")):
        headings.append(KeyHeading(1, str(section.get("title") or "")))
        headings += (KeyHeading(2, str(sub.get("title") or "")) for sub in _mappings(section.get("subsections")))
    return Drafted(events, figures, tuple(headings))


# -- matching and scores --------------------------------------------------------------------

K = TypeVar("K")
D = TypeVar("D")


def matched_pairs(keys: Sequence[K], drafted: Sequence[D], matches: Callable[[K, D], bool]) -> dict[int, int]:
    """The most key items each given a drafted item of its own (key index -> drafted index).

    A maximum bipartite matching (augmenting paths): two key events on one day need two drafted events,
    and a drafted figure cannot stand for two key figures."""
    candidates = [[d for d, item in enumerate(drafted) if matches(key, item)] for key in keys]
    owner: dict[int, int] = {}  # drafted index -> key index

    def place(k: int, seen: set[int]) -> bool:
        for d in candidates[k]:
            if d not in seen:
                seen.add(d)
                if d not in owner or place(owner[d], seen):
                    owner[d] = k
                    return True
        return False

    for k in range(len(keys)):
        place(k, set())
    return {k: d for d, k in owner.items()}


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


def figure_matches(key: KeyFigure, drafted: DraftedFigure) -> bool:
    """Same raw value and unit; money also as 'count' whose noun names the currency."""
    if drafted.value is None or not same_value(key.value, drafted.value):
        return False
    if key.unit == "money":
        assert key.currency is not None
        if drafted.unit == "money":
            return drafted.currency in (None, key.currency)
        return drafted.unit == "count" and bool(CURRENCY_NOUNS[key.currency].search(drafted.noun))
    if key.unit == "usd" and drafted.unit == "money":
        return drafted.currency == "USD"
    return drafted.unit == key.unit


def event_matches(key: KeyEvent, drafted: DraftedEvent) -> bool:
    """Same day, and the same last day for a range (a one-day event drafted as a range is wrong)."""
    return drafted.date == key.date and (drafted.end or drafted.date) == (key.end or key.date)


_NUMBERING = re.compile(r"""^(?:
      第[一二三四五六七八九十百零〇两\d]+(?:章|节|部分|篇)[、.:\s]*  # 第一部分 (not 第三季度)
    | [一二三四五六七八九十百零〇]+[、.]                            # 一、
    | \([一二三四五六七八九十百零〇\d]{1,3}\)                        # (一) (1), also （一） after NFKC
    | \d{1,2}(?:\.\d{1,2})+\.?(?=\s)                                # 1.1 (not 1.5K)
    | \d{1,2}[.、)](?!\d)                                           # 1. 2、 3) (not 24 小时, 3.5)
    | [IVXLC]{1,6}\.(?=\s)                                          # I. II.
    | [A-Z]\.(?=\s)                                                 # A.
)""", re.VERBOSE)


def normalized_heading(title: str) -> str:
    """A heading's words without its numbering and whitespace, full-width forms folded ('（一）' = '(一)')."""
    folded = unicodedata.normalize("NFKC", title).strip()
    return without_whitespace(_NUMBERING.sub("", folded, count=1))


def heading_matches(key: KeyHeading, drafted: KeyHeading) -> bool:
    return key.level == drafted.level and normalized_heading(key.title) == normalized_heading(drafted.title)


@dataclass
class Tally:
    """found of total, and what was not found."""

    found: int = 0
    total: int = 0
    missed: list[str] = field(default_factory=list)

    def share(self) -> float | None:
        return self.found / self.total if self.total else None

    def cell(self) -> str:
        share = self.share()
        return f"{self.found}/{self.total}" + (f" {share:.0%}" if share is not None else "")

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.total += other.total


def tally(keys: Sequence[K], drafted: Sequence[D], matches: Callable[[K, D], bool],
          describe: Callable[[K], str]) -> Tally:
    pairs = matched_pairs(keys, drafted, matches)
    return Tally(len(pairs), len(keys), [describe(key) for k, key in enumerate(keys) if k not in pairs])


def _describe_event(event: KeyEvent | DraftedEvent) -> str:
    days = f"{event.date}..{event.end}" if event.end else str(event.date)
    return f"{days} {event.words if isinstance(event, KeyEvent) else event.title}".strip()


def _describe_figure(figure: KeyFigure | DraftedFigure) -> str:
    value = "?" if figure.value is None else format(figure.value, ",.12g")
    unit = f"{figure.unit} {figure.currency}" if figure.currency else figure.unit
    if isinstance(figure, KeyFigure):
        return f"{value} {unit}: {figure.words}"
    return f"{value} {unit}: {' / '.join(part for part in (figure.label, figure.noun) if part)}"


@dataclass
class Score:
    events: Tally
    figures: Tally
    real: Tally                   # drafted facts that are real, of all drafted facts; missed = made up
    headings: Tally


def tallies(result: Score) -> dict[str, Tally]:
    return {"events": result.events, "figures": result.figures, "real": result.real, "headings": result.headings}


def score(key: AnswerKey, drafted: Drafted) -> Score:
    """A drafted outline against the article's answer key."""
    made_up = [_describe_event(e) for e in drafted.events if not any(event_matches(k, e) for k in key.events)]
    made_up += [_describe_figure(f) for f in drafted.figures if not any(figure_matches(k, f) for k in key.figures)]
    everything = len(drafted.events) + len(drafted.figures)
    return Score(
        events=tally(key.events, drafted.events, event_matches, _describe_event),
        figures=tally(key.figures, drafted.figures, figure_matches, _describe_figure),
        real=Tally(everything - len(made_up), everything, made_up),
        headings=tally(key.headings, drafted.headings, heading_matches, lambda h: f"{h.level} {h.title}"),
    )


def carried(outline: Drafted, draft: Drafted) -> tuple[Tally, Tally]:
    """How many of a hand-written outline's statistics (value, unit) and events (date, end) a draft has."""
    def same_statistic(mine: DraftedFigure, theirs: DraftedFigure) -> bool:
        return (mine.value is not None and theirs.value is not None and same_value(mine.value, theirs.value)
                and mine.unit == theirs.unit)

    def same_event(mine: DraftedEvent, theirs: DraftedEvent) -> bool:
        return mine.date == theirs.date and (mine.end or mine.date) == (theirs.end or theirs.date)

    return (tally(outline.figures, draft.figures, same_statistic, _describe_figure),
            tally(outline.events, draft.events, same_event, _describe_event))


# -- running briefing -----------------------------------------------------------------------


@dataclass
class Step:
    """One command's outcome: 'ok', 'refused' (exit 2 with a message) or 'crashed'."""

    status: str
    seconds: float
    message: str = ""


def run_step(command: list[str], cwd: Path, timeout: float) -> Step:
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Step("crashed", time.perf_counter() - started, f"no end within {timeout:.0f} s")
    seconds = time.perf_counter() - started
    output = (done.stderr or done.stdout).strip()
    if done.returncode == 0:
        return Step("ok", seconds)
    if done.returncode == 2 and "Traceback (most recent call last)" not in output:
        return Step("refused", seconds, output.splitlines()[-1] if output else "exit status 2")
    return Step("crashed", seconds, f"exit status {done.returncode}: {output[-2000:]}")


def check_command(briefing: list[str]) -> None:
    """Raise CommandMissing unless `briefing draft --help` works."""
    try:
        done = subprocess.run([*briefing, "draft", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CommandMissing(f"{shlex.join(briefing)} cannot be run: {error}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise CommandMissing(f"`{shlex.join([*briefing, 'draft'])}` does not exist here"
                             f" ({said[-1] if said else f'exit status {done.returncode}'})")


@dataclass
class Row:
    """One drafted article: its steps and, when the draft was written, its scores."""

    name: str
    language: str
    format: str
    draft: Step
    build: Step | None = None
    score: Score | None = None
    shipped: tuple[Tally, Tally] | None = None


def draft_and_build(briefing: list[str], article: Path, folder: Path) -> tuple[Step, Step | None, Path]:
    """Draft a copy of `article` inside `folder`, as a user would with an article at hand, then build it."""
    outline = folder / f"{article.stem}.yaml"
    draft = run_step([*briefing, "draft", article.name, "-o", outline.name], folder, DRAFT_TIMEOUT)
    if draft.status != "ok" or not outline.is_file():
        if draft.status == "ok":
            draft = Step("crashed", draft.seconds, f"exit status 0 but {outline.name} was not written")
        return draft, None, outline
    build = run_step([*briefing, "build", outline.name, "-o", f"out-{article.stem}"], folder, BUILD_TIMEOUT)
    return draft, build, outline


def measure_article(briefing: list[str], key: AnswerKey, root: Path) -> Row:
    folder = root / key.name
    folder.mkdir()
    article = folder / key.article.name
    if key.built_from is not None:
        build_docx(key.built_from, article)
    else:
        shutil.copyfile(key.article, article)
    draft, build, outline = draft_and_build(briefing, article, folder)
    # Nothing drafted: every key fact and heading is missed.
    drafted = read_outline(outline) if draft.status == "ok" else Drafted((), (), ())
    return Row(key.name, key.language, key.format, draft, build, score(key, drafted))


def shipped_article() -> Path | None:
    return next((place for place in SHIPPED_ARTICLE_PLACES if place.is_file()), None)


def measure_shipped(briefing: list[str], root: Path) -> Row | None:
    source = shipped_article()
    if source is None or not SHIPPED_OUTLINE.is_file():
        return None
    folder = root / "shipped"
    folder.mkdir()
    article = folder / source.name
    shutil.copyfile(source, article)
    draft, build, outline = draft_and_build(briefing, article, folder)
    row = Row("shipped: " + source.name, "zh-CN", "txt", draft, build)
    drafted = read_outline(outline) if draft.status == "ok" else Drafted((), (), ())
    row.shipped = carried(read_outline(SHIPPED_OUTLINE), drafted)
    return row


# -- report ---------------------------------------------------------------------------------


def _share(found: int, total: int) -> float | None:
    return found / total if total else None


def totals(rows: list[Row]) -> dict[str, Tally]:
    summed = {name: Tally() for name in ("events", "figures", "real", "headings")}
    for row in rows:
        if row.score is not None:
            for name, one in tallies(row.score).items():
                summed[name].add(one)
    summed["facts found"] = Tally(summed["events"].found + summed["figures"].found,
                                  summed["events"].total + summed["figures"].total)
    return summed


def goals(rows: list[Row], shipped: Row | None) -> dict[str, dict[str, Any]]:
    summed = totals(rows)
    measured = {"facts found": summed["facts found"].share(), "real": summed["real"].share(),
                "headings kept": summed["headings"].share()}
    if shipped is not None and shipped.shipped is not None:
        statistics_carried, events_carried = shipped.shipped
        measured["shipped carried"] = _share(statistics_carried.found + events_carried.found,
                                             statistics_carried.total + events_carried.total)
    everything = [*rows, *([shipped] if shipped else [])]
    measured["drafts built"] = _share(sum(row.build is not None and row.build.status == "ok" for row in everything),
                                      len(everything))
    result = {name: {"goal": GOALS[name], "measured": value, "met": value is not None and value >= GOALS[name]}
              for name, value in measured.items()}
    seconds = [row.draft.seconds for row in rows if row.draft.status == "ok"]
    slowest = max(seconds) if seconds else None
    result["seconds per article"] = {"goal": SECONDS_GOAL, "measured": slowest,
                                     "met": slowest is not None and slowest < SECONDS_GOAL}
    return result


def _step_cell(step: Step | None) -> str:
    return "-" if step is None else step.status


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    print(title)
    for line in (header, ["-" * width for width in widths], *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    print()


def print_report(rows: list[Row], shipped: Row | None, details: bool) -> None:
    header = ["article", "lang", "format", "draft s", "draft", "build", "events", "figures", "real",
              "headings"]
    lines = []
    for row in rows:
        assert row.score is not None
        lines.append([row.name, row.language, row.format, f"{row.draft.seconds:.2f}", row.draft.status,
                      _step_cell(row.build), row.score.events.cell(), row.score.figures.cell(),
                      row.score.real.cell(), row.score.headings.cell()])
    summed = totals(rows)
    seconds = [row.draft.seconds for row in rows]
    lines.append(["total", "", "", f"max {max(seconds):.2f}" if seconds else "", "", "",
                  summed["events"].cell(), summed["figures"].cell(), summed["real"].cell(),
                  summed["headings"].cell()])
    print_table("briefing draft on the corpus (events and figures found; real = drafted facts that are in the key)",
                header, lines)
    if shipped is not None and shipped.shipped is not None:
        statistics_carried, events_carried = shipped.shipped
        print_table("the shipped article: outline.yaml's facts that the draft has",
                    ["article", "draft s", "draft", "build", "statistics", "events"],
                    [[shipped.name, f"{shipped.draft.seconds:.2f}", shipped.draft.status,
                      _step_cell(shipped.build), statistics_carried.cell(), events_carried.cell()]])
    elif shipped is None:
        print("no row for the shipped article: --only was given, or its text or outline.yaml is missing\n")
    for name, goal in goals(rows, shipped).items():
        measured = goal["measured"]
        shown = "-" if measured is None else (f"{measured:.2f} s" if name.startswith("seconds")
                                              else f"{measured:.0%}")
        target = f"< {goal['goal']:.0f} s" if name.startswith("seconds") else f">= {goal['goal']:.0%}"
        print(f"{'met ' if goal['met'] else 'MISS'}  {name}: {shown} (goal {target})")
    for row in [*rows, *([shipped] if shipped else [])]:
        for step_name, step in (("draft", row.draft), ("build", row.build)):
            if step is not None and step.status != "ok":
                print(f"\n{row.name}: {step_name} {step.status}: {step.message}")
    if details:
        print_details(rows, shipped)


def print_details(rows: list[Row], shipped: Row | None) -> None:
    for row in rows:
        assert row.score is not None
        print(f"\n== {row.name}")
        for label, one in (("events missed", row.score.events), ("figures missed", row.score.figures),
                           ("drafted, not in the key", row.score.real), ("headings missed", row.score.headings)):
            for item in one.missed:
                print(f"  {label}: {item}")
    if shipped is not None and shipped.shipped is not None:
        print(f"\n== {shipped.name}")
        for label, one in zip(("statistics missed", "events missed"), shipped.shipped, strict=True):
            for item in one.missed:
                print(f"  {label}: {item}")


def report_json(rows: list[Row], shipped: Row | None) -> dict[str, Any]:
    def tally_json(one: Tally) -> dict[str, Any]:
        return {"found": one.found, "total": one.total, "share": one.share(), "missed": one.missed}

    def row_json(row: Row) -> dict[str, Any]:
        result: dict[str, Any] = {"name": row.name, "language": row.language, "format": row.format,
                                  "draft": asdict(row.draft), "build": asdict(row.build) if row.build else None}
        if row.score is not None:
            result.update({name: tally_json(one) for name, one in tallies(row.score).items()})
        if row.shipped is not None:
            result["statistics"], result["events"] = (tally_json(one) for one in row.shipped)
        return result

    summed = totals(rows)
    seconds = [row.draft.seconds for row in rows]
    return {
        "articles": [row_json(row) for row in rows],
        "totals": {**{name: tally_json(one) for name, one in summed.items()},
                   "draft seconds": {"max": max(seconds) if seconds else None,
                                     "median": statistics.median(seconds) if seconds else None}},
        "shipped": row_json(shipped) if shipped else None,
        "goals": goals(rows, shipped),
    }


# -- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--details", action="store_true", help="list what each draft missed or made up")
    parser.add_argument("--briefing", default=f"{shlex.quote(sys.executable)} -m briefing",
                        help="how to run briefing (default: this Python's -m briefing)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these articles (zh-economy ...)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="work in DIR (created, must be new) and keep the drafts and builds")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    briefing = shlex.split(args.briefing)
    try:
        keys = load_keys()
    except KeyProblem as problem:
        print(f"draft.py: {problem}", file=sys.stderr)
        return 2
    if args.only:
        unknown = sorted(set(args.only) - {key.name for key in keys})
        if unknown:
            print(f"draft.py: no article {', '.join(unknown)} in {CORPUS}", file=sys.stderr)
            return 2
        keys = [key for key in keys if key.name in args.only]
    try:
        check_command(briefing)
    except CommandMissing as missing:
        print(f"draft.py: {missing}; nothing measured.", file=sys.stderr)
        return 2
    if args.keep is not None:
        args.keep.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="briefing-draft-bench-") as temp:
        root = args.keep or Path(temp)
        rows = [measure_article(briefing, key, root) for key in keys]
        shipped = None if args.only else measure_shipped(briefing, root)
    if args.json:
        print(json.dumps(report_json(rows, shipped), ensure_ascii=False, indent=2, default=str))
    else:
        print_report(rows, shipped, args.details)
    crashed = [f"{row.name} ({name})" for row in [*rows, *([shipped] if shipped else [])]
               for name, step in (("draft", row.draft), ("build", row.build))
               if step is not None and step.status == "crashed"]
    if crashed:
        print(f"draft.py: crashed on {', '.join(crashed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
