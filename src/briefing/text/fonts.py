"""The font files that ship with the tool, and text measured with their metrics.

Charts are drawn with these files and slides are planned with their advance
widths, so "does it fit" is answered by the same glyphs that are drawn. The
Noto Sans SC file covers Chinese and Latin text; Office clients may show
another font (Microsoft YaHei, PingFang SC), whose Chinese glyphs have the
same full-em advance, so a small safety margin covers the Latin difference.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pylopdf_fonts_zh_cn

SANS_FAMILY = "Noto Sans SC"
# Room for the Office font's Latin glyphs being a little wider than Noto's.
SAFETY = 1.06


def sans_path() -> Path:
    return Path(pylopdf_fonts_zh_cn.sans_path())


@lru_cache(maxsize=1)
def _advances() -> tuple[dict[int, float], float]:
    """Advance width of each code point, in ems, and the fallback width.

    Reading them with fontTools takes a noticeable part of a build, so they
    are kept in the user's cache folder, keyed by the font file's size and
    time; any problem with that folder just means reading the font again.
    """
    font_file = sans_path()
    stat = font_file.stat()
    name = f"advances-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    cached = read_cached(name)
    if isinstance(cached, dict):
        return cached, 1.0
    widths = _read_advances(font_file)
    keep_cached(name, widths)
    return widths, 1.0


def _cache_folder() -> Path:
    """Where measurements worth keeping between builds go (the font's advances, segmented words)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing"


def read_cached(name: str) -> object | None:
    """What keep_cached kept under name; None when there is none or it cannot be read."""
    try:
        # The user's own cache, read as plain data: marshal runs no code, and whoever can write
        # there can change the user's shell start-up files anyway.
        return marshal.loads((_cache_folder() / name).read_bytes())  # noqa: S302
    except (OSError, ValueError, EOFError, TypeError):
        return None


def keep_cached(name: str, value: dict[Any, Any]) -> None:
    """Keep value (marshal-able) for later builds: written whole and renamed into place, so a reader
    never sees half of it; a cache folder that cannot be written just means measuring again."""
    with contextlib.suppress(OSError):
        cache = _cache_folder() / name
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, cache)


def _read_advances(font_file: Path) -> dict[int, float]:
    from fontTools.ttLib import TTFont

    with TTFont(font_file, lazy=True) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}


def missing_glyphs(text: str) -> str:
    """The characters of text that the bundled font cannot draw (in order, once each)."""
    widths, _ = _advances()
    return "".join(dict.fromkeys(char for char in text if ord(char) not in widths and not char.isspace()))


