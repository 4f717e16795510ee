"""Files an outline names (a logo, templates, a source's copy): found next to the outline, checked before use.

A path is taken relative to the outline's folder and must stay inside it
once resolved, so an outline handed around cannot make the tool read
~/.ssh or ../../elsewhere, through '..', an absolute path or a symlink.

Each file is then read through, here, before any writer starts: the logo
decoded and made into a PNG both writers handle (logo.py), a template
checked as the package its library will open (templatefile.py). So a bad
file is reported as that file's problem, by `validate` as by `build`,
instead of failing a writer halfway through. Pillow and lxml are imported
only when there is such a file to check. A source's local copy is only found
here, not read: no output depends on it, and 'briefing check' reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.errors import AssetProblem, InputError

_NOT_A_NAME = {chr(code) for code in range(32)}  # a NUL or a line break cannot be in a file's name here


@dataclass(frozen=True)
class Logo:
    """A logo as both writers take it: a PNG of bounded size, and its size in pixels."""

    path: Path  # the file it was made from
    png: bytes
    width: int
    height: int


@dataclass(frozen=True)
class ThemeFiles:
    """The files a theme names, each checked: the logo made ready for the writers, the templates' paths."""

    logo: Logo | None = None
    docx_template: Path | None = None
    pptx_template: Path | None = None

    def paths(self) -> list[Path]:
        """Every file read, for the up-to-date check and the watch."""
        return [path for path in (self.logo and self.logo.path, self.docx_template, self.pptx_template) if path]


def resolve_asset(base_dir: Path, name: str, kinds: tuple[str, ...] | None,
                  example: str = "assets/logo.png") -> Path:
    """The checked absolute path of a file the outline names, or AssetProblem.

    kinds: the suffixes it may have (None: any); example: a name to show in the hint for a path outside.
    """
    if _NOT_A_NAME.intersection(name):
        raise AssetProblem(f"{name!r} is not a file name (it contains a control character)",
                           "write the file's name as it is, without escapes like \\0")
    folder = base_dir.resolve()
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise AssetProblem(
            f"'{name}' points outside the outline's folder",
            f"put the file in the outline's folder and name it relative to it, e.g. {example}",
        )
    try:
        path = (folder / candidate).resolve()
        if not path.is_relative_to(folder):
            raise AssetProblem(f"'{name}' is a link to a file outside the outline's folder",
                               "copy the file into the outline's folder")
        suffix = path.suffix.lower()
        if kinds is not None and suffix not in kinds:
            raise AssetProblem(f"'{name}' is not a {' or '.join(kinds)} file", _other_kind_hint(suffix))
        if not path.exists():
            raise AssetProblem(f"'{name}' does not exist in {folder}", "check the file name and folder")
        if not path.is_file():
            raise AssetProblem(f"'{name}' is not a regular file", "name the file itself, not a folder or a device")
    except OSError as error:  # a name too long for the system, a loop of links
        raise AssetProblem(f"'{name}' cannot be read ({error.strerror or error})") from None
    return path


def _other_kind_hint(suffix: str) -> str | None:
    from briefing.ooxml.templatefile import hint_for_suffix

    return hint_for_suffix(suffix)


def check_asset(base_dir: Path, name: str, kinds: tuple[str, ...]) -> Path | Logo:
    """A file the outline names, resolved and read through: the logo made ready, a template's checked path."""
    path = resolve_asset(base_dir, name, kinds)
    suffix = path.suffix.lower()
    try:
        if suffix in (".docx", ".pptx"):
            from briefing.ooxml.templatefile import check_template

            check_template(path, name, suffix)
            return path
        from briefing.outline.logo import prepare_logo

        return prepare_logo(path, name)
    except OSError as error:  # there, but not to be read: permissions, a disk error
        raise AssetProblem(f"'{name}' cannot be read ({error.strerror or error})") from None


def check_command_line_template(path: Path, kind: str) -> Path:
    """A template named on the command line: it must exist and be the kind of file it says."""
    try:
        checked = check_asset(path.parent, path.name, (kind,))
    except AssetProblem as problem:
        raise InputError(f"{path}: {problem}" + (f" ({problem.hint})" if problem.hint else "")) from None
    assert isinstance(checked, Path)
    return checked
