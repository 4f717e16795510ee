"""Dates an article states, in Chinese or English, each read as the day (month, year) it means.

DateContext.find reads one paragraph at a time, in the article's order, and remembers what it read:
a date written without its year is completed from the dates before it and from the article's
publication date, as a reader would.

What is a date:
  Chinese  2024年4月24日, 2024 年 4 月 24 日, 二〇二四年四月二十四日, 1 月 18 日, 18 日 (a bare day),
           2025 年 1 月 / 7 月份 (month), 2024 年 (year); ranges: 1 月 8 日至 1 月 14 日, 1月8日至14日,
           1月8日—14日, 1 月 8-14 日, 2024 年 12 月 30 日至 2025 年 1 月 5 日, 14 日夜间至 15 日上午,
           5 月至 7 月, 2025 年 1-3 月, 2020 年至 2024 年.
  English  April 24, 2024; 24 April 2024; Jan. 18; January 18th; Saturday, Jan. 18; July 2024 (month);
           in July / since March / mid-January (month); in 2024 / since 2019 (year); on the 19th (a bare
           day); ranges: January 8-14, Jan 18-19, 2025, January 8 to 14, from January 8 to February 3,
           between January 8 and January 14, 8-14 January.
  Numeric  2025-01-18, 2025/1/18, 2025.1.18 (year first); 1/18/2025, 18/01/2025, 01-18-2025: the number over
           12 is the day; where neither is (3/4/2025), the month comes first, as in American English, unless
           the article has written a date day first before (then so are its others); in Chinese text, which
           writes the year first, such a date is not read. Two-digit years (1/18/25) are not read.
  From the publication date (completed; not read without one): 去年 / 今年 / 明年 / 前年 (year), 去年 12 月,
           今年 3 月 (month, even after publication), 本月 / 上月 / 上个月 / 下月 (month), 本月 18 日, 上月 18 日
           (day: this month's 18th even when later than publication); last year, this year, next year, this
           March, last month, this month, next month ('the last year', 'the next month' are durations).
  Relative (precision day, completed): 次日 / 翌日 / 第二天 / the next day / the following day / a day
           later: the day after a day-precision date earlier in the same paragraph; 昨天 / 昨日 /
           yesterday: the day before publication; on / late / early / last Friday, 周五 / 星期五: that
           weekday of the week the article was published in (the latest one on or before publication; 'last
           Friday' the latest one before it; a sentence about the future, 'will meet on Friday', 将于周五, the
           next one); 上周五 / 本周五 / 这周五 / 下周五 / 上个星期五: that weekday of the week before, of
           publication's week (even after publication) or of the week after, a week beginning on Monday. A
           weekday just after a written day ('1 月 14 日(周二)') is that day's, not another date.
           Without a publication date (or an earlier date, for 次日) they are not read at all.

What is not: durations and counts (90 天, 前 7 天, 3 日内, 为期 5 日, 2000 多年, 近 2000 年, 90 days),
days of every year (每年 3 月 15 日, every Jan. 1, Oct. 1 of each year), decades (90 年代, the 2020s),
times of day (10:30), scores (3-1), fractions (1/2), 24/7, COVID-19, phone, version, section and ISBN
numbers (a year is 1900-2100 and stands apart from other digits), a year used as an adjective ('the
2024 election': only 'in 2024', 'since 2019', ... are year mentions); weekdays that recur or count (每周二,
逢周二, 一周一次, 周二至周五 and 周一、周三, which are schedules, 周日均), 周年, 周边; words that hold these
characters (如今年轻人, 说明年度, 日本月球, 晚上月光).

Completing a partial date. The 'anchor' is the last day this context read (completed or not; months
and years are too often background, '自 2024 年 4 月上市以来', to carry a story):
  * A bare day (19 日, on the 19th) is that day of the anchor's month; with no anchor, of the
    publication month or the one before, whichever puts it on or before the publication date.
  * A month and day, or a month, without a year takes the first of these that gives one:
      1. a year that says when things happened ('2019 年,', '在 2019 年', 'In 2019', 'In July 2019')
         earlier in the same paragraph and after the anchor: '2019 年, ... 3 月 10 日' is 2019-03-10;
      2. the anchor: the nearest such day from a month before it (three months, for a month) to half
         a year after it. '2024 年 5 月 7 日 ... 5 月 9 日' is 2024-05-09, 'signed on April 24' after
         'May 7, 2024' is 2024-04-24, 'Dec. 30, 2024 ... Jan. 5' is 2025-01-05;
      3. the publication date: the nearest such day (month). 1 月 18 日 in an article published
         2025-02-02 is 2025-01-18, 12 月 20 日 is 2024-12-20, and 'April 22' in one of 2025-03-14 is
         2025-04-22: news writes the year of a date outside the months around publication. This is
         also why the anchor does not simply lend its year: in the shipped article '1 月 18 日'
         (section five) follows '2024 年 5 月 7 日' (section four) and is 2025-01-18, and in 'sued on
         May 7, 2024; the Supreme Court upheld the law on Jan. 17' the ruling is in 2025;
      4. with no publication date, the one nearest the anchor; with neither, it is not reported.
    In 2. and 3. no day is more than three months after publication, and no month after publication's
    month ('3 月份' in February is last March), unless the sentence speaks of the future (将于, 预计,
    计划于, 定于, will, scheduled, expected to, plans to ...): then up to a year after it ('新规将于
    3 月 1 日起施行'). A bare day with no anchor is never after publication without them.
  * A range's end takes what it leaves out from its start and is never before it ('12 月 30 日至
    1 月 5 日' ends in the next year); a start without the year its end has takes that year ('between
    Oct. 27 and Nov. 2, 2021'). `last` is the range's last day (of its month or year, for months
    and years).
  * A year compared with ('较 2024 年同期', 'than in 2023') or used as a measure ('公司 2024 年
    研发投入') is a mention, and completes nothing.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from briefing.text.sentences import sentence_end, sentence_start


@dataclass(frozen=True)
class DateMention:
    """A date in the text: where it is written, and the day (or month, year) it means."""

    start: int
    end: int
    written: str
    first: date  # the day; for month or year precision, the first day of it
    last: date | None  # last day of a range ('1 月 8 日至 1 月 14 日', 'January 8-14'); else None
    precision: str  # 'day' | 'month' | 'year'
    completed: bool  # year (or month) filled from context rather than written


@dataclass(frozen=True)
class _Written:
    """One end of a date as the text gives it; what is missing is None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    years_from_published: int | None = None  # 去年 12 月: -1, the year from the publication date
    months_from_published: int | None = None  # 上月 18 日: -1, the month from the publication date

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None or self.months_from_published is not None else "year"


