"""Property-based tests: whatever the outline, a build either writes files that reopen or says where it is wrong.

Outlines are generated as Python dicts that follow the schema in
briefing/outline/model.py, written out as YAML and built with the real
pipeline. Three families:

- clean outlines: every value valid (text is any Unicode a document can hold,
  `$`, braces, very long strings, `{id}` references): the build must succeed;
- outlines with arbitrary text (control characters, surrogates, blanks): the
  build succeeds, or fails with a BriefingError;
- broken outlines (wrong types, unknown keys, missing keys, bad dates,
  dangling or duplicate ids, bad values, damaged YAML): `briefing build`
  exits with status 2 and writes nothing.

A BriefingError is the only failure allowed, and every one of its messages
starts with FILE:LINE:COL pointing into the outline. Every file a build writes
reopens with python-docx / python-pptx and passes the package checks of
tests/test_package.py.

The bugs these properties found are pinned by the regression tests at the
end (each was a strict xfail until it was fixed). matplotlib's "Glyph ...
missing from font" warning is an error under this project's pytest settings,
so a chart that would lose a character fails here too.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import operator
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx
import msgspec.inspect
import pytest
import yaml
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from pptx import Presentation

from briefing.build.pipeline import CACHE_FOLDER, build
from briefing.errors import BriefingError
from briefing.ooxml.xmltext import escape
from briefing.outline.model import Outline
from tests.conftest import FIXTURES
from tests.refusals import refused
from tests.refusals import run as run_command
from tests.test_package import (
    bookmark_problems,
    content_type_problems,
    core_date_problems,
    core_property_problems,
    drawing_id_problems,
    empty_text_body_problems,
    relationship_problems,
    shape_id_problems,
    zip_problems,
)

# Hypothesis keeps caches (and would keep its example database) in ./.hypothesis; keep them out of the repo.
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "briefing-hypothesis"))

POSITIONED = re.compile(r"^.+:\d+:\d+: ")
YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# Characters no document can hold: the model refuses them (briefing/outline/model.py).
XML_INVALID = set(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))

COMMON = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

# ---------------------------------------------------------------- text


clean_char = st.characters(exclude_categories=("Cs",), exclude_characters=XML_INVALID)
any_char = st.characters(exclude_categories=())  # surrogates and control characters included

# Text that needs care somewhere: YAML syntax, XML syntax, matplotlib's mathtext, line breaks, bidi, astral planes.
AWKWARD = [
    "$", "$x^2$", "US$300m", "$$", "100%", "a & b < c > d", "<w:t>", "]]>", "&amp;", "\\", '"', "'", "#x",
    ": colon", "- dash", "*alias", "&anchor", "!!str", "%YAML", "@", "`", "|", ">", "~", "null", "no", "yes",
    "1e3", "0x10", "2025-01-18", "{{", "}}", "{{braces}}", "\t", "tab\there", "line\nbreak", "cr\r\nlf",
    "\u00a0nbsp", "zero\u200bwidth", "ls\u2028ps\u2029", "nel\u0085", "\ufeffbom", "😀", "👩‍👩‍👧", "𝔘𝔫𝔦",
    "中文测试，标点。", "العربية", "\u202eevil", "e\u0301", "\x7f\x9f", "\U0001fffe", "\U0010ffff", "\ue000",
]
XML_BAD = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff", "\ud800", "\udfff", "", " ",
           "\n\t ", "\u3000"]

# Long strings without spaces (one unbroken word) are cut to this length to keep each build short.
LONG_WORD_CAP = 2000


def _escape_braces(text: str) -> str:
    """'{' and '}' doubled: literal braces in text where '{id}' is a reference."""
    return text.replace("{", "{{").replace("}", "}}")


def _long(piece: str, spaced: bool, repeat: int) -> str:
    if spaced:
        return ((piece or "x") + " ") * repeat
    return ((piece or "x") * repeat)[:LONG_WORD_CAP]


def _clean_pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(clean_char, min_size=1, max_size=20),
        st.text(st.sampled_from("abc XYZ 中文 0.9$%-—,。"), min_size=1, max_size=30),
        st.sampled_from([a for a in AWKWARD if not set(a) & XML_INVALID]),
        st.builds(_long, st.text(clean_char, min_size=1, max_size=8), st.booleans(), st.integers(20, 400)),
    )


# What validate refuses in any text (outline/writing.py; tests/outline/test_writing.py): a figure typed as a
# number where a statistic has that value ('80%', '1.7亿', '170,000'), and a qualifier typed before a reference
# whose statistic has one ('约{id}'). Clean text leaves figures to references: an 'x' goes between a number and
# its % or scale word, into a run of five digits and after a thousands comma; a '·' between a qualifier and a
# reference.
_REFERENCE_OR_ESCAPE = re.compile(r"(\{\{|\}\}|\{[a-z0-9][a-z0-9_-]*\})")
_FIGURE_ENDS = re.compile(r"(?<=\d)(?=\s*(?:万|亿|thousand|million|billion|bn|trillion|%|％|percent))"
                          r"|(?<=\d{4})(?=\d)|(?<=\d,)(?=\d{3})", re.IGNORECASE)
_QUALIFIED = re.compile(r"(大约|大概|约|将近|接近|近|超过|逾|超|多达|不到|不足|少于|\b(?:about|around|"
                        r"approximately|roughly|some|nearly|almost|over|more than|fewer than|less than|under|up to))"
                        r"(\s*)(?=\{[a-z0-9])", re.IGNORECASE)


def _no_typed_figures(text: str) -> str:
    parts = _REFERENCE_OR_ESCAPE.split(text)  # references and escaped braces at odd places: left as they are
    text = "".join(part if n % 2 else _FIGURE_ENDS.sub("x", part) for n, part in enumerate(parts))
    return _QUALIFIED.sub(r"\1\2·", text)


def clean_text(refs: list[str] = ()) -> st.SearchStrategy[str]:
    """Text every field accepts: not blank, no character XML refuses, braces escaped, maybe '{id}' references,
    no figure typed as a number."""
    piece = _clean_pieces().map(_escape_braces)
    if refs:
        piece = st.one_of(piece, piece, st.sampled_from(refs).map(lambda i: f"{{{i}}}"))
    return st.lists(piece, min_size=1, max_size=3).map("".join).map(_no_typed_figures).filter(lambda t: t.strip() != "")


def any_text(refs: list[str] = ()) -> st.SearchStrategy[str]:
    """Anything at all: valid text half the time, otherwise control characters, surrogates, blanks, stray braces."""
    wild = st.one_of(
        st.text(any_char, max_size=20),
        st.text(max_size=20),
        st.sampled_from(XML_BAD + AWKWARD),
        st.builds(_long, st.text(any_char, min_size=1, max_size=8), st.booleans(), st.integers(20, 300)),
        st.from_regex(r"\{[a-z0-9][a-z0-9_-]{0,8}\}", fullmatch=True),
    )
    return st.one_of(clean_text(refs), st.lists(st.one_of(wild, clean_text(refs)), min_size=1, max_size=3).map("".join))


# ---------------------------------------------------------------- outlines


ID = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True) | st.from_regex(r"[a-z0-9][a-z0-9_-]{63}",
                                                                               fullmatch=True)
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
# What a zip can carry; not 2013, whose dates the package check takes for python-docx's template's.
META_DATES = st.dates(min_value=date(1980, 1, 1), max_value=date(2107, 12, 31)).filter(lambda d: d.year != 2013)
RECENT = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
COLOR = st.from_regex(r"[0-9A-Fa-f]{6}", fullmatch=True)
STEM = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True)
URL = st.from_regex(r"https?://[!-~]{1,40}", fullmatch=True)


def partial_dates() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(0, 9999).map(lambda y: f"{y:04d}"),
        st.tuples(st.integers(0, 9999), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
        DATES.map(date.isoformat),
    )


def values() -> st.SearchStrategy[float | int]:
    # (values above 10**15 are refused by the model: test_a_value_near_the_float_limit_...)
    return st.one_of(
        st.integers(0, 10**15),
        st.floats(min_value=0, max_value=1e15, allow_nan=False, allow_infinity=False),
        st.sampled_from([0, 0.5, 1, 80, 170_000_000, 300_000_000, 10**12]),
    )


def unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    """count different ids (a repeat gets a numbered suffix rather than a redraw)."""
    found: list[str] = []
    for number in range(count):
        candidate = draw(ID)
        found.append(candidate if candidate not in found else f"{candidate[:58]}-{number}")
    return found


def some(draw: st.DrawFn, items: list[str], min_size: int = 0) -> list[str]:
    """A sub-list of items, in any order, without repeats."""
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=len(items), unique=True))


def maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(st.one_of(st.none(), strategy))


def put(target: dict[str, Any], key: str, value: Any) -> None:
    """Optional keys are left out when None, so both 'absent' and 'given' are tried."""
    if value is not None:
        target[key] = value


@st.composite
def outlines(draw: st.DrawFn, wild: bool = False) -> dict[str, Any]:
    """A whole outline as plain data; every id it names exists, every value has the right form."""
    n_sections = draw(st.integers(1, 3))
    n_subs = [draw(st.integers(0, 2)) for _ in range(n_sections)]
    n_events, n_stats = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    n_sources, n_audiences = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    total = n_sections + sum(n_subs) + n_events + n_stats + 2 + 1 + n_sources + n_audiences
    pool = iter(unique_ids(draw, total))
    section_ids = [next(pool) for _ in range(n_sections)]
    sub_ids = [[next(pool) for _ in range(n)] for n in n_subs]
    event_ids = [next(pool) for _ in range(n_events)]
    stat_ids = [next(pool) for _ in range(n_stats)]
    chart_ids = [next(pool), next(pool)]
    source_ids = [next(pool) for _ in range(1 + n_sources)]
    audience_names = [next(pool) for _ in range(n_audiences)]
    part_ids = section_ids + [i for subs in sub_ids for i in subs]
    fact_ids = stat_ids + event_ids
    tags = sorted(set(unique_ids(draw, draw(st.integers(0, 3)))))

    text = (lambda refs=(): any_text(list(refs))) if wild else (lambda refs=(): clean_text(list(refs)))
    texts = lambda lo=0, hi=3, refs=(): st.lists(text(refs), min_size=lo, max_size=hi)  # noqa: E731
    locale = draw(st.sampled_from(["zh-CN", "en"]))
    number = st.integers(1, 99) | st.integers(1, 10**9)

    def source(source_id: str) -> dict[str, Any]:
        item: dict[str, Any] = {"id": source_id, "title": draw(text())}
        put(item, "url", maybe(draw, URL))
        put(item, "publisher", maybe(draw, text()))
        put(item, "published", maybe(draw, DATES))
        put(item, "caveat", maybe(draw, text()))
        return item

    # meta.date stamps the zip entries: 1980 to 2107 only (others are refused, see the tests at the end).
    meta: dict[str, Any] = {"title": draw(text()), "date": draw(META_DATES), "locale": locale,
                            "source": source(source_ids[0])}
    for key in ("short_title", "subtitle", "author", "audience"):
        put(meta, key, maybe(draw, text()))
    put(meta, "keywords", maybe(draw, texts()))
    put(meta, "output", maybe(draw, STEM))
    put(meta, "table_of_contents", maybe(draw, st.booleans()))
    put(meta, "slide_budget", maybe(draw, st.integers(3, 40)))

    def part(part_id: str) -> dict[str, Any]:
        item: dict[str, Any] = {"id": part_id, "title": draw(text())}
        put(item, "takeaway", maybe(draw, text(fact_ids)))
        put(item, "number", maybe(draw, number))
        for key in ("points", "prose"):
            put(item, key, maybe(draw, texts(refs=fact_ids)))
        put(item, "notes", maybe(draw, texts(hi=2)))
        quotes = []
        for _ in range(draw(st.integers(0, 2))):
            quote: dict[str, Any] = {"text": draw(text()), "speaker": draw(text())}
            put(quote, "context", maybe(draw, text()))
            put(quote, "source", maybe(draw, st.sampled_from(source_ids)))
            quotes.append(quote)
        put(item, "quotes", quotes or None)
        put(item, "facts", some(draw, fact_ids) or None)
        put(item, "tags", some(draw, tags) or None)
        return item

    sections = []
    for section_id, subs in zip(section_ids, sub_ids, strict=True):
        section = part(section_id)
        put(section, "subsections", [part(i) for i in subs] or None)
        sections.append(section)

    timeline = []
    for event_id in event_ids:
        start = draw(RECENT if draw(st.booleans()) else DATES)
        item = {"id": event_id, "date": start, "title": draw(text()), "source": draw(st.sampled_from(source_ids))}
        if draw(st.booleans()) and start < date(9999, 1, 1):
            item["end"] = start + timedelta(days=draw(st.integers(0, 400)))
        put(item, "detail", maybe(draw, text(fact_ids)))
        put(item, "attribution", maybe(draw, text()))
        put(item, "tags", some(draw, tags) or None)
        timeline.append(item)

    statistics = []
    for stat_id in stat_ids:
        item = {"id": stat_id, "label": draw(text()), "value": draw(values()),
                "unit": draw(st.sampled_from(["count", "percent", "usd", "times", "days"])),
                "measures": draw(text()), "source": draw(st.sampled_from(source_ids))}
        put(item, "noun", maybe(draw, text()))
        put(item, "qualifier", maybe(draw, st.sampled_from(["about", "nearly", "over"])))
        put(item, "as_of", maybe(draw, partial_dates()))
        put(item, "attribution", maybe(draw, text()))
        others = [other for other in stat_ids if other != stat_id]
        put(item, "part_of", maybe(draw, st.sampled_from(others)) if others else None)
        statistics.append(item)
    unit_of = {item["id"]: item["unit"] for item in statistics}

    charts = []
    for chart_id in chart_ids[: draw(st.sampled_from([1, 2, 0]))]:
        kinds = (["timeline"] if event_ids else []) + (["bar"] if stat_ids else [])
        if not kinds:
            break
        kind = draw(st.sampled_from(kinds))
        item = {"id": chart_id, "kind": kind, "title": draw(text())}
        if kind == "timeline" or draw(st.booleans()):
            put(item, "events", some(draw, event_ids, min_size=1 if kind == "timeline" else 0) or None)
        if kind == "bar" or draw(st.booleans()):
            shown = some(draw, stat_ids, min_size=1 if kind == "bar" else 0)
            if len(shown) > 2:  # bars of more than two statistics share a unit (two are shown as figures)
                shown = [i for i in shown if unit_of[i] == unit_of[shown[0]]]
            put(item, "statistics", shown or None)
        put(item, "caption", maybe(draw, text(fact_ids)))
        put(item, "takeaway", maybe(draw, text(fact_ids)))
        put(item, "order", maybe(draw, st.sampled_from(["largest-first", "as-listed"])))
        put(item, "placement", maybe(draw, st.sampled_from(part_ids)))
        charts.append(item)
    chart_ids = [c["id"] for c in charts]

    audiences = []
    for name in audience_names:
        item = {"name": name, "display_name": draw(text())}
        put(item, "description", maybe(draw, text()))
        # An empty list would select nothing, which validation refuses; absent means every section.
        put(item, "sections", some(draw, part_ids, min_size=1) if draw(st.booleans()) else None)
        used_tags = sorted({t for p in sections for x in (p, *p.get("subsections", [])) for t in x.get("tags", [])})
        put(item, "tags", some(draw, used_tags) or None)
        for key, ids in (("charts", chart_ids), ("statistics", stat_ids), ("key_figures", stat_ids)):
            put(item, key, some(draw, ids) if draw(st.booleans()) else None)
        put(item, "depth", maybe(draw, st.sampled_from(["brief", "full"])))
        for key in ("title", "subtitle", "cover_line"):
            put(item, key, maybe(draw, text()))
        put(item, "locale", maybe(draw, st.sampled_from(["zh-CN", "en"])))
        put(item, "slide_budget", maybe(draw, st.integers(3, 40)))
        put(item, "table_of_contents", maybe(draw, st.booleans()))
        audiences.append(item)

    outline: dict[str, Any] = {"meta": meta, "summary": draw(texts(lo=1, refs=fact_ids)), "sections": sections}
    put(outline, "schema_version", maybe(draw, st.just(1)))
    put(outline, "timeline", timeline or None)
    put(outline, "statistics", statistics or None)
    put(outline, "charts", charts or None)
    put(outline, "key_figures", some(draw, stat_ids) if draw(st.booleans()) else None)
    put(outline, "key_figures_takeaway", maybe(draw, text(fact_ids)))
    put(outline, "sources", [source(i) for i in source_ids[1:]] or None)
    if draw(st.booleans()):
        theme: dict[str, Any] = {}
        for key in ("latin_font", "east_asian_font", "heading_latin_font", "heading_east_asian_font"):
            put(theme, key, maybe(draw, text()))
        for key in ("primary_color", "accent_color", "text_color", "muted_color"):
            put(theme, key, maybe(draw, COLOR))
        put(theme, "logo", maybe(draw, st.just("logo.png")))
        outline["theme"] = theme
    put(outline, "audiences", audiences or None)
    return outline


# ---------------------------------------------------------------- breaking an outline
#
# Each change below makes an outline invalid by itself, whatever else the outline holds: a kind of value the
# model cannot take there, a key it does not have, a key it requires, a date or value it refuses, an id that
# names nothing or names two things. A change never touches what an earlier one changed, so none undoes
# another: every outline `broken` makes must be refused.


def _nodes(value: Any, path: tuple = ()) -> list[tuple]:
    """Every key path in the data, the root excluded."""
    found = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        found.append((*path, key))
        found.extend(_nodes(child, (*path, key)))
    return found


def _get(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def _bare(info: Any) -> Any:
    """A type of outline.model as such: without its description, nor the None of a key that may be left out."""
    while isinstance(info, msgspec.inspect.Metadata | msgspec.inspect.UnionType):
        info = info.type if isinstance(info, msgspec.inspect.Metadata) else next(
            t for t in info.types if not isinstance(t, msgspec.inspect.NoneType))
    return info


def _model_at(path: tuple) -> Any:
    """What outline.model takes at a key path of a valid outline: a struct, a list, a string, a date..."""
    info = _bare(msgspec.inspect.type_info(Outline))
    for key in path:
        info = _bare(info.item_type if isinstance(info, msgspec.inspect.ListType) else
                     next(f.type for f in info.fields if f.encode_name == key))
    return info


def _unknown_id(data: Any) -> st.SearchStrategy[str]:
    """An id no item in the data has."""
    taken = {value for path in _nodes(data) if isinstance(value := _get(data, path), str)}
    return ID.map(lambda i: "no-such-" + i[:40]).filter(lambda i: i not in taken)


# Another kind of value than the model takes: never None, which a key that may be left out takes.
NOT_A_SCALAR = [[], {}, ["a"], {"k": "v"}, [[1]], [{"x": None}]]
NOT_A_LIST = ["text", "", 12, 1.5, True, {}, {"k": "v"}]
NOT_A_MAPPING = ["text", "", 12, 1.5, True, [], ["a"], [[1]]]
BAD_DATES = ["2025-02-30", "2025-13-01", "2025-00-10", "2023-02-29", "2025-1-8", "18/01/2025", "20250118",
             "yesterday", "", "0000-01-01", "10000-01-01", "2025-01-18T00:00", "2025-01-32", "1e3", "-2025-01-01"]
NOT_A_DAY = ["2025-01", 2025]  # an as_of, not an event's or a source's date
NOT_IN_A_ZIP = ["1979-12-31", "2108-01-01"]  # an event's date, not the briefing's: meta.date stamps the zip
BAD_VALUES = {
    "value": ["1.7亿", "-1", "nan", "NaN", "inf", "-inf", ".inf", "1e999", "1,000", "", "0x", True],
    "unit": ["kilo", "Count", "", "%"], "kind": ["pie", "Bar"], "locale": ["fr", "zh", "ZH-CN", "en-US"],
    "qualifier": ["roughly", ""], "depth": ["deep"], "url": ["ftp://x", "example.org", "https://"],
    "output": ["../evil", "a/b", "-x", "", "x" * 101], "primary_color": ["red", "#1F3A5F", "12345"],
    "number": ["0", "-3", "one", "1.5"], "slide_budget": ["2", "0", "many"], "schema_version": ["2", "0", "v1"],
    "logo": ["../outside.png", "/etc/hostname", "missing.png", "notes.txt", "fake.png", "folder.png", "dir",
             "logo.PNG.txt"],
    "table_of_contents": ["maybe", "2"], "as_of": ["2025-13", "25", "2025-1", "2025-02-30", "01-2025"],
    "id": ["Bad Id", "-lead", "", "UPPER", "x" * 65, "sp ace", "ünï"], "name": ["Bad Name", ""],
}
DATE_KEYS = ("date", "end", "published")
# Keys that name other things by id (tags name nothing, except an audience's: the tags it selects).
REFERENCE_KEYS = ("facts", "events", "statistics", "placement", "source", "key_figures", "sections", "charts")


@st.composite
def broken(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """A clean outline with one to three things wrong with it, and what was done (for the report)."""
    data = copy.deepcopy(draw(outlines()))
    done: list[str] = []
    changed: list[tuple] = []  # the paths changed so far: nothing at or below them is changed again

    def free(path: tuple) -> bool:
        return not any(path[:len(other)] == other for other in changed)

    wanted = draw(st.integers(1, 3))
    while len(done) < wanted:
        nodes = [p for p in _nodes(data) if free(p)]
        dicts = [()] + [p for p in nodes if isinstance(_get(data, p), dict)]
        kind = draw(st.sampled_from(
            ["wrong_type", "unknown_key", "missing_key", "bad_date", "dangling_id", "duplicate_id", "bad_value",
             "reference_in_text"]))
        if kind == "wrong_type":
            path = draw(st.sampled_from(nodes))
            model = _model_at(path)
            choices = (NOT_A_LIST if isinstance(model, msgspec.inspect.ListType) else
                       NOT_A_MAPPING if isinstance(model, msgspec.inspect.StructType) else NOT_A_SCALAR)
            _get(data, path[:-1])[path[-1]] = draw(st.sampled_from(choices))
        elif kind == "unknown_key":
            parent = draw(st.sampled_from(dicts))
            known = {f.encode_name for f in _model_at(parent).fields}
            key = draw(st.one_of(st.text(min_size=1, max_size=10), st.sampled_from(
                ["titel", "Title", "ids", "point", "subsection", "sections ", "<<", "?", "1", "true"])))
            if key in known:
                continue
            _get(data, parent)[key] = draw(st.sampled_from([*NOT_A_SCALAR, *NOT_A_LIST, None, "value"]))
            path = (*parent, key)
        elif kind == "missing_key":
            candidates = [(*p, f.encode_name) for p in dicts for f in _model_at(p).fields
                          if f.required and f.encode_name in _get(data, p) and free((*p, f.encode_name))]
            if not candidates:
                continue
            path = draw(st.sampled_from(candidates))
            del _get(data, path[:-1])[path[-1]]
        elif kind == "bad_date":
            candidates = [p for p in nodes if p[-1] in (*DATE_KEYS, "as_of")]
            if not candidates:
                continue
            path = draw(st.sampled_from(candidates))
            choices = BAD_DATES if path[-1] == "as_of" else BAD_DATES + NOT_A_DAY
            choices += NOT_IN_A_ZIP if path == ("meta", "date") else []
            _get(data, path[:-1])[path[-1]] = draw(st.sampled_from(choices))
        elif kind == "dangling_id":
            candidates = [p for p in nodes if p[-1] in REFERENCE_KEYS or (p[-1] == "tags" and p[0] == "audiences")]
            if not candidates:
                continue
            path = draw(st.sampled_from(candidates))
            unknown = draw(_unknown_id(data))
            holder = _get(data, path[:-1])
            holder[path[-1]] = [unknown] if isinstance(holder[path[-1]], list) else unknown
        elif kind == "duplicate_id":  # the id (or name) of another item in the same list
            candidates = [p for p in nodes if p[-1] in ("id", "name") and len(p) > 2 and isinstance(p[-2], int)
                          and any(o[:-2] == p[:-2] and o != p and o[-1] == p[-1] for o in nodes)]
            if not candidates:
                continue
            path = draw(st.sampled_from(candidates))
            other = draw(st.sampled_from([o for o in nodes if o[:-2] == path[:-2] and o != path and o[-1] == path[-1]]))
            _get(data, path[:-1])[path[-1]] = _get(data, other)
        elif kind == "bad_value":
            candidates = [p for p in nodes if p[-1] in BAD_VALUES or str(p[-1]).endswith("_color")]
            if not candidates:
                continue
            path = draw(st.sampled_from(candidates))
            choices = BAD_VALUES.get(path[-1], BAD_VALUES["primary_color"])
            _get(data, path[:-1])[path[-1]] = draw(st.sampled_from(choices))
        else:  # a '{id}' that names nothing, in a field where references are expanded
            if not free(("summary",)):
                continue
            unknown = draw(_unknown_id(data))
            data["summary"].append("{" + unknown + "}")
            path = ("summary", len(data["summary"]) - 1)
        changed.append(path)
        done.append(f"{kind} at {path}")
    return data, done


# ---------------------------------------------------------------- YAML


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar in plain ASCII: every other character escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code <= 0x7E:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def flow_yaml(value: Any) -> str:
    """The data in YAML flow style (JSON-like), every string double-quoted with escapes."""
    if isinstance(value, dict):
        # '? ' marks each key explicitly: an implicit key may be at most 1024 characters long.
        return "{" + ", ".join(f"? {_quoted(str(k))}: {flow_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_yaml(v) for v in value) + "]"
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        text = repr(value)  # YAML 1.1 wants a dot in a float's mantissa: 1e+300 -> 1.0e+300
        mantissa, _, exponent = text.partition("e")
        return f"{mantissa}.0e{exponent}" if exponent and "." not in mantissa else text
    return repr(value)


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return isinstance(value, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def to_yaml(data: dict[str, Any]) -> str:
    """safe_dump's YAML when libyaml reads it back as the same data; the escaped flow form otherwise."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if _has_surrogate(data):
        # safe_dump writes a lone surrogate as a "\uD800" escape, which is the YAML for it; libyaml refuses
        # such an escape, so the outline must be rejected with a position, as any YAML error is.
        event("yaml: safe_dump, with surrogates")
        return text
    try:
        if yaml.load(text, Loader=yaml.CSafeLoader) == data:
            event("yaml: safe_dump")
            return text
    except yaml.YAMLError:
        pass
    event("yaml: escaped flow style")
    text = flow_yaml(data)
    assert yaml.load(text, Loader=yaml.CSafeLoader) == data
    return text


