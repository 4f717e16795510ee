"""Validation: every problem at once, as FILE:LINE:COL: key.path: message (hint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.outline import OutlineError, read_outline
from briefing.outline.errors import format_path
from briefing.outline.limits import MAX_BARS_PER_CHART, MAX_EVENTS_PER_CHART
from briefing.outline.validate import validate_outline
from tests.conftest import DEFAULT_OUTLINE, FIXTURES
from tests.refusals import refused

SECTION_TITLES = ["事件突发", "追溯根源", "广泛影响", "应对之策", "未来展望"]


def errors_for(path: Path) -> list[str]:
    with pytest.raises(OutlineError) as caught:
        read_outline(path)
    return caught.value.messages()


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_default_outline_mirrors_the_article() -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    assert [s.title.split("：")[0] for s in outline.sections] == SECTION_TITLES
    assert [len(s.subsections) for s in outline.sections] == [0, 2, 3, 3, 3]
    dates = {e.date.isoformat() for e in outline.timeline}
    assert {"2024-04-24", "2024-05-07", "2025-01-08", "2025-01-17", "2025-01-18", "2025-01-19"} <= dates
    values = {s.value for s in outline.statistics}
    assert {170_000_000, 2_000_000, 300_000_000, 157_600_000, 682_000_000, 80, 20, 30, 1000, 90} <= values
    assert outline.meta.source.published.isoformat() == "2025-02-02"
    assert outline.meta.source.caveat and "真实性未证实" in outline.meta.source.caveat
    kinds = [c.kind.value for c in outline.charts]
    assert kinds.count("timeline") >= 1 and kinds.count("bar") >= 2


def test_minimal_outline_is_valid(minimal_outline: Path) -> None:
    assert read_outline(minimal_outline).meta.title == "测试简报"


def test_unknown_key_suggests_the_closest(minimal_outline: Path) -> None:
    edit(minimal_outline, "  subtitle: 最小示例", "  subtitel: 最小示例")
    [message] = errors_for(minimal_outline)
    line = line_of(minimal_outline, "subtitel")
    assert message == f"{minimal_outline}:{line}:3: meta.subtitel: unknown key 'subtitel' (did you mean 'subtitle'?)"


def test_every_problem_is_reported_at_once(minimal_outline: Path) -> None:
    edit(minimal_outline, "date: 2025-02-03", "date: 2025-02-30")
    edit(minimal_outline, "value: 170000000", "value: 1.7亿")
    edit(minimal_outline, "kind: bar", "kind: pie")
    messages = errors_for(minimal_outline)
    assert len(messages) == 3
    assert "meta.date: '2025-02-30' is not a real date" in messages[0]
    assert "statistics[0].value: expected a number, got '1.7亿'" in messages[1]
    assert "charts[1].kind: 'pie' is not allowed (use one of: 'timeline' or 'bar')" in messages[2]


def test_wrong_type_names_what_was_expected(minimal_outline: Path) -> None:
    edit(minimal_outline, "summary:\n  - 第一条要点。", "summary: 第一条要点。")
    [message] = errors_for(minimal_outline)
    assert f":{line_of(minimal_outline, 'summary:')}:10: summary: expected a list" in message


def test_date_in_another_format_is_explained(minimal_outline: Path) -> None:
    edit(minimal_outline, "date: 2024-04-24", "date: 24/04/2024")
    [message] = errors_for(minimal_outline)
    assert "timeline[0].date: expected a date written YYYY-MM-DD, like 2025-01-18, got '24/04/2024'" in message


def test_text_that_yaml_1_1_would_turn_into_a_flag_stays_text(minimal_outline: Path) -> None:
    edit(minimal_outline, "title: 第一部分", "title: no")
    assert read_outline(minimal_outline).sections[0].title == "no"


def test_dangling_references_name_the_known_ids(minimal_outline: Path) -> None:
    edit(minimal_outline, "statistics: [users]", "statistics: [user]")
    edit(minimal_outline, "placement: first-a", "placement: second")
    messages = errors_for(minimal_outline)
    assert any("charts[1].statistics[0]: no statistic has the id 'user' (did you mean 'users'?)" in m
               for m in messages)
    assert any("charts[1].placement: no section or sub-section has the id 'second'" in m for m in messages)
    line = line_of(minimal_outline, "statistics: [user]")
    assert any(m.startswith(f"{minimal_outline}:{line}:") for m in messages)


def test_duplicate_ids_are_reported(minimal_outline: Path) -> None:
    edit(minimal_outline, "id: end", "id: start")
    messages = errors_for(minimal_outline)
    assert any("timeline[1].id: duplicate id 'start' (also at timeline[0].id)" in m for m in messages)


def test_control_characters_are_rejected_with_the_field(minimal_outline: Path) -> None:
    edit(minimal_outline, "title: 第一部分", 'title: "第一\\x07部分"')
    [message] = errors_for(minimal_outline)
    assert "sections[0].title: contains the control character U+0007" in message


def test_an_audience_that_selects_nothing_is_reported(minimal_outline: Path) -> None:
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + "audiences:\n  - {name: empty, display_name: 空, sections: []}\n",
                               encoding="utf-8")
    [message] = errors_for(minimal_outline)
    assert "audiences[0].sections: selects no section at all" in message


IMPLICATIONS = """implications:
  - text: 对所有读者。
  - text: 给高管的一条。
    audiences: [exec]
  - text: 关于法律的一条。
    tags: [law]