@dataclass(frozen=True)
class _Found:
    """A date as read from the text, before it is completed."""

    start: int
    end: int
    first: _Written
    last: _Written | None = None
    sets_year: bool = False  # a written year that tells when what follows happened: '2019 年,', 'In 2019'
    completed: bool = False  # the year (month) written elsewhere: at the range's end, or as 去年, 上月, last year
    relative: str | None = None  # 'next day' | 'published' (days from publication) | 'weekday' | 'last weekday'
    #                              | 'week' (days from the Monday of publication's week: 上周二, 本周五, 下周一)
    shift: int = 0  # days from publication ('published') or its week's Monday ('week'), or the weekday (Monday 0)
    order: str | None = None  # a numeric date's: 'day first' (18/1/2025), 'month first' (1/18/2025), or 'either'


@dataclass(frozen=True)
class _Anchor:
    day: date
    paragraph: int


_YEARS = range(1900, 2101)  # a year in news is one of these; 1000 年 or 3000 年 are counts
# How far from the anchor, and from publication, a date without its year is looked for (module docstring).
_AFTER_ANCHOR = timedelta(days=183)
_BEFORE_ANCHOR = {"day": timedelta(days=31), "month": timedelta(days=92)}
_SOON = {"day": timedelta(days=92), "month": timedelta(0)}
_FUTURE_WORDS = timedelta(days=366)

# ---- Chinese ---------------------------------------------------------------------------------------

_CN_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_S = r"[ \t\u3000\u00a0]*"  # Chinese text sets numbers off with spaces, or not
_CN_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_CN_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_CN_DASH = r"(?:至|到|—{1,2}|–|－|-|~|～|〜)"
_CN_DATE = re.compile(
    rf"""(?<![\d.])(?=[\d〇零一二三四五六七八九十去今明前本这上下])
    (?:(?P<relative>去年|今年|明年|前年)(?![轻纪龄代华度内份货画糕鉴薪限级]){_S}
       |(?P<year>{_CN_YEAR}){_S}年(?!代|龄|级){_S})?
    (?:(?P<this_month>本月|这个月|上个?月|下个?月)(?![亮光球色台饼票卡薪嫂子季牙经宫桂])(?:份)?{_S}
       |(?P<month>{_CN_NUMBER})(?:{_S}{_CN_DASH}{_S}(?P<months_until>{_CN_NUMBER}))?{_S}月(?:份)?{_S})?
    (?:(?P<day>{_CN_NUMBER})(?:{_S}{_CN_DASH}{_S}(?P<until>{_CN_NUMBER}))?{_S}(?P<unit>[日号]))?""",
    re.VERBOSE,
)
# Between the two ends of a range the time of day may stand: '14 日夜间至 15 日上午'.
_CN_TIME_OF_DAY = (r"(?:凌晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|晚"
                   r"|\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?)")
