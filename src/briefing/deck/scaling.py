"""Keeping python-pptx linear as a deck grows.

Three of python-pptx's helpers look at the whole presentation each time a
slide is added, so a deck of n slides costs n² (a 2000-slide deck spent
most of a minute there):

- ``Package.next_partname`` walks every part of the package to name a new
  notes slide or chart;
- the presentation's relationships regroup all of themselves by type
  before each new slide is related to it;
- the next slide id is the largest of all slide ids, found anew each time.

``make_appends_linear`` replaces the first two, for one presentation, with
versions that remember what they have seen, and ``SlideAppender`` counts
slide ids. Each only ever answers what the original would: the next free
part name, the relationships of a type or to a target, the next slide id.
The slides themselves are ``DrawnPart``s, whose XML the renderer writes.
"""

from __future__ import annotations

import collections
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, _Relationships
from pptx.opc.packuri import PackURI


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


class _IndexedRelationships(_Relationships):
    """Relationships that keep indexes by type and by target up to date instead of rebuilding them."""

    _by_type: dict[str, list[Any]] | None = None
    _by_target: dict[tuple[str, bool, Any], str] | None = None

    def _build_indexes(self) -> None:
        self._by_type = collections.defaultdict(list)
        self._by_target = {}
        for relationship in self.values():
            self._remember(relationship)

    def _remember(self, relationship: Any) -> None:
        assert self._by_type is not None and self._by_target is not None
        self._by_type[relationship.reltype].append(relationship)
        target = relationship.target_ref if relationship.is_external else relationship.target_part
        self._by_target.setdefault((relationship.reltype, relationship.is_external, target), relationship.rId)

    @property
    def _rels_by_reltype(self) -> dict[str, list[Any]]:
        if self._by_type is None:
            self._build_indexes()
        assert self._by_type is not None
        return self._by_type

    def _get_matching(self, reltype: str, target: Any, is_external: bool = False) -> str | None:
        if self._by_target is None:
            self._build_indexes()
        assert self._by_target is not None
        return self._by_target.get((reltype, is_external, target))

    def _add_relationship(self, reltype: str, target: Any, is_external: bool = False) -> str:
        rId = super()._add_relationship(reltype, target, is_external)
        if self._by_type is not None:
            self._remember(self._rels[rId])
        return rId

    def pop(self, rId: str) -> Any:
        self._by_type = self._by_target = None
        return super().pop(rId)


def make_appends_linear(presentation: Any) -> None:
    """Make adding slides, notes and charts to this presentation cost the same at any size."""
    package = presentation.part.package
    package.next_partname = _PartNames(package).next_partname
    presentation.part.rels.__class__ = _IndexedRelationships


class DrawnPart(Part):
    """A slide or notes page whose XML is written as text (see drawing.py), not as python-pptx objects."""

    def set_xml(self, xml: bytes) -> None:
        self._blob = xml  # Part.blob serves this when the package is saved


class SlideAppender:
    """Adds slides as parts of their own: python-pptx's add_slide without its shape objects or
    its scan of every slide id. Each slide comes with its notes page, related both ways."""

    def __init__(self, presentation: Any):
        self.presentation = presentation
        self.package = presentation.part.package
        ids = [int(s) for s in presentation.slides._sldIdLst.xpath("./p:sldId/@id")]
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
        rId = self.presentation.part.relate_to(slide, RT.SLIDE)
        self.presentation.slides._sldIdLst._add_sldId(id=self.next_id, rId=rId)
        self.next_id += 1
        self.count += 1
        return slide, notes
