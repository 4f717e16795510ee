"""Word styles from the theme: Latin and East Asian fonts, language, colours, sizes.

python-docx's ``Font.name`` fills only the Latin slots of ``w:rFonts``;
Chinese text is set in the East Asian slot, so every style gets both, and a
``w:lang`` that tells Word which language the text is in.

Each style's size, pitch, spacing and indents come from geometry.SPECS, the
table the page model (pagination.py) measures with.

A Chinese document gets the East Asian line-breaking rules (no closing
punctuation at a line's start, none opening at its end; none hanging in the
margin), a quarter em between Chinese and Latin text or digits, and no
italic: a slanted Chinese character is a distorted one, so what is italic in
English (the publisher's caveat) keeps only its muted colour and its rule.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import (
    WD_ALIGN_PARAGRAPH,
    WD_LINE_SPACING,
    WD_TAB_ALIGNMENT,
    WD_TAB_LEADER,
)
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt, RGBColor, Twips
from docx.styles.style import BaseStyle, ParagraphStyle
from lxml import etree

from briefing.document.geometry import (
    CELL_MARGIN_TWIPS,
    CELL_SIDE_MARGIN_TWIPS,
    HEADER_FOOTER_DISTANCE_TWIPS,
    HEADER_FOOTER_PT,
    LIST_INDENT_PT,
    MARGIN_TWIPS,
    PAGE_HEIGHT_TWIPS,
    PAGE_WIDTH_TWIPS,
    PICTURE_PADDING_PT,
    SPECS,
    Align,
    PageArea,
    ParagraphSpec,
    Style,
)
from briefing.document.xmlorder import (
    NUMBERING,
    PARAGRAPH_PROPERTIES,
    insert_before_any,
    insert_in_order,
)
from briefing.ooxml.library_private import (
    add_numbering_instance,
    new_style,
    paragraph_properties,
    run_fonts,
    run_properties,
    style_proxy,
)
from briefing.outline.locale import language_tag
from briefing.outline.model import Locale, Theme

PAGE_WIDTH = Twips(PAGE_WIDTH_TWIPS)
PAGE_HEIGHT = Twips(PAGE_HEIGHT_TWIPS)
MARGIN = Twips(MARGIN_TWIPS)
HEADER_FOOTER_DISTANCE = Twips(HEADER_FOOTER_DISTANCE_TWIPS)
_ALIGNMENTS = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def page_area(document: Document) -> PageArea:
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    # apply_theme gives a section without a page size the briefing's; check_template refused a
    # template whose w:pgSz lacks a side.
    assert width is not None and height is not None
    # A margin a template leaves out is none (python-docx reads it as None).
    return PageArea(
        width - (section.left_margin or 0) - (section.right_margin or 0),
        height - (section.top_margin or 0) - (section.bottom_margin or 0),
    )


# Every paragraph style the writer uses.
USED_STYLES = (*SPECS, Style.FIGURE, Style.HEADER, Style.FOOTER)
# Elements that must follow w:lang inside w:rPr (schema order).
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


class Styles:
    """A document's styles by name, whatever their capitals: pandoc's reference.docx writes
    'Heading 1' where python-docx looks for Word's internal 'heading 1'.

    Indexed once from the XML: python-docx's own lookups (and its check before adding a
    style) make an object of every style in the template each time.
    """

    def __init__(self, document: Document):
        self.document = document
        self._by_name: dict[str, etree._Element] = {}
        for element in document.styles.element.iterchildren(_STYLE):
            name = element.find(_NAME)
            if name is not None:
                self._by_name.setdefault(name.get(_VALUE, "").lower(), element)

    def __contains__(self, name: str) -> bool:
        return name.lower() in self._by_name

    def named(self, name: str) -> BaseStyle:
        try:
            return style_proxy(self._by_name[name.lower()])
        except KeyError:
            raise KeyError(f"no style named {name!r}") from None

    def paragraph(self, name: str) -> ParagraphStyle:
        """A paragraph style by name: check_template refused a template with another kind of style by
        one of the writer's names, and those the writer adds are paragraph styles."""
        style = self.named(name)
        assert isinstance(style, ParagraphStyle), f"{name!r} is not a paragraph style"
        return style

    def add(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
        name = str(name)  # a Style is a str, but lxml is given the plain name
        element = new_style(self.document, name, kind)
        self._by_name[name.lower()] = element
        return style_proxy(element)

    def add_paragraph(self, name: str) -> ParagraphStyle:
        self.add(name, WD_STYLE_TYPE.PARAGRAPH)
        return self.paragraph(name)


_STYLE, _NAME, _VALUE = qn("w:style"), qn("w:name"), qn("w:val")


def language_tags(locale: Locale) -> tuple[str, str]:
    """(w:lang/@w:val, w:lang/@w:eastAsia): the language of Latin text, and of Chinese text.

    Latin words in a Chinese briefing (TikTok, YouTube) are English; tagging
    them zh-CN lets LibreOffice break them mid-word.
    """
    return ("en-US" if locale is Locale.ZH_CN else language_tag(locale), "zh-CN")


def set_fonts(rpr, latin: str, east_asian: str, locale: Locale) -> None:
    """Fill every font slot and the language of a w:rPr element."""
    fonts = run_fonts(rpr)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    # A theme font attribute would override the names set above.
    for slot in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(slot), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        insert_before_any(rpr, lang, _AFTER_LANG)
    value, east_asian_tag = language_tags(locale)
    lang.set(qn("w:val"), value)
    lang.set(qn("w:eastAsia"), east_asian_tag)


# East Asian line breaking, in every paragraph of a Chinese document: kinsoku (no closing punctuation
# at a line's start, no opening at its end), the space between Chinese and Latin text or digits, widow
# control. Off: punctuation hanging in the margin (overflowPunct), which mainland Chinese setting does
# not do, and which Word does unless told not to and LibreOffice only when told to (with it, 6 of 240
# test paragraphs took another line in LibreOffice than the page model says); and compressed punctuation
# at a line's start (topLinePunct), which LibreOffice has no setting for.
EAST_ASIAN_LINE_BREAKING = {"w:widowControl": True, "w:kinsoku": True, "w:overflowPunct": False,
                            "w:topLinePunct": False, "w:autoSpaceDE": True, "w:autoSpaceDN": True}


def _east_asian_line_breaking(document: Document) -> None:
    """Switch on East Asian line breaking in w:docDefaults/w:pPrDefault/w:pPr, which every paragraph inherits."""
    defaults = _doc_defaults(document)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)  # after w:rPrDefault, as the schema orders them
    properties = ppr_default.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        ppr_default.append(properties)
    for name, on in EAST_ASIAN_LINE_BREAKING.items():
        for old in properties.findall(qn(name)):
            properties.remove(old)
        element = OxmlElement(name)
        if not on:
            element.set(qn("w:val"), "0")
        insert_in_order(properties, element, PARAGRAPH_PROPERTIES)


