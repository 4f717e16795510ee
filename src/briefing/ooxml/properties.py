"""Document properties, for both writers: core (title, author, dates, language) from the outline,
extended (docProps/app.xml: the application, counts, titles of parts) from what the file holds.

python-docx and python-pptx expose the same core-properties object; filling
it here keeps the template's defaults (author "python-docx", 2013 dates) and
the clock out of every file we write. Neither library writes app.xml: both
keep their template's, which counts its pages and slides, not ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any, Protocol

from briefing.ooxml.xmltext import escape


class Described(Protocol):
    """What the core properties say about a file: the outline's meta has these."""

    @property
    def title(self) -> str: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def keywords(self) -> list[str]: ...
    @property
    def date(self) -> date: ...


# Office limits most core properties to 255 characters (python-docx refuses longer ones).
PROPERTY_LIMIT = 255


def _fit(text: str) -> str:
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def fill_core_properties(properties: Any, meta: Described, language: str) -> None:
    """python-docx's or python-pptx's core properties, filled in; language: a BCP 47 tag."""
    properties.title = _fit(meta.title)
    properties.subject = _fit(meta.subtitle or meta.title)
    properties.author = _fit(meta.author or "")
    properties.last_modified_by = _fit(meta.author or "")
    properties.keywords = _fit("; ".join(meta.keywords))
    properties.language = language
    properties.comments = ""
    properties.revision = 1
    # The briefing's own date: rebuilding the same outline gives the same properties.
    stamp = datetime.combine(meta.date, time(0, 0))
    properties.created = properties.modified = properties.last_printed = stamp


APPLICATION = "briefing"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# As Word counts: each Chinese, Japanese or Korean character is a word; so is each run of other
# characters between spaces. CJK punctuation separates words without being one.
_ASIAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD = re.compile(f"[{_ASIAN}]|[^\\s{_ASIAN}\u3000-\u303f\uff00-\uffef]+")


def text_counts(paragraphs: Iterable[str]) -> dict[str, int]:
    """Word's statistics of a document's paragraphs: words, characters with and without spaces, paragraphs."""
    words = characters = spaces = count = 0
    for text in paragraphs:
        if not text.strip():
            continue  # Word counts paragraphs with text only
        count += 1
        words += len(_WORD.findall(text))
        blanks = sum(1 for character in text if character.isspace())
        characters += len(text) - blanks
        spaces += blanks
    return {"Words": words, "Characters": characters, "CharactersWithSpaces": characters + spaces,
            "Paragraphs": count}


def extended_properties(values: dict[str, str | int], titles: list[tuple[str, list[str]]]) -> bytes:
    """docProps/app.xml: the application, then values (Pages, Slides...), then the titles of the
    file's parts by kind (("Slide Titles", [...]), as Office lists them)."""
    fields = "".join(f"<{name}>{escape(str(value))}</{name}>" for name, value in
                     {"Application": APPLICATION, **values}.items())
    pairs = "".join(f"<vt:variant><vt:lpstr>{escape(kind)}</vt:lpstr></vt:variant>"
                    f"<vt:variant><vt:i4>{len(names)}</vt:i4></vt:variant>" for kind, names in titles)
    names = [escape(name) for _, kind_names in titles for name in kind_names]
    parts = "".join(f"<vt:lpstr>{name}</vt:lpstr>" for name in names)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{_EXTENDED}" xmlns:vt="{_VARIANT_TYPES}">{fields}'
            f'<HeadingPairs><vt:vector size="{2 * len(titles)}" baseType="variant">{pairs}</vt:vector></HeadingPairs>'
            f'<TitlesOfParts><vt:vector size="{len(names)}" baseType="lpstr">{parts}</vt:vector></TitlesOfParts>'
            "</Properties>").encode()
