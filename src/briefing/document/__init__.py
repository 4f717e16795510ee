"""The Word briefing: plan.py decides the blocks, pagination.py their pages, write.py writes them;
measure.py measures text as the page model does, columns.py sizes a table's columns from their cells;
the only package that imports python-docx."""

from briefing.document.write import ComposedDocument, DocxInputs, compose_docx

__all__ = ["ComposedDocument", "DocxInputs", "compose_docx"]
