"""Plain text: a file with a header of its metadata, or text copied from a web page, menus and footer included.

The header is the file's leading lines that start with '#', when one of them is a known key:
'# Title: ...', '# Published: DATE[, URL]', '# URL: ...', '# Publisher: ...', '# Source: NAME or URL',
'# The publisher notes: ...' (the caveat); its other '#' lines are comments. The first line of text is
the title, when it reads as one.

Each line is a paragraph (a web page copied gives one line per paragraph); an English line broken inside
a sentence (hard-wrapped text) is joined to the next.

What a copied web page brings besides the article is left out by these rules, and only these, chosen to
keep every line of an article that has none of it:
1. Lines that are never the article's: a breadcrumb ('首页 > 新闻 > 正文', 'Home / News / Europe'), a row of
   three or more menu items ('Home | News | Sport'), and the prompts of _PROMPT ('分享到：', '【字体：大 中 小】',
   'Share this', 'Sign up for ...', 'Subscribe', 'Advertisement', 'Read more: ...').
2. A footer marker ends the article, and what follows it goes with it: a short line, not a sentence,
   beginning as in _FOOTER ('上一篇', '下一篇', '相关阅读', '网友评论', 'Related articles', 'You may also
   like', 'Comments (3)', 'About us' ...), or a copyright line ('版权所有', 'Copyright', '©'), once the
   article's running text has begun.
   A caveat among what is dropped is still the article's caveat.
3. Above the first paragraph of running text (a headline followed by a date line is above it, however
   much it reads like a sentence): the title is the last line above the first date line that is not
   a credit line (bylines.py: 'By Jane Doe', '作者：张三'); without a date line, the first line that is not
   a menu item (at most 4 Chinese characters or 2 words), or when all are that short, the last. What is above the
   title is dropped, and bylines below it, and runs of two or more menu items below it (a page's widgets,
   '微信', '微博'). Numbered headings ('一、...') are never taken for a title.
4. Below the last paragraph of running text: short lines that are neither sentences nor numbered headings
   ('责任编辑：王五', 'Tags: ferries', '（完）') are dropped.
5. Between paragraphs of running text, short lines that are not sentences ('Recovery and investment',
   '交通运输加速发展') are the article's subheads, as a page's <h2> would be, when there are two or more of
   them and no numbered headings.
"""

from __future__ import annotations

import re

from briefing.sources.article import Draft, Piece
from briefing.sources.bylines import is_credit
from briefing.sources.lines import ends_sentence, folded, is_running_text, is_short
from briefing.sources.metadata import dateline, full_date, is_caveat
from briefing.sources.structure import numbering

_HEADER_LINE = re.compile(
    r"(?i)#\s*(?P<key>title|published|date|url|address|source|publisher|site|the publisher notes|publisher notes"
    r"|publisher's note|caveat|disclaimer)\s*[:：]\s*(?P<value>.*)")
_URL = re.compile(r"https?://\S+")

_SEPARATOR = r"\s*[>›»/]\s*"
_BREADCRUMB = re.compile(rf"[^>›»/]{{1,14}}(?:{_SEPARATOR}[^>›»/]{{1,24}}){{2,}}")
_MENU_ITEMS = re.compile(r"\s*[|｜·•]\s*|\s{2,}|\t")
_PROMPT = re.compile(
    r"(?i)(?:分享到|分享至|分享[:：]|一键分享|扫一扫|扫描二维码|点击关注|关注我们|【?字体[:：]|字号[:：]|【?打印|【?关闭|关闭窗口"
    r"|返回顶部|返回首页|\bshare (?:this|on)\b|\bshare$|tweet$|email$|print$|\bsign up\b|\bsubscribe\b"
    r"|advertisement$|skip to (?:main )?content|read more:|related:|follow us\b)")
