"""From what a reader found to an Article, alike for every format: the title, the date line, the caveat,
the story's credits, heading levels and the numbers.

The title is not a block: the draft's own (a page's metadata, a text file's header or first line),
or else a first heading whose rank no other heading shares ('# Title' over '##' sections, Word's
'Title' style); a first paragraph that repeats the title is dropped too. Among the first few
paragraphs, before the running text, date lines give the publication date (and the source they name,
the publisher) and are dropped. Paragraphs that are the publisher's caveat are dropped, the first
becoming the Article's caveat.

The story's credits (bylines.py) are not its words: credit lines above the first paragraph of running
text and below the last are dropped, a news dateline is cut from the start of the paragraph it opens
(up to the first of running text), and a bracketed credit from the end of the last paragraph. Block
texts are the source's words still, each a stretch of one paragraph, so evidence cut from them is found
in the source as it is. Without a publication date from the page or a date line, the dateline's month and
day give one, in the year it writes (a byline's lede: '记者/李国良 2025年3月5日,') or else the year the
page's address is dated with; its agency is the publisher when nothing else names one. What is left is
numbered from 1, headings included.
"""

from __future__ import annotations

from datetime import date

from briefing.sources.article import Article, Block, Draft, Piece
from briefing.sources.bylines import NewsDateline, is_credit, news_dateline, trailing_credit
from briefing.sources.errors import SourceError
from briefing.sources.lines import folded, is_running_text
from briefing.sources.metadata import Dateline, date_in_address, dateline, is_caveat, language
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


def _take_datelines(pieces: list[Piece]) -> tuple[date | None, str | None]:
    """The top's date lines, removed from `pieces`: the publication date (of the one that says 'published'
    first, else of the first dated one) and the publisher (that line's source, else the first one named)."""
    found: list[Dateline] = []
    index = 0
    while index < min(_DATELINE_REACH, len(pieces)) and not is_running_text(pieces[index].text):
        line = dateline(pieces[index].text) if pieces[index].rank is None else None
        if line is None:
            index += 1
        else:
            found.append(line)
            pieces.pop(index)
    dated = [line for line in found if line.published is not None]
    chosen = next((line for line in dated if line.says_published), dated[0] if dated else None)
    publisher = (chosen.publisher if chosen is not None else None) or next(
        (line.publisher for line in found if line.publisher), None)
    return (chosen.published if chosen is not None else None), publisher


def _without_credits(pieces: list[Piece]) -> tuple[list[Piece], NewsDateline | None]:
    """The pieces without the story's credits (see the module's docstring), and the dateline cut, if any."""
    running = [index for index, piece in enumerate(pieces) if piece.rank is None and is_running_text(piece.text)]
    if not running:
        return pieces, None
    kept: list[Piece] = []
    filed: NewsDateline | None = None
    for index, piece in enumerate(pieces):
        text = piece.text
        if piece.rank is None and not running[0] <= index <= running[-1] and is_credit(text):
            continue
        if piece.rank is None and filed is None and index <= running[0] and (found := news_dateline(text)):
            filed, text = found, text[found.end:]
        if text:
            kept.append(Piece(text, piece.rank, piece.may_be_heading))
    last = max((index for index, piece in enumerate(kept) if piece.rank is None), default=None)
    if last is not None:
        text = kept[last].text
        kept[last] = Piece(text[:trailing_credit(text)].rstrip(), None, kept[last].may_be_heading)
    return kept, filed


def _filed_on(filed: NewsDateline | None, url: str | None) -> date | None:
    """The day a dateline says the story was filed: in the year it writes, or else the year the page's address is
    dated with."""
    if filed is None or filed.month is None or filed.day is None:
        return None
    dated = date_in_address(url)
    if filed.year is not None:
        year = filed.year
    elif dated is not None:  # filed in December, put on the page in January
        year = dated[0] - 1 if filed.month > dated[1] else dated[0]
    else:
        return None
    try:
        return date(year, filed.month, filed.day)
    except ValueError:
        return None


def finish(draft: Draft, location: str) -> Article:
    """The Article of a draft read from `location`; a SourceError naming it when it holds no paragraph of text."""
    pieces = [Piece(text, piece.rank, piece.may_be_heading) for piece in draft.pieces
              if (text := piece.text.strip(" \t\r\n\u3000\u00a0"))]
    caveats = [piece.text for piece in pieces if piece.rank is None and is_caveat(piece.text)]
    pieces = [piece for piece in pieces if piece.text not in caveats]
    title = _take_title(draft, pieces)
    published, publisher = _take_datelines(pieces)
    pieces, filed = _without_credits(pieces)
    levels = heading_levels(pieces)
    if all(level is not None for level in levels):
        raise SourceError(f"no article text found in {location}: {draft.nothing_found}; "
                          "save the article's text as .txt or .md")
    blocks = tuple(Block(number, piece.text, level)
                   for number, (piece, level) in enumerate(zip(pieces, levels, strict=True), start=1))
    return Article(
        location=location,
        title=title,
        published=draft.published or published or _filed_on(filed, draft.url),
        url=draft.url,
        publisher=draft.publisher or publisher or (filed.agency if filed is not None else None),
        caveat=draft.caveat or (caveats[0] if caveats else None),
        language=language("\n".join([title or "", *(block.text for block in blocks)])),
        blocks=blocks,
    )
