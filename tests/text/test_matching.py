"""A writer's quotation of a source is found in it whatever its width, spaces and quote marks."""

from __future__ import annotations

import pytest

from briefing.text.matching import comparable, find_passage
from tests.conftest import SHIPPED_ARTICLE

ARTICLE = SHIPPED_ARTICLE.read_text(encoding="utf-8")


def test_comparable_folds_width_drops_spaces_and_unifies_quotes() -> None:
    folded, offsets = comparable("１．７ 亿，“暂停键”\u3000‘ok’")
    assert folded == "1.7亿,\"暂停键\"'ok'"
    assert offsets == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]


def test_each_folded_character_points_at_the_character_it_came_from() -> None:
    text = "cafe\u0301 ㎏\n 1,000"  # a combining accent, one character that folds to two, a line break
    folded, offsets = comparable(text)
    assert folded == "caf\u00e9kg1,000"
    assert offsets == [0, 1, 2, 3, 6, 6, 9, 10, 11, 12, 13]


def test_a_passage_is_found_however_its_spaces_differ() -> None:
    start, end = find_passage(ARTICLE, "这一事件不仅影响了美国本土的1.7亿用户") or (0, 0)
    assert ARTICLE[start:end] == "这一事件不仅影响了美国本土的 1.7 亿用户"
    haystack = "影响了 1.7亿 用户。"
    start, end = find_passage(haystack, "影响了 1.7 亿用户") or (0, 0)
    assert haystack[start:end] == "影响了 1.7亿 用户"


@pytest.mark.parametrize(("haystack", "needle", "found"), [
    ("美国约 80％ 的青少年", "约80%的青少年", "约 80％ 的青少年"),               # full-width per cent sign
    ("他表示 “极有可能” 在就职后", '表示"极有可能"在', "表示 “极有可能” 在"),  # curly and straight quotes
    ("It’s “most likely”, he said", "It's \"most likely\"", "It’s “most likely”"),
    ("Ｔｉｋｔｏｋ９０ 天", "Tiktok90天", "Ｔｉｋｔｏｋ９０ 天"),                 # full-width letters and digits
])
def test_a_passage_is_found_however_its_marks_are_written(haystack: str, needle: str, found: str) -> None:
    start, end = find_passage(haystack, needle) or (0, 0)
    assert haystack[start:end] == found


def test_the_match_ends_on_its_last_character_not_on_the_spaces_after_it() -> None:
    assert find_passage("a 1.7 亿  用户", "1.7亿") == (2, 7)


def test_the_first_of_several_passages_is_found() -> None:
    start, _ = find_passage(ARTICLE, "1000 个工作岗位") or (0, 0)
    assert start == ARTICLE.index("1000 个工作岗位")


@pytest.mark.parametrize("needle", ["美国本土的 1.8 亿用户", "1.7 亿用户们", "the 170 million"])
def test_words_the_source_does_not_have_are_not_found(needle: str) -> None:
    assert find_passage(ARTICLE, needle) is None


@pytest.mark.parametrize("needle", ["", "  ", "\u3000\n"])
def test_nothing_to_compare_is_not_found(needle: str) -> None:
    assert find_passage(ARTICLE, needle) is None


def test_case_and_words_still_count() -> None:
    """Only width, spaces and quote marks are folded: a different letter is a different passage."""
    assert find_passage("TikTok users", "tiktok users") is None
    assert find_passage("1.7 亿用户", "1.7 万用户") is None


def test_changing_what_comparable_gave_changes_nothing_for_the_next_caller() -> None:
    """The folding of a text is kept for the next search in it: a caller's list is its own copy."""
    _, offsets = comparable(ARTICLE)
    offsets.clear()
    assert len(comparable(ARTICLE)[1]) > 7000
    assert find_passage(ARTICLE, "近3亿美元") == (ARTICLE.index("近 3 亿美元"), ARTICLE.index("近 3 亿美元") + 7)
