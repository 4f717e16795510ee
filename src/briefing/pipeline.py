"""build(): load -> validate -> charts -> write -> publish, in that order.

Nothing here knows a file format; each step is a module of its own. All
outputs are rendered in memory first and put in place only when every one of
them succeeded, so a failed build changes nothing in the output folder.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.assets import resolve_asset
from briefing.outline import read_outline
from briefing.outline.model import IMAGE_KINDS, Outline
from briefing.references import expand_references
from briefing.publish import atomic_write

CACHE_FOLDER = ".cache"


@dataclass(frozen=True)
class Output:
    path: Path
    size: int
    detail: str  # "31 slides", "4 figures"


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build(outline_file: Path, out_dir: Path) -> BuildReport:
    """Build the document and the deck for one outline file into out_dir."""
    started = time.perf_counter()
    outline = expand_references(read_outline(outline_file))
    report = build_outline(outline, outline_file.parent, out_dir)
    report.seconds = time.perf_counter() - started
    return report


def build_outline(outline: Outline, base_dir: Path, out_dir: Path) -> BuildReport:
    from briefing.charts import render_charts
    from briefing.docx import DocxInputs, write_docx
    from briefing.pptx.plan import plan_deck
    from briefing.pptx.render import PptxInputs, write_pptx

    report = BuildReport()
    images = render_charts(outline, out_dir / CACHE_FOLDER)
    logo = resolve_asset(base_dir, outline.theme.logo, IMAGE_KINDS) if outline.theme.logo else None
    deck = plan_deck(outline)
    report.warnings.extend(str(problem) for problem in deck.problems)
    stem = outline.meta.output
    rendered = {
        out_dir / f"{stem}.docx": (write_docx(outline, DocxInputs(images, logo)), f"{len(outline.charts)} figures"),
        out_dir / f"{stem}.pptx": (write_pptx(outline, deck.slides, PptxInputs(images, logo)), f"{len(deck.slides)} slides"),
    }
    for path, (content, detail) in rendered.items():
        with atomic_write(path) as handle:
            handle.write(content)
        report.outputs.append(Output(path, len(content), detail))
    return report
