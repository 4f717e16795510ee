"""Sentences and clauses of an article's paragraphs, and shortening them into slide-sized drafts.

A draft's points, event titles and labels are cut from the source's own sentences (where one ends
is text/sentences.py's rule); a clause ends at a comma, semicolon or colon. Shortening keeps whole
words (Chinese words by text/words.py) and whole clauses where it can, so a drafted point reads as
a phrase, not a fragment cut mid-word. A title cut from a sentence starts at its topic: the clauses
that only set it in time ('2024年', '日前', 'On March 1, 2025'), link it ('此外', 'Meanwhile'), frame it
('面对…形势', '随着…', '…第三次会议上') or say whose words it gives ('…统计数据显示', '据介绍',
'According to …') are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.sentences import sentence_end

# A clause ends at a comma, semicolon, colon or full stop; not inside a number (4,000) or a time (10:00), nor at a
# stop that goes on with a small letter or a number (an abbreviation: '6 p.m. on Sunday', 'Jan. 18').
_CLAUSE_END = re.compile(r"(?:[，；;：。！？!?]|[,:](?!(?<=\d[,:])\d)|——|—|\.(?=\s)(?!\s+[a-z\d]))\s*")
_DANGLING = re.compile(r"\s+(?:a|an|the|of|for|to|in|on|at|and|or|but|with|by|from|as|that|whether|which|who|"
                       r"its|their|his|her)$", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph and where it is in it."""

    start: int
    end: int
    text: str


def is_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def sentences(paragraph: str) -> list[Sentence]:
    """The paragraph's sentences, in order, each stripped of surrounding blanks."""
    found: list[Sentence] = []
    position = 0
    while position < len(paragraph):
        end = sentence_end(paragraph, position)
        piece = paragraph[position:end]
        stripped = piece.strip()
        if stripped:
            start = position + piece.index(stripped)
            found.append(Sentence(start, start + len(stripped), stripped))
        position = max(end, position + 1)
    return found


def sentence_at(paragraph: str, position: int) -> Sentence:
    """The sentence that holds the character at `position`."""
    for sentence in sentences(paragraph):
        if sentence.start <= position < sentence.end:
            return sentence
    return Sentence(0, len(paragraph), paragraph.strip())


_HALF_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_CJK_CHAR = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]"
# A half-width mark beside a Chinese character, and a blank between Chinese and a digit or another Chinese
# character (a web page's '1 月 18 日'); a blank between Chinese and a Latin word stays ('TikTok 停止').
_MARK_BESIDE_CJK = re.compile(rf"(?<={_CJK_CHAR})\s*([,:;()!?])\s*|\s*([,:;()!?])\s*(?={_CJK_CHAR})")
_BLANK_BESIDE_CJK = re.compile(rf"(?<={_CJK_CHAR})[ \t\u3000]+(?=[\d{_CJK_CHAR[1:-1]}])|"
                               rf"(?<=[\d%])[ \t\u3000]+(?={_CJK_CHAR})")


