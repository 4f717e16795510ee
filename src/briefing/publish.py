"""Putting files in place: whole or not at all, and the same every time.

Every output is written to a temporary file beside its destination and
renamed over it only once complete, so a failed or killed build leaves the
previous file as it was and no partial file behind. Office files are
rewritten with fixed zip timestamps so rebuilds are reproducible.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import BinaryIO

_TEMP_SUFFIX = ".tmp"


def _file_mode() -> int:
    """rw for everyone the umask allows, as a file made with open() would get (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def _temporary_beside(destination: Path) -> tuple[int, str]:
    destination.parent.mkdir(parents=True, exist_ok=True)
    descriptor, path = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=_TEMP_SUFFIX, dir=destination.parent)
    os.fchmod(descriptor, _FILE_MODE)
    return descriptor, path


def publish_all(files: dict[Path, bytes]) -> None:
    """Put several files in place together: all are written out before any replaces its old version.

    If writing any of them fails, none of the destinations has changed and
    the temporary files are removed.
    """
    written: list[tuple[str, Path]] = []
    try:
        for destination, content in files.items():
            descriptor, temporary = _temporary_beside(destination)
            written.append((temporary, destination))
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        for temporary, _ in written:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
    for temporary, destination in written:
        os.replace(temporary, destination)


def remove_stale_temporaries(folder: Path, older_than_seconds: float = 60) -> None:
    """Temporary files a killed build could not remove (ours start with '.' and end in .tmp).

    Recent ones are left alone: they may belong to a build running beside this one.
    """
    if not folder.is_dir():
        return
    cutoff = time.time() - older_than_seconds
    for path in folder.rglob(f".*{_TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


@contextlib.contextmanager
def atomic_write(destination: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces destination when the block succeeds."""
    descriptor, temporary = _temporary_beside(destination)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        os.replace(temporary, destination)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# A W3C date-time, as Office writes in docProps/core.xml.
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def build_time(day: date) -> datetime:
    """When a build's files say they were made: SOURCE_DATE_EPOCH when it is set (reproducible
    builds), else the outline's date at midnight, so the same outline gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    return datetime.combine(day, datetime.min.time())


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
