"""Heading levels: from the markup's headings, and from numbered headings written as plain paragraphs.

Chinese articles number their sections in the text: '一、' sections, '（一）' sub-sections, '1.' or '1、'
below them; English ones 'I.' and '1.', '1.1'. A numbered line is a heading only when it is short
(at most 40 Chinese characters or 12 words after the number) and is not a sentence: '1. The first
departure moves to 6:10 a.m.' is a list item, a paragraph.

Chinese news pages also set sub-headings off with a mark before them ('■交通“加速度”助力高质量发展', '●',
'◆', '▲', '★', '▶') or lenticular brackets round the whole line ('【新闻链接】'): such a line is a heading on the
same terms (short, not a sentence), unless it says what a marked line says when it is none (a picture's
caption '▲图为…', a credit '【责任编辑：…】', a source '【环球时报综合报道】', '【完】'), and unless a line next to it
has the same mark: a run of them is a bulleted list. Marked headings rank with '（一）'.

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

# Marks that set a heading off, and what a marked line says when it is no heading.
_MARKS = "■◆●▲★▶◼"
_MARKED = re.compile(rf"([{_MARKS}])\s*")
_BRACKETED = re.compile(r"【([^【】]+)】")
_BRACKETS = "【】"
_MARKED_RANK = 2
_NOT_A_HEADING = re.compile(
    r"(?:图|圖|资料图|資料圖|视频|視頻|摄影|攝影|来源|來源|编辑|編輯|责任编辑|責任編輯|记者|記者|完$|end$)"
    r"|.*(?:报道|報道|日电|日電|社电|社電|报讯|報訊|网讯|網訊)$", re.IGNORECASE)

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
    """How a heading is numbered or marked, or None when the line is not one (no number or mark, too long,
    a sentence). Whether a line next to a marked one makes both a list is heading_levels' to say."""
    marked = _marked(text)
    if marked is not None:
        return marked
    for kind, rank, pattern in _KINDS:
        found = pattern.match(text)
        if found is None:
            continue
        if kind == "I." and not _ROMAN.fullmatch(found.group(1)):
            return None
        words = text[found.end():].strip()
        return Numbering(kind, rank, words) if _reads_as_heading(words) else None
    return None


def _marked(text: str) -> Numbering | None:
    bracketed = _BRACKETED.fullmatch(text.strip())
    marked = _MARKED.match(text)
    if bracketed is not None:
        kind, words = _BRACKETS, bracketed.group(1).strip()
    elif marked is not None:
        kind, words = marked.group(1), text[marked.end():].strip()
    else:
        return None
    if not _reads_as_heading(words) or _NOT_A_HEADING.match(words):
        return None
    return Numbering(kind, _MARKED_RANK, words)


def _reads_as_heading(words: str) -> bool:
    return bool(words) and not ends_sentence(words) and is_short(words, chinese=_HEADING_CHINESE,
                                                                  words=_HEADING_WORDS)


def is_marked(found: Numbering) -> bool:
    """Whether a heading is set off by a mark or brackets rather than numbered."""
    return found.kind in _MARKS or found.kind == _BRACKETS


def heading_levels(pieces: Sequence[Piece]) -> list[int | None]:
    """Each piece's heading level (1 to 3), or None for a paragraph; see the module's docstring."""
    # What is open, outermost first: ('markup', rank) for a markup heading, ('number', rank) for a numbered one.
    open_: list[tuple[str, int]] = []
    levels: list[int | None] = []
    found_in = [numbering(piece.text) if piece.rank is None and piece.may_be_heading else None for piece in pieces]
    for index, piece in enumerate(pieces):
        found = found_in[index]
        if found is not None and is_marked(found) and any(
                0 <= other < len(pieces) and (near := found_in[other]) is not None and near.kind == found.kind
                for other in (index - 1, index + 1)):
            found = None  # a bulleted list, not headings
        if piece.rank is not None:
            # A markup heading closes every numbered heading, and markup headings of its rank and below.
            while open_ and (open_[-1][0] == "number" or open_[-1][1] >= piece.rank):
                open_.pop()
            open_.append(("markup", piece.rank))
        elif found is not None:
            while open_ and open_[-1][0] == "number" and open_[-1][1] >= found.rank:
                open_.pop()
            open_.append(("number", found.rank))
        else:
            levels.append(None)
            continue
        levels.append(min(len(open_), _DEEPEST))
    return levels
