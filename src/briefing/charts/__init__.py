"""Chart images drawn with matplotlib: the only package that imports it.

``render_charts`` returns a PNG per chart id, drawing only the charts whose
content changed since the last build (see cache.py).
"""

from briefing.charts.cache import ChartImages, render_charts

__all__ = ["ChartImages", "render_charts"]
