"""Finding a writer's quotation of a source in the source itself, however its width, spaces and quote marks differ.

An outline's evidence copies the article's words, but the copy rarely matches byte for byte: the
article writes '，' and '１' where the outline has ',' and '1', puts spaces around figures ('1.7 亿')
that the writer leaves out, or the other way round, and curly quotes turn straight in an editor.
comparable() folds all of that away and keeps, for every character left, where it came from, so a
match in the folded text is a span of the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Quote marks a writer's editor or keyboard may have swapped for each other: one straight mark each.
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u301d\u301e\u301f\uff02\u00ab\u00bb"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\uff07"
_QUOTES = str.maketrans({**dict.fromkeys(_DOUBLE_QUOTES, '"'), **dict.fromkeys(_SINGLE_QUOTES, "'")})
# Invisible characters that are not whitespace to str.isspace() but separate nothing a reader sees.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def comparable(text: str) -> tuple[str, list[int]]:
    """`text` NFKC-folded (full width to half width), without whitespace, with one kind of each quote
    mark; and for each character of the result, the offset in `text` of the character it came from."""
    folded, starts, _ = _fold(text)
    return folded, list(starts)


def find_passage(haystack: str, needle: str) -> tuple[int, int] | None:
    """(start, end) in `haystack` of the first passage that reads as `needle` once both are comparable();
    None when there is none, or when `needle` has nothing to compare (only spaces)."""
    folded_needle = _fold(needle)[0]
    if not folded_needle:
        return None
    folded, starts, ends = _fold(haystack)
    at = folded.find(folded_needle)
    if at < 0:
        return None
    return starts[at], ends[at + len(folded_needle) - 1]


@lru_cache(maxsize=8)  # an article is searched once for each statistic's evidence: fold it once
def _fold(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The comparable text, and for each of its characters the start and end in `text` of its source.

    NFKC works on a character with the combining marks after it ('e' + U+0301 -> 'é'), and one
    character may give several ('㎏' -> 'kg'): each piece is folded whole and all it gives point to it."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index, length = 0, len(text)
    while index < length:
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        for char in unicodedata.normalize("NFKC", text[index:end]).translate(_QUOTES):
            if char.isspace() or char in _INVISIBLE:
                continue
            pieces.append(char)
            starts.append(index)
            ends.append(end)
        index = end
    return "".join(pieces), tuple(starts), tuple(ends)