# ---------------------------------------------------------------- building


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("properties")
    (folder / "charts").mkdir()  # one chart cache for every example
    return folder


_counter = itertools.count()


def check_outputs(paths: list[Path]) -> None:
    assert len(paths) == 2 and {p.suffix for p in paths} == {".docx", ".pptx"}, paths
    for path in paths:
        docx.Document(str(path)) if path.suffix == ".docx" else Presentation(str(path))
        with zipfile.ZipFile(path) as archive:
            checks = [zip_problems, relationship_problems, content_type_problems, core_property_problems,
                      core_date_problems]
            if path.suffix == ".pptx":
                checks += [shape_id_problems, empty_text_body_problems]
            else:
                checks += [drawing_id_problems, bookmark_problems]
            for check in checks:
                problems = check(archive)
                assert problems == [], f"{path.name}: {check.__name__}: {problems}"


def check_error(error: BriefingError, outline_file: Path, text: str) -> None:
    """Every message says FILE:LINE:COL, for this outline and a place inside it."""
    check_positions(error.messages(), outline_file, text)


def check_positions(messages: list[str], outline_file: Path, text: str) -> None:
    assert messages, "an error without a message"
    lines = len(YAML_BREAK.findall(text)) + 1  # as YAML counts them: \x85, \u2028 and \u2029 break lines too
    for message in messages:
        assert POSITIONED.match(message), message
        assert message.startswith(f"{outline_file}:"), message
        line, column = map(int, message[len(str(outline_file)) + 1:].split(":", 2)[:2])
        assert 1 <= line <= lines + 1 and column >= 1, message


