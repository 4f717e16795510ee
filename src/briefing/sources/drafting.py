"""`briefing draft`: read a source, keep a copy of it beside the outline, and write the drafted outline.

Nothing is written until the draft is known to be valid, and an existing outline is never replaced
unless the user asks: a draft is a starting point, and the outline it would replace may hold hours
of editing.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.errors import InputError
from briefing.files import atomic_write
from briefing.outline.errors import OutlineError
from briefing.outline.source import OutlineSource
from briefing.outline.validate import validate_outline
from briefing.sources.draft import SourceCopy, draft_outline
from briefing.sources.read import load_source

# Where the copy of a source goes, in the outline's folder.
COPIES_FOLDER = "sources"


@dataclass(frozen=True)
class DraftReport:
    outline: Path
    copy: Path
    sections: int
    events: int
    statistics: int
    quotes: int


def write_draft(location: str, output: Path, *, force: bool = False, today: date | None = None) -> DraftReport:
    """Draft an outline of the source at `location` (a file or an address) into `output`."""
    if output.is_dir():
        raise InputError(f"{output}: is a folder; name the outline file to write, e.g. -o {output / 'outline.yaml'}")
    if output.exists() and not force:
        raise InputError(f"{output}: already exists; name another file with -o, or add --force to replace it")
    loaded = load_source(location)
    article = loaded.article
    copy_path = _copy_path(loaded.path, loaded.name, output.parent, location)
    copy = SourceCopy(_relative(copy_path, output.parent), hashlib.sha256(loaded.data).hexdigest())
    drafted = draft_outline(article, copy, today or date.today())
    text = drafted.text
    _keep_copy(copy_path, loaded.data, force)
    try:
        validate_outline(OutlineSource(output, text.encode("utf-8")))
    except OutlineError as error:  # a draft that does not validate is our bug, not the user's
        raise RuntimeError("the drafted outline does not validate:\n" + "\n".join(error.messages())) from None
    with atomic_write(output) as handle:
        handle.write(text.encode("utf-8"))
    return DraftReport(output, copy_path, drafted.sections, drafted.events, drafted.statistics, drafted.quotes)


def _copy_path(path: Path | None, name: str, folder: Path, location: str) -> Path:
    """The source itself where it is inside the outline's folder already; else sources/NAME there."""
    if path is not None:
        try:
            path.resolve().relative_to(folder.resolve())
            return path
        except ValueError:
            pass
    return folder / COPIES_FOLDER / name


def _relative(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()


def _keep_copy(path: Path, data: bytes, force: bool) -> None:
    """Write the copy unless it is there already; never replace another file of that name unasked."""
    if path.exists():
        if path.is_file() and path.read_bytes() == data:
            return
        if not force:
            raise InputError(f"{path}: already exists with other content; move it away, or add --force to "
                             "replace it with this source")
    with atomic_write(path) as handle:
        handle.write(data)
