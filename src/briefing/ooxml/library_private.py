"""The one place briefing reaches past python-docx's and python-pptx's public API.

Every use of what the libraries keep to themselves is here, each behind a
function that says why the public API does not serve: attributes and
methods with a leading underscore, their ``oxml`` element classes and the
accessors those classes generate (``get_or_add_rPr``, ``add_r``, ``pPr``),
and undocumented helpers (``StyleFactory``, ``BabelFish``,
``ChartPart.new``). The rest of the code calls these functions, and
tests/ooxml/test_library_private.py checks both that nothing outside this
module reaches in and that each function still works with the installed
release. pyproject.toml keeps both libraries below their next major version
for the same reason.

Not counted as private, and used anywhere: the documented API, the helpers
both libraries export for building XML (``qn``, ``nsdecls``, ``OxmlElement``,
``parse_xml``), their constants, and their package model (parts, the
package, relationships), whose ``Part`` classes say they are meant to be
subclassed by client code. Elements reached through public objects (a
part's or a proxy's ``element``) are lxml elements and are used through
lxml's API only.

Nothing here imports either library when this module is imported: the deck
is written in a helper process that alone imports python-pptx (see
build/workers.py), and the document in one that must not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shape import InlineShape
    from docx.shared import Length
    from docx.styles.style import BaseStyle
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
    from lxml.etree import _Element
    from pptx.chart.data import CategoryChartData, ChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI
    from pptx.parts.chart import ChartPart
    from pptx.presentation import Presentation
    from pptx.text.text import Font

__all__ = [  # noqa: RUF022 - by library
    # Both libraries' package model
    "package_relationships",
    "part_element",
    # python-pptx
    "slide_id_list",
    "relate_new_part",
    "use_part_names",
    "new_chart_part",
    "font_properties",
    # python-docx
    "paragraph_element",
    "append_text_run",
    "run_properties",
    "paragraph_properties",
    "run_fonts",
    "add_inline_picture",
    "picture_properties",
    "add_numbering_instance",
    "new_style",
    "style_proxy",
]

# The libraries' own private names this module uses: nothing outside it may (see the fence test).
WRAPPED_NAMES = ("_rels", "_element", "_sldIdLst", "_add_relationship", "_rPr", "_p", "_r", "_inline")


# -- both libraries' package model -------------------------------------------------------------


def package_relationships(package: Any) -> list[Any]:
    """The package's own relationships (to the main part, the document properties, a thumbnail).

    python-docx offers them as ``package.rels``; python-pptx has no public view of them and keeps
    them as ``package._rels``.
    """
    relationships = getattr(package, "rels", None)
    if relationships is None:
        relationships = package._rels
    return list(relationships.values())


def part_element(part: Any) -> _Element | None:
    """The root element of an XML part, or None for a binary part (an image, a workbook).

    python-docx's XML parts offer it as ``element``; python-pptx's keep it as ``_element`` only.
    """
    element = getattr(part, "element", None)
    if element is None:
        element = getattr(part, "_element", None)
    return element


# -- python-pptx ---------------------------------------------------------------------------------


def slide_id_list(presentation: Presentation) -> _Element:
    """The presentation's p:sldIdLst (made if the template has none), which lists its slides in order.

    Slides are added here as parts written elsewhere and a template's slides are removed;
    python-pptx's Slides does neither, and keeps the list's element as ``_sldIdLst``.
    """
    return presentation.slides._sldIdLst


def relate_new_part(source: Part, target: Part, reltype: str) -> str:
    """Relate source to a part that nothing relates to yet; the new relationship's id.

    ``Part.relate_to`` first looks for an existing relationship to the target, regrouping all of
    the source's relationships by type to do so: the presentation's grow with every slide, which
    made adding n slides cost n². A part made a moment ago has none, so the relationship is added
    as relate_to adds it when it finds none: by python-pptx's ``_Relationships._add_relationship``,
    which gives it the same id.
    """
    return source.rels._add_relationship(reltype, target)


def use_part_names(package: Any, next_partname: Callable[[str], PackURI]) -> None:
    """Have this package name its new parts with next_partname (same signature, same answers).

    python-pptx names each part it adds from a template (a chart, its workbook, a notes slide)
    by asking ``package.next_partname``, which walks every part of the package each time. It
    offers no way to supply the names, so the package's method is replaced on this instance.
    Relies on python-pptx asking the package's ``next_partname`` for those names.
    """
    package.next_partname = next_partname


def new_chart_part(package: Any, chart_type: XL_CHART_TYPE, data: CategoryChartData) -> ChartPart:
    """A native chart's part in this package, with the workbook behind it, related to no slide yet.

    The public way, ``shapes.add_chart``, adds the chart through python-pptx's shape tree, which
    the slides here do not have (they are written as XML, deck/drawing.py); this is the part
    add_chart makes. The embedded workbook is ``data.xlsx_blob`` (deck/workbook.py writes it).
    """
    from pptx.parts.chart import ChartPart

    return ChartPart.new(chart_type, cast("ChartData", data), package)  # typed ChartData, takes any chart data


def font_properties(font: Font) -> _Element:
    """The a:rPr (or a:defRPr) element behind a python-pptx Font.

    Font sets a size, a weight, a colour and the Latin typeface only; the East Asian and
    complex-script typefaces (a:ea, a:cs) and the language have no API, so they are written
    into the element, which Font keeps as ``_rPr``.
    """
    return font._rPr


# -- python-docx ---------------------------------------------------------------------------------


def paragraph_element(paragraph: Paragraph) -> _Element:
    """A Paragraph's w:p element, which python-docx keeps as ``_p``.

    Fields, bookmarks and hyperlinks to a URL (document/fields.py) have no API, and a paragraph
    is moved or removed by its element.
    """
    return paragraph._p


def append_text_run(p: _Element, text: str) -> None:
    """A run of text (no tab or line break in it) at the end of a w:p element.

    ``Paragraph.add_run(text)`` goes through python-docx's text setter, which reads the text a
    character at a time to turn tabs and line breaks into elements; a run without them is made
    directly by the element classes, as that setter makes it (xml:space="preserve" only for text
    that starts or ends with a space).
    """
    p.add_r().add_t(text)


def run_properties(element: _Element) -> _Element:
    """The w:rPr of a w:r or w:style element, added in schema order if missing.

    Style and Run fonts set the Latin typefaces only (``font.name``); the East Asian font and
    the language (document/styles.py) have no API.
    """
    return element.get_or_add_rPr()


def paragraph_properties(element: _Element) -> _Element:
    """The w:pPr of a w:p or w:style element, added in schema order if missing.

    Numbering and paragraph borders have no API in python-docx.
    """
    return element.get_or_add_pPr()


def run_fonts(rpr: _Element) -> _Element:
    """The w:rFonts of a w:rPr element, added in schema order if missing (see run_properties)."""
    return rpr.get_or_add_rFonts()


def add_inline_picture(run: Run, relationship: str, filename: str, width: Length, height: Length) -> InlineShape:
    """A picture in this run, of the image part already related by `relationship`, at this size (EMU).

    ``Run.add_picture`` reads the image at once; the document's charts are still being drawn
    while it is composed, so their parts are made first and filled in when it is saved. This is
    what add_picture does once it has the image: a wp:inline from python-docx's element class,
    numbered with the story's next free shape id, in a w:drawing of the run (``_r``).
    """
    from docx.oxml.shape import CT_Inline
    from docx.shape import InlineShape

    inline = CT_Inline.new_pic_inline(run.part.next_id, relationship, filename, width, height)
    run._r.add_drawing(inline)
    return InlineShape(inline)


def picture_properties(shape: InlineShape) -> _Element:
    """An inline picture's wp:docPr, which holds its alt text (descr) and title.

    InlineShape has no API for either, and keeps its wp:inline as ``_inline``.
    """
    return shape._inline.docPr


def add_numbering_instance(numbering: _Element, abstract_id: int) -> int:
    """A new w:num in a w:numbering element, referring to the list w:abstractNum abstract_id
    defines; its numId, which a paragraph's w:numPr refers to.

    python-docx has no API for lists; its numbering element class numbers the w:num (one past the
    largest numId) and puts it in schema order.
    """
    return numbering.add_num(abstract_id).numId


def new_style(document: Document, name: str, kind: WD_STYLE_TYPE) -> _Element:
    """A new custom style's w:style element, named as Word shows it.

    ``styles.add_style`` first checks that the name is free by making an object of every style
    in the template; here the caller already knows (document/styles.py indexes the styles once).
    This is what add_style does after the check: python-docx's element class adds the style, its
    internal name from ``BabelFish`` (Word's UI names some built-in styles differently).
    """
    from docx.styles import BabelFish

    return document.styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, False)


def style_proxy(element: _Element) -> BaseStyle:
    """The python-docx style object (paragraph, character, table) for a w:style element.

    Styles by name are looked up from an index of the elements (document/styles.py), not through
    ``document.styles[name]``, which makes an object of every style to find one; python-docx's
    ``StyleFactory`` makes the right kind of object for the element.
    """
    from docx.styles.style import StyleFactory

    return StyleFactory(element)
