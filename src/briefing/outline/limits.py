"""How much one chart can show: counts past which no layout keeps it readable on a page or slide.

Text of any length is laid out (wrapped, and in charts shortened with an ellipsis); these counts
are the honest limits, refused when the outline is validated, with where and what to do.
"""

from __future__ import annotations

# A bar chart's figure keeps every bar's label on at least one line of its own within one page.
MAX_BARS_PER_CHART = 24
# A timeline chart's figure keeps every event on a line of its own, drawn no smaller than it
# can be read once fitted to a page.
MAX_EVENTS_PER_CHART = 30
# A bar chart of this many statistics or fewer is shown as large figures side by side: two
# numbers read better as numbers than as bars, and figures of different units share no axis.
FIGURES_AT_MOST = 2
