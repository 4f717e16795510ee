"""The Word writer: the only package that imports python-docx."""

from briefing.docx.writer import write_docx

__all__ = ["write_docx"]
