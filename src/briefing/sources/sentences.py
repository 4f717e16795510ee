"""Sentences and clauses of an article's paragraphs, and shortening them into slide-sized drafts.

A draft's points, event titles and labels are cut from the source's own sentences (where one ends
is text/sentences.py's rule); a clause ends at a comma, semicolon or colon. Shortening keeps whole
words (Chinese words by text/words.py) and whole clauses where it can, so a drafted point reads as
a phrase, not a fragment cut mid-word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.sentences import sentence_end

# (A comma between digits groups a number: '$436,000' is one.)
_CLAUSE_END = re.compile(r"(?:[，；;：:。！？!?]|(?<![0-9]),|,(?![0-9])|——|—|\.(?=\s))\s*")
_DANGLING = re.compile(r"\s+(?:a|an|the|of|for|to|in|on|at|and|or|but|with|by|from|as|that|whether|which|who|"
                       r"its|their|his|her)$", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph and where it is in it."""

    start: int
    end: int
    text: str


def is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def sentences(paragraph: str) -> list[Sentence]:
    """The paragraph's sentences, in order, each stripped of surrounding blanks."""
    found: list[Sentence] = []
    position = 0
    while position < len(paragraph):
        end = sentence_end(paragraph, position)
        piece = paragraph[position:end]
        stripped = piece.strip()
        if stripped:
            start = position + piece.index(stripped)
            found.append(Sentence(start, start + len(stripped), stripped))
        position = max(end, position + 1)
    return found


def sentence_at(paragraph: str, position: int) -> Sentence:
    """The sentence that holds the character at `position`."""
    for sentence in sentences(paragraph):
        if sentence.start <= position < sentence.end:
            return sentence
    return Sentence(0, len(paragraph), paragraph.strip())


_HALF_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_CJK_CHAR = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]"
# A half-width mark beside a Chinese character, and a blank between Chinese and a digit or another Chinese
# character (a web page's '1 月 18 日'); a blank between Chinese and a Latin word stays ('TikTok 停止').
_MARK_BESIDE_CJK = re.compile(rf"(?<={_CJK_CHAR})\s*([,:;()!?])\s*|\s*([,:;()!?])\s*(?={_CJK_CHAR})")
_BLANK_BESIDE_CJK = re.compile(rf"(?<={_CJK_CHAR})[ \t\u3000]+(?=[\d{_CJK_CHAR[1:-1]}])|"
                               rf"(?<=[\d%])[ \t\u3000]+(?={_CJK_CHAR})")


def typeset_chinese(text: str) -> str:
    """Chinese as the briefing writes it: full-width marks, no blanks inside Chinese or around its numbers
    ('美东时间 1 月 18 日深夜,一则' -> '美东时间1月18日深夜，一则'). The words are the same; evidence keeps
    the source's own form, and check compares them whatever their width and blanks."""
    text = _MARK_BESIDE_CJK.sub(lambda m: _HALF_WIDTH[m.group(1) or m.group(2)], text)
    return _BLANK_BESIDE_CJK.sub("", text)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause (between commas, semicolons or colons) holding text[start:end]."""
    left = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    following = _CLAUSE_END.search(text, end)
    if following:
        right = following.start()
    return left, right


def _words(text: str) -> list[str]:
    """Words and the spaces and marks between them, joined back into the text."""
    if is_chinese(text):
        from briefing.text.words import word_tokens

        return word_tokens(text)
    return re.findall(r"\S+\s*|\s+", text)


def shorten(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters (Chinese) or words (English): at the last clause that
    fits, else at a word; trailing marks dropped. A text that fits comes back as it is, without its
    sentence-final full stop."""
    text = text.strip()
    chinese = is_chinese(text)
    size = _size(text, chinese)
    if size <= limit:
        return _trim_end(text)
    # Whole clauses first: the longest run of leading clauses that fits, when it says enough.
    best = ""
    for match in _CLAUSE_END.finditer(text):
        head = text[: match.start()]
        if _size(head, chinese) <= limit:
            best = head
    if _size(best, chinese) >= limit // 2:
        return _trim_end(best)
    kept = ""
    for word in _words(text):
        if _size(kept + word, chinese) > limit:
            break
        kept += word
    return _trim_end(kept) or text[:limit]


def _size(text: str, chinese: bool) -> float:
    """Length as a reader sees it: in Chinese, characters, a Latin letter or digit counting half (it is
    about half as wide); in English, words."""
    if not chinese:
        return len(text.split())
    return sum(1 if _CJK.match(c) else 0.5 for c in text if not c.isspace())


def _trim_end(text: str) -> str:
    """The text without trailing marks, and without a quotation it opens but does not close."""
    for opening, closing in ("“”", "「」", "『』", "《》", "（）", "()"):
        if text.count(opening) > text.count(closing):
            text = text[: text.rindex(opening)]
    if text.count('"') % 2:
        text = text[: text.rindex('"')]
    text = text.strip().rstrip("，,；;：:、。.!！?？—- ")
    # An English cut ends on a word that carries meaning, not on 'a', 'of' or 'whether'.
    while (dangling := _DANGLING.search(text)) and dangling.start() > 0:
        text = text[: dangling.start()].rstrip(" ,;:—-")
    return text
