"""Numbers and dates read the way each locale writes them."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.outline.locale import (
    as_of_date,
    as_of_text,
    chinese_number,
    format_date,
    format_date_range,
    format_number,
    format_value,
)
from briefing.outline.model import Locale, Statistic, from_data

ZH, EN = Locale.ZH_CN, Locale.EN


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (170_000_000, "1.7亿", "170 million"),
        (157_600_000, "1.576亿", "157.6 million"),
        (682_000_000, "6.82亿", "682 million"),
        (2_000_000, "200万", "2 million"),
        (300_000_000, "3亿", "300 million"),
        (1000, "1000", "1,000"),
        (80, "80", "80"),
        (2_500_000_000, "25亿", "2.5 billion"),
        (39_790_000_000_000, "39.79万亿", "39.79 trillion"),  # 万亿, not '397,900亿'
        (12_560_000, "1256万", "12.56 million"),  # not '1,256万'
        (350_000_000_000, "3500亿", "350 billion"),
    ],
)
def test_numbers(value: float, zh: str, en: str) -> None:
    assert format_number(value, ZH) == zh
    assert format_number(value, EN) == en


def statistic(**overrides: object) -> Statistic:
    fields = {"id": "x", "label": "l", "value": 1, "unit": "count", "measures": "m", "source": "s"}
    return from_data(Statistic, fields | overrides)


@pytest.mark.parametrize(
    ("fields", "zh", "en"),
    [
        ({"value": 300_000_000, "unit": "usd", "qualifier": "nearly"}, "近3亿美元", "nearly $300 million"),
        ({"value": 80, "unit": "percent", "qualifier": "about"}, "约80%", "about 80%"),
        ({"value": 20, "unit": "times", "qualifier": "over"}, "超过20倍", "over 20×"),
        ({"value": 90, "unit": "days"}, "90天", "90 days"),
        ({"value": 159_000_000, "unit": "count", "unit_name": "吨"}, "1.59亿吨", "159 million吨"),
        ({"value": 3_100_000, "unit": "count", "unit_name": "tonnes", "qualifier": "over"}, "超过310万 tonnes",
         "over 3.1 million tonnes"),
        ({"value": 170_000_000, "unit": "count", "noun": "用户"}, "1.7亿", "170 million"),  # a noun is no unit
    ],
)
def test_values_with_units_and_qualifiers(fields: dict, zh: str, en: str) -> None:
    assert format_value(statistic(**fields), ZH) == zh
    assert format_value(statistic(**fields), EN) == en


def test_dates() -> None:
    assert format_date(date(2025, 1, 18), ZH) == "2025年1月18日"
    assert format_date(date(2025, 1, 18), EN) == "18 January 2025"
    assert format_date_range(date(2025, 1, 8), date(2025, 1, 14), ZH) == "2025年1月8日—14日"
    assert format_date_range(date(2025, 1, 8), date(2025, 1, 14), EN) == "8–14 January 2025"
    assert format_date_range(date(2024, 12, 30), date(2025, 1, 2), ZH) == "2024年12月30日—2025年1月2日"
    assert format_date_range(date(2024, 12, 30), date(2025, 1, 2), EN) == "30 December 2024 – 2 January 2025"
    assert format_date_range(date(2021, 10, 27), date(2021, 11, 2), ZH) == "2021年10月27日—11月2日"
    assert format_date_range(date(2021, 10, 27), date(2021, 11, 2), EN) == "27 October – 2\u00a0November 2021"


def test_chinese_numerals_for_headings() -> None:
    assert [chinese_number(n) for n in (1, 5, 10, 12, 20, 31)] == ["一", "五", "十", "十二", "二十", "三十一"]
    assert [chinese_number(n) for n in (100, 105, 110, 999, 1001, 2024)] == [
        "一百", "一百零五", "一百一十", "九百九十九", "一千零一", "二千零二十四"]
    assert chinese_number(12345) == "12345"


@pytest.mark.parametrize(
    ("fields", "zh", "en"),
    [
        ({"value": 300_000_000, "unit": "usd", "qualifier": "nearly"}, "近3亿美元", "nearly $300m"),
        ({"value": 2_500_000_000, "unit": "usd"}, "25亿美元", "$2.5bn"),
        ({"value": 170_000_000, "unit": "count"}, "1.7亿", "170m"),
        ({"value": 1000, "unit": "count"}, "1000", "1,000"),
    ],
)
def test_compact_values_keep_the_currency_sign_and_zh_is_unchanged(fields: dict, zh: str, en: str) -> None:
    """The deck's figure tiles write millions short; the sign and qualifier are the running text's."""
    assert format_value(statistic(**fields), ZH, compact=True) == zh == format_value(statistic(**fields), ZH)
    assert format_value(statistic(**fields), EN, compact=True) == en


def test_english_money_is_written_with_one_sign() -> None:
    money = statistic(value=300_000_000, unit="usd")
    written = [format_value(money, EN), format_value(money, EN, compact=True),
               format_value(money, EN, significant=2), format_value(money, EN, qualified=False)]
    assert written == ["$300 million", "$300m", "$300 million", "$300 million"]
    assert not any("US$" in text for text in written)


def test_as_of_is_said_beside_a_figure_and_bare_under_a_heading() -> None:
    held = statistic(as_of="2025-01")
    assert (as_of_text(held, ZH), as_of_date(held, ZH)) == ("截至2025年1月", "2025年1月")
    assert (as_of_text(held, EN), as_of_date(held, EN)) == ("as of January 2025", "January 2025")
    assert as_of_date(statistic(as_of="2025-01-14"), EN) == "14 January 2025"
    assert as_of_date(statistic(), ZH) is None and as_of_text(statistic(), EN) is None
