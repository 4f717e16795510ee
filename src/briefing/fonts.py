"""The font files that ship with the tool, and text measured with their metrics.

Charts are drawn with these files and slides are planned with their advance
widths, so "does it fit" is answered by the same glyphs that are drawn. The
Noto Sans SC file covers Chinese and Latin text; Office clients may show
another font (Microsoft YaHei, PingFang SC), whose Chinese glyphs have the
same full-em advance, so a small safety margin covers the Latin difference.
"""

from __future__ import annotations

import re
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
    """Advance width of each code point, in ems, and the fallback width."""
    from fontTools.ttLib import TTFont

    with TTFont(sans_path(), lazy=True) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}
    return widths, 1.0


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of one line of text in points when set at size_pt."""
    widths, fallback = _advances()
    ems = sum(widths.get(ord(char), fallback) for char in text)
    # Bold faces run about 5% wider than regular ones.
    return ems * size_pt * SAFETY * (1.05 if bold else 1.0)


def _tokens(text: str) -> list[str]:
    """Break opportunities: whole Latin words, single CJK characters, spaces."""
    tokens: list[str] = []
    for match in re.finditer(r"[A-Za-z0-9%$.,'’\-/()（）×]+|\s+|.", text):
        tokens.append(match.group())
    return tokens


# Punctuation that must not start a line (kinsoku): it is kept with the
# character before it.
_NO_LINE_START = set("，。、；：？！）》」』】”’,.;:?!)%")


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Split text into lines no wider than width_pt; a word too long is split."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if not line or text_width(candidate.rstrip(), size_pt, bold) <= width_pt:
                line = candidate
                continue
            if token[0] in _NO_LINE_START:
                line = candidate  # hanging punctuation: never start a line with it
                continue
            lines.append(line.rstrip())
            line = token.lstrip()
            while line and text_width(line, size_pt, bold) > width_pt:
                cut = _fit_prefix(line, width_pt, size_pt, bold)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _fit_prefix(text: str, width_pt: float, size_pt: float, bold: bool) -> int:
    for end in range(len(text), 0, -1):
        if text_width(text[:end], size_pt, bold) <= width_pt:
            return end
    return 1
