"""Heading levels: from the markup's headings, and from numbered headings written as plain paragraphs.

Chinese articles number their sections in the text: '一、' sections, '（一）' sub-sections, '1.' or '1、'
below them; English ones 'I.' and '1.', '1.1'. A numbered line is a heading only when it is short
(at most 40 Chinese characters or 12 words after the number) and is not a sentence: '1. The first
departure moves to 6:10 a.m.' is a list item, a paragraph.

Levels are relative to what the document uses, nested as the reader meets them: a heading of a kind
already open closes what was opened below it, a new kind opens a level below the current one. So an
article whose only headings are '（一）' has them at level 1; '1.' is level 3 under a '（一）' under a
'一、', and level 2 directly under a '一、'. Markup headings (h2, '##', 'Heading 1') sit above numbered
paragraphs in the same way, ranked by their own level. Levels below 3 are given as 3.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.sources.article import Piece
from briefing.sources.lines import ends_sentence, is_short

_ZH_DIGITS = "一二三四五六七八九十百零〇两"
# What follows a number that is a quantity, not a section's number ('1.7 亿', '2.4 million').
_NOT_A_QUANTITY = r"(?![万亿千百%倍]|(?i:million|billion|thousand|trillion|percent|per cent)\b)"
_ROMAN = re.compile(r"(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})")

# Each kind of numbering, by how high its headings usually sit (a lower rank is a higher level).
# The pattern matches the number and the space after it; what follows is the heading's words.
_KINDS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("第一章", 0, re.compile(rf"第[{_ZH_DIGITS}\d]+[章部篇节][、:：\s]*")),
    ("一、", 1, re.compile(rf"[{_ZH_DIGITS}]+[、．.]\s*")),
    ("I.", 1, re.compile(r"([IVXL]+)\.\s+")),
    ("（一）", 2, re.compile(rf"[（(][{_ZH_DIGITS}]+[）)][、\s]*")),
    ("1.1.1", 5, re.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+")),
    ("1.1", 4, re.compile(rf"\d{{1,2}}\.\d{{1,2}}\.?\s++{_NOT_A_QUANTITY}")),
    ("1.", 3, re.compile(rf"\d{{1,2}}(?:[、．]\s*+|\.(?:\s++|(?=[^\x00-\x7f]))){_NOT_A_QUANTITY}")),
    ("（1）", 6, re.compile(r"[（(]\d{1,2}[）)][、\s]*")),
)

# A numbered heading's words after the number: at most this long.
_HEADING_CHINESE = 40
_HEADING_WORDS = 12
_DEEPEST = 3


@dataclass(frozen=True)
class Numbering:
    kind: str  # '一、', '（一）', '1.', '1.1', 'I.' ...: which numbering it is, by an example
    rank: int  # how high headings so numbered sit
    words: str  # the heading's words after the number


def numbering(text: str) -> Numbering | None:
    """How a numbered heading is numbered, or None when the line is not one (no number, too long, a sentence)."""
    for kind, rank, pattern in _KINDS:
        found = pattern.match(text)
        if found is None:
            continue
        if kind == "I." and not _ROMAN.fullmatch(found.group(1)):
            return None
        words = text[found.end():].strip()
        if not words or ends_sentence(words) or not is_short(words, chinese=_HEADING_CHINESE, words=_HEADING_WORDS):
            return None
        return Numbering(kind, rank, words)
    return None


def heading_levels(pieces: Sequence[Piece]) -> list[int | None]:
    """Each piece's heading level (1 to 3), or None for a paragraph; see the module's docstring."""
    # What is open, outermost first: ('markup', rank) for a markup heading, ('number', rank) for a numbered one.
    open_: list[tuple[str, int]] = []
    levels: list[int | None] = []
    for piece in pieces:
        if piece.rank is not None:
            # A markup heading closes every numbered heading, and markup headings of its rank and below.
            while open_ and (open_[-1][0] == "number" or open_[-1][1] >= piece.rank):
                open_.pop()
            open_.append(("markup", piece.rank))
        elif piece.may_be_heading and (found := numbering(piece.text)) is not None:
            while open_ and open_[-1][0] == "number" and open_[-1][1] >= found.rank:
                open_.pop()
            open_.append(("number", found.rank))
        else:
            levels.append(None)
            continue
        levels.append(min(len(open_), _DEEPEST))
    return levels
