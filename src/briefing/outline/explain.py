"""Why plain data does not fit a model: every problem, by key path, in a writer's words.

msgspec stops at the first problem it meets. When it meets one, this walks
the data beside the model's types, asking msgspec about each part again, so
an outline with three mistakes gets three messages at once. Only data that
failed is walked, so a valid outline costs nothing here.
"""

from __future__ import annotations

import math
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import msgspec

from briefing.outline.errors import KeyPath, suggestion

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUMBER_HINT = "write the plain number, e.g. 170000000 rather than 1.7亿"


@dataclass(frozen=True)
class Finding:
    path: KeyPath
    message: str
    hint: str | None = None
    at_key: bool = False  # the problem is the key itself (unknown key), not its value


def findings(data: Any, model: type[msgspec.Struct]) -> list[Finding]:
    """Every way data fails to fit model; empty when it fits."""
    return list(_check(data, model, ()))


def _check(value: Any, annotation: Any, path: KeyPath) -> Iterator[Finding]:
    first = _failure(value, annotation)
    if first is None:
        return
    found = list(_explain(value, annotation, path))
    # Whatever the walk cannot put in words is reported as msgspec says it.
    yield from found or [Finding(path, _own_words(first))]


def _failure(value: Any, annotation: Any) -> msgspec.ValidationError | None:
    """msgspec's first objection to value as annotation, or None when it fits."""
    try:
        msgspec.convert(value, annotation, strict=False)
    except msgspec.ValidationError as error:
        return error
    return None


def _explain(value: Any, annotation: Any, path: KeyPath) -> Iterator[Finding]:
    kind, limits = _unwrap(annotation)
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        for option in get_args(kind):
            if option is not type(None):
                yield from _check(value, option, path)
    elif isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        yield from _explain_struct(value, kind, path)
    elif origin is list:
        if not isinstance(value, list):
            yield Finding(path, f"expected a list (lines starting with '- '), got {shown(value)}")
            return
        if limits.get("min_length") and len(value) < limits["min_length"]:
            yield Finding(path, "must not be empty", "give at least one item, each on a line starting with '- '")
        for index, item in enumerate(value):
            yield from _check(item, get_args(kind)[0], (*path, index))
    elif origin is dict:
        if not isinstance(value, dict):
            yield Finding(path, f"expected a mapping of keys, got {shown(value)}")
            return
        key_type, value_type = get_args(kind)
        for key, item in value.items():
            if _failure(key, key_type) is not None:
                yield Finding((*path, key), *_leaf_problem(key, key_type, {}, path), at_key=True)
            yield from _check(item, value_type, (*path, key))
    else:
        yield Finding(path, *_leaf_problem(value, kind, limits, path))


def _explain_struct(value: Any, model: type[msgspec.Struct], path: KeyPath) -> Iterator[Finding]:
    if not isinstance(value, dict):
        yield Finding(path, f"expected a mapping of keys, got {shown(value)}")
        return
    fields = {field.encode_name: field for field in msgspec.structs.fields(model)}
    for key in value:
        if key not in fields:
            hint = suggestion(str(key), sorted(fields), "valid keys")
            yield Finding((*path, key), f"unknown key '{key}'", hint, at_key=True)
    for name, field in fields.items():
        if name in value:
            yield from _check(value[name], field.type, (*path, name))
        elif field.required:
            yield Finding((*path, name), f"missing required key '{name}'")


def _unwrap(annotation: Any) -> tuple[Any, dict[str, Any]]:
    """The type inside Annotated[...], and its constraints (min_length, pattern, ge...) merged."""
    if get_origin(annotation) is not Annotated:
        return annotation, {}
    kind, *metas = get_args(annotation)
    limits: dict[str, Any] = {}
    for meta in metas:
        if isinstance(meta, msgspec.Meta):
            limits |= {name: getattr(meta, name) for name in ("min_length", "max_length", "pattern", "ge", "le")
                       if getattr(meta, name) is not None}
    return kind, limits


def _leaf_problem(value: Any, kind: Any, limits: dict[str, Any], path: KeyPath) -> tuple[str, str | None]:
    """(message, hint) for one value that is not what its field wants."""
    if isinstance(kind, type) and issubclass(kind, Enum):
        options = [repr(member.value) for member in kind]
        return f"{shown(value)} is not allowed", f"use one of: {', '.join(options[:-1])} or {options[-1]}"
    if kind is bool:
        return f"expected true or false, got {shown(value)}", None
    if kind in (int, float):
        return _number_problem(value, kind, limits)
    if kind is date:
        return _date_problem(value), None
    if kind is str:
        return _text_problem(value, limits, path)
    return f"{shown(value)} is not a valid {getattr(kind, '__name__', kind)}", None


def _number_problem(value: Any, kind: type, limits: dict[str, Any]) -> tuple[str, str | None]:
    number = _as_number(value)
    if number is None:
        return f"expected a number, got {shown(value)}", _NUMBER_HINT
    if not math.isfinite(number):
        return f"expected a finite number, got {shown(value)}", _NUMBER_HINT
    if kind is int and number != int(number):
        return f"expected a whole number, got {shown(value)}", None
    if "ge" in limits and number < limits["ge"]:
        return f"must be at least {_plain(limits['ge'])}, got {value}", None
    if "le" in limits and number > limits["le"]:
        return f"must be at most {_plain(limits['le'])}, got {value}", None
    return f"{shown(value)} is not a valid number", _NUMBER_HINT


def _as_number(value: Any) -> float | None:
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return value if is_number else None


def _date_problem(value: Any) -> str:
    match = _ISO_DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return f"expected a date written YYYY-MM-DD, like 2025-01-18, got {shown(value)}"
    try:
        date(*(int(part) for part in match.groups()))
    except ValueError as error:
        return f"{value!r} is not a real date ({error})"
    return f"{value!r} is not a valid date"


def _text_problem(value: Any, limits: dict[str, Any], path: KeyPath) -> tuple[str, str | None]:
    if not isinstance(value, str):
        if isinstance(value, dict) and len(value) == 1 and next(iter(value.values())) is None:
            # '- {us-users}' is YAML for a mapping with one key and no value.
            reference = "{" + str(next(iter(value))) + "}"
            return f"expected text, got a mapping: YAML reads {reference} at the start as one", (
                f'put the text in quotes: "{reference}"')
        return f"expected text, got {shown(value)}", None
    if len(value) < limits.get("min_length", 0):
        return "must not be empty", None
    if "max_length" in limits and len(value) > limits["max_length"]:
        return f"is {len(value)} characters long; at most {limits['max_length']} are allowed", None
    return f"{shown(value)} does not have the expected form", _pattern_hint(path)


def _pattern_hint(path: KeyPath) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    hints = {
        "url": "write a full address starting with https://",
        "output": "use letters, digits, '.', '_' and '-' only",
        "as_of": "write YYYY, YYYY-MM or YYYY-MM-DD, like 2025-01",
        "sha256": "write the 64 hex digits that sha256sum prints for the file",
    }
    if name.endswith("color"):
        return "write six hex digits, like 1F3A5F"
    return hints.get(name, "ids use lowercase letters, digits, '-' and '_', like us-users")


def _plain(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:g}"


def _own_words(error: msgspec.ValidationError) -> str:
    """msgspec's message without its '- at `$...`' tail, as a lower-case clause."""
    text = str(error).split(" - at `")[0]
    return text[:1].lower() + text[1:]


def shown(value: Any) -> str:
    """A value as a message quotes it: short, and 'a list' rather than its contents."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
