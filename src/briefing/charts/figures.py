"""A chart of one or two statistics drawn as large figures side by side, not as bars.

Two numbers read better as numbers: each tile gives the value in large type (in the chart's one
precision, its qualifier kept), what was counted, and when. Figures of different units sit side by
side without sharing an axis. The layout, and with it the figure's size, is settled without matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.charts.data import Bar, BarGroup
from briefing.charts.layout import WIDTH_IN
from briefing.outline.model import Theme
from briefing.text.fonts import clamp_lines, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_PT = 1 / 72
_VALUE_SIZES = (24, 20, 16, 14)  # the largest in which every value fits its tile on one line
_LABEL_PT = 11
_AS_OF_PT = 9
_LINE_SPACING = 1.3
_GAP_IN = 0.3
_BAR_IN = 0.06  # the accent bar left of each tile
_INSET_IN = 0.2
_LABEL_LINES = 2


@dataclass(frozen=True)
class FigureTile:
    value: str
    label: list[str]
    as_of: str | None


@dataclass(frozen=True)
class FiguresLayout:
    tiles: list[FigureTile]
    value_pt: float
    tile_width_in: float
    size_in: tuple[float, float]


def _bars(groups: list[BarGroup]) -> list[Bar]:
    return [bar for group in groups for bar in group.bars]


def figures_layout(groups: list[BarGroup]) -> FiguresLayout:
    bars = _bars(groups)
    count = max(1, len(bars))
    tile_in = (WIDTH_IN - _GAP_IN * (count - 1)) / count
    text_pt = (tile_in - _INSET_IN) / _PT
    value_pt = next((size for size in _VALUE_SIZES
                     if all(len(wrap(bar.display, text_pt, size, bold=True)) == 1 for bar in bars)), _VALUE_SIZES[-1])
    tiles = [FigureTile(bar.display, clamp_lines(wrap(bar.label, text_pt, _LABEL_PT), _LABEL_LINES, text_pt, _LABEL_PT),
                        bar.as_of) for bar in bars]
    label_lines = max((len(tile.label) for tile in tiles), default=1)
    height = (0.07 + value_pt * 1.25 * _PT + label_lines * _LABEL_PT * _LINE_SPACING * _PT
              + (_AS_OF_PT * _LINE_SPACING * _PT if any(tile.as_of for tile in tiles) else 0) + 0.07)
    return FiguresLayout(tiles, value_pt, tile_in, (WIDTH_IN, round(height, 4)))


def draw_figures(groups: list[BarGroup], theme: Theme) -> Figure:
    from matplotlib.patches import Rectangle

    from briefing.charts.style import hex_color, inch_canvas

    layout = figures_layout(groups)
    height = layout.size_in[1]
    figure, axes = inch_canvas(layout.size_in)
    primary, muted, text = (hex_color(c) for c in (theme.primary_color, theme.muted_color, theme.text_color))
    accent = hex_color(theme.accent_color)
    for index, tile in enumerate(layout.tiles):
        left = index * (layout.tile_width_in + _GAP_IN)
        axes.add_patch(Rectangle((left, 0.04), _BAR_IN, height - 0.08, color=accent, linewidth=0))
        x = left + _INSET_IN
        y = 0.06
        axes.text(x, y, tile.value, va="top", fontsize=layout.value_pt, color=primary)
        y += layout.value_pt * 1.25 * _PT
        axes.text(x, y, "\n".join(tile.label), va="top", fontsize=_LABEL_PT, color=text, linespacing=_LINE_SPACING)
        y += len(tile.label) * _LABEL_PT * _LINE_SPACING * _PT
        if tile.as_of:
            axes.text(x, y, tile.as_of, va="top", fontsize=_AS_OF_PT, color=muted)
    return figure
