"""Writing checks: text that would read wrong once its '{id}' references are filled in.

- A qualifier written before a reference whose statistic carries one already:
  '约{us-users}' would print '约约1.7亿'.
- A figure typed as a number where a statistic of that value exists: it will
  not follow the statistic when the figure is corrected, and may be written
  in another style than the locale's ('1.7亿' beside '170 million').

Each finding is a problem (path, message, hint) for validate.py to place at
its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.outline.errors import KeyPath
from briefing.outline.locale import round_significant, significant_digits
from briefing.outline.model import Outline, Qualifier, Statistic, Unit
from briefing.outline.textrefs import REFERENCE, text_fields

# Words that qualify a figure, as a writer would put them before one; longest first.
_QUALIFIER_WORDS = re.compile(
    r"(?:大约|大概|约|将近|接近|近|超过|逾|超|多达|不到|不足|少于|"
    r"\b(?:about|around|approximately|roughly|some|nearly|almost|over|more than|fewer than|less than|"
    r"under|up to)\s*)$",
    re.IGNORECASE,
)

_QUALIFIED_AS = {Qualifier.ABOUT: "about", Qualifier.NEARLY: "nearly", Qualifier.OVER: "over"}

Problem = tuple[KeyPath, str, str | None]


def doubled_qualifiers(outline: Outline) -> Iterator[Problem]:
    """'约{id}' where the statistic says 'about' itself: the reader would see the qualifier twice."""
    qualified = {s.id: s.qualifier for s in outline.statistics if s.qualifier is not None}
    for path, text in text_fields(outline):
        for match in REFERENCE.finditer(text):
            qualifier = qualified.get(match.group(1) or "")
            if qualifier is None:
                continue
            written = _QUALIFIER_WORDS.search(text, 0, match.start())
            if written:
                word = written.group().strip()
                yield (path, f"'{word}' is written before {match.group()}, whose statistic is "
                             f"'{_QUALIFIED_AS[qualifier]}' already: the reader would see it twice",
                       f"write {match.group()} alone; the statistic's qualifier prints with the figure")


# A number as prose writes a figure: 1.7亿, 3.5 万, 170 million, 2.4bn, 80%, 百分之八十 aside.
_SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12}
_FIGURE = re.compile(
    r"(?<![\d.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?:(?P<scale>万亿|亿|万|(?:thousand|million|billion|bn|trillion)(?![a-z]))|(?P<percent>%|％|percent(?![a-z])))?",
    re.IGNORECASE,
)
# A plain number this large is a count, not a day, a year or a section number.
_PLAIN_FIGURE_FROM = 10_000


def literal_figures(outline: Outline) -> Iterator[Problem]:
    """A number typed in text where a statistic has that value: it should be '{id}'."""
    statistics = list(outline.statistics)
    if not statistics:
        return
    for path, text in text_fields(outline):
        for written, value, percent in _figures(REFERENCE.sub(" ", text)):
            match = _statistic_of(statistics, value, percent)
            if match is not None:
                yield (path, f"'{written}' is typed as a number; the statistic '{match.id}' has this value",
                       f"write {{{match.id}}} instead, so the text follows the statistic and the locale's style")


def _figures(text: str) -> Iterator[tuple[str, float, bool]]:
    """(as written, value, is a percentage) for each figure in the text."""
    for found in _FIGURE.finditer(text):
        number = float(found.group("number").replace(",", ""))
        scale, percent = found.group("scale"), found.group("percent")
        if scale is None and percent is None and number < _PLAIN_FIGURE_FROM:
            continue
        value = number * _SCALES[scale.lower()] if scale else number
        yield found.group().strip(), value, percent is not None


def _statistic_of(statistics: list[Statistic], value: float, percent: bool) -> Statistic | None:
    """The statistic a written figure stands for: same kind, same value to the written precision."""
    digits = significant_digits(value)
    for statistic in statistics:
        if (statistic.unit is Unit.PERCENT) != percent:
            continue
        # A rounded figure counts from two significant digits: '2亿' may well mean another number.
        if statistic.value == value or (digits >= 2 and round_significant(statistic.value, digits) == value):
            return statistic
    return None
