"""Someone's own words in a paragraph: quotations that are speech, each with who says them and where.

Quote marks: “…” 「…」 『…』 ‘…’ and the straight "…" and '…' of a source typed without curly ones (a
straight or curly apostrophe inside a word, "don't", is no quote mark). A quotation left open at the end
of a paragraph (a quote that goes on in the next one) runs to the paragraph's end. A quotation inside
another is part of it, not one of its own.

A quotation is speech when
  * a speech verb introduces it in its own sentence (表示 / 说 / 称 / 留言道 / 指出 / 写道 / 强调 / 透露 ...,
    said / told / wrote / added / according to ...: '还有用户表示:“……”', 'Chew told reporters: "…"'),
    or reports it ('他表示,此举是 “……”。', 'Chew said the ban was "a sad day for America"'),
    or follows it ('“……”他说。', '"…," said Shou Chew', '"…," according to a statement from TikTok');
  * it is long enough to be a statement: eight characters or more in Chinese (a Latin word counts one),
    or a whole sentence, ending in 。！？; four words or more in English;
  * and nothing calls it a name: not after 所谓 / 自称 / 称为 / 号称 / so-called / dubbed / called /
    known as ... ('所谓的 “数据安全威胁”', '自称 “TikTok 难民”', 'so-called "security risk"').
So scare quotes and names are left out (“不卖就禁用” 法案, “莫须有” 的数据安全指控), and so is a phrase of a
few words inside reported speech: '他表示 “极有可能” 在就职后给予 TikTok 90 天' is the sentence's report
of what Trump said, not a quotation to set apart; the sentence around it says it whole.

The speaker is who the clause names before the verb (or after it: 'said Shou Chew, TikTok's chief
executive' gives 'Shou Chew'), without connectives and manner ('还有用户表示' gives '用户', '一位拥有百万粉丝的
美妆博主无奈地表示' gives '一位拥有百万粉丝的美妆博主'); a pronoun ('he', '他') is the speaker of the quotation
before it in the paragraph when there is one. The context is where or when the clause says it was said:
'在社交媒体上留言' (from '在社交媒体上留言道'), 'in an interview', 'told reporters', 'a statement'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.sentences import sentence_end, sentence_start


@dataclass(frozen=True)
class QuoteMention:
    """Quoted speech in a paragraph: the words, who says them, and where or when."""

    start: int  # span of the quoted words inside the quote marks
    end: int
    text: str  # the words, without the marks
    speaker: str | None  # who says them, from the clause around: '一位 TikTok 的忠实用户', 'Shou Chew'
    context: str | None  # where/when when the sentence says ('在社交媒体上留言', 'in an interview')


_CLOSING = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "'": "'"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
_SENTENCE_DONE = re.compile(r"[。！？!?…]+[”’」』\"')）]*$")
_EDGE_SPACE = " \t\u3000\u00a0"

# ---- Quote marks --------------------------------------------------------------------------------------


def _opens(paragraph: str, at: int) -> bool:
    """Whether the mark at paragraph[at] can open a quotation: an apostrophe inside a word cannot."""
    mark = paragraph[at]
    if mark in "“「『\"":
        return True  # straight double quotes pair in order
    before = paragraph[at - 1] if at else " "
    after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
    return not before.isalnum() and not after.isspace()


def _closes(paragraph: str, at: int, mark: str) -> bool:
    """Whether paragraph[at] closes a quotation opened with mark: a single mark must not sit inside a word."""
    if paragraph[at] != _CLOSING[mark]:
        return False
    if mark in "‘'":
        after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        return not after.isalpha() and not paragraph[at - 1].isspace()
    return True


def _marked(paragraph: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of each outermost quotation, in order; a quotation left open closes at the end."""
    found: list[tuple[int, int]] = []
    at = 0
    while at < len(paragraph):
        mark = paragraph[at]
        if mark in _CLOSING and _opens(paragraph, at):
            depth, close = 0, at + 1
            while close < len(paragraph):
                if paragraph[close] == mark and mark not in "\"'" and _opens(paragraph, close):
                    depth += 1  # “…“…”…”: a quotation inside another of the same marks
                elif _closes(paragraph, close, mark):
                    if not depth:
                        break
                    depth -= 1
                close += 1
            found.append((at, close))
            at = close + 1
        else:
            at += 1
    return found


# ---- Statements, not names ------------------------------------------------------------------------------

