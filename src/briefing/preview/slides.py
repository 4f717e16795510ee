"""A slide's shapes (deck/shapes.py) drawn as SVG: the preview's fast view of the deck.

The boxes, colours and type sizes are the deck's own; text is broken into
lines with the bundled font's measures (text/fonts.py), as the planner
measured it, and set in that font (the page serves it). A native chart is
drawn as its bars, as PowerPoint draws them: labels left, values at the
bars' ends. Text taller than its box is outlined in red, where the deck
would overflow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from html import escape

from briefing.deck import geometry as g
from briefing.deck.shapes import ChartShape, FilledShape, LineShape, LogoShape, Role, Shape, Text, TextShape
from briefing.text.fonts import wrap

# Where a line's baseline sits in its line box, as a share of the type size from the box's top.
BASELINE = 0.92
FONT = "font-family=\"'Briefing Sans', sans-serif\""
OVERFLOW_COLOUR = "#D93025"


def as_broken(text: str, lines: list[str]) -> list[str]:
    """The wrapped lines with the spaces they were broken at kept at their ends: one after the other they
    read as the text again, so the page can be searched for a sentence that runs over two lines."""
    kept, at = [], 0
    for index, line in enumerate(lines):
        start = text.find(line, at)
        if start < 0:  # not the text's own characters (a tab set as spaces): as it is
            kept.append(line)
            continue
        at = start + len(line)
        following = text.find(lines[index + 1], at) if index + 1 < len(lines) else at
        gap = text[at:following] if following >= at else ""
        kept.append(line + gap if gap.strip(" ") == "" else line)
        at = max(at, following)
    return kept


@dataclass(frozen=True)
class SetLine:
    """A line of a text shape as set: the top of its line box, its text, and its paragraph."""

    top: float
    text: str
    paragraph: Text
    first: bool  # its paragraph's first line, which a bullet starts


def set_text(shape: TextShape) -> tuple[list[SetLine], float]:
    """The shape's lines as the deck's text box sets them (wrapped, spaced, anchored), and their height."""
    lines: list[SetLine] = []
    y = 0.0
    for index, paragraph in enumerate(shape.paragraphs):
        size = paragraph.run.size
        indent = g.BULLET_INDENT_PT if paragraph.bullet else 0.0
        text = str(paragraph.slide_number) if paragraph.slide_number is not None else paragraph.text
        wrapped = as_broken(text, wrap(text, shape.box.width_pt - indent, size, paragraph.run.bold))
        for number, line in enumerate(wrapped):
            lines.append(SetLine(y, line, paragraph, number == 0))
            y += size * g.LINE_SPACING
        if index < len(shape.paragraphs) - 1:
            y += paragraph.space_after_pt
    offset = {"t": 0.0, "ctr": (shape.box.height_pt - y) / 2, "b": shape.box.height_pt - y}[shape.anchor]
    return [replace(line, top=shape.box.top_pt + offset + line.top) for line in lines], y


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _place(box: g.Box) -> str:
    """A box as an SVG rect's or image's attributes."""
    return (f'x="{_number(box.left_pt)}" y="{_number(box.top_pt)}" width="{_number(box.width_pt)}" '
            f'height="{_number(box.height_pt)}"')


def _text_element(x: float, baseline: float, text: str, size: float, colour: str, bold: bool,
                  anchor: str = "start") -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{_number(x)}" y="{_number(baseline)}" font-size="{_number(size)}" fill="#{colour}"'
            f'{weight} text-anchor="{anchor}" xml:space="preserve">{escape(text)}</text>')


class SlideDrawing:
    """Draws shapes with the outline's colours; logo_url: where the page finds the logo."""

    def __init__(self, colours: Mapping[Role, str], logo_url: str | None = None):
        self.colours = colours
        self.logo_url = logo_url

    def svg(self, shapes: list[Shape], title: str) -> str:
        body = "".join(self._shape(shape) for shape in shapes)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_number(g.SLIDE_WIDTH_PT)} '
                f'{_number(g.SLIDE_HEIGHT_PT)}" role="img" aria-label="{escape(title)}" {FONT}>'
                f'<rect width="100%" height="100%" fill="#FFFFFF"/>{body}</svg>')

    def _shape(self, shape: Shape) -> str:
        match shape:
            case TextShape():
                return self._text(shape)
            case FilledShape():
                return self._filled(shape)
            case LineShape():
                (x1, y1), (x2, y2) = shape.start, shape.end
                return (f'<line x1="{_number(x1)}" y1="{_number(y1)}" x2="{_number(x2)}" y2="{_number(y2)}" '
                        f'stroke="#{self.colours[shape.colour]}" stroke-width="{_number(shape.width_pt)}"/>')
            case LogoShape():
                if self.logo_url is None:
                    return ""
                return f'<image href="{escape(self.logo_url)}" {_place(shape.box)}/>'
            case ChartShape():
                return self._chart(shape)
        return ""

    def _filled(self, shape: FilledShape) -> str:
        box, fill = shape.box, self.colours[shape.fill]
        stroke = f' stroke="#{self.colours[shape.outline]}" stroke-width="1"' if shape.outline else ""
        if shape.preset == "ellipse":
            centre = f'cx="{_number(box.left_pt + box.width_pt / 2)}" cy="{_number(box.top_pt + box.height_pt / 2)}"'
            return (f'<ellipse {centre} rx="{_number(box.width_pt / 2)}" ry="{_number(box.height_pt / 2)}" '
                    f'fill="#{fill}"{stroke}/>')
        return f'<rect {_place(box)} fill="#{fill}"{stroke}/>'

    def _text(self, shape: TextShape) -> str:
        box = shape.box
        parts = []
        if shape.fill:
            parts.append(f'<rect {_place(box)} fill="#{self.colours[shape.fill]}"/>')
        lines, height = set_text(shape)
        for line in lines:
            paragraph, size = line.paragraph, line.paragraph.run.size
            baseline = line.top + (size * g.LINE_SPACING - size) / 2 + size * BASELINE
            if paragraph.bullet and line.first:
                parts.append(_text_element(box.left_pt, baseline, "•", size, self.colours["accent"], False))
            indent = g.BULLET_INDENT_PT if paragraph.bullet else 0.0
            x, anchor = {"l": (box.left_pt + indent, "start"), "ctr": (box.left_pt + box.width_pt / 2, "middle"),
                         "r": (box.right_pt, "end")}[paragraph.align]
            parts.append(_text_element(x, baseline, line.text, size, self.colours[paragraph.run.colour],
                                       paragraph.run.bold, anchor))
        if height > box.height_pt + 1:  # the text runs out of its box: where the deck would overflow
            parts.append(f'<rect {_place(box)} fill="none" stroke="{OVERFLOW_COLOUR}" stroke-width="2" '
                         'stroke-dasharray="6 4"><title>text too long for its box</title></rect>')
        return "".join(parts)

    def _chart(self, shape: ChartShape) -> str:
        """The bars of a native bar chart: each label left of its bar, the value at the bar's end."""
        box = shape.box
        bars = shape.bars
        if not bars:
            return ""
        label_width = box.width_pt * 0.36
        track = box.width_pt - label_width - 8
        row = box.height_pt / len(bars)
        thickness = row / 1.6  # PowerPoint's gap between bars: 60% of a bar
        longest = max(bar.value for bar in bars) * 1.4 or 1  # the value axis runs to 1.4 times the largest
        parts = [f'<line x1="{_number(box.left_pt + label_width)}" y1="{_number(box.top_pt)}" '
                 f'x2="{_number(box.left_pt + label_width)}" y2="{_number(box.bottom_pt)}" '
                 f'stroke="#{self.colours["muted"]}" stroke-width="0.75"/>']
        for index, bar in enumerate(bars):
            middle = box.top_pt + row * index + row / 2
            lines = wrap(bar.label, label_width - 8, g.SMALL_PT)[:2]
            first = middle - (len(lines) * g.SMALL_PT * g.LINE_SPACING) / 2
            for number, line in enumerate(lines):
                baseline = first + number * g.SMALL_PT * g.LINE_SPACING + g.SMALL_PT * BASELINE
                parts.append(_text_element(box.left_pt + label_width - 8, baseline, line, g.SMALL_PT,
                                           self.colours["text"], False, "end"))
            length = track * bar.value / longest
            parts.append(f'<rect x="{_number(box.left_pt + label_width)}" y="{_number(middle - thickness / 2)}" '
                         f'width="{_number(length)}" height="{_number(thickness)}" fill="#{self.colours["primary"]}"/>')
            parts.append(_text_element(box.left_pt + label_width + length + 6, middle + g.BODY_PT * 0.35, bar.display,
                                       g.BODY_PT, self.colours["text"], True))
        return "".join(parts)
