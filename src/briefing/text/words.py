"""Where a line may break: between words, never inside one, nor inside a quoted term.

Chinese has no spaces, so its words are found with rjieba (jieba's dictionary, in Rust). Loading
it takes about 0.1 s, so the words found are kept in the user's cache folder (as fonts.py keeps the
font's widths), keyed by rjieba's version: a build whose labels were segmented before never loads it.
A quoted term (“不卖就禁用”, 「…」, 《…》) is one unit; a number stays with the measure word after it
(90天, 2025年); an opening bracket or quote stays with what follows it. A unit wider than a whole
line is still split by the wrapper, a character at a time, as the last resort.
"""

from __future__ import annotations

import atexit
import re
from functools import lru_cache

from briefing.installed import version
from briefing.text.fonts import (
    break_tokens,
    keep_cached,
    read_cached,
    text_width,
    wrap_with,
)

_QUOTED = re.compile(r"“[^”\n]{1,40}”|「[^」\n]{1,40}」|『[^』\n]{1,40}』|《[^》\n]{1,40}》|\"[^\"\n]{1,40}\"")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_OPENING = set("“‘（《「『【〔(")
_SHORT_RUN = 2  # a run of Chinese this short is one word as it is


def _cache_name() -> str:
    return f"words-rjieba-{version('rjieba')}.marshal"


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, ...]]:
    """Runs segmented before, by this version of rjieba (any problem reading them: none)."""
    known = read_cached(_cache_name())
    return known if isinstance(known, dict) else {}


_learnt: dict[str, tuple[str, ...]] = {}


def _save() -> None:
    """Keep what this process segmented for the next."""
    if _learnt:
        keep_cached(_cache_name(), {**_known(), **_learnt})
        _learnt.clear()


@lru_cache(maxsize=4096)
def _segment(run: str) -> tuple[str, ...]:
    """A run of Chinese characters as words."""
    if len(run) <= _SHORT_RUN:
        return (run,)
    found = _known().get(run)
    if found is not None:
        return found
    import rjieba  # about 0.1 s: only for text not segmented before

    if not _learnt:
        atexit.register(_save)
    words = _learnt[run] = tuple(rjieba.cut(run))
    return words


@lru_cache(maxsize=4096)
def word_tokens(text: str) -> list[str]:
    """text as the units a line may break between, in order; joined they give text back."""
    units: list[str] = []
    position = 0
    for quoted in _QUOTED.finditer(text):
        units.extend(_plain_units(text[position:quoted.start()]))
        units.append(quoted.group())
        position = quoted.end()
    units.extend(_plain_units(text[position:]))
    return _glue(units)


def _plain_units(text: str) -> list[str]:
    units: list[str] = []
    position = 0
    for run in _CJK.finditer(text):
        units.extend(break_tokens(text[position:run.start()]))
        units.extend(_segment(run.group()))
        position = run.end()
    units.extend(break_tokens(text[position:]))
    return units


def _glue(units: list[str]) -> list[str]:
    glued: list[str] = []
    for unit in units:
        if glued and (glued[-1][-1] in _OPENING
                      or (glued[-1][-1].isdigit() and _CJK.match(unit) and len(unit) == 1)):
            glued[-1] += unit  # （ + 2025, 90 + 天
        else:
            glued.append(unit)
    return glued


def wrap_words(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """fonts.wrap, breaking only between words (and at spaces and punctuation)."""
    return wrap_with(text, width_pt, lambda token: text_width(token, size_pt, bold), tokens=word_tokens)