_NAMING_BEFORE = re.compile(
    r"(?:所谓(?:的)?|自称|号称|称为|称之为|被称作|称作|被称|叫做|名为|俗称|简称|堪称|人称|"
    r"\b(?i:so-called|dubbed|called|nicknamed|named|titled|labell?ed|branded|known\s+as|the\s+term|the\s+phrase"
    r"|the\s+words?|the\s+slogan|hashtag))\s*$"
)


# Words a title leaves in small letters: 'Protecting Americans from Foreign Adversary Controlled Applications Act'.
_SMALL_WORDS = {"from", "with", "into", "onto", "over", "upon", "than", "that", "this", "your", "their", "about",
                "after", "under", "between", "against", "through"}


def _units(words: str) -> int:
    """How long a quotation is: one for each Chinese character and each Latin word or number."""
    return len(_CJK.findall(words)) + len(_LATIN_WORD.findall(_CJK.sub(" ", words)))


def _a_statement(words: str) -> bool:
    """Long enough to be said rather than named, and no title ('"Protecting Americans from Foreign Adversary …"')."""
    if _CJK.search(words):
        return _units(words) >= 8 or (_units(words) >= 2 and bool(_SENTENCE_DONE.search(words)))
    latin = _LATIN_WORD.findall(words)
    long_words = [word for word in latin if len(word) >= 4 and word.isalpha() and word not in _SMALL_WORDS]
    a_title = len(long_words) >= 2 and all(word[0].isupper() for word in long_words)
    return len(latin) >= 4 and not (a_title and not _SENTENCE_DONE.search(words))


def _reported_enough(words: str) -> bool:
    """A Chinese quotation inside someone's reported sentence, not introduced: a phrase of their own words, not a
    name ('他表示,此举是 “对言论自由的严重侵犯”', not '推出 “TikTok Shop 购物节”')."""
    return _units(words) >= 10 or bool(re.search(r"[，,、；;]", words)) or bool(_SENTENCE_DONE.search(words))


# ---- Chinese attribution ----------------------------------------------------------------------------------

_CN_SAY = re.compile(
    r"(?P<action>留言|发文|发帖|撰文|回复|评论|解释|回应|补充|透露|坦言|直言|发表声明|声明|写|问|答)?"
    r"(?P<say>说道|表示|声称|指出|写道|强调|透露|坦言|直言|回应|提到|补充|解释|认为|警告|呼吁|感叹|宣布|承认|"
    r"告诉记者|问道|答道|称|说|道)"
)
# Words that hold a speech verb's character but say nothing: 自称 (calls itself), 知道, 报道, 据说 ...
_CN_NOT_SAYING = re.compile(
    r"自称|号称|堪称|简称|俗称|名称|统称|被称|人称|称为|称之为|称作|称号|称赞|称霸|据说|听说|小说|传说|演说|"
    r"学说|说明|说法|知道|报道|难道|味道|渠道|通道|频道|轨道|赛道|跑道|街道|管道|道路|道歉|一道|同道|道德|霸道|"
    r"公道|表示感谢|认为是"
)
_CN_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?、]")
_CN_CONNECTIVES = re.compile(
    r"^(?:对此|此外|同时|另外|其中|随后|然而|不过|但是|但|而且|而|并且|并|且|还有|另有|也有|更有)")
_CN_MANNER = re.compile(
    r"(?:也|还|都|曾|则|又|更|亦|便|就|已|已经|曾经|甚至|再次|公开|明确|直接|进一步|随即|当即|同时|更是"
    r"|一直|坚定|坚决|多次|毫不|(?<!在)[\u4e00-\u9fff]{2}[地着])$")
_CN_CONTEXT = re.compile(
    r"(?:(?:在|于)[^，,。]{1,20}?(?:上|中|时|里|内|期间|之际)|接受[^，,。]{0,15}?采访时?|(?:对|向)(?:[^，,。]{0,10}?)记者"
    r"|通过[^，,。]{1,15}|\d{1,2}\s*日|当天|当日|日前|近日|昨天|昨日|今天|周[一二三四五六日]|星期[一二三四五六日天])+$"
)
_CN_PRONOUNS = ("他", "她", "它", "他们", "她们", "其")


def _cn_verbs(clause: str) -> list[re.Match[str]]:
    """The speech verbs in a Chinese clause, in order, leaving out words that only hold one (自称, 知道)."""
    blocked = [match.span() for match in _CN_NOT_SAYING.finditer(clause)]
    return [match for match in _CN_SAY.finditer(clause)
            if not any(start < match.end() and match.start() < end for start, end in blocked)]


