"""Shared fixtures: the default outline, a small one, and one full build of each; every output validated."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.build import pipeline
from briefing.build.pipeline import BuildReport, build
from tests.validate_ooxml import OFFICE_SUFFIXES, validate_package

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
DEFAULT_OUTLINE = ROOT / "outline.yaml"
# The article the default outline summarises, kept beside it as its source file.
SHIPPED_ARTICLE = ROOT / "sources" / "tiktok-article.zh.txt"


def copy_default_outline(folder: Path) -> Path:
    """The default outline, with the source file it names, copied into `folder`: the copy's path."""
    shutil.copy(DEFAULT_OUTLINE, folder / "outline.yaml")
    shutil.copytree(SHIPPED_ARTICLE.parent, folder / SHIPPED_ARTICLE.parent.name)
    return folder / "outline.yaml"


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The markers' rule (pyproject.toml): a test that needs LibreOffice or a browser, or runs Hypothesis, is slow."""
    hypothesis = sys.modules.get("hypothesis")  # imported by the modules that use it, if collected
    for item in items:
        if item.get_closest_marker("libreoffice") or item.get_closest_marker("browser") or (
                hypothesis and isinstance(item, pytest.Function) and hypothesis.is_hypothesis_test(item.obj)):
            item.add_marker(pytest.mark.slow)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A libreoffice (browser) test is skipped (failed on CI) before its fixtures build anything, where soffice
    (Chromium) is missing."""
    if item.get_closest_marker("libreoffice"):
        require("soffice")
    if item.get_closest_marker("browser"):
        require("chromium")


@pytest.fixture(scope="session", autouse=True)
def every_output_is_valid() -> Iterator[None]:
    """Every .docx and .pptx a build in this process puts in place is validated first against
    ISO/IEC 29500 Transitional (tests/validate_ooxml.py): a finding fails the build, so the test that built
    it fails, whatever it checks. Only what a build publishes is checked, never a test's inputs.
    Builds run as a separate process are checked by their tests (tests.validate_ooxml.findings_in)."""
    publish = pipeline.publish_all

    def publish_valid(files: dict[Path, bytes]) -> None:
        findings = [f"{path.name}: {finding}" for path, content in files.items() if path.suffix in OFFICE_SUFFIXES
                    for finding in validate_package(content)]
        if findings:
            raise AssertionError("not valid ISO/IEC 29500 Transitional:\n" + "\n".join(findings))
        publish(files)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "publish_all", publish_valid)
        yield


def require(tool: str) -> str:
    """The tool's path; a test without it is skipped here and fails on CI, where .ci/run installs it."""
    path = shutil.which(tool)
    if path is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"{tool} is not installed")
    return path


@pytest.fixture(scope="session")
def pandoc_templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """pandoc's reference.docx and reference.pptx: company templates as pandoc users have them."""
    pandoc = require("pandoc")
    folder = tmp_path_factory.mktemp("pandoc")
    for kind in ("docx", "pptx"):
        with (folder / f"reference.{kind}").open("wb") as handle:
            subprocess.run([pandoc, "--print-default-data-file", f"reference.{kind}"], stdout=handle, check=True)
    return folder / "reference.docx", folder / "reference.pptx"
