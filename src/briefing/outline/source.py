"""An outline's bytes, read once per command: from a file, a FIFO or a pipe alike.

Everything a command needs from the outline (the up-to-date check's hash,
the parser) takes these bytes instead of opening the file again: a pipe or
a FIFO can be read only once (a second read finds it empty, or waits for a
writer that never comes), and a file read twice may change in between.

This module imports only the standard library: the command reads the
outline, and checks whether the build is up to date, before it imports
anything heavy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from briefing.outline.errors import OutlineError, Problem

# The largest outline read. Thousands of slides take well under a megabyte.
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class OutlineSource:
    """The outline file's name (for messages, and the folder its files are in) and its bytes."""

    file: Path
    raw: bytes

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def text(self) -> str:
        """The bytes as text, or an OutlineError at the first byte that is not UTF-8."""
        try:
            return self.raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = self.raw[: error.start].count(b"\n") + 1
            column = error.start - (self.raw.rfind(b"\n", 0, error.start) + 1) + 1
            raise OutlineError([Problem(self.file, line, column, (), "is not UTF-8 text",
                                        "save the file as UTF-8")]) from None


def read_source(file: Path) -> OutlineSource:
    """The outline's bytes, read once and at most MAX_FILE_BYTES of them, or an OutlineError saying why not."""

    def fail(message: str, hint: str | None = None) -> OutlineError:
        return OutlineError([Problem(file, 1, 1, (), message, hint)])

    try:
        with open(file, "rb") as stream:
            # One byte past the limit tells a file that is too large from one that just fits,
            # without trusting a size that a pipe does not have.
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file", "check the path, or run 'briefing build' in the outline's folder") from None
    except IsADirectoryError:
        raise fail("is a folder, not an outline file", "name the outline's .yaml file") from None
    except PermissionError:
        raise fail("cannot be read (permission denied)") from None
    except OSError as error:
        raise fail(f"cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"is larger than {MAX_FILE_BYTES // 1024} KiB, the limit for an outline",
                   "split the source into several briefings")
    return OutlineSource(file, raw)


def as_source(outline: OutlineSource | Path) -> OutlineSource:
    """The source itself, or the file read now: callers that have read it pass it on."""
    return outline if isinstance(outline, OutlineSource) else read_source(outline)
