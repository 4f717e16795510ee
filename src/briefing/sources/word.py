"""A Word document (.docx), read with python-docx: paragraphs and table rows in the body's order, headings
by their styles, the page headers and footers left out.

A heading is a paragraph whose style, or a style it is based on, is a heading: 'Heading 1' ('heading 1'
in the file, whatever language Word shows it in), a name like '标题 1' that some editors give, or a
style with an outline level (how Word itself knows a heading). 'Title' is the title. A table of
contents ('TOC 1' ...) is not the article's text.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from typing import Any

from briefing.sources.article import Draft, Piece
from briefing.sources.errors import SourceError

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEADING_NAME = re.compile(r"(?i)(?:heading|标题|標題)\s*(\d)")
_TITLE_NAME = re.compile(r"(?i)title|标题|標題")
_TABLE_OF_CONTENTS = re.compile(r"(?i)toc\s*\d|toc heading|目录\s*\d")
_OLD_WORD = b"\xd0\xcf\x11\xe0"  # the start of an old .doc (and any OLE2 file)
_BODY_TEXT = 9  # w:outlineLvl 9 is body text; 0 to 8 are heading levels 1 to 9


def _rank(style: Any) -> int | None:
    """The heading rank a paragraph style gives (0 for Title), from the style or the styles it is based on."""
    seen = 0
    while style is not None and seen < 10:  # a chain of based-on styles is short; a loop in it is not followed
        name = style.name or ""
        found = _HEADING_NAME.fullmatch(name.strip())
        if found:
            return int(found.group(1))
        if _TITLE_NAME.fullmatch(name.strip()):
            return 0
        level = style.element.find(f"{{{_W}}}pPr/{{{_W}}}outlineLvl")
        value = level.get(f"{{{_W}}}val") if level is not None else None
        if value is not None and value.isdigit() and int(value) < _BODY_TEXT:
            return int(value) + 1
        style, seen = style.base_style, seen + 1
    return None


def _refuse_what_is_not_a_docx(data: bytes, name: str) -> None:
    if data.startswith(_OLD_WORD):
        raise SourceError(f"{name} is an old Word document (.doc), not a .docx; "
                          "open it in Word and save it as a Word document (.docx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise SourceError(f"{name} is not a Word .docx file (it is not a zip package); "
                          "open it in Word and save it as a Word document (.docx)")


# The creation date python-docx's own blank document carries: a document made from it without setting
# a date of its own says nothing about when it was written.
_BLANK_DOCUMENT_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


def _read_properties(properties: Any, draft: Draft) -> None:
    """The title, author (as publisher) and creation date Word keeps in the document's properties, which
    assemble.finish takes before a date line in the text, as it takes a web page's own metadata."""
    draft.title = (properties.title or "").strip() or None
    draft.publisher = (properties.author or "").strip() or None
    created = properties.created
    if isinstance(created, datetime) and created != _BLANK_DOCUMENT_CREATED:
        draft.published = created.date()


def read_word(data: bytes, name: str) -> Draft:
    """The draft of a Word document; a SourceError naming `name` when it is not a readable .docx."""
    _refuse_what_is_not_a_docx(data, name)
    import docx  # only when a Word document is read
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        content = list(document.iter_inner_content())
    except (KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile) as error:
        raise SourceError(f"{name} is not a Word document that briefing can read ({error}); "
                          "open it in Word and save it as a Word document (.docx)") from None
    draft = Draft(nothing_found="the document has no paragraphs of text")
    _read_properties(document.core_properties, draft)
    for part in content:
        if not isinstance(part, Paragraph):  # a table, the one other kind of content in a body
            for row in part.rows:
                cells = list(dict.fromkeys(row.cells))  # a merged cell appears once for each grid column
                draft.pieces.append(Piece("\t".join(cell.text.strip() for cell in cells), may_be_heading=False))
            continue
        style = part.style
        if style is not None and _TABLE_OF_CONTENTS.fullmatch((style.name or "").strip()):
            continue
        draft.pieces.append(Piece(part.text, _rank(style)))
    return draft