_FOOTER = re.compile(
    r"(?i)(?:上一篇|下一篇|上一条|下一条|相关阅读|相关文章|相关新闻|相关推荐|相关链接|推荐阅读|延伸阅读|热门推荐|热门文章"
    r"|猜你喜欢|网友评论|发表评论|评论\s*[（(]?\d*[）)]?$"
    r"|related (?:articles|stories|posts|content|reading)|more from\b|more on this|you (?:may|might) also like"
    r"|recommended for you|previous (?:article|post)|next (?:article|post)|(?:\d+\s+)?comments?\s*(?:[(（]\d+[)）])?$"
    r"|leave a (?:comment|reply)|about us\b|关于我们|联系我们)")
# A copyright line ends the article too, and may be a sentence ('All rights reserved.'), which a marker is not.
_COPYRIGHT = re.compile(r"(?i)版权所有|版权声明|copyright\b|©|\(c\)\s*\d{4}|all rights reserved")
_MARKER_LONGEST = 80  # a marker is a label, a link or a copyright line, never a paragraph
_PROMPT_LONGEST = 60
_MENU_ITEM = {"chinese": 4, "words": 2}
_TITLE = {"chinese": 60, "words": 25}
_SUBHEAD = {"chinese": 24, "words": 10}
_SUBHEADS_AT_LEAST = 2  # one short line between paragraphs may be anything; two or more structure the text
_TITLE_TO_DATELINE = 3  # lines between a headline and its date line at most (a subtitle, a byline)
_WRAPPED_LINE = 50  # a line this long that stops mid-sentence was wrapped by the editor, not ended


def _read_header(lines: list[str], draft: Draft) -> list[str]:
    """The lines after the header, its metadata put in `draft`; all the lines when there is no header."""
    end = 0
    while end < len(lines) and (lines[end].startswith("#") or not lines[end].strip()):
        end += 1
    fields = [found for line in lines[:end] if (found := _HEADER_LINE.fullmatch(line.strip()))]
    if not fields:
        return lines
    for found in fields:
        key, value = found["key"].lower(), found["value"].strip()
        url = _URL.search(value)
        if key == "title":
            draft.title = value or None
        elif key in ("published", "date"):
            draft.published = full_date(value)
            draft.url = url.group() if url else draft.url
        elif key in ("url", "address") or (key == "source" and url):
            draft.url = url.group() if url else value or None
        elif key in ("source", "publisher", "site"):
            draft.publisher = value or None
        else:
            draft.caveat = value or None
    return lines[end:]


def _joined(lines: list[str]) -> list[str]:
    """Lines with surrounding whitespace removed, blank ones dropped, a hard-wrapped line joined to the next."""
    joined: list[str] = []
    for line in (line.strip(" \t\u3000\u00a0") for line in lines):
        if not line:
            joined.append("")
        elif (joined and len(joined[-1]) >= _WRAPPED_LINE and line[0].islower() and line[0].isascii()
              and not ends_sentence(joined[-1])):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return [line for line in joined if line]


def _never_article(line: str) -> bool:
    """Rule 1 of the module's docstring."""
    if full_date(line) is not None or ends_sentence(line) or dateline(line) is not None:
        return False
    if _BREADCRUMB.fullmatch(line) and re.search(r"[^\W\d_]", line):
        return True
    items = _MENU_ITEMS.split(line)
    if len(items) >= 3 and all(item and is_short(item, chinese=8, words=3) for item in items):
        return True
    return len(line) <= _PROMPT_LONGEST and _PROMPT.match(line) is not None


def _is_menu_item(line: str) -> bool:
    return numbering(line) is None and is_short(line, **_MENU_ITEM)


def _is_title(line: str) -> bool:
    return (not ends_sentence(line) and not is_credit(line) and is_short(line, **_TITLE)
            and numbering(line) is None and dateline(line) is None)