@contextlib.contextmanager
def example(workspace: Path, text: str) -> Iterator[tuple[Path, Path]]:
    """(outline file, output folder) in a folder of their own, beside the files an outline may name; removed after.
    Every example's output folder shares one chart cache."""
    folder = workspace / f"example-{next(_counter)}"
    folder.mkdir()
    try:
        outline_file = folder / "outline.yaml"
        outline_file.write_text(text, encoding="utf-8")
        shutil.copy(FIXTURES / "logo.png", folder / "logo.png")
        (folder / "fake.png").write_bytes(b"not a png at all")
        (folder / "notes.txt").write_text("text")
        (folder / "folder.png").mkdir()
        out = folder / "out"
        out.mkdir()
        (out / CACHE_FOLDER).symlink_to(workspace / "charts", target_is_directory=True)
        yield outline_file, out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def build_outline(workspace: Path, text: str, audience: str | None = None) -> str:
    """Write the outline, build it, check what comes out; 'built' or 'refused'."""
    with example(workspace, text) as (outline_file, out):
        started = time.perf_counter()
        try:
            report = build(outline_file, out, audiences=[audience] if audience else None)
        except BriefingError as error:
            note(f"refused: {error.messages()[:3]}")
            check_error(error, outline_file, text)
            return "refused"
        note(f"built in {time.perf_counter() - started:.2f} s: {[o.detail for o in report.outputs]}")
        check_outputs([output.path for output in report.outputs])
        return "built"


