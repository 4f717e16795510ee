"""The Word writer: the only package that imports python-docx."""

from briefing.docx.writer import DocxInputs, write_docx

__all__ = ["DocxInputs", "write_docx"]
