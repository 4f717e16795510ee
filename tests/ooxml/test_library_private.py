"""python-docx's and python-pptx's private API: used in ooxml/library_private.py alone, and still there.

Two kinds of test. The fence reads the source of briefing: outside
library_private.py, nothing reaches into either library (an underscore
name of a library object, an element class or its generated accessors, a
class swapped on a live object). The canaries run each function of
library_private on real objects, a blank ``docx.Document()`` or
``pptx.Presentation()``, and fail naming the installed release and the
function to fix when a release no longer has or does what it relies on.
A last group does the same for the package model (parts, relationships),
which the rest of the code uses by its plain names.
"""

from __future__ import annotations

import ast
import importlib.metadata
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn as wqn
from docx.shape import InlineShape
from docx.shared import Emu
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn as pqn
from pptx.util import Pt

import briefing
from briefing.ooxml import library_private as lp
from tests.conftest import FIXTURES

SOURCE = Path(briefing.__file__).parent
FENCE = SOURCE / "ooxml" / "library_private.py"
DISTRIBUTIONS = {"docx": "python-docx", "pptx": "python-pptx"}


@contextmanager
def relied_on(function: str, library: str) -> Iterator[None]:
    """Turn any failure into one that says which release broke which function of library_private."""
    distribution = DISTRIBUTIONS[library]
    try:
        yield
    except Exception as error:  # noqa: BLE001 - an AttributeError as much as a failed assertion
        pytest.fail(f"{distribution} {importlib.metadata.version(distribution)} no longer has or does what "
                    f"briefing.ooxml.library_private.{function}() relies on ({type(error).__name__}: {error}). "
                    f"Fix {function}() for this release, then the {distribution} bound in pyproject.toml.")


# -- the fence -----------------------------------------------------------------------------------

# What may be imported from the libraries outside library_private.py: their documented API, the
# helpers they export for building XML, their constants, and the package model's classes, which say
# they are meant to be subclassed by client code. None: any public name of the module.
PUBLIC_IMPORTS: dict[str, set[str] | None] = {
    "docx": {"Document"},
    "docx.document": {"Document"},
    "docx.shared": None,
    "docx.text.paragraph": {"Paragraph"},
    "docx.shape": {"InlineShape"},
    "docx.styles.style": {"BaseStyle", "ParagraphStyle"},  # both in python-docx's API docs (api/style)
    "docx.oxml": {"OxmlElement", "parse_xml"},
    "docx.oxml.ns": {"qn", "nsdecls"},
    "docx.opc.constants": None,
    "docx.opc.packuri": {"PackURI"},
    "docx.parts.image": {"ImagePart"},
    "pptx": {"Presentation"},
    "pptx.util": None,
    "pptx.dml.color": None,
    "pptx.chart.data": {"CategoryChartData"},
    "pptx.oxml.ns": {"qn"},
    "pptx.opc.constants": None,
    "pptx.opc.package": {"Part"},
    "pptx.opc.packuri": {"PackURI"},
}
PUBLIC_PREFIXES = ("docx.enum.", "pptx.enum.")
# Underscore names of other libraries, public in them: os._exit, lxml's element type.
NOT_THE_LIBRARIES = {("os", "_exit"), ("etree", "_Element")}
# What python-docx's and python-pptx's element classes add to lxml's API: child accessors and
# factories generated from the schema, and the methods built on them. (Not .body, which
# briefing's own plans have: a w:body is found with lxml, document.element.find(qn("w:body")).)
# (get_or_add_ and an element's name: get_or_add_rPr, not the package's get_or_add_image_part.)
ELEMENT_CLASS_API = re.compile(r"get_or_add_[A-Za-z]+|_(add|insert|new|remove)_\w+")
ELEMENT_CLASS_NAMES = {"add_r", "add_t", "add_p", "add_drawing", "add_num", "add_style_of_type", "new_pic_inline",
                       "pPr", "rPr", "docPr", "bodyPr", "txBody", "sldIdLst", "sldSz", "numId"}


def _is_library(module: str) -> bool:
    return module.split(".")[0] in DISTRIBUTIONS


