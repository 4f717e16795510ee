"""The figures an article states, each with its raw value, unit, qualifier and what it counts.

'近 3 亿美元' is 300000000 usd, nearly; 'about 2 million creators' is 2000000, about, of creators.
`briefing draft` lists them as statistics and `briefing check` proves a statistic's value against
them, so a number that is not a statistic must not be found: precision matters as much as recall.

What is a figure: a number with a scale (1.7 亿, 170 million, 两千万), a percentage (80%, 80
percent, 百分之八十, and tenths where they cannot be a word: 近六成, 三成以上), a multiple (20 倍,
20 times, 20-fold), money (300亿元, $300 million, €5bn, £3m), a number of days (90 天, 90 days, a
90-day reprieve), a quantity measured in a unit (1.59 亿吨, 16.2 万公里, 900 万标箱, 3,400 tons, 1.2
million barrels, 500MW: unit 'count', the unit word its `noun`, `measured` true), or a count: a
number with what it counts after it (1000 个工作岗位, 1,000 jobs), a number grouped in thousands
(170,000,000) or, from a thousand on, one qualified (超过 5000, over 5000).

The units of measure (_MEASURES): lengths (公里 千米 米 厘米 毫米 英里, km miles metres), weights
(吨 斤 公斤 千克 克, tons tonnes kg pounds), areas (亩 公顷 平方米 平方公里, acres hectares square
metres/feet/miles), volumes (立方米 升 桶, litres barrels bpd), power and energy (千瓦 兆瓦 千瓦时,
度 when scaled or before 电, kW MW GW kWh MWh GWh TWh), containers (标箱, TEU).

What is not (each also in the tests): years (2024 年, in 2024, the 1990s), parts of dates (1 月
18 日, January 18, 2025-01-18), times of day (10:30, 3 p.m., 3 点), phone numbers, pages, sections
and list numbers (第 3 页, page 3, 一、, 1., 1.1, (2)), ordinals and ranks (第一, 2nd, No. 1, top 10,
前 10 名), versions (v1.2, 3.2.1, iOS 17), names with numbers (COVID-19, Section 230, Boeing 737,
iPhone 16, G20, 5G), numbers in URLs and e-mail addresses, comparison windows (较前 7 天, the
previous 7 days), ratios (four in 10), tenths that may be words (八成是 'probably', 一成不变, 十成,
三成用户, 七成新), quantities that are no amount of anything (a class: 10 万吨级; a place: 3 公里外,
3 km away; a race: 100 米跑, the 10 km run; a unit as the adjective of a small number: a 10-ton truck,
a 40-acre farm) and quantities in units this model has no unit for (years, months, hours, minutes, ages
岁, floors, degrees and temperatures, percentage points, 级, 代, 届, 期, feet, inches, mph, bytes,
纳米): skipped rather than mislabelled as counts.

Decisions worth knowing:
- A latin word between a number and a Chinese noun belongs to the noun: '6.82 亿 TikTok 用户'
  counts 'TikTok 用户'. A number glued to a latin word ('TikTok90 天') is a figure only when a
  unit, scale or Chinese measure word follows it; otherwise it is part of a name (MH370, G20).
- Vague quantities are skipped: 数百万, 上千, 几十倍, 十几, millions of, dozens. A bare 百/千/万
  is a figure only after a qualifier (逾千人, 近百万), never alone (百万粉丝, 千万 'by all means').
- Numbers written in Chinese numerals are figures only where they cannot be a word: with 万/亿
  (两千万), after 百分之, before 倍, ten days or more (九十天), or a hundred and more before a
  measure word or after a qualifier (一千名). 一位, 一系列, 三思 and 十分 are words.
- Upper bounds (不到, 不足, less than, under, up to) are 'nearly', the closest of the three
  qualifiers; the words stay in the figure's `written`.
- '¥' and '￥' are yuan (CNY): the articles read here are Chinese or English, not Japanese. Cents
  are dollars ('13 cents' is usd 0.13), pence pounds.
- English 'times' is a multiple after growth or before a comparison ('grew 20 times', '3 times
  more'); elsewhere it counts occasions ('called 25 times') and is no figure. 倍 and -fold always are.
- Full-width forms and traditional characters read as their half-width and simplified selves
  (１．７億 is 1.7 亿); `written` and `noun` are always the text's own.
- Ranges whose lower end is bare ('2-3 million', '2至3亿', 'between 2 and 3 million', '5 to 7%', '8–14') are
  not read: either end alone misstates them. Ends written whole are ('20%-30%', 'from 9,800 to 11,400
  jobs'). Signs are not read: '-5%' and '+5%' are 5. A year after an English qualifier ('an increase over
  2023') is a year unless a noun follows ('more than 2023 people').
- A quantity measured in a unit is a figure whatever its size, as a sum or a number of days is: a
  height of 10 米, a water level 1.12 米 over its mark and a depth of 10 km are what a report
  states. Where a length places something rather than measures it (3 公里外, 500 米处, 向东 1.6
  公里, 3 km away, 5 miles north of), it is skipped. A unit in Chinese numerals needs a hundred and more, as a
  measure word does (三百吨, but 最后一公里). 'pounds' weigh only as 'pounds of' something that is not
  money ('3,000 pounds of beef'); elsewhere they are sterling. 1米8 and 2斤半 (two parts) are skipped.
- A unit as an adjective (hyphened, or singular after a number other than one) measures what it describes when
  the number is grouped, scaled or from 10,000 on: 'a 325,000-square-foot facility' is 325,000 with the noun
  'square-foot' (`unit_words` writes it 'square feet'), 'a 1,300-km pipeline' 1,300 km; the noun after it is
  what it measures. A small one names a kind of thing, a spec rather than what the article reports (a 10-ton
  truck, a 40-acre farm, a 500-square-foot flat), and is skipped, as a race is (the 10,000-metre final).
- Tenths (成) are a percentage only after a qualifier (近六成, 超过两成, 不到一成), after a verb of
  change or share (增长两成, 占三成), or before a bound or 的 (三成以上, 两成多, 三成的用户); from one
  to nine, and 一成半 is 15%. Elsewhere 成 is as likely a word (八成是, 一成为, 成本, 成员).
- An English plain number needs a plural noun after it ('1,000 jobs', '3 judges'); one of four
  digits from 1000 to 2100 is taken for a year unless grouped ('2,000 jobs') or qualified.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

UNITS = ("count", "percent", "usd", "times", "days", "money")
QUALIFIERS = ("about", "nearly", "over")


@dataclass(frozen=True)
class Figure:
    """One figure as the text writes it: the span runs from its qualifier to its scale or unit."""

    start: int
    end: int
    written: str            # text[start:end]: '近 3 亿美元', 'about 80%'
    value: float            # the raw value: '1.7 亿' -> 170000000, '80%' -> 80, '20 倍' -> 20
    unit: str               # one of UNITS
    currency: str | None    # ISO 4217 code when unit is 'money'; None otherwise
    qualifier: str | None   # one of QUALIFIERS, or None
    noun: str | None        # what is counted, right after the figure: '用户', '个工作岗位', 'jobs'
    digits: int             # significant digits as written: '1.576 亿' -> 4, '200 万' -> 1
    measured: bool = False  # the noun is a unit of measure ('吨', '公里', 'tons', 'km'), not a thing counted


def agrees(value: float, figure: Figure) -> bool:
    """Whether `value` is the figure's value (to a relative 1e-9: 1.7e8 and '1.7 亿' agree)."""
    return math.isclose(value, figure.value, rel_tol=1e-9)


