"""Versions of installed distributions, read from the names of their .dist-info folders.

That is what importlib.metadata reads too, but importing it takes about 18 ms
and asking it for a version about as long again; a build only needs a few
version numbers, to know when an upgraded library must redraw or rebuild.
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def _versions() -> dict[str, str]:
    versions: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info"):
                name, _, version = entry.removesuffix(".dist-info").partition("-")
                versions.setdefault(normalised(name), version)  # the first on sys.path is the one imported
    return versions


def version(distribution: str) -> str | None:
    """The installed version of a distribution ('python-docx'), or None when it is not installed."""
    return _versions().get(normalised(distribution))


def normalised(name: str) -> str:
    """'python-docx' and 'python_docx' alike (the rule for distribution names, PEP 503)."""
    return re.sub(r"[-_.]+", "_", name).lower()
