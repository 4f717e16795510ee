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
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from briefing.assets import AssetProblem, resolve_asset
from briefing.audience import select
from briefing.errors import InputError
from briefing.helpers import CACHE_FOLDER, Helpers
from briefing.outline import read_outline
from briefing.outline.model import THEME_FILES, Outline, Theme
from briefing.pdf import convert, find_libreoffice
from briefing.pptx.deck import render_deck
from briefing.publish import publish_all, remove_stale_temporaries
from briefing.references import expand_references
from briefing.steps import Steps


@dataclass(frozen=True)
class Output:
    path: Path
    size: int
    detail: str  # "31 slides", "4 figures"


@dataclass
class BuildReport:
    outputs: list[Output] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)  # every file the build read
    warnings: list[str] = field(default_factory=list)
    steps: list[tuple[str, float]] = field(default_factory=list)
    seconds: float = 0.0


@dataclass(frozen=True)
class _Rendered:
    """One target's files, rendered but not yet in place."""

    name: str | None
    files: dict[Path, tuple[bytes, str]]
    warnings: list[str]
    steps: list[tuple[str, float]]


Progress = Callable[[str], None]


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


@dataclass(frozen=True)
class Options:
    """How to build: where to, in which formats, with which company templates (given on the command line)."""

    out_dir: Path
    pdf: bool = False
    docx_template: Path | None = None
    pptx_template: Path | None = None


def build(outline_file: Path, out_dir: Path, audiences: list[str] | None = None,
          every_audience: bool = False, pdf: bool = False, progress: Progress | None = None,
          docx_template: Path | None = None, pptx_template: Path | None = None,
          helpers: Helpers | None = None) -> BuildReport:
    """Build the full briefing, or the named audiences (or all of them), into out_dir; PDFs too if asked.

    helpers: started by the caller as early as it can (see helpers.py); closed here.
    """
    started = clock.perf_counter()
    options = Options(out_dir, pdf, docx_template, pptx_template)
    steps = Steps()
    with helpers or Helpers.start(outline_file, out_dir, audiences or [], every_audience) as started_helpers:
        with steps.step("load and validate"):
            outline = load(outline_file)
        names: list[str | None] = [a.name for a in outline.audiences] if every_audience else list(audiences or [])
        check_audiences(outline, outline_file, [n for n in names if n is not None])
        for template, kind in ((docx_template, ".docx"), (pptx_template, ".pptx")):
            if template is not None:
                check_template(template, kind)
        if pdf:
            find_libreoffice()  # say so now, not after rendering everything
        rendered = _render_all(outline, outline_file, names or [None], options, started_helpers, progress,
                               started)
    inputs = [outline_file, *theme_files(outline.theme, outline_file.parent).values()]
    report = BuildReport(inputs=inputs, steps=list(steps.timings))
    for target in rendered:
        report.warnings.extend(target.warnings)
        report.outputs.extend(Output(path, len(content), detail) for path, (content, detail) in target.files.items())
        prefix = f"{target.name}: " if target.name else ""
        report.steps.extend((prefix + step, seconds) for step, seconds in target.steps)
    # Only now that every target rendered: all files written out, then all renamed into place.
    with steps.step("publish"):
        remove_stale_temporaries(out_dir)
        publish_all({path: content for target in rendered for path, (content, _) in target.files.items()})
    report.steps.append(steps.timings[-1])
    report.seconds = clock.perf_counter() - started
    return report


def theme_files(theme: Theme, base_dir: Path) -> dict[str, Path]:
    """Every file the theme names, checked and resolved, by theme key (validation checked them already)."""
    return {key: resolve_asset(base_dir, getattr(theme, key), kinds)
            for key, kinds in THEME_FILES.items() if getattr(theme, key) is not None}


def check_template(path: Path, kind: str) -> None:
    """A template named on the command line: it must exist and be the kind of file it says."""
    try:
        resolve_asset(path.parent, path.name, (kind,))
    except AssetProblem as problem:
        raise InputError(f"{path}: {problem}" + (f" ({problem.hint})" if problem.hint else "")) from None


def _render_all(outline: Outline, outline_file: Path, names: list[str | None], options: Options,
                helpers: Helpers, progress: Progress | None, started: float) -> list[_Rendered]:
    """Each target rendered in memory: here (and beside) for one, in one process per core for several."""
    if len(names) == 1:
        late = _once_slow(progress, started) if progress is not None else None
        return [_render_target(outline, outline_file.parent, names[0], options, helpers, late)]
    # Only several targets need a pool of processes.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    done: dict[str | None, _Rendered] = {}
    with ProcessPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1)) as pool:
        futures = [pool.submit(_render_from_file, outline_file, name, options) for name in names]
        for future in as_completed(futures):
            target = future.result()
            done[target.name] = target
            if progress is not None:
                progress(f"rendered {target.name} ({len(done)}/{len(names)})")
    return [done[name] for name in names]


