"""The Word writer: the only package that imports python-docx."""

from briefing.document.writer import ComposedDocument, DocxInputs, compose_docx

__all__ = ["ComposedDocument", "DocxInputs", "compose_docx"]
