"""'{id}' in text becomes the statistic's value or the event's date, in the outline's locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.outline import OutlineError, read_outline
from briefing.outline.references import expand_references
from tests.outline.test_validate import edit, line_of


def test_references_become_locale_values_and_dates(minimal_outline: Path) -> None:
    edit(minimal_outline, "一段文字，提到 2025年1月18日。", "用户达{users}，截止于{end}；字面的 {{users}} 保留。")
    outline = expand_references(read_outline(minimal_outline))
    assert outline.sections[0].prose[0] == "用户达1.7亿，截止于2025年1月19日；字面的 {users} 保留。"


def test_an_unknown_reference_is_reported_where_it_is(minimal_outline: Path) -> None:
    edit(minimal_outline, "一段文字，提到 2025年1月18日。", "用户达{user}。")
    with pytest.raises(OutlineError) as caught:
        read_outline(minimal_outline)
    [message] = caught.value.messages()
    line = line_of(minimal_outline, "用户达{user}")
    assert message.startswith(f"{minimal_outline}:{line}:")
    assert "sections[0].prose[0]: no statistic or event has the id 'user' (did you mean 'users'?)" in message
