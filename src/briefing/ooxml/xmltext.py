"""Text for XML written as strings (slides, relationships): escaped once, quickly."""

from __future__ import annotations


def escape(text: str) -> str:
    """Text safe inside an element or a double-quoted attribute (replace() beats translate() here)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
