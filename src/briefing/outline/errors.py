"""Problems found in an outline, each tied to a file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError

KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath) -> str:
    """('sections', 0, 'title') -> 'sections[0].title'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


def suggestion(value: str, known: Iterable[str], listing: str) -> str:
    """A hint for a value that is not one of `known`: the closest of them, else all of them
    ("known ids: a, b"), or 'none' when there are none."""
    import difflib  # only problems need it, and every reader of the model imports this module

    known = list(known)
    close = difflib.get_close_matches(value, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"{listing}: {', '.join(known) or 'none'}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an outline, where it is, and what to do."""

    file: Path
    line: int
    column: int
    path: KeyPath
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {format_path(self.path)}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True)
class Note(Problem):
    """Not wrong, but worth knowing: the outline builds as it is, perhaps not as its author means."""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {format_path(self.path)}: note: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class OutlineError(InputError):
    """Every problem found in one outline, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]