_CN_RANGE_DASH = re.compile(rf"{_S}{_CN_TIME_OF_DAY}?{_S}{_CN_DASH}{_S}")
_CN_RELATIVE_YEARS = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
_CN_RELATIVE_MONTHS = {"上月": -1, "上个月": -1, "本月": 0, "这个月": 0, "下月": 1, "下个月": 1}
# The characters that, before these words, make them part of another word: 过去年份, 如今年轻人, 说明年度, 前年
# after a count (两千年前年), 日本月球, 晚上月光, 马上月底, 以下月份.
_CN_PART_OF_A_WORD = {
    "去": "过失除回离死进出来返归", "今": "如现古当而", "前": "年几多数百千万十0123456789",
    "明": "表说证声发聪光文精透英简分开阐查注标鲜清高申指写载言讲点辨黎失神严",
    "本": "日基成资根版文样课剧书原账脚读范标副底血老话画股母工", "这": "",
    "上": "晚早马", "下": "以地线手天乡南底私当眼落雨放陛",
}
# A bare day or a year after these is a count ('前 7 日', '近 2000 年', '每月 15 日'), not a date.
_CN_COUNT_BEFORE = re.compile(
    rf"(?:第|每|每月|每年|前|近|连续|为期|过去|最近|这|那|数|几|共|约|仅|达|长达|历时|超过|逾|了){_S}$")
_CN_COUNT_AFTER = re.compile(r"(?:内|之内|以内|间|之间|左右|多|元|本|语|文|报|均)")
_CN_COMPARED = re.compile(rf"(?:较|比|相比|同比|比起|对比){_S}$")
_CN_COMPARED_AFTER = re.compile(rf"{_S}(?:同期|同比)")
_CN_EVERY = re.compile(rf"(?:每年|每月|每逢|每个){_S}$")
# A year that says when what follows happened: '2019 年,', '2019 年初,', '在 2019 年'.
_CN_SETS_YEAR_AFTER = re.compile(rf"{_S}(?:年初|年底|年中|年末|上半年|下半年|底|初|中旬|下旬|上旬)?{_S}[,，]")
_CN_SETS_YEAR_BEFORE = re.compile(rf"(?:在|于){_S}$")


def _cn_number(written: str) -> int:
    """'18' (or '１８'), '十八', '二〇二四' as a number."""
    if written.isdecimal():
        return int(written)
    if "十" in written:
        tens, _, ones = written.partition("十")
        return (_CN_NUMERALS[tens] if tens else 1) * 10 + (_CN_NUMERALS[ones] if ones else 0)
    return int("".join(str(_CN_NUMERALS[c]) for c in written))


def _chinese(text: str) -> Iterator[_Found]:
    """Chinese dates, ranges joined."""
    atoms = [found for match in _CN_DATE.finditer(text) if (found := _cn_atom(text, match)) is not None]
    yield from _join_ranges(text, atoms, _CN_RANGE_DASH)


def _cn_atom(text: str, match: re.Match[str]) -> _Found | None:
    """One Chinese date, or None when the match is a count, not a date."""
    if not match.group():
        return None
    relative, year, month, day, until = match.group("relative", "year", "month", "day", "until")
    months_until, this_month = match.group("months_until", "this_month")
    word = relative or this_month
    if word and match.start() > 0 and text[match.start() - 1] in _CN_PART_OF_A_WORD[word[0]]:
        return None  # '如今年轻人', '日本月球': not a date
    if this_month and relative:
        return None  # '去年本月' says no more than either
    if months_until is not None and day is not None:
        return None  # '1-3 月 5 日' is no date
    if match.group("unit") == "号" and month is None:
        return None  # '3 号楼', '1 号线'
    if day is not None and month is None and (year or relative or not day.isdecimal()):
        return None  # '2024 年 18 日'; a bare day in Chinese numerals ('三日') is a count
    written = [part for part in (year, month, months_until, day, until) if part is not None]
    if any(not part.isdecimal() for part in written) and (month is None or (year is None and day is None)):
        return None  # Chinese numerals only in whole dates: '二〇二四年一月', '一月十八日', not '三月' alone
    before = max(0, match.start() - 8)
    counted = _CN_COUNT_BEFORE.search(text, before, match.start()) or _CN_COUNT_AFTER.match(text, match.end())
    if month is None and this_month is None and counted:
        return None  # a year or a bare day that counts: '前 7 日', '近 2000 年', '3 日内'
    end = match.end()
    if day is None:  # the match may have taken the spaces before what follows
        end = match.start() + len(match.group().rstrip(" \t\u3000\u00a0"))
    first = _Written(
        year=_cn_number(year) if year else None,
        month=_cn_number(month) if month else None,
        day=_cn_number(day) if day else None,
        years_from_published=_CN_RELATIVE_YEARS.get(relative or ""),
        months_from_published=_CN_RELATIVE_MONTHS.get(this_month or ""),
    )
    if first.year is not None and first.year not in _YEARS:
        return None
    last = (_Written(day=_cn_number(until)) if until
            else _Written(month=_cn_number(months_until)) if months_until else None)  # '1 月 8-14 日', '1-3 月'
    if _CN_EVERY.search(text, before, match.start()):
        return None  # '每年 3 月 15 日': a day of every year, not a date
    compared = _CN_COMPARED.search(text, before, match.start()) or _CN_COMPARED_AFTER.match(text, match.end())
    told_when = _CN_SETS_YEAR_AFTER.match(text, end) or _CN_SETS_YEAR_BEFORE.search(text, before, match.start())
    sets_year = (year or relative) is not None and day is None and not compared and bool(told_when)
    return _Found(match.start(), end, first, last, sets_year=sets_year)