def refused_outline(workspace: Path, text: str, audience: str | None = None) -> None:
    """`briefing build` (the click command, in this process) refuses the outline as a user must see it: exit
    status 2, one FILE:LINE:COL line in this outline per problem, no traceback, and nothing written."""
    with example(workspace, text) as (outline_file, out):
        status, printed = run_command("build", str(outline_file), "-o", str(out),
                                      *(["--audience", audience] if audience else []))
        note(f"exit status {status}:\n{printed[:2000]}")
        assert status == 2, printed
        assert "Traceback" not in printed and "internal error" not in printed, printed
        check_positions(printed.splitlines(), outline_file, text)
        assert [path.name for path in out.iterdir()] == [CACHE_FOLDER], "an output was written"


def _audience(draw: st.DrawFn, data: dict[str, Any]) -> str | None:
    names = [a["name"] for a in data.get("audiences", []) if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return draw(st.sampled_from([*names, None])) if names else None


# ---------------------------------------------------------------- the properties


@settings(COMMON, max_examples=90)
@given(st.data())
def test_a_clean_outline_always_builds(workspace: Path, data: st.DataObject) -> None:
    outline = data.draw(outlines(), label="outline")
    audience = _audience(data.draw, outline)
    result = build_outline(workspace, to_yaml(outline), audience)
    assert result == "built"
    event(f"audience: {'yes' if audience else 'no'}")


@settings(COMMON, max_examples=60)
@given(st.data())
def test_arbitrary_text_builds_or_is_refused_with_positions(workspace: Path, data: st.DataObject) -> None:
    outline = data.draw(outlines(wild=True), label="outline")
    event(build_outline(workspace, to_yaml(outline), _audience(data.draw, outline)))


@settings(COMMON, max_examples=100)
@given(st.data())
def test_a_broken_outline_is_refused_with_positions(workspace: Path, data: st.DataObject) -> None:
    """One to three things wrong, the YAML text maybe damaged on top: refused as refused_outline says."""
    outline, done = data.draw(broken(), label="broken outline")
    note(f"mutations: {done}")
    text = to_yaml(outline)
    if data.draw(st.integers(0, 4), label="damage the YAML text") == 0:
        at = data.draw(st.integers(0, len(text)), label="at")
        insert = data.draw(st.sampled_from(["\t", ":", "- ", "\n  x: [", "'", '"', "{", "]", "&a", "*b", "\x07",
                                            "\n!!binary", "\n---\n", "%", "\ufeff", "\n\t- ", "? "]), label="insert")
        text = text[:at] + insert + text[at:]
    refused_outline(workspace, text, _audience(data.draw, outline))


# ---------------------------------------------------------------- the serializer itself


@settings(max_examples=200, database=None)
@given(st.recursive(st.text(any_char) | st.integers() | st.booleans() | st.none() | DATES
                   | st.floats(allow_nan=False, allow_infinity=False),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(any_char), inner, max_size=3),
                    max_leaves=10))
