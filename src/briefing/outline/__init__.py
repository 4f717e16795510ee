"""Reading an outline: YAML text -> positioned plain data -> typed Outline."""

from briefing.outline.errors import OutlineError, Problem
from briefing.outline.validate import read_outline

__all__ = ["OutlineError", "Problem", "read_outline"]