def measure_of(noun: str) -> str | None:
    """The unit of measure a noun names, one name for all its spellings ('吨', 'tons', 'tonnes' -> 't'; '公里',
    'km' -> 'km'; 'square-foot', 'square feet' -> 'ft2'); None for a noun that counts things ('用户', 'jobs')."""
    return _MEASURE_OF.get(_unit_key(noun.translate(_FOLD)))


def unit_words(noun: str) -> str:
    """A measured figure's unit as a reader writes it after a number other than one: 'square-foot' and 'square
    foot' (a unit as an adjective: 'a 325,000-square-foot facility') are 'square feet', 'ton' 'tons'; the plural
    and the abbreviations ('tonnes', 'km', '吨') as they are."""
    key = _unit_key(noun)
    if key not in _SINGULAR_UNITS:
        return noun
    return key[:-len("foot")] + "feet" if key.endswith("foot") else key + "s"


def _unit_key(noun: str) -> str:
    """A unit's words as _MEASURE_OF spells them: lower case, one space where the text has blanks or hyphens."""
    return " ".join(re.split(r"[\s\-‐]+", noun.lower().strip()))


# Full-width digits, letters and marks as their ASCII selves, and the traditional forms of the Chinese
# letters read here as their simplified ones (萬 -> 万, 號 -> 号, 超過 -> 超过), one character for one,
# so that offsets in the folded text are offsets in the text.
_TRADITIONAL = ("萬億兩個號歲頁點時週輛項種場張條門間臺幣約過餘數幾層屆紀單員戶網國業車機區縣鎮廠師眾軍額歐鎊韓盧節級樓"
                "碼線鐘釐噸畝頃將於為與從對後這該裡裏內並還隻頭筆處顆絲編電話熱傳財茲幀會職設備應視頻崗資潤營訂閱躍擊圓")
_SIMPLIFIED = ("万亿两个号岁页点时周辆项种场张条门间台币约过余数几层届纪单员户网国业车机区县镇厂师众军额欧镑韩卢节级楼"
               "码线钟厘吨亩顷将于为与从对后这该里里内并还只头笔处颗丝编电话热传财兹帧会职设备应视频岗资润营订阅跃击圆")
_SPACES = (0x3000, 0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F)  # ideographic, no-break, thin ...
_FOLD = str.maketrans({0xFF01 + i: 0x21 + i for i in range(94)} | dict.fromkeys(_SPACES, 0x20)
                      | dict(zip(map(ord, _TRADITIONAL), map(ord, _SIMPLIFIED), strict=True)))

_HANZI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}
_HANZI_SMALL = {"十": 10, "百": 100, "千": 1000}
_WORD_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_WORD_NUMBER = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_SCALES = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4,
    "千": 10**3, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "trn": 10**12,
}

# Patterns that read English words are ASCII ((?a)): a word ends where the English alphabet does, so
# '170 million用户' has its scale though '用' is a letter to Unicode (the text's spaces are folded to ' ').

# Where a number may start: digits (grouped or not), 百分之 and a number, Chinese numerals, English
# number words before a scale ('two million'), and '-fold' words ('tenfold').
_NUMBER = re.compile(
    r"(?a)(?P<hundredths>百分之\s*)?(?:"
    r"(?P<arabic>(?<![0-9])(?<![0-9][.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)"
    r"|(?P<hanzi>[〇零一二两三四五六七八九十百千万亿]+(?:点[〇零一二两三四五六七八九]+[万亿]*)?))"
    rf"|(?i:\b(?P<words>half\s+a|(?:{_WORD_NUMBER})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"\s+(?P<word_scale>million|billion|trillion)\b(?!-))"
    rf"|(?i:\b(?P<fold>{_WORD_NUMBER})-?fold\b)")

# Text no figure is read in: web and e-mail addresses. Each starts where a word does, so a long run of
# letters is scanned once, not once from each of its letters.
_HIDDEN = re.compile(r"(?i)\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                     r"|(?<![\w.-])(?:[\w-]+\.)+(?:com|org|net|gov|edu|cn|io|uk)\b(?:/\S*)?")

# --- before the number -------------------------------------------------------------------------------------

_LEFT = 20  # characters before a number that may hold its qualifier, currency or label: 'in excess of '
_LEFT_ZH = 8  # the same in Chinese: '超过了 ', '电话: '

_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "hk$": "HKD", "a$": "AUD", "au$": "AUD",
                     "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "s$": "SGD", "nt$": "TWD", "r$": "BRL",
                     "mx$": "MXN", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB",
                     "rmb": "CNY", "人民币": "CNY", "港币": "HKD", "美元": "USD"}
_CURRENCY_CODES = ("USD", "CNY", "EUR", "GBP", "JPY", "HKD", "INR", "KRW", "AUD", "CAD", "CHF", "SGD", "TWD")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:US|U\.S\.|HK|AU|A|CA|C|NZ|S|NT|R|MX)?\$|[€£¥₹₩₽]|(?<![A-Za-z])(?:RMB|"
    + "|".join(_CURRENCY_CODES) + r")(?![a-z])|人民币|港币|美元)\s?$")

_CURRENCY_ENDS = frozenset("$€£¥₹₩₽币元")
_QUALIFIER_BEFORE_ZH = re.compile(
    r"(?:大约|大概|约有|约为|约合|(?<![节制契条合预邀公])约|将近|接近|几近|逼近|(?<![最附靠亲临])近|超过了|超过|"
    r"超出|逾|(?<!赶)超|至少|不超过|不到|不足|少于|低于)\s*$")
_QUALIFIER_BEFORE_EN = re.compile(
    r"(?i)(?<![A-Za-z])(?:about|around|approximately|approx\.|roughly|some|an estimated|estimated|circa|"
    r"nearly|almost|close to|just under|under|less than|fewer than|up to|no more than|"
    r"just over|well over|over|more than|above|at least|upwards of|in excess of|exceeding)\s+$")
_QUALIFIED = {
    "about": ("大约", "大概", "约有", "约为", "约合", "约", "about", "around", "approximately", "approx.", "roughly",
              "some", "an estimated", "estimated", "circa"),
    "nearly": ("将近", "接近", "几近", "逼近", "近", "不超过", "不到", "不足", "少于", "低于", "nearly", "almost",
               "close to", "just under", "under", "less than", "fewer than", "up to", "no more than"),
    "over": ("超过了", "超过", "超出", "逾", "超", "至少", "just over", "well over", "over", "more than", "above",
             "at least", "upwards of", "in excess of", "exceeding"),
}
_QUALIFIER_OF = {word: qualifier for qualifier, words in _QUALIFIED.items() for word in words}

# An ordinal, rank, list number or comparison window before the number: '第 3', '前 7 天', '较前 7 天'
# (but 目前, 当前 and their kind are 'now', and what follows them may well be a figure).
_ORDINAL_BEFORE_ZH = re.compile(r"(?:第|(?<![目当日空面眼跟向])前|过去|最近|头|首|编号|序号|电话|手机|热线|传真|号码)"
                                r"[:\s]*$")
