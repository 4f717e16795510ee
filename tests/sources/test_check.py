"""`briefing check` proves the default outline against the article it keeps, and finds, at its line, any
single value or date changed in it, evidence that is not the source's, and a source that has changed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from tests.conftest import DEFAULT_OUTLINE, FIXTURES, copy_default_outline
from tests.refusals import run

TEXT = DEFAULT_OUTLINE.read_text(encoding="utf-8")
NODES = yaml.compose(TEXT)


def _node(*path: str | int) -> yaml.Node:
    """The YAML node at a key path of the default outline, found by PyYAML (not by the code under test)."""
    node = NODES
    for key in path:
        if isinstance(key, int):
            node = node.value[key]
        else:
            node = next(value for name, value in node.value if name.value == key)
    return node


def _count(key: str) -> int:
    return len(_node(key).value)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The default outline and its source file, in a folder of their own."""
    return copy_default_outline(tmp_path)


def changed(outline: Path, *path: str | int, to: str) -> int:
    """Write `to` in place of the value at `path`; the line (1-based) it is on."""
    node = _node(*path)
    lines = TEXT.splitlines(keepends=True)
    line = lines[node.start_mark.line]
    lines[node.start_mark.line] = line[:node.start_mark.column] + to + line[node.end_mark.column:]
    outline.write_text("".join(lines), encoding="utf-8")
    return node.start_mark.line + 1


def refused(outline: Path, *commands: str) -> str:
    """What check (and validate, which checks a source file too) say, both refusing with exit 2."""
    message = ""
    for command in commands or ("check", "validate"):
        code, message = run(command, str(outline))
        assert code == 2, f"{command}: {message}"
        assert "Traceback" not in message and "internal error" not in message, message
    return message


def test_the_default_outline_agrees_with_its_source() -> None:
    code, printed = run("check", str(DEFAULT_OUTLINE))
    facts = _count("statistics") + _count("timeline") + 4  # and the four quotes
    assert code == 0, printed
    assert printed.strip() == f"{DEFAULT_OUTLINE}: {facts} facts agree with {DEFAULT_OUTLINE.parent}/sources/" \
                              "tiktok-article.zh.txt"


@pytest.mark.parametrize("index", range(_count("statistics")))
def test_any_value_changed_is_found_at_its_line(copy: Path, index: int) -> None:
    value = float(_node("statistics", index, "value").value)
    wrong = value + 1 if value < 100 else value * 1.01
    line = changed(copy, "statistics", index, "value", to=f"{wrong:g}" if wrong < 1e6 else str(int(wrong)))
    message = refused(copy)
    assert f"{copy}:{line}:" in message and f"statistics[{index}].value:" in message, message
    assert "does not agree with its evidence, which says" in message


@pytest.mark.parametrize(("index", "key"), [(i, "date") for i in range(_count("timeline"))] + [(2, "end")])
def test_any_date_changed_is_found_at_its_line(copy: Path, index: int, key: str) -> None:
    day = date.fromisoformat(_node("timeline", index, key).value)
    line = changed(copy, "timeline", index, key, to=(day + timedelta(days=1)).isoformat())
    message = refused(copy)
    assert f"{copy}:{line}:" in message and f"timeline[{index}].{key}:" in message, message


def test_evidence_that_is_not_the_sources_words_says_what_comes_close(copy: Path) -> None:
    line = changed(copy, "statistics", 0, "evidence", "text", to="这一事件不仅影响了美国本土的 1.8 亿用户")
    message = refused(copy)
    assert f"{copy}:{line}:" in message and "statistics[0].evidence.text: these words are not in " \
        "tiktok-article.zh.txt" in message
    assert "closest: paragraph 3" in message


def test_evidence_in_another_paragraph_names_the_right_one(copy: Path) -> None:
    line = changed(copy, "statistics", 0, "evidence", "paragraph", to="4")
    message = refused(copy)
    assert f"{copy}:{line}:" in message and "the evidence is in paragraph 3" in message
    assert "(write paragraph: 3)" in message


def test_a_quote_whose_words_differ_from_its_evidence(copy: Path) -> None:
    line = changed(copy, "sections", 2, "subsections", 0, "quotes", 0, "text",
                   to="TikTok 就像我的老朋友,每天都会陪伴我度过闲暇时光。")
    message = refused(copy)
    assert f"{copy}:{line}:" in message and "the quote's words are not in its evidence" in message


