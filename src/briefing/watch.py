"""briefing watch: rebuild whenever the outline or a file it names changes.

One process for the whole session, so imports (and the font metrics) are
paid once and a text edit rebuilds in the time the writers take. A broken
outline prints its problems and the watch goes on; outputs are replaced
atomically, so a viewer never sees half a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.errors import BriefingError
from briefing.outline.model import THEME_FILES
from briefing.pipeline import BuildReport, build


def watched_files(outline_file: Path) -> set[Path]:
    """The outline and every file it names (logo, templates), resolved."""
    files = {outline_file.resolve()}
    try:
        from briefing.outline.load import load_yaml

        theme = load_yaml(outline_file).data.get("theme") or {}
        for key in THEME_FILES:
            if isinstance(theme, dict) and isinstance(theme.get(key), str):
                files.add((outline_file.parent / theme[key]).resolve())
    except (BriefingError, AttributeError):
        pass  # an outline that does not load still has itself to watch
    return files


def watch(outline_file: Path, out_dir: Path, audiences: list[str], every_audience: bool,
          on_build: Callable[[BuildReport], None], on_error: Callable[[BriefingError], None]) -> None:
    """Build now, then after every change to a watched file, until interrupted."""
    from watchfiles import watch as changes

    # The deck is written in a process forked for each build: imported here once, every
    # one of them starts with python-pptx loaded instead of importing it again.
    import briefing.pptx.render  # noqa: F401

    def rebuild() -> None:
        try:
            on_build(build(outline_file, out_dir, audiences, every_audience))
        except BriefingError as error:
            on_error(error)

    rebuild()
    watched = watched_files(outline_file)
    folder = outline_file.resolve().parent
    # Editors save by writing a new file and renaming it, so the folder is watched, not the file.
    for _ in changes(folder, watch_filter=lambda _, path: Path(path).resolve() in watched, debounce=50, step=20):
        rebuild()
        watched.clear()  # in place: the filter above reads this set
        watched.update(watched_files(outline_file))
