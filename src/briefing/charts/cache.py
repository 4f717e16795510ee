"""Chart images cached by a hash of what they show and how they look.

A rebuild after a text edit reuses every unchanged image and does not even
import matplotlib; only a chart whose data, style or renderer changed is
drawn again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

import msgspec

from briefing import __version__
from briefing.charts.bars import bars_layout, draw_bars
from briefing.charts.data import (
    BarGroup,
    Milestone,
    bar_groups,
    milestones,
    shows_as_figures,
)
from briefing.charts.figures import draw_figures, figures_layout
from briefing.charts.timeline import draw_timeline, timeline_layout
from briefing.files import atomic_write
from briefing.installed import version
from briefing.outline.model import Chart, ChartKind, Locale, Outline, Theme
from briefing.text.fonts import missing_glyphs


@lru_cache(maxsize=1)
def _renderer_fingerprint() -> str:
    """A hash of the drawing code and matplotlib's version: new code never reuses old images."""
    package = Path(__file__).parent
    # The charts package and the modules it draws with (wrapping, values, locale words).
    sources = [*sorted(package.glob("*.py")), *(package.parent / name for name in _DRAWN_WITH)]
    digest = hashlib.sha256(str(version("matplotlib")).encode())
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_DRAWN_WITH = ("text/fonts.py", "text/words.py", "outline/locale.py")


@dataclass(frozen=True)
class _Planned:
    """A chart as it will be drawn."""

    chart: Chart
    content: list[dict[str, object]]  # what it shows, as its cache key covers it
    missing: str  # characters no chart font can draw
    # The content as drawn, those characters left out: a timeline's events, or the other kinds' bars.
    events: list[Milestone]
    groups: list[BarGroup]

    @property
    def size_in(self) -> tuple[float, float]:
        if self.chart.kind is ChartKind.TIMELINE:
            return timeline_layout(self.events).size_in
        if shows_as_figures(self.chart):
            return figures_layout(self.groups).size_in
        return bars_layout(self.groups).size_in


def _plan(chart: Chart, outline: Outline) -> _Planned:
    if chart.kind is ChartKind.TIMELINE:
        events = milestones(chart, outline)
        content = [asdict(m) for m in events]
        missing = _missing(content)
        drawn = [replace(m, when=_drawable(m.when, missing), title=_drawable(m.title, missing),
                         detail=_drawable_or_none(m.detail, missing)) for m in events]
        return _Planned(chart, content, missing, drawn, [])
    groups = bar_groups(chart, outline)
    content = [asdict(group) for group in groups]
    missing = _missing(content)
    drawable = [replace(group, bars=tuple(replace(bar, label=_drawable(bar.label, missing),
                                                  display=_drawable(bar.display, missing),
                                                  as_of=_drawable_or_none(bar.as_of, missing))
                                          for bar in group.bars))
                for group in groups]
    return _Planned(chart, content, missing, [], drawable)


def _missing(content: object) -> str:
    return missing_glyphs(json.dumps(content, ensure_ascii=False, default=str))


def chart_key(chart: Chart, outline: Outline, content: object) -> str:
    """A hash of what the chart shows (its content) and how it looks."""
    payload = {
        "kind": "figures" if shows_as_figures(chart) else chart.kind.value,
        "content": content,
        "theme": msgspec.to_builtins(outline.theme, order="sorted"),
        "locale": outline.meta.locale.value,
        "renderer": [__version__, _renderer_fingerprint()],
    }
    text = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass
class ChartImages:
    paths: dict[str, Path]
    warnings: list[str]


@dataclass(frozen=True)
class Drawing:
    """A chart to draw, and where its image goes: all a worker needs of the outline."""

    planned: _Planned
    theme: Theme
    locale: Locale
    path: Path


def render_charts(outline: Outline, cache_dir: Path) -> ChartImages:
    """A PNG per chart id, drawn here, only where no cached image matches."""
    [images], drawings = plan_charts([outline], cache_dir)
    if drawings:
        prepare_drawing(drawings[0].locale)
        for drawing in drawings:
            draw_chart(drawing)
    return images


def plan_charts(outlines: list[Outline], cache_dir: Path) -> tuple[list[ChartImages], list[Drawing]]:
    """Each outline's chart images, where they are or will be, and the drawings still to make: the
    charts no cached image matches, each once however many outlines show it. Needs no matplotlib."""
    found = []
    to_draw: dict[Path, Drawing] = {}
    for outline in outlines:
        images = ChartImages({}, [])
        for chart in outline.charts:
            planned = _plan(chart, outline)
            if planned.missing:
                images.warnings.append(f"chart '{chart.id}': no chart font can draw {' '.join(planned.missing)}; "
                                       "those characters are left out of the image")
            path = cache_dir / f"chart-{chart.id}-{chart_key(chart, outline, planned.content)}.png"
            if not path.exists():
                to_draw.setdefault(path, Drawing(planned, outline.theme, outline.meta.locale, path))
            images.paths[chart.id] = path
        found.append(images)
    # A timeline has the most text to draw: first, so the processes sharing them end together.
    drawings = sorted(to_draw.values(), key=lambda drawing: drawing.planned.chart.kind is not ChartKind.TIMELINE)
    return found, drawings


def prepare_drawing(locale: Locale) -> None:
    """matplotlib imported and set up for the locale: done once before drawing, so that processes
    copied from this one find it ready. Imported here: a build whose charts are all cached never loads it."""
    from briefing.charts.style import configure

    configure(locale)


_BLANKS = re.compile(r"[^\S\n]")  # any blank but a line break: tab, CR, NEL, U+2028...


def _drawable(text: str, missing: str) -> str:
    """Text a chart font can draw: blanks become spaces, characters no font has are left out
    (an empty box helps no reader)."""
    text = _BLANKS.sub(" ", text)
    return "".join(char for char in text if char not in missing) if missing else text


def _drawable_or_none(text: str | None, missing: str) -> str | None:
    return None if text is None else _drawable(text, missing)


def chart_sizes(outline: Outline) -> dict[str, tuple[float, float]]:
    """Each chart's size in inches, as it will be drawn: known without drawing it (or matplotlib)."""
    return {chart.id: _plan(chart, outline).size_in for chart in outline.charts}


def draw_chart(drawing: Drawing) -> None:
    """Draw one chart into its cache file."""
    from briefing.charts.style import configure, write_png

    configure(drawing.locale)  # at once, unless another outline of the build has another locale
    planned = drawing.planned
    if planned.chart.kind is ChartKind.TIMELINE:
        figure = draw_timeline(planned.events, drawing.theme, drawing.locale)
    elif shows_as_figures(planned.chart):
        figure = draw_figures(planned.groups, drawing.theme)
    else:
        figure = draw_bars(planned.groups, drawing.theme)
    with atomic_write(drawing.path) as handle:
        write_png(figure, handle)