# English words after which a number names something (page 3, Section 230) or picks it out (top 10).
_LABEL_WORDS = (
    "page|pages|p|pp|section|sections|sec|chapter|ch|article|art|clause|paragraph|para|figure|fig|table|item|"
    "rule|line|step|phase|round|room|floor|gate|platform|seat|flight|route|bus|highway|interstate|version|ver|"
    "v|rev|release|build|level|tier|grade|class|category|size|episode|ep|season|vol|volume|issue|no|nos|number|"
    "part|act|title|schedule|annex|appendix|exhibit|amendment|resolution|bill|case|docket|code|id|ref|"
    "top|previous|past|last|prior|preceding|first|tel|phone|telephone|fax|call|dial|ext|extension|box|suite|"
    "unit|apt|apartment|pin|zip|postcode|iso|model|series|mark|mk|type|week|day|year|quarter|q")
_LABEL_BEFORE_EN = re.compile(rf"(?i)(?<![A-Za-z])(?:{_LABEL_WORDS})\.?\s*$")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# The second number of a ratio: 'four in 10 adults', '1 out of 5'.
_RATIO_BEFORE = re.compile(r"(?i)(?:(?<![A-Za-z])(?:one|two|three|four|five|six|seven|eight|nine|ten)|[0-9])\s+"
                           r"(?:in|out\s+of)\s+$")
_MONTH_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_MONTHS})\.?\s*$")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.'’-]*)\s+$")
_VAGUE_BEFORE_ZH = re.compile(r"[几数上成好]\s*$")

def _words(separated_by_spaces: str) -> frozenset[str]:
    return frozenset(separated_by_spaces.split())


# Words that may stand capitalised before a number without making it part of a name ('In 2023',
# 'About 80%'): the qualifiers, and the little words a sentence or headline starts with.
_PLAIN_WORDS = _words(
    "a an the and or but of in on at to for from by with since until after before than only just exactly "
    "almost nearly about around over under some all another those these its their our his her my your "
    "while when as if so yet also then there here what which who whose where how why it they we he she i "
    "you this that are is was were be been has have had will would could should may might can do does did "
    "per via into onto within without between among across against during including total "
    "roughly approximately more less fewer least most up down estimated circa above below")

# --- after the number --------------------------------------------------------------------------------------

# Right after the digits: what makes the number something else than a figure.
_NOT_A_FIGURE_AFTER = re.compile(
    r"(?a)[.][0-9]"                     # a version or a section: 1.1.2
    r"|[-‐–—/:][0-9]"               # a range, date, time or phone number: 8-14, 1/18, 10:30, 555-0143
    r"|\s+[0-9]"                    # a run of numbers: phone numbers, codes
    r"|[A-Za-z]"                    # an ordinal, a decade, a name or a unit: 2nd, 1990s, 5G, 3D, 10am, 1Tbps
    r"|['’]s\b"                     # a year's: 2024's
    r"|\s*(?:°|℃|℉)"                # a temperature or an angle
    r"|、"                          # a list number: 1、
    r"|-(?:year|month|week|hour|minute|second|day-old|member|person|point|page|inch|foot|mile|km|"
    r"story|star|seat|strong)"     # an adjective of a unit not modelled: a 5-year plan
    rf"|\s+(?:{_MONTHS})\b"         # a date: 18 January
)
_SCALE_AFTER = re.compile(
    r"(?a)\s*(?P<more>多|余)?\s*(?P<scale>万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦卡字兆伏帕])"
    r"|(?i:thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b(?!-))(?P<more_after>多|余)?")
# '5m', '2k', '1.2b' mean money only after a currency sign ('£3m'); elsewhere metres, thousands of what?
_SHORT_SCALE_AFTER = re.compile(r"(?a)(?i)(?P<scale>[kmb])\b")
_MORE_AFTER = re.compile(r"\s*(?:多|余)")
_CURRENCY_AFTER_ZH = {"美元": "USD", "美金": "USD", "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "欧元": "EUR",
                      "英镑": "GBP", "日元": "JPY", "日圆": "JPY", "港元": "HKD", "港币": "HKD", "韩元": "KRW",
                      "卢布": "RUB", "澳元": "AUD", "加元": "CAD", "新台币": "TWD", "新加坡元": "SGD", "卢比": "INR",
                      "瑞士法郎": "CHF"}
_CURRENCY_AFTER_EN = {"us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
                      "hong kong dollars": "HKD", "australian dollars": "AUD", "canadian dollars": "CAD",
                      "singapore dollars": "SGD", "new taiwan dollars": "TWD", "nt dollars": "TWD", "dollars": "USD",
                      "euros": "EUR", "euro": "EUR", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
                      "rupees": "INR", "roubles": "RUB", "rubles": "RUB",
                      # Weights and a verb besides, so only after a scale: '3 billion pounds'.
                      "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP", "won": "KRW"}
_AFTER_SCALE_ONLY = frozenset({"pounds sterling", "pounds", "sterling", "won"})
_CURRENCY_AFTER = re.compile(
    r"(?a)\s*(?:(?P<zh>" + "|".join(sorted(_CURRENCY_AFTER_ZH, key=len, reverse=True)) + r")"
    r"|(?i:(?P<en>" + "|".join(re.escape(word).replace(r"\ ", r"\s+")
                                for word in sorted(_CURRENCY_AFTER_EN, key=len, reverse=True)) + r"))\b)")
_CENTS_AFTER = re.compile(r"(?a)(?i)\s*(?:cents?|pence)\b")
_PERCENT_POINTS = re.compile(r"(?a)(?i)\s*(?:%\s*|per\s*cent(?:age)?\s+|percentage\s+)points?\b|\s*个?百分点|\s*pp\b")
_PERCENT_AFTER = re.compile(r"(?a)(?i)\s*(?:%|percent\b|per\s+cent\b|pct\b)")
_TIMES_AFTER = re.compile(r"(?a)(?i)\s*(?:倍|-?fold\b)")
# 'times' multiplies after growth ('grew 20 times', 'up 3 times') or before a comparison ('20 times more',
# 'three times as many'); elsewhere it counts occasions ('called 25 times'), which are not figures here.
_TIMES_WORD = re.compile(r"(?a)(?i)\s*times\b")
_COMPARED_AFTER = re.compile(r"(?a)(?i)\s+(?:more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|"
                             r"as|over|the|that|its|their|what)\b")
_GROWTH_BEFORE = re.compile(r"(?i)(?<![A-Za-z])(?:grew|grow|grows|growing|grown|rose|rise|rises|risen|rising|"
                            r"increased?|increases|increasing|jumped|jumps|surged?|surges|soared|soars|climbed|climbs|"
                            r"multiplied|expanded|up|boosted)(?:\s+by)?\s*$")
