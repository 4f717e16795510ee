"""YAML loading: positions, no YAML 1.1 surprises, duplicate keys, bombs, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.outline import load
from briefing.outline.errors import OutlineError
from briefing.outline.load import load_yaml


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(OutlineError) as caught:
        loaded = load_yaml(path)
        if loaded.problems:
            raise OutlineError(loaded.problems)
    return caught.value.messages()


def test_plain_scalars_stay_text_and_positions_are_recorded(tmp_path: Path) -> None:
    path = write(tmp_path, "a: no\nb:\n  - 2025-01-18\n  - 1.10\nc: ~\n")
    loaded = load_yaml(path)
    assert loaded.data == {"a": "no", "b": ["2025-01-18", "1.10"], "c": None}
    assert loaded.positions.of_value(("b", 1)) == (4, 5)
    assert loaded.positions.of_key(("c",)) == (5, 1)


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "meta:\n  title: a\n  title: b\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:3:3: meta.title: duplicate key 'title' (first given on line 2)")


def test_syntax_error_points_at_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "meta:\n  title: [unclosed\nsummary: x\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:3:")
    assert "YAML syntax error" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the outline is empty"),
        ("# only a comment\n", "the outline is empty"),
        ("- a\n- b\n", "an outline must be a mapping"),
        (b"title: \xff\xfe\n", "is not UTF-8 text"),
    ],
)
def test_unusable_files_get_a_clear_message(tmp_path: Path, content: str | bytes, expected: str) -> None:
    [message] = problems(write(tmp_path, content))
    assert expected in message
    assert message.startswith(str(tmp_path / "outline.yaml") + ":")


def test_missing_file(tmp_path: Path) -> None:
    [message] = problems(tmp_path / "nope.yaml")
    assert "nope.yaml:1:1: (top level): no such file" in message


def test_alias_bomb_is_refused_before_anything_is_expanded(tmp_path: Path, monkeypatch) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")  # 10^10 values in 600 bytes
    path = write(tmp_path, "\n".join(lines) + "\n")

    def never(*args: object) -> None:
        raise AssertionError("the bomb was expanded")

    monkeypatch.setattr(load._Builder, "build", never)
    [message] = problems(path)
    assert "expands to more than 500,000 values" in message


def test_one_long_string_aliased_many_times_is_refused_before_anything_is_expanded(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    # 200 KB written once, 30 times over once expanded: few values, but 6 MB of text in every output.
    text = "long: &long " + "长" * 70_000 + "\nuses: [" + ", ".join(["*long"] * 30) + "]\n"
    path = write(tmp_path, text)

    def never(*args: object) -> None:
        raise AssertionError("the aliases were expanded")

    monkeypatch.setattr(load._Builder, "build", never)
    [message] = problems(path)
    assert "expands to more than 5 MiB of text (the limit for an outline, aliases expanded)" in message
    assert message.startswith(f"{path}:1:1: (top level): ")


def test_shared_aliases_that_stay_small_are_fine(tmp_path: Path) -> None:
    path = write(tmp_path, "base: &b [1, 2]\nuse: [*b, *b]\n")
    assert load_yaml(path).data == {"base": ["1", "2"], "use": [["1", "2"], ["1", "2"]]}


def test_nesting_too_deep_for_python_is_a_message(tmp_path: Path) -> None:
    [message] = problems(write(tmp_path, "a: " + "[" * 3000 + "]" * 3000 + "\n"))
    assert "nests lists or mappings too deeply" in message


def test_a_control_character_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    """Was: a two-line message, its second line 'in "<unicode string>", position 0' without a place."""
    outline = tmp_path / "outline.yaml"
    outline.write_text("meta:\n  title: a\x01b\n", encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_yaml(outline)
    assert caught.value.messages() == [f"{outline}:2:11: (top level): character U+0001 is not allowed in YAML "
                                       "(remove it; a control character often comes from copying text)"]
