"""Markdown, parsed by markdown-it-py (CommonMark, with tables): headings with their levels, paragraphs,
list items, quotes and table rows as plain text, the markup's marks taken out.

A front matter block ('---' lines around YAML at the top) gives metadata: title, date or published,
url (or a source that is an address), publisher (or site, or a source that is a name), caveat or disclaimer.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

import yaml

from briefing.sources.article import Draft, Piece
from briefing.sources.metadata import full_date

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _front_matter(text: str, draft: Draft) -> str:
    """The text after the front matter, its metadata put in `draft`; all the text when it has none."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return text
    try:
        fields = yaml.safe_load(found["yaml"])
    except yaml.YAMLError:
        return text  # not front matter after all: a thematic break, say
    if not isinstance(fields, dict):
        return text
    fields = {str(key).lower(): value for key, value in fields.items()}

    def first(*keys: str) -> Any:
        return next((fields[key] for key in keys if fields.get(key) not in (None, "")), None)

    when = first("date", "published", "published_at", "publication_date")
    draft.title = str(first("title")) if first("title") is not None else None
    draft.published = when.date() if isinstance(when, datetime) else when if isinstance(when, date) else (
        full_date(str(when)) if when is not None else None)
    source = first("source")
    address = first("url", "link", "canonical", "canonical_url") or (
        source if isinstance(source, str) and source.startswith(("http://", "https://")) else None)
    draft.url = str(address) if address else None
    publisher = first("publisher", "site", "site_name", "sitename") or (source if source != address else None)
    draft.publisher = str(publisher) if publisher else None
    caveat = first("caveat", "disclaimer")
    draft.caveat = str(caveat) if caveat else None
    return text[found.end():]


def _inline(token: Any) -> str:
    """An inline token's text without its marks: a soft break as a space (none between Chinese characters)."""
    parts: list[str | None] = []  # None: a soft break, decided once what follows it is known
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "softbreak":
            parts.append(None)
    text = ""
    for index, part in enumerate(parts):
        if part is None:
            after = next((later for later in parts[index + 1:] if later), "")
            text += "" if _wide(text[-1:]) and _wide(after[:1]) else " "
        else:
            text += part
    return text


def _wide(character: str) -> bool:
    """A Chinese character or full-width punctuation: lines broken between two are joined without a space."""
    return bool(character) and unicodedata.east_asian_width(character) in ("W", "F")


def read_markdown(text: str) -> Draft:
    """The draft of a Markdown article."""
    from markdown_it import MarkdownIt  # only when Markdown is read

    draft = Draft()
    tokens = MarkdownIt("commonmark").enable("table").parse(_front_matter(text, draft))
    lists = 0  # how deep in lists the token is: a list item's number is the list's
    row: list[str] | None = None
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            draft.pieces.append(Piece("\t".join(row), may_be_heading=False))
            row = None
        elif token.type == "inline" and row is not None:
            row.append(_inline(token))
        elif token.type == "inline":
            opened = tokens[index - 1]
            rank = int(opened.tag[1]) if opened.type == "heading_open" else None
            draft.pieces.append(Piece(_inline(token), rank, may_be_heading=not lists))
        elif token.type in ("fence", "code_block"):
            draft.pieces.append(Piece(token.content.rstrip("\n"), may_be_heading=False))
    return draft
