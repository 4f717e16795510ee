"""The decks as one job, usually run in a worker process (see workers.py).

python-pptx is imported only inside the job, so the process that hands the
job over need not load it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.outline.assets import Logo
from briefing.outline.model import Outline
from briefing.build.steps import Steps


@dataclass(frozen=True)
class Deck:
    content: bytes
    slides: int
    warnings: list[str]
    steps: list[tuple[str, float]]


def render_deck(outline: Outline, logo: Logo | None, template: Path | None) -> Deck:
    """The deck: planned, then written."""
    steps = Steps()
    with steps.step("deck plan"):
        from briefing.deck.plan import plan_deck

        deck = plan_deck(outline)
    with steps.step("deck written"):
        from briefing.deck.render import PptxInputs, write_pptx

        content, warnings = write_pptx(outline, deck.slides, PptxInputs(logo, template))
    return Deck(content, len(deck.slides), [str(problem) for problem in deck.problems] + warnings, steps.timings)


@dataclass(frozen=True)
class DeckJob:
    outline: Outline
    logo: Logo | None
    template: Path | None


def render_decks(jobs: list[DeckJob]) -> list[Deck]:
    """Several decks, one after another, in the process that imported python-pptx once."""
    return [render_deck(job.outline, job.logo, job.template) for job in jobs]
