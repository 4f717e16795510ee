"""What each audience profile gets, as lines for 'briefing audiences'.

The slide count comes from the deck plan and the page count from the
document's page model, so the figures are those a build produces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from briefing.build.pipeline import load
from briefing.outline.audience import select
from briefing.outline.locale import numbered_titles


def describe_audiences(outline_file: Path) -> Iterator[str]:
    from briefing.charts import chart_sizes
    from briefing.deck.plan import plan_deck
    from briefing.document import DocxInputs, compose_docx

    outline = load(outline_file)
    if not outline.audiences:
        yield f"{outline_file}: no audience profiles (add an 'audiences:' section)"
        return
    outline_sections = {section.id: section for section in outline.sections}
    for audience in outline.audiences:
        selected = select(outline, audience)
        slides = len(plan_deck(selected).slides)
        pages = compose_docx(selected, DocxInputs(chart_sizes(selected))).pages
        budget = f" (budget {selected.meta.slide_budget})" if selected.meta.slide_budget else ""
        yield f"{audience.name}: {audience.display_name}"
        if audience.description:
            yield f"    {audience.description}"
        titles = numbered_titles(selected)  # as this version numbers them
        yield "    sections:"
        for s in selected.sections:
            of = len(outline_sections[s.id].subsections)
            yield f"        {titles[s.id]}" + (f" ({len(s.subsections)} of {of} sub-sections)" if of else "")
        own = {True: "its own", False: "the outline's"}
        targeted = any(item.is_for(audience) for item in outline.implications)
        yield f"    charts: {', '.join(c.id for c in selected.charts) or 'none'}"
        yield (f"    summary: {own[audience.summary is not None]}; "
               f"key figures: {len(selected.key_statistics)}, {own[audience.key_figures is not None]}; "
               f"implications: {len(selected.general_implications)}, {own[targeted]}")
        yield f"    depth: {audience.depth.value}; {slides} slides{budget}, {pages} pages"
