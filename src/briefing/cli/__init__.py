"""The command line: parses flags and calls the pipeline; nothing else.

Imports of the heavy libraries happen inside the commands that need them,
so 'briefing --help' and 'briefing validate' start quickly.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefing import __version__
from briefing.errors import BriefingError, SystemProblem, is_system_problem

if TYPE_CHECKING:
    from briefing.build.pipeline import BuildReport
    from briefing.outline.load import LoadedYaml
    from briefing.outline.model import Outline
    from briefing.outline.source import OutlineSource

DEFAULT_OUTLINE = Path("outline.yaml")


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """User errors become messages and exit codes; a bug says so without a wall of traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BriefingError as error:
            for message in error.messages():
                click.echo(message, err=True)
            sys.exit(error.exit_code)
        except BrokenPipeError:  # output piped into 'head' and the like
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more may reach the closed pipe
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("briefing: interrupted; earlier outputs are unchanged", err=True)
            sys.exit(130)
        except Exception as error:  # noqa: BLE001 - the last line of defence for the user
            if "--debug" in sys.argv:
                raise
            if is_system_problem(error):  # disk full, permission denied, a read-only disk: not a bug
                click.echo(SystemProblem.describe(error), err=True)
                sys.exit(1)
            click.echo(f"briefing: internal error: {type(error).__name__}: {error}", err=True)
            click.echo("briefing: earlier outputs are unchanged; rerun with --debug for details", err=True)
            sys.exit(1)

    return run


outline_argument = click.argument(
    "outline", required=False, default=DEFAULT_OUTLINE, type=click.Path(path_type=Path, dir_okay=True)
)


def _stop_cleanly_on_sigterm() -> None:
    """A terminated build unwinds like an interrupted one, so its temporary files are removed."""
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks of internal errors.")
def main(debug: bool) -> None:
    """Turn an outline (outline.yaml) into a Word briefing and a PowerPoint deck."""
    _stop_cleanly_on_sigterm()


def run() -> None:
    """The `briefing` command (the console script's entry point)."""
    try:
        main()
    finally:
        # What is left lives until the exit: frozen, it is not walked by the collector's last passes
        # as the interpreter ends, which were most of its 35 ms teardown after a build.
        gc.freeze()


@main.command()
@outline_argument
@click.option("-o", "--out", "out_dir", default=Path("build"), type=click.Path(path_type=Path, file_okay=False),
              show_default=True, help="Folder to write the outputs to.")
@click.option("-a", "--audience", "audiences", multiple=True, metavar="NAME",
              help="Build for this audience profile, into OUT/NAME/ (repeatable).")
@click.option("--all", "every_audience", is_flag=True, help="Build every audience profile, in parallel.")
@click.option("--pdf", is_flag=True, help="Also write PDFs of the document and the deck (needs LibreOffice).")
@click.option("--docx-template", type=click.Path(path_type=Path, dir_okay=False),
              help="A company .docx whose styles, page setup, header and footer the document takes.")
@click.option("--pptx-template", type=click.Path(path_type=Path, dir_okay=False),
              help="A company .pptx whose masters, layouts, fonts and colours the deck takes.")
