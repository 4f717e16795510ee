"""The jobs a build gives its workers (see workers.py): every target's decks, and the charts to draw.

python-pptx and matplotlib are imported only inside the jobs, so the process
that hands them over need not load either.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from briefing.build.steps import Steps
from briefing.build.workers import run_all
from briefing.charts import Drawing, draw_chart, prepare_drawing
from briefing.outline.assets import Logo
from briefing.outline.model import Outline


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


def draw_charts(drawings: list[Drawing], processes: int = 1) -> None:
    """Draw the charts, shared out among `processes`: this one and copies of it, matplotlib loaded."""
    if drawings:
        prepare_drawing(drawings[0].locale)  # before the copies are made, so each finds matplotlib ready
        run_all([partial(draw_chart, drawing) for drawing in drawings], processes)