def _doc_defaults(document: Document):
    """w:docDefaults, created if the template lacks it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    return defaults


def _default_run_properties(document: Document):
    """w:docDefaults/w:rPrDefault/w:rPr, created if the template lacks it."""
    defaults = _doc_defaults(document)
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
    set_fonts(run_properties(style.element), latin, east_asian, locale)


def apply_theme(document: Document, theme: Theme, locale: Locale, from_template: bool = False) -> Styles:
    """Page setup, document defaults and every style the writer uses; returns the styles by name.

    With a company template, its page setup and the styles it defines keep
    their look; they only gain an East Asian font where they have none, and
    the styles it lacks are added as the default theme defines them.
    """
    section = document.sections[0]
    if not from_template or section.page_width is None:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        # w:pgMar must state all seven distances.
        section.header_distance = section.footer_distance = HEADER_FOOTER_DISTANCE
        section.gutter = Emu(0)
    if locale is Locale.ZH_CN:
        _east_asian_line_breaking(document)
    defaults = _default_run_properties(document)
    if from_template:
        add_east_asian_font(defaults, theme.east_asian_font, locale)
    else:
        set_fonts(defaults, theme.latin_font, theme.east_asian_font, locale)
    colours = {
        "primary": RGBColor.from_string(theme.primary_color),
        "muted": RGBColor.from_string(theme.muted_color),
        "text": RGBColor.from_string(theme.text_color),
    }
    styles = Styles(document)
    existing = {name for name in (*SPECS, Style.HEADER, Style.FOOTER) if name in styles}  # before any is added
    text_width = Emu(page_area(document).width)
    for name, spec in SPECS.items():
        if from_template and name in existing:
            style = styles.named(name)
            add_east_asian_font(run_properties(style.element), _east_asian(theme, spec.heading), locale)
            if locale is Locale.ZH_CN:
                styles.paragraph(name).font.italic = False  # a template's Quote style often is italic
            continue
        if name in existing:
            style = styles.paragraph(name)
        else:
            style = styles.add_paragraph(name)
            style.base_style = styles.named("Normal")
        _apply_spec(style, spec, colours[spec.colour], italic=spec.italic and locale is not Locale.ZH_CN)
        _style_fonts(style, theme, locale, heading=spec.heading)
        _finish_style(styles, name, theme, text_width)
    _ensure_bullet_list(document, styles)
    _add_figure_style(styles)
    for name in (Style.HEADER, Style.FOOTER):
        if from_template and name in existing:
            continue
        style = styles.paragraph(name) if name in existing else styles.add_paragraph(name)
        style.font.size = Pt(HEADER_FOOTER_PT)
        style.font.color.rgb = colours["muted"]
        _style_fonts(style, theme, locale, heading=False)
    _add_table_style(styles, theme)
    return styles


def _east_asian(theme: Theme, heading: bool) -> str:
    return theme.heading_east_asian_font if heading else theme.east_asian_font


def add_east_asian_font(rpr, east_asian: str, locale: Locale) -> None:
    """Give a template's style a Chinese font and language where it has none, keeping the rest."""
    fonts = run_fonts(rpr)
    if fonts.get(qn("w:eastAsia")) is None and fonts.get(qn("w:eastAsiaTheme")) is None:
        fonts.set(qn("w:eastAsia"), east_asian)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        insert_before_any(rpr, lang, _AFTER_LANG)
        lang.set(qn("w:val"), language_tags(locale)[0])
    lang.set(qn("w:eastAsia"), "zh-CN")