@click.option("--force", is_flag=True, help="Build even when nothing changed since the last build.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print each step with its time.")
@reports_errors
def build(outline: Path, out_dir: Path, audiences: tuple[str, ...], every_audience: bool, pdf: bool,
          docx_template: Path | None, pptx_template: Path | None, force: bool, quiet: bool, verbose: bool) -> None:
    """Build the .docx briefing and the .pptx deck from OUTLINE (default: outline.yaml).

    Without --audience or --all, builds the full briefing into OUT/.
    """
    from briefing.build.freshness import Request, record, up_to_date
    from briefing.outline.source import read_source

    # Read once, here: the up-to-date check and the parser both take these bytes.
    source = read_source(outline)
    request = Request(outline, source.digest, out_dir, audiences, every_audience, pdf, docx_template, pptx_template)
    unchanged = None if force else up_to_date(request)
    if unchanged is not None:
        if not quiet:
            for output in unchanged:
                click.echo(f"up to date: {output.path}  ({output.detail}, {output.size / 1024:.0f} KiB)")
        return
    from briefing.build.workers import BuildWorkers

    progress = None if quiet else (lambda message: click.echo(message, err=True))
    # The command's imports, frozen before the workers are forked (as gc.freeze's documentation
    # advises): no collection here or in a worker walks them again, nor copies the pages they are on.
    gc.freeze()
    # Started before the pipeline is imported: the workers import their libraries while this process
    # imports the rest and reads the outline.
    with BuildWorkers() as workers:
        from briefing.build.pipeline import build as run_build

        report = run_build(source, out_dir, list(audiences), every_audience, pdf, progress, docx_template,
                           pptx_template, workers)
    try:
        record(request, report.inputs, [(o.path, o.size, o.detail) for o in report.outputs])
    except OSError as error:  # the outputs are in place: only the next build's check is lost
        report.warnings.append(SystemProblem.describe(error, f"{request.manifest()} could not be written")
                               + "; the next build cannot know it has nothing to do, and builds again")
    except KeyboardInterrupt:  # not "earlier outputs are unchanged": this build's are in place
        click.echo("briefing: interrupted; the outputs were written, the next build checks them again", err=True)
        sys.exit(130)
    print_report(report, quiet, verbose)


def print_report(report: BuildReport, quiet: bool, verbose: bool) -> None:
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if quiet:
        return
    if verbose:
        for step, seconds in report.steps:
            click.echo(f"  {seconds * 1000:7.0f} ms  {step}")
    for output in report.outputs:
        click.echo(f"wrote {output.path}  ({output.detail}, {output.size / 1024:.0f} KiB)")
    click.echo(f"built in {report.seconds:.2f} s")


@main.command()
@outline_argument
@reports_errors
def validate(outline: Path) -> None:
    """Check OUTLINE and print every problem as FILE:LINE:COL: key.path: what is wrong.

    A valid outline may still get notes (on standard error, exit status 0): the parts and
    charts without a takeaway, whose slides are titled by their heading. Where the outline
    names a copy of its source (meta.source.file), its facts are also checked against it,
    as 'briefing check' does.
    """
    from briefing.outline.source import read_source
    from briefing.outline.validate import notes_on, validated_outline

    source = read_source(outline)
    model, loaded = validated_outline(source)
    click.echo(f"{outline}: valid")
    for note in notes_on(model, loaded):
        click.echo(str(note), err=True)
    if any(known.file for known in model.all_sources):
        _check_against_sources(source, (model, loaded))


@main.command()
@outline_argument
@reports_errors
def check(outline: Path) -> None:
    """Prove OUTLINE against its sources, and print every disagreement as FILE:LINE:COL: key.path: what.

    Each statistic, event and quote with evidence: the evidence is in the source file, in the
    paragraph named; the value or date agrees with it; the source file has its checksum. Figures
    typed in a part's text agree with the statistics the part relies on.
    """
    from briefing.outline.source import read_source

    _check_against_sources(read_source(outline))


def _check_against_sources(source: OutlineSource, validated: tuple[Outline, LoadedYaml] | None = None) -> None:
    from briefing.sources.check import check_outline

    report = check_outline(source, validated)
    files = ", ".join(str(file) for file in report.sources) or "no source file"
    facts = "1 fact agrees" if report.checked == 1 else f"{report.checked} facts agree"
    click.echo(f"{report.outline}: {facts} with {files}"
               + (f"; {len(report.unchecked)} without evidence to check" if report.unchecked else ""))
    for note in report.unchecked:
        click.echo(str(note), err=True)


@main.command()
@click.argument("source")
@click.option("-o", "--output", default=Path("outline.yaml"), type=click.Path(path_type=Path, dir_okay=False),
              show_default=True, help="The outline file to write; a copy of the source goes beside it in sources/.")
