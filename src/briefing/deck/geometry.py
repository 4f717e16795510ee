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
LABEL_PT = 16  # the part's heading, small above an action title
COVER_TITLE_PT = 38
SECTION_TITLE_PT = 36
BODY_PT = 20
SMALL_PT = 18  # the smallest body text: timeline labels, figure labels
FIGURE_SIZES = (60, 48, 40, 34, 28, 24)  # key figures: the largest that fits every tile on the slide
FIGURE_PT = FIGURE_SIZES[0]
BODY_SIZES = (28, 24, 20)  # a few short points are set larger; 20 is the size points continue at
NOTE_PT = 13  # under a figure or a chart: what was counted, when, the source; a chart's note
CALLOUT_PT = 22  # a short quote beside the points
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
TITLE = Box(MARGIN_PT, 40, CONTENT_WIDTH, 2 * TITLE_PT * LINE_SPACING + 4)  # text sits at its bottom
LABEL_GAP_PT = 4  # between the label and the title's first line
BODY = Box(MARGIN_PT, 130, CONTENT_WIDTH, 336)
SOURCE_LINE = Box(MARGIN_PT, 474, CONTENT_WIDTH, 18)
FOOTER = Box(MARGIN_PT, 506, CONTENT_WIDTH - 80, 18)
SLIDE_NUMBER = Box(SLIDE_WIDTH_PT - MARGIN_PT - 70, 506, 70, 18)

COVER_LOGO = Box(MARGIN_PT, 40, 200, 50)
COVER_TITLE = Box(MARGIN_PT, 130, CONTENT_WIDTH, 2 * COVER_TITLE_PT * LINE_SPACING + 6)
COVER_SUBTITLE = Box(MARGIN_PT, 270, CONTENT_WIDTH, 200)
SECTION_TITLE = Box(MARGIN_PT, 190, CONTENT_WIDTH, 2 * SECTION_TITLE_PT * LINE_SPACING + 6)
QUOTE = Box(MARGIN_PT + 60, 150, CONTENT_WIDTH - 120, 240)
ATTRIBUTION = Box(MARGIN_PT + 60, 400, CONTENT_WIDTH - 120, 60)
CALLOUT_INSET_PT = 14

def label_box(title_lines: int) -> Box:
    """The label just above the title's first line (the title is anchored at the bottom of its box)."""
    height = LABEL_PT * LINE_SPACING
    top = TITLE.bottom_pt - title_lines * TITLE_PT * LINE_SPACING - LABEL_GAP_PT - height
    return Box(MARGIN_PT, top, CONTENT_WIDTH, height)


# Two columns in BODY: points on the left, figures, a chart or the parts that follow on the right.
COLUMN_GAP_PT = 36
POINTS_SHARE = {"figures": 0.58, "chart": 0.46, "parts": 0.56}


def columns(layout: str, box: Box = BODY) -> tuple[Box, Box]:
    left = round((box.width_pt - COLUMN_GAP_PT) * POINTS_SHARE[layout], 1)
    right = box.width_pt - COLUMN_GAP_PT - left
    return (Box(box.left_pt, box.top_pt, left, box.height_pt),
            Box(box.left_pt + left + COLUMN_GAP_PT, box.top_pt, right, box.height_pt))


# Key figures: tiles on an even grid filling their box (the body, or the right column).
FIGURES_PER_SLIDE = 6
FIGURE_GAP_PT = 20
FIGURE_INSET_PT = 20  # text starts right of the tile's accent bar, and stays this far from its edge
FIGURE_PAD_PT = 10  # above and below a figure's text in its tile
FIGURE_LABEL_LINES = 2
FIGURE_NOTE_LINES = 3
CHART_NOTE_LINES = 3  # under a chart or figures: different dates, one a part of another
_GRIDS = {1: (1, 1), 2: (2, 1), 3: (3, 1), 4: (2, 2), 5: (3, 2), 6: (3, 2)}


def grid(box: Box, count: int, stacked: bool = False) -> list[Box]:
    """count tiles on an even grid filling box: 2, 3, 2x2, 3x2; stacked: one column (a side column)."""
    columns_, rows = (1, count) if stacked else _GRIDS[count]
    gap = FIGURE_GAP_PT / 2 if stacked else FIGURE_GAP_PT
    width = (box.width_pt - (columns_ - 1) * gap) / columns_
    height = (box.height_pt - (rows - 1) * gap) / rows
    return [Box(box.left_pt + c * (width + gap), box.top_pt + r * (height + gap), width, height)
            for r in range(rows) for c in range(columns_) if r * columns_ + c < count]

# Timeline: an axis across BODY with labels alternating above and below it.
TIMELINE_AXIS_Y = 295.0
TIMELINE_STEM_PT = 26.0  # from the axis to the label
TIMELINE_LABEL_HEIGHT = 130.0
TIMELINE_MIN_STEP = 105.0  # narrowest room per event before the timeline continues on another slide

# A bar chart: the most bars in one panel, each with room for two lines of its label (SMALL_PT);
# a chart with more continues on further slides.
BARS_PER_SLIDE = 8
