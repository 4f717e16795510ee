"""Slide shapes written as DrawingML text, without python-pptx's shape objects.

python-pptx builds every shape from parsed templates and sets each property
through XPath lookups: about 10 ms a slide. A slide here is one string put
together from the pieces below, so a deck costs the same per slide at any
size. The XML is what python-pptx would write for the same shapes (text
boxes, rectangles, connectors, pictures, chart frames, placeholders), and
tests reopen it with python-pptx and LibreOffice.

Lengths are points (as in geometry.py); DrawingML wants EMU (12700 a point)
and hundredths of a point for font sizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from briefing.deck.geometry import Box
from briefing.ooxml.xmltext import escape

NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"

Align = Literal["l", "ctr", "r"]
Anchor = Literal["t", "ctr", "b"]



def emu(points: float) -> int:
    return round(points * 12700)


def transform(box: Box, tag: str = "a:xfrm", flip_vertical: bool = False) -> str:
    flip = ' flipV="1"' if flip_vertical else ""
    return (f'<{tag}{flip}><a:off x="{emu(box.left_pt)}" y="{emu(box.top_pt)}"/>'
            f'<a:ext cx="{emu(box.width_pt)}" cy="{emu(box.height_pt)}"/></{tag}>')


def solid_fill(colour: str) -> str:
    """colour: an a:srgbClr or a:schemeClr element (see look.Look.colour)."""
    return f"<a:solidFill>{colour}</a:solidFill>"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its lines (joined by line breaks) in one run look."""

    text: str
    run_properties: str  # an a:rPr element
    align: Align = "l"
    line_spacing: float = 1.0
    space_after_pt: float = 0.0
    bullet: str | None = None  # a:buClr/a:buFont/a:buChar children, or None for no bullet
    indent_pt: float = 0.0
    slide_number: int | None = None  # a slidenum field showing this number instead of text


def paragraph(spec: Paragraph) -> str:
    margin = emu(spec.indent_pt)
    # No space before: a body placeholder would otherwise take the master's, which the planner did not measure.
    spacing = (f'<a:lnSpc><a:spcPct val="{round(spec.line_spacing * 100000)}"/></a:lnSpc>'
               '<a:spcBef><a:spcPts val="0"/></a:spcBef>')
    if spec.space_after_pt:
        spacing += f'<a:spcAft><a:spcPts val="{round(spec.space_after_pt * 100)}"/></a:spcAft>'
    bullet = spec.bullet if spec.bullet is not None else "<a:buNone/>"
    head = f'<a:p><a:pPr marL="{margin}" indent="{-margin}" algn="{spec.align}">{spacing}{bullet}</a:pPr>'
    if spec.slide_number is not None:
        return (f'{head}<a:fld id="{_SLIDE_NUMBER_FIELD}" type="slidenum">{spec.run_properties}'
                f"<a:t>{spec.slide_number}</a:t></a:fld></a:p>")
    # A line break carries the run's look, so the broken line is as tall as the others.
    line_break = f"<a:br>{spec.run_properties}</a:br>"
    runs = line_break.join(f"<a:r>{spec.run_properties}<a:t>{escape(part)}</a:t></a:r>"
                           for part in spec.text.split("\n"))
    return f"{head}{runs}</a:p>"


def text_body(paragraphs: list[Paragraph], anchor: Anchor = "t", tag: str = "p:txBody") -> str:
    """Word-wrapped, no insets, no autofit: the planner has measured the text for this box."""
    return (f'<{tag}><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{anchor}">'
            f"<a:noAutofit/></a:bodyPr><a:lstStyle/>{''.join(map(paragraph, paragraphs))}</{tag}>")


def _name(shape_id: int, name: str, description: str | None) -> str:
    descr = f' descr="{escape(description)}"' if description else ""
    return f'<p:cNvPr id="{shape_id}" name="{escape(name)}"{descr}/>'


def _geometry(preset: str) -> str:
    return f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>'


