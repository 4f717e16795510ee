"""From what a reader found to an Article, alike for every format: the title, the date line, the caveat,
heading levels and the numbers.

The title is not a block: the draft's own (a page's metadata, a text file's header or first line),
or else a first heading whose rank no other heading shares ('# Title' over '##' sections, Word's
'Title' style); a first paragraph that repeats the title is dropped too. Among the first few
paragraphs, before the running text, date lines give the publication date (and the source they name,
the publisher) and are dropped. Paragraphs that are the publisher's caveat are dropped, the first
becoming the Article's caveat. What is left is numbered from 1, headings included.
"""

from __future__ import annotations

from briefing.sources.article import Article, Block, Draft, Piece
from briefing.sources.errors import SourceError
from briefing.sources.lines import folded, is_running_text
from briefing.sources.metadata import Dateline, dateline, is_caveat, language
from briefing.sources.structure import heading_levels, numbering

# Date lines are looked for among this many paragraphs at the top, before the first running text.
_DATELINE_REACH = 4


def _take_title(draft: Draft, pieces: list[Piece]) -> str | None:
    """The title, its paragraph removed from `pieces` (see the module's docstring)."""
    title = draft.title
    first = pieces[0] if pieces else None
    if first is None:
        return title
    if title is not None and folded(first.text) == folded(title):
        pieces.pop(0)
    elif (first.rank is not None and all(piece.rank is None or piece.rank > first.rank for piece in pieces[1:])
          and numbering(first.text) is None and (title is None or first.rank <= 1)):
        # The headline (an h1, Word's Title style): not a block, whatever the metadata calls the article.
        pieces.pop(0)
        title = title or first.text
    return title


def _take_datelines(pieces: list[Piece]) -> Dateline | None:
    """The top's date lines, removed from `pieces`; the one that says 'published' first, else the first."""
    found: list[Dateline] = []
    index = 0
    while index < min(_DATELINE_REACH, len(pieces)) and not is_running_text(pieces[index].text):
        line = dateline(pieces[index].text) if pieces[index].rank is None else None
        if line is None:
            index += 1
        else:
            found.append(line)
            pieces.pop(index)
    return next((line for line in found if line.says_published), found[0] if found else None)


def finish(draft: Draft, location: str) -> Article:
    """The Article of a draft read from `location`; a SourceError naming it when it holds no paragraph of text."""
    pieces = [Piece(text, piece.rank, piece.may_be_heading) for piece in draft.pieces
              if (text := piece.text.strip(" \t\r\n\u3000\u00a0"))]
    caveats = [piece.text for piece in pieces if piece.rank is None and is_caveat(piece.text)]
    pieces = [piece for piece in pieces if piece.text not in caveats]
    title = _take_title(draft, pieces)
    line = _take_datelines(pieces)
    levels = heading_levels(pieces)
    if all(level is not None for level in levels):
        raise SourceError(f"no article text found in {location}: {draft.nothing_found}; "
                          "save the article's text as .txt or .md")
    blocks = tuple(Block(number, piece.text, level)
                   for number, (piece, level) in enumerate(zip(pieces, levels, strict=True), start=1))
    return Article(
        location=location,
        title=title,
        published=draft.published or (line.published if line else None),
        url=draft.url,
        publisher=draft.publisher or (line.publisher if line else None),
        caveat=draft.caveat or (caveats[0] if caveats else None),
        language=language("\n".join([title or "", *(block.text for block in blocks)])),
        blocks=blocks,
    )