def reaching_in(source: str) -> list[str]:
    """Where this module's source uses the libraries' private API: "line: what"."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    library_names: set[str] = set()  # names this module imports from the libraries
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and _is_library(node.module):
            allowed = PUBLIC_IMPORTS.get(node.module, None if node.module.startswith(PUBLIC_PREFIXES) else set())
            for alias in node.names:
                library_names.add(alias.asname or alias.name)
                if alias.name.startswith("_") or (allowed is not None and alias.name not in allowed):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _is_library(alias.name) and alias.name not in PUBLIC_IMPORTS and not alias.name.startswith(
                        PUBLIC_PREFIXES):
                    found.append((node.lineno, f"import {alias.name}"))
    # Classes of briefing's own that extend a library class: a private name on self is the library's.
    extending = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                 and any(isinstance(base, ast.Name) and base.id in library_names for base in node.bases)]
    inherited = {id(attribute) for cls in extending for attribute in ast.walk(cls)
                 if isinstance(attribute, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr == "__class__" and isinstance(node.ctx, ast.Store):
                found.append((node.lineno, "__class__ assigned: a class swapped on a live object"))
            receiver = node.value.id if isinstance(node.value, ast.Name) else None
            own = receiver in ("self", "cls") and id(node) not in inherited
            if own or (receiver, node.attr) in NOT_THE_LIBRARIES:
                continue
            if node.attr.startswith("_") and not node.attr.startswith("__"):
                found.append((node.lineno, f".{node.attr}"))
            elif ELEMENT_CLASS_API.fullmatch(node.attr) or node.attr in ELEMENT_CLASS_NAMES:
                found.append((node.lineno, f".{node.attr} (an element class's accessor, not lxml's API)"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "hasattr", "setattr", "delattr") and len(node.args) > 1:
            name = node.args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.startswith("_") \
                    and not name.value.startswith("__"):
                found.append((node.lineno, f'{node.func.id}(..., "{name.value}")'))
    return [f"{line}: {what}" for line, what in sorted(found)]


def test_nothing_outside_library_private_reaches_into_python_docx_or_python_pptx() -> None:
    offences = [f"{path.relative_to(SOURCE.parent)}:{where}" for path in sorted(SOURCE.rglob("*.py"))
                if path != FENCE for where in reaching_in(path.read_text(encoding="utf-8"))]
    assert offences == [], ("private API of python-docx/python-pptx outside ooxml/library_private.py; add a "
                            "function there that says why the public API does not serve, and call it:\n"
                            + "\n".join(offences))


def test_the_fence_finds_private_uses_and_not_briefings_own_private_names() -> None:
    caught = """
from pptx.opc.package import Part, _Relationships
from docx.oxml.shape import CT_Inline
from docx.styles.style import StyleFactory
import docx.oxml.text.run

class Drawn(Part):
    def set(self, xml):
        self._blob = xml

def f(paragraph, part, rels, element, p):
    paragraph._p.append(element)
    rels.__class__ = _Relationships
    getattr(part, "_element", None)
    element.get_or_add_rPr()
    p.add_r().add_t("x")
    return element.pPr
"""
    assert reaching_in(caught) == [
        "2: from pptx.opc.package import _Relationships", "3: from docx.oxml.shape import CT_Inline",
        "4: from docx.styles.style import StyleFactory", "5: import docx.oxml.text.run",
        "9: ._blob", "12: ._p", "13: __class__ assigned: a class swapped on a live object",
        '14: getattr(..., "_element")', "15: .get_or_add_rPr (an element class's accessor, not lxml's API)",
        "16: .add_r (an element class's accessor, not lxml's API)",
        "16: .add_t (an element class's accessor, not lxml's API)",
        "17: .pPr (an element class's accessor, not lxml's API)",
    ]
    own = """
import os
from lxml import etree
from docx.oxml.ns import qn
from pptx.enum.chart import XL_CHART_TYPE

class Flow:
    def __init__(self):
        self._pending = []
    def place(self, element: etree._Element) -> None:
        self._pending.append(element.find(qn("w:pPr")))
        os._exit(0)
"""
    assert reaching_in(own) == []


def test_each_wrapped_private_name_is_used_in_library_private_and_each_function_has_a_canary() -> None:
    source = FENCE.read_text(encoding="utf-8")
    for name in lp.WRAPPED_NAMES:
        assert re.search(rf"\.{name}\b|\"{name}\"", source), f"{name} is listed in WRAPPED_NAMES but not used"
    untested = [name for name in lp.__all__ if f"test_{name}" not in globals()]
    assert untested == [], f"functions of library_private without a canary test here: {untested}"


def test_importing_library_private_imports_neither_library() -> None:
    """The decks' worker alone imports python-pptx; the process composing the documents must not (build/workers.py)."""
    script = "import sys, briefing.ooxml.library_private; print('docx' in sys.modules, 'pptx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split() == ["False", "False"]