def text_width_exact(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of one line of text in points at size_pt, as the bundled font sets it."""
    widths, fallback = _advances()
    ems = sum(widths.get(ord(char), fallback) for char in text)
    # Bold faces run about 5% wider than regular ones.
    return ems * size_pt * (1.05 if bold else 1.0)


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width with a margin for a client font a little wider than ours: for "does it fit"."""
    return text_width_exact(text, size_pt, bold) * SAFETY


# A no-break space joins what it stands between ('2\u00a0November'): part of a word, never a break.
_TOKEN = re.compile(r"[A-Za-z0-9%$.,'’\-/()（）×\u00a0]+|[^\S\u00a0]+|.")


def break_tokens(text: str) -> list[str]:
    """Break opportunities: whole Latin words, single CJK characters, spaces."""
    return _TOKEN.findall(text)


# Punctuation that must not start a line (kinsoku): it is kept with the
# character before it, a few in a row at most ("。”）"), so a line stays about its width.
_NO_LINE_START = set("，。、；：？！）》」』】”’,.;:?!)%")
_MAX_HANGING = 3


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Split text into lines no wider than width_pt; a word too long is split."""
    return wrap_with(text, width_pt, lambda token: text_width(token, size_pt, bold))


Joint = Callable[[str, str], float]


def wrap_with(text: str, width_pt: float, advance: Callable[[str], float], joint: Joint | None = None,
              tokens: Callable[[str], list[str]] | None = None, hanging_most: int = _MAX_HANGING,
              hanging_marks: str | None = None) -> list[str]:
    """Line breaking with any width function: Chinese breaks anywhere, Latin at spaces.

    advance(token) is a token's width; joint(a, b) is any extra space a client
    puts between two adjacent characters. Each token is measured once and
    widths are added up as the line grows, and a line is kept as a list of
    its tokens, so wrapping is linear in the length of the text, whatever it is
    (one word of 100,000 letters, thousands of zero-width marks). tokens(paragraph) gives the units
    a line may break between (words.py: whole Chinese words); by default Latin words and each CJK character.
    hanging_most: how many marks that may not start a line may hang past its end, and hanging_marks which
    (all of them by default); where others follow, they start the next line with the word before them
    (as LibreOffice sets Chinese: one full stop or comma at most).
    """
    tokens = tokens or break_tokens
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []  # the line's tokens
        width, trailing, hanging = 0.0, 0.0, 0  # width excludes trailing spaces, held in `trailing`
        for token in tokens(paragraph):
            if token.isspace():
                if line:
                    line.append(token)
                    trailing += advance(token)
                continue
            touching = line and not trailing  # no space between the line's end and this token
            extra = joint(line[-1][-1], token[0]) if joint and touching else 0.0
            size = advance(token)
            grown = width + trailing + extra + size
            if line and grown <= width_pt:
                line.append(token)
                width, trailing = grown, 0.0
                continue
            if line and token[0] in _NO_LINE_START and hanging < hanging_most and (
                    hanging_marks is None or token[0] in hanging_marks):
                # (punctuation that may not start a line hangs at the end of this one)
                line.append(token)
                width, trailing, hanging = grown, 0.0, hanging + 1
                continue
            carried = _carried(line, token) if hanging_most < _MAX_HANGING or hanging_marks is not None else []
            if line:
                lines.append("".join(line).rstrip())
            if carried:  # the word before the marks goes down with them
                line = [*carried, token]
                width, trailing, hanging = sum(advance(piece) for piece in line), 0.0, 0
                continue
            if size > width_pt and len(token) > 1:  # a single word wider than the line
                pieces, token = _split_word(token, width_pt, advance)
                lines.extend(pieces)
                size = advance(token)
            line, width, trailing, hanging = [token], size, 0.0, 0
        lines.append("".join(line).rstrip())
    return lines


def _carried(line: list[str], token: str) -> list[str]:
    """What leaves the end of a line (in place) so that `token`, a mark that may not start a line, does not:
    the marks hanging there and the word before them; nothing where that would empty the line."""
    if token[0] not in _NO_LINE_START:
        return []
    end = len(line)
    while end > 1 and line[end - 1][0] in _NO_LINE_START:
        end -= 1
    if end <= 1 or line[end - 1].isspace():
        return []
    carried = line[end - 1:]
    del line[end - 1:]
    return carried


def _split_word(word: str, width_pt: float, advance: Callable[[str], float]) -> tuple[list[str], str]:
    """A word wider than the line cut into lines that fit (at least one character each), and
    what is left after them; its characters measured one at a time, in one pass."""
    pieces: list[str] = []
    start, width = 0, 0.0
    for end, char in enumerate(word):
        char_width = advance(char)
        if width + char_width > width_pt and end > start:
            pieces.append(word[start:end])
            start, width = end, 0.0
        width += char_width
    return pieces, word[start:]


ELLIPSIS = "…"


def clamp_lines(lines: list[str], max_lines: int, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """At most max_lines of wrapped lines: where there were more, the last one kept ends in an
    ellipsis, shortened until it fits the width with it."""
    if len(lines) <= max_lines:
        return lines
    if max_lines == 0:
        return []
    kept = lines[:max_lines]
    last = kept[-1]
    while last and text_width(last + ELLIPSIS, size_pt, bold) > width_pt:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return kept