def test_flow_yaml_reads_back_as_the_same_data(value: Any) -> None:
    if _has_surrogate(value):
        assert yaml.load(flow_yaml(value), Loader=yaml.SafeLoader) == value  # pure Python accepts the escape
    else:
        assert yaml.load(flow_yaml(value), Loader=yaml.CSafeLoader) == value


# ---------------------------------------------------------------- bugs found, now regression tests
#
# Each of these once crashed or misbehaved; they were found by the properties above and fixed
# (most in 3b4926e "Fix what property-based testing found"). Each input is also kept out of,
# or put back into, the strategies above as noted there.


BASE = """\
meta:
  title: T
  date: 2025-02-03
  locale: {locale}
  source: {{id: src, title: S}}
summary: [one]
"""
ONE_SECTION = "sections: [{id: a, title: A}]\n"


def _build_text(tmp_path: Path, text: str) -> Any:
    """The build's report, or the BriefingError it raised (checked to say where); anything else propagates."""
    outline_file = tmp_path / "outline.yaml"
    outline_file.write_text(text, encoding="utf-8")
    try:
        return build(outline_file, tmp_path / "out")
    except BriefingError as error:
        check_error(error, outline_file, text)
        return error


def test_section_number_100_builds_in_chinese(tmp_path: Path) -> None:
    """Was: locale.chinese_number indexed _CHINESE_DIGITS[tens] and raised IndexError from 100 on."""
    report = _build_text(tmp_path, BASE.format(locale="zh-CN") + "sections:\n  - {id: a, title: A, number: 100}\n")
    assert not isinstance(report, BriefingError), report.messages()


