"""Reading an outline: YAML text -> positioned plain data -> typed Outline.

read_outline is imported on first use (PEP 562): code that only needs the
model, such as the deck's helper process, does not pay for PyYAML and the
validator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.outline.errors import OutlineError, Problem

if TYPE_CHECKING:
    from briefing.outline.validate import read_outline

__all__ = ["OutlineError", "Problem", "read_outline"]


def __getattr__(name: str) -> Any:
    if name == "read_outline":
        from briefing.outline.validate import read_outline

        return read_outline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
