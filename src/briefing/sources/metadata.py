"""An article's metadata found in its own text: the date line under the title, the publisher's caveat,
the language.

A date line is a short line near the top that gives the publication date ('发布时间：2025-02-02 10:00
来源：新华网', 'Published: February 2, 2025', '2025年02月02日'): it is metadata, not a paragraph.
A caveat is the publisher's own warning about the content ('本信息由相关用户自行提供,真实性未证实,仅供参考。',
'Disclaimer: ...'): a short paragraph that either begins with a disclaimer's label, or both says the
content is unverified or not the site's view and says which content it means ('本信息', 'This article').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.sources.lines import cjk_share, units

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"

# Full dates only (a year, a month and a day): a date line without a year is no publication date.
_DATES = (
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"(?i)\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"(?i)\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b"),
)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
# Words that say a line is a date line, wherever they are in it.
_DATELINE_WORDS = re.compile(
    r"(?i)发布时间|发布日期|发表时间|发表于|发布于|更新时间|时间|日期|来源|作者|编辑"
    r"|\b(?:published|posted|updated|date|by|source)\b")
_PUBLISHED_WORDS = re.compile(r"(?i)发布|发表|published|posted")
_SOURCE = re.compile(r"(?i)(?:来源|出处|\bsource)\s*[:：]\s*(?P<name>.+?)\s*(?=\s{2}|[|｜·]|作者|编辑|责任编辑|$)")
# What else a date line may hold, at most, once its date, time, labels and source are taken out
# (twice as much when a label says it is a date line: an author's name, a view count).
_DATELINE_REST = 12
_DATELINE_LONGEST = 100

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
    found: list[tuple[int, date]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month = match["m"]
            number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                found.append((match.start(), date(int(match["y"]), number, int(match["d"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


@dataclass(frozen=True)
class Dateline:
    published: date
    publisher: str | None  # the source it names ('来源：新华网'), if it names one
    says_published: bool  # it says published or posted, rather than updated


def dateline(text: str) -> Dateline | None:
    """The date line `text` is, or None: a short line with a full date, a label or little else, no sentence."""
    published = full_date(text)
    if published is None or len(text) > _DATELINE_LONGEST or re.search(r"[。！？；]", text):
        return None
    source = _SOURCE.search(text)
    rest = text
    for pattern in _DATES:
        rest = pattern.sub(" ", rest)
    rest = _DATELINE_WORDS.sub(" ", _TIME.sub(" ", _SOURCE.sub(" ", rest)))
    labelled = _DATELINE_WORDS.search(text) is not None
    if units(rest) > (_DATELINE_REST * 2 if labelled else _DATELINE_REST):
        return None
    publisher = source["name"].strip() if source else None
    return Dateline(published, publisher or None, _PUBLISHED_WORDS.search(text) is not None)


def is_caveat(text: str) -> bool:
    """Whether the paragraph is the publisher's warning about the content (see the module's docstring)."""
    if units(text) > _CAVEAT_LONGEST:
        return False
    return bool(_CAVEAT_LABEL.match(text)) or bool(_CAVEAT_SAYS.search(text) and _CAVEAT_MEANS.search(text))


def language(text: str) -> str:
    """'zh-CN' when a good share of the letters are Chinese characters, else 'en'."""
    return "zh-CN" if cjk_share(text) >= 0.3 else "en"