def _cn_who(before_verb: str, action: str | None) -> tuple[str | None, str | None]:
    """Speaker and context from the words of a Chinese clause before its speech verb."""
    segment = _CN_CLAUSE_BREAK.split(before_verb)[-1].strip(_EDGE_SPACE)
    segment = _CN_CONNECTIVES.sub("", segment).strip(_EDGE_SPACE)
    while (manner := _CN_MANNER.search(segment)) and manner.start() > 0:
        segment = segment[:manner.start()].rstrip(_EDGE_SPACE)
    # The context follows the speaker, who has a name of two characters or more unless a pronoun ('他在采访中').
    shortest = 1 if segment[:1] in "他她它其我" else 2
    context = _CN_CONTEXT.search(segment, shortest)
    if context is None:
        return segment or None, None
    speaker = segment[:context.start()].strip(_EDGE_SPACE)
    return speaker or None, context.group().strip(_EDGE_SPACE) + (action or "")


def _cn_before(clause: str) -> tuple[bool, str | None, str | None] | None:
    """(introduced, speaker, context) when the clause before a quotation has a speech verb; introduced when the verb
    ends the clause ('表示:'), not when it reports the quotation as part of what follows ('表示,此举是')."""
    verbs = _cn_verbs(clause)
    if not verbs:
        return None
    verb = verbs[-1]
    introduced = not clause[verb.end():].strip(_EDGE_SPACE + ":：,，")
    return (introduced, *_cn_who(clause[:verb.start()], verb["action"]))


_CN_AFTER = re.compile(r"^[\s,，]*(?P<clause>[^。！？!?；;“”「」『』\"\n]{1,30}?)(?=[。，,！!？?；;]|$)")


def _cn_after(after: str) -> tuple[str | None, str | None] | None:
    """Speaker and context from '……”他说。' / '……”，张三在声明中表示。'."""
    clause = _CN_AFTER.match(after)
    if clause is None:
        return None
    verbs = _cn_verbs(clause["clause"])
    if not verbs or clause["clause"][verbs[-1].end():].strip(_EDGE_SPACE):
        return None
    return _cn_who(clause["clause"][:verbs[-1].start()], verbs[-1]["action"])


# ---- English attribution -----------------------------------------------------------------------------------

# A participle says its sentence's subject said it: 'Strand denied the motion, writing that the jury "…"'.
_EN_PARTICIPLES = "writing|saying|adding|noting|arguing|warning|telling|explaining|insisting"
_EN_SAY = (r"said|says|told|tells|wrote|writes|added|adds|stated|asked|asks|explained|noted|argued|insisted|warned"
           r"|declared|tweeted|posted|replied|responded|continued|recalled|acknowledged|announced|testified|conceded"
           r"|complained|urged|cautioned|according\s+to|" + _EN_PARTICIPLES)
_EN_VERB = re.compile(rf"\b(?:{_EN_SAY})\b", re.IGNORECASE)
_EN_CONTEXT = re.compile(
    r"\b(?:(?i:in|at|during|on|via|through|to|before|after|while|over)\s+(?:(?:an?|the|his|her|their|its|this|that|"
    r"[A-Z][\w'’.-]*)\s+){0,3}(?:[\w-]+\s+){0,2}?(?:interview|statement|post|news\s+conference|press\s+conference|"
    r"conference|briefing|speech|hearing|video|letter|e-?mail|op-ed|blog|tweet|podcast|call|event|rally|meeting|"
    r"filing|memo|message|broadcast|appearance|remarks|address|summit)s?(?:\s+(?:with|on|to|from|at|for)\s+"
    r"[^,.;:!?\"“”]+?)?|told\s+[^,.;:!?\"“”]+?|(?i:on|in)\s+social\s+media|(?i:on)\s+(?:Instagram|X|Twitter|Facebook"
    r"|TikTok|YouTube|Threads|Bluesky|LinkedIn|Reddit|Weibo|WeChat|Truth\s+Social|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday))"
    r"(?=\s*(?:[,.;:!?\"“”]|\bthat\b|$))"
)
_EN_DOCUMENT = re.compile(
    r"^(?P<what>(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|post|filing|letter|e-?mail|report|release|"
    r"memo|transcript|video|message))\s+(?:from|by|of|issued\s+by)\s+(?P<who>.+)$"
)
_EN_LEADING = re.compile(r"^(?i:and|but|so|then|later|meanwhile|however|still|yet|instead)\b[\s,]*")
_EN_TRAILING = re.compile(r"(?:\s+(?i:has|have|had|also|later|then|once|previously|recently|repeatedly|again|would"
                          r"|will|could|simply|only|just|further))+$")
