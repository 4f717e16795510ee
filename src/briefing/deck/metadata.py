"""What the deck says about itself: docProps/app.xml, and the label of its page size.

python-pptx keeps its template's app.xml ("Microsoft Macintosh PowerPoint",
0 slides, "On-screen Show (4:3)", its theme's title) and, when the page is
resized to 16:9, the template's size label (type="screen4x3"). A template
saved by LibreOffice also keeps its page's format as a custom property.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from briefing.ooxml.library_private import package_relationships
from briefing.ooxml.properties import extended_properties

# The page sizes ST_SlideSizeType names (EMU). Any other size has no type, which means custom:
# that is how PowerPoint writes its own 13.33 x 7.5 in widescreen page.
_NAMED_SIZES = {(9144000, 6858000): "screen4x3", (9144000, 5143500): "screen16x9", (9144000, 5715000): "screen16x10"}
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
# The format PowerPoint's properties show, by the page's proportions.
_FORMATS = {Fraction(16, 9): "On-screen Show (16:9)", Fraction(4, 3): "On-screen Show (4:3)",
            Fraction(16, 10): "On-screen Show (16:10)"}


def label_page_size(deck: Any) -> None:
    """p:sldSz/@type says what the page size is, or is left out for a size it has no name for."""
    size = deck.element.find(qn("p:sldSz"))
    kind = _NAMED_SIZES.get((deck.slide_width, deck.slide_height))
    if kind is None:
        size.attrib.pop("type", None)
    else:
        size.set("type", kind)


def forget_template_format(deck: Any) -> None:
    """Drop the custom property "PresentationFormat" LibreOffice keeps: it names the template's page."""
    for part in (rel.target_part for rel in package_relationships(deck.part.package)
                 if rel.reltype == RT.CUSTOM_PROPERTIES):
        properties = etree.fromstring(part.blob)
        stale = properties.findall(f"{{{_CUSTOM}}}property[@name='PresentationFormat']")
        if stale:
            for element in stale:
                properties.remove(element)
            part.blob = etree.tostring(properties, xml_declaration=True, encoding="UTF-8", standalone=True)


def presentation_format(width: int, height: int) -> str:
    return _FORMATS.get(Fraction(width, height), "Custom")


def deck_properties(deck: Any, titles: list[str], notes: int) -> bytes:
    """docProps/app.xml for the deck: its format, its slides and notes pages, its themes' and slides' titles."""
    themes = [etree.fromstring(master.part.part_related_by(RT.THEME).blob).get("name", "")
              for master in deck.slide_masters]
    values: dict[str, str | int] = {"PresentationFormat": presentation_format(deck.slide_width, deck.slide_height),
                                    "Slides": len(titles), "Notes": notes, "HiddenSlides": 0}
    return extended_properties(values, [("Theme", themes), ("Slide Titles", titles)])
