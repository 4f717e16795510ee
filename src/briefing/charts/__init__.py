"""Chart images drawn with matplotlib: the only package that imports it.

``plan_charts`` finds, without matplotlib, which charts' images are not yet
in the cache (see cache.py); ``prepare_drawing`` then ``draw_chart`` draws
each, which the build shares out among its workers. ``render_charts`` does
all of it for one outline, here. ``chart_sizes`` gives each chart's size
without drawing it, or importing matplotlib at all.
"""

from briefing.charts.cache import (
    ChartImages,
    Drawing,
    chart_sizes,
    draw_chart,
    plan_charts,
    prepare_drawing,
    render_charts,
)

__all__ = ["ChartImages", "Drawing", "chart_sizes", "draw_chart", "plan_charts", "prepare_drawing", "render_charts"]