_DAYS_AFTER = re.compile(r"(?a)(?i)\s*(?:天|days?\b|-day\b)")
_QUALIFIER_AFTER = re.compile(r"(?a)(?i)\s*(?P<zh>左右|上下|以上|多)|(?P<plus>\+|-plus\b)|\s+(?P<en>or so|or more)\b")
# Units this model has no unit for, and what makes a number a date or a time: skip, don't mislabel. (Units of
# measure are here too, for where they measure nothing: 10 万吨级, 3 公里外; see _measured_unit.)
# (Not where the letter starts a noun: 10 亿月活跃用户, 1.7 亿点击, 3000 代表, 200 万年轻人.)
_UNMODELLED_AFTER = re.compile(
    r"\s*(?:年(?!轻)|月(?!活)|日(?!活)|号|时(?!长)|点(?!击|赞|评|播)|分(?!享|别|之|钟)|秒|岁|度(?!假)|页|章|节(?!目)|版"
    r"|代(?!表|理)|级|楼|层|届|期|成(?![员本交立为果绩就功])|折(?![扣合])|世纪|周(?!边)|星期|小时|分钟|季度|财年|米|公里|厘米|毫米"
    r"|公斤|斤|克|吨|升|毫升|亩|公顷|平方|立方|英里|英尺|英寸|寸|磅|盎司|桶|瓦|千瓦|兆瓦|伏|赫兹|字节|像素|帧|码|基点|位数"
    r"|次(?=列车|火车|动车|高铁|绿皮|慢火车|特快|航班)|路(?!人)|号线|个月|个小时|个季度|个星期|个工作日|个交易日|个百分点|个字)"
    r"|(?i:\s*(?:years?|yrs?|months?|weeks?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|century"
    r"|a\.m\.|p\.m\.|am|pm|o'clock|gmt|utc|cet|bst|est|edt|pst|pdt|et|pt|km|kms|kilomet(?:er|re)s?|miles?|"
    r"meters?|metres?|m|cm|mm|nm|feet|foot|ft|inch(?:es)?|in\.|kg|kgs|kilos?|kilograms?|grams?|g|mg|tons?|tonnes?|"
    r"lbs?|ounces?|oz|litres?|liters?|l|ml|gallons?|barrels?|bpd|acres?|hectares?|ha|square|sq|cubic|degrees?|"
    r"mph|kph|km/h|knots?|kw|kwh|mw|mwh|gw|gwh|tw|twh|megawatts?|gigawatts?|watts?|volts?|bytes?|kb|mb|gb|tb|"
    r"bits?|hz|khz|mhz|ghz|points?|pts|basis|bps|calories|kcal|sq\.?\s*ft|ppm|storeys?|stories|floors?)"
    r"(?![A-Za-z0-9]))")

