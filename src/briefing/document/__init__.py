"""The Word briefing: plan.py decides the blocks, pagination.py their pages, write.py writes them;
measure.py measures text as the page model does, columns.py sizes a table's columns from their cells;
the only package that imports python-docx.

The writer is imported on first use (PEP 562): the plan and the page model alone (`briefing preview`'s
fast view of the pages) do not load python-docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.document.write import ComposedDocument, DocxInputs, compose_docx

__all__ = ["ComposedDocument", "DocxInputs", "compose_docx"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from briefing.document import write

        return getattr(write, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