def test_an_infinite_value_is_refused_with_its_position(tmp_path: Path) -> None:
    """Was: value 'inf' passed the model (float, ge=0) and the bar chart raised ValueError
    'Axis limits cannot be NaN or Inf' in matplotlib."""
    result = _build_text(tmp_path, BASE.format(locale="en") + ONE_SECTION + """\
statistics: [{id: s, label: L, value: inf, unit: count, measures: M, source: src}]
charts: [{id: c, kind: bar, title: C, statistics: [s]}]
""")
    assert isinstance(result, BriefingError)
    assert any("statistics[0].value" in message for message in result.messages()), result.messages()


def test_a_point_that_is_one_long_word_is_reported_as_too_long(tmp_path: Path) -> None:
    """Was: fonts.wrap left an over-long word that starts a paragraph unsplit, so it counted as one line."""
    sections = f"sections: [{{id: a, title: A, points: [{'a' * 1200}]}}]\n"
    report = _build_text(tmp_path, BASE.format(locale="en") + sections)
    assert any("too long" in warning for warning in report.warnings), report.warnings


def test_wrapping_a_long_word_is_linear_in_its_length(monkeypatch) -> None:
    """Was: _fit_prefix measured text[:end] for every end, for every line cut: 2,000 characters took 2.5 s,
    4,000 took 19 s, and a build with one such point 15 s. Counted, not timed: the characters measured
    grow as the word does (the bug measured about n²/2 of them, and cut n/40 lines: cubic)."""
    from briefing.text import fonts

    measured = 0
    width_of = fonts.text_width_exact

    def counting(text: str, size_pt: float, bold: bool = False) -> float:
        nonlocal measured
        measured += len(text)
        return width_of(text, size_pt, bold)

    monkeypatch.setattr(fonts, "text_width_exact", counting)

    def characters_measured(letters: int) -> int:
        nonlocal measured
        measured = 0
        lines = fonts.wrap("x " + "a" * letters, 850, 20)
        assert lines[0] == "x" and "".join(lines[1:]) == "a" * letters and len(lines) > letters // 100
        return measured

    small, large = characters_measured(5_000), characters_measured(20_000)
    assert small >= 5_000  # every letter is measured: the count is of the work done
    assert large <= 4 * small + 100, (small, large)  # 4 times the letters, about 4 times the measuring