def test_a_qualifier_the_evidence_does_not_give(copy: Path) -> None:
    line = changed(copy, "statistics", 2, "qualifier", to="over")
    message = refused(copy)
    assert f"{copy}:{line}:" in message and "statistics[2].qualifier:" in message
    assert "(write qualifier: about)" in message


def test_a_figure_typed_in_a_point_that_disagrees_with_the_statistic_of_its_part(copy: Path) -> None:
    line = changed(copy, "sections", 0, "points", 2, to="禁令于1月19日生效，美国1.5亿用户受影响")
    message = refused(copy)
    assert f"{copy}:{line}:" in message and "“1.5亿” disagrees with the statistic this part relies on: " \
        "us-users (170000000)" in message


def test_a_source_file_that_changed_since_its_checksum(copy: Path) -> None:
    article = copy.parent / "sources" / "tiktok-article.zh.txt"
    article.write_bytes(article.read_bytes() + b"\n")
    message = refused(copy)
    line = _node("meta", "source", "sha256").start_mark.line + 1
    assert f"{copy}:{line}:" in message and "has changed since its checksum was taken" in message


def test_an_outline_without_a_source_file_has_nothing_to_check_against(copy: Path) -> None:
    lines = copy.read_text(encoding="utf-8").splitlines(keepends=True)
    for key in ("sha256", "file"):  # the later line first, so the earlier keeps its place
        del lines[_node("meta", "source", key).start_mark.line]
    copy.write_text("".join(lines), encoding="utf-8")
    code, _ = run("validate", str(copy))
    assert code == 0
    message = refused(copy, "check")
    assert "meta.source: names no copy of the source to check the outline against" in message


def test_facts_without_evidence_are_counted_not_refused(copy: Path) -> None:
    text = copy.read_text(encoding="utf-8")
    evidence = _node("statistics", 0, "evidence")
    lines = text.splitlines(keepends=True)
    del lines[evidence.start_mark.line - 1:evidence.end_mark.line]
    copy.write_text("".join(lines), encoding="utf-8")
    code, printed = run("check", str(copy))
    assert code == 0, printed
    assert "20 facts agree with" in printed and "; 1 without evidence to check" in printed
    line = _node("statistics", 0).start_mark.line + 1
    assert f"{copy}:{line}:5: statistics[0]: note: has no evidence to check" in printed


def test_a_source_file_that_is_no_article_is_placed_at_its_line(copy: Path) -> None:
    (copy.parent / "sources" / "tiktok-article.zh.txt").write_bytes(b"\n\n")
    message = refused(copy)
    line = _node("meta", "source", "file").start_mark.line + 1
    assert f"{copy}:{line}:" in message and "meta.source.file:" in message and "no article text" in message


# A port's report, in the style of the default outline's article: a quantity measured in a unit of its own.
PORT_REPORT = "港口年报\n\n2024年,全港货物通过量达1.59亿吨,创历史新高;集装箱航线增至120条。\n"


def _measured(folder: Path, value: float, noun: str) -> Path:
    """The small fixture outline, its statistic proved against the port's report: `value` in `noun`."""
    outline = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    (folder / "sources").mkdir()
    (folder / "sources" / "port.zh.txt").write_text(PORT_REPORT, encoding="utf-8")
    outline["meta"]["source"]["file"] = "sources/port.zh.txt"
    outline["statistics"][0].update(value=value, noun=noun, evidence={"text": "全港货物通过量达1.59亿吨"})
    path = folder / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("noun", ["吨", "tonnes"])
def test_a_quantity_measured_in_a_unit_agrees_with_its_evidence(tmp_path: Path, noun: str) -> None:
    code, printed = run("check", str(_measured(tmp_path, 159_000_000, noun)))
    assert code == 0, printed
    assert "1 fact agrees with" in printed and "port.zh.txt" in printed


def test_a_measured_quantity_whose_value_changed_is_found(tmp_path: Path) -> None:
    message = refused(_measured(tmp_path, 158_000_000, "吨"))
    assert "statistics[0].value: 158000000 does not agree with its evidence, which says “1.59亿” (159000000)" \
        in message, message


def test_a_measured_quantity_in_another_unit_than_its_evidence_is_found(tmp_path: Path) -> None:
    message = refused(_measured(tmp_path, 159_000_000, "公里"))
    assert "statistics[0].noun: 公里 is not the unit of its evidence, which says “1.59亿” in 吨" in message, message
