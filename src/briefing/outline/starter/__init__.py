"""'briefing init': a starter outline that builds as it is, with its JSON Schema beside it."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import InputError
from briefing.outline.schema import schema_text

OUTLINE = "outline.yaml"
SCHEMA = "outline.schema.json"


def starter_text(locale: str) -> str:
    return (Path(__file__).parent / f"outline.{locale}.yaml").read_text(encoding="utf-8")


def starter_files(folder: Path, locale: str) -> dict[Path, bytes]:
    """outline.yaml and its schema, to write into folder; never over an existing outline."""
    outline = folder / OUTLINE
    if outline.exists():
        raise InputError(f"{outline}: already exists; 'briefing init' does not overwrite an outline "
                         "(choose an empty folder: briefing init NEW-FOLDER)")
    return {outline: starter_text(locale).encode("utf-8"), folder / SCHEMA: schema_text().encode("utf-8")}
