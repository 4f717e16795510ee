"""Is a build up to date? Answered before anything heavy is imported.

A build records what it read (the outline, the files it names, the tool's
own code and library versions, the options and SOURCE_DATE_EPOCH) and what
it wrote, as hashes, in the output folder's cache. When nothing it read has
changed and every output is still the file it wrote, the next build has
nothing to do, and says so in a few milliseconds instead of re-rendering.

This module imports only the standard library, so the check costs no time
of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing.installed import version

CACHE_FOLDER = ".cache"  # in the output folder: chart images, build manifests

_LIBRARIES = ("python-docx", "python-pptx", "matplotlib", "msgspec", "pylopdf-fonts-zh-cn", "pillow")


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@lru_cache(maxsize=1)
def _tool_fingerprint() -> str:
    """The package's own code and the versions of the libraries that shape the output."""
    digest = hashlib.sha256(sys.version.encode())
    package = os.path.dirname(os.path.dirname(__file__))  # the whole briefing package
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".json")):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, package).replace(os.sep, "/").encode())
                with open(path, "rb") as source:
                    digest.update(source.read())
    for name in _LIBRARIES:
        digest.update(f"{name}={version(name)}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Request:
    """Everything about a build command that decides its outputs, besides files; and the outline, as read."""

    outline: Path
    outline_digest: str  # of the bytes the command read: the outline is read once (it may be a pipe)
    out_dir: Path
    audiences: tuple[str, ...]
    every_audience: bool
    pdf: bool
    docx_template: Path | None
    pptx_template: Path | None

    def manifest(self) -> Path:
        options = json.dumps([str(self.outline.resolve()), sorted(self.audiences), self.every_audience, self.pdf,
                              str(self.docx_template), str(self.pptx_template)])
        name = hashlib.sha256(options.encode()).hexdigest()[:16]
        return self.out_dir / CACHE_FOLDER / f"manifest-{name}.json"

    def key(self, inputs: list[Path]) -> str:
        digest = hashlib.sha256(_tool_fingerprint().encode())
        digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
        for path in sorted({self.outline, *inputs, *(t for t in (self.docx_template, self.pptx_template) if t)}):
            digest.update(str(path).encode())
            digest.update(((self.outline_digest if path == self.outline else _digest(path)) or "missing").encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class Recorded:
    path: Path
    size: int
    detail: str


def up_to_date(request: Request) -> list[Recorded] | None:
    """The outputs of the last identical build if they are all still as written; else None."""
    try:
        manifest = json.loads(request.manifest().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("key") != request.key([Path(p) for p in manifest.get("inputs", [])]):
        return None
    outputs = []
    for output in manifest.get("outputs", []):
        path = Path(output["path"])
        if _digest(path) != output["sha256"]:
            return None
        outputs.append(Recorded(path, output["size"], output["detail"]))
    return outputs


def record(request: Request, inputs: list[Path], outputs: list[tuple[Path, int, str]]) -> None:
    """Remember a successful build, for the next one to compare with."""
    manifest = {
        "key": request.key(inputs),
        "inputs": sorted(str(p) for p in inputs),
        "outputs": [{"path": str(p), "sha256": _digest(p), "size": size, "detail": detail}
                    for p, size, detail in outputs],
    }
    from briefing.files import atomic_write  # the build imported it already; a check need not

    # A temporary of its own: builds running side by side into one folder each write theirs.
    with atomic_write(request.manifest()) as handle:
        handle.write(json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
