"""Errors meant for the user: each carries a message a person can act on.

Exit codes follow one rule: 2 for bad input or usage, 1 for a build that
failed for another reason.
"""

from __future__ import annotations


class BriefingError(Exception):
    """A failure reported to the user as a message, never as a traceback."""

    exit_code = 1

    def messages(self) -> list[str]:
        return [str(self)]


class InputError(BriefingError):
    """The user gave us something we cannot use (a file, a flag, a name)."""

    exit_code = 2
