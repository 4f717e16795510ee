"""Keeping python-pptx linear as a deck grows.

Three of python-pptx's helpers look at the whole presentation each time a
slide is added, so a deck of n slides costs n² (a 2000-slide deck spent
most of a minute there):

- ``Package.next_partname`` walks every part of the package to name a new
  notes slide or chart;
- ``relate_to`` regroups all of the presentation's relationships by type,
  looking for one to the new slide, before relating it;
- the next slide id is the largest of all slide ids, found anew each time.

Here the package is given part names by ``_PartNames``, which remembers
the names it has seen and handed out; a new slide is related to the
presentation without the search, as nothing can be related to it yet; and
``SlideAppender`` counts slide ids. Each only ever answers what the
original would: the next free part name, the relationship's id, the next
slide id. The slides themselves are ``DrawnPart``s, whose XML the renderer
writes. What this needs of python-pptx beyond its API is in
ooxml/library_private.py.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from briefing.ooxml.library_private import relate_new_part, slide_id_list, use_part_names

_SLIDE_ID, _RELATIONSHIP_ID = qn("p:sldId"), qn("r:id")


class _PartNames:
    """Hands out free part names per template, knowing every name already taken."""

    def __init__(self, package: Any):
        self.taken = {part.partname for part in package.iter_parts()}
        self.next_number: dict[str, int] = {}

    def next_partname(self, template: str) -> PackURI:
        number = self.next_number.get(template, 1)
        while template % number in self.taken:
            number += 1
        name = template % number
        self.taken.add(name)
        self.next_number[template] = number + 1
        return PackURI(name)


def make_appends_linear(presentation: Any) -> None:
    """Make naming the parts of slides, notes and charts added to this presentation cost the same at any size."""
    package = presentation.part.package
    use_part_names(package, _PartNames(package).next_partname)


class DrawnPart(Part):
    """A slide or notes page whose XML is written as text (see drawing.py), not as python-pptx objects."""

    def set_xml(self, xml: bytes) -> None:
        self.blob = xml


class SlideAppender:
    """Adds slides as parts of their own: python-pptx's add_slide without its shape objects or
    its scan of every slide id. Each slide comes with its notes page, related both ways."""

    def __init__(self, presentation: Any):
        self.presentation = presentation
        self.package = presentation.part.package
        self.slide_ids = slide_id_list(presentation)
        ids = [int(value) for value in (slide_id.get("id") for slide_id in self.slide_ids.iterchildren(_SLIDE_ID))
               if value is not None]
        self.next_id = max([255, *ids]) + 1  # slide ids start at 256
        self.count = len(ids)
        self.notes_master = presentation.part.notes_master_part  # made from python-pptx's default if missing

    def add(self, layout: Any) -> tuple[DrawnPart, DrawnPart]:
        """A new last slide on this layout and its notes page, both still without XML."""
        slide = DrawnPart(self.package.next_partname("/ppt/slides/slide%d.xml"), CT.PML_SLIDE, self.package)
        slide.relate_to(layout.part, RT.SLIDE_LAYOUT)
        notes = DrawnPart(self.package.next_partname("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE,
                          self.package)
        notes.relate_to(self.notes_master, RT.NOTES_MASTER)
        notes.relate_to(slide, RT.SLIDE)
        slide.relate_to(notes, RT.NOTES_SLIDE)
        slide_id = etree.SubElement(self.slide_ids, _SLIDE_ID)
        slide_id.set("id", str(self.next_id))
        slide_id.set(_RELATIONSHIP_ID, relate_new_part(self.presentation.part, slide, RT.SLIDE))
        self.next_id += 1
        self.count += 1
        return slide, notes