def typeset_chinese(text: str) -> str:
    """Chinese as the briefing writes it: full-width marks, no blanks inside Chinese or around its numbers
    ('美东时间 1 月 18 日深夜,一则' -> '美东时间1月18日深夜，一则'). The words are the same; evidence keeps
    the source's own form, and check compares them whatever their width and blanks."""
    text = _MARK_BESIDE_CJK.sub(lambda m: _HALF_WIDTH[m.group(1) or m.group(2)], text)
    return _BLANK_BESIDE_CJK.sub("", text)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause (between commas, semicolons or colons) holding text[start:end]."""
    left = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    following = _CLAUSE_END.search(text, end)
    if following:
        right = following.start()
    return left, right


# Clauses that open a sentence without saying its topic (see the module's docstring).
_ZH_TIME_CHARS = re.compile(  # with the spaces Chinese text may set numbers off with ('2025 年3月5日')
    r"[\s\d年月日号底末初前后上下半季度个第一二三四五六七八九十以来期间当天日内今去明本全同近截止至到自从在\-－~～时许点分早晚晨午夜]+")
_ZH_OPENERS = re.compile(
    r"(?:会上|会议上|目前|当前|近期|近年来|一年来|多年来|此前|随后|同时|此外|另外|与此同时|据悉|据了解|据介绍|据报道|"
    r"值得一提的是|值得注意的是|总体来看|总的来看|总体上看|其中|对此|为此|因此|然而|但是|不过|而且|另一方面|事实上|实际上)")
_ZH_FRAME = re.compile(r"(?:面对|随着|为了|根据|按照|依托|围绕).{2,}|在.{2,}(?:下|中|上|时|期间|方面|之际)"
                       r"|.{2,}(?:会议|大会|论坛|峰会|发布会|开幕式|典礼)(?:上|期间)"  # '…第三次会议上', without '在'
                       r"|[据據].{1,20}(?:统计|显示|介绍|报道|統計|顯示|介紹|報道)")
# Simplified and traditional ('大公文匯全媒體報道'): the articles read here are written in either.
_ZH_ATTRIBUTION = re.compile(r".{2,}(?:显示|表示|指出|介绍|称|认为|说|透露|强调|获悉|了解到|表明|报道"
                             r"|顯示|介紹|稱|認為|說|強調|獲悉|瞭解到|報道|報導)")
_EN_SETTING_WORD = re.compile(
    r"on|in|at|by|since|until|during|last|this|next|early|late|earlier|later|the|of|a|years?|weeks?|months?|days?"
    r"|quarter|weekend|morning|afternoon|evening|night|today|yesterday|tomorrow|\w+day|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|first|second|third|fourth|so|far|meanwhile|however|also|still|moreover|separately|additionally|instead|now"
    r"|then|yet|thus|\d+(?:st|nd|rd|th)?")
_EN_ATTRIBUTION = re.compile(r"(?i)according to\b.*")
_TOPIC_SHORTEST = {True: 4, False: 3}  # what is left must say this much, else the whole sentence is the title


def _sets_the_scene(clause: str, chinese: bool) -> bool:
    """Whether a sentence's opening clause only sets it in time, links, frames or attributes it."""
    clause = clause.strip()
    if chinese:
        return bool(_ZH_TIME_CHARS.fullmatch(clause) or _ZH_OPENERS.fullmatch(clause) or _ZH_FRAME.fullmatch(clause)
                    or _ZH_ATTRIBUTION.fullmatch(clause))
    words = re.findall(r"[a-z]+|\d+(?:st|nd|rd|th)?", clause.lower())
    return bool(words) and (all(_EN_SETTING_WORD.fullmatch(word) for word in words)
                            or _EN_ATTRIBUTION.fullmatch(clause) is not None)


def worded_sentences(text: str) -> list[Sentence]:
    """The text's sentences that have a word in them: a stray '。' left by a copy is none."""
    return [sentence for sentence in sentences(text) if re.search(r"\w", sentence.text)]


def opening_sentence(text: str) -> str:
    """The text's first sentence that has a word in it, else the text."""
    return next((sentence.text for sentence in worded_sentences(text)), text)


def topic(sentence: str, limit: int) -> str:
    """A title cut from a sentence: from its first clause that says its topic, shortened to `limit`."""
    chinese = is_chinese(sentence)
    start = 0
    for match in _CLAUSE_END.finditer(sentence):
        if match.group().strip() in ("。", "！", "？", "!", "?", ".") or not _sets_the_scene(
                sentence[start:match.start()], chinese):
            break
        start = match.end()
    rest = sentence[start:].strip()
    if reading_size(re.sub(r"[^\w\s]", "", rest), chinese) < _TOPIC_SHORTEST[chinese]:
        rest = sentence
    title = shorten(rest, limit)
    return title if chinese or title[1:2].isupper() else title[:1].upper() + title[1:]


