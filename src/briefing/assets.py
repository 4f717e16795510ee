"""Files an outline names (a logo, later templates): found next to the outline, and nowhere else.

A path is taken relative to the outline's folder and must stay inside it
once resolved, so an outline handed around cannot make the tool read
~/.ssh or ../../elsewhere, through '..', an absolute path or a symlink.
"""

from __future__ import annotations

from pathlib import Path

# What each kind of file must start with, so a renamed file is caught early.
SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".docx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
}


class AssetProblem(Exception):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


def resolve_asset(base_dir: Path, name: str, kinds: tuple[str, ...]) -> Path:
    """The checked absolute path of a file the outline names, or AssetProblem."""
    folder = base_dir.resolve()
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise AssetProblem(
            f"'{name}' points outside the outline's folder",
            "put the file in the outline's folder and name it relative to it, e.g. assets/logo.png",
        )
    path = (folder / candidate).resolve()
    if not path.is_relative_to(folder):
        raise AssetProblem(f"'{name}' is a link to a file outside the outline's folder",
                           "copy the file into the outline's folder")
    suffix = path.suffix.lower()
    if suffix not in kinds:
        raise AssetProblem(f"'{name}' is not a {' or '.join(kinds)} file")
    if not path.is_file():
        raise AssetProblem(f"'{name}' does not exist in {folder}", "check the file name and folder")
    with path.open("rb") as handle:
        start = handle.read(16)
    if not start.startswith(SIGNATURES[suffix]):
        raise AssetProblem(f"'{name}' is not really a {suffix} file (its content does not match)")
    return path
