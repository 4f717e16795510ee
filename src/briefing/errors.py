"""Errors meant for the user: each carries a message a person can act on.

Exit codes follow one rule: 2 for bad input or usage, 1 for a build that
failed for another reason.
"""

from __future__ import annotations

import errno
from typing import TypeGuard


class BriefingError(Exception):
    """A failure reported to the user as a message, never as a traceback."""

    exit_code = 1

    def messages(self) -> list[str]:
        return [str(self)]


class InputError(BriefingError):
    """The user gave us something we cannot use (a file, a flag, a name)."""

    exit_code = 2


class AssetProblem(Exception):
    """What is wrong with a file the outline names (a logo, a template), and what to do about it;
    reported as that file's problem at its place in the outline."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


# What a person can do about the commonest refusals.
_WHAT_TO_DO = {
    errno.ENOSPC: "free some space and try again",
    getattr(errno, "EDQUOT", errno.ENOSPC): "free some space and try again",
    errno.EROFS: "choose a folder you can write to",
    errno.EACCES: "check its permissions, or choose a folder you can write to",
    errno.EPERM: "check its permissions and whether it is locked or open in another program",
}


class SystemProblem(BriefingError):
    """The system refused (disk full, permission denied, a read-only disk): not a bug, and not bad input."""

    @staticmethod
    def describe(error: OSError, what: object = None) -> str:
        """'WHAT: the system's reason (what to do)'; WHAT is the path the error names unless given."""
        what = what or error.filename or "a file"
        hint = _WHAT_TO_DO.get(error.errno or 0)
        return f"{what}: {error.strerror or error}" + (f" ({hint})" if hint else "")

    @classmethod
    def of(cls, error: OSError, consequence: str) -> SystemProblem:
        return cls(f"{cls.describe(error)}; {consequence}")


def is_system_problem(error: BaseException) -> TypeGuard[OSError]:
    """An OSError the system gives for a path (it carries an errno), rather than one a bug raised."""
    return isinstance(error, OSError) and error.errno is not None
