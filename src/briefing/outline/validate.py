"""Plain data -> typed Outline; every problem named by file:line:col.

Schema problems come from pydantic; the cross-references between parts (a
chart naming a statistic, a fact naming an event, duplicate ids) are checked
here, after the schema, on the typed model.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from briefing.outline.errors import KeyPath, OutlineError, Problem, format_path
from briefing.outline.load import LoadedYaml, Positions, load_yaml
from briefing.assets import AssetProblem, resolve_asset
from briefing.outline.model import THEME_FILES, Outline
from briefing.outline.textrefs import referenced_ids, text_fields


def read_outline(file: Path) -> Outline:
    """Load and validate an outline file, or raise OutlineError with every problem."""
    loaded = load_yaml(file)
    problems = list(loaded.problems)
    outline: Outline | None = None
    try:
        outline = Outline.model_validate(loaded.data)
    except ValidationError as error:
        problems.extend(_schema_problems(error, loaded))
    if outline is not None:
        found = [*check_references(outline), *check_files(outline, file.parent)]
        problems.extend(_at(loaded.file, loaded.positions, path, message, hint) for path, message, hint in found)
    if problems:
        raise OutlineError(problems)
    assert outline is not None
    return outline


def _at(file: Path, positions: Positions, path: KeyPath, message: str, hint: str | None) -> Problem:
    line, column = positions.of_value(path)
    return Problem(file, line, column, path, message, hint)


def _model_at(path: KeyPath) -> type[BaseModel] | None:
    """The model class that a key path points into, to suggest valid keys."""
    model: Any = Outline
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if isinstance(model, type) else None
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _schema_problems(error: ValidationError, loaded: LoadedYaml) -> Iterator[Problem]:
    for item in error.errors(include_url=False):
        path: KeyPath = tuple(item["loc"])
        kind = item["type"]
        parent = _model_at(path[:-1])
        valid_keys = sorted(parent.model_fields) if parent else []
        hint: str | None = None
        if kind == "extra_forbidden":
            key = str(path[-1])
            close = difflib.get_close_matches(key, valid_keys, n=1)
            message = f"unknown key '{key}'"
            hint = f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(valid_keys)}"
            line, column = loaded.positions.of_key(path)
            yield Problem(loaded.file, line, column, path, message, hint)
            continue
        if kind == "missing":
            message = f"missing required key '{path[-1]}'"
        elif kind == "enum" or kind == "literal_error":
            message = f"{_shown(item['input'])} is not allowed"
            hint = f"use one of: {item['ctx'].get('expected', '')}"
        elif kind == "value_error":
            message = str(item["ctx"]["error"])
        elif kind == "string_pattern_mismatch":
            message = f"{_shown(item['input'])} does not have the expected form"
            hint = _pattern_hint(path)
        elif kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
            message = f"expected a number, got {_shown(item['input'])}"
            hint = "write the plain number, e.g. 170000000 rather than 1.7亿"
        elif kind in ("list_type", "model_type", "dict_type"):
            wanted = "a list (lines starting with '- ')" if kind == "list_type" else "a mapping of keys"
            message = f"expected {wanted}, got {_shown(item['input'])}"
        elif kind == "string_type":
            message = f"expected text, got {_shown(item['input'])}"
        else:
            message = item["msg"][0].lower() + item["msg"][1:]
        yield _at(loaded.file, loaded.positions, path, message, hint)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _pattern_hint(path: KeyPath) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    hints = {
        "url": "write a full address starting with https://",
        "output": "use letters, digits, '.', '_' and '-' only",
    }
    if name.endswith("color"):
        return "write six hex digits, like 1F3A5F"
    return hints.get(name, "ids use lowercase letters, digits, '-' and '_', like us-users")


def check_files(outline: Outline, base_dir: Path) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Files the outline names: present, inside its folder, and what their extension says."""
    theme = outline.theme
    for key, kinds in THEME_FILES.items():
        name = getattr(theme, key)
        if name is not None:
            try:
                resolve_asset(base_dir, name, kinds)
            except AssetProblem as problem:
                yield (("theme", key), str(problem), problem.hint)


