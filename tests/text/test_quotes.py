"""Quoted speech found in paragraphs with who said it: speech kept, scare quotes and names left out."""

from __future__ import annotations

import pytest

from briefing.text.quotes import QuoteMention, find_quotes
from tests.conftest import SHIPPED_ARTICLE

ARTICLE = SHIPPED_ARTICLE


def quotes(paragraph: str) -> list[QuoteMention]:
    """The quotes of a paragraph, each checked to be the paragraph's own words where it says they are."""
    found = find_quotes(paragraph)
    assert all(paragraph[quote.start:quote.end] == quote.text for quote in found)
    return found


def said(paragraph: str) -> list[tuple[str, str | None, str | None]]:
    return [(quote.text, quote.speaker, quote.context) for quote in quotes(paragraph)]


def test_the_shipped_article_has_three_quotes_and_their_speakers() -> None:
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    found = [quote for line in lines if not line.startswith("#") for quote in quotes(line)]
    assert [(quote.speaker, quote.context) for quote in found] == [
        ("一位 TikTok 的忠实用户", "在社交媒体上留言"), ("用户", None), ("一位拥有百万粉丝的美妆博主", None)]
    beginnings_and_ends = [("TikTok 就像我的好朋友", "感觉生活一下子变得索然无味。"),
                           ("我在 TikTok 上结识了很多志同道合的朋友", "就这样消失了,真的很难过。"),
                           ("我在 TikTok 上投入了大量的时间和精力", "不知道该如何维持生计。")]
    assert all(quote.text.startswith(beginning) and quote.text.endswith(end)
               for quote, (beginning, end) in zip(found, beginnings_and_ends, strict=True))
    # Scare quotes, names and the phrase inside Trump's reported words are in the article, and are not quotes.
    text = "\n".join(lines)
    for phrase in ("不卖就禁用", "暂停键", "莫须有", "TikTok 难民", "数据安全威胁", "极有可能", "有力武器"):
        assert f"“{phrase}”" in text or f"“{phrase}" in text
    assert not [quote for quote in found if quote.text in ("极有可能", "TikTok 难民")]


