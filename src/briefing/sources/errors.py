"""The one error a source gives: what is wrong with the file or address, and what to do (exit status 2)."""

from __future__ import annotations

from briefing.errors import InputError


class SourceError(InputError):
    """A source that cannot be read as an article; the message names the file or address and what to do."""
