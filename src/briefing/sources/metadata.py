"""An article's metadata found in its own text: the date line under the title, the publisher's caveat,
the language.

A date line is a short line near the top that gives the publication date ('发布时间：2025-02-02 10:00
来源：新华网', '發布時間:2025年03月03日 18:32 來源:中國新聞網', 'Published: February 2, 2025', '2025年02月02日'),
or names the source with little else ('Source: Reuters | Updated 3:04 PM'): it is metadata, not a paragraph.
Its date is a full one (a year, a month and a day) as text/dates.py reads dates, so a line dates an article
as its paragraphs date events: the same forms, the same traps (a version, a phone number, '2025-02-30').
The source's name ends where a date, a time, another label or a separator begins ('来源:新华社 2024-12-27
15:05:12' is 新华社). A page's address may be dated too ('/2025-01/21/'), which gives a year to a day
written without one.
A caveat is the publisher's own warning about the content ('本信息由相关用户自行提供,真实性未证实,仅供参考。',
'Disclaimer: ...'): a short paragraph that either begins with a disclaimer's label, or both says the
content is unverified or not the site's view and says which content it means ('本信息', 'This article').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.sources.lines import cjk_share, is_short, units
from briefing.text.dates import DateContext, DateMention

# Month names, where a source's name ends before a date without a year ('Source: Harbour Wire Feb. 2').
_MONTH = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?" \
         r"|nov(?:ember)?|dec(?:ember)?"
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
# Words that say a line is a date line, wherever they are in it; simplified and traditional alike.
_DATELINE_WORDS = re.compile(
    r"(?i)(?:发布|發布|發佈|发表|發表|更新)(?:时间|時間|日期|于|於)|时间|時間|日期|来源|來源|出处|出處|作者|编辑|編輯"
    r"|\b(?:published|posted|updated|date|by|source)\b")
_PUBLISHED_WORDS = re.compile(r"(?i)发布|發布|發佈|发表|發表|published|posted")
_SOURCE_LABEL = re.compile(r"(?i)(?<![\u4e00-\u9fff])(?:来源|來源|出处|出處|\bsource)\s*[:：]\s*")
# Where the source's name ends: a wide gap, a separator, another label, a date or a time.
_SOURCE_NAME_END = re.compile(
    rf"\s{{2}}|[|｜·•]|\d{{4}}\s*[-/.年]|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|(?i:\b(?:{_MONTH})\.?\s+\d{{1,2}}\b)")
# A source's name is at most this long: '新华社', '经济日报-中国经济网', 'The Associated Press'.
_SOURCE_NAME_LONGEST = {"chinese": 12, "words": 5}
# What else a date line may hold, at most, once its date, time, labels and source are taken out
# (twice as much when a label says it is a date line: an author's name, a view count).
_DATELINE_REST = 12
_DATELINE_LONGEST = 100
# The date in a page's address ('/2025-01/21/', '/20250121/', '/2025/01/21/'), its day optional.
_ADDRESS_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})[-/_]?(?P<m>0[1-9]|1[0-2])(?:[-/_]?(?P<d>0[1-9]|[12]\d|3[01]))?(?!\d)")

_CAVEAT_LABEL = re.compile(r"(?i)^\s*[【\[(（]?\s*(?:免责声明|特别声明|disclaimer)\s*[】\])）]?\s*[:：]?")
_CAVEAT_SAYS = re.compile(
    r"(?i)真实性未(?:经)?(?:证实|核实)|仅供参考|不代表本(?:站|网|平台|刊)(?:的)?(?:观点|立场)"
    r"|ha(?:s|ve) not been (?:independently )?(?:verified|checked|confirmed)"
    r"|(?:does|do) not necessarily reflect|provided by (?:a|the) user|for (?:informational|information) purposes only")
_CAVEAT_MEANS = re.compile(
    r"(?i)本信息|本文|本站|本网|本平台|以上内容|上述内容|文章内容|该信息"
    r"|\b(?:this|the) (?:article|content|information|page|post|story|report)\b|\bthe views\b|\bdisclaimer\b")
_CAVEAT_LONGEST = 80  # units: a caveat is a sentence or two, not a paragraph that happens to say 'for reference'


def full_date(text: str) -> date | None:
    """The first full date written in `text` (2025-02-02, 2025年2月2日, February 2, 2025, 2 Feb 2025)."""
    return next((mention.first for mention in _full_dates(text)), None)


def _full_dates(text: str) -> list[DateMention]:
    """The days `text` writes with their year, as text/dates.py reads them: read without a publication date, a
    date without its year is not read at all."""
    return [mention for mention in DateContext(None).find(text) if mention.precision == "day" and not mention.completed]


@dataclass(frozen=True)
class Dateline:
    published: date | None  # None for a line that names the source only ('Source: Reuters | Updated 3:04 PM')
    publisher: str | None  # the source it names ('来源：新华网'), if it names one
    says_published: bool  # it says published or posted, rather than updated


def publisher_named(text: str) -> str | None:
    """The source a line names after its label ('来源：新华社 2024-12-27 15:05' -> '新华社'), or None."""
    label = _SOURCE_LABEL.search(text)
    if label is None:
        return None
    rest = text[label.end():]
    ends = [found.start() for pattern in (_SOURCE_NAME_END, _DATELINE_WORDS, _TIME) if (found := pattern.search(rest))]
    name = rest[:min(ends, default=len(rest))].strip(" \t\u3000,，;；:：/／-–—()（）[]【】")
    return name if name and is_short(name, **_SOURCE_NAME_LONGEST) else None


def dateline(text: str) -> Dateline | None:
    """The date line `text` is, or None: a short line with a full date or a labelled source, with labels, a
    time or little else besides, and no sentence."""
    dates = _full_dates(text)
    published = dates[0].first if dates else None
    publisher = publisher_named(text)
    if (published is None and publisher is None) or len(text) > _DATELINE_LONGEST or re.search(r"[。！？；]", text):
        return None
    rest = " ".join(text[start:end] for start, end in zip([0, *(m.end for m in dates)],
                                                        [*(m.start for m in dates), len(text)], strict=True))
    if publisher is not None:
        rest = rest.replace(publisher, " ")
    rest = _DATELINE_WORDS.sub(" ", _TIME.sub(" ", rest))
    labelled = _DATELINE_WORDS.search(text) is not None
    if units(rest) > (_DATELINE_REST * 2 if labelled and published is not None else _DATELINE_REST):
        return None
    return Dateline(published, publisher, _PUBLISHED_WORDS.search(text) is not None)


def date_in_address(url: str | None) -> tuple[int, int] | None:
    """The year and month a page's address is dated with ('/2025-01/21/c_1130.htm' -> (2025, 1)), or None."""
    found = _ADDRESS_DATE.search(url or "")
    return (int(found["y"]), int(found["m"])) if found else None


def is_caveat(text: str) -> bool:
    """Whether the paragraph is the publisher's warning about the content (see the module's docstring)."""
    if units(text) > _CAVEAT_LONGEST:
        return False
    return bool(_CAVEAT_LABEL.match(text)) or bool(_CAVEAT_SAYS.search(text) and _CAVEAT_MEANS.search(text))


def language(text: str) -> str:
    """'zh-CN' when a good share of the letters are Chinese characters, else 'en'."""
    return "zh-CN" if cjk_share(text) >= 0.3 else "en"
