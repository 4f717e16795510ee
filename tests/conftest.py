"""Shared fixtures: the default outline, a small one, and one full build of each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.pipeline import BuildReport, build

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
DEFAULT_OUTLINE = ROOT / "outline.yaml"


@pytest.fixture(scope="session")
def default_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path]:
    """The default outline built once for the whole session: (report, output folder)."""
    out = tmp_path_factory.mktemp("build")
    return build(DEFAULT_OUTLINE, out), out


@pytest.fixture
def minimal_outline(tmp_path: Path) -> Path:
    """A copy of the small fixture outline in a fresh folder, safe to edit."""
    target = tmp_path / "outline.yaml"
    shutil.copy(FIXTURES / "minimal.yaml", target)
    return target
