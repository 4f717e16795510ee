"""What a build says while it runs: each audience's outputs with --all, a line per step once a build is slow."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.build import pipeline

AUDIENCES = ("audiences:\n  - {name: first, display_name: 甲, sections: [first]}\n"
             "  - {name: second, display_name: 乙, tags: []}\n")


def build_saying(outline: Path, **options: object) -> tuple[pipeline.BuildReport, list[str]]:
    said: list[str] = []
    report = pipeline.build(outline, outline.parent / "build", progress=said.append, **options)
    return report, said


def test_a_slow_single_build_reports_each_step_as_it_finishes(minimal_outline: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PROGRESS_AFTER_SECONDS", 0.0)  # every build counts as slow
    report, said = build_saying(minimal_outline)
    pages, slides = (output.detail for output in report.outputs)
    assert said == ["charts ready (2)", f"document written ({pages})", f"deck written ({slides})"]


def test_a_quick_single_build_says_nothing_on_the_way(minimal_outline: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PROGRESS_AFTER_SECONDS", 3600.0)
    _, said = build_saying(minimal_outline)
    assert said == []


def test_every_audience_reports_its_document_and_deck(minimal_outline: Path) -> None:
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text + AUDIENCES, encoding="utf-8")
    report, said = build_saying(minimal_outline, every_audience=True)
    details = {output.path.parent.name + output.path.suffix: output.detail for output in report.outputs}
    assert said == [
        "charts ready (2)",
        f"first: document written ({details['first.docx']})",
        f"second: document written ({details['second.docx']})",
        f"first: deck written ({details['first.pptx']})",
        f"second: deck written ({details['second.pptx']})",
    ]