# -- both libraries' package model -----------------------------------------------------------------


def test_package_relationships() -> None:
    document, deck = docx.Document(), Presentation()
    for library, main in (("docx", document.part), ("pptx", deck.part)):
        with relied_on("package_relationships", library):
            relationships = lp.package_relationships(main.package)
            assert [r.target_part for r in relationships if r.reltype == RT.OFFICE_DOCUMENT] == [main]
            assert {r.reltype for r in relationships} >= {RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES}


def test_part_element() -> None:
    document, deck = docx.Document(), Presentation()
    for library, main, root in (("docx", document.part, wqn("w:document")), ("pptx", deck.part, pqn("p:presentation"))):
        with relied_on("part_element", library):
            assert lp.part_element(main).tag == root
            thumbnail = next(p for p in main.package.iter_parts() if p.partname == "/docProps/thumbnail.jpeg")
            assert lp.part_element(thumbnail) is None


# -- python-pptx ---------------------------------------------------------------------------------


def test_slide_id_list() -> None:
    with relied_on("slide_id_list", "pptx"):
        deck = Presentation()  # its template has no p:sldIdLst: one is made
        slide_ids = lp.slide_id_list(deck)
        assert slide_ids.tag == pqn("p:sldIdLst") and len(slide_ids) == 0
        assert slide_ids.getparent() is deck.element
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        assert lp.slide_id_list(deck) is slide_ids
        assert [deck.part.related_part(s.get(pqn("r:id"))) for s in slide_ids] == [slide.part]


def _blank_slide_part(deck, number: int) -> Part:
    return Part(PackURI(f"/ppt/slides/slide{number}.xml"), CT.PML_SLIDE, deck.part.package)


def test_relate_new_part() -> None:
    with relied_on("relate_new_part", "pptx"):
        deck, twin = Presentation(), Presentation()
        slide = _blank_slide_part(deck, 1)
        rId = lp.relate_new_part(deck.part, slide, RT.SLIDE)
        # The id relate_to gives when it finds no relationship to the part, and then finds this one.
        assert rId == twin.part.relate_to(_blank_slide_part(twin, 1), RT.SLIDE)
        assert deck.part.related_part(rId) is slide and deck.part.rels[rId].reltype == RT.SLIDE
        assert deck.part.relate_to(slide, RT.SLIDE) == rId


def _chart_data() -> CategoryChartData:
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("values", [1, 2])
    return data


def test_use_part_names() -> None:
    with relied_on("use_part_names", "pptx"):
        deck = Presentation()
        asked: list[str] = []

        def next_partname(template: str) -> PackURI:
            asked.append(template)
            return PackURI(template % 41)

        lp.use_part_names(deck.part.package, next_partname)
        chart = lp.new_chart_part(deck.part.package, XL_CHART_TYPE.BAR_CLUSTERED, _chart_data())
        # python-pptx asks the package for the names of the chart and of its workbook.
        assert chart.partname == "/ppt/charts/chart41.xml"
        assert chart.part_related_by(RT.PACKAGE).partname == "/ppt/embeddings/Microsoft_Excel_Sheet41.xlsx"
        assert asked == ["/ppt/charts/chart%d.xml", "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx"]


def test_new_chart_part() -> None:
    class OwnWorkbook(CategoryChartData):
        @property
        def xlsx_blob(self) -> bytes:  # as deck/workbook.py's TextSafeChartData
            return b"the workbook"

    with relied_on("new_chart_part", "pptx"):
        deck = Presentation()
        data = OwnWorkbook()
        data.categories = ["a", "b"]
        data.add_series("values", [1, 2])
        chart = lp.new_chart_part(deck.part.package, XL_CHART_TYPE.BAR_CLUSTERED, data)
        assert chart.chart.element.tag == pqn("c:chartSpace")
        assert chart.chart.element.find(".//" + pqn("c:barChart")) is not None
        assert chart.part_related_by(RT.PACKAGE).blob == b"the workbook"  # the workbook is the data's own
        assert chart.package is deck.part.package and chart not in set(deck.part.package.iter_parts())  # on no slide


