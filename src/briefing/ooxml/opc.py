"""Saving a python-docx or python-pptx package in one pass, reproducibly.

The libraries' own ``save`` stamps every zip entry with the current time and
serialises each relationship through lxml objects; making that reproducible
afterwards meant unzipping and zipping the whole file again. Here the parts
are zipped once, with a fixed timestamp, and the relationship files are
written as text: for a 2000-slide deck that is most of a second saved.

Both libraries share the same package model (parts with a name, a content
type, a blob and relationships), so one function serves the two.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from briefing.ooxml.library_private import package_relationships
from briefing.ooxml.reproducible import (
    reproducible_zip,
    stamp_core_properties,
    zip_entries,
)
from briefing.ooxml.xmltext import escape

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_NAME = "/docProps/app.xml"


def save_package(package: Any, when: datetime, extended: bytes, held_back: Collection[Any] = ()) -> bytes:
    """The .docx or .pptx bytes of a python-docx / python-pptx package, every entry dated `when`.

    extended: the file's docProps/app.xml (its counts and titles), in place of the template's.
    A template's thumbnail, a picture of the template, is left out.
    held_back: parts left out for now, whose content is not there yet (see add_parts).
    """
    relationships = package_relationships(package)
    thumbnails = {rel.target_part for rel in relationships if rel.reltype == _THUMBNAIL and not rel.is_external}
    kept = [rel for rel in relationships if rel.reltype != _THUMBNAIL]
    parts = [part for part in package.iter_parts() if part not in thumbnails]
    app = next((rel.target_part for rel in kept if rel.reltype == _EXTENDED and not rel.is_external), None)
    return zip_entries(_entries(parts, kept, app, extended, when, held_back), when)


def add_parts(saved: bytes, parts: Collection[Any], when: datetime) -> bytes:
    """The package saved with these parts held back, now with them."""
    return zip_entries(_part_entries(parts, when), when, onto=saved)


def _entries(parts: list[Any], relationships: list[Any], app: Any, extended: bytes, when: datetime,
             held_back: Collection[Any]) -> Iterator[tuple[str, bytes]]:
    if app is None:  # a template without docProps/app.xml: one is added
        added = [(_APP_NAME, _EXTENDED_TYPE)]
        relationship = f'<Relationship Id="{_unused_id(relationships)}" Type="{_EXTENDED}" Target="{_APP_NAME[1:]}"/>'
    else:
        added, relationship = [], ""
    yield "[Content_Types].xml", _content_types(parts, added)
    yield "_rels/.rels", _relationships("/", relationships, relationship)
    if app is None:
        yield _APP_NAME[1:], extended
    yield from _part_entries([part for part in parts if part not in held_back], when, {app: extended})


def _part_entries(parts: Iterable[Any], when: datetime, replaced: dict[Any, bytes] | None = None
                  ) -> Iterator[tuple[str, bytes]]:
    for part in parts:
        name = str(part.partname)
        blob = replaced[part] if replaced and part in replaced else part.blob
        if name.endswith(".xlsx"):
            blob = reproducible_zip(blob, when)  # the workbook behind a chart carries its own dates
        yield name[1:], stamp_core_properties(name, blob, when)
        if len(part.rels):
            folder, file = posixpath.split(name)
            yield f"{folder[1:]}/_rels/{file}.rels", _relationships(folder, part.rels.values())


def _unused_id(relationships: list[Any]) -> str:
    taken = {rel.rId for rel in relationships}
    return next(f"rId{n}" for n in range(len(taken) + 1, 2 * len(taken) + 2) if f"rId{n}" not in taken)


def _relationships(source_folder: str, relationships: Any, extra: str = "") -> bytes:
    lines = []
    for rel in sorted(relationships, key=lambda r: (len(r.rId), r.rId)):  # rId2 before rId10
        if rel.is_external:
            target, mode = escape(rel.target_ref), ' TargetMode="External"'
        else:
            target, mode = _relative(source_folder, str(rel.target_part.partname)), ""
        lines.append(f'<Relationship Id="{rel.rId}" Type="{rel.reltype}" Target="{target}"{mode}/>')
    return f'{_HEADER}<Relationships xmlns="{_RELATIONSHIPS}">{"".join(lines)}{extra}</Relationships>'.encode()


def _relative(source_folder: str, target: str) -> str:
    folder, file = posixpath.split(target)
    return f"{_relative_folder(source_folder, folder)}{file}"


@lru_cache(maxsize=256)  # a package has a handful of folders, related thousands of times
def _relative_folder(source: str, target: str) -> str:
    relative = posixpath.relpath(target, source)
    return "" if relative == "." else relative + "/"


def _content_types(parts: list[Any], added: list[tuple[str, str]]) -> bytes:
    """Binary parts (images, workbooks) by extension, XML parts one by one; added: (name, type) of
    parts not in the package model."""
    defaults = {"rels": _RELS_TYPE, "xml": "application/xml"}
    overrides = []
    for part in parts:
        name = str(part.partname)
        extension = name.rpartition(".")[2].lower()
        if extension != "xml" and defaults.setdefault(extension, part.content_type) == part.content_type:
            continue
        overrides.append(f'<Override PartName="{name}" ContentType="{part.content_type}"/>')
    overrides.extend(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in added)
    types = "".join(f'<Default Extension="{ext}" ContentType="{kind}"/>' for ext, kind in defaults.items())
    return (f'{_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'{types}{"".join(overrides)}</Types>').encode()
