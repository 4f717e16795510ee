"""Colours and fonts of the deck: the outline's theme, or a company template's own.

With a template, colours and fonts the outline does not set explicitly
refer to the template's theme (accent 1, the major and minor fonts), so the
deck takes on the company's look and follows it if the theme is changed in
PowerPoint. Colours and fonts the outline sets win.
"""

from __future__ import annotations

import msgspec
from lxml import etree
from pptx.dml.color import ColorFormat, RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml.ns import qn

from briefing.deck.shapes import Role, tint_of
from briefing.ooxml.xmltext import escape
from briefing.outline.locale import language_tag
from briefing.outline.model import GivenTheme, Locale, Theme

# Each role's stand-in in a template's theme: (theme colour, brightness).
_THEME_COLOURS: dict[str, tuple[MSO_THEME_COLOR, float]] = {
    "primary": (MSO_THEME_COLOR.ACCENT_1, 0.0),
    "accent": (MSO_THEME_COLOR.ACCENT_2, 0.0),
    "text": (MSO_THEME_COLOR.TEXT_1, 0.0),
    "muted": (MSO_THEME_COLOR.TEXT_1, 0.4),
    "tint": (MSO_THEME_COLOR.ACCENT_1, 0.92),  # panels behind figures, quotes and what a section holds
}
_SCHEME_NAMES = {MSO_THEME_COLOR.ACCENT_1: "accent1", MSO_THEME_COLOR.ACCENT_2: "accent2",
                 MSO_THEME_COLOR.TEXT_1: "tx1"}
_FIELDS = {"primary": "primary_color", "accent": "accent_color", "text": "text_color", "muted": "muted_color"}
# Children of a:rPr that the schema places after the font elements.
_AFTER_FONTS = {qn("a:sym"), qn("a:hlinkClick"), qn("a:hlinkMouseOver"), qn("a:rtl"), qn("a:extLst")}


class Look:
    def __init__(self, theme: Theme, locale: Locale, templated: bool):
        self.theme = theme
        self.lang = language_tag(locale)
        # With a template, only what the outline says itself overrides the template's theme.
        given = theme.given if isinstance(theme, GivenTheme) else frozenset()
        self.explicit = given if templated else {field.name for field in msgspec.structs.fields(Theme)}
        self._runs: dict[tuple[float, Role, bool, bool], str] = {}

    def hex(self, role: Role) -> str | None:
        """The role's colour as hex, or None when it is the template's theme colour."""
        if role == "white":
            return "FFFFFF"
        if role == "tint":
            primary = self.hex("primary")
            return None if primary is None else tint_of(primary)
        field = _FIELDS[role]
        return getattr(self.theme, field) if field in self.explicit else None

    def paint(self, colour: ColorFormat, role: Role) -> None:
        value = self.hex(role)
        if value is not None:
            colour.rgb = RGBColor.from_string(value)
            return
        theme_colour, brightness = _THEME_COLOURS[role]
        colour.theme_color = theme_colour
        if brightness:
            colour.brightness = brightness

    def colour(self, role: Role) -> str:
        """The role's colour as an a:srgbClr or a:schemeClr element, for shapes written as XML."""
        value = self.hex(role)
        if value is not None:
            return f'<a:srgbClr val="{value}"/>'
        theme_colour, brightness = _THEME_COLOURS[role]
        scheme = _SCHEME_NAMES[theme_colour]
        if not brightness:
            return f'<a:schemeClr val="{scheme}"/>'
        # What python-pptx writes for a brightness: the colour mixed towards white.
        lighter = round(brightness * 100000)
        return (f'<a:schemeClr val="{scheme}"><a:lumMod val="{100000 - lighter}"/>'
                f'<a:lumOff val="{lighter}"/></a:schemeClr>')

    def run_properties(self, size_pt: float, role: Role, bold: bool = False, heading: bool = False) -> str:
        """An a:rPr: size, weight, colour, the Latin, East Asian and complex-script fonts, the language.

        cap="none": some layouts set titles in capitals, and TikTok stays TikTok.
        """
        key = (size_pt, role, bold, heading)
        if key not in self._runs:  # a deck uses a dozen looks, thousands of times
            self._runs[key] = self._run_properties(*key)
        return self._runs[key]

    def _run_properties(self, size_pt: float, role: Role, bold: bool, heading: bool) -> str:
        return (f'<a:rPr lang="{self.lang}" altLang="en-US" sz="{round(size_pt * 100)}" b="{int(bold)}" cap="none">'
                f"<a:solidFill>{self.colour(role)}</a:solidFill>{self._typefaces(heading)}</a:rPr>")

    def notes_run_properties(self) -> str:
        """Speaker notes keep the notes master's size and colour; only fonts and language are set."""
        return f'<a:rPr lang="{self.lang}" altLang="en-US">{self._typefaces(heading=False)}</a:rPr>'

    def _typefaces(self, heading: bool) -> str:
        latin, east_asian = map(escape, self.faces(heading))
        return f'<a:latin typeface="{latin}"/><a:ea typeface="{east_asian}"/><a:cs typeface="{latin}"/>'

    def faces(self, heading: bool) -> tuple[str, str]:
        """(Latin, East Asian) typefaces: the outline's, or the template theme's major/minor fonts."""
        if heading:
            return self._font("heading_latin_font", "+mj-lt"), self._font("heading_east_asian_font", "+mj-ea")
        return self._font("latin_font", "+mn-lt"), self._font("east_asian_font", "+mn-ea")

    def fonts(self, rpr: etree._Element, heading: bool = False) -> None:
        """Latin, East Asian and complex-script fonts and the language of a run."""
        latin, east_asian = self.faces(heading)
        rpr.set("lang", self.lang)
        rpr.set("altLang", "en-US")
        for tag in ("a:latin", "a:ea", "a:cs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        successor = next((child for child in rpr if child.tag in _AFTER_FONTS), None)
        for tag, face in (("a:latin", latin), ("a:ea", east_asian), ("a:cs", latin)):
            element = etree.SubElement(rpr, qn(tag))
            element.set("typeface", face)
            if successor is not None:
                successor.addprevious(element)

    def _font(self, field: str, theme_font: str) -> str:
        return getattr(self.theme, field) if field in self.explicit else theme_font
