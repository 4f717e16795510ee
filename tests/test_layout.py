"""The code's layout holds: imports point one way, down from the command line to the base modules.

    cli  >  build, preview  >  document, deck  >  charts, sources  >  outline  >  ooxml, text  >  errors, files,
    installed, __init__

A module may import its own level and the levels below it, never one above: the writers know nothing of
the pipeline that runs them, the charts nothing of the writers that place them, the outline nothing of
Office packages beyond checking the templates it names (CONTRIBUTING.md). Every import
counts, at the top of a module or inside a function, and under TYPE_CHECKING too.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "briefing"

# Each top-level module or package of src/briefing, by level: higher may import lower, never the reverse.
LEVELS = {
    "cli": 6, "__main__": 6,
    "build": 5, "preview": 5,
    "document": 4, "deck": 4,
    "charts": 3, "sources": 3,
    "outline": 2,
    "ooxml": 1, "text": 1,
    "errors": 0, "files": 0, "installed": 0, "__init__": 0,
}


def _top(module: str) -> str:
    """The top-level module or package of a module of briefing ('briefing.build.pdf' -> 'build')."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of briefing in a file, relative imports made absolute."""
    module = ".".join(("briefing", *path.relative_to(SRC).with_suffix("").parts))
    package = module.split(".")[:-1]  # what a relative import starts from ('briefing.build.__init__' too)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from this package, or a package above it
                base = ".".join([*package[:len(package) - node.level + 1], *([base] if base else [])])
            # 'from briefing import cli' imports briefing.cli; 'from briefing import __version__' is briefing itself.
            found += [(node.lineno, f"{base}.{alias.name}" if base == "briefing" and alias.name in LEVELS else base)
                      for alias in node.names]
    return [(line, name) for line, name in found if name == "briefing" or name.startswith("briefing.")]


def upward_imports() -> list[str]:
    """Every import of a level above the importing module's, as 'path:line: module imports name'."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        own = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        for line, name in _imported(path):
            if LEVELS[_top(name)] > LEVELS[own]:
                found.append(f"{path.relative_to(SRC.parent)}:{line}: {own} imports {name} ({_top(name)})")
    return found


def test_every_module_has_a_level() -> None:
    """A new top-level module or package is placed in LEVELS (and in CONTRIBUTING.md's layout) first."""
    tops = {path.stem if path.suffix else path.name for path in SRC.iterdir()
            if path.suffix == ".py" or (path.is_dir() and any(path.glob("*.py")))}
    assert tops == set(LEVELS)


def test_the_import_reader_sees_imports_at_every_depth() -> None:
    """The rule's own check: the CLI imports the pipeline inside its commands, and those imports are seen."""
    imported = {name for _, name in _imported(SRC / "cli" / "__init__.py")}
    assert {"briefing.build.pipeline", "briefing.errors", "briefing"} <= imported
    assert all(_top(name) in LEVELS for path in SRC.rglob("*.py") for _, name in _imported(path))


def test_imports_point_down() -> None:
    assert upward_imports() == []