def _render_from_file(outline_file: Path, name: str | None, options: Options) -> _Rendered:
    """A worker process's job: it loads the outline itself rather than unpickling it."""
    return _render_target(load(outline_file), outline_file.parent, name, options, Helpers.in_process())


def _render_target(outline: Outline, base_dir: Path, name: str | None, options: Options,
                   helpers: Helpers, progress: Progress | None = None) -> _Rendered:
    steps = Steps()
    target_dir = options.out_dir
    if name is not None:
        with steps.step("select"):
            outline = select(outline, outline.audience(name))
        target_dir = options.out_dir / name
    files, warnings = render_outline(outline, base_dir, options, target_dir, steps, helpers, progress)
    if options.pdf:
        with steps.step("pdf (LibreOffice)"):
            files = _with_pdfs(files)
    if name is not None:
        warnings = [f"{name}: {warning}" for warning in warnings]
    return _Rendered(name, files, warnings, steps.timings)


# A single target reports its steps as they finish once its build has taken this long: a large
# outline takes seconds, and a line now and then shows it moving; a small one is done first.
PROGRESS_AFTER_SECONDS = 0.5


def _once_slow(progress: Progress, started: float) -> Progress:
    """progress, for messages that come once the build started at `started` has taken a while."""

    def report(message: str) -> None:
        if clock.perf_counter() - started >= PROGRESS_AFTER_SECONDS:
            progress(message)

    return report


Files = dict[Path, tuple[bytes, str]]  # path -> (content, what it holds)


def _with_pdfs(files: Files) -> Files:
    """Add <stem>.pdf (the document) and <stem>-slides.pdf (the deck), converted by LibreOffice."""
    pdfs = convert({path.name: content for path, (content, _) in files.items()})
    with_pdfs = dict(files)
    for path, (_, detail) in files.items():
        name = path.stem + ("-slides" if path.suffix == ".pptx" else "") + ".pdf"
        with_pdfs[path.with_name(name)] = (pdfs[path.name], f"PDF of {path.name}, {detail}")
    return with_pdfs


def render_outline(outline: Outline, base_dir: Path, options: Options, target_dir: Path, steps: Steps,
                   helpers: Helpers, progress: Progress | None = None) -> tuple[Files, list[str]]:
    """The .docx and .pptx of one (already selected) outline, in memory, and the warnings to show.

    The charts and the deck are jobs of their own, run beside where they can be (see helpers.py)
    and otherwise here first. The document is composed here meanwhile, from the charts' sizes,
    and saved once their images are drawn.
    """
    from briefing.charts import chart_sizes, render_charts

    named = theme_files(outline.theme, base_dir)
    # A helper has the cores to itself while it draws (the deck is quicker): it shares the charts
    # out among them. Drawn here, they take turns with the rest of this build.
    processes = (os.cpu_count() or 1) if helpers.charts.forked else 1
    helpers.charts.give(partial(render_charts, outline, options.out_dir / CACHE_FOLDER, processes))
    helpers.deck.give(partial(render_deck, outline, named.get("logo"),
                              options.pptx_template or named.get("pptx_template")))
    if not helpers.deck.forked:
        with steps.step("deck"):
            helpers.deck.result()  # no helper for it: written here first (while any charts are drawn beside)
    # Imported, and the document composed, while the charts are drawn beside.
    from briefing.docx import DocxInputs, compose_docx

    say = progress or (lambda message: None)
    with steps.step("document composed"):
        docx_template = options.docx_template or named.get("docx_template")
        document = compose_docx(outline, DocxInputs(chart_sizes(outline), named.get("logo"), docx_template))
    with steps.step("charts (waited for)" if helpers.charts.forked else "charts"):
        charts = helpers.charts.result()
    say(f"charts ready ({len(charts.paths)})")
    with steps.step("document saved"):
        document_content = document.save(charts.paths)
    say(f"document written ({document.pages} pages)")
    with steps.step("deck (waited for)") if helpers.deck.forked else nullcontext():
        deck = helpers.deck.result()
    say(f"deck written ({deck.slides} slides)")
    steps.timings.extend(deck.steps)
    stem = outline.meta.output
    files = {
        target_dir / f"{stem}.docx": (document_content, f"{document.pages} pages"),
        target_dir / f"{stem}.pptx": (deck.content, f"{deck.slides} slides"),
    }
    return files, charts.warnings + deck.warnings

