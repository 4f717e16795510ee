"""Where a line may break: between words, never inside one, nor inside a quoted term.

Chinese has no spaces, so its words are found with rjieba (jieba's dictionary, in Rust): imported
only when a run of Chinese characters is long enough to need breaking, so commands that wrap no
long Chinese text (validate, most rebuilds) never load it. A quoted term (“不卖就禁用”, 「…」, 《…》)
is one unit; a number stays with the measure word after it (90天, 2025年); an opening bracket or
quote stays with what follows it. A unit wider than a whole line is still split by the wrapper, a
character at a time, as the last resort.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.fonts import _tokens, text_width, wrap_with

_QUOTED = re.compile(r"“[^”\n]{1,40}”|「[^」\n]{1,40}」|『[^』\n]{1,40}』|《[^》\n]{1,40}》|\"[^\"\n]{1,40}\"")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_OPENING = set("“‘（《「『【〔(")
_SHORT_RUN = 2  # a run of Chinese this short is one word as it is


@lru_cache(maxsize=4096)
def _segment(run: str) -> tuple[str, ...]:
    """A run of Chinese characters as words."""
    if len(run) <= _SHORT_RUN:
        return (run,)
    import rjieba  # about 0.1 s: only for text that needs it

    return tuple(rjieba.cut(run))


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
        units.extend(_tokens(text[position:run.start()]))
        units.extend(_segment(run.group()))
        position = run.end()
    units.extend(_tokens(text[position:]))
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
