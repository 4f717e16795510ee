"""Words the tool writes itself, and how numbers and dates read in each locale.

Everything a writer prints that is not the outline's own text comes from
here, so an English outline gets English labels and Western number formats
and a Chinese one gets 亿/万 and 2025年1月18日.

Each locale has one style for figures and dates, the same in the text ({id}
references), tables, charts and key figures; an outline's own typed text
should follow it too.

zh-CN: 1.7亿, 200万, 1000 (no separator), 近3亿美元, 约80%, 超过20倍, 90天;
2025年1月18日, 2025年1月8日—14日, 2025年1月; 截至2025年1月 beside a figure.

en (British dates, the document's language tag is en-GB): 170 million, 2.5
billion, 1,000, nearly $300 million ("$" for US dollars, never "US$"), about
80%, over 20×, 90 days; 18 January 2025, 8–14 January 2025, January 2025;
"as of January 2025" beside a figure. The one exception is the deck's figure
tiles (key figures, and a chart of a few figures), set large in narrow tiles:
there millions and billions are written 170m, nearly $300m, $2.5bn, with the
same currency sign and qualifier words; the document, with room to spare,
spells them out everywhere, its charts too.

A table column headed with a word (As of, 截至) holds the bare value under it:
as_of_date, not as_of_text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from briefing.outline.model import Locale, Outline, Qualifier, Statistic, Unit

_CHINESE_DIGITS = "零一二三四五六七八九"
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


@dataclass(frozen=True)
class Labels:
    contents: str
    summary: str
    figure: str
    figure_data: str  # after the title of the table that holds a figure's data; {} is the figure's number
    appendix_table: str  # an appendix table's label, and what goes before its number: 附表 1, Table A1
    appendix_number: str
    continued: str
    sources: str
    source_prefix: str
    as_of: str
    caveat: str
    timeline: str
    key_figures: str
    agenda: str
    prepared: str
    published: str
    quote_dash: str
    list_separator: str
    clause_separator: str  # between independent statements in one line
    colon: str
    gap_months: str
    gap_days: str
    note_different_dates: str  # under a chart whose figures hold for different dates
    note_part_of: str  # under a chart one of whose figures is a part of another
    note_prefix: str  # before that note
    comma: str
    audience_line: str
    full_stop: str
    closing: str
    implications: str  # the closing section's heading and its slide's label
    page_of: str  # around the PAGE and NUMPAGES fields
    aside: str  # a parenthetical remark: "（{}）" or " ({})"
    data_appendix: str
    timeline_headers: tuple[str, ...]
    statistics_headers: tuple[str, ...]


LABELS = {
    Locale.ZH_CN: Labels(
        contents="目录",
        summary="核心要点",
        figure="图",
        figure_data="（图{}的数据及来源）",
        appendix_table="附表",
        appendix_number="",
        continued="（续）",
        sources="资料来源",
        source_prefix="来源：",
        as_of="截至{date}",
        caveat="发布方声明",
        timeline="事件时间线",
        key_figures="关键数据",
        agenda="议程",
        prepared="简报日期",
        published="发布于{date}",  # no space: 发布于2025年2月2日, as 截至2025年1月
        quote_dash="——",
        list_separator="、",
        clause_separator="；",
        colon="：",
        gap_months="约{n}个月后",
        gap_days="{n}天后",
        note_different_dates="各项数据时点不同，仅作量级对比",
        note_part_of="{part}包含在{whole}之内",
        note_prefix="注：",
        comma="，",
        audience_line="面向：{}",
        full_stop="。",
        closing="谢谢",
        implications="对我们意味着什么",
        page_of="第{page}页，共{pages}页",
        aside="（{}）",
        data_appendix="数据与时间线",
        timeline_headers=("日期", "事件", "来源"),
        statistics_headers=("指标", "数值", "截至", "说明", "来源"),  # the third column: as_of_date
    ),
    Locale.EN: Labels(
        contents="Contents",
        summary="Key takeaways",
        figure="Figure",
        figure_data=" (the data of Figure {}, with sources)",
        appendix_table="Table",
        appendix_number="A",
        continued=" (continued)",
        sources="Sources",
        source_prefix="Source: ",
        as_of="as of {date}",
        caveat="Publisher's note",
        timeline="Timeline of events",
        key_figures="Key figures",
        agenda="Agenda",
        prepared="Prepared",
        published="published {date}",
        quote_dash="— ",
        list_separator=", ",
        clause_separator="; ",
        colon=": ",
        gap_months="{n} months later",
        gap_days="{n} days later",
        note_different_dates="the figures hold for different dates: compare their size only",
        note_part_of="{part} is part of {whole}",
        note_prefix="Note: ",
        comma=", ",
        audience_line="For: {}",
        full_stop=". ",
        closing="Thank you",
        implications="What this means",
        page_of="Page {page} of {pages}",
        aside=" ({})",
        data_appendix="Data and timeline",
        timeline_headers=("Date", "Event", "Source"),
        statistics_headers=("Measure", "Value", "As of", "Notes", "Source"),  # the third column: as_of_date
    ),
}

_QUALIFIERS = {
    Locale.ZH_CN: {Qualifier.ABOUT: "约", Qualifier.NEARLY: "近", Qualifier.OVER: "超过"},
    Locale.EN: {Qualifier.ABOUT: "about ", Qualifier.NEARLY: "nearly ", Qualifier.OVER: "over "},
}


def language_tag(locale: Locale) -> str:
    """The BCP 47 tag written into documents for the outline's locale."""
    return "zh-CN" if locale is Locale.ZH_CN else "en-GB"


