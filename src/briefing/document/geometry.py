"""The page and every paragraph style of the document, in numbers: one table the page model
measures with and styles.py makes the Word styles from, so the two cannot disagree.

Every text style has an exact line pitch. Chinese documents are commonly set
that way, and it makes the page layout predictable: a paragraph's height is
its wrapped line count times the pitch plus its spacing (pagination.py).

Sizes are points unless a name says otherwise; page sizes are kept in
twentieths of a point (twips) and EMU, as Word stores and python-docx reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

EMU_PER_PT = 12700
EMU_PER_TWIP = 635

# A4 portrait, 2.2 cm margins, as the page's w:pgSz and w:pgMar hold them (21.0 x 29.7 cm).
PAGE_WIDTH_TWIPS = 11906
PAGE_HEIGHT_TWIPS = 16838
MARGIN_TWIPS = 1247
HEADER_FOOTER_DISTANCE_TWIPS = 720  # from the page's edge: Word's default, half an inch


@dataclass(frozen=True)
class PageArea:
    """The space text can use on a page: the page less its margins, in EMU."""

    width: int
    height: int

    @property
    def width_pt(self) -> float:
        return self.width / EMU_PER_PT

    @property
    def height_pt(self) -> float:
        return self.height / EMU_PER_PT


# The briefing's own page; a company template's may differ (styles.page_area reads it from the file).
A4_AREA = PageArea((PAGE_WIDTH_TWIPS - 2 * MARGIN_TWIPS) * EMU_PER_TWIP,
                   (PAGE_HEIGHT_TWIPS - 2 * MARGIN_TWIPS) * EMU_PER_TWIP)


class Style(StrEnum):
    """The paragraph styles the document uses, by the names Word shows."""

    NORMAL = "Normal"
    TITLE = "Title"
    SUBTITLE = "Subtitle"
    HEADING_1 = "Heading 1"
    HEADING_2 = "Heading 2"
    TOC_HEADING = "TOC Heading"
    CAPTION = "Caption"
    QUOTE = "Quote"
    LIST_BULLET = "List Bullet"
    COVER_LINE = "Cover Line"
    ATTRIBUTION = "Attribution"
    SOURCE_NOTE = "Source Note"
    CAVEAT = "Caveat"
    TABLE_TEXT = "Table Text"
    SOURCE_ENTRY = "Source Entry"
    TOC_1 = "TOC 1"
    TOC_2 = "TOC 2"
    # Styles without a line pitch of their own, not measured as text.
    FIGURE = "Figure"
    HEADER = "Header"
    FOOTER = "Footer"


def heading_style(level: int) -> Style:
    return Style(f"Heading {level}")


def contents_style(level: int) -> Style:
    return Style(f"TOC {level}")


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class ParagraphSpec:
    """A paragraph style's type and spacing, in points."""

    size: float
    pitch: float  # exact line height
    before: float = 0
    after: float = 0
    bold: bool = False
    italic: bool = False
    colour: str = "text"  # a theme colour role: text, primary, muted
    heading: bool = False  # set in the heading fonts; the page model keeps it off a page's foot
    keep_with_next: bool = False
    keep_lines: bool = False  # never split across pages
    left: float = 0
    right: float = 0
    hanging: float = 0
    align: Align = Align.LEFT  # body text alone is justified
    custom: bool = True  # added by us, not in Word's default set

    @property
    def indent(self) -> float:
        """The width the indents take from every line but a hanging first one."""
        return self.left + self.right


# Space around a picture in its own paragraph (the Figure style's space before).
PICTURE_PADDING_PT = 4.0
# Table cell margins (the table style's): top and bottom each, left and right each, in twips.
CELL_MARGIN_TWIPS = 57
CELL_SIDE_MARGIN_TWIPS = 85
CELL_PADDING_PT = 2 * CELL_MARGIN_TWIPS / 20 + 0.5  # top and bottom margins and the rule between rows
CELL_SIDES_PT = 2 * CELL_SIDE_MARGIN_TWIPS / 20
# Level-0 indent of the bullet list (numbering.xml: left 360 twips).
LIST_INDENT_PT = 18.0
HEADER_FOOTER_PT = 8.5

BODY_PT = 10.5  # 五号, the usual body size of a Chinese document
TABLE_PT = 9.0
SPECS: dict[Style, ParagraphSpec] = {
    Style.NORMAL: ParagraphSpec(BODY_PT, 18, after=6, align=Align.JUSTIFY, custom=False),
    Style.TITLE: ParagraphSpec(26, 36, after=10, bold=True, colour="primary", heading=True, custom=False),
    Style.SUBTITLE: ParagraphSpec(15, 24, after=18, colour="muted", custom=False),
    Style.HEADING_1: ParagraphSpec(16, 26, before=18, after=8, bold=True, colour="primary", heading=True,
                                   keep_with_next=True, custom=False),
    Style.HEADING_2: ParagraphSpec(13, 22, before=12, after=6, bold=True, colour="primary", heading=True,
                                   keep_with_next=True, custom=False),
    Style.TOC_HEADING: ParagraphSpec(16, 26, after=12, bold=True, colour="primary", heading=True, custom=False),
    Style.CAPTION: ParagraphSpec(9, 14, before=4, after=4, colour="muted", custom=False),
    # A quote stays whole, and with its attribution.
    Style.QUOTE: ParagraphSpec(BODY_PT, 18, before=6, after=2, keep_with_next=True, keep_lines=True, left=24,
                               right=24, custom=False),
    Style.LIST_BULLET: ParagraphSpec(BODY_PT, 18, after=3, left=LIST_INDENT_PT, custom=False),
    Style.COVER_LINE: ParagraphSpec(12, 20, after=4),
    Style.ATTRIBUTION: ParagraphSpec(BODY_PT, 18, after=10, colour="muted", keep_lines=True, align=Align.RIGHT),
    Style.SOURCE_NOTE: ParagraphSpec(8.5, 13, after=10, colour="muted"),
    Style.CAVEAT: ParagraphSpec(9, 15, after=6, italic=True, colour="muted", left=25.5),
    Style.TABLE_TEXT: ParagraphSpec(TABLE_PT, 14),
    Style.SOURCE_ENTRY: ParagraphSpec(BODY_PT, 18, after=4, left=25.5, hanging=25.5),
    Style.TOC_1: ParagraphSpec(BODY_PT, 20, after=4, bold=True),
    Style.TOC_2: ParagraphSpec(BODY_PT, 20, after=2, left=21),
}
