"""The outline format, described from the model itself: JSON Schema and a Markdown reference.

Both are generated, so they cannot drift from what validation accepts:
'briefing schema' prints the schema, the package ships a copy, and the
README's format reference is rewritten by 'python -m briefing.reference'
(a test fails when either falls out of date).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from briefing.outline.model import Outline

SCHEMA_FILE = Path(__file__).parent / "schema" / "outline.schema.json"
SCHEMA_ID = "https://github.com/briefing/briefing/outline.schema.json"
README_START = "<!-- outline-reference:start -->"
README_END = "<!-- outline-reference:end -->"


def json_schema() -> dict[str, Any]:
    schema = Outline.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "briefing outline", **schema}


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _shown_default(value: Any) -> str:
    if isinstance(value, BaseModel):
        return "see below"
    if hasattr(value, "value"):  # an enum member
        value = value.value
    return f"default `{json.dumps(value, ensure_ascii=False)}`"


def _rows(model: type[BaseModel]) -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        required = "required" if field.is_required() else _shown_default(field.default)
        example = json.dumps((field.examples or [""])[0], ensure_ascii=False)
        rows.append(f"| `{name}` | {required} | {field.description or ''} | `{example}` |")
    return rows


def _models() -> list[type[BaseModel]]:
    """Every model reachable from Outline, in the order they are first met."""
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for field in model.model_fields.values():
            for inner in _nested_models(field.annotation):
                visit(inner)

    visit(Outline)
    return seen


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _nested_models(arg)]


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