def test_long_keywords_build(tmp_path: Path) -> None:
    """Was: core properties over 255 characters (keywords joined, title, author) raised ValueError in python-docx."""
    keywords = ", ".join(f"keyword{i:02d}" for i in range(30))  # 328 characters once joined
    outline = BASE.format(locale="en").replace("  locale: en\n", f"  locale: en\n  keywords: [{keywords}]\n")
    report = _build_text(tmp_path, outline + ONE_SECTION)
    assert not isinstance(report, BriefingError), report.messages()


@pytest.mark.parametrize("day", ["2108-01-01", "9999-12-31", "1979-12-31", "0999-12-31", "0001-01-01"])
def test_a_date_an_office_file_cannot_carry_is_refused_with_its_position(tmp_path: Path, day: str) -> None:
    """Was: after 2107 reproducible.reproducible_zip raised struct.error (zip dates end in 2107); before 1000
    docProps/core.xml got '999-12-31T00:00:00Z', not a W3CDTF date."""
    result = _build_text(tmp_path, BASE.format(locale="en").replace("2025-02-03", day) + ONE_SECTION)
    assert isinstance(result, BriefingError)
    assert any("meta.date" in message for message in result.messages()), result.messages()


@pytest.mark.parametrize("day", ["1980-01-01", "2107-12-31"])
def test_the_first_and_last_dates_an_office_file_can_carry_build(tmp_path: Path, day: str) -> None:
    report = _build_text(tmp_path, BASE.format(locale="en").replace("2025-02-03", day) + ONE_SECTION)
    assert not isinstance(report, BriefingError), report.messages()
    for output in report.outputs:
        with zipfile.ZipFile(output.path) as archive:
            assert core_date_problems(archive) == [] and core_property_problems(archive) == []


def test_schema_version_1_is_accepted(tmp_path: Path) -> None:
    """Was: schema_version was Literal[1]; the loader keeps scalars as text, and '1' was refused as
    "'1' is not allowed (use one of: 1)"."""
    result = _build_text(tmp_path, "schema_version: 1\n" + BASE.format(locale="en") + ONE_SECTION)
    assert not isinstance(result, BriefingError), result.messages()


