"""The command line: parses flags and calls the pipeline; nothing else.

Imports of the heavy libraries happen inside the commands that need them,
so 'briefing --help' and 'briefing validate' start quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing import __version__
from briefing.errors import BriefingError

DEFAULT_OUTLINE = Path("outline.yaml")


def _fail(error: BriefingError) -> None:
    for message in error.messages():
        click.echo(message, err=True)
    sys.exit(error.exit_code)


outline_argument = click.argument(
    "outline", required=False, default=DEFAULT_OUTLINE, type=click.Path(path_type=Path, dir_okay=True)
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn an outline (outline.yaml) into a Word briefing and a PowerPoint deck."""


@main.command()
@outline_argument
@click.option("-o", "--out", "out_dir", default=Path("build"), type=click.Path(path_type=Path, file_okay=False),
              show_default=True, help="Folder to write the outputs to.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(outline: Path, out_dir: Path, quiet: bool) -> None:
    """Build the .docx briefing and the .pptx deck from OUTLINE (default: outline.yaml)."""
    from briefing.pipeline import build as run_build

    try:
        report = run_build(outline, out_dir)
    except BriefingError as error:
        _fail(error)
        return
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not quiet:
        for output in report.outputs:
            click.echo(f"wrote {output.path}  ({output.detail}, {output.size / 1024:.0f} KiB)")
        click.echo(f"built in {report.seconds:.2f} s")


@main.command()
@outline_argument
def validate(outline: Path) -> None:
    """Check OUTLINE and print every problem as FILE:LINE:COL: key.path: what is wrong."""
    from briefing.outline import read_outline

    try:
        read_outline(outline)
    except BriefingError as error:
        _fail(error)
        return
    click.echo(f"{outline}: valid")
