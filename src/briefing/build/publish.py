"""Putting files in place: all of a build's files or none.

Every output is written to a temporary file beside its destination, under a
name only this tool uses (.NAME.briefing-RANDOM.tmp), and renamed over its
destination only once every output is written. The old versions are kept
aside until every rename succeeded, and put back if one fails; so a failed
or interrupted build leaves the previous files as they were, and a killed
one leaves at worst temporaries that the next build into that folder sweeps
(only those: nothing else of the user's is touched).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from briefing.errors import InputError, SystemProblem
from briefing.files import OURS, remove, temporary_name


class PublishError(SystemProblem):
    """Outputs could not be put in place; the message says what state they were left in."""


def check_folder(folder: Path, hint: str = "choose another folder") -> None:
    """folder is a folder, or can be made one: no file (or device) in its place or above it."""
    for path in (folder, *folder.parents):
        if path.is_dir():
            return
        if os.path.lexists(path):
            where = "" if path == folder else f", so {folder} cannot be made"
            raise InputError(f"{path}: not a folder{where}; {hint}")


def check_destination(destination: Path) -> None:
    """Before anything changes: a file can be put at destination (not over a folder or a device)."""
    if destination.is_dir():
        raise InputError(f"{destination}: is a folder, where this file is to be written; move or rename it")
    if os.path.lexists(destination) and not destination.is_file():
        raise InputError(f"{destination}: not a regular file (a device or a pipe); choose another place to write to")
    check_folder(destination.parent)


def publish_all(files: dict[Path, bytes]) -> None:
    """Put several files in place together: all of them or, if any cannot be, none.

    Destinations are checked first (an InputError, before anything changes);
    a failure while writing or replacing is a PublishError that says truly
    what was left as it was. No temporary file is left behind either way.
    """
    for destination in files:
        check_destination(destination)
    temporaries: dict[Path, Path] = {}
    try:
        for destination, content in files.items():
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                temporaries[destination] = temporary_name(destination)
                _write(temporaries[destination], content)
            except OSError as error:
                raise PublishError(SystemProblem.describe(error, f"{destination} could not be written")
                                   + "; earlier outputs are unchanged") from error
        _replace_all(temporaries)
    finally:
        for temporary in temporaries.values():
            remove(temporary)


def _write(path: Path, content: bytes) -> None:
    # "x": a new file, with the mode open() gives (what the umask allows); flushed to the disk, so
    # the rename that follows never puts an empty file in place after a crash.
    with open(path, "xb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _replace_all(temporaries: dict[Path, Path]) -> None:
    """Rename each temporary over its destination; if one cannot be, put back those already replaced."""
    replaced: list[tuple[Path, Path | None]] = []  # (destination, its old version kept aside, or None)
    destination: Path | None = None
    try:
        for destination, temporary in temporaries.items():
            old = _keep_aside(destination)
            try:
                os.replace(temporary, destination)
            except BaseException:
                remove(old)
                raise
            replaced.append((destination, old))
    except BaseException as failure:
        stuck = _put_back(replaced)
        if stuck or isinstance(failure, OSError):
            raise PublishError(_replace_failed(destination, failure, stuck)) from failure
        raise  # interrupted, and every file is as it was
    for _, old in replaced:
        remove(old)


def _keep_aside(destination: Path) -> Path | None:
    """A second name for destination's present version, to put it back by; None if there is none.

    A hard link leaves the destination in place meanwhile; where the file
    system has none, a copy does.
    """
    if not os.path.lexists(destination):
        return None
    old = temporary_name(destination)
    try:
        os.link(destination, old)
    except OSError:  # a file system without hard links (FAT, some network shares)
        try:
            shutil.copyfile(destination, old)
        except BaseException:
            remove(old)
            raise
    return old


def _put_back(replaced: list[tuple[Path, Path | None]]) -> list[tuple[Path, Path | None]]:
    """Undo the replacements, last first; those that could not be undone."""
    stuck = []
    for destination, old in reversed(replaced):
        try:
            if old is None:
                os.unlink(destination)  # it did not exist before this build
            else:
                os.replace(old, destination)
        except OSError:
            stuck.append((destination, old))
    return stuck


def _replace_failed(destination: Path | None, failure: BaseException,
                    stuck: list[tuple[Path, Path | None]]) -> str:
    """What happened, truly: which file could not be replaced, and whether everything else is as it was."""
    if isinstance(failure, OSError):
        message = SystemProblem.describe(failure, f"{destination} could not be replaced")
    else:
        message = f"interrupted while replacing {destination}"
    if not stuck:
        return message + "; earlier outputs are unchanged"
    kept = [f"{path} (its earlier version is kept as {old})" if old else str(path) for path, old in stuck]
    return message + "; these now hold this build's version and could not be put back: " + ", ".join(kept)


def remove_stale_temporaries(folders: Iterable[Path], older_than_seconds: float = 60) -> None:
    """Temporary files a killed build could not remove: only ours (by name), only in these folders
    (not below them), and only old ones (a recent one may be a build's running beside this one)."""
    cutoff = time.time() - older_than_seconds
    for folder in folders:
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if OURS.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        # An old version kept aside is a hard link, with that file's old mtime; the
                        # link made its ctime (the inode's change time, on POSIX) new.
                        status = entry.stat(follow_symlinks=False)
                        if max(status.st_mtime, status.st_ctime) < cutoff:
                            os.unlink(entry.path)
