"""Evidence: which of an outline's facts quote their source's words, and which source each quotes.

Statistics, timeline events and quotes may carry `evidence`: the source's
exact words that state the fact and the paragraph they are in. Nothing
prints it; validation checks that the source it names exists, and
'briefing check' that the words are where it says.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from briefing.outline.errors import KeyPath
from briefing.outline.model import Event, Evidence, Outline, Quote, Statistic

Fact = Statistic | Event | Quote


def evidenced(outline: Outline) -> Iterator[tuple[KeyPath, Fact, Evidence]]:
    """Every fact with evidence, with its key path, in the outline's order: quotes, events, statistics."""
    for index, section in enumerate(outline.sections):
        parts = [(("sections", index), section)] + [
            (("sections", index, "subsections", j), sub) for j, sub in enumerate(section.subsections)]
        for path, part in parts:
            for q, quote in enumerate(part.quotes):
                if quote.evidence is not None:
                    yield (*path, "quotes", q), quote, quote.evidence
    listed: list[tuple[str, Sequence[Event | Statistic]]] = [
        ("timeline", outline.timeline), ("statistics", outline.statistics)]
    for key, facts in listed:
        for index, fact in enumerate(facts):
            if fact.evidence is not None:
                yield (key, index), fact, fact.evidence


def cited_source(outline: Outline, fact: Fact, evidence: Evidence) -> str:
    """The id of the source the evidence quotes: its own, else the fact's, else (a quote naming none)
    the outline's."""
    return evidence.source or fact.source or outline.meta.source.id