def test_a_long_bar_label_stays_in_its_row() -> None:
    """Was: labels were wrapped to 90 pt in fixed 0.42 in rows, so a 105-character label ran into the next one."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from briefing.charts.bars import draw_bars
    from briefing.charts.data import Bar, BarGroup
    from briefing.charts.style import configure
    from briefing.outline.model import Locale, Theme, Unit

    label = "Share of US adults who said in a January 2025 survey that they would move to another short-video platform"
    configure(Locale.EN)
    figure = draw_bars([BarGroup(Unit.PERCENT, (Bar(label, 5, "5%"), Bar("Creators", 7, "7%")))], Theme())
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [tick.label1.get_window_extent(renderer) for tick in figure.axes[0].yaxis.get_major_ticks()]
    assert len(boxes) == 2
    assert not boxes[0].overlaps(boxes[1]), [b.bounds for b in boxes]
    assert all(b.y0 >= 0 and b.y1 <= figure.bbox.height for b in boxes), "a label is cut off by the image"


def test_a_chart_character_no_font_has_is_reported(tmp_path: Path) -> None:
    """Was: drawn as an empty box with only matplotlib's UserWarning 'Glyph ... missing from font(s)' (an error
    under this project's pytest settings); now left out of the image, with a build warning."""
    report = _build_text(tmp_path, BASE.format(locale="en") + ONE_SECTION + """\
statistics: [{id: s, label: "\\u0800 users", value: 5, unit: count, measures: M, source: src}]
charts: [{id: c, kind: bar, title: C, statistics: [s]}]
""")
    assert not isinstance(report, BriefingError), report.messages()
    assert any("'c'" in warning for warning in report.warnings), report.warnings


def test_a_value_near_the_float_limit_is_refused_where_it_is_written(tmp_path: Path) -> None:
    """Was: a finite value near the float limit overflowed the bar chart's axis to inf. Values are limited to
    10¹⁵ (the outline reference says so), so 1.7e308 is refused at its place, by validate and build alike,
    before anything is drawn or written."""
    outline = tmp_path / "outline.yaml"
    outline.write_text(BASE.format(locale="en") + ONE_SECTION + """\
statistics: [{id: s, label: L, value: 1.7e308, unit: count, measures: M, source: src}]
charts: [{id: c, kind: bar, title: C, statistics: [s]}]
""", encoding="utf-8")
    message = refused(outline, "must be at most 1,000,000,000,000,000, got 1.7e308", where="statistics[0].value")
    assert message == f"{outline}:8:39: statistics[0].value: must be at most 1,000,000,000,000,000, got 1.7e308\n"


@pytest.mark.parametrize("blank", ["\\t", "\\r", "\\x85", "\\u2028"])
def test_a_tab_in_a_bar_label_is_drawn_or_reported(tmp_path: Path, blank: str) -> None:
    """Regression: blanks Noto Sans SC has no glyph for (tab, CR, NEL, U+2028) were drawn as boxes."""
    report = _build_text(tmp_path, BASE.format(locale="zh-CN") + ONE_SECTION + f"""\
statistics: [{{id: s, label: "a{blank}b", value: 5, unit: count, measures: M, source: src}}]
charts: [{{id: c, kind: bar, title: C, statistics: [s]}}]
""")
    assert not isinstance(report, BriefingError), report.messages()


def test_a_source_url_a_uri_cannot_hold_as_it_is_still_links(tmp_path: Path) -> None:
    """Was (found by test_a_clean_outline_always_builds once every output was schema-checked):
    'http://0000000%' became the hyperlink relationship's Target as it was, not an xs:anyURI."""
    url = "http://例子.cn/a%zz[1]?q=值#x#y"
    outline = BASE.format(locale="en").replace("{id: src, title: S}", f"{{id: src, title: S, url: '{url}'}}")
    report = _build_text(tmp_path, outline + ONE_SECTION)  # the output is schema-checked as it is published
    assert not isinstance(report, BriefingError), report.messages()
    document = docx.Document(str(next(o.path for o in report.outputs if o.path.suffix == ".docx")))
    targets = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert targets == ["http://%E4%BE%8B%E5%AD%90.cn/a%25zz%5B1%5D?q=%E5%80%BC#x%23y"]
    assert url in "\n".join(p.text for p in document.paragraphs)  # shown as the outline gives it


# outline.model.Url (https?:// then no space or control character), less what the loader refuses in any text.
_URLS = st.builds(operator.add, st.sampled_from(["http://", "https://"]), st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\ufffe\uffff\x7f"), min_size=1).filter(
    lambda tail: not re.search(r"[\s\x00-\x1f]", tail)))


@settings(max_examples=300, deadline=None)
@given(_URLS | st.from_regex(r"\Ahttps?://[\w:/?#\[\]@!$&'()*+,;=.~%-]+\Z", fullmatch=True))
def test_every_url_the_outline_accepts_makes_a_valid_link_target(url: str) -> None:
    """The target is an xs:anyURI whatever the URL; a URL that already is a URI is kept as it is."""
    from briefing.document.fields import link_target
    from tests.validate_ooxml import validate_part

    target = link_target(url)
    relationships = (f'<Relationships xmlns="{NS_RELATIONSHIPS}"><Relationship Id="r" Type="t" '
                     f'Target="{escape(target)}" TargetMode="External"/></Relationships>')
    assert validate_part(relationships.encode()) == ()
    if re.fullmatch(r"[\w:/?#@!$&'()*+,;=.~-]*", url, re.ASCII) and "%" not in url and validate_part(
            relationships.replace(escape(target), escape(url)).encode()) == ():
        assert target == url  # a URL that already is a URI is left as it is


NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