audiences:
  - {name: executive, display_name: 高管, sections: [first]}
  - {name: legal, display_name: 法务, tags: [laws]}
"""


def test_implications_name_audiences_and_tags_that_exist(minimal_outline: Path) -> None:
    """An item for an audience that does not exist, or for a tag no audience selects by, reaches no reader."""
    edit(minimal_outline, "    facts: [users]\n    subsections:",
         "    facts: [users]\n    tags: [laws]\n    subsections:")
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + IMPLICATIONS, encoding="utf-8")
    message = refused(minimal_outline, "no audience is named 'exec'", where="implications[1].audiences[0]")
    lines = message.strip().splitlines()
    assert f"{minimal_outline}:{line_of(minimal_outline, 'audiences: [exec]')}:17: implications[1].audiences[0]: " \
           "no audience is named 'exec' (did you mean 'executive'?)" in lines
    assert f"{minimal_outline}:{line_of(minimal_outline, 'tags: [law]')}:12: implications[2].tags[0]: " \
           "no audience selects the tag 'law', so no reader gets this item (did you mean 'laws'?)" in lines
    assert len(lines) == 2


def test_references_in_an_audience_s_summary_and_the_implications_are_checked(minimal_outline: Path) -> None:
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + "implications:\n  - text: 影响{user}用户。\n"
                               "audiences:\n  - name: exec\n    display_name: 高管\n    summary:\n"
                               "      - 影响{userz}用户。\n      - 影响1.7亿用户。\n", encoding="utf-8")
    messages = [m.split(": ", 1)[1] for m in errors_for(minimal_outline)]
    assert messages == [
        "implications[0].text: no statistic or event has the id 'user' (did you mean 'users'?)",
        "audiences[0].summary[0]: no statistic or event has the id 'userz' (did you mean 'users'?)",
        ("audiences[0].summary[1]: '1.7亿' is typed as a number; the statistic 'users' has this value "
         "(write {users} instead, so the text follows the statistic and the locale's style)"),
    ]


def test_an_audience_s_own_lists_without_a_takeaway_get_a_note(minimal_outline: Path) -> None:
    edit(minimal_outline, "summary:\n", "summary_takeaway: 要点一句话\nsummary:\n")
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + "implications:\n  - text: 对高管。\n    audiences: [exec]\n"
                               "audiences:\n  - name: exec\n    display_name: 高管\n"
                               "    summary: [自己的要点。]\n", encoding="utf-8")
    notes = {format_path(note.path): note for note in validate_outline(minimal_outline)[1]}
    assert "implications_takeaway" not in notes  # the outline has no items for every reader
    summary, implications = notes["audiences[0].summary_takeaway"], notes["audiences[0].implications_takeaway"]
    assert (summary.line, summary.column) == (line_of(minimal_outline, "summary: [自己的要点。]"), 14)
    assert str(summary).endswith("note: its summary is not the outline's, without a takeaway; the slide's title "
                                 "is just 'key takeaways' (add summary_takeaway: ... to the audience)")
    assert "audiences[0].key_figures_takeaway" not in notes  # the outline's own note says it: it has none
    assert (implications.line, implications.column) == (line_of(minimal_outline, "name: exec"), 11)
    assert str(implications).endswith("note: its implications are not the outline's, without a takeaway; the "
                                      "slide's title is just 'what this means' (add implications_takeaway: ... "
                                      "to the audience)")


def test_problems_inside_lists_and_mappings_are_all_found(minimal_outline: Path) -> None:
    edit(minimal_outline, "speaker: 一位用户", "speeker: 一位用户")
    edit(minimal_outline, "facts: [users]", "facts: [users]\n    number: 0")
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + "theme:\n  layouts:\n    cover: Title Slide\n"
                               "audiences:\n  - {name: exec, display_name: 高管, table_of_contents: no}\n",
                               encoding="utf-8")
    messages = errors_for(minimal_outline)
    expected = [
        "sections[0].number: must be at least 1, got 0",
        "sections[0].subsections[0].quotes[0].speaker: missing required key 'speaker'",
        "sections[0].subsections[0].quotes[0].speeker: unknown key 'speeker' (did you mean 'speaker'?)",
        ("theme.layouts.cover: 'cover' is not allowed (use one of: 'title', 'section', 'points', 'chart', "
         "'timeline', 'quote' or 'sources')"),
        "audiences[0].table_of_contents: expected true or false, got 'no'",
    ]
    assert [m.split(": ", 1)[1] for m in messages] == expected
    # An unknown key is placed at the key itself, on its own line.
    speeker = next(m for m in messages if "speeker" in m)
    assert speeker.startswith(f"{minimal_outline}:{line_of(minimal_outline, 'speeker')}:13:")


def test_dates_a_type_cannot_judge(minimal_outline: Path) -> None:
    edit(minimal_outline, "date: 2025-02-03", "date: 1970-01-01")
    edit(minimal_outline, "as_of: 2025-01", "as_of: 2025-13")
    messages = errors_for(minimal_outline)
    assert [m.split(": ", 1)[1] for m in messages] == [
        "meta.date: 1970-01-01 is outside 1980-01-01 to 2107-12-31, the dates Office files can carry",
        "statistics[0].as_of: '2025-13' has no month 13",
    ]


def test_a_chart_with_more_bars_or_events_than_it_can_show_is_refused_where_it_names_them(
        minimal_outline: Path) -> None:
    """Was: a 60-bar chart built, its slide's labels on top of each other and its figure taller than the page."""
    statistics = "".join(
        f"  - {{id: s{n}, label: 第{n}项, value: {n + 1}, unit: count, measures: 数量, source: src}}\n"
        for n in range(MAX_BARS_PER_CHART + 1))
    events = "".join(f"  - {{id: e{n}, date: 2025-01-18, title: 事件{n}, source: src}}\n"
                     for n in range(MAX_EVENTS_PER_CHART + 1))
    edit(minimal_outline, "statistics:\n", "statistics:\n" + statistics)
    edit(minimal_outline, "timeline:\n", "timeline:\n" + events)
    edit(minimal_outline, "statistics: [users]\n    placement: first-a",
         f"statistics: [{', '.join(f's{n}' for n in range(MAX_BARS_PER_CHART + 1))}]\n    placement: first-a")
    events = ", ".join(f"e{n}" for n in range(MAX_EVENTS_PER_CHART + 1))
    edit(minimal_outline, "events: [start, end]", f"events: [{events}]")
    messages = errors_for(minimal_outline)
    bars_line, events_line = line_of(minimal_outline, "statistics: [s0"), line_of(minimal_outline, "events: [e0")
    assert messages == [
        f"{minimal_outline}:{events_line}:13: charts[0].events: a timeline chart shows at most {MAX_EVENTS_PER_CHART} "
        f"events; this one names {MAX_EVENTS_PER_CHART + 1} (split it into charts of {MAX_EVENTS_PER_CHART} or fewer; "
        "every event is in the document's data tables anyway)",
        f"{minimal_outline}:{bars_line}:17: charts[1].statistics: a bar chart shows at most {MAX_BARS_PER_CHART} "
        f"statistics; this one names {MAX_BARS_PER_CHART + 1} (split it into charts of {MAX_BARS_PER_CHART} or fewer; "
        "every statistic is in the document's data tables anyway)",
    ]


