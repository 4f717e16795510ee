"""Putting files in place: all of a build's files or none, and the same bytes every time.

Every output is written to a temporary file beside its destination, under a
name only this tool uses (.NAME.briefing-RANDOM.tmp), and renamed over its
destination only once every output is written. The old versions are kept
aside until every rename succeeded, and put back if one fails; so a failed
or interrupted build leaves the previous files as they were, and a killed
one leaves at worst temporaries that the next build into that folder sweeps
(only those: nothing else of the user's is touched). Office files are
rewritten with fixed zip timestamps so rebuilds are reproducible.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import shutil
import time
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from briefing.errors import InputError, SystemProblem

# Our temporaries, and nobody else's: '.', the destination's name, our mark, 16 random hex digits.
_OURS = re.compile(r"\..+\.briefing-[0-9a-f]{16}\.tmp")


class PublishError(SystemProblem):
    """Outputs could not be put in place; the message says what state they were left in."""


def _temporary_name(destination: Path) -> Path:
    # Random, so builds running side by side never share one; matched by _OURS, and nothing else is.
    return destination.with_name(f".{destination.name}.briefing-{secrets.token_hex(8)}.tmp")


def _remove(path: Path | None) -> None:
    """Clean up a temporary, if it is there: a failure to do so (a read-only disk, say) must not hide
    the error being reported, and leaves one that the next build sweeps."""
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


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
                temporaries[destination] = _temporary_name(destination)
                _write(temporaries[destination], content)
            except OSError as error:
                raise PublishError(SystemProblem.describe(error, f"{destination} could not be written")
                                   + "; earlier outputs are unchanged") from error
        _replace_all(temporaries)
    finally:
        for temporary in temporaries.values():
            _remove(temporary)


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
                _remove(old)
                raise
            replaced.append((destination, old))
    except BaseException as failure:
        stuck = _put_back(replaced)
        if stuck or isinstance(failure, OSError):
            raise PublishError(_replace_failed(destination, failure, stuck)) from failure
        raise  # interrupted, and every file is as it was
    for _, old in replaced:
        _remove(old)


def _keep_aside(destination: Path) -> Path | None:
    """A second name for destination's present version, to put it back by; None if there is none.

    A hard link leaves the destination in place meanwhile; where the file
    system has none, a copy does.
    """
    if not os.path.lexists(destination):
        return None
    old = _temporary_name(destination)
    try:
        os.link(destination, old)
    except OSError:  # a file system without hard links (FAT, some network shares)
        try:
            shutil.copyfile(destination, old)
        except BaseException:
            _remove(old)
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
                if _OURS.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        # An old version kept aside is a hard link, with that file's old mtime; the
                        # link made its ctime (the inode's change time, on POSIX) new.
                        status = entry.stat(follow_symlinks=False)
                        if max(status.st_mtime, status.st_ctime) < cutoff:
                            os.unlink(entry.path)


@contextlib.contextmanager
def atomic_write(destination: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces destination when the block succeeds (one file, a cache's)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_name(destination)
    try:
        with open(temporary, "xb") as handle:
            yield handle
        os.replace(temporary, destination)
    finally:
        _remove(temporary)


# A W3C date-time, as Office writes in docProps/core.xml.
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")

_EPOCH = datetime(1970, 1, 1)
# The last second a zip entry's date can hold (zip dates run from 1980 to 2107).
_LAST_ZIP_SECOND = int((datetime(2107, 12, 31, 23, 59, 59) - _EPOCH).total_seconds())


def source_date_epoch() -> datetime | None:
    """SOURCE_DATE_EPOCH (reproducible builds) as a UTC time, None when it is unset or empty.

    Anything but whole seconds that a zip's dates can hold is a mistake to
    report, not to ignore: the build would silently not be reproducible.
    """
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    # At most 11 ASCII digits before int() (which also takes '-5', '+5', '٥' and huge numbers slowly).
    if not re.fullmatch(r"[0-9]{1,11}", text) or int(text) > _LAST_ZIP_SECOND:
        raise InputError(f"SOURCE_DATE_EPOCH={text[:40]!r}: not a time a build can be dated with; set it to whole "
                         f"seconds since 1970-01-01 UTC, 0 to {_LAST_ZIP_SECOND} (the end of 2107, the last "
                         "date a .docx or .pptx can hold), or unset it")
    return _EPOCH + timedelta(seconds=int(text))


def build_time(day: date) -> datetime:
    """When a build's files say they were made: SOURCE_DATE_EPOCH when it is set (reproducible
    builds), else the outline's date at midnight, so the same outline gives the same bytes."""
    return source_date_epoch() or datetime.combine(day, datetime.min.time())


def reproducible_zip(content: bytes, when: datetime) -> bytes:
    """The same zip (the workbook behind a native chart) with every entry stamped `when`.

    xlsxwriter stamps entries and its document properties with the time of
    creation; rewritten this way, two builds of an outline are byte for byte the same.
    """
    source = zipfile.ZipFile(io.BytesIO(content))
    return zip_entries(((entry.filename, stamp_core_properties(entry.filename, source.read(entry.filename), when))
                        for entry in source.infolist()), when)


def stamp_core_properties(name: str, data: bytes, when: datetime) -> bytes:
    """docProps/core.xml with its created and modified dates set to `when`; other entries unchanged."""
    if name.lstrip("/") != "docProps/core.xml":
        return data
    return _W3CDTF.sub(rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", data)


def zip_entries(entries: Iterable[tuple[str, bytes]], when: datetime, onto: bytes = b"") -> bytes:
    """A zip of (name, data) entries, each dated `when` (zip dates begin in 1980); after those of
    the zip `onto`, if one is given."""
    stamp = max(when, datetime(1980, 1, 1)).timetuple()[:6]
    output = io.BytesIO(onto)
    with zipfile.ZipFile(output, "a" if onto else "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=6)
    return output.getvalue()
