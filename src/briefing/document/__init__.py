"""The Word briefing: plan.py decides the blocks, pagination.py their pages, write.py writes them;
the only package that imports python-docx."""

from briefing.document.write import ComposedDocument, DocxInputs, compose_docx

__all__ = ["ComposedDocument", "DocxInputs", "compose_docx"]