def textbox(shape_id: int, name: str, box: Box, body: str, fill: str | None = None) -> str:
    background = solid_fill(fill) if fill else "<a:noFill/>"
    return (f'<p:sp><p:nvSpPr>{_name(shape_id, name, None)}<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f"<p:spPr>{transform(box)}{_geometry('rect')}{background}</p:spPr>{body}</p:sp>")


def placeholder(shape_id: int, name: str, kind: str, index: int, box: Box, body: str) -> str:
    """A layout's placeholder (title, subtitle, body) filled in, at a box of our own.

    kind 'obj' is a content placeholder, which the file marks by leaving the type out."""
    index_attribute = f' idx="{index}"' if index else ""
    type_attribute = "" if kind == "obj" else f' type="{kind}"'
    return (f'<p:sp><p:nvSpPr>{_name(shape_id, name, None)}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph{type_attribute}{index_attribute}/></p:nvPr></p:nvSpPr>'
            f"<p:spPr>{transform(box)}</p:spPr>{body}</p:sp>")


def filled_shape(shape_id: int, name: str, box: Box, fill: str, outline: str | None = None,
                 preset: str = "rect") -> str:
    """A rectangle or ellipse in one colour; outline: the colour of its edge, or none."""
    line = f"<a:ln>{solid_fill(outline)}</a:ln>" if outline else "<a:ln><a:noFill/></a:ln>"
    return (f'<p:sp><p:nvSpPr>{_name(shape_id, name, None)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            f"<p:spPr>{transform(box)}{_geometry(preset)}{solid_fill(fill)}{line}</p:spPr></p:sp>")


def line(shape_id: int, name: str, start: tuple[float, float], end: tuple[float, float], colour: str,
         width_pt: float, description: str | None = None) -> str:
    """A straight connector from start to end (x, y in points)."""
    (x1, y1), (x2, y2) = start, end
    box = Box(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
    flip = (x2 - x1) * (y2 - y1) < 0
    return (f"<p:cxnSp><p:nvCxnSpPr>{_name(shape_id, name, description)}<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr>"
            f"<p:spPr>{transform(box, flip_vertical=flip)}{_geometry('line')}"
            f'<a:ln w="{emu(width_pt)}">{solid_fill(colour)}</a:ln></p:spPr></p:cxnSp>')


def picture(shape_id: int, name: str, box: Box, relationship: str, description: str | None = None) -> str:
    return (f"<p:pic><p:nvPicPr>{_name(shape_id, name, description)}"
            f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{relationship}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f"<p:spPr>{transform(box)}{_geometry('rect')}</p:spPr></p:pic>")


def chart_frame(shape_id: int, name: str, box: Box, relationship: str, description: str) -> str:
    return (f"<p:graphicFrame><p:nvGraphicFramePr>{_name(shape_id, name, description)}"
            f'<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
            f"</p:nvGraphicFramePr>{transform(box, 'p:xfrm')}<a:graphic>"
            f'<a:graphicData uri="{_CHART_URI}"><c:chart xmlns:c="{_CHART_URI}" r:id="{relationship}"/>'
            f"</a:graphicData></a:graphic></p:graphicFrame>")


def _tree(shapes: list[str]) -> str:
    return ('<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{"".join(shapes)}</p:spTree></p:cSld>')


def slide(shapes: list[str]) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld {NAMESPACES}>{_tree(shapes)}'
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>").encode()


def notes(text_paragraphs: list[Paragraph]) -> bytes:
    """A notes page: the slide's picture above the speaker's notes, as the notes master places them."""
    image = ('<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr>'
             '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/>'
             "</p:nvPr></p:nvSpPr><p:spPr/></p:sp>")
    body = ('<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            '</p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>'
            f'<p:txBody><a:bodyPr/><a:lstStyle/>{"".join(map(paragraph, text_paragraphs))}</p:txBody></p:sp>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:notes {NAMESPACES}>'
            f"{_tree([image, body])}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>").encode()


@dataclass
class ShapeIds:
    """Shape ids are unique within a slide; 1 is the slide's shape tree."""

    next_id: int = 2

    def take(self) -> int:
        self.next_id += 1
        return self.next_id - 1
