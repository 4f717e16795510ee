"""A template's settings, styles, numbering and page setup, made valid against the OOXML schema.

Word opens files the schema refuses, so templates carry such parts:
pandoc's reference.docx has settings and style elements out of order and
page margins without the header, footer and gutter distances; python-docx's
own template has a zoom without a percentage. The files we hand out must be
valid whoever wrote the part, so the template is mended once, when it is
opened, before anything is added to it (what the writer adds, it puts in
order itself).
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from briefing.document.styles import HEADER_FOOTER_DISTANCE, MARGIN
from briefing.document.xmlorder import (
    CELL_PROPERTIES,
    NUMBERING,
    PARAGRAPH_PROPERTIES,
    SETTINGS,
    STYLE,
    TABLE_PROPERTIES,
    TABLE_STYLE_PART,
    put_in_order,
)
from briefing.ooxml.library_private import part_element

# The children whose order the schema fixes, in styles.xml and numbering.xml.
_SEQUENCES = {
    qn("w:style"): STYLE, qn("w:tblStylePr"): TABLE_STYLE_PART, qn("w:pPr"): PARAGRAPH_PROPERTIES,
    qn("w:tblPr"): TABLE_PROPERTIES, qn("w:tcPr"): CELL_PROPERTIES,
}
_TWIPS = 635  # EMU


def conform(document: Document, from_template: bool) -> None:
    """Mend the template's parts in place (from_template: a company's, not python-docx's own)."""
    _settings(document.settings.element)
    _page_margins(document)
    if not from_template:
        return  # python-docx's styles and lists are in order (the tests validate every build): 5 ms saved
    _in_order(document.styles.element)
    try:
        numbering = part_element(document.part.part_related_by(RT.NUMBERING))
    except KeyError:
        return  # no numbering part: the writer adds one, in order
    # check_template refused a numbering part of another content type, which python-docx reads as bytes.
    assert numbering is not None
    put_in_order(numbering, NUMBERING)
    _in_order(numbering)


def _settings(settings) -> None:
    put_in_order(settings, SETTINGS)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")
    # Word would ask to update the fields each time the file opens; the contents are written
    # with their page numbers (see fields.table_of_contents).
    for element in settings.findall(qn("w:updateFields")):
        settings.remove(element)


def _in_order(part) -> None:
    for element in part.iter(*_SEQUENCES):
        put_in_order(element, _SEQUENCES[element.tag])


def _page_margins(document: Document) -> None:
    """Every w:pgMar states all seven distances, as the schema requires: ours where the template has none."""
    margin, distance = str(MARGIN // _TWIPS), str(HEADER_FOOTER_DISTANCE // _TWIPS)
    defaults = {"w:top": margin, "w:bottom": margin, "w:left": margin, "w:right": margin,
                "w:header": distance, "w:footer": distance, "w:gutter": "0"}
    for margins in document.element.find(qn("w:body")).iter(qn("w:pgMar")):
        for name, value in defaults.items():
            if margins.get(qn(name)) is None:
                margins.set(qn(name), value)