@click.option("--force", is_flag=True, help="Replace the outline file (and the source's copy) if they exist.")
@reports_errors
def draft(source: str, output: Path, force: bool) -> None:
    """Draft an outline from SOURCE: a saved web page (.html), Markdown, Word (.docx), text, or an http(s) address.

    The draft keeps the article's sections, and lists its dated events, figures and quotes, each with the
    source's words as evidence; its points are the source's sentences, cut short, for you to rewrite.
    It validates and builds as it is.
    """
    from briefing.sources.drafting import write_draft

    report = write_draft(source, output, force=force)
    found = ", ".join(_counted(number, noun) for number, noun in (
        (report.sections, "section"), (report.events, "event"), (report.statistics, "figure"),
        (report.quotes, "quote")))
    click.echo(f"{report.outline}: drafted from {source}: {found}; the source's copy is {report.copy}")
    click.echo(f"next: rewrite the points marked draft, add takeaways, then run: briefing build {report.outline}")


@main.command()
@outline_argument
@reports_errors
def audiences(outline: Path) -> None:
    """List the audience profiles of OUTLINE: what each includes and how long it comes out."""
    from briefing.build.describe import describe_audiences

    for line in describe_audiences(outline):
        click.echo(line)


@main.command("watch")
@outline_argument
@click.option("-o", "--out", "out_dir", default=Path("build"), type=click.Path(path_type=Path, file_okay=False),
              show_default=True, help="Folder to write the outputs to.")
@click.option("-a", "--audience", "audiences", multiple=True, metavar="NAME", help="Build for this audience.")
@click.option("--all", "every_audience", is_flag=True, help="Build every audience profile.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@reports_errors
def watch_command(outline: Path, out_dir: Path, audiences: tuple[str, ...], every_audience: bool,
                  quiet: bool) -> None:
    """Rebuild whenever OUTLINE or a file it names changes; Ctrl+C stops."""
    from briefing.build.watch import watch

    def show_error(error: BriefingError) -> None:
        for message in error.messages():
            click.echo(message, err=True)
        click.echo("briefing: watching for the next change", err=True)

    if not quiet:
        click.echo(f"watching {outline} (Ctrl+C stops)", err=True)
    try:
        watch(outline, out_dir, list(audiences), every_audience,
              on_build=lambda report: print_report(report, quiet, verbose=False), on_error=show_error)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@main.command()
@outline_argument
@click.option("-a", "--audience", metavar="NAME", help="Show this audience profile's version first.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to serve on; 0 picks a free one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to serve on; anything but this machine's own lets others see the preview.")
@click.option("--no-browser", is_flag=True, help="Do not open a browser; just print the address.")
@reports_errors
def preview(outline: Path, audience: str | None, port: int, host: str, no_browser: bool) -> None:
    """Show the deck and the document in a browser, updated on every save of OUTLINE; Ctrl+C stops."""
    from briefing.preview.server import serve

    serve(outline, audience, host, port, open_browser=not no_browser,
          say=lambda message: click.echo(message, err=True))


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the schema to this file instead of printing it.")
@reports_errors
def schema(output: Path | None) -> None:
    """Print the outline's JSON Schema (for editors: validation and completion as you type)."""
    from briefing.outline.schema import schema_text

    if output is None:
        click.echo(schema_text(), nl=False)
    else:
        from briefing.build.publish import publish_all

        publish_all({output: schema_text().encode("utf-8")})
        click.echo(f"wrote {output}")


@main.command()
@click.argument("folder", required=False, default=Path("."), type=click.Path(path_type=Path, file_okay=False))
@click.option("--locale", type=click.Choice(["zh-CN", "en"]), default="zh-CN", show_default=True,
              help="Language of the starter outline.")
@reports_errors
def init(folder: Path, locale: str) -> None:
    """Write a starter outline.yaml (every kind of content once, each key explained) into FOLDER."""
    from briefing.build.publish import check_folder, publish_all
    from briefing.outline.starter import starter_files

    check_folder(folder, "name a folder to write the starter outline into (briefing init NEW-FOLDER)")
    files = starter_files(folder, locale)
    publish_all(files)
    for path in files:
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {folder} && briefing build" if folder != Path(".") else "next: briefing build")


def _counted(number: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
