"""Clauses of a paragraph, which drafted titles and labels are cut from: they end at commas, semicolons, colons and
full stops, not at the marks inside a number, a time or an abbreviation."""

from __future__ import annotations

import pytest

from briefing.sources.sentences import clause_around


@pytest.mark.parametrize(("text", "inside", "clause"), [
    ("Crews restored power to 4,000 homes, officials said.", "4,000", "Crews restored power to 4,000 homes"),
    ("The match began at 7:30 p.m. on Sunday, after the rain.", "Sunday", "The match began at 7:30 p.m. on Sunday"),
    ("It went dark on Jan. 18, hours before the ban.", "Jan. 18", "It went dark on Jan. 18"),
    ("新线路将于10:00起开通运营,票价不变。", "10:00", "新线路将于10:00起开通运营"),
    # Where a clause does end.
    ("Sales rose, then fell.", "fell", "then fell."),
    ("The score was 3: the visitors won.", "3", "The score was 3"),
    ("会议召开,市长讲话。", "市长", "市长讲话"),
    ("He left. Then the bus came.", "left", "He left"),
])
def test_a_clause_ends_at_its_marks_not_inside_numbers_and_abbreviations(text: str, inside: str, clause: str) -> None:
    start = text.index(inside)
    left, right = clause_around(text, start, start + len(inside))
    assert text[left:right] == clause
