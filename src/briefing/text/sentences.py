"""Where a sentence around a position starts and ends, in Chinese and English: what dates.py reads a
date's tense from and quotes.py reads a quote's speaker from.

A sentence ends at 。！？；, at a line break, and at '.', '!' or '?' followed by a space and then not
by a small letter ('"We will win!" she added' goes on), except at the full stop of an abbreviation
that is usually followed by more of the sentence ('Jan. 18', 'Mr. Chew', 'U.S. officials'). Closing
quote marks and footnote marks ('.[1]') after the stop stay with the sentence they close.
"""

from __future__ import annotations

import re

# Abbreviations a full stop follows inside a sentence: months, titles, 'U.S.', 'No. 3'.
_ABBREVIATIONS = (
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt"
    "|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|etc|approx|U\\.S|U\\.K|U\\.N|E\\.U"
)

_ABBREVIATION = re.compile(_ABBREVIATIONS)
_WORD_BEFORE = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]+$")


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at text[stop] ends an abbreviation ('Jan.', 'Mr.', 'U.S.') or an initial ('J.')."""
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if word is None:
        return False
    letters = word.group()
    return bool(_ABBREVIATION.fullmatch(letters)) or (len(letters) == 1 and letters.isupper())


# A stop takes the closing marks after it, and the footnote marks of a page copied from a wiki ('the Act.[1] The
# court'); an English one must be followed by a space and not by a small letter ('"We will win!" she added' goes on).
_STOP = re.compile(r"[。！？；\n]+[”’」』\"']*|[.!?]+[”’\"']*(?:\[\d{1,3}\])*(?=\s|$)(?!\s+[a-z])")


def sentence_start(text: str, position: int, floor: int = 0) -> int:
    """Where the sentence holding text[position] starts: after the last sentence end before it (not before floor)."""
    start = floor
    for stop in _STOP.finditer(text, floor, position):
        if not _is_abbreviation(text, stop.start()):
            start = stop.end()
    while start < position and text[start] in " \t\u3000":
        start += 1
    return start


def sentence_end(text: str, position: int) -> int:
    """Where the sentence holding text[position] ends: just after its closing punctuation, or the text's end."""
    for stop in _STOP.finditer(text, position):
        if not _is_abbreviation(text, stop.start()):
            return stop.end()
    return len(text)