# ---- English ---------------------------------------------------------------------------------------

_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
         ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
         ("October", "Oct"), ("November", "Nov"), ("December", "Dec")], start=1)
    for name in names
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINAL = r"(?:st|nd|rd|th)?"
_EN_YEAR = r"(?:19|20)\d{2}(?![\d,.]\d|\d)"


_MONTH_PATTERN = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_ABBREVIATED = "|".join(name for name in _MONTH_NAMES if len(name) == 3)


def _month(group: str) -> str:
    """A month's name or its abbreviation ('Jan', 'Jan.'): the full stop only after an abbreviation."""
    return rf"\b(?P<{group}>{_MONTH_PATTERN})\b(?:(?<=Sept)\.|(?<={_ABBREVIATED})\.)?"


_EN_DATE = re.compile(
    rf"""(?=[A-Z\d]|the\s)  # only where a date can start: a cheap test that skips most of the text
    (?:\b(?:{"|".join(_WEEKDAYS)}),?\s+)?
    (?:{_month("month")}\s*(?P<day>\d{{1,2}})(?!\d){_ORDINAL}
         (?:\s*(?P<dash>-|–|—|\bto\b|\bthrough\b|\bthru\b|\band\b)\s*(?P<until>\d{{1,2}})(?!\d){_ORDINAL})?
         (?![\d:/]|[.,]\d)(?:,?\s+(?P<year>{_EN_YEAR}))?
     | (?<![\w.:/-])(?:the\s+)?(?P<day2>\d{{1,2}})(?!\d){_ORDINAL}
         (?:\s*(?:-|–|—|to)\s*(?P<until2>\d{{1,2}})(?!\d){_ORDINAL})?\s+(?:of\s+)?{_month("month2")}
         (?:,?\s+(?P<year2>{_EN_YEAR}))?
     | {_month("month3")},?\s+(?P<year3>{_EN_YEAR})
    )(?![\w-])""",
    re.VERBOSE,
)
# A month or a year on its own is a date only after words that place something in time: 'in July', 'since 2019'
# ('the 2024 election' is not one). The look-ahead first skips, cheaply, every place no word starts.
_EN_WHEN = (r"(?<![A-Za-z])(?=[A-Za-z])(?:\b(?i:in|since|by|until|till|through|during|from|before|after|early|late"
            r"|(?:end|beginning|start|middle)\s+of|{more})\s+|\bmid-)")
_EN_MONTH_ONLY = re.compile(_EN_WHEN.format(more="last") + rf"{_month('month')}(?!\.?\s*\d|[\w-])")
_EN_YEAR_ONLY = re.compile(
    _EN_WHEN.format(more="summer|spring|autumn|fall|winter") + rf"(?P<year>{_EN_YEAR})(?![\w%/-]|\.\d)")