def _finish_style(styles: Styles, name: Style, theme: Theme, text_width: Emu) -> None:
    """What some styles need beyond their spec: tab stops, rules, no title border."""
    layout = styles.paragraph(name).paragraph_format
    if name is Style.TITLE:
        _remove_title_border(styles)
    elif name is Style.CAVEAT:
        _caveat_rule(styles, theme)
    elif name is Style.SOURCE_ENTRY:
        layout.tab_stops.add_tab_stop(Pt(SPECS[Style.SOURCE_ENTRY].left))
    elif name in (Style.TOC_1, Style.TOC_2):
        layout.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _ensure_bullet_list(document: Document, styles: Styles) -> None:
    """'List Bullet' must be a real list: give it a bullet numbering definition if it has none."""
    style = styles.named(Style.LIST_BULLET)
    properties = paragraph_properties(style.element)
    if properties.find(qn("w:numPr")) is not None:
        return
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    insert_in_order(numbering, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
        f'<w:lvlJc w:val="left"/><w:pPr>'
        f'<w:ind w:left="{int(LIST_INDENT_PT * 20)}" w:hanging="{int(LIST_INDENT_PT * 20)}"/>'
        "</w:pPr></w:lvl></w:abstractNum>"
    ), NUMBERING)  # after any picture bullets and the other lists, before the w:num entries
    number = add_numbering_instance(numbering, abstract_id)
    insert_in_order(properties, parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{number}"/></w:numPr>'),
                    PARAGRAPH_PROPERTIES)


def _apply_spec(style: ParagraphStyle, spec: ParagraphSpec, colour: RGBColor, italic: bool) -> None:
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    style.font.italic = italic
    style.font.color.rgb = colour
    layout = style.paragraph_format
    layout.line_spacing = Pt(spec.pitch)
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.space_before = Pt(spec.before)
    layout.space_after = Pt(spec.after)
    layout.keep_with_next = spec.keep_with_next or None
    layout.keep_together = spec.keep_lines or None
    layout.widow_control = True
    if spec.left or spec.hanging:
        layout.left_indent = Pt(spec.left)
        layout.first_line_indent = Pt(-spec.hanging) if spec.hanging else None
    if spec.right:
        layout.right_indent = Pt(spec.right)
    layout.alignment = _ALIGNMENTS[spec.align]
    # The template suppresses spacing between list items; we want it as specified.
    properties = style.element.find(qn("w:pPr"))
    if properties is not None:
        for element in properties.findall(qn("w:contextualSpacing")):
            properties.remove(element)


def _add_figure_style(styles: Styles) -> None:
    """Pictures: centred, single line spacing (an exact pitch would crop them), kept with the caption."""
    # pandoc's reference.docx has one.
    style = styles.paragraph(Style.FIGURE) if Style.FIGURE in styles else styles.add_paragraph(Style.FIGURE)
    style.base_style = styles.named("Normal")
    layout = style.paragraph_format
    layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
    layout.keep_with_next = True
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.space_before = Pt(PICTURE_PADDING_PT)
    layout.space_after = Pt(0)


def _add_table_style(styles: Styles, theme: Theme) -> None:
    """'Briefing Table': thin horizontal rules, a header row shaded in the primary colour."""
    if "Briefing Table" in styles:
        return
    style = styles.add("Briefing Table", WD_STYLE_TYPE.TABLE)
    rule = f'w:val="single" w:sz="4" w:space="0" w:color="{theme.muted_color}"'
    margin, sides = CELL_MARGIN_TWIPS, CELL_SIDE_MARGIN_TWIPS
    style.element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblBorders>'
        f"<w:top {rule}/><w:bottom {rule}/><w:insideH {rule}/>"
        "</w:tblBorders><w:tblCellMar>"
        f'<w:top w:w="{margin}" w:type="dxa"/><w:left w:w="{sides}" w:type="dxa"/>'
        f'<w:bottom w:w="{margin}" w:type="dxa"/><w:right w:w="{sides}" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    ))
    style.element.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow">'
        '<w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{theme.primary_color}"/></w:tcPr>'
        "</w:tblStylePr>"
    ))


def _caveat_rule(styles: Styles, theme: Theme) -> None:
    """The publisher's caveat stands out: a bar in the accent colour beside it."""
    properties = paragraph_properties(styles.named(Style.CAVEAT).element)
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="8" '
        f'w:color="{theme.accent_color}"/></w:pBdr>'
    )
    insert_in_order(properties, border, PARAGRAPH_PROPERTIES)


def _remove_title_border(styles: Styles) -> None:
    """The default template underlines Title with a blue rule that ignores the theme."""
    ppr = styles.named(Style.TITLE).element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