@pytest.mark.parametrize(("paragraph", "expected"), [
    ('"We will fight this with everything," said Shou Chew, TikTok\'s chief executive.',
     [("We will fight this with everything", "Shou Chew", None)]),
    ('Chew told reporters: "This is a sad day for the creators who rely on us."',
     [("This is a sad day for the creators who rely on us.", "Chew", "told reporters")]),
    ('"The ban will hurt millions of small businesses," according to a statement from TikTok.',
     [("The ban will hurt millions of small businesses", "TikTok", "a statement")]),
    ('In an interview on Friday, Trump said: "I will most likely give TikTok the extension."',
     [("I will most likely give TikTok the extension.", "Trump", "In an interview on Friday")]),
    ('Chew said the ban was "a sad day for America" and vowed to appeal.',
     [("a sad day for America", "Chew", None)]),
    ('"TikTok was my best friend and now it is gone," a user told the BBC on Sunday.',
     [("TikTok was my best friend and now it is gone", "a user", "told the BBC on Sunday")]),
    ('Corvane, which operates 14 clinics, said in a statement that it "respectfully disagrees with the court."',
     [("respectfully disagrees with the court.", "Corvane", "in a statement")]),
    ("It was introduced by Councilmember Rosa Delgado, who said the wage \"has not kept up with costs.\"",
     [("has not kept up with costs.", "Councilmember Rosa Delgado", None)]),
    ('Judge Helen Strand denied the motion on March 13, writing that the jury "heard ample evidence of it."',
     [("heard ample evidence of it.", "Judge Helen Strand", None)]),
    ("'We lost everything we built here,' she wrote on Instagram.",
     [("We lost everything we built here", "she", "on Instagram")]),
])
def test_english_speech_and_its_speaker(paragraph: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert said(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("“这是对言论自由的严重侵犯。”TikTok 发言人在声明中表示。",
     [("这是对言论自由的严重侵犯。", "TikTok 发言人", "在声明中")]),
    ("他表示,此举是 “对言论自由和公平竞争的严重侵犯”。", [("对言论自由和公平竞争的严重侵犯", "他", None)]),
    ("外交部发言人毛宁 18 日在例行记者会上表示:“中方将坚定维护自身正当权益。”",
     [("中方将坚定维护自身正当权益。", "外交部发言人毛宁", "18 日在例行记者会上")]),
    ("李在明表示:“我们会认真研究这一问题并尽快作出决定。”",  # a name with 在 in it
     [("我们会认真研究这一问题并尽快作出决定。", "李在明", None)]),
    ("何川解释称,这是根据用户调研作出的选择,“超过一半的用户更喜欢直屏,误触更少”。",
     [("超过一半的用户更喜欢直屏,误触更少", "何川", None)]),
    ("据新华社报道,首席执行官周受资 19 日表示:“感谢各方的支持。”", [("感谢各方的支持。", "首席执行官周受资", "19 日")]),
    ("他在采访中说:「我们不会放弃。」", [("我们不会放弃。", "他", "在采访中")]),
    ("法官郑文澜说:“数据流通,并不意味着可以‘不劳而获’。”",
     [("数据流通,并不意味着可以‘不劳而获’。", "法官郑文澜", None)]),
])
def test_chinese_speech_and_its_speaker(paragraph: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert said(paragraph) == expected


@pytest.mark.parametrize("paragraph", [
    "此次禁令的根源是拜登政府在 2024 年 4 月 24 日签署的 “不卖就禁用” 法案。",
    "许多美国用户自称 “TikTok 难民”,纷纷涌入小红书。",
    "(一)“莫须有” 的数据安全指控",
    "他们指出,美国政府以所谓的 “数据安全威胁” 为由对 TikTok 进行封禁。",
    "特朗普在接受采访时释放出积极信号,他表示 “极有可能” 在就职后给予 TikTok90 天的禁令延缓执行期限。",
    "他表示,公司将推出 “TikTok 购物节” 活动。",  # a name inside reported speech
    "速比公司坚持认为,公开的数据属于“公共资源”。",
    "Lawmakers called it a so-called \"security risk\" and the \"TikTok refugees\" moved to RedNote.",
    'The law, known as "Protecting Americans from Foreign Adversary Controlled Applications Act", passed.',
    'He said the law, the "Protecting Americans from Foreign Adversary Controlled Applications Act", passed.',
    'The company\'s slogan, "Make Your Day," is everywhere.',
    '"It\'s over," said a creator.',  # two words: too short to set apart
    'By clicking "Accept all" you agree to our use of cookies.',
    "The users' data and the company's servers don't leave the country, it's said.",  # apostrophes only
])
def test_scare_quotes_names_and_apostrophes_are_not_speech(paragraph: str) -> None:
    assert quotes(paragraph) == []


def test_a_quote_continued_after_its_attribution_keeps_its_speaker() -> None:
    assert said('"I grew up practicing in the afternoon sun," Markova said. "But this week was different."') == [
        ("I grew up practicing in the afternoon sun", "Markova", None),
        ("But this week was different.", "Markova", None)]
    assert said("“我们会继续战斗下去。”周受资说。“用户永远是第一位的。”") == [
        ("我们会继续战斗下去。", "周受资", None), ("用户永远是第一位的。", "周受资", None)]


def test_a_pronoun_is_the_speaker_named_before_it() -> None:
    assert said('"We will fight this in court," said Shou Chew. "We are confident we will win," he added.') == [
        ("We will fight this in court", "Shou Chew", None), ("We are confident we will win", "Shou Chew", None)]
    assert said('Whitcombe said the amount mattered less. "I wanted someone to say it was not our fault," she said.') \
        == [("I wanted someone to say it was not our fault", "Whitcombe", None)]
    # With nobody named before it in the paragraph, the pronoun is what the text says.
    assert said('"We cannot control the weather, but we can control the schedule," he said.') == [
        ("We cannot control the weather, but we can control the schedule", "he", None)]


def test_quote_marks() -> None:
    """Curly, corner and straight marks; a quote inside a quote is part of it; a quote that goes on into the next
    paragraph runs to this one's end."""
    assert said("他说:『这是我们最后的机会,必须抓住。』") == [("这是我们最后的机会,必须抓住。", "他", None)]
    assert said('Chew said: "They told me \'you will never win this\' and I did not believe them."') == [
        ("They told me 'you will never win this' and I did not believe them.", "Chew", None)]
    assert said('Chew told lawmakers: "We have spent billions to protect user data and we will keep doing so.') == [
        ("We have spent billions to protect user data and we will keep doing so.", "Chew", "told lawmakers")]


def test_a_long_paragraph_is_read_in_one_pass() -> None:
    """Each quotation is read from its own sentence: a paragraph of 2,000 quotes gives 2,000 of them, quickly."""
    paragraph = "".join(f"一位用户{n}表示:“我们在这里结识了很多朋友,真的很难过。” " for n in range(2000))
    found = quotes(paragraph)
    assert len(found) == 2000 and found[-1].speaker == "一位用户1999"
