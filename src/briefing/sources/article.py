"""What reading a source gives: an Article of numbered Blocks, and the Draft each reader fills on the way.

Block.number is a contract with an outline's `evidence.paragraph`: the same file always gives the same
numbers. The body is numbered from 1 after the title, headings counted as blocks, the title not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Block:
    number: int  # 1-based paragraph number within the article body; evidence cites it
    text: str  # one paragraph or heading, whitespace inside kept as the source has it
    heading: int | None  # 1 = section, 2 = sub-section, 3 = below; None for a body paragraph


@dataclass(frozen=True)
class Article:
    location: str  # the path or URL as given
    title: str | None
    published: date | None
    url: str | None
    publisher: str | None
    caveat: str | None  # the publisher's own warning about the content, where the page has one
    language: str  # 'zh-CN' or 'en' (from the text: share of CJK characters)
    blocks: tuple[Block, ...]  # the body after the title: headings and paragraphs, in order


@dataclass(frozen=True)
class Piece:
    """A paragraph as a reader found it, before numbering.

    rank: the heading's rank in the markup (1 for h1, 'Heading 1' or '#'; 0 for a document title style);
    None for a paragraph, whose numbering ('一、', '1.1') may still make it a heading (structure.py).
    """

    text: str
    rank: int | None = None
    # False where a number belongs to the markup around the text (a list item's), not to a heading.
    may_be_heading: bool = True


@dataclass
class Draft:
    """What one reader found: the pieces in order, and whatever metadata the format itself carries.
    assemble.finish fills the rest from the text and turns it into an Article."""

    pieces: list[Piece] = field(default_factory=list)
    title: str | None = None
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    caveat: str | None = None
    # Why nothing was found, when nothing was: the first half of the message that says so.
    nothing_found: str = "it has no paragraphs of text"