def check_references(outline: Outline) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Problems with ids: duplicates, and references to ids that do not exist."""
    statistic_ids = [s.id for s in outline.statistics]
    event_ids = [e.id for e in outline.timeline]
    source_ids = [s.id for s in outline.all_sources]
    part_ids: list[str] = []
    part_paths: list[KeyPath] = []
    for index, section in enumerate(outline.sections):
        part_ids.append(section.id)
        part_paths.append(("sections", index, "id"))
        for sub_index, sub in enumerate(section.subsections):
            part_ids.append(sub.id)
            part_paths.append(("sections", index, "subsections", sub_index, "id"))

    yield from _duplicates(
        [
            *((("statistics", i, "id"), s) for i, s in enumerate(statistic_ids)),
            *((("timeline", i, "id"), e) for i, e in enumerate(event_ids)),
        ],
        "statistics and events share one set of ids",
    )
    yield from _duplicates(list(zip(part_paths, part_ids)), "section and sub-section ids must differ")
    yield from _duplicates(
        [(("charts", i, "id"), c.id) for i, c in enumerate(outline.charts)], "chart ids must differ"
    )
    yield from _duplicates(
        [(("meta", "source", "id"), outline.meta.source.id)]
        + [(("sources", i, "id"), s.id) for i, s in enumerate(outline.sources)],
        "source ids must differ",
    )

    fact_ids = statistic_ids + event_ids
    for index, section in enumerate(outline.sections):
        parts = [(("sections", index), section)] + [
            (("sections", index, "subsections", j), sub) for j, sub in enumerate(section.subsections)
        ]
        for path, part in parts:
            yield from _unknown(path + ("facts",), part.facts, fact_ids, "statistic or event")
            for q, quote in enumerate(part.quotes):
                if quote.source is not None:
                    yield from _unknown(path + ("quotes", q, "source"), [quote.source], source_ids, "source")
    for key, items in (("timeline", outline.timeline), ("statistics", outline.statistics)):
        for index, item in enumerate(items):
            yield from _unknown((key, index, "source"), [item.source], source_ids, "source")
    yield from _duplicates(
        [(("audiences", i, "name"), a.name) for i, a in enumerate(outline.audiences)], "audience names must differ"
    )
    chart_ids = [c.id for c in outline.charts]
    known_tags = sorted({tag for part in outline.parts() for tag in part.tags})
    for index, audience in enumerate(outline.audiences):
        path = ("audiences", index)
        for key, known, what in (
            ("sections", part_ids, "section or sub-section"),
            ("charts", chart_ids, "chart"),
            ("statistics", statistic_ids, "statistic"),
            ("key_figures", statistic_ids, "statistic"),
        ):
            yield from _unknown(path + (key,), getattr(audience, key) or [], known, what)
        if audience.sections == [] and not audience.tags:
            yield (path + ("sections",), "selects no section at all",
                   "name sections or tags, or leave 'sections' out to include every section")
        for tag_index, tag in enumerate(audience.tags):
            if tag not in known_tags:
                close = difflib.get_close_matches(tag, known_tags, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known tags: {', '.join(known_tags) or 'none'}"
                yield (path + ("tags", tag_index), f"no section or sub-section has the tag '{tag}'", hint)
    if outline.key_figures is not None:
        yield from _unknown(("key_figures",), outline.key_figures, statistic_ids, "statistic")
    for path, text in text_fields(outline):
        yield from _unknown(path, referenced_ids(text), fact_ids, "statistic or event", single=True)
    for index, event in enumerate(outline.timeline):
        if event.end is not None and event.end < event.date:
            yield (("timeline", index, "end"), f"ends ({event.end}) before it starts ({event.date})", None)
    for index, chart in enumerate(outline.charts):
        path = ("charts", index)
        yield from _unknown(path + ("statistics",), chart.statistics, statistic_ids, "statistic")
        yield from _unknown(path + ("events",), chart.events, event_ids, "event")
        if chart.placement is not None:
            yield from _unknown(path + ("placement",), [chart.placement], part_ids, "section or sub-section")
        wanted = "events" if chart.kind.value == "timeline" else "statistics"
        if not getattr(chart, wanted):
            yield (path + (wanted,), f"a {chart.kind.value} chart needs at least one of its {wanted}", None)


def _duplicates(
    items: Iterable[tuple[KeyPath, str]], why: str
) -> Iterator[tuple[KeyPath, str, str | None]]:
    seen: dict[str, KeyPath] = {}
    for path, value in items:
        if value in seen:
            yield (path, f"duplicate id '{value}' (also at {format_path(seen[value])})", why)
        else:
            seen[value] = path


def _unknown(
    path: KeyPath, ids: list[str], known: list[str], what: str, single: bool | None = None
) -> Iterator[tuple[KeyPath, str, str | None]]:
    """References to ids that do not exist; `single` when path names one value, not a list."""
    if single is None:
        single = path[-1] in ("source", "placement")
    for index, value in enumerate(ids):
        if value in known:
            continue
        where = path if single else (*path, index)
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(known) or 'none'}"
        yield (where, f"no {what} has the id '{value}'", hint)
