"""build(): load -> validate -> select -> charts -> write -> publish, in that order.

Nothing here knows a file format; each step is a module of its own. Every
output of a build is rendered in memory first and put in place only when all
of them succeeded, so a failed build changes nothing in the output folder.
Several audiences build together: each kind of job (charts, decks, documents)
is done once for all of them, the charts and the decks in workers (see
workers.py) while this process composes the documents.
"""

from __future__ import annotations

import difflib
import time as clock
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.build.freshness import CACHE_FOLDER
from briefing.build.jobs import DeckJob, draw_charts, render_decks
from briefing.build.pdf import convert, find_libreoffice
from briefing.build.publish import check_folder, publish_all, remove_stale_temporaries
from briefing.build.steps import Steps
from briefing.build.workers import BuildWorkers
from briefing.errors import InputError, SystemProblem, is_system_problem
from briefing.ooxml.reproducible import source_date_epoch
from briefing.outline.assets import ThemeFiles, check_command_line_template
from briefing.outline.audience import select
from briefing.outline.model import Outline
from briefing.outline.references import expand_references
from briefing.outline.source import OutlineSource, as_source
from briefing.outline.validate import load_outline

if TYPE_CHECKING:
    from briefing.document import ComposedDocument


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
class _Target:
    """One pair of outputs: the full outline, or an audience's selection of it, and their folder."""

    name: str | None
    outline: Outline
    folder: Path

    def named(self, text: str) -> str:
        return f"{self.name}: {text}" if self.name else text


Files = dict[Path, tuple[bytes, str]]  # path -> (content, what it holds)


@dataclass(frozen=True)
class _Rendered:
    """Every target's files, rendered but not yet in place."""

    files: Files
    warnings: list[str]
    steps: list[tuple[str, float]]


Progress = Callable[[str], None]


def load(outline: OutlineSource | Path) -> Outline:
    """The validated outline with '{id}' references filled in."""
    return load_with_files(outline)[0]


def load_with_files(outline: OutlineSource | Path) -> tuple[Outline, ThemeFiles]:
    """The validated outline with '{id}' references filled in, and the files its theme names, read through."""
    loaded, files = load_outline(outline)
    return expand_references(loaded), files


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
    """How to build: where to, in which formats, with which files (the theme's, or the command line's templates)."""

    out_dir: Path
    pdf: bool = False
    files: ThemeFiles = ThemeFiles()


def build(outline: OutlineSource | Path, out_dir: Path, audiences: list[str] | None = None,
          every_audience: bool = False, pdf: bool = False, progress: Progress | None = None,
          docx_template: Path | None = None, pptx_template: Path | None = None,
          workers: BuildWorkers | None = None) -> BuildReport:
    """Build the full briefing, or the named audiences (or all of them), into out_dir; PDFs too if asked.

    outline: its bytes as the command read them, or its file, read here.
    workers: started by the caller as early as it can, or here (see workers.py); closed here.
    """
    started = clock.perf_counter()
    source = as_source(outline)
    outline_file = source.file
    steps = Steps()
    with workers or BuildWorkers() as started_workers, _unchanged_if_the_system_refuses():
        check_folder(out_dir, "name a folder for the outputs with -o")
        source_date_epoch()  # checked now, not in the middle of writing
        with steps.step("load and validate"):
            loaded, files = load_with_files(source)
        names: list[str | None] = [a.name for a in loaded.audiences] if every_audience else list(audiences or [])
        check_audiences(loaded, outline_file, [n for n in names if n is not None])
        # Templates on the command line replace the theme's, read through the same way.
        if docx_template is not None:
            files = replace(files, docx_template=check_command_line_template(docx_template, ".docx"))
        if pptx_template is not None:
            files = replace(files, pptx_template=check_command_line_template(pptx_template, ".pptx"))
        if pdf:
            find_libreoffice()  # say so now, not after rendering everything
        options = Options(out_dir, pdf, files)
        rendered = _render_all(loaded, names or [None], options, started_workers, progress, started)
    inputs = [outline_file, *files.paths()]
    report = BuildReport(inputs=inputs, warnings=rendered.warnings, steps=steps.timings + rendered.steps)
    report.outputs = [Output(path, len(content), detail) for path, (content, detail) in rendered.files.items()]
    # Only now that every target rendered: all files written out, then all renamed into place.
    with steps.step("publish"):
        remove_stale_temporaries({path.parent for path in rendered.files} | {out_dir / CACHE_FOLDER})
        publish_all({path: content for path, (content, _) in rendered.files.items()})
    report.steps.append(steps.timings[-1])
    report.seconds = clock.perf_counter() - started
    return report


@contextmanager
def _unchanged_if_the_system_refuses() -> Iterator[None]:
    """Disk full, permission denied and the like, before publishing: a message, as nothing was replaced."""
    try:
        yield
    except OSError as error:
        if not is_system_problem(error):
            raise
        raise SystemProblem.of(error, "earlier outputs are unchanged") from error


