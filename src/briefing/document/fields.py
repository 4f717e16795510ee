"""Word fields, bookmarks and links: the XML python-docx has no API for.

A field is written with its current result (what a reader sees before any
refresh): a table of contents already lists the headings, a page reference
already shows a number, so LibreOffice, a PDF or a viewer that never updates
fields still shows something true.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import quote

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from briefing.ooxml.library_private import paragraph_element

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _run(parent, text: str | None = None) -> etree._Element:
    run = OxmlElement("w:r")
    if text is not None:
        element = OxmlElement("w:t")
        element.set(qn("xml:space"), "preserve")
        element.text = text
        run.append(element)
    parent.append(run)
    return run


def _field_char(parent, kind: str, dirty: bool = False) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")  # Word recomputes it when the file opens
    _run(parent).append(element)


@contextmanager
def field(parent, instruction: str, dirty: bool = False) -> Iterator[None]:
    """Write begin/instruction/separate, let the caller write the result, then end."""
    _field_char(parent, "begin", dirty)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    _run(parent).append(code)
    _field_char(parent, "separate")
    yield
    _field_char(parent, "end")


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES, SEQ) showing `shown` until it is updated."""
    with field(paragraph_element(paragraph), instruction):
        paragraph.add_run(shown)


def add_reference(paragraph: Paragraph, bookmark_name: str, shown: str) -> None:
    """A cross-reference: a REF field showing what the bookmark holds (a caption's number), linked to it,
    written with `shown` until it is updated. Word updates it with the numbers (on printing, or F9);
    LibreOffice shows the bookmark's text as it lays the document out."""
    add_field(paragraph, f"REF {bookmark_name} \\h", shown)


@contextmanager
def bookmarked(paragraph: Paragraph, name: str, bookmark_id: int) -> Iterator[None]:
    """A bookmark around what the caller adds to the end of the paragraph."""
    p = paragraph_element(paragraph)
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    p.append(start)
    yield
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p.append(end)


def bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Wrap the whole paragraph's content in a bookmark, as Word does for headings."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph_element(paragraph)
    properties = p.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def add_hyperlink(paragraph: Paragraph, url: str, colour: str) -> None:
    """An external link, underlined in the link colour; the text is the URL as the outline gives it."""
    relationship = paragraph.part.relate_to(link_target(url), HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = _run(link, url)
    properties = OxmlElement("w:rPr")
    run.insert(0, properties)  # before the text
    colour_element = OxmlElement("w:color")
    colour_element.set(qn("w:val"), colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(colour_element)
    properties.append(underline)
    paragraph_element(paragraph).append(link)


# A '%' that starts no escape, which a URI cannot hold.
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# What may stay as it is in each part of a URI (RFC 3986; letters, digits and '-._~' always may).
_SUB_DELIMS = "!$&'()*+,;=%"
_PATH = _SUB_DELIMS + ":@/"
_QUERY = _PATH + "?"
_PORT = re.compile(r"[0-9]*")


def link_target(url: str) -> str:
    """An http(s) URL as the outline allows it (outline.model.Url), as a relationship's target, which
    must be a URI (xs:anyURI): what its part of a URI cannot hold ('%' alone, '[', a second '#', a
    port that is no number, Chinese) is percent-encoded; a URI is left as it is."""
    scheme, _, rest = url.partition("://")
    rest, mark, fragment = rest.partition("#")
    rest, question, query = rest.partition("?")
    authority, slash, path = rest.partition("/")
    return (f"{scheme}://{_authority(authority)}{slash}{_encoded(path, _PATH)}{question}{_encoded(query, _QUERY)}"
            f"{mark}{_encoded(fragment, _QUERY)}")


def _authority(authority: str) -> str:
    userinfo, at, host = authority.rpartition("@")
    name, colon, port = host.rpartition(":")
    if colon and _PORT.fullmatch(port):
        host, port = name, colon + port if port else ""  # an empty port is the scheme's own: left out
    else:
        port = ""
    if not _is_ipv6_literal(host):
        host = _encoded(host, _SUB_DELIMS)
    return _encoded(userinfo, _SUB_DELIMS + ":") + at + host + port


def _is_ipv6_literal(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host[1:-1])
    except ValueError:
        return False
    return host.startswith("[") and host.endswith("]")


def _encoded(text: str, safe: str) -> str:
    return quote(_LONE_PERCENT.sub("%25", text), safe)


def table_of_contents(
    new_paragraph: Callable[[str], Paragraph], before: etree._Element, entries: list[tuple[int, str, str, int]],
    pages_known: bool, levels: str = "1-2",
) -> None:
    """A TOC field over the headings, filled with (level, text, bookmark, page) entries.

    Each entry links to its heading and shows its page through a PAGEREF
    field, which LibreOffice resolves when it lays out the document. Word
    shows the pages as written, without asking to update anything on open;
    when they are not known for sure (pages_known false), the field is
    marked dirty, which tells Word its result needs updating.
    """
    paragraphs: list[etree._Element] = []
    for index, (level, text, name, page) in enumerate(entries):
        paragraph = new_paragraph(f"TOC {level}")
        p = paragraph_element(paragraph)
        if index == 0:
            _field_char(p, "begin", dirty=not pages_known)
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f' TOC \\o "{levels}" \\h \\z \\u '
            _run(p).append(code)
            _field_char(p, "separate")
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        _run(link, text)
        _run(link).append(OxmlElement("w:tab"))
        with field(link, f"PAGEREF {name} \\h"):
            _run(link, str(page))
        p.append(link)
        if index == len(entries) - 1:
            _field_char(p, "end")
        paragraphs.append(p)
    for p in paragraphs:
        before.addprevious(p)
