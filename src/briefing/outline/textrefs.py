"""Finding '{id}' references in an outline's text: where they may appear, and which ids they name.

The expansion into formatted values lives in briefing.outline.references; this part
is needed by validation and so depends on nothing but the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.outline.errors import KeyPath
from briefing.outline.model import Outline

REFERENCE = re.compile(r"\{\{|\}\}|\{([a-z0-9][a-z0-9_-]*)\}")


def text_fields(outline: Outline) -> Iterator[tuple[KeyPath, str]]:
    """Every text field in which references are allowed, with its key path."""
    for index, text in enumerate(outline.summary):
        yield ("summary", index), text
    for s, section in enumerate(outline.sections):
        parts = [(("sections", s), section)] + [
            (("sections", s, "subsections", j), sub) for j, sub in enumerate(section.subsections)
        ]
        for path, part in parts:
            for key in ("points", "prose"):
                for index, text in enumerate(getattr(part, key)):
                    yield (*path, key, index), text
    for index, event in enumerate(outline.timeline):
        if event.detail:
            yield ("timeline", index, "detail"), event.detail
    for index, chart in enumerate(outline.charts):
        if chart.caption:
            yield ("charts", index, "caption"), chart.caption
    for index, item in enumerate(outline.implications):
        yield ("implications", index, "text"), item.text
    for a, audience in enumerate(outline.audiences):
        for index, text in enumerate(audience.summary or []):
            yield ("audiences", a, "summary", index), text


def referenced_ids(text: str) -> list[str]:
    return [match.group(1) for match in REFERENCE.finditer(text) if match.group(1)]
