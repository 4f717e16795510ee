"""Sentence bounds around a position, in Chinese and English: an abbreviation's full stop ends nothing."""

from __future__ import annotations

import pytest

from briefing.text.sentences import sentence_end, sentence_start


@pytest.mark.parametrize(("text", "word", "sentence"), [
    ("TikTok 停止服务。禁令于 19 日生效。此后下载量激增。", "19", "禁令于 19 日生效。"),
    ("“太难过了。” 还有用户表示:“我很难过。”", "还有", "还有用户表示:“我很难过。”"),
    ("It went dark. On Jan. 18, Mr. Chew said the U.S. ban hurt. Then it ended.", "Chew",
     "On Jan. 18, Mr. Chew said the U.S. ban hurt."),
    ('"We will fight," he said. "We will win!" she added', "win", '"We will win!" she added'),
    ("First line\nsecond line, no stop", "second", "second line, no stop"),
    # A wiki's footnote marks close the sentence before them; a bracket that is no footnote mark does not.
    ("The board voted on March 3.[2] On March 9, the law took effect.[3][4] It was", "law",
     "On March 9, the law took effect.[3][4]"),
    ("The court ruled.[2]", "ruled", "The court ruled.[2]"),
    ("It sold 3.[a] bonds. Then", "sold", "It sold 3.[a] bonds."),
])
def test_the_sentence_around_a_word(text: str, word: str, sentence: str) -> None:
    at = text.index(word)
    assert text[sentence_start(text, at):sentence_end(text, at)] == sentence


def test_a_floor_bounds_the_start() -> None:
    text = "One sentence here and another"
    assert sentence_start(text, text.index("another"), floor=4) == 4
