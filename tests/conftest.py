"""Shared fixtures: the default outline, a small one, and one full build of each."""

from __future__ import annotations

import shutil
import subprocess
import sys
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


def finishes(args: list[str], seconds: float, **options: object) -> subprocess.CompletedProcess[str]:
    """Run this Python with args in a process of its own; a test failure, not a hang, if it takes longer
    than a generous bound. (Bounds on time are only ever "it ends", never "it is fast": see benchmarks/.)"""
    try:
        return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=seconds,
                              **options)  # type: ignore[call-overload]
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {seconds} s: {' '.join(args)[:200]}")
