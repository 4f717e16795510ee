"""build(): load -> validate -> select -> charts -> write -> publish, in that order.

Nothing here knows a file format; each step is a module of its own. Every
output of a build is rendered in memory first and put in place only when all
of them succeeded, so a failed build changes nothing in the output folder.
Several audiences build in parallel processes, one per core.
"""

from __future__ import annotations

import difflib
import os
import time as clock
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.assets import resolve_asset
from briefing.audience import select
from briefing.errors import InputError
from briefing.outline import read_outline
from briefing.outline.model import IMAGE_KINDS, Outline
from briefing.pdf import convert, find_libreoffice
from briefing.publish import build_time, publish_all, remove_stale_temporaries, reproducible_zip
from briefing.references import expand_references

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


@dataclass(frozen=True)
class _Rendered:
    """One target's files, rendered but not yet in place."""

    files: dict[Path, tuple[bytes, str]]
    warnings: list[str]


def load(outline_file: Path) -> Outline:
    """The validated outline with '{id}' references filled in."""
    return expand_references(read_outline(outline_file))


def check_audiences(outline: Outline, outline_file: Path, names: list[str]) -> None:
    """Every name must be a profile of the outline; say which ones there are if not."""
    known = [audience.name for audience in outline.audiences]
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise InputError(
                f"{outline_file}: no audience named '{name}'{hint} "
                f"(known: {', '.join(known) or 'none; add an audiences: section'})"
            )


def build(outline_file: Path, out_dir: Path, audiences: list[str] | None = None,
          every_audience: bool = False, pdf: bool = False) -> BuildReport:
    """Build the full briefing, or the named audiences (or all of them), into out_dir; PDFs too if asked."""
    started = clock.perf_counter()
    outline = load(outline_file)
    names: list[str | None] = [a.name for a in outline.audiences] if every_audience else list(audiences or [])
    check_audiences(outline, outline_file, [n for n in names if n is not None])
    if not names:
        names = [None]
    if pdf:
        find_libreoffice()  # say so now, not after rendering everything
    if len(names) == 1:
        rendered = [_render_target(outline, outline_file.parent, out_dir, names[0], pdf)]
    else:
        workers = min(len(names), os.cpu_count() or 1)
        count = len(names)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rendered = list(pool.map(_render_from_file, [outline_file] * count, [out_dir] * count, names,
                                     [pdf] * count))
    report = BuildReport()
    for target in rendered:
        report.warnings.extend(target.warnings)
        report.outputs.extend(Output(path, len(content), detail) for path, (content, detail) in target.files.items())
    # Only now that every target rendered: all files written out, then all renamed into place.
    remove_stale_temporaries(out_dir)
    publish_all({path: content for target in rendered for path, (content, _) in target.files.items()})
    report.seconds = clock.perf_counter() - started
    return report


def _render_from_file(outline_file: Path, out_dir: Path, name: str | None, pdf: bool) -> _Rendered:
    """A worker process's job: it loads the outline itself rather than unpickling it."""
    return _render_target(load(outline_file), outline_file.parent, out_dir, name, pdf)


def _render_target(outline: Outline, base_dir: Path, out_dir: Path, name: str | None, pdf: bool) -> _Rendered:
    if name is not None:
        outline = select(outline, outline.audience(name))
        target_dir = out_dir / name
    else:
        target_dir = out_dir
    rendered = render_outline(outline, base_dir, out_dir / CACHE_FOLDER, target_dir)
    if pdf:
        rendered = _with_pdfs(rendered)
    if name is not None:
        rendered.warnings[:] = [f"{name}: {warning}" for warning in rendered.warnings]
    return rendered


def _with_pdfs(rendered: _Rendered) -> _Rendered:
    """Add <stem>.pdf (the document) and <stem>-slides.pdf (the deck), converted by LibreOffice."""
    pdfs = convert({path.name: content for path, (content, _) in rendered.files.items()})
    files = dict(rendered.files)
    for path, (_, detail) in rendered.files.items():
        name = path.stem + ("-slides" if path.suffix == ".pptx" else "") + ".pdf"
        files[path.with_name(name)] = (pdfs[path.name], f"PDF of {path.name}, {detail}")
    return _Rendered(files, rendered.warnings)


def render_outline(outline: Outline, base_dir: Path, cache_dir: Path, target_dir: Path) -> _Rendered:
    """The .docx and .pptx of one (already selected) outline, in memory."""
    from briefing.charts import render_charts
    from briefing.docx import DocxInputs, write_docx
    from briefing.pptx.plan import plan_deck
    from briefing.pptx.render import PptxInputs, write_pptx

    images = render_charts(outline, cache_dir)
    logo = resolve_asset(base_dir, outline.theme.logo, IMAGE_KINDS) if outline.theme.logo else None
    deck = plan_deck(outline)
    stem = outline.meta.output
    document = write_docx(outline, DocxInputs(images, logo))
    slides = write_pptx(outline, deck.slides, PptxInputs(images, logo))
    when = build_time(datetime.combine(outline.meta.date, time(0, 0)))
    files = {
        target_dir / f"{stem}.docx": (reproducible_zip(document.content, when), f"{document.pages} pages"),
        target_dir / f"{stem}.pptx": (reproducible_zip(slides, when), f"{len(deck.slides)} slides"),
    }
    return _Rendered(files, [str(problem) for problem in deck.problems])