def labels(locale: Locale) -> Labels:
    return LABELS[locale]


def see_figures(locale: Locale, count: int) -> tuple[str, ...]:
    """The words before, between and after `count` figure numbers that the text refers to:
    见图2、图3 and see Figures 2 and 3 are ('见图', '、图', '') and ('see Figures ', ' and ', '')."""
    figure = labels(locale).figure
    if locale is Locale.ZH_CN:
        return (f"见{figure}", *[f"、{figure}"] * (count - 1), "")
    if count == 1:
        return (f"see {figure} ", "")
    return (f"see {figure}s ", *[", "] * (count - 2), " and ", "")


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 105 -> 一百零五, 2024 -> 二千零二十四; from 10000, digits."""
    if n < 10:
        return _CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (_CHINESE_DIGITS[n - 10] if n > 10 else "")
    if n >= 10000:
        return str(n)
    text, zero_pending = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            text += ("零" if zero_pending and text else "") + _CHINESE_DIGITS[digit] + unit
            zero_pending = False
        else:
            zero_pending = True
    return text


def numbered_titles(outline: Outline) -> dict[str, str]:
    """Each section's and sub-section's heading with its number: 一、事件突发, （一）…"""
    numbers = title_numbers(outline)
    return {part.id: numbers[part.id] + part.title for part in outline.parts()}


def title_numbers(outline: Outline) -> dict[str, str]:
    """Each section's and sub-section's number as its heading shows it: 一、, （一）, 1. , 1.1 """
    locale = outline.meta.locale
    numbers: dict[str, str] = {}
    for index, section in enumerate(outline.sections):
        number = (section.number or index + 1) - 1
        numbers[section.id] = section_number(locale, number)
        for sub_index, sub in enumerate(section.subsections):
            numbers[sub.id] = subsection_number(locale, number, (sub.number or sub_index + 1) - 1)
    return numbers


def section_number(locale: Locale, index: int) -> str:
    """The prefix of the index-th (0-based) section heading: 一、 or 1."""
    return f"{chinese_number(index + 1)}、" if locale is Locale.ZH_CN else f"{index + 1}. "


def subsection_number(locale: Locale, section_index: int, index: int) -> str:
    """The prefix of a sub-section heading: （一） or 1.1"""
    if locale is Locale.ZH_CN:
        return f"（{chinese_number(index + 1)}）"
    return f"{section_number(locale, section_index).rstrip('. ')}.{index + 1} "


def _trim(value: float) -> str:
    text = f"{round(value, 3):,.3f}".rstrip("0").rstrip(".")
    return text


def significant_digits(value: float) -> int:
    """How many significant digits a raw value is written with: 157600000 -> 4, 170000000 -> 2, 20 -> 1."""
    if value <= 0:
        return 1
    digits = format(Decimal(repr(float(value))).normalize(), "f").replace(".", "").lstrip("0")
    return max(1, len(digits.rstrip("0")))


def round_significant(value: float, digits: int, rounding: str = ROUND_HALF_UP) -> float:
    """value rounded (half up, or as `rounding` says) to so many significant digits: 157600000, 2 -> 160000000."""
    if value <= 0:
        return value
    exact = Decimal(repr(float(value)))
    quantum = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    return float(exact.quantize(quantum, rounding=rounding))


_CJK = re.compile(r"[\u3400-\u9fff]")

# Rounding that keeps a qualifier true: "over 6.82亿" may read "over 6.8亿" but never "over 6.9亿";
# "nearly 1.576亿" may read "nearly 1.6亿" but never "nearly 1.5亿".
_ROUNDING = {Qualifier.OVER: ROUND_FLOOR, Qualifier.NEARLY: ROUND_CEILING}


def format_number(value: float, locale: Locale, compact: bool = False, significant: int | None = None,
                  rounding: str = ROUND_HALF_UP) -> str:
    """170000000 -> 1.7亿 or 170 million (compact: 170m); 2000000 -> 200万 or 2 million.

    significant: round to so many significant digits first (charts give all their values one precision).
    """
    if significant is not None:
        value = round_significant(value, significant, rounding)
    if locale is Locale.ZH_CN:  # no thousands separator before 万 and 亿: 1256万, 3500亿
        for scale, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
            if value >= scale:
                return f"{_trim(value / scale).replace(',', '')}{name}"
        return _trim(value).replace(",", "")
    if value >= 1e12:
        return f"{_trim(value / 1e12)}{'tn' if compact else ' trillion'}"
    if value >= 1e9:
        return f"{_trim(value / 1e9)}{'bn' if compact else ' billion'}"
    if value >= 1e6:
        return f"{_trim(value / 1e6)}{'m' if compact else ' million'}"
    return _trim(value)


def format_value(statistic: Statistic, locale: Locale, qualified: bool = True, compact: bool = False,
                 significant: int | None = None) -> str:
    """The figure as a reader sees it: 近3亿美元, 约80%, over 20×, nearly $300 million; compact (the deck's
    key figures only) for large type: nearly $300m.

    significant: so many significant digits (a chart's one precision); the value's own otherwise.
    """
    qualifier = statistic.qualifier if qualified else None
    rounding = ROUND_HALF_UP if qualifier is None else _ROUNDING.get(qualifier, ROUND_HALF_UP)
    number = format_number(statistic.value, locale, compact, significant, rounding)
    zh = locale is Locale.ZH_CN
    match statistic.unit:
        case Unit.PERCENT:
            text = f"{number}%"
        case Unit.USD:
            text = f"{number}美元" if zh else f"${number}"
        case Unit.TIMES:
            text = f"{number}倍" if zh else f"{number}×"
        case Unit.DAYS:
            text = f"{number}天" if zh else f"{number} days"
        case _:
            text = number
            if statistic.unit_name:  # a Chinese unit follows the number closely: 1.59亿吨, 3.1 million tonnes
                text += statistic.unit_name if _CJK.match(statistic.unit_name) else f" {statistic.unit_name}"
    if qualified and statistic.qualifier is not None:
        text = _QUALIFIERS[locale][statistic.qualifier] + text
    return text


def format_date(day: date, locale: Locale) -> str:
    if locale is Locale.ZH_CN:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_date_range(start: date, end: date | None, locale: Locale) -> str:
    """2025年1月8日—14日, 8–14 January 2025, 27 October – 2 November 2021; a single day when end is None."""
    if end is None or end == start:
        return format_date(start, locale)
    zh = locale is Locale.ZH_CN
    if start.year == end.year and start.month == end.month:
        if zh:
            return f"{format_date(start, locale)}—{end.day}日"
        return f"{start.day}–{format_date(end, locale)}"
    if zh:
        tail = f"{end.month}月{end.day}日" if start.year == end.year else format_date(end, locale)
        return f"{format_date(start, locale)}—{tail}"
    if start.year == end.year:  # the year once, as the Chinese form says it once
        # A no-break space keeps the second day with its month where the range wraps ('27 October –').
        return f"{start.day} {_MONTHS_EN[start.month - 1]} – {end.day}\u00a0{_MONTHS_EN[end.month - 1]} {end.year}"
    return f"{format_date(start, locale)} – {format_date(end, locale)}"


def format_partial_date(text: str, locale: Locale) -> str:
    """'2024-07' -> 2024年7月 or July 2024; full dates as format_date."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts), locale)
    if len(parts) == 2:
        year, month = parts
        return f"{year}年{month}月" if locale is Locale.ZH_CN else f"{_MONTHS_EN[month - 1]} {year}"
    return f"{parts[0]}年" if locale is Locale.ZH_CN else str(parts[0])


def as_of_date(statistic: Statistic, locale: Locale) -> str | None:
    """When the figure held, bare: 2025年1月, January 2025; for a column already headed 截至 / As of."""
    return None if statistic.as_of is None else format_partial_date(statistic.as_of, locale)


def as_of_text(statistic: Statistic, locale: Locale) -> str | None:
    """When the figure held, said so: 截至2025年1月, as of January 2025; beside the figure."""
    when = as_of_date(statistic, locale)
    return None if when is None else labels(locale).as_of.format(date=when)


def gap_text(days: int, locale: Locale) -> str:
    """How much time a compressed stretch of a timeline stands for."""
    words = labels(locale)
    if days >= 45:
        return words.gap_months.format(n=round(days / 30.44))
    return words.gap_days.format(n=days)
