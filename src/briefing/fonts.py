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
    cache = _cache_folder() / f"advances-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    try:
        return marshal.loads(cache.read_bytes()), 1.0
    except (OSError, ValueError, EOFError, TypeError):
        pass
    widths = _read_advances(font_file)
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(widths))
        os.replace(temporary, cache)
    return widths, 1.0


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing"


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


_TOKEN = re.compile(r"[A-Za-z0-9%$.,'’\-/()（）×]+|\s+|.")


def _tokens(text: str) -> list[str]:
    """Break opportunities: whole Latin words, single CJK characters, spaces."""
    return _TOKEN.findall(text)


# Punctuation that must not start a line (kinsoku): it is kept with the
# character before it.
_NO_LINE_START = set("，。、；：？！）》」』】”’,.;:?!)%")


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Split text into lines no wider than width_pt; a word too long is split."""
    return wrap_with(text, width_pt, lambda token: text_width(token, size_pt, bold))


Joint = Callable[[str, str], float]


def wrap_with(text: str, width_pt: float, advance: Callable[[str], float], joint: Joint | None = None) -> list[str]:
    """Line breaking with any width function: Chinese breaks anywhere, Latin at spaces.

    advance(token) is a token's width; joint(a, b) is any extra space a client
    puts between two adjacent characters. Widths are added up as the line
    grows, so wrapping is linear in the length of the text.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, width, trailing = "", 0.0, 0.0  # width excludes trailing spaces, held in `trailing`
        for token in _tokens(paragraph):
            if token.isspace():
                if line:
                    line, trailing = line + token, trailing + advance(token)
                continue
            touching = line and not trailing  # no space between the line's end and this token
            extra = joint(line[-1], token[0]) if joint and touching else 0.0
            grown = width + trailing + extra + advance(token)
            if line and (grown <= width_pt or token[0] in _NO_LINE_START):
                # (punctuation that may not start a line hangs at the end of this one)
                line, width, trailing = line + token, grown, 0.0
                continue
            if line:
                lines.append(line.rstrip())
            line, width, trailing = token, advance(token), 0.0
            while width > width_pt and len(line) > 1:  # a single word wider than the line
                cut = _fit_prefix(line, width_pt, advance)
                lines.append(line[:cut])
                line = line[cut:]
                width = advance(line)
        lines.append(line.rstrip())
    return lines


def _fit_prefix(text: str, width_pt: float, advance: Callable[[str], float]) -> int:
    """How many leading characters fit (at least one), adding widths one character at a time."""
    width = 0.0
    for end, char in enumerate(text):
        width += advance(char)
        if width > width_pt:
            return max(end, 1)
    return len(text)
