"""Statistics as horizontal bars, one panel per unit, values labelled in the locale.

The layout, and with it the figure's size, is settled without matplotlib: the
document places the picture while it is still being drawn elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.charts.data import BarGroup
from briefing.charts.layout import MAX_HEIGHT_IN, WIDTH_IN
from briefing.outline.model import Theme
from briefing.text.fonts import clamp_lines, text_width, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_ROW_IN = 0.42
_LABEL_WIDTH_PT = 90
_FONT_PT = 9
_LABEL_LINE_IN = _FONT_PT * 1.25 / 72
_VALUE_PT = 10
# Lines a bar's label may take, most first: a chart with many bars gives each fewer.
_LABEL_LINES = (3, 2, 1)
_ROW_PAD_IN = 0.12
# The plotting area: the figure less the category labels on the left.
_PLOT_WIDTH_IN = WIDTH_IN - (_LABEL_WIDTH_PT + 20) / 72


@dataclass(frozen=True)
class BarsLayout:
    labels: list[list[str]]  # each bar's label, wrapped, group by group
    size_in: tuple[float, float]


def bars_layout(groups: list[BarGroup]) -> BarsLayout:
    """One row of panels per unit, stacked, so no panel's labels reach into another's.

    Rows grow with their labels, so a long label never reaches into its neighbour's row; but a
    label takes three lines at most (ending in an ellipsis), fewer where there are many bars, so
    the chart stays within MAX_HEIGHT_IN whatever its text.
    """
    wrapped = [[wrap(b.label, _LABEL_WIDTH_PT, _FONT_PT) for b in group.bars] for group in groups]
    bars = sum(len(group.bars) for group in groups)
    for most in _LABEL_LINES:
        clamped = [[clamp_lines(lines, most, _LABEL_WIDTH_PT, _FONT_PT) for lines in texts] for texts in wrapped]
        row = max(_ROW_IN, max(len(lines) for texts in clamped for lines in texts) * _LABEL_LINE_IN + _ROW_PAD_IN)
        if _height(bars, row, len(groups)) <= MAX_HEIGHT_IN:
            break
    else:  # many bars: closer rows, down to one line of label each (the outline's limit keeps them there)
        row = max((MAX_HEIGHT_IN - _height(0, 0, len(groups))) / bars, _LABEL_LINE_IN + _ROW_PAD_IN)
    labels = [["\n".join(lines) for lines in texts] for texts in clamped]
    return BarsLayout(labels, (WIDTH_IN, _height(bars, row, len(groups))))


def _height(bars: int, row: float, groups: int) -> float:
    return 0.35 + bars * row + 0.15 * groups


def draw_bars(groups: list[BarGroup], theme: Theme) -> Figure:
    from matplotlib.figure import Figure

    from briefing.charts.style import hex_color

    layout = bars_layout(groups)
    figure = Figure(figsize=layout.size_in, layout="constrained")
    heights = [len(group.bars) for group in groups]
    axes_list = figure.subplots(len(groups), 1, squeeze=False, gridspec_kw={"height_ratios": heights})
    for axes, group, texts in zip(axes_list[:, 0], groups, layout.labels, strict=True):
        bars = list(reversed(group.bars))  # first statistic on top
        positions = range(len(bars))
        axes.barh(positions, [b.value for b in bars], height=0.6, color=hex_color(theme.primary_color))
        axes.set_yticks(list(positions), list(reversed(texts)), fontsize=_FONT_PT)
        largest = max(b.value for b in bars) or 1
        for position, bar in zip(positions, bars, strict=True):
            axes.text(bar.value + largest * 0.02, position, bar.display, va="center",
                      fontsize=_VALUE_PT, color=hex_color(theme.text_color))
        # Room on the right for the longest value label, measured in the font that draws it.
        label_in = max(text_width(b.display, _VALUE_PT) for b in bars) / 72 + 0.1
        share = min(label_in / _PLOT_WIDTH_IN, 0.6)
        axes.set_xlim(0, largest * 1.02 / (1 - share))
        axes.set_ylim(-0.6, len(bars) - 0.4)
        axes.xaxis.set_visible(False)
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        axes.spines["left"].set_color(hex_color(theme.muted_color))
        axes.tick_params(axis="y", length=0, colors=hex_color(theme.text_color))
    return figure
