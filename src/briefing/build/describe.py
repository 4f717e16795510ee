"""What each audience profile gets, as lines for 'briefing audiences'.

The slide count comes from the deck plan and the page count from the
document's page model, so the figures are those a build produces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from briefing.outline.audience import select
from briefing.outline.locale import section_number
from briefing.build.pipeline import load


def describe_audiences(outline_file: Path) -> Iterator[str]:
    from briefing.charts import chart_sizes
    from briefing.document import DocxInputs, compose_docx
    from briefing.deck.plan import plan_deck

    outline = load(outline_file)
    if not outline.audiences:
        yield f"{outline_file}: no audience profiles (add an 'audiences:' section)"
        return
    outline_sections = {section.id: section for section in outline.sections}
    numbers = {section.id: section_number(outline.meta.locale, i).strip("、. ")
               for i, section in enumerate(outline.sections)}  # as the full outline numbers them
    for audience in outline.audiences:
        selected = select(outline, audience)
        slides = len(plan_deck(selected).slides)
        pages = compose_docx(selected, DocxInputs(chart_sizes(selected))).pages
        budget = f" (budget {selected.meta.slide_budget})" if selected.meta.slide_budget else ""
        yield f"{audience.name}: {audience.display_name}"
        if audience.description:
            yield f"    {audience.description}"
        parts = ", ".join(
            numbers[s.id] + (f" ({len(s.subsections)} of {len(outline_sections[s.id].subsections)} sub-sections)"
                             if s.subsections else "")
            for s in selected.sections
        )
        yield f"    sections: {parts or 'none'}; charts: {', '.join(c.id for c in selected.charts) or 'none'}"
        yield f"    depth: {audience.depth.value}; {slides} slides{budget}, {pages} pages"