_EN_COMPARED = re.compile(r"(?i:compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:in\s+)?$")
_EN_BARE_DAY = re.compile(
    r"\b(?i:on|by|until|till|from|before|after|since|through)\s+(?P<the>the\s+(?P<day>\d{1,2})(?:st|nd|rd|th))\b"
    r"(?=\s*(?:$|[^\w\s]|(?:and|or|at|when|as|after|before|to|through|until|in|with|but)\b))"
)
_EN_RANGE_DASH = re.compile(r",?\s*(?:-|–|—|to|through|thru|until|till|and)\s*")
_ISO_DATE = re.compile(
    r"(?<![A-Za-z0-9.\-/])(?<!\d:)(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?!\d|[-/.:]\d|[A-SU-Za-z])"
)
# Month and day in either order before the year: 1/18/2025, 18/01/2025, 01-18-2025 (never a fraction, a score
# or a phone number: a year of four digits ends it, and nothing numeric stands on either side).
_NUMERIC_DATE = re.compile(
    r"(?<![A-Za-z0-9.\-/:])(?P<one>\d{1,2})(?P<sep>[-/.])(?P<two>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})"
    r"(?![A-Za-z0-9]|[-/.:]\d)"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# 'last year', 'this month', 'this March': from the publication date ('the last year' is the twelve months before).
_EN_FROM_PUBLISHED = re.compile(
    rf"(?<![Tt]he\s)(?<![Pp]ast\s)\b(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+"
    rf"(?:(?P<period>year|month)\b(?!-)|{_month('month')}(?!\.?\s*\d|[\w-]))"
)
_EN_STEPS = {"last": -1, "this": 0, "next": 1}
_VERSION_BEFORE = re.compile(r"(?i:\bv|\bversion|\brelease|\bbuild)\s*$")
_BETWEEN = re.compile(r"(?i:\bbetween)\s+$")
_EN_IN_BEFORE = re.compile(r"(?i:\bin|\bduring)\s+$")
_EN_EVERY_BEFORE = re.compile(r"(?i:\bevery|\beach)\s+$")
_EN_EVERY_AFTER = re.compile(r"\s+(?i:(?:of\s+)?(?:each|every)\s+year|of\s+the\s+year\s+(?:before|after)|annually)\b")
_FROM = re.compile(r"(?i:\bfrom)\s+$")


def _english(text: str) -> Iterator[_Found]:
    """English dates, ranges joined."""
    atoms: list[_Found] = []
    for match in _EN_DATE.finditer(text):
        atoms.extend(_en_atom(text, match))
    yield from _join_ranges(text, atoms, _EN_RANGE_DASH)
    for match in _EN_MONTH_ONLY.finditer(text):
        yield _Found(match.start("month"), match.end("month"), _Written(month=_MONTH_NAMES[match["month"]]))
    for match in _EN_YEAR_ONLY.finditer(text):
        sets_year = match.group().lower().startswith(("in ", "during ")) and not _EN_COMPARED.search(
            text, max(0, match.start() - 20), match.start())
        yield _Found(match.start("year"), match.end(), _Written(year=int(match["year"])), sets_year=sets_year)
    for match in _EN_BARE_DAY.finditer(text):
        yield _Found(match.start("the"), match.end(), _Written(day=int(match["day"])))
    for match in _EN_FROM_PUBLISHED.finditer(text):
        step = _EN_STEPS[match["which"].lower()]
        if match["month"]:  # 'this March'; 'last March' is read as a month ('in', 'since' ...), 'next March' is unsure
            if step == 0:
                yield _Found(match.start(), match.end(), _Written(month=_MONTH_NAMES[match["month"]],
                                                                  years_from_published=0))
        elif match["period"] == "year":
            yield _Found(match.start(), match.end(), _Written(years_from_published=step),
                         sets_year=text.startswith(",", match.end()))  # 'Last year, ...' says when what follows was
        else:
            yield _Found(match.start(), match.end(), _Written(months_from_published=step))


def _en_atom(text: str, match: re.Match[str]) -> list[_Found]:
    """One English date (two for 'January 8 and 14' without 'between'), or none when it is no date."""
    every = _EN_EVERY_BEFORE.search(text, max(0, match.start() - 8), match.start())
    if every or _EN_EVERY_AFTER.match(text, match.end()):
        return []  # 'every Jan. 1', 'by Oct. 1 of each year': a day of every year, not a date
    if match["month3"]:
        sets_year = bool(_EN_IN_BEFORE.search(text, max(0, match.start() - 8), match.start()))
        return [_Found(match.start(), match.end(),
                       _Written(int(match["year3"]), _MONTH_NAMES[match["month3"]]), sets_year=sets_year)]
    name, day, until, year = (match["month"], match["day"], match["until"], match["year"]) if match["month"] else (
        match["month2"], match["day2"], match["until2"], match["year2"])
    first = _Written(int(year) if year else None, _MONTH_NAMES[name], int(day))
    if until is None:
        return [_Found(match.start(), match.end(), first)]
    last = _Written(first.year, first.month, int(until))
    if match["dash"] == "and" and not _BETWEEN.search(text, max(0, match.start() - 10), match.start()):
        # 'on January 8 and 14': two days, not the days between them
        return [_Found(match.start(), match.end("day"), first), _Found(match.start("until"), match.end(), last)]
    return [_Found(match.start(), match.end(), first, last)]


def _iso(text: str) -> Iterator[_Found]:
    for match in _ISO_DATE.finditer(text):
        if not _VERSION_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            yield _Found(match.start(), match.end(),
                         _Written(int(match["year"]), int(match["month"]), int(match["day"])))


def _numeric(text: str) -> Iterator[_Found]:
    """1/18/2025 and 18/01/2025: the day is the number over 12; when neither is, month first (as in American
    English; DateContext turns it round in an article that has written a date day first). Chinese writes the
    year first (2025/1/18, read by _iso): there, a date of neither order is not read."""
    for match in _NUMERIC_DATE.finditer(text):
        one, two, year = int(match["one"]), int(match["two"]), int(match["year"])
        if _VERSION_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue
        order = "either" if one <= 12 and two <= 12 else "day first" if one > 12 else "month first"
        if order == "either" and _CJK.search(text):
            continue
        month, day = (two, one) if order == "day first" else (one, two)
        yield _Found(match.start(), match.end(), _Written(year, month, day), order=order)


# ---- Ranges and relative days ------------------------------------------------------------------------

def _join_ranges(text: str, atoms: list[_Found], dash: re.Pattern[str]) -> Iterator[_Found]:
    """Dates in order, a date, a dash (至, to, -, ...) and a date joined into a range."""
    index = 0
    while index < len(atoms):
        found = atoms[index]
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        if (following is not None and found.last is None and following.last is None
                and dash.fullmatch(text, found.end, following.start)
                and _range_words_fit(text, found, following)
                and following.first.precision == found.first.precision):
            yield _Found(found.start, following.end, found.first, following.first)
            index += 2
        else:
            yield found
            index += 1


def _range_words_fit(text: str, found: _Found, following: _Found) -> bool:
    """'until'/'till' join a range after 'from', 'and' after 'between'; the dashes and 'to' always."""
    joint = text[found.end:following.start].strip(" ,")
    if joint in ("until", "till"):
        return bool(_FROM.search(text, max(0, found.start - 10), found.start))
    if joint == "and":
        return bool(_BETWEEN.search(text, max(0, found.start - 10), found.start))
    return True


_RELATIVE = re.compile(
    r"(?P<next>次日|翌日|第二天|隔天|\b(?i:the\s+(?:next|following)\s+day|a\s+day\s+later)\b)"
    r"|(?P<yesterday>昨天|昨日(?!黄花)|\b[Yy]esterday\b)"
    rf"|\b(?P<how>[Oo]n|[Ll]ast|[Ll]ate|[Ee]arly)\s+(?P<weekday>{'|'.join(_WEEKDAYS)})\b(?!s)"
)


def _relative(text: str) -> Iterator[_Found]:
    for match in _RELATIVE.finditer(text):
        if match["next"]:
            yield _Found(match.start(), match.end(), _Written(), relative="next day")
        elif match["yesterday"]:
            yield _Found(match.start(), match.end(), _Written(), relative="published", shift=-1)
        else:
            kind = "last weekday" if match["how"].lower() == "last" else "weekday"
            yield _Found(match.start("weekday"), match.end(), _Written(), relative=kind,
                         shift=_WEEKDAYS.index(match["weekday"]))
    yield from _chinese_weekdays(text)


# 周二, 星期二, and with the week: 上周二, 上个星期二, 本周五, 这周五, 下周一 (a Chinese week begins on Monday).
_CN_WEEKDAY = re.compile(r"(?:(?P<week>上上|上|本|这|下下|下)个?)?(?P<word>周|星期)(?P<weekday>[一二三四五六日天])")
_CN_WEEKS = {"上上": -2, "上": -1, "本": 0, "这": 0, "下": 1, "下下": 2}
# What recurs or counts is no day: 每周二, 逢周二, 一周一次, 两周二十天, 周二至周五 (a schedule), 周一、周三,
# 周六日 (weekends), 周日均 (a week's daily mean), 周一围 (a name).
_CN_NOT_A_WEEKDAY_BEFORE = "每逢隔、至到和及或与一二三四五六七八九十两几数0123456789"
_CN_NOT_A_WEEKDAY_AFTER = "至到和及或、一二三四五六日天次回均刊报岁年末边期围子线"


def _chinese_weekdays(text: str) -> Iterator[_Found]:
    for match in _CN_WEEKDAY.finditer(text):
        week, start = match["week"], match.start()
        if week and start > 0 and text[start - 1] in _CN_PART_OF_A_WORD[week[0]]:
            week, start = None, match.start("word")  # '晚上周一' is '晚上' and '周一'
        if match["weekday"] == "天" and match["word"] == "周":
            continue  # '周天' is colloquial, and 周天子 a king
        before = text[start - 1] if start > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if (before and before in _CN_NOT_A_WEEKDAY_BEFORE) or (after and after in _CN_NOT_A_WEEKDAY_AFTER):
            continue
        weekday = "一二三四五六日天".index(match["weekday"]) % 7 if match["weekday"] != "天" else 6
        if week is None:  # like 'on Tuesday': the latest one, or the next one in a sentence about the future
            yield _Found(start, match.end(), _Written(), relative="weekday", shift=weekday)
        else:
            yield _Found(start, match.end(), _Written(), relative="week", shift=weekday + 7 * _CN_WEEKS[week])


_SENTENCE_MARK = re.compile(r"[。！？；!?;]|\.\s")


def _found_in(text: str) -> list[_Found]:
    """Every date read from text, in order, none overlapping another: a longer reading wins, and a relative
    word ('on Saturday') gives way to a written date next to it ('on Saturday (Jan. 18)', '1 月 14 日(周二)')."""
    written = sorted([*_chinese(text), *_english(text), *_iso(text), *_numeric(text)],
                     key=lambda f: (f.start, f.start - f.end))
    kept: list[_Found] = []
    for found in written:
        if kept and found.start < kept[-1].end:
            continue
        kept.append(found)
    starts = [found.start for found in kept]
    for found in _relative(text):
        at = bisect.bisect_left(starts, found.start)
        overlaps = at > 0 and kept[at - 1].end > found.start
        weekday = found.relative in ("weekday", "last weekday", "week")
        dated = at < len(kept) and kept[at].start < found.end + (4 if weekday else 0)
        named = (weekday and at > 0 and kept[at - 1].first.day is not None and found.start - kept[at - 1].end <= 8
                 and not _SENTENCE_MARK.search(text, kept[at - 1].end, found.start))  # '1 月 13 日,一个普通的周一'
        if not overlaps and not dated and not named:
            kept.insert(at, found)
            starts.insert(at, found.start)
    return kept


# ---- Completing --------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"将于|将在|将会|即将|预计|计划于|拟于|定于"
    r"|\b(?i:will|shall|scheduled|set\s+to|expected\s+to|plans?\s+to|planned|upcoming|next\s+(?:week|month))\b"
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _future(text: str, found: _Found) -> bool:
    """Whether the sentence around a date speaks of the future ('将于 3 月 1 日起施行', 'will meet on Friday')."""
    start = sentence_start(text, found.start, floor=max(0, found.start - 80))
    end = min(sentence_end(text, found.end), found.end + 40)
    return bool(_FUTURE.search(text, start, end))


def _from_published(written: _Written) -> bool:
    return written.years_from_published is not None or written.months_from_published is not None


def _year_from_end(found: _Found) -> _Found:
    """A range whose end alone has its year ('between Oct. 27 and Nov. 2, 2021'): the start takes it too (the year
    before, when the start's month and day come after the end's)."""
    first, last = found.first, found.last
    if first.year is not None or last is None or last.year is None or first.month is None:
        return found
    later = (first.month, first.day or 1) > (last.month or first.month, last.day or 1)
    year = last.year - 1 if later else last.year
    return replace(found, first=replace(first, year=year), completed=True)


_LINE_BREAK = re.compile("\n")


class DateContext:
    """Reads an article's dates paragraph by paragraph, completing each partial date from the dates before
    it and the publication date (module docstring): one context per article, paragraphs in order."""

    def __init__(self, published: date | None) -> None:
        self._published = published
        self._anchor: _Anchor | None = None
        self._year_hint: tuple[int, int] | None = None  # (year, paragraph): a year that sets it, newer than the anchor
        self._paragraph = 0
        self._day_first = False  # the article wrote a numeric date day first (18/01/2025): so are its others

    def find(self, text: str) -> list[DateMention]:
        """Dates in text, in order, each completed; what they leave as the anchor carries on to the next call."""
        lines = [line.start() for line in _LINE_BREAK.finditer(text)]
        first_paragraph = self._paragraph + 1
        self._paragraph = first_paragraph + len(lines)
        mentions: list[DateMention] = []
        for found in _found_in(text):
            if found.order == "either" and self._day_first:
                found = replace(found, first=replace(found.first, month=found.first.day, day=found.first.month))
            self._day_first = self._day_first or found.order == "day first"
            paragraph = first_paragraph + bisect.bisect_left(lines, found.start)
            mention = self._complete(text, found, paragraph)
            if mention is not None:
                mentions.append(mention)
                self._remember(mention, found, paragraph)
        return mentions

    def _remember(self, mention: DateMention, found: _Found, paragraph: int) -> None:
        if mention.precision == "day":
            self._anchor = _Anchor(mention.last or mention.first, paragraph)
            self._year_hint = None
        elif found.sets_year:
            self._year_hint = ((mention.last or mention.first).year, paragraph)

    def _complete(self, text: str, found: _Found, paragraph: int) -> DateMention | None:
        if found.relative is not None:
            day = self._relative_day(text, found, paragraph)
            return None if day is None else self._mention(text, found, day, None, "day", True)
        found = _year_from_end(found)
        if _from_published(found.first) or (found.last is not None and _from_published(found.last)):
            if self._published is None:
                return None
            found = replace(found, first=self._absolute(found.first),
                            last=found.last and self._absolute(found.last), completed=_from_published(found.first))
        first, completed = self._first_day(text, found, paragraph)
        if first is None:
            return None
        precision = found.first.precision
        last = None if found.last is None else self._range_end(first, precision, found.last)
        if found.last is not None and last is None:
            return None
        return self._mention(text, found, first, last, precision, completed)

    @staticmethod
    def _mention(text: str, found: _Found, first: date, last: date | None, precision: str,
                 completed: bool) -> DateMention:
        return DateMention(found.start, found.end, text[found.start:found.end], first, last, precision, completed)

    def _absolute(self, written: _Written) -> _Written:
        """A date written from the publication date ('去年 12 月', '上月 18 日', 'last year', 'this March') with its
        year and month: '本月 18 日' is this month's, even when later than publication."""
        assert self._published is not None
        if not _from_published(written):
            return written
        year, month = self._published.year, written.month
        if written.years_from_published is not None:
            year += written.years_from_published
        if written.months_from_published is not None:
            months = year * 12 + self._published.month - 1 + written.months_from_published
            year, month = months // 12, months % 12 + 1
        return _Written(year, month, written.day)

    def _first_day(self, text: str, found: _Found, paragraph: int) -> tuple[date | None, bool]:
        """The day (first of the month or year) a date means, and whether its year or month was completed."""
        written = found.first
        month, day = written.month or 1, written.day or 1
        if written.year is not None:
            return _safe_date(written.year, month, day), found.completed
        if written.month is None and written.day is not None:
            return self._bare_day(text, found, written.day), True
        if written.month is None:
            return None, False
        year = self._year_for(text, found, paragraph)
        return (None if year is None else _safe_date(year, month, day)), True

    def _bare_day(self, text: str, found: _Found, day: int) -> date | None:
        """'19 日', 'on the 19th': that day of the anchor's month; with no anchor, of the publication month or the one
        before, whichever is on or before publication (or nearer it, in a sentence about the future)."""
        published = self._published
        if self._anchor is not None:
            return _safe_date(self._anchor.day.year, self._anchor.day.month, day)
        if published is None:
            return None
        month_start = published.replace(day=1)
        months = [(month_start - timedelta(days=1)).replace(day=1), month_start,
                  (month_start + timedelta(days=32)).replace(day=1)]
        candidates = [c for m in months if (c := _safe_date(m.year, m.month, day)) is not None]
        limit = published + (_FUTURE_WORDS if _future(text, found) else timedelta(0))
        return min((c for c in candidates if c <= limit), key=lambda c: (abs((c - published).days), c), default=None)

    def _year_for(self, text: str, found: _Found, paragraph: int) -> int | None:
        """The year of a month (and day) written without one (module docstring)."""
        if self._year_hint is not None and self._year_hint[1] == paragraph:
            return self._year_hint[0]
        month, day, precision = found.first.month, found.first.day or 1, found.first.precision
        assert month is not None
        future = _future(text, found)
        anchor, published = self._anchor, self._published
        if precision == "month" and published is not None:
            published = published.replace(day=1)

        def near(target: date, after: timedelta, before: timedelta, limit: date | None) -> date | None:
            """The candidate nearest target (the earlier on a tie) within after/before it and possible by limit."""
            candidates = [c for year in range(target.year - 1, target.year + 2)
                          if (c := _safe_date(year, month, day)) is not None
                          and target - before <= c <= target + after
                          and (limit is None or c <= limit + (_FUTURE_WORDS if future else _SOON[precision]))]
            return min(candidates, key=lambda c: (abs((c - target).days), c), default=None)

        chosen = None
        if anchor is not None:
            target = anchor.day if precision == "day" else anchor.day.replace(day=1)
            limit = published  # not the anchor: a plan for next year does not carry the story into it
            chosen = near(target, _AFTER_ANCHOR, _BEFORE_ANCHOR[precision], limit)
        if chosen is None and published is not None:
            chosen = near(published, _FUTURE_WORDS, _FUTURE_WORDS, published)
        if chosen is None and anchor is not None:
            chosen = near(anchor.day, _FUTURE_WORDS, _FUTURE_WORDS, None)
        return None if chosen is None else chosen.year

    def _range_end(self, first: date, precision: str, written: _Written) -> date | None:
        """The last day of a range: what its end leaves out taken from its start, and never before the start."""
        year = written.year if written.year is not None else first.year
        month = written.month if written.month is not None else first.month
        last = _safe_date(year, month, written.day or 1) if precision != "year" else date(year, 12, 31)
        if last is not None and last < first and written.year is None:
            if written.month is None and precision == "day":  # '1 月 30 日至 2 日': the 2nd of the next month
                following = _month_end(first) + timedelta(days=1)
                last = _safe_date(following.year, following.month, written.day or 1)
            else:  # '12 月 30 日至 1 月 5 日': the next year
                last = _safe_date(year + 1, month, written.day or 1)
        if last is None or last < first:
            return None
        return _month_end(last) if precision == "month" else last

    def _relative_day(self, text: str, found: _Found, paragraph: int) -> date | None:
        """The day '次日', 'yesterday' or 'on Friday' means, or None when nothing says which day it is from."""
        published = self._published
        if found.relative == "next day":
            anchor = self._anchor
            if anchor is None or anchor.paragraph != paragraph:
                return None
            return anchor.day + timedelta(days=1)
        if published is None:
            return None
        if found.relative == "published":
            return published + timedelta(days=found.shift)
        if found.relative == "week":
            return published - timedelta(days=published.weekday()) + timedelta(days=found.shift)
        back = (published.weekday() - found.shift) % 7
        if found.relative == "last weekday":
            return published - timedelta(days=back or 7)
        before = published - timedelta(days=back)
        if back and _future(text, found):
            return before + timedelta(days=7)
        return before
