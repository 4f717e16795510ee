"""Figures and dates named by id inside text: '{us-users}' -> 1.7亿, '{law-signed}' -> 2024年4月24日.

Writing a figure once, as a raw value in statistics, and referring to it from
prose keeps every mention consistent and in the locale's style. '{{' and
'}}' stand for literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import msgspec

from briefing.outline.errors import KeyPath
from briefing.outline.locale import format_date_range, format_value
from briefing.outline.model import Locale, Outline
from briefing.outline.textrefs import REFERENCE, text_fields

# Where a sentence begins: the start of the text, or after a full stop, question or exclamation mark.
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+)$")


def _replacer(outline: Outline) -> Callable[[str], str]:
    locale = outline.meta.locale
    values = {s.id: format_value(s, locale) for s in outline.statistics}
    values |= {e.id: format_date_range(e.date, e.end, locale) for e in outline.timeline}

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group()[0]  # '{{' -> '{', '}}' -> '}'
        value = values[match.group(1)]
        if locale is Locale.EN and _SENTENCE_START.search(match.string, 0, match.start()):
            return value[:1].upper() + value[1:]  # 'about 2 million' opening a sentence: 'About 2 million'
        return value

    return lambda text: REFERENCE.sub(replace, text)


def expand_references(outline: Outline) -> Outline:
    """The outline with every reference replaced by its formatted value (validated before)."""
    expand = _replacer(outline)
    expanded = outline
    for path, text in text_fields(outline):
        replaced = expand(text)
        if replaced != text:
            expanded = _with_value(expanded, path, replaced)
    return expanded


def _with_value(node: Any, path: KeyPath, value: str) -> Any:
    """node with the value at path replaced; everything off the path is shared, not copied."""
    if not path:
        return value
    key, rest = path[0], path[1:]
    if isinstance(key, int):
        items = list(node)
        items[key] = _with_value(items[key], rest, value)
        return items
    return msgspec.structs.replace(node, **{key: _with_value(getattr(node, key), rest, value)})
