"""Inserting an element where the OOXML schema wants it among its siblings.

Word rejects a file whose children come in the wrong order, so an element
is placed before the first sibling that the schema says must follow it.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml.ns import qn


def insert_before_any(parent, element, successors: Iterable[str]) -> None:
    """Append element to parent, but ahead of any child named in successors (w:xxx)."""
    tags = {qn(name) for name in successors}
    follower = next((child for child in parent if child.tag in tags), None)
    if follower is not None:
        follower.addprevious(element)
    else:
        parent.append(element)
