"""The outline format, described from the model itself: JSON Schema and a Markdown reference.

Both are generated, so they cannot drift from what validation accepts:
'briefing schema' prints the schema, the package ships a copy, and the
README's format reference is rewritten by 'python -m briefing.outline.schema'
(a test fails when either falls out of date).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, get_args

import msgspec

from briefing.outline.model import Outline

SCHEMA_FILE = Path(__file__).parent / "outline.schema.json"
SCHEMA_ID = "https://github.com/briefing/briefing/outline.schema.json"
README_START = "<!-- outline-reference:start -->"
README_END = "<!-- outline-reference:end -->"


def json_schema() -> dict[str, Any]:
    """msgspec's schema, with the outline itself at the top rather than behind a $ref."""
    definitions = msgspec.json.schema(Outline)["$defs"]
    outline = definitions.pop("Outline")
    del outline["title"]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "briefing outline",
            **outline, "$defs": definitions}


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _shown_default(field: msgspec.structs.FieldInfo) -> str:
    if field.default is not msgspec.NODEFAULT:
        value = field.default
    elif field.default_factory in (list, dict):  # how msgspec keeps a default of [] or {}
        value = field.default_factory()
    else:
        return "see below"  # a model of its own, with its defaults
    if hasattr(value, "value"):  # an enum member
        value = value.value
    return f"default `{json.dumps(value, ensure_ascii=False)}`"


def _description(field: msgspec.structs.FieldInfo) -> msgspec.Meta:
    """The field's outermost Meta: the one with its description and example."""
    return next(meta for meta in reversed(get_args(field.type)) if isinstance(meta, msgspec.Meta)
                and meta.description)


def _rows(model: type[msgspec.Struct]) -> list[str]:
    rows = []
    for field in msgspec.structs.fields(model):
        required = "required" if field.required else _shown_default(field)
        meta = _description(field)
        example = json.dumps((meta.examples or [""])[0], ensure_ascii=False)
        rows.append(f"| `{field.encode_name}` | {required} | {meta.description} | `{example}` |")
    return rows


def _models() -> list[type[msgspec.Struct]]:
    """Every model reachable from Outline, in the order they are first met."""
    seen: list[type[msgspec.Struct]] = []

    def visit(model: type[msgspec.Struct]) -> None:
        if model in seen:
            return
        seen.append(model)
        for field in msgspec.structs.fields(model):
            for inner in _nested_models(field.type):
                visit(inner)

    visit(Outline)
    return seen


def _nested_models(annotation: Any) -> list[type[msgspec.Struct]]:
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _nested_models(arg)]


def markdown_reference() -> str:
    parts = []
    for model in _models():
        title = "the outline (top level)" if model is Outline else f"`{model.__name__}`"
        parts.append(f"#### {title}\n\n{(model.__doc__ or '').strip()}\n")
        parts.append("| key | | what it is | example |\n|---|---|---|---|")
        parts.extend(_rows(model))
        parts.append("")
    return "\n".join(parts)


def update_readme(readme: Path) -> bool:
    """Rewrite the generated part of the README; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    updated = text[:start] + "\n" + markdown_reference() + text[end:]
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
    return updated != text


if __name__ == "__main__":
    readme_changed = update_readme(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print("README.md updated" if readme_changed else "README.md already up to date")
