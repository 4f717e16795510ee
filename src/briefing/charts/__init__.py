"""Chart images drawn with matplotlib: the only package that imports it.

``render_charts`` returns a PNG per chart id, drawing only the charts whose
content changed since the last build (see cache.py). ``chart_sizes`` gives
each chart's size without drawing it, or importing matplotlib at all.
"""

from briefing.charts.cache import (
    ChartImages,
    chart_sizes,
    render_charts,
    render_charts_for,
)

__all__ = ["ChartImages", "chart_sizes", "render_charts", "render_charts_for"]
