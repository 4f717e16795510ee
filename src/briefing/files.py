"""Writing a file so that no reader ever sees it half-written, under temporary names only this tool uses."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# Our temporaries, and nobody else's: '.', the destination's name, our mark, 16 random hex digits.
OURS = re.compile(r"\..+\.briefing-[0-9a-f]{16}\.tmp")


def temporary_name(destination: Path) -> Path:
    # Random, so builds running side by side never share one; matched by OURS, and nothing else is.
    return destination.with_name(f".{destination.name}.briefing-{secrets.token_hex(8)}.tmp")


def remove(path: Path | None) -> None:
    """Clean up a temporary, if it is there: a failure to do so (a read-only disk, say) must not hide
    the error being reported, and leaves one that the next build sweeps."""
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


@contextlib.contextmanager
def atomic_write(destination: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces destination when the block succeeds (one file, a cache's)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_name(destination)
    try:
        with open(temporary, "xb") as handle:
            yield handle
        os.replace(temporary, destination)
    finally:
        remove(temporary)