def test_font_properties() -> None:
    with relied_on("font_properties", "pptx"):
        deck = Presentation()
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        run = slide.shapes.add_textbox(0, 0, 100, 100).text_frame.paragraphs[0].add_run()
        run.font.size = Pt(10)
        rpr = lp.font_properties(run.font)
        assert rpr.tag == pqn("a:rPr") and rpr.get("sz") == "1000"
        chart = lp.new_chart_part(deck.part.package, XL_CHART_TYPE.BAR_CLUSTERED, _chart_data()).chart
        chart.font.size = Pt(9)
        default = lp.font_properties(chart.font)
        assert default.tag == pqn("a:defRPr") and default.get("sz") == "900"
        assert chart.element.find(f"./{pqn('c:txPr')}/{pqn('a:p')}/{pqn('a:pPr')}/{pqn('a:defRPr')}") is default


# -- python-docx ---------------------------------------------------------------------------------


def test_paragraph_element() -> None:
    with relied_on("paragraph_element", "docx"):
        document = docx.Document()
        paragraph = document.add_paragraph("text")
        p = lp.paragraph_element(paragraph)
        assert p.tag == wqn("w:p") and p.getparent().tag == wqn("w:body")
        assert [t.text for t in p.iter(wqn("w:t"))] == ["text"]


def test_append_text_run() -> None:
    """The same XML as Paragraph.add_run for text without tabs or line breaks."""
    with relied_on("append_text_run", "docx"):
        document = docx.Document()
        for text in ("plain", " leading", "trailing ", "中文 and ASCII"):
            ours, theirs = OxmlElement("w:p"), OxmlElement("w:p")
            lp.append_text_run(ours, text)
            Paragraph(theirs, document).add_run(text)
            assert etree.tostring(ours) == etree.tostring(theirs), text


def test_run_properties() -> None:
    with relied_on("run_properties", "docx"):
        run = OxmlElement("w:r")
        run.append(OxmlElement("w:t"))
        rpr = lp.run_properties(run)
        assert rpr.tag == wqn("w:rPr") and run.index(rpr) == 0  # before the text, as the schema wants
        assert lp.run_properties(run) is rpr
        style = docx.Document().styles["Normal"].element
        assert lp.run_properties(style).getparent() is style


def test_paragraph_properties() -> None:
    with relied_on("paragraph_properties", "docx"):
        p = OxmlElement("w:p")
        p.append(OxmlElement("w:r"))
        ppr = lp.paragraph_properties(p)
        assert ppr.tag == wqn("w:pPr") and p.index(ppr) == 0
        assert lp.paragraph_properties(p) is ppr
        style = docx.Document().styles["Caption"].element
        assert lp.paragraph_properties(style).getparent() is style


def test_run_fonts() -> None:
    with relied_on("run_fonts", "docx"):
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:lang"))
        fonts = lp.run_fonts(rpr)
        assert fonts.tag == wqn("w:rFonts") and rpr.index(fonts) == 0  # ahead of w:lang
        assert lp.run_fonts(rpr) is fonts


def test_add_inline_picture() -> None:
    with relied_on("add_inline_picture", "docx"):
        document = docx.Document()
        logo = document.add_picture(str(FIXTURES / "logo.png"))  # an image part to relate to
        image = next(rel for rel in document.part.rels.values() if rel.reltype == RT.IMAGE)
        run = document.add_paragraph().add_run()
        shape = lp.add_inline_picture(run, image.rId, "chart1.png", Emu(914400), Emu(457200))
        assert isinstance(shape, InlineShape) and (shape.width, shape.height) == (914400, 457200)
        drawing = lp.paragraph_element(document.paragraphs[-1]).find(f"{wqn('w:r')}/{wqn('w:drawing')}")
        inline = drawing[0]
        assert inline.tag == wqn("wp:inline")
        assert inline.find(".//" + wqn("a:blip")).get(wqn("r:embed")) == image.rId
        ids = [int(value) for value in document.element.xpath("//@id") if value.isdigit()]
        assert ids.count(int(inline.find(wqn("wp:docPr")).get("id"))) == 1  # a shape id of its own
        assert logo.height > 0


def test_picture_properties() -> None:
    with relied_on("picture_properties", "docx"):
        document = docx.Document()
        shape = document.add_picture(str(FIXTURES / "logo.png"))
        properties = lp.picture_properties(shape)
        assert properties.tag == wqn("wp:docPr")
        properties.set("descr", "a logo")
        body = document.element.find(wqn("w:body"))
        assert [d.get("descr") for d in body.iter(wqn("wp:docPr"))] == ["a logo"]


