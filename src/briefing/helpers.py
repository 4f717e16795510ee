"""A single build's helper: a process forked for the longer of its two side jobs.

Besides the document, a build draws the charts and writes the deck, and
most of the time either takes is importing matplotlib or python-pptx. The
command line starts the helper as soon as it knows it will build, before it
imports the pipeline, so the helper's imports overlap this process's own
imports and its reading of the outline; the pipeline then gives it its job.

Which job goes beside: a first build draws every chart, the longest job by
far (importing matplotlib alone takes about 0.45 s), so the charts go beside
and the deck is written here meanwhile. Once the charts are cached, the
deck goes beside while this process writes the document.

This module imports nothing heavy, so starting the helper costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from briefing.beside import Beside

CACHE_FOLDER = ".cache"  # in the output folder: chart images, build manifests

# What the helper imports while this process reads the outline, by job.
_CHART_MODULES = ("briefing.charts.bars", "briefing.charts.timeline")
_DECK_MODULES = ("briefing.pptx.plan", "briefing.pptx.render")


@dataclass
class Helpers:
    """The chart and deck jobs: one of them forked, the other run here (both here for several targets,
    which the pipeline spreads over a process each instead)."""

    charts: Beside[Any]
    deck: Beside[Any]

    @classmethod
    def start(cls, out_dir: Path, audiences: list[str] | tuple[str, ...], every_audience: bool) -> Helpers:
        if every_audience or len(audiences) > 1:
            return cls.in_process()
        first_build = not any((out_dir / CACHE_FOLDER).glob("chart-*.png"))
        return cls(Beside(_CHART_MODULES, fork=first_build), Beside(_DECK_MODULES, fork=not first_build))

    @classmethod
    def in_process(cls) -> Helpers:
        return cls(Beside(fork=False), Beside(fork=False))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exception: object) -> None:
        self.charts.close()
        self.deck.close()
