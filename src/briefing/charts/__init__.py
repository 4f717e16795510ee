"""Chart images drawn with matplotlib: the only package that imports it.

``render_charts`` returns a PNG per chart id, drawing only the charts whose
content changed since the last build (see cache.py): ``plan_charts`` finds
which those are, without matplotlib, and ``draw_charts`` draws them, in a
worker during a build. ``chart_sizes`` gives each chart's size without
drawing it, or importing matplotlib at all.
"""

from briefing.charts.cache import (
    ChartImages,
    Drawing,
    chart_sizes,
    draw_charts,
    plan_charts,
    render_charts,
    render_charts_for,
)

__all__ = ["ChartImages", "Drawing", "chart_sizes", "draw_charts", "plan_charts", "render_charts",
           "render_charts_for"]
