"""Word styles from the theme: Latin and East Asian fonts, language, colours, sizes.

python-docx's ``Font.name`` fills only the Latin slots of ``w:rFonts``;
Chinese text is set in the East Asian slot, so every style gets both, and a
``w:lang`` that tells Word which language the text is in.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

from briefing.outline.model import Locale, Theme
from briefing.properties import language_tag

PAGE_WIDTH = Cm(21.0)
PAGE_HEIGHT = Cm(29.7)
MARGIN = Cm(2.2)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN

BODY_PT = 10.5  # 五号, the usual body size of a Chinese document
# (style name, size in pt, bold, colour role, space before, space after)
_STYLE_SIZES = {
    "Title": (26, True, "primary", 0, 12),
    "Subtitle": (15, False, "muted", 0, 18),
    "Heading 1": (16, True, "primary", 18, 8),
    "Heading 2": (13, True, "primary", 12, 6),
    "Heading 3": (11.5, True, "text", 10, 4),
    "Caption": (9, False, "muted", 4, 12),
    "Quote": (BODY_PT, False, "text", 6, 2),
    "List Bullet": (BODY_PT, False, "text", 0, 3),
}
# Elements that must follow w:lang inside w:rPr (schema order).
_AFTER_LANG = {qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath")}


def language_tags(locale: Locale) -> tuple[str, str]:
    """(w:lang/@w:val, w:lang/@w:eastAsia) for the outline's locale."""
    return (language_tag(locale), "zh-CN")


def set_fonts(rpr, latin: str, east_asian: str, locale: Locale) -> None:
    """Fill every font slot and the language of a w:rPr element."""
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    # A theme font attribute would override the names set above.
    for slot in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(slot), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        successor = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if successor is not None:
            successor.addprevious(lang)
        else:
            rpr.append(lang)
    value, east_asian_tag = language_tags(locale)
    lang.set(qn("w:val"), value)
    lang.set(qn("w:eastAsia"), east_asian_tag)


def _default_run_properties(document: Document):
    """w:docDefaults/w:rPrDefault/w:rPr, created if the template lacks it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def _style_fonts(style: BaseStyle, theme: Theme, locale: Locale, heading: bool) -> None:
    latin = theme.heading_latin_font if heading else theme.latin_font
    east_asian = theme.heading_east_asian_font if heading else theme.east_asian_font
    set_fonts(style.element.get_or_add_rPr(), latin, east_asian, locale)


def apply_theme(document: Document, theme: Theme, locale: Locale) -> None:
    """Page setup, document defaults and every style the writer uses."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN

    set_fonts(_default_run_properties(document), theme.latin_font, theme.east_asian_font, locale)

    colours = {
        "primary": RGBColor.from_string(theme.primary_color),
        "muted": RGBColor.from_string(theme.muted_color),
        "text": RGBColor.from_string(theme.text_color),
    }
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.color.rgb = colours["text"]
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.3
    _style_fonts(normal, theme, locale, heading=False)
    for name, (size, bold, colour, before, after) in _STYLE_SIZES.items():
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = colours[colour]
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        _style_fonts(style, theme, locale, heading=name.startswith(("Heading", "Title")))
    _remove_title_border(document)
    _add_style(document, "Attribution", "Normal", colours["muted"], theme, locale)
    _add_style(document, "Source Note", "Normal", colours["muted"], theme, locale, size=8.5)


def _add_style(
    document: Document, name: str, base: str, colour: RGBColor, theme: Theme, locale: Locale,
    size: float = BODY_PT,
) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.font.size = Pt(size)
    style.font.color.rgb = colour
    _style_fonts(style, theme, locale, heading=False)


def _remove_title_border(document: Document) -> None:
    """The default template underlines Title with a blue rule that ignores the theme."""
    ppr = document.styles["Title"].element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
