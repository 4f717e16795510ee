"""Office packages that are the same bytes every build: fixed zip dates and document dates.

A build is dated by SOURCE_DATE_EPOCH when it is set, else by the outline's own date, never by the clock.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from briefing.errors import InputError

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
