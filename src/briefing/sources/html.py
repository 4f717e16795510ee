"""A saved web page: its main text by trafilatura, which leaves out the site's navigation, related links,
comments and footer; and its metadata (title, date, address, site name as the publisher).

trafilatura's XML output keeps the page's headings with their levels (<head rend="h2">), its lists
and tables. trafilatura takes about 0.1 s to import, so it is imported here, when a page is read.
A caveat the page shows outside the main text (beside it, in its footer) is looked for on the whole page.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from briefing.sources.article import Draft, Piece
from briefing.sources.metadata import is_caveat

_HEADING_RANK = re.compile(r"h([1-6])")
# Elements of a page whose own text may be the publisher's caveat, when the main text has none.
_CAVEAT_HOLDERS = ("p", "div", "span", "small", "li", "td", "section", "footer", "aside", "em", "strong", "font")
_LONGEST_CAVEAT = 600  # characters, spaces included: far more than the longest caveat is_caveat takes


def _text(element: etree._Element) -> str:
    """The element's text as trafilatura gives it, a line break as a new line."""
    parts = [element.text or ""]
    for child in element:
        parts += ["\n" if child.tag == "lb" else _text(child), child.tail or ""]
    return "".join(parts)


def _pieces(element: etree._Element) -> list[Piece]:
    """Each paragraph, heading, list item and table row in `element` (trafilatura's <main>), in order."""
    pieces: list[Piece] = []
    for child in element:
        if child.tag == "head":
            found = _HEADING_RANK.fullmatch(child.get("rend", ""))
            pieces.append(Piece(_text(child), int(found.group(1)) if found else 2))
        elif child.tag in ("p", "code"):
            pieces.append(Piece(_text(child)))
        elif child.tag == "list":
            pieces += _items(child)
        elif child.tag == "table":
            for row in child.iter("row"):
                cells = [_text(cell).strip() for cell in row.iterchildren("cell")]
                pieces.append(Piece("\t".join(cells), may_be_heading=False))
        elif child.tag in ("quote", "div"):
            pieces += _pieces(child) or [Piece(_text(child))]
    return pieces


def _items(listing: etree._Element) -> list[Piece]:
    """A list's items, each a paragraph (its number the list's, not a heading's), nested lists after their item."""
    pieces: list[Piece] = []
    for item in listing.iterchildren("item"):
        text = (item.text or "") + "".join(
            ("" if part.tag == "list" else _text(part)) + (part.tail or "") for part in item)
        pieces.append(Piece(text, may_be_heading=False))
        for nested in item.iterchildren("list"):
            pieces += _items(nested)
    return pieces


def _date(written: str | None) -> date | None:
    try:
        return date.fromisoformat(written) if written else None
    except ValueError:
        return None


def _caveat_on_page(text: str) -> str | None:
    """A caveat anywhere on the page: the words of the innermost element that is one, the first such."""
    try:
        page = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    found = [(element, words) for element in page.iter(*_CAVEAT_HOLDERS)
             if (words := _short_words(element)) and is_caveat(words)]
    innermost = [words for element, words in found
                 if not any(other is not element and element in other.iterancestors() for other, _ in found)]
    return innermost[0] if innermost else None


def _short_words(element: etree._Element) -> str | None:
    """The element's words, spaces between them made single; None when they are longer than a caveat is
    (read no further then: an element holding the whole page is met first, and every one inside it)."""
    parts: list[str] = []
    length = 0
    for part in element.itertext():
        parts.append(part)
        length += len(part)
        if length > _LONGEST_CAVEAT:
            return None
    return " ".join("".join(parts).split())


def read_html(text: str, url: str | None = None) -> Draft:
    """The draft of a web page's article; no pieces when trafilatura finds no main text."""
    import trafilatura  # slow to import: only when a page is read

    draft = Draft(nothing_found="the page has no main text that briefing can tell from its menus and links "
                                "(a page that builds its text with JavaScript, or a sign-in page?)")
    extracted = trafilatura.extract(
        text, url=url, output_format="xml", with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, include_formatting=False, deduplicate=False)
    if extracted:
        document = etree.fromstring(extracted.encode("utf-8"))
        draft.title = document.get("title") or None
        draft.url = document.get("url") or url
        draft.publisher = document.get("sitename") or None
        draft.published = _date(document.get("date"))
        main = document.find("main")
        draft.pieces = _pieces(main) if main is not None else []
    if not any(is_caveat(piece.text) for piece in draft.pieces):
        draft.caveat = _caveat_on_page(text)
    return draft
