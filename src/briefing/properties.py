"""Document properties (title, author, dates, language) from the outline, for both writers.

python-docx and python-pptx expose the same core-properties object; filling
it here keeps the template's defaults (author "python-docx", 2013 dates) and
the clock out of every file we write.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from briefing.outline.model import Locale, Outline


def language_tag(locale: Locale) -> str:
    """The BCP 47 tag written into documents for the outline's locale."""
    return "zh-CN" if locale is Locale.ZH_CN else "en-GB"


# Office limits most core properties to 255 characters (python-docx refuses longer ones).
PROPERTY_LIMIT = 255


def _fit(text: str) -> str:
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def fill_core_properties(properties: Any, outline: Outline) -> None:
    meta = outline.meta
    properties.title = _fit(meta.title)
    properties.subject = _fit(meta.subtitle or meta.title)
    properties.author = _fit(meta.author or "")
    properties.last_modified_by = _fit(meta.author or "")
    properties.keywords = _fit("; ".join(meta.keywords))
    properties.language = language_tag(meta.locale)
    properties.comments = ""
    properties.revision = 1
    # The briefing's own date: rebuilding the same outline gives the same properties.
    stamp = datetime.combine(meta.date, time(0, 0))
    properties.created = properties.modified = properties.last_printed = stamp
