"""A build's helpers: processes forked for its side jobs, drawing the charts and writing the decks
(of every audience it builds).

Most of the time either job takes is importing matplotlib or python-pptx.
The command line starts the helpers as soon as it knows it will build,
before it imports the pipeline, so their imports overlap this process's own
imports and its parsing of the outline; the pipeline then gives them work,
and writes the documents itself.

The decks always go beside. The charts go beside only when they are about
to be drawn (none cached yet, and the outline has some): their helper then
imports matplotlib (about 0.45 s) while the outline is parsed. That is a guess
from the outline's text, made before it is parsed; a wrong guess costs time,
never correctness, as the pipeline draws whatever charts are missing itself.

This module imports nothing heavy, so starting the helpers costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from briefing.build.beside import Beside
from briefing.build.freshness import CACHE_FOLDER
from briefing.outline.source import OutlineSource


# What the helper imports while this process reads the outline, by job.
_CHART_MODULES = ("briefing.charts", "briefing.charts.style")
_DECK_MODULES = ("briefing.build.decks", "briefing.deck.plan", "briefing.deck.render")
# The nice value of a helper that gives way: it gets about a tenth of a core that others want.
_GIVE_WAY = 10


@dataclass
class Helpers:
    """The chart and deck jobs of a build (for every target it has), each forked or run here."""

    charts: Beside[Any]
    deck: Beside[Any]

    @classmethod
    def start(cls, outline: OutlineSource, out_dir: Path) -> Helpers:
        draw = not any((out_dir / CACHE_FOLDER).glob("chart-*.png")) and _names_charts(outline.raw)
        # Importing matplotlib and drawing take longer than all the decks: while the charts are
        # drawn, the deck's helper gives way to theirs.
        return cls(Beside(_CHART_MODULES, fork=draw), Beside(_DECK_MODULES, nice=_GIVE_WAY if draw else 0))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def close(self) -> None:
        self.charts.close()
        self.deck.close()


# A top-level 'charts:' key followed by a list item, in block or flow style.
_CHARTS_KEY = re.compile(rb"^charts:[ \t]*(?:#[^\n]*)?(?:\n[ \t]*(?:#[^\n]*)?)*(?:-|\[\s*[^\]\s])", re.MULTILINE)


def _names_charts(outline: bytes) -> bool:
    return _CHARTS_KEY.search(outline) is not None