def test_a_chart_at_the_limits_is_valid(minimal_outline: Path) -> None:
    statistics = "".join(
        f"  - {{id: s{n}, label: 第{n}项, value: {n + 1}, unit: count, measures: 数量, source: src}}\n"
        for n in range(MAX_BARS_PER_CHART))
    edit(minimal_outline, "statistics:\n", "statistics:\n" + statistics)
    edit(minimal_outline, "statistics: [users]\n    placement: first-a",
         f"statistics: [{', '.join(f's{n}' for n in range(MAX_BARS_PER_CHART))}]\n    placement: first-a")
    assert len(read_outline(minimal_outline).charts[1].statistics) == MAX_BARS_PER_CHART


_MORE_STATISTICS = """statistics:
  - id: money
    label: 收入
    value: 300000000
    unit: usd
    measures: 收入。
    source: src
  - id: part
    label: 部分用户
    value: 1000
    unit: count
    measures: 部分用户。
    source: src
    part_of: users
"""


def test_a_bar_chart_mixing_units_is_refused_with_what_to_do(minimal_outline: Path) -> None:
    """People and dollars on one axis compare nothing; two figures are shown as figures, which may differ."""
    edit(minimal_outline, "statistics:\n", _MORE_STATISTICS)
    edit(minimal_outline, "statistics: [users]\n    placement: first-a", "statistics: [users, money, part]\n"
         "    placement: first-a")
    [error] = errors_for(minimal_outline)
    assert "charts[1].statistics: mixes units (count, usd); a chart shows one" in error
    assert "key figures" in error
    edit(minimal_outline, "statistics: [users, money, part]", "statistics: [users, money]")
    assert [s.id for s in read_outline(minimal_outline).statistics] == ["money", "part", "users"]


