"""Text measured as Word and LibreOffice set it in the document's styles, with the bundled font
(text/fonts.py): its lines at a width, which the page model (pagination.py) counts every paragraph's
height by, and its width on one line, which a table's columns are made from (columns.py).

Chinese text is set the same way everywhere; Latin text in the theme's Latin font or whatever the
reader's machine substitutes for it, which may run wider (DejaVu Sans for Arial: up to a fifth in
bold), so what must fit on one line is given room for that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from briefing.document.geometry import ParagraphSpec
from briefing.text.fonts import break_tokens, text_width_exact, wrap_with

# Word and LibreOffice add about a quarter em between Chinese (full-width punctuation too: '图2）')
# and Latin letters or digits.
_ASIAN = r"[\u3400-\u9fff\uff01-\uff5e]"
_AUTOSPACE = re.compile(rf"(?<={_ASIAN})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?={_ASIAN})")
_AUTOSPACE_EM = 0.25
_FULL_WIDTH = re.compile(r"[\u2e80-\uffef]")
# How much wider Latin text may be set than the bundled font measures it (a substitute font).
LATIN_ALLOWANCE = 1.2


def line_count(text: str, width: float, style: ParagraphSpec) -> int:
    """Lines the text takes at the style's size, breaking Chinese anywhere."""
    return max(1, len(lines_of(text, width, style)))


def lines_of(text: str, width: float, style: ParagraphSpec) -> list[str]:
    """The text's lines at the style's size."""
    advance, joint = measures(style.size, style.bold)
    return wrap_with(text, width - style.indent, advance, joint, tokens=_tokens, hanging_most=1,
                     hanging_marks=_HANGING)


# The marks LibreOffice lets reach past the margin, one at a line's end; other closing marks that may not
# start a line take the character before them to the next line.
_HANGING = "、。，．"
# Opening brackets and quotes, which kinsoku keeps off a line's end: they go to the next line with what follows.
_OPENING = frozenset("（《「『【〔〖“‘([{")


def _tokens(text: str) -> list[str]:
    """Where a line may break: between Latin words and Chinese characters, never after an opening bracket."""
    tokens: list[str] = []
    for token in break_tokens(text):
        if tokens and tokens[-1][-1] in _OPENING and not token.isspace():
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def one_line(text: str, style: ParagraphSpec) -> float:
    """The room the text needs to stay on one line (each line of it, where it has line breaks), in any
    client's Latin font."""
    return max(_extent(_tokens(line), style, LATIN_ALLOWANCE) for line in text.split("\n"))


def width_of(line: str, style: ParagraphSpec) -> float:
    """The width of a line as the page model measures it."""
    return _extent(_tokens(line), style, 1.0)


def widest_word(text: str, style: ParagraphSpec) -> float:
    """The room its widest unbreakable piece needs (a Latin word or number, a Chinese character), in any
    client's Latin font."""
    return max((_extent([token], style, LATIN_ALLOWANCE) for token in _tokens(text) if not token.isspace()),
               default=0.0)


def _extent(tokens: list[str], style: ParagraphSpec, allowance: float) -> float:
    advance, joint = measures(style.size, style.bold)
    width = 0.0
    for index, token in enumerate(tokens):
        width += advance(token) * (1 if _FULL_WIDTH.match(token) else allowance)
        if index:
            width += joint(tokens[index - 1][-1], token[0])
    return width


@lru_cache(maxsize=64)
def measures(size: float, bold: bool) -> tuple[Callable[[str], float], Callable[[str, str], float]]:
    """A token's width and the space between two characters, at one size.

    Token widths and gaps are remembered: a document repeats its characters and words
    thousands of times, and measuring each once keeps the model a small part
    of writing a long document.
    """
    widths: dict[str, float] = {}
    joints: dict[str, float] = {}
    autospace = _AUTOSPACE_EM * size

    def advance(token: str) -> float:
        width = widths.get(token)
        if width is None:
            gaps = len(_AUTOSPACE.findall(token)) if len(token) > 1 else 0
            # A bold Chinese character keeps its full-em advance; only Latin text runs wider.
            wider = bold and not _FULL_WIDTH.match(token)
            width = widths[token] = text_width_exact(token, size, wider) + gaps * autospace
        return width

    def joint(before: str, after: str) -> float:
        pair = before + after
        gap = joints.get(pair)
        if gap is None:
            gap = joints[pair] = autospace if _AUTOSPACE.search(pair) else 0.0
        return gap

    return advance, joint