def _render_all(outline: Outline, names: list[str | None], options: Options, workers: BuildWorkers,
                progress: Progress | None, started: float) -> _Rendered:
    """Every target rendered in memory, and its PDFs if asked for."""
    steps = Steps()
    targets = []
    for name in names:
        selected, folder = outline, options.out_dir
        if name is not None:
            with steps.step(f"{name}: select"):
                selected, folder = select(outline, outline.audience(name)), options.out_dir / name
        targets.append(_Target(name, selected, folder))
    # Several targets report each one's outputs; a single one, its steps once it has run a while.
    if progress is not None and len(targets) == 1:
        progress = _once_slow(progress, started)
    files, warnings = _render_targets(targets, options, steps, workers, progress)
    if options.pdf:
        with steps.step("pdf (LibreOffice)"):
            files = _with_pdfs(files)
    return _Rendered(files, warnings, steps.timings)


# A single target reports its steps as they finish once its build has taken this long: a large
# outline takes seconds, and a line now and then shows it moving; a small one is done first.
PROGRESS_AFTER_SECONDS = 0.5


def _once_slow(progress: Progress, started: float) -> Progress:
    """progress, for messages that come once the build started at `started` has taken a while."""

    def report(message: str) -> None:
        if clock.perf_counter() - started >= PROGRESS_AFTER_SECONDS:
            progress(message)

    return report


def _with_pdfs(files: Files) -> Files:
    """Add <stem>.pdf (the document) and <stem>-slides.pdf (the deck) beside each, converted by
    LibreOffice in one run."""
    pdfs = convert({str(path): content for path, (content, _) in files.items()})
    with_pdfs = dict(files)
    for path, (_, detail) in files.items():
        name = path.stem + ("-slides" if path.suffix == ".pptx" else "") + ".pdf"
        with_pdfs[path.with_name(name)] = (pdfs[str(path)], f"PDF of {path.name}, {detail}")
    return with_pdfs


def _render_targets(targets: list[_Target], options: Options, steps: Steps, workers: BuildWorkers,
                    progress: Progress | None = None) -> tuple[Files, list[str]]:
    """The .docx and .pptx of each target, in memory, and the warnings to show.

    Each kind of job is done once for every target, so each library is imported once. The charts
    that need drawing and the decks go to workers; the documents are composed here meanwhile, from
    the charts' sizes, and saved once the images are drawn.
    """
    from briefing.charts import plan_charts

    say = progress or (lambda message: None)
    decks = workers.decks.submit(partial(render_decks, [
        DeckJob(target.outline, options.files.logo, options.files.pptx_template) for target in targets]), last=True)
    images, drawings = plan_charts([target.outline for target in targets], options.out_dir / CACHE_FOLDER)
    # Drawn where matplotlib is loaded, shared out among the cores (a worker has them to itself meanwhile).
    charts = workers.charts().submit(partial(draw_charts, drawings, workers.processes), last=True) if drawings else None
    documents = _compose_documents(targets, options, steps)
    waited = "" if workers.here else " (waited for)"
    if charts is not None:
        with steps.step(f"charts{waited}"):
            charts.result()
    say(f"charts ready ({len({path for found in images for path in found.paths.values()})})")
    contents = []
    for target, document, found in zip(targets, documents, images, strict=True):
        with steps.step(target.named("document saved")):
            contents.append(document.save(found.paths))
        say(target.named(f"document written ({document.pages} pages)"))
    with steps.step(f"decks{waited}"):
        written = decks.result()
    rendered: Files = {}
    warnings: list[str] = []
    for target, document, content, deck, found in zip(targets, documents, contents, written, images, strict=True):
        say(target.named(f"deck written ({deck.slides} slides)"))
        steps.timings.extend((target.named(step), seconds) for step, seconds in deck.steps)
        stem = target.outline.meta.output
        rendered[target.folder / f"{stem}.docx"] = (content, f"{document.pages} pages")
        rendered[target.folder / f"{stem}.pptx"] = (deck.content, f"{deck.slides} slides")
        warnings.extend(target.named(warning) for warning in found.warnings + deck.warnings)
    return rendered, warnings


def _compose_documents(targets: list[_Target], options: Options, steps: Steps) -> list[ComposedDocument]:
    """Each target's document laid out from its charts' sizes, while the workers draw the charts."""
    from briefing.charts import chart_sizes
    from briefing.document import DocxInputs, compose_docx

    documents = []
    for target in targets:
        with steps.step(target.named("document composed")):
            inputs = DocxInputs(chart_sizes(target.outline), options.files.logo, options.files.docx_template)
            documents.append(compose_docx(target.outline, inputs))
    return documents