def test_add_numbering_instance() -> None:
    with relied_on("add_numbering_instance", "docx"):
        numbering = docx.Document().part.numbering_part.element
        before = [int(n.get(wqn("w:numId"))) for n in numbering.iter(wqn("w:num"))]
        number = lp.add_numbering_instance(numbering, 7)
        assert isinstance(number, int) and number == max(before, default=0) + 1
        added = [n for n in numbering.iter(wqn("w:num")) if n.get(wqn("w:numId")) == str(number)]
        assert [n.find(wqn("w:abstractNumId")).get(wqn("w:val")) for n in added] == ["7"]


def test_new_style() -> None:
    with relied_on("new_style", "docx"):
        document = docx.Document()
        element = lp.new_style(document, "Source Entry", WD_STYLE_TYPE.PARAGRAPH)
        assert element.tag == wqn("w:style") and element.getparent() is document.styles.element
        assert element.get(wqn("w:type")) == "paragraph" and element.get(wqn("w:customStyle")) == "1"
        assert document.styles["Source Entry"].type == WD_STYLE_TYPE.PARAGRAPH
        # Word's UI names some built-in styles differently from the file: the file's name is written.
        caption = lp.new_style(docx.Document(), "Caption", WD_STYLE_TYPE.PARAGRAPH)
        assert caption.find(wqn("w:name")).get(wqn("w:val")) == "caption"


def test_style_proxy() -> None:
    with relied_on("style_proxy", "docx"):
        document = docx.Document()
        for name, kind in (("Normal", WD_STYLE_TYPE.PARAGRAPH), ("Default Paragraph Font", WD_STYLE_TYPE.CHARACTER),
                           ("Table Grid", WD_STYLE_TYPE.TABLE)):
            style = lp.style_proxy(document.styles[name].element)
            assert isinstance(style, BaseStyle) and (style.name, style.type) == (name, kind)


# -- the package model, used by its plain names elsewhere ------------------------------------------


def test_the_package_model_the_deck_uses() -> None:
    """deck/scaling.py, deck/render.py, deck/metadata.py, ooxml/opc.py and ooxml/templatelinks.py."""
    with relied_on("(the package model: deck/ and ooxml/opc.py)", "pptx"):
        deck = Presentation()
        package = deck.part.package
        slide = Part(package.next_partname("/ppt/slides/slide%d.xml"), CT.PML_SLIDE, package)
        slide.blob = b"<xml/>"  # DrawnPart.set_xml, metadata.forget_template_format
        assert slide.blob == b"<xml/>" and slide.partname == "/ppt/slides/slide1.xml"
        rId = slide.relate_to(deck.slide_layouts[0].part, RT.SLIDE_LAYOUT)
        relationship = slide.rels[rId]
        assert (relationship.rId, relationship.reltype, relationship.is_external) == (rId, RT.SLIDE_LAYOUT, False)
        assert relationship.target_part is slide.part_related_by(RT.SLIDE_LAYOUT)
        link = slide.relate_to("https://example.org", RT.HYPERLINK, is_external=True)
        assert slide.rels[link].target_ref == "https://example.org" and dict(slide.rels.items())[link].is_external
        slide.rels.pop(link)  # templatelinks.drop_external_links
        assert deck.part.notes_master_part.partname.startswith("/ppt/notesMasters/")
        image = package.get_or_add_image_part(io.BytesIO((FIXTURES / "logo.png").read_bytes()))
        assert image.content_type == "image/png"
        assert all(hasattr(part, "rels") for part in package.iter_parts())
        removed = deck.slides.add_slide(deck.slide_layouts[6])
        slide_id = lp.slide_id_list(deck)[0]
        deck.part.drop_rel(slide_id.get(pqn("r:id")))  # template._remove_slides
        assert removed.part not in set(deck.part.package.iter_parts())


def test_the_package_model_the_document_uses() -> None:
    """document/writer.py's chart pictures, saved by ooxml/opc.py."""
    from docx.parts.image import ImagePart

    class Late(ImagePart):  # as writer._ChartPicture
        @property
        def blob(self) -> bytes:
            return b"late"

    with relied_on("(the package model: document/writer.py)", "docx"):
        document = docx.Document()
        part = document.part
        picture = Late(part.package.next_partname("/word/media/chart%d.png"), "image/png", b"")
        assert picture.partname == "/word/media/chart1.png" and picture.content_type == "image/png"
        rId = part.relate_to(picture, RT.IMAGE)
        assert part.rels[rId].target_part is picture and picture.blob == b"late" and len(picture.rels) == 0
        assert part.part_related_by(RT.STYLES).element.tag == wqn("w:styles")
        assert document.element.tag == wqn("w:document") and document.styles.element.tag == wqn("w:styles")