_EN_PRONOUNS = ("he", "she", "they", "it", "we", "i")
_PRONOUNS = (*_EN_PRONOUNS, *_CN_PRONOUNS)
_EN_STOP_WORDS = re.compile(r"[,;:()\[\]\"“”]|\s+(?:in|at|on|during|while|after|before|when|who|which|that)\s")


def _en_clean(who: str) -> str | None:
    """A speaker's name as a clause gives it: no leading 'And', no trailing 'also', at most eight words."""
    who = _EN_TRAILING.sub("", _EN_LEADING.sub("", who.strip(" ,"))).strip(" ,.;:!?")
    words = who.split()
    if not words or len(words) > 8:
        return None
    if who[0].isupper() or words[0].lower() in ("a", "an", "the", "one", *_EN_PRONOUNS):
        return who
    return None


def _en_context(*parts: str) -> str | None:
    for part in parts:
        context = _EN_CONTEXT.search(part)
        if context is not None:
            return context.group().strip()
    return None


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|de|van|von)\s+)?[A-Z][\w'’.-]*)*"
_LEADING_NAME = re.compile(rf"^{_NAME}")
_TRAILING_NAME = re.compile(rf"{_NAME}$")


def _en_phrase(segment: str, name: re.Pattern[str]) -> str | None:
    """A short phrase as it is ('The company'), or the capitalised name that starts or ends a long one."""
    if len(segment.split()) <= 5:
        return _en_clean(segment)
    found = name.search(segment)
    return None if found is None else _en_clean(found.group())


def _en_subject(before_verb: str, verb: str) -> str | None:
    """Who a clause names before its speech verb (or its sentence, before a participle: 'Strand denied …, writing')."""
    segments = [segment.strip() for segment in before_verb.split(",")]
    if verb.lower() in _EN_PARTICIPLES.split("|"):
        return _en_phrase(segments[0], _LEADING_NAME)
    if len(segments) >= 3 and not segments[-1]:
        return _en_phrase(segments[0], _LEADING_NAME)  # 'Shou Chew, TikTok's chief executive, said'
    if len(segments) >= 2 and re.match(r"(?:who|which|that)\b", segments[-1]):
        return _en_phrase(segments[-2], _TRAILING_NAME)  # 'introduced by Councilmember Rosa Delgado, who said'
    return _en_phrase(segments[-1], _LEADING_NAME)


def _en_according(who: str) -> tuple[str | None, str | None]:
    """'according to a statement from TikTok' -> ('TikTok', 'a statement'); 'according to Chew' -> ('Chew', None)."""
    who = who.strip(" ,")
    document = _EN_DOCUMENT.match(who)
    if document is not None:
        return _en_clean(_EN_STOP_WORDS.split(document["who"])[0]), document["what"]
    return _en_clean(_EN_STOP_WORDS.split(who)[0]), None


def _en_before(clause: str) -> tuple[bool, str | None, str | None] | None:
    """(introduced, speaker, context) when the clause before a quotation has a speech verb."""
    verbs = list(_EN_VERB.finditer(clause))
    if not verbs:
        return None
    verb = verbs[-1]
    rest = clause[verb.end():]
    introduced = not rest.strip(" ,:\t")
    if verb.group().lower().startswith("according"):
        speaker, context = _en_according(rest.strip(" ,:"))
        return True, speaker, context
    context = _en_context(clause[verb.start():] if verb.group().lower() == "told" else rest, clause[:verb.start()])
    return introduced, _en_subject(clause[:verb.start()], verb.group()), context


_EN_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?P<verb>{_EN_SAY})\s+(?P<who>[^,.;:!?\"“”]+)", re.IGNORECASE)
_EN_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,]*(?P<who>[^,.;:!?\"“”]{{1,80}}?)\s+(?P<verb>{_EN_SAY})\b(?P<rest>[^.;!?\"“”]*)", re.IGNORECASE)


def _en_after(after: str) -> tuple[str | None, str | None] | None:
    """Speaker and context from '…," said Shou Chew' / '…," Chew told reporters' / '…," according to TikTok'."""
    verb_first = _EN_AFTER_VERB_FIRST.match(after)
    if verb_first is not None:
        if verb_first["verb"].lower().startswith("according"):
            return _en_according(after[verb_first.start("who"):])
        who = verb_first["who"]
        context = _en_context(who)
        name = _EN_STOP_WORDS.split(f"{who} ")[0]
        return _en_clean(name), context
    subject_first = _EN_AFTER_SUBJECT_FIRST.match(after)
    if subject_first is not None:
        told = subject_first["verb"].lower() == "told"
        rest = after[subject_first.start("verb"):subject_first.end()] if told else subject_first["rest"]
        return _en_clean(subject_first["who"]), _en_context(rest)
    return None


# ---- Quotations ---------------------------------------------------------------------------------------------


def _inside(paragraph: str, opening: int, closing: int) -> tuple[int, int]:
    """The span of a quotation's words: no spaces at the edges, nor the comma English puts before its closing mark."""
    start, end = opening + 1, closing
    while start < end and paragraph[start] in _EDGE_SPACE + "\n":
        start += 1
    while end > start and paragraph[end - 1] in _EDGE_SPACE + "\n,，":
        end -= 1
    return start, end


def _attribution(paragraph: str, opening: int, closing: int, floor: int) -> tuple[str | None, str | None] | None:
    """(speaker, context) of the quotation between opening and closing when it is speech, else None."""
    clause = paragraph[sentence_start(paragraph, opening, floor):opening]
    if _NAMING_BEFORE.search(clause):
        return None
    following = closing + 1
    after = paragraph[following:sentence_end(paragraph, following)] if following < len(paragraph) else ""
    next_quote = re.search(r"[“「『\"‘]", after)
    if next_quote is not None:  # '”还有用户表示:“': a verb before the next quotation introduces that one
        after = after[:next_quote.start()]
        if re.search(r"[:：]\s*$", after):
            after = ""
    chinese = bool(_CJK.search(clause) or _CJK.search(after) or _CJK.search(paragraph[opening:closing]))
    before = _cn_before(clause) if chinese else _en_before(clause)
    if before is not None and before[0]:
        return before[1], before[2]
    followed = _cn_after(after) if chinese else _en_after(after)
    if followed is not None:
        return followed
    words = paragraph[opening + 1:closing]
    if before is not None and (not chinese or (re.match(r"\s*(?:[。，,；;！!？?]|$)", after)
                                               and _reported_enough(words))):
        return before[1], before[2]  # reported: 'Chew said the ban was "a sad day for America"'
    return None


def _continues(gap: str) -> bool:
    """Whether the words between two quotations only attribute the first ('"…," Markova said. "…"'), so the second
    goes on with the same speaker."""
    gap = gap.strip()
    return len(gap) <= 80 and bool(re.search(r"[.。!！?？]$", gap)) and bool(
        _cn_verbs(gap) if _CJK.search(gap) else _EN_VERB.search(gap))


def _named_before(paragraph: str, position: int) -> str | None:
    """The last speaker named (not a pronoun) with a speech verb before position: who 'he' or '他' is."""
    named = None
    text = paragraph[:position]
    for verb in (_cn_verbs(text) if _CJK.search(text) else _EN_VERB.finditer(text)):
        clause = text[sentence_start(text, verb.start()):verb.start()]
        speaker = _cn_who(clause, None)[0] if _CJK.search(text) else _en_subject(clause, verb.group())
        if speaker is not None and speaker.lower() not in _PRONOUNS:
            named = speaker
    return named


def find_quotes(paragraph: str) -> list[QuoteMention]:
    """The quoted speech in a paragraph, in order (module docstring): scare quotes and names left out."""
    quotes: list[QuoteMention] = []
    floor = 0
    for opening, closing in _marked(paragraph):
        start, end = _inside(paragraph, opening, closing)
        words = paragraph[start:end]
        if not _a_statement(words):
            continue
        who = _attribution(paragraph, opening, closing, floor)
        if who is None and quotes and _continues(paragraph[floor:opening]):
            who = quotes[-1].speaker, quotes[-1].context
        if who is None:
            continue
        speaker, context = who
        if speaker is not None and speaker.lower() in _PRONOUNS:  # '"…," Chew said. "…," he added.'
            speaker = (quotes[-1].speaker if quotes else None) or _named_before(paragraph, opening) or speaker
        quotes.append(QuoteMention(start, end, words, speaker, context))
        floor = min(closing + 1, len(paragraph))
    return quotes
