"""Opening the deck: python-pptx's default or a company's template, made ready for slides.

- Slides already in the template are removed cleanly (their relationships
  go with them, so no part is left dangling).
- A template of another size is scaled to the 16:9 page the planner lays
  out, masters and layouts with it, as PowerPoint does when the size changes.
- Layouts are found by name, with fallbacks; a missing one is reported once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from briefing.deck import geometry as g
from briefing.deck.metadata import forget_template_format, label_page_size
from briefing.ooxml.library_private import slide_id_list
from briefing.ooxml.templatefile import library_opening
from briefing.ooxml.templatelinks import drop_external_links
from briefing.outline.model import SlideLayoutRole

# The layout each kind of slide asks for, then what it falls back to.
DEFAULT_LAYOUTS: dict[SlideLayoutRole, tuple[str, ...]] = {
    SlideLayoutRole.TITLE: ("Title Slide",),
    SlideLayoutRole.SECTION: ("Section Header", "Title Only", "Title Slide"),
    SlideLayoutRole.POINTS: ("Title and Content", "Title Only"),  # points go in its body placeholder
    SlideLayoutRole.CHART: ("Title Only", "Title and Content"),
    SlideLayoutRole.TIMELINE: ("Title Only", "Title and Content"),
    SlideLayoutRole.QUOTE: ("Title and Content", "Title Only"),
    SlideLayoutRole.SOURCES: ("Title and Content", "Title Only"),
}
_OFFSET_TAGS = {qn("a:off"), qn("a:ext")}  # a group's chOff/chExt stay: its children keep their frame
_RELATIONSHIP_ID = qn("r:id")
# The frame of each top-level shape of a master or layout: a group's children are placed in the group's own frame.
_TOP_LEVEL_FRAMES = etree.XPath(
    "./p:cSld/p:spTree/*/p:spPr/a:xfrm | ./p:cSld/p:spTree/*/p:xfrm | ./p:cSld/p:spTree/p:grpSp/p:grpSpPr/a:xfrm",
    namespaces={"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
                "a": "http://schemas.openxmlformats.org/drawingml/2006/main"})


def open_deck(template: Path | None) -> Any:
    with library_opening(template, ".pptx"):
        deck = Presentation(str(template) if template else None)
    _remove_slides(deck)
    if template is not None:
        drop_external_links(deck.part.package)
    _scale_to(deck, Pt(g.SLIDE_WIDTH_PT), Pt(g.SLIDE_HEIGHT_PT))
    label_page_size(deck)
    forget_template_format(deck)
    return deck


def _remove_slides(deck: Any) -> None:
    slide_ids = slide_id_list(deck)
    for slide_id in list(slide_ids):
        deck.part.drop_rel(slide_id.get(_RELATIONSHIP_ID))
        slide_ids.remove(slide_id)


def _scale_to(deck: Any, width: int, height: int) -> None:
    """Resize the page, moving and stretching every master and layout shape in proportion.

    Works on the positions in the XML (one XPath per master or layout): python-pptx's shape
    objects took a tenth of a second for the 4:3 default template alone.
    """
    if deck.slide_width == width and deck.slide_height == height:
        return
    x, y = width / deck.slide_width, height / deck.slide_height
    deck.slide_width, deck.slide_height = width, height
    for master in deck.slide_masters:
        for holder in (master, *master.slide_layouts):
            for frame in _TOP_LEVEL_FRAMES(holder.element):
                for child in frame:
                    for attribute, scale in (("x", x), ("y", y), ("cx", x), ("cy", y)):
                        if child.tag in _OFFSET_TAGS and attribute in child.attrib:
                            child.set(attribute, str(int(int(child.get(attribute)) * scale)))


class Layouts:
    """Finds each kind of slide's layout by name; says once when it had to fall back."""

    def __init__(self, deck: Any, names: dict[SlideLayoutRole, str]):
        self.by_name = {layout.name: layout for layout in deck.slide_layouts}
        self.names = names
        self.fallback = next((layout for layout in deck.slide_layouts if _has_title(layout)),
                             deck.slide_layouts[0])
        self.warnings: list[str] = []
        self._chosen: dict[SlideLayoutRole, Any] = {}
        self._slots: dict[tuple[str, tuple[str, ...]], tuple[str, int] | None] = {}

    def for_role(self, role: SlideLayoutRole) -> Any:
        if role not in self._chosen:
            self._chosen[role] = self._find(role)
        return self._chosen[role]

    def slot(self, layout: Any, kinds: tuple[str, ...]) -> tuple[str, int] | None:
        """placeholder_slot(), looked up once per layout: every slide on a layout asks the same."""
        key = (layout.part.partname, kinds)
        if key not in self._slots:
            self._slots[key] = placeholder_slot(layout, kinds)
        return self._slots[key]

    def _find(self, role: SlideLayoutRole) -> Any:
        wanted = (self.names[role],) if role in self.names else ()
        for name in (*wanted, *DEFAULT_LAYOUTS[role]):
            if name in self.by_name:
                if wanted and name != wanted[0]:
                    self._warn(role, wanted[0], name)
                return self.by_name[name]
        self._warn(role, (wanted or DEFAULT_LAYOUTS[role])[0], self.fallback.name)
        return self.fallback

    def _warn(self, role: SlideLayoutRole, wanted: str, used: str) -> None:
        self.warnings.append(f"the template has no layout '{wanted}' for {role.value} slides; using '{used}'")


def placeholder_slot(layout: Any, kinds: tuple[str, ...]) -> tuple[str, int] | None:
    """(type, idx) of the layout's first placeholder of one of these kinds ('title', 'subTitle', ...)."""
    for shape in layout.placeholders:
        ph = shape.element.ph
        kind = ph.get("type", "obj")  # a placeholder without a type is a content ('obj') one
        if kind in kinds:
            return kind, int(ph.get("idx", "0"))
    return None


def _has_title(layout: Any) -> bool:
    return placeholder_slot(layout, ("title", "ctrTitle")) is not None
