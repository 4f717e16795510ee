"""Who filed a news story, where and when, written at the edges of its body: not the article's words.

A news dateline opens the first paragraph: '新华社北京12月27日电(记者张晓洁、张辛欣)', '中新网1月21日电',
'本报讯（记者 张三）', '央视网消息（新闻联播）：', 'WASHINGTON (Reuters) -', 'BEIJING, Jan 5 (Reuters) —',
'(Reuters) –'. It names the agency, the place and the day the story was filed (month and day only).
A credit is a short paragraph that only says who wrote, edited or supplied the story: '责任编辑:【王凯】',
'(记者 刘超 刘世炯 制作 岳子岩)', '（完）', '(央视新闻)', 'By Jane Doe, AP', 'Reporting by X; Editing by Y';
or the same in brackets closing the last paragraph, after its last sentence ('…继续向前。(央视新闻)').

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
# 电 and 讯 end a dateline, except as the first character of a word ('电话', '电力', '讯息').
_FILED = r"(?:电|電|讯|訊)(?![话話视視力影脑腦池站动動子器商费費量网網源压壓线線缆纜厂廠梯息])|消息(?=\s*[（(:：])"
_ZH_DATELINE = re.compile(
    rf"(?P<agency>{_AGENCY})(?P<place>[\u4e00-\u9fff]{{0,8}}?)\s*"
    rf"(?:(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日\s*)?(?:{_FILED})\s*(?:{_BRACKETED})?\s*[:：]?\s*")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_DATELINE = re.compile(
    r"(?:(?P<place>[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Z.'’-]+)*)"
    r"(?:,\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}))?\s*)?"
    r"(?:\((?P<agency>[A-Z][A-Za-z.&'’ ]{0,24})\)\s*)?[-–—]{1,2}\s*")

# Labels of a credit line: those of a person may stand before a name with a space ('记者 刘超'), the
# others need a mark ('文/', '图：'), as '图 1' opens a caption.
_PERSON_LABEL = (r"责任编辑|責任編輯|编辑|編輯|记者|記者|作者|通讯员|通訊員|实习生|實習生|校对|校對|审核|審核|审校|審校"
                 r"|监制|監制|制作|製作|摄影|攝影|摄像|攝像")
_ZH_CREDIT = re.compile(rf"[（(【\[]?\s*(?:本报|本報|总台|總台)?(?:(?:{_PERSON_LABEL})\s*[:：/／|｜\s【]"
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
    agency: str | None  # '新华社', 'Reuters'
    month: int | None  # the day it was filed, when it says
    day: int | None


def news_dateline(text: str) -> NewsDateline | None:
    """The dateline opening a paragraph (see the module's docstring), or None."""
    found = _ZH_DATELINE.match(text)
    if found is not None:
        month, day = (int(found["month"]), int(found["day"])) if found["month"] else (None, None)
        agency = None if found["agency"].startswith("本") else found["agency"]
        return NewsDateline(found.end(), agency, month, day)
    found = _EN_DATELINE.match(text)
    if found is None or not (found["place"] or found["agency"]) or (found["place"] and not found["agency"]
                                                                      and not re.match(r".*?\s[-–—]", found[0])):
        return None
    month = _MONTHS.index(found["month"][:3].lower()) + 1 if found["month"] and found["month"][:3].lower() in _MONTHS \
        else None
    return NewsDateline(found.end(), found["agency"], month, int(found["day"]) if month else None)


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
