"""briefing watch: rebuild whenever the outline or a file it names changes.

One process for the whole session, so imports (and the font metrics) are
paid once and a text edit rebuilds in the time the writers take. Every
build runs in this process alone, without workers: after the first it has
every library loaded, and nothing is forked while the file watcher's
thread runs (see workers.py). A build that fails, for a broken outline,
logo or template, prints its problems and the watch goes on, watching the
broken file too; outputs are replaced atomically, so a viewer never sees
half a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.build.pipeline import BuildReport, build
from briefing.build.workers import BuildWorkers
from briefing.errors import BriefingError
from briefing.outline.model import THEME_FILES
from briefing.outline.source import OutlineSource, read_source


def named_files(source: OutlineSource) -> set[Path]:
    """The outline and every file it names (logo, templates), resolved, from its text alone:
    a build that failed may not have got as far as knowing them."""
    files = {source.file.resolve()}
    try:
        from briefing.outline.load import load_yaml

        theme = load_yaml(source).data.get("theme") or {}
        for key in THEME_FILES:
            if isinstance(theme, dict) and isinstance(theme.get(key), str):
                files.add((source.file.parent / theme[key]).resolve())
    except (BriefingError, AttributeError, OSError, ValueError):
        pass  # an outline that does not load, or names no file a path can be made of, still has itself
    return files


def watch(outline_file: Path, out_dir: Path, audiences: list[str], every_audience: bool,
          on_build: Callable[[BuildReport], None], on_error: Callable[[BriefingError], None]) -> None:
    """Build now, then after every change to a watched file, until interrupted."""
    from watchfiles import watch as changes

    def rebuild() -> set[Path]:
        """Build once, reporting how it went; the files to watch until the next build."""
        try:
            source = read_source(outline_file)
        except BriefingError as error:
            on_error(error)
            return {outline_file.resolve()}
        try:
            report = build(source, out_dir, audiences, every_audience, workers=BuildWorkers(processes=1))
        except BriefingError as error:
            on_error(error)
            return named_files(source)
        except Exception as error:  # noqa: BLE001 - a watch outlives one failed build, whatever failed it
            on_error(BriefingError(f"briefing: internal error: {type(error).__name__}: {error} "
                                   "(run 'briefing build --debug' for details)"))
            return named_files(source)
        on_build(report)
        return {path.resolve() for path in report.inputs}

    outline = outline_file.resolve()
    before_first = stamp(outline)
    watched = rebuild()
    first_wake = True
    # Editors save by writing a new file and renaming it, so the folder is watched, not the file.
    # It wakes up every half second when nothing changes, so that the first time it does, it can
    # catch a save made after the first build and before the watcher was in place to see it.
    for found in changes(outline.parent, watch_filter=lambda _, path: Path(path).resolve() in watched,
                         debounce=50, step=20, yield_on_timeout=True, rust_timeout=_WAKE_MS):
        saved_unseen = first_wake and stamp(outline) != before_first
        first_wake = False
        if not found and not saved_unseen:
            continue
        files = rebuild()
        watched.clear()  # in place: the filter above reads this set
        watched.update(files)


_WAKE_MS = 500


def stamp(file: Path) -> tuple[int, int] | None:
    """When the file was last changed, and its size; None when it is not there."""
    try:
        status = file.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size
