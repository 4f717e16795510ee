"""How a line of text reads, measured alike for Chinese and English: its length, whether it ends a sentence,
whether it is running text or a label (a menu item, a heading, a date line)."""

from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w'’.-]*")
# A sentence ends with one of these, before any closing quote or bracket.
_SENTENCE_END = "。！？!?；;….．"
_CLOSING = "”’\"')）]】」』》 \t\u3000"
_CLAUSE = re.compile(r"[，,、；;。！？!?]")

# Running text: longer than this many Chinese characters or words, with a comma or a sentence mark.
_RUNNING_CHINESE = 20
_RUNNING_WORDS = 12


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def cjk_share(text: str) -> float:
    """The share of Chinese characters among the text's units (a Chinese character or a word each, as a
    Chinese character carries about what a word does); 0 for text without either."""
    total = units(text)
    return cjk_count(text) / total if total else 0.0


def units(text: str) -> int:
    """How long the text reads: one unit per Chinese character and per word of a Latin script (or number)."""
    return cjk_count(text) + len(_WORD.findall(_CJK.sub(" ", text)))


def ends_sentence(text: str) -> bool:
    """Whether the line ends as a sentence does: '。', '?', '.', before any closing quote or bracket."""
    stripped = text.rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def is_running_text(text: str) -> bool:
    """A paragraph of the article rather than a label: long enough, and made of clauses."""
    return ((_CLAUSE.search(text) is not None or ends_sentence(text))
            and not is_short(text, chinese=_RUNNING_CHINESE, words=_RUNNING_WORDS))


def is_short(text: str, *, chinese: int, words: int) -> bool:
    """At most `chinese` characters for Chinese text, at most `words` words otherwise."""
    if cjk_share(text) >= 0.5:
        return len(text.strip()) <= chinese
    return units(text) <= words


def folded(text: str) -> str:
    """Text as compared for sameness: width and case folded, whitespace and a trailing colon ignored."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).casefold()).rstrip(":")
