"""YAML text -> plain data, remembering the line and column of every node.

We compose YAML nodes ourselves instead of calling ``safe_load`` because
safe_load keeps the last of duplicate keys, turns ``no`` into False and
``2025-01-18`` into a date, and expands alias bombs. Here every plain scalar
stays a string (the typed model converts it where the schema wants a number,
a date or a flag), duplicate keys are errors, and expansion is bounded.
Values come out stripped of surrounding blanks and checked for characters
that documents cannot hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.outline.errors import KeyPath, OutlineError, Problem
from briefing.outline.source import MAX_FILE_BYTES, OutlineSource, as_source

# An outline of thousands of slides has well under this many values; an alias
# bomb is measured against it before anything is expanded.
MAX_NODES = 500_000
# Nor may aliases make the outline's text larger than the largest outline file holds.
MAX_EXPANDED_TEXT_BYTES = MAX_FILE_BYTES
_NULLS = {"", "~", "null", "Null", "NULL"}
# Characters that XML 1.0 cannot carry ("\x01" in a quoted string makes one); Office files cannot hold them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

try:  # libyaml's composer is several times faster when it is present.
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader


@dataclass
class Positions:
    """Where each value (and each mapping key) starts, by key path; 1-based."""

    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: KeyPath) -> tuple[int, int]:
        """The closest known position: the node itself or its nearest parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def of_key(self, path: KeyPath) -> tuple[int, int]:
        return self.keys.get(path) or self.of_value(path)


@dataclass
class LoadedYaml:
    file: Path
    data: Any
    positions: Positions
    # Problems that do not stop the schema check (duplicate keys): reported with its findings.
    problems: list[Problem] = field(default_factory=list)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns composed nodes into dicts, lists and strings, collecting problems."""

    def __init__(self, file: Path):
        self.file = file
        self.positions = Positions()
        self.problems: list[Problem] = []

    def problem(self, at: tuple[int, int], path: KeyPath, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(self.file, at[0], at[1], path, message, hint))

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        """Plain data for a node; load_yaml has made sure its expansion is bounded."""
        self.positions.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the only other kind of node
        # libyaml reports a plain scalar's style as '', the pure-Python parser as None.
        if not node.style and node.value in _NULLS:
            return None
        bad = _XML_INVALID.search(node.value)
        if bad:
            self.problem(_mark(node), path, f"contains the control character U+{ord(bad.group()):04X}, "
                         "which documents cannot hold", "remove it")
        # Blanks around a value are layout, not content (block scalars end in a line break).
        return node.value.strip()

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(_mark(key_node), path, "a key must be plain text, not a list or mapping")
                continue
            key = key_node.value
            if key in first_seen:
                line = first_seen[key][0]
                self.problem(
                    _mark(key_node),
                    (*path, key),
                    f"duplicate key '{key}' (first given on line {line})",
                    "keep one of them; YAML files must not repeat a key",
                )
                continue
            first_seen[key] = _mark(key_node)
            self.positions.keys[(*path, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result


def _too_deep(file: Path) -> OutlineError:
    return OutlineError([Problem(file, 1, 1, (), "the outline nests lists or mappings too deeply",
                                 "an outline needs only a few levels of indentation")])


def _expanded_size(node: yaml.Node, sizes: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """How many values, and how many bytes of text, the node stands for once aliases are expanded.

    Each shared node is measured once, so this costs the size of the text as written.
    """
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = (MAX_NODES + 1, 0)  # a node that contains itself expands without end
    if isinstance(node, yaml.ScalarNode):
        size = (1, len(node.value.encode("utf-8", "surrogatepass")))
    else:
        children = (node.value if isinstance(node, yaml.SequenceNode)
                    else [child for pair in node.value for child in pair])
        measured = [_expanded_size(child, sizes) for child in children]
        size = (1 + sum(values for values, _ in measured), sum(text for _, text in measured))
    sizes[id(node)] = size
    return size


def _too_large(file: Path, node: yaml.Node) -> OutlineError | None:
    """An error if the aliases (&, *) would multiply the outline beyond what is built from it."""
    values, text = _expanded_size(node, {})
    if values > MAX_NODES:
        message = f"the outline expands to more than {MAX_NODES:,} values"
    elif text > MAX_EXPANDED_TEXT_BYTES:
        message = (f"the outline expands to more than {MAX_EXPANDED_TEXT_BYTES // 1024 // 1024} MiB of text "
                   "(the limit for an outline, aliases expanded)")
    else:
        return None
    return OutlineError([Problem(file, *_mark(node), (), message,
                                 "anchors and aliases (&, *) must not multiply content")])


# A value that starts with a '{id}' reference: YAML reads the brace as the start of a mapping.
_BRACE_FIRST = re.compile(r"(?:^\s*-\s+|:\s+)\{[a-z0-9]")


def _syntax_hint(text: str, line: int) -> str:
    """What to do about a syntax error at this line (1-based), where it is a mistake we can name."""
    lines = text.splitlines()
    nearby = lines[max(0, line - 2):line]  # YAML often notices a line after the one at fault
    if any(_BRACE_FIRST.search(candidate) for candidate in nearby):
        return "a text that starts with a {reference} must be quoted: - \"{us-users}用户…\""
    return "check the indentation and quoting on this line"


def load_yaml(outline: OutlineSource | Path) -> LoadedYaml:
    """Parse an outline (its bytes as read, or its file) into plain data with positions, or raise OutlineError."""
    source = as_source(outline)
    file, text = source.file, source.text()
    builder = _Builder(file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {error.problem or error}"
        if error.context:
            message += f" ({error.context})"
        raise OutlineError([Problem(file, line, column, (), message, _syntax_hint(text, line))]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, at a position in the text
        before = text[:error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        message = f"character U+{code:04X} is not allowed in YAML"
        hint = "remove it; a control character often comes from copying text"
        raise OutlineError([Problem(file, line, column, (), message, hint)]) from None
    except yaml.YAMLError as error:
        raise OutlineError([Problem(file, 1, 1, (), f"YAML error: {error}")]) from None
    except RecursionError:
        raise _too_deep(file) from None
    if node is None:
        raise OutlineError(
            [Problem(file, 1, 1, (), "the outline is empty", "run 'briefing init' for a starting outline")]
        )
    if not isinstance(node, yaml.MappingNode):
        raise OutlineError(
            [Problem(file, *_mark(node), (), "an outline must be a mapping of keys (meta:, sections:, ...)")]
        )
    # Measure what the aliases would expand to before expanding anything: a few hundred bytes of
    # nested aliases can stand for billions of values, and one long string aliased a few hundred
    # times for gigabytes of text in the outputs.
    try:
        too_large = _too_large(file, node)
    except RecursionError:
        raise _too_deep(file) from None
    if too_large is not None:
        raise too_large
    # Counted above: the expanded size bounds the values built here (keys are not built).
    data = builder.build(node, ())
    return LoadedYaml(file, data, builder.positions, builder.problems)
