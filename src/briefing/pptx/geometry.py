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
COVER_TITLE_PT = 38
SECTION_TITLE_PT = 36
BODY_PT = 20
SMALL_PT = 18  # the smallest body text: timeline labels, figure labels
FIGURE_SIZES = (40, 34, 28)  # key figures: the largest that fits
FIGURE_PT = FIGURE_SIZES[0]
QUOTE_PT = 26
FOOTER_PT = 11  # footer, slide number, source lines: not body text
GAP_PT = 14  # the 'months later' mark on a timeline's axis
LINE_SPACING = 1.2
PARAGRAPH_GAP_PT = 10
BULLET_INDENT_PT = 24
BAND_PT = 14  # the coloured bar on the cover and section slides


@dataclass(frozen=True)
class Box:
    left_pt: float
    top_pt: float
    width_pt: float
    height_pt: float

    @property
    def right_pt(self) -> float:
        return self.left_pt + self.width_pt

    @property
    def bottom_pt(self) -> float:
        return self.top_pt + self.height_pt


CONTENT_WIDTH = SLIDE_WIDTH_PT - 2 * MARGIN_PT
TITLE = Box(MARGIN_PT, 28, CONTENT_WIDTH, 2 * TITLE_PT * LINE_SPACING + 4)
BODY = Box(MARGIN_PT, 120, CONTENT_WIDTH, 350)
SOURCE_LINE = Box(MARGIN_PT, 474, CONTENT_WIDTH, 18)
FOOTER = Box(MARGIN_PT, 506, CONTENT_WIDTH - 80, 18)
SLIDE_NUMBER = Box(SLIDE_WIDTH_PT - MARGIN_PT - 70, 506, 70, 18)

COVER_LOGO = Box(MARGIN_PT, 40, 200, 50)
COVER_TITLE = Box(MARGIN_PT, 130, CONTENT_WIDTH, 2 * COVER_TITLE_PT * LINE_SPACING + 6)
COVER_SUBTITLE = Box(MARGIN_PT, 270, CONTENT_WIDTH, 200)
SECTION_TITLE = Box(MARGIN_PT, 190, CONTENT_WIDTH, 2 * SECTION_TITLE_PT * LINE_SPACING + 6)
QUOTE = Box(MARGIN_PT + 60, 140, CONTENT_WIDTH - 120, 240)
ATTRIBUTION = Box(MARGIN_PT + 60, 400, CONTENT_WIDTH - 120, 60)

# Key figures: a grid of tiles inside BODY.
FIGURE_COLUMNS = 3
FIGURE_ROWS = 2
FIGURE_GAP_PT = 20
FIGURE_TILE_WIDTH = (CONTENT_WIDTH - (FIGURE_COLUMNS - 1) * FIGURE_GAP_PT) / FIGURE_COLUMNS
FIGURE_INSET_PT = 16  # text starts right of the tile's accent bar

# Timeline: an axis across BODY with labels alternating above and below it.
TIMELINE_AXIS_Y = 295.0
TIMELINE_STEM_PT = 26.0  # from the axis to the label
TIMELINE_LABEL_HEIGHT = 130.0
TIMELINE_MIN_STEP = 105.0  # narrowest room per event before the timeline continues on another slide

# A bar chart: the most bars in one panel, each with room for two lines of its label (SMALL_PT);
# a chart with more continues on further slides.
BARS_PER_SLIDE = 8
