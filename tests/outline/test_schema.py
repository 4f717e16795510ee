"""The schema and the README's format reference are generated from the model and kept current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefing.outline.schema import SCHEMA_FILE, markdown_reference, schema_text
from tests.conftest import DEFAULT_OUTLINE, FIXTURES, ROOT
from tests.validate_ooxml import findings_in


class _Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as an editor's language server does: dates stay strings."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_sees(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)


def test_shipped_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run: python -m briefing.outline.schema"


def test_readme_reference_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- outline-reference:start -->") + len("<!-- outline-reference:start -->")
    assert readme[start:readme.index("<!-- outline-reference:end -->")] == "\n" + markdown_reference(), (
        "run: python -m briefing.outline.schema")


def test_every_field_has_a_description_and_an_example() -> None:
    schema = json.loads(schema_text())
    for name, definition in [("Outline", schema), *schema["$defs"].items()]:
        for key, spec in definition.get("properties", {}).items():
            assert spec.get("description") and spec.get("examples"), f"{name}.{key}"


@pytest.mark.parametrize("outline", [DEFAULT_OUTLINE, FIXTURES / "english.yaml", FIXTURES / "minimal.yaml"])
def test_a_standard_validator_accepts_the_outlines(outline: Path) -> None:
    jsonschema.validate(as_editor_sees(outline), json.loads(schema_text()))


def test_a_standard_validator_rejects_a_broken_outline() -> None:
    data = as_editor_sees(FIXTURES / "minimal.yaml")
    data["meta"]["titel"] = data["meta"].pop("title")
    data["statistics"][0]["unit"] = "furlongs"
    errors = list(jsonschema.Draft202012Validator(json.loads(schema_text())).iter_errors(data))
    messages = " ".join(error.message for error in errors)
    assert "'title' is a required property" in messages and "furlongs" in messages


def test_outlines_point_editors_at_the_schema() -> None:
    assert DEFAULT_OUTLINE.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=src/briefing/outline/outline.schema.json")


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_init_then_build_in_an_empty_folder(tmp_path: Path, locale: str) -> None:
    folder = tmp_path / "new"
    run = [sys.executable, "-m", "briefing"]
    result = subprocess.run([*run, "init", str(folder), "--locale", locale], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    outline = folder / "outline.yaml"
    assert outline.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=outline.schema.json")
    jsonschema.validate(as_editor_sees(outline), json.loads((folder / "outline.schema.json").read_text()))
    built = subprocess.run([*run, "build"], cwd=folder, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr
    assert (folder / "build" / "briefing.docx").exists() and (folder / "build" / "briefing.pptx").exists()
    assert findings_in(folder / "build") == []
    again = subprocess.run([*run, "init", str(folder)], capture_output=True, text=True)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_the_starter_uses_every_key_of_the_format() -> None:
    """So that 'init' shows every kind of content once."""
    from briefing.outline.starter import starter_text

    text = starter_text("zh-CN")
    schema = json.loads(schema_text())
    # 'number' and 'audience' are set by audience profiles; files (logo, templates, a source's copy) are commented.
    optional_elsewhere = {"schema_version", "number", "audience"}
    keys = {key for definition in [schema, *schema["$defs"].values()] for key in definition.get("properties", {})}
    missing = sorted(key for key in keys - optional_elsewhere if f"{key}:" not in text)
    assert missing == []
