"""Who filed a news story, where and when, written at the edges of its body: not the article's words.

A news dateline opens the first paragraph: '新华社北京12月27日电(记者张晓洁、张辛欣)', '中新网1月21日电',
'本报讯（记者 张三）', '央视网消息（新闻联播）：', '本报北京1月5日电 记者张三报道：', 'WASHINGTON (Reuters) -',
'BEIJING, Jan 5 (Reuters) —', 'BEIJING, Jan. 21, 2025 (Xinhua) --', '(Reuters) –'. It names the agency, the place
and the day the story was filed (month and day, or a bare day; a year when it writes one).
A byline may open it instead: '《祖国》记者/李国良 ', '记者｜王五 ' (a label, a slash or bar, names, then a space or
a date). The date right after it, before the first clause ('…李国良 2025年3月5日,第十四届…'), is the day the story
reports, so it stays the article's words (an event), but it is also read as the day the story was filed: a lede
tells what happened that day, and the article has no other date when its page gave none.
Every paragraph may open with one (a roundup's items do), so facts.py and draft.py cut them where they find them.
A credit is a short paragraph that only says who wrote, edited or supplied the story: '责任编辑:【王凯】',
'(记者 刘超 刘世炯 制作 岳子岩)', '（完）', '(央视新闻)', '《祖国》记者/李国良', 'By Jane Doe, AP',
'Reporting by X; Editing by Y'; or the same in brackets closing the last paragraph, after its last sentence
('…继续向前。(央视新闻)').

Only these forms are read, each anchored to the edge of its paragraph, so that a sentence that merely
begins with an agency's name ('新华社记者走访了…', 'By 2030 the city will…') stays the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.sources.lines import ends_sentence, units

# An agency or paper: '新华社', '中新网', '人民日报', '央视新闻客户端', '本报'.
_AGENCY = (r"(?:本报|本報|本刊|本台|本网|本網|[\u4e00-\u9fffA-Za-z·-]{1,10}?"
           r"(?:(?:新闻|新聞)(?:社|网|網|客户端)?|(?:报|報)社?|社|网|網|台|客户端))")
# A bracketed byline after a dateline: '(记者张晓洁、张辛欣)', '（新闻联播）', '（题：…）'.
_BRACKETED = r"[（(][^（()）。！？]{1,40}[）)]"
# 电 and 讯 end a dateline, except as the first character of a word ('电话', '电力', '讯息', '电台', not '…电台湾').
_FILED = (r"(?:电|電|讯|訊)(?![话話视視力影脑腦池站动動子器商费費量网網源压壓线線缆纜厂廠梯息]|[台臺](?![湾灣]))"
          r"|消息(?=\s*[（(:：])")
# The day in a Chinese dateline or after a byline: '12月27日', '27日', '2025年3月5日'.
_ZH_DAY = r"(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日"
# Reporters named after a dateline without brackets: '记者张三、李四报道：'.
_REPORTERS = r"(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:[、\s]+[\u4e00-\u9fff]{2,4})*\s*(?:报道|摄)(?=[\s:：])"
_ZH_DATELINE = re.compile(
    rf"(?P<agency>{_AGENCY})(?P<place>[\u4e00-\u9fff]{{0,8}}?)\s*(?:{_ZH_DAY}\s*)?(?:{_FILED})\s*(?:{_BRACKETED})?"
    rf"\s*(?:{_REPORTERS})?\s*[:：]?\s*")
# A publication named in title marks: '《祖国》', '《城市周刊》'.
_PUBLICATION = r"《[^》]{1,20}》"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_DATELINE = re.compile(
    r"(?:(?P<place>[A-Z][A-Z.'’/-]{2,}(?:[ ,]+[A-Z][A-Z.'’/-]+)*)"
    r"(?:,\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>(?:19|20)\d{2}))?)?\s*)?"
    r"(?:\((?P<agency>[A-Z][A-Za-z.&'’ ]{0,24})\)\s*)?[-–—]{1,2}\s*")

# Labels of a credit line: those of a person may stand before a name with a space ('记者 刘超'), the
# others need a mark ('文/', '图：'), as '图 1' opens a caption.
_PERSON_LABEL = (r"责任编辑|責任編輯|编辑|編輯|记者|記者|作者|通讯员|通訊員|实习生|實習生|校对|校對|审核|審核|审校|審校"
                 r"|监制|監制|制作|製作|摄影|攝影|摄像|攝像")
# A byline opening a paragraph: '《祖国》记者/李国良 ', '本报记者｜王五、赵六 ': a slash or a bar after the label
# (a colon opens an interview's question: '记者：这次…'), names, then a space or a date ('记者/李国良2025年…').
_ZH_BYLINE = re.compile(
    rf"(?P<publication>{_PUBLICATION})?\s*(?:本报|本報|本刊|特约|特約)?(?:{_PERSON_LABEL}|文)\s*[/／|｜]\s*"
    r"[\u4e00-\u9fff·]{2,4}(?:(?:[、,，]\s*|\s+)[\u4e00-\u9fff·]{2,4})*(?:\s+|(?=\d))")
# The day a byline's lede tells of, before its first clause: '2025 年3月5日,'.
_LEDE_DAY = re.compile(rf"{_ZH_DAY}\s*[,，]")
_ZH_CREDIT = re.compile(rf"[（(【\[]?\s*(?:{_PUBLICATION}|本报|本報|总台|總台)?(?:(?:{_PERSON_LABEL})\s*[:：/／|｜\s【]"
                        r"|(?:文字|文/图|文／图|图/文|图／文|文|图|圖|来源|來源)\s*[:：/／|｜])")
_EN_CREDIT = re.compile(r"\(?(?i:by|written by|reporting by|additional reporting by|editing by|edited by|compiled by"
                        r"|photos? by|story by)\s+[A-Z]")
_END_MARK = re.compile(r"[（(【]\s*(?:完|end)\s*[）)】]", re.IGNORECASE)
_BRACKETED_AGENCY = re.compile(rf"[（(]\s*(?:总台|總台)?{_AGENCY}\s*[）)]")
# A credit in brackets closing the last paragraph, after its last sentence.
_TRAILING = re.compile(r"(?<=[。！？!?.”\"])\s*(?P<credit>[（(][^（()）]{1,60}[）)])\s*$")
_CREDIT_LONGEST = 30  # units: a line of names, never a paragraph


@dataclass(frozen=True)
class NewsDateline:
    end: int  # where the article's own words begin, after the dateline
    agency: str | None  # '新华社', 'Reuters', '《祖国》'
    month: int | None  # the day it was filed, when it says
    day: int | None
    year: int | None = None  # when it writes one ('BEIJING, Jan. 21, 2025 (Xinhua)', '…李国良 2025年3月5日,')


def news_dateline(text: str) -> NewsDateline | None:
    """The dateline or byline opening a paragraph (see the module's docstring), or None."""
    found = _ZH_DATELINE.match(text)
    if found is not None:
        agency = None if found["agency"].startswith("本") else found["agency"]
        return NewsDateline(found.end(), agency, *_day(found))
    found = _ZH_BYLINE.match(text)
    if found is not None:
        lede = _LEDE_DAY.match(text, found.end())
        month, day, year = _day(lede) if lede is not None and lede["month"] else (None, None, None)
        return NewsDateline(found.end(), found["publication"], month, day, year)
    found = _EN_DATELINE.match(text)
    if found is None or not (found["place"] or found["agency"]) or (found["place"] and not found["agency"]
                                                                      and not re.match(r".*?\s[-–—]", found[0])):
        return None
    month = _MONTHS.index(found["month"][:3].lower()) + 1 if found["month"] and found["month"][:3].lower() in _MONTHS \
        else None
    return NewsDateline(found.end(), found["agency"], month, int(found["day"]) if month else None,
                        int(found["year"]) if month and found["year"] else None)


def _day(found: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    """The month, day and year a Chinese dateline or lede writes, each None where it does not."""
    month, day, year = (int(found[name]) if found[name] else None for name in ("month", "day", "year"))
    return month, day, year


def is_credit(text: str) -> bool:
    """Whether the paragraph only credits the story: a byline, an editor, an agency in brackets, '（完）'."""
    text = text.strip()
    if not text or units(text) > _CREDIT_LONGEST:
        return False
    if _END_MARK.fullmatch(text) or _BRACKETED_AGENCY.fullmatch(text):
        return True
    if _ZH_CREDIT.match(text):
        return not re.search(r"[。！？；]", text.rstrip("）)】]"))
    return _EN_CREDIT.match(text) is not None and not ends_sentence(text.rstrip(")"))


def trailing_credit(text: str) -> int:
    """Where a credit in brackets closing the paragraph begins ('…继续向前。(央视新闻)'), or len(text)."""
    found = _TRAILING.search(text)
    if found is None:
        return len(text)
    credit = found["credit"]
    inside = credit[1:-1].strip()
    if is_credit(credit) or is_credit(inside) or _EN_CREDIT.match(inside):
        return found.start()
    return len(text)