def _words(text: str) -> list[str]:
    """Words and the spaces and marks between them, joined back into the text."""
    if is_chinese(text):
        from briefing.text.words import word_tokens

        return word_tokens(text)
    return re.findall(r"\S+\s*|\s+", text)


def shorten(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters (Chinese) or words (English): at the last clause that
    fits, else at a word; trailing marks dropped. A text that fits comes back as it is, without its
    sentence-final full stop."""
    text = text.strip()
    chinese = is_chinese(text)
    size = reading_size(text, chinese)
    if size <= limit:
        return _trim_end(text)
    # Whole clauses first: the longest run of leading clauses that fits, when it says enough.
    best = ""
    for match in _CLAUSE_END.finditer(text):
        head = text[: match.start()]
        if reading_size(head, chinese) <= limit:
            best = head
    if reading_size(best, chinese) >= limit // 2:
        return _trim_end(best)
    kept = ""
    for word in _words(text):
        if reading_size(kept + word, chinese) > limit:
            break
        kept += word
    return _trim_end(without_dangling_end(kept)) or text[:limit]


def without_dangling_end(text: str) -> str:
    """The text without the words at its end that lead on to what was cut off after them ('…its decision on a
    case that has', '…公交车存在的一些'), word by word, so that '存在' stays whole; at least one word is left."""
    chinese = is_chinese(text)
    tokens = _words(text)
    leads_on = _ZH_LEADS_ON if chinese else _LEADS_ON
    while len([t for t in tokens if t.strip()]) > 1 and (
            not tokens[-1].strip() or tokens[-1].strip() in leads_on or tokens[-1].strip() in "、，,"):  # 'May' stays
        tokens.pop()
    return "".join(tokens)


# Chinese words that lead on to what follows them, the same way.
_ZH_LEADS_ON = frozenset({"的", "地", "得", "一些", "一个", "了", "在", "和", "与", "及", "以及", "对", "把", "被",
                          "从", "向", "为", "是", "将", "已", "之", "而", "并", "或", "这", "那", "其", "该", "各",
                          "每", "由", "于", "给", "让", "使", "比", "跟", "同", "等"})
# English words that lead on to what follows them: a text cut short does not end on one.
_LEADS_ON = frozenset({
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "by", "with", "and", "or", "but", "that",
    "which", "who", "whose", "whom", "has", "have", "had", "is", "are", "was", "were", "be", "been", "will",
    "would", "could", "should", "can", "may", "might", "its", "their", "his", "her", "our", "this", "these",
    "those", "as", "than", "into", "onto", "about", "over", "under", "after", "before", "during", "between",
    "against"})


def fits(text: str, limit: int) -> bool:
    """Whether `shorten` gives the text back whole at `limit`, its trailing marks aside."""
    return shorten(text, limit) == shorten(text, len(text))


def reading_size(text: str, chinese: bool) -> float:
    """Length as a reader sees it: in Chinese, characters, a Latin letter or digit counting half (it is
    about half as wide); in English, words."""
    if not chinese:
        return len(text.split())
    return sum(1 if _CJK.match(c) else 0.5 for c in text if not c.isspace())


def _trim_end(text: str) -> str:
    """The text without trailing marks, and without a quotation it opens but does not close."""
    for opening, closing in ("“”", "「」", "『』", "《》", "（）", "()"):
        if text.count(opening) > text.count(closing):
            text = text[: text.rindex(opening)]
    if text.count('"') % 2:
        text = text[: text.rindex('"')]
    text = text.strip().rstrip("，,；;：:、。.!！?？—- ")
    # An English cut ends on a word that carries meaning, not on 'a', 'of' or 'whether'.
    while (dangling := _DANGLING.search(text)) and dangling.start() > 0:
        text = text[: dangling.start()].rstrip(" ,;:—-")
    return text