def _top(lines: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Rule 3: the lines above the running text, from the title down without bylines, and the title."""
    if title is None:
        title = _find_title(lines)
    starts = [index for index, line in enumerate(lines) if title is not None and folded(line) == folded(title)]
    if not starts:  # no title above the running text: what is above it from its first line not a menu item
        starts = [next((index for index, line in enumerate(lines) if not _is_menu_item(line)), len(lines))]
    # A byline that dates the article ('By Jane Doe | Published March 4, 2025') stays, for its date.
    kept = [line for line in lines[starts[0]:] if not is_credit(line) or dateline(line) is not None]
    return kept[:1] + _without_widget_rows(kept[1:]), title


def _without_widget_rows(lines: list[str]) -> list[str]:
    """Lines without runs of two or more menu items ('微信', '微博', 'QQ空间', 'A-' under '分享到：'): a
    page's widgets, one to a line once copied. A single short line (a heading, '背景') stays."""
    short = [False, *(_is_menu_item(line) for line in lines), False]  # padded: a neighbour at each end
    return [line for index, line in enumerate(lines, start=1)
            if not (short[index] and (short[index - 1] or short[index + 1]))]


def _find_title(lines: list[str]) -> str | None:
    stop = next((index for index, line in enumerate(lines) if numbering(line) is not None), len(lines))
    dated = next((index for index in range(stop) if dateline(lines[index]) is not None), None)
    if dated is not None:
        return next((lines[index] for index in reversed(range(dated)) if _is_title(lines[index])), None)
    found = next((line for line in lines[:stop] if not _is_menu_item(line)), None)
    if found is None and stop:  # only short lines: the one just above the text is its title, if any is
        found = lines[stop - 1]
    return found if found is not None and _is_title(found) else None


def _footer(lines: list[str], start: int) -> int:
    """Rule 2: where the footer begins, looking from `start` on; the number of lines when there is none."""
    return next((index for index, line in enumerate(lines) if index >= start and len(line) <= _MARKER_LONGEST
                 and (_COPYRIGHT.match(line) or (_FOOTER.match(line) and not ends_sentence(line)))), len(lines))


def read_text(text: str) -> Draft:
    """The draft of a plain-text article (see the module's docstring)."""
    draft = Draft(nothing_found="it has no paragraph of running text, only short lines such as menus")
    lines = [line for line in _joined(_read_header(text.splitlines(), draft)) if not _never_article(line)]
    running = [index for index, line in enumerate(lines) if is_running_text(line)]
    # A headline may read like running text ('鹿鸣Note 9发布：2999元起，续航提升22%'): one a date line follows
    # is the title, above the text.
    while running and _is_title(lines[running[0]]) and any(
            dateline(line) for line in lines[running[0] + 1:running[0] + 1 + _TITLE_TO_DATELINE]):
        running.pop(0)
    if not running:  # a short note: all of it to a footer, its first line the title if it reads as one
        lines = lines[:_footer(lines, 0)]
        lines = [] if all(_is_menu_item(line) for line in lines) else lines  # a menu is no note
        draft.title = draft.title or (lines[0] if len(lines) > 1 and _is_title(lines[0]) else None)
        draft.pieces = [Piece(line) for line in lines]
        return draft
    end = _footer(lines, running[0] + 1)
    draft.caveat = draft.caveat or next((line for line in lines[end:] if is_caveat(line)), None)
    last = max(index for index in running if index < end)
    top, draft.title = _top(lines[:running[0]], draft.title)
    bottom = [line for line in lines[last + 1:end]
              if ends_sentence(line) or numbering(line) is not None or not is_short(line, **_TITLE)]
    body = lines[running[0]:last + 1]
    draft.pieces = [Piece(line) for line in top] + _with_subheads(body) + [Piece(line) for line in bottom]
    return draft


def _with_subheads(lines: list[str]) -> list[Piece]:
    """Rule 5: the body's pieces, its subheads as headings (rank 2, as a page's <h2>)."""
    if any(numbering(line) is not None for line in lines):
        return [Piece(line) for line in lines]  # numbered headings structure it: no guessing beside them
    heads = {index for index, line in enumerate(lines[1:-1], start=1)
             if is_short(line, **_SUBHEAD) and not ends_sentence(line) and not line.endswith((":", "："))
             and not is_credit(line) and dateline(line) is None
             and is_running_text(lines[index - 1]) and is_running_text(lines[index + 1])}
    if len(heads) < _SUBHEADS_AT_LEAST:
        heads = set()
    return [Piece(line, 2 if index in heads else None) for index, line in enumerate(lines)]
