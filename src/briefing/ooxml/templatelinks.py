"""A company template's links to elsewhere are dropped: the only links in an output are the outline's.

A template can point outside itself through external relationships: Word
records the template a document was based on (``w:attachedTemplate``, a path
on a share or a web address, which Word fetches when the file opens, macros
and all), pictures can be linked instead of embedded (fetched, and the
reader's credentials with them), shapes can link to addresses. None of that
was written by the user who builds a briefing, so every external relationship
of the template's parts goes, with what refers to it: the attached template
and a shape's link go whole, a hyperlink keeps its text, any other reference
is cut. python-docx and python-pptx share this package model, so one function
serves both.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from briefing.ooxml.library_private import part_element

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Elements that are nothing but a link: removed with it.
_LINK_ONLY = {f"{{{_W}}}attachedTemplate", f"{{{_A}}}hlinkClick", f"{{{_A}}}hlinkHover"}
# A hyperlink around text: the text stays, the link goes.
_AROUND_TEXT = f"{{{_W}}}hyperlink"


def drop_external_links(package: Any) -> int:
    """Remove every external relationship of the package's parts, and what refers to it; how many."""
    dropped = 0
    for part in package.iter_parts():
        external = {rid for rid, relationship in part.rels.items() if relationship.is_external}
        if not external:
            continue
        root = part_element(part)
        if root is not None:
            _unlink(root, external)
        for rid in external:
            part.rels.pop(rid)
        dropped += len(external)
    return dropped


def _unlink(root: etree._Element, relationships: set[str]) -> None:
    """Take out of root every reference to these relationship ids."""
    for element in list(root.iter()):
        referring = [name for name, value in element.attrib.items()
                     if name.startswith(f"{{{_R}}}") and value in relationships]
        if not referring:
            continue
        if element.tag in _LINK_ONLY:
            element.getparent().remove(element)
        elif element.tag == _AROUND_TEXT:
            _unwrap(element)
        else:
            for name in referring:
                del element.attrib[name]


def _unwrap(element: etree._Element) -> None:
    """Put element's children in its place."""
    parent = element.getparent()
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    parent.remove(element)
