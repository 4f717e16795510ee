"""Where things go on a 16:9 slide, in points, shared by the planner and the renderer.

The planner measures text against these boxes; the renderer draws the boxes.
Keeping them in one place means the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

SLIDE_WIDTH_PT = 960.0  # 13.333 in
SLIDE_HEIGHT_PT = 540.0  # 7.5 in
MARGIN_PT = 43.0

TITLE_PT = 30
SECTION_TITLE_PT = 36
BODY_PT = 20
NOTE_PT = 12  # source lines under charts
LINE_SPACING = 1.2
PARAGRAPH_GAP_PT = 10
BULLET_INDENT_PT = 24


@dataclass(frozen=True)
class Box:
    left_pt: float
    top_pt: float
    width_pt: float
    height_pt: float


_CONTENT_WIDTH = SLIDE_WIDTH_PT - 2 * MARGIN_PT
TITLE = Box(MARGIN_PT, 30, _CONTENT_WIDTH, 2 * TITLE_PT * LINE_SPACING + 4)
BODY = Box(MARGIN_PT, 120, _CONTENT_WIDTH, 370)
SOURCE_LINE = Box(MARGIN_PT, 496, _CONTENT_WIDTH, 26)
COVER_TITLE = Box(MARGIN_PT, 150, _CONTENT_WIDTH, 130)
COVER_SUBTITLE = Box(MARGIN_PT, 290, _CONTENT_WIDTH, 150)
SECTION_TITLE = Box(MARGIN_PT, 200, _CONTENT_WIDTH, 140)