def test_part_of_names_another_statistic(minimal_outline: Path) -> None:
    edit(minimal_outline, "statistics:\n", _MORE_STATISTICS.replace("part_of: users", "part_of: nobody"))
    [error] = errors_for(minimal_outline)
    assert "statistics[1].part_of: no statistic has the id 'nobody'" in error


def _noted(path: Path) -> list[str]:
    return [format_path(note.path) for note in validate_outline(path)[1]]


def test_parts_and_charts_without_a_takeaway_get_a_note_where_they_start(minimal_outline: Path) -> None:
    """Not an error: their slides are titled by the heading, which names a topic instead of a point."""
    edit(minimal_outline, "    title: 第一部分\n", "    title: 第一部分\n    takeaway: 第一部分的要点\n")
    outline, notes = validate_outline(minimal_outline)
    assert outline.sections[0].takeaway == "第一部分的要点"
    assert [format_path(note.path) for note in notes] == [
        "summary_takeaway", "sections[0].subsections[0]", "key_figures", "charts[0]", "charts[1]"]
    assert (notes[0].line, notes[0].column) == (line_of(minimal_outline, "- 第一条要点"), 3)  # at the summary
    line = line_of(minimal_outline, "- id: first-a")
    assert str(notes[1]) == (f"{minimal_outline}:{line}:9: sections[0].subsections[0]: note: no takeaway; "
                             "the heading is the slide's title (add takeaway: ...)")
    # With every statistic a key figure by default, the note stands at the statistics.
    assert (notes[2].line, notes[2].column) == (line_of(minimal_outline, "- id: users"), 3)
    assert str(notes[3]).endswith("charts[0]: note: no takeaway; the chart's title is the slide's title "
                                  "(add takeaway: ...)")


def test_takeaways_everywhere_leave_no_note(minimal_outline: Path) -> None:
    for title in ("第一部分", "子部分", "时间线", "用户规模"):
        indent = "        " if title == "子部分" else "    "
        edit(minimal_outline, f"{indent}title: {title}\n", f"{indent}title: {title}\n{indent}takeaway: {title}的要点\n")
    edit(minimal_outline, "summary:\n", "summary_takeaway: 要点一句话\nsummary:\n")
    assert _noted(minimal_outline) == ["key_figures"]
    edit(minimal_outline, "charts:\n", "key_figures: []\ncharts:\n")  # no key-figures slide, no title to note
    assert _noted(minimal_outline) == []
    edit(minimal_outline, "key_figures: []", "key_figures: [users]\nkey_figures_takeaway: 用户规模可观")
    assert _noted(minimal_outline) == []


@pytest.mark.parametrize("outline", [DEFAULT_OUTLINE, FIXTURES / "english.yaml"])
def test_the_shipped_outlines_state_every_point(outline: Path) -> None:
    assert _noted(outline) == []
