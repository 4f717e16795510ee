"""How long each step of a build took, for 'briefing build -v'."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Steps:
    """Named steps and their durations, in the order they ended."""

    timings: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = clock.perf_counter()
        yield
        self.timings.append((name, clock.perf_counter() - started))