# Units of measure a figure is counted in, by a name of their own (so that '吨' and 'tons' are one unit to
# `briefing check`), each with the words that write it after a number (English ones in lower case: they are read
# whatever their case, MW and mw alike).
_MEASURES = {
    "km": ("公里", "千米", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer"),
    "m": ("米", "metres", "meters", "metre", "meter"),
    "cm": ("厘米",), "mm": ("毫米",),
    "mile": ("英里", "miles", "mile"),
    "t": ("吨", "metric tons", "metric tonnes", "tonnes", "tonne", "tons", "ton", "metric ton", "metric tonne"),
    "t-km": ("吨公里",),
    "jin": ("斤",),
    "kg": ("公斤", "千克", "kg", "kgs", "kilograms", "kilogram", "kilos"),
    "g": ("克",),
    "lb": ("pounds", "pound", "lbs", "lb"),
    "mu": ("亩",),
    "ha": ("公顷", "hectares", "hectare"),
    "acre": ("acres", "acre"),
    "m2": ("平方米", "square metres", "square meters", "sq m", "square metre", "square meter"),
    "km2": ("平方公里", "平方千米", "square kilometres", "square kilometers", "square km", "sq km", "square kilometre",
            "square kilometer"),
    "ft2": ("square feet", "sq ft", "square foot"),
    "mi2": ("square miles", "square mile"),
    "m3": ("立方米", "cubic metres", "cubic meters"),
    "l": ("升", "litres", "liters", "litre", "liter"),
    "barrel": ("桶", "barrels", "barrel", "bpd"),
    "kw": ("千瓦", "kw", "kilowatts", "kilowatt"),
    "mw": ("兆瓦", "mw", "megawatts", "megawatt"),
    "gw": ("gw", "gigawatts", "gigawatt"),
    "kwh": ("千瓦时", "度", "kwh", "kilowatt-hours", "kilowatt hours"),
    "mwh": ("mwh",), "gwh": ("gwh",), "twh": ("twh", "terawatt-hours", "terawatt hours"),
    "teu": ("标箱", "teu", "teus"),
}
_MEASURE_OF = {word: name for name, words in _MEASURES.items() for word in words}
# The spellings of one unit, which after a number other than one make it an adjective ('a 40,000 square foot
# campus', 'a 10 ton truck'), as a hyphen does ('a 325,000-square-foot facility', 'a 1,300-km pipeline').
_SINGULAR_UNITS = frozenset((
    "square foot", "square mile", "square metre", "square meter", "square kilometre", "square kilometer", "ton",
    "tonne", "metric ton", "metric tonne", "kilogram", "pound", "acre", "hectare", "mile", "metre", "meter",
    "kilometre", "kilometer", "litre", "liter", "barrel", "kilowatt", "megawatt", "gigawatt"))
# A unit as an adjective measures what it describes when the number is grouped ('325,000'), scaled ('1.2
# million') or this large; smaller, it names a kind of thing (a 10-ton truck, a 40-acre farm), a spec rather
# than an amount the article reports.
_MEASURING_ADJECTIVE = 10_000
_LENGTHS = frozenset({"km", "m", "cm", "mm", "mile"})
# Letters after which a Chinese unit word is something else: 升至 'rose to', 克拉 'carats', 吨位 'tonnage',
# 米其林, and 1米8 (a height in two parts, of which the first alone is wrong).
_WORD_GOES_ON = {"升": "[至到为级高温值幅格职学任迁空旗入]", "克": "[拉隆服制]", "吨": "位",
                 "米": "[其粒饭一二两三四五六七八九]"}
_MEASURE_AFTER = re.compile(
    r"(?a)\s*(?P<unit>"
    + "|".join(word + (f"(?!{_WORD_GOES_ON[word]})" if word in _WORD_GOES_ON else "")
               for word in sorted((w for w in _MEASURE_OF if not w.isascii()), key=len, reverse=True))
    + r"|(?i:(?:" + "|".join(word.replace(" ", r"\s+") for word in sorted(
        (w for w in _MEASURE_OF if w.isascii()), key=len, reverse=True)) + r")(?![A-Za-z0-9])))")
_UNIT_ADJECTIVE_AFTER = re.compile(
    r"(?a)[-‐](?P<unit>(?i:" + "|".join(word.replace(" ", "[- ]") for word in sorted(
        (w for w in _MEASURE_OF if w.isascii()), key=len, reverse=True)) + r"))(?![A-Za-z0-9])")
# After the unit: a class, not a quantity (10万吨级, 百万千瓦级), or a second part (2斤半, 1米8).
_CLASS_AFTER = re.compile(r"级|[0-9]|半")
# After a length: where something is, not how much of it (3公里外, 500米处, 3 km away, 5 miles north of),
# or a race (100米跑, 400米栏, the 10 km run, 200 metres freestyle).
_PLACE_OR_RACE_AFTER = re.compile(
    r"\s*(?:以外|之外|开外|外|处|远|跑(?!道)|栏|赛|决赛|预赛|半决赛|自由泳|蝶泳|仰泳|蛙泳|混合泳|接力|短跑|障碍|越野|马拉松|竞走)"
    r"|(?i:\s+(?:away|off|offshore|inland|(?:north|south|east|west)(?:east|west)?\s+of|race|run|walk|sprint|"
    r"relay|dash|hurdles|freestyle|butterfly|backstroke|breaststroke|medley|marathon|finals?|semifinals?|heats?|"
    r"title|world\s+record|gold|silver|bronze)\b)")
# Before a length, a direction: it places something too (向东 1.6 公里, 西北方向 10 公里, 以南约 3 公里).
_PLACE_BEFORE_ZH = re.compile(r"(?:[向往朝以偏][东南西北]{1,2}|[东南西北]{1,2}(?:方向|侧|面))\s*$")
# 'pounds' weigh only when they are pounds of something other than money ('3,000 pounds of beef');
# elsewhere they are sterling (see _CURRENCY_AFTER_EN).
_WEIGHT_OF = re.compile(r"(?i)\s+of\s+(?!(?:the\s+|taxpayers'?\s+|public\s+)?(?:money|cash|funding|funds|"
                        r"investment|debt|spending|revenue|aid|savings|profits?|losses|tax|taxes|subsidies|grants?)\b)")

# Tenths, 成: '近六成' is nearly 60%, '一成半' 15%. Not where 成 starts a word (成本, 成员, 成立; but 两成员工 is
# 20% of the staff), nor 七成新 and 五成熟 (how new, how done).
_TENTHS_AFTER = re.compile(r"\s*成(?P<half>半)?(?!本|员(?!工)|立|交|果|绩|就|功|熟|新|型|品(?!牌)|分|份|长|效|千)")
# What makes a numeral and 成 tenths rather than a word ('八成是' 'probably', '一成不变', '一成为'): a qualifier
# before it (近六成), or a verb of change or share (增长两成, 占三成), or after it a bound or 的 (三成以上, 三成的).
_TENTHS_BOUND_AFTER = re.compile(r"\s*(?:以上|左右|上下|多|的)")
_CHANGE_OR_SHARE_BEFORE = re.compile(r"(?:增长|增加|上升|上涨|提高|提升|下降|下滑|下跌|减少|降低|回落|缩减|萎缩|"
                                     r"占比?|占到|达到?)了?\s*$")

# Chinese measure words that count things, and the letters a Chinese noun for people or things ends in.
_MEASURE_WORDS = frozenset("个名位家人只头台辆部座所项件款种次场套份间架艘枚张本篇首支户起例宗批条封笔处片颗根"
                           "幅门棵株匹")
_NOUN_ENDINGS = frozenset("者员户民人商师生家客友众工位丝司童族军兵口量额单件款车机店校院所厂国城市区省县村镇业票例"
                          "次型品器站网号言论")
_KNOWN_NOUNS = ("青少年", "少年", "女性", "男性", "机会", "就业机会", "工作机会", "职位", "设备", "应用", "视频",
                "作品", "帖子", "文章", "岗位", "工作岗位", "就业岗位", "资金", "收入", "利润", "营收", "订阅")
# Letters a noun does not run through: particles, conjunctions, verbs of being, places in a phrase.
_STOP_CHARS = frozenset("的了在是和与及或也都将已被把从对向为于而且但就还又并等中上下内外里后前时这那其该此每各"
                        "均约近超逾")
_NOUN_LETTERS = 8  # a Chinese noun is read from at most this many letters
_LATIN_WORD = re.compile(r"\s*([A-Za-z][A-Za-z0-9'’-]*)\s*")
_DE = re.compile(r"\s*的\s*")
_OF = re.compile(r"(?i)\s+of\s+(?:the\s+)?")
_ENGLISH_WORD = re.compile(r"\s*([A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z'’-]*)")
_PLURALS = _words("people children men women staff police personnel cattle sheep fish deer aircraft crew")
_NOT_NOUNS = _PLAIN_WORDS | _words(
    "percent times days day fold plus says said say told according reported news us yes thus unless "
    "perhaps always whereas")

_IDIOMS = ("十万火急", "一五一十", "千千万万", "万万")  # in the folded text: 十萬火急 too

_LONGEST_NUMBER = 16  # digits: 9,999,999,999,999 is more than any count or sum in an article
_MOBILE_NUMBER = re.compile(r"1[3-9][0-9]{9}")  # China's: 13800138000
_LINE_MARKS = frozenset(" \t#*>-•·(")


@dataclass
class _Reading:
    """A figure being read, from the number outwards; `number_start`.. `number_end` are the digits."""

    number_start: int
    number_end: int
    start: int
    end: int
    value: Decimal
    digits: int
    grouped: bool = False       # written with thousands separators: 170,000,000
    hanzi: bool = False         # written in Chinese numerals
    bare: bool = False          # a Chinese numeral starting with its unit: 千, 百万
    scaled: bool = False
    unit: str = "count"
    currency: str | None = None
    qualifier: str | None = None
    noun: tuple[int, int] | None = None  # its span
    measure: bool = False       # the noun starts with a Chinese measure word, or is a unit of measure
    measured: bool = False      # the noun is a unit of measure: 1.59 亿吨, 3,400 tons
    glued: bool = False         # a latin letter right before the digits: TikTok90
    named: bool = False         # a capitalised word before: Section 230, Boeing 737


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order (see the module's docstring for what counts as one)."""
    folded = text.translate(_FOLD)
    hidden = [span for found in _HIDDEN.finditer(folded) for span in found.span()]
    figures: list[Figure] = []
    resume = 0
    for match in _NUMBER.finditer(folded):
        if match.start() < resume or bisect_right(hidden, match.start()) % 2:
            continue
        reading = _read(folded, match)
        if reading is None or reading.start < resume:  # a prefix ('美元1') the figure before has taken already
            continue
        figures.append(Figure(
            start=reading.start, end=reading.end, written=text[reading.start:reading.end],
            value=float(reading.value), unit=reading.unit, currency=reading.currency,
            qualifier=reading.qualifier, noun=text[slice(*reading.noun)] if reading.noun else None,
            digits=reading.digits, measured=reading.measured))
        resume = reading.noun[1] if reading.noun else reading.end
    return figures


def _read(text: str, match: re.Match[str]) -> _Reading | None:
    """The figure whose number `match` found, or None when the number is not a figure."""
    reading = _number(match)
    if reading is None or not _before(text, reading, match):
        return None
    if not _after(text, reading):
        return None
    return reading if _is_figure(text, reading) else None


def _number(match: re.Match[str]) -> _Reading | None:
    """The number's value and significant digits, as written."""
    start, end = match.span()
    if match.group("words"):
        words = match.group("words").lower()
        value = Decimal("0.5") if words.startswith("half") else Decimal(
            sum(_WORD_NUMBERS[word] for word in re.split(r"[- ]", words)))
        scale = _SCALES[match.group("word_scale").lower()]
        return _Reading(start, end, start, end, value * scale, _significant(str(value)), scaled=True)
    if match.group("fold"):
        value = Decimal(_WORD_NUMBERS[match.group("fold").lower()])
        return _Reading(start, end, start, end, value, _significant(str(value)), unit="times")
    number_start = match.start("arabic") if match.group("arabic") else match.start("hanzi")
    written = match.group("arabic") or match.group("hanzi")
    if match.group("arabic"):
        digits = written.replace(",", "")
        if (len(digits) > 1 and digits[0] == "0" and digits[1] != ".") or len(digits) > _LONGEST_NUMBER:
            return None  # a code, an account or a phone number: 0013, 010, 6225880137429088
        reading = _Reading(number_start, end, start, end, Decimal(digits), _significant(digits),
                           grouped="," in written)
    else:
        parsed = _hanzi_value(written)
        if parsed is None or any(idiom in match.string[max(0, start - 3):end + 3] for idiom in _IDIOMS):
            return None
        value, digits_written = parsed
        reading = _Reading(number_start, end, start, end, value, _significant(digits_written), hanzi=True,
                           bare=written[0] in "百千万亿", scaled="万" in written or "亿" in written)
    if match.group("hundredths"):
        reading.unit = "percent"
    return reading


def _significant(digits: str) -> int:
    """Significant digits of a number as written: '1.576' -> 4, '200' -> 1, '0.50' -> 2, '1.70' -> 3."""
    whole, _, fraction = digits.partition(".")
    if fraction:
        return max(1, len((whole + fraction).lstrip("0")))
    return max(1, len(whole.lstrip("0").rstrip("0")))


def _hanzi_value(written: str) -> tuple[Decimal, str] | None:
    """A number in Chinese numerals: (value, its digits as a decimal string), or None when it is not one
    number ('三五' is 'three or five', '一二' no number at all)."""
    whole, _, fraction = written.partition("点")
    scale = 1
    if fraction:
        while fraction and fraction[-1] in "万亿":
            scale *= 10**4 if fraction[-1] == "万" else 10**8
            fraction = fraction[:-1]
        if any(char not in _HANZI_DIGITS for char in fraction):
            return None
    integer = _hanzi_integer(whole)
    if integer is None:
        return None
    if fraction:
        decimal = Decimal(f"{integer}.{''.join(str(_HANZI_DIGITS[char]) for char in fraction)}")
        return decimal * scale, str(decimal)
    return Decimal(integer), str(integer)


def _hanzi_integer(written: str) -> int | None:
    """'两千万' -> 20000000, '一亿二千万' -> 120000000, '十五' -> 15, '一万五' -> 15000; None if malformed."""
    for big, size in (("亿", 10**8), ("万", 10**4)):
        if big in written:
            high, _, low = written.rpartition(big)
            upper = _hanzi_integer(high) if high else 1
            if upper is None:
                return None
            if len(low) == 1 and low in _HANZI_DIGITS and high and high[-1] != "零":
                return upper * size + _HANZI_DIGITS[low] * size // 10  # 一万五: fifteen thousand
            lower = _hanzi_integer(low) if low else 0
            return None if lower is None else upper * size + lower
    total, digit, previous_unit = 0, None, 10**5
    for index, char in enumerate(written):
        if char in _HANZI_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: 三五, 一二
            digit = _HANZI_DIGITS[char]
        else:
            unit = _HANZI_SMALL[char]
            if unit >= previous_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, previous_unit = None, unit
            if index + 2 == len(written) and written[-1] in _HANZI_DIGITS and written[-1] not in "〇零":
                return total + _HANZI_DIGITS[written[-1]] * unit // 10  # 三千五: three thousand five hundred
    return total + (digit or 0)


def _before(text: str, reading: _Reading, match: re.Match[str]) -> bool:
    """Read what stands before the number (currency sign, qualifier); False if it makes the number no figure."""
    at = reading.start
    left = text[max(0, at - _LEFT):at]
    if match.group("arabic") and not match.group("hundredths"):
        if left and left[-1] in "#§№@_\\" or (len(left) >= 2 and left[-1] in "-‐–+/:" and left[-2].isalnum()):
            return False  # a name or a code: COVID-19, #1, mid-2024, C+11
        if _may_end(left, _CURRENCY_ENDS) and (currency := _CURRENCY_BEFORE.search(left)) is not None:
            reading.currency = _currency_code(currency.group().strip())
            at -= len(currency.group())
            left = text[max(0, at - _LEFT):at]
        elif left and left[-1].isascii() and left[-1].isalpha():
            reading.glued = True
    # Each pattern below ends where the left context does: searched only where its last letter could be,
    # as a search tries every start in the context.
    words = left.rstrip().rstrip(":").rstrip()
    chinese = not words[-1:].isascii()
    latin = words[-1:].isascii() and words[-1:].isalpha() or (words[-1:] == "." and words[-2:-1].isalpha())
    near = left[-_LEFT_ZH:]
    if chinese and reading.hanzi and _VAGUE_BEFORE_ZH.search(near):
        return False  # 数百万, 上千, 几十: no number at all
    if (chinese and _ORDINAL_BEFORE_ZH.search(near)) or (
            latin and (_LABEL_BEFORE_EN.search(left) or _MONTH_BEFORE.search(left) or _RATIO_BEFORE.search(left))):
        return False
    qualifier = (_QUALIFIER_BEFORE_ZH.search(near) if chinese else
                 _QUALIFIER_BEFORE_EN.search(left) if latin else None)
    if qualifier is not None:
        reading.qualifier = _QUALIFIER_OF[qualifier.group().strip().lower()]
        at -= len(qualifier.group())
    elif latin and (word := _WORD_BEFORE.search(left)) is not None:
        name = word.group(1)
        reading.named = name.lower().rstrip(".") not in _PLAIN_WORDS and any(char.isupper() for char in name)
    reading.start = at
    return True


def _may_end(left: str, letters: frozenset[str]) -> bool:
    """Whether the text before a number, spaces aside, ends in one of `letters` or a latin letter."""
    tail = left.rstrip()[-1:]
    return tail in letters or (tail.isascii() and tail.isalpha())


def _currency_code(written: str) -> str:
    return _CURRENCY_SYMBOLS.get(written.lower().replace(" ", ""), written.upper())


def _after(text: str, reading: _Reading) -> bool:
    """Read scale, unit and noun after the number; False if what follows makes it no figure."""
    at = reading.number_end
    if not reading.hanzi and not reading.scaled and reading.unit == "count":
        if ((_NOT_A_FIGURE_AFTER.match(text, at) or _UNIT_ADJECTIVE_AFTER.match(text, at))
                and not _looks_like_scale(text, at, reading) and _measured_unit(text, at, reading) is None):
            return False  # but a unit glued to its number is one (10km, 500MW), and a grouped unit adjective
        if text[at:at + 1] in (".", ")", ":") and _line_start(text, reading.number_start):
            return False  # a list number opening its line: '1. ', '2) '
        if text[at:at + 1] == ")" and text[reading.number_start - 1:reading.number_start] == "(":
            return False  # an enumeration: (2)
    if reading.unit == "count":
        at = _scale(text, at, reading)
    if (more := _MORE_AFTER.match(text, at)) is not None and reading.qualifier is None:
        reading.qualifier, at = "over", more.end()
    if reading.unit == "count":
        if _PERCENT_POINTS.match(text, at):
            return False
        if _measured_unit(text, at, reading) is None:  # else the unit is the noun, read by _noun
            at = _unit(text, at, reading)
            if at < 0 or (reading.unit == "count" and _UNMODELLED_AFTER.match(text, at)):
                return False
    if (after := _QUALIFIER_AFTER.match(text, at)) is not None:
        if reading.qualifier is None:
            word = (after.group("zh") or after.group("en") or "+").lower()
            reading.qualifier = "about" if word in ("左右", "上下", "or so") else "over"
        at = after.end()
    reading.end = at
    _noun(text, reading)
    return True


def _looks_like_scale(text: str, at: int, reading: _Reading) -> bool:
    """'2bn', '£3m', '5m users': letters glued to the digits that are a scale, not a name or a unit."""
    scale = _SCALE_AFTER.match(text, at)
    if scale is not None and scale.group("scale").lower() in ("mn", "mln", "bn", "bln", "tn", "trn"):
        return True
    return _short_scale(text, at, reading) is not None


def _short_scale(text: str, at: int, reading: _Reading) -> re.Match[str] | None:
    """'m', 'k' or 'b' after the digits, where it can only be a scale: after a currency sign ('£3m') or before
    what it counts ('10k runners'); elsewhere metres, or a name ('100m sprint', '3b')."""
    short = _SHORT_SCALE_AFTER.match(text, at)
    if short is None or (reading.currency is None and _english_noun(text, short.end()) is None):
        return None
    return short


def _line_start(text: str, at: int) -> bool:
    """Whether only spaces and list marks stand between the start of the line and `at` (looking back over
    those alone, so that a long line is not read again for each of its numbers)."""
    while at > 0 and text[at - 1] in _LINE_MARKS:
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _scale(text: str, at: int, reading: _Reading) -> int:
    """Multiply by a scale after the number ('亿', 'million', '多万', the '£3m' of money); where it ends."""
    scale = _SCALE_AFTER.match(text, at)
    short = _short_scale(text, at, reading) if scale is None else None
    if (scale is None and short is None) or reading.scaled:
        return at  # '两千万' has its scale already
    found = scale if scale is not None else short
    assert found is not None
    reading.value *= _SCALES[found.group("scale").lower()]
    reading.scaled = True
    if scale is not None and (scale.group("more") or scale.group("more_after")) and reading.qualifier is None:
        reading.qualifier = "over"  # 200多万, 3亿多
    return found.end()


def _unit(text: str, at: int, reading: _Reading) -> int:
    """Set the unit from what follows (currency, %, 倍, days); where it ends, or -1 if it is no figure."""
    if (currency := _CURRENCY_AFTER.match(text, at)) is not None:
        words = (currency.group("zh") or " ".join(currency.group("en").lower().split()))
        if words in _AFTER_SCALE_ONLY and not reading.scaled:
            return -1
        code = _CURRENCY_AFTER_ZH.get(words) or _CURRENCY_AFTER_EN[words]
        reading.currency = reading.currency or code
        at = currency.end()
    elif not reading.scaled and (cents := _CENTS_AFTER.match(text, at)) is not None:
        reading.currency = "GBP" if cents.group().strip().lower() == "pence" else "USD"
        reading.value /= 100  # 13 cents: $0.13
        at = cents.end()
    if reading.currency is not None:
        reading.unit, reading.currency = ("usd", None) if reading.currency == "USD" else ("money", reading.currency)
        return at
    if (tenths := _TENTHS_AFTER.match(text, at)) is not None and _are_tenths(text, reading, tenths):
        reading.unit = "percent"
        if tenths.group("half"):
            reading.value, reading.digits = reading.value * 10 + 5, 2  # 一成半: 15%
        else:
            reading.value *= 10
        return tenths.end()
    for unit, pattern in (("percent", _PERCENT_AFTER), ("times", _TIMES_AFTER), ("days", _DAYS_AFTER)):
        if (found := pattern.match(text, at)) is not None:
            reading.unit = unit
            return found.end()
    if (times := _TIMES_WORD.match(text, at)) is not None:
        if not (_COMPARED_AFTER.match(text, times.end())
                or _GROWTH_BEFORE.search(text, max(0, reading.start - _LEFT), reading.start)):
            return -1
        reading.unit = "times"
        return times.end()
    return at


def _are_tenths(text: str, reading: _Reading, tenths: re.Match[str]) -> bool:
    """Whether a number and 成 are tenths ('近六成', '增长两成', '三成以上'), not words ('八成是', '一成不变')."""
    if reading.scaled or reading.value != reading.value.to_integral_value() or not 1 <= reading.value <= 9:
        return False  # 十成 'wholly'; tenths are one to nine
    if reading.qualifier is not None:
        return True  # 近两成为女性: 'nearly 20% are', where 一成为 alone is 'once it becomes'
    if text.startswith("为", tenths.end()):
        return False
    return bool(_TENTHS_BOUND_AFTER.match(text, tenths.end())
                or _CHANGE_OR_SHARE_BEFORE.search(text, max(0, reading.start - _LEFT_ZH), reading.start))


def _measured_unit(text: str, at: int, reading: _Reading) -> re.Match[str] | None:
    """The unit of measure right after the number ('吨', '平方公里', 'km', 'metric tons'), where it measures a
    quantity; None where there is none or it makes the number something else: a class (10万吨级), a place
    (3公里外, 向东1.6公里, 3 km away), a race (100米跑), a temperature (度, but 300亿度 is electricity), money
    (pounds), a spec (a 10-ton truck: see _MEASURING_ADJECTIVE)."""
    found = _MEASURE_AFTER.match(text, at)
    hyphenated = found is None
    found = found or _UNIT_ADJECTIVE_AFTER.match(text, at)
    if found is None:
        return None
    word, end = _unit_key(found.group("unit")), found.end()
    measure = _MEASURE_OF[word]
    if (hyphenated or (word in _SINGULAR_UNITS and reading.value != 1)) and not (
            reading.grouped or reading.scaled or reading.value >= _MEASURING_ADJECTIVE):
        return None
    if (not word.isascii() and _CLASS_AFTER.match(text, end)) or (measure in _LENGTHS and (
            _PLACE_OR_RACE_AFTER.match(text, end)
            or _PLACE_BEFORE_ZH.search(text, max(0, reading.start - _LEFT_ZH), reading.start))):
        return None
    if word == "度" and not (reading.scaled or text.startswith("电", end)):
        return None
    if word in ("pounds", "pound") and not _WEIGHT_OF.match(text, end):
        return None
    return found


def _noun(text: str, reading: _Reading) -> None:
    """What the figure counts, right after it: '用户', '个工作岗位', 'TikTok 用户', 'monthly active users';
    or the unit it is measured in: '吨', 'km' ('1.59 亿吨', '3,400 tons of rice').

    Percentages take theirs after 的 or 'of' (80% 的青少年, 80% of teens); money, multiples and days
    have none."""
    at = reading.end
    if reading.unit == "count" and reading.currency is None and (unit := _measured_unit(text, at, reading)) is not None:
        reading.noun, reading.measure, reading.measured = unit.span("unit"), True, True
        if reading.qualifier is None and (after := _QUALIFIER_AFTER.match(text, unit.end())) is not None and (
                after.group("zh") in ("左右", "以上") or after.group("en")):
            reading.qualifier = "about" if after.group().strip() in ("左右", "or so") else "over"  # 1000 吨左右
        return
    if reading.unit == "percent":
        linked = _DE.match(text, at) or _OF.match(text, at)
        if linked is None:
            return
        at = linked.end()
    elif reading.unit != "count":
        return
    reading.noun = _chinese_noun(text, at, reading) or _english_noun(text, at)


def _chinese_noun(text: str, at: int, reading: _Reading) -> tuple[int, int] | None:
    """(start, end) of a Chinese noun at `at`, after an optional latin brand ('TikTok 用户'); None if none."""
    while text[at:at + 1].isspace():
        at += 1
    start = at
    brand = _LATIN_WORD.match(text, at)
    if brand is not None and _chinese_letters(text, brand.end()):
        at = brand.end()
    letters = _chinese_letters(text, at)
    if not letters or letters[0] in _VERB_AFTER:
        return None
    if letters[0] in _MEASURE_WORDS:
        reading.measure = True  # the measure word alone is noun enough: 1000 人
        end = at + 1 + _noun_length(letters[1:], guess=False)
    else:
        # A guessed noun, for a figure already a figure by its scale: '3 亿网友' but not '有 3 成'.
        end = at + _noun_length(letters, guess=reading.scaled)
        if end == at:
            return None
    if reading.qualifier is None and (after := _QUALIFIER_AFTER.match(text, end)) and after.group("zh") in ("左右",
                                                                                                         "以上"):
        reading.qualifier = "about" if after.group("zh") == "左右" else "over"  # 1000 人左右
    return start, end


def _chinese_letters(text: str, at: int) -> str:
    """The Chinese letters (CJK ideographs) at `at`, at most _NOUN_LETTERS of them."""
    end = at
    while end < len(text) and end - at < _NOUN_LETTERS and ("\u4e00" <= text[end] <= "\u9fff"
                                                             or "\u3400" <= text[end] <= "\u4dbf"):
        end += 1
    return text[at:end]


def _noun_length(letters: str, guess: bool = True) -> int:
    """How many of `letters` make the noun they start with: a known noun, else the longest start that ends
    like a noun for people or things (用户, 创作者, 工作岗位), else (if `guess`) two letters; 0 if they
    start a phrase."""
    for stop, char in enumerate(letters):
        if char in _STOP_CHARS:
            letters = letters[:stop]
            break
    if not letters:
        return 0
    known = max((len(noun) for noun in _KNOWN_NOUNS if letters.startswith(noun)), default=0)
    ending = max((length for length in range(1, min(len(letters), 6) + 1) if letters[length - 1] in _NOUN_ENDINGS),
                 default=0)
    return max(known, ending) or (min(2, len(letters)) if guess else 0)


def _english_noun(text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of up to four words ending in a plural ('average monthly active users', 'jobs'); None if
    none."""
    words: list[re.Match[str]] = []
    while len(words) < 4 and (word := _ENGLISH_WORD.match(text, at)) is not None:
        if word.group(1).lower() in _NOT_NOUNS:
            break
        words.append(word)
        at = word.end()
    for last in range(len(words) - 1, -1, -1):
        if _plural(words[last].group(1)):
            return words[0].start(1), words[last].end()
    return None


def _plural(word: str) -> bool:
    lowered = word.lower()
    return lowered in _PLURALS or (len(lowered) > 2 and lowered.endswith("s") and "." not in lowered
                                   and not lowered.endswith(("ss", "us", "is", "'s", "’s")))


# Words after a number that make it a model's or a line's designation rather than a count.
_DESIGNATION = re.compile(r"系列|代(?!表)|型号?|号线|号楼")
# The lower end of a range, bare, right before a number: '2至3亿', '5 to 7%', 'between 2 and 3 million'.
_RANGE_FROM = re.compile(r"(?a)(?<![0-9.,])(?:[0-9]+(?:\.[0-9]+)?|[〇一二两三四五六七八九十]+)\s*(?:至|到|~|～|–|—)\s*$"
                         r"|(?<![0-9.,])[0-9]+(?:\.[0-9]+)?\s+(?i:to|or)\s+$|(?i:\bbetween)\s+[0-9.,]+\s+and\s+$")
# What makes two counts a change rather than a range: 'from 9,800 to 11,400 jobs', '从 20 人增至 30 人'.
_CHANGE_FROM = re.compile(r"(?:(?i:\bfrom)|从|由)\s*$")
# Verbs that may follow a figure where a noun would: '从 200 万增至 300 万' counts nothing called '增至'.
_VERB_AFTER = frozenset("增减降升涨跌至到达")


def _is_figure(text: str, reading: _Reading) -> bool:
    """Whether the number, read with what surrounds it, is a figure a reader would list."""
    if reading.unit == "days" and reading.qualifier == "nearly" and text[reading.start] == "近":
        return False  # 近 7 天: the last seven days, a window
    if reading.hanzi and not _hanzi_is_figure(reading):
        return False
    quantity = reading.scaled or reading.unit != "count"
    if reading.glued and not (quantity or reading.measure):
        return False  # part of a name: MH370, A380 飞机
    if not quantity and reading.noun and _DESIGNATION.match(text, reading.noun[0]):
        return False  # a model's name, not a count: 骁龙7系列, 第3代, 7型, 3号线
    if (lower := _RANGE_FROM.search(text, max(0, reading.start - _LEFT), reading.start)) is not None and (
            quantity or not _CHANGE_FROM.search(text, max(0, lower.start() - _LEFT_ZH), lower.start())):
        return False  # the upper end of a range whose lower end shares its scale or noun: alone it overstates
    if quantity:
        return True
    digits = text[reading.number_start:reading.number_end]
    if _MOBILE_NUMBER.fullmatch(digits):
        return False  # a mobile phone number
    year_like = not reading.grouped and digits.isdigit() and 1000 <= int(digits) <= 2100
    counted = reading.noun is not None or not text[reading.start].isascii()  # an English qualifier needs a noun
    if year_like and not (reading.measure or (reading.qualifier and counted)):
        return False  # a year: 'in 2024', and 'a 12% increase over 2023'
    if reading.named and not reading.measure and not (reading.noun and text[reading.noun[0]].isupper()):
        return False  # Section 230 protections, iPhone 16 models (but a headline's 'Cuts 600 Jobs')
    if "." in digits and (reading.noun is None or _line_start(text, reading.number_start)):
        return False  # a section number: '1.1 背景', '2.3 用户数据'; '2.5 children' in a sentence is a count
    # A qualified number alone is a figure from a thousand on ('超过 5000'); below, an age or a limit
    # as often ('children under 13', 'people over 65').
    return reading.noun is not None or reading.grouped or (reading.qualifier is not None and reading.value >= 1000)


def _hanzi_is_figure(reading: _Reading) -> bool:
    """Chinese numerals make words too (一位, 十分, 三思, 千万): only unmistakable numbers count."""
    if reading.bare and reading.qualifier is None:
        return False
    if reading.scaled or reading.unit in ("percent", "times"):
        return True
    if reading.unit == "days":
        return reading.value >= 10
    return reading.value >= 100 and (reading.measure or reading.qualifier is not None)
