"""Company templates: pandoc's reference documents and templates saved by LibreOffice."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import docx.opc.constants
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree
from pptx import Presentation
from pptx.util import Pt

from briefing.build.pipeline import build
from tests.conftest import FIXTURES, finishes, require
from tests.document.test_document import italic_runs
from tests.test_package import extended_properties
from tests.validate_ooxml import validate_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def libreoffice_save(source: Path, folder: Path, kind: str) -> Path:
    """The file as LibreOffice writes it: the way a template made in LibreOffice looks."""
    filters = {"docx": "docx:MS Word 2007 XML", "pptx": "pptx:Impress MS PowerPoint 2007 XML"}
    subprocess.run([require("soffice"), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", filters[kind], "--outdir", str(folder / "out"), str(source)],
                   check=True, capture_output=True, timeout=300)
    saved = folder / "out" / f"{source.stem}.{kind}"
    assert saved.exists()
    return saved


@pytest.fixture(scope="module")
def libreoffice_templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("lo-templates")
    document = docx.Document()
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0x00, 0x80, 0x40)
    document.add_paragraph("Template body text that must not survive.")
    document.save(folder / "brand.docx")
    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(720), Pt(540)  # 4:3, to be scaled
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Template slide that must not survive"
    deck.save(folder / "brand.pptx")
    return libreoffice_save(folder / "brand.docx", folder, "docx"), libreoffice_save(folder / "brand.pptx", folder,
                                                                                      "pptx")


def built(minimal_outline: Path, docx_template: Path, pptx_template: Path):
    out = minimal_outline.parent / "build"
    report = build(minimal_outline, out, docx_template=docx_template, pptx_template=pptx_template)
    for output in report.outputs:
        says_what_it_holds(output.path, int(output.detail.split()[0]))
    return report, docx.Document(str(out / "mini.docx")), Presentation(str(out / "mini.pptx")), out


def says_what_it_holds(path: Path, pages: int) -> None:
    """docProps/app.xml is ours, not the template's, and the template's thumbnail is gone."""
    values, _ = extended_properties(path)
    assert values["Application"] == "briefing" and "Template" not in values
    assert int(values["Pages" if path.suffix == ".docx" else "Slides"]) == pages
    with zipfile.ZipFile(path) as package:
        assert not [name for name in package.namelist() if "thumbnail" in name]


def deck_is_clean(path: Path, slides: int) -> None:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
    assert len([n for n in names if n.startswith("ppt/slides/slide") and n.endswith(".xml")]) == slides


def test_pandoc_reference_documents(minimal_outline: Path, pandoc_templates) -> None:
    reference_docx, reference_pptx = pandoc_templates
    report, document, deck, out = built(minimal_outline, reference_docx, reference_pptx)
    # The document takes pandoc's styles and drops its sample content.
    heading = next(p for p in document.paragraphs if p.style.name.lower() == "heading 1")
    assert heading.style.style_id == docx.Document(str(reference_docx)).styles.element.xpath(
        "w:style[w:name/@w:val='Heading 1']/@w:styleId")[0]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Abstract" not in text and "测试简报" in text
    # pandoc's Caption style is italic; Chinese is not set in italic.
    assert next(style for style in docx.Document(str(reference_docx)).styles if style.name == "Caption").font.italic
    assert [p for p in document.paragraphs if p.style.name == "Caption"] and italic_runs(document) == []
    # The page model does not know the template's styles: the contents say they need updating.
    toc = next(document.element.body.iter(qn("w:fldChar")))
    assert toc.getparent().getnext().findtext(qn("w:instrText")).strip().startswith("TOC")
    assert toc.get(qn("w:dirty")) == "true"
    # The deck takes pandoc's layouts and theme; its sample slides are gone.
    assert [layout.name for layout in deck.slide_layouts] == [
        layout.name for layout in Presentation(str(reference_pptx)).slide_layouts]
    assert deck.slides[0].shapes.title.text == "测试简报"
    deck_is_clean(out / "mini.pptx", len(deck.slides))
    title_run = deck.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]._r
    assert title_run.find(qn("a:rPr")).find(qn("a:latin")).get("typeface") == "+mj-lt"  # the template's font
    assert title_run.xpath(".//a:schemeClr/@val") == ["accent1"]  # the template's colour
    assert report.warnings == []


@pytest.mark.libreoffice
def test_templates_saved_by_libreoffice(minimal_outline: Path, libreoffice_templates) -> None:
    brand_docx, brand_pptx = libreoffice_templates
    _, document, deck, out = built(minimal_outline, brand_docx, brand_pptx)
    assert "must not survive" not in "\n".join(p.text for p in document.paragraphs)
    heading = next(p for p in document.paragraphs if p.style.name.lower() == "heading 1")
    assert str(heading.style.font.color.rgb) == "008040"
    assert heading.style.element.rPr.rFonts.get(qn("w:eastAsia"))  # Chinese font added where missing
    assert deck.slide_width * 9 == deck.slide_height * 16  # scaled to 16:9
    assert all(s.shapes.title.text != "Template slide that must not survive" for s in deck.slides)
    deck_is_clean(out / "mini.pptx", len(deck.slides))
    pdf = libreoffice_save(out / "mini.pptx", out, "pptx")  # LibreOffice opens it again
    assert pdf.stat().st_size > 10_000


def test_a_missing_layout_falls_back_and_says_so_once(minimal_outline: Path, pandoc_templates) -> None:
    text = minimal_outline.read_text(encoding="utf-8")
    layouts = "\ntheme:\n  layouts:\n    points: Brand Bullets\nsections:"
    minimal_outline.write_text(text.replace("\nsections:", layouts, 1), encoding="utf-8")
    report, _, deck, _ = built(minimal_outline, *pandoc_templates)
    assert report.warnings == [
        "the template has no layout 'Brand Bullets' for points slides; using 'Title and Content'"
    ]


def test_a_template_named_in_the_theme_must_stay_beside_the_outline(minimal_outline: Path) -> None:
    from briefing.outline import OutlineError, read_outline

    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text.replace("\nsections:", "\ntheme:\n  pptx_template: ../brand.pptx\nsections:", 1),
                               encoding="utf-8")
    with pytest.raises(OutlineError, match="theme.pptx_template: '../brand.pptx' points outside"):
        read_outline(minimal_outline)


def test_an_unusable_template_on_the_command_line(minimal_outline: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.pptx"
    fake.write_text("not a presentation")
    from briefing.errors import InputError

    with pytest.raises(InputError, match="is not really a .pptx file"):
        build(minimal_outline, tmp_path / "out", pptx_template=fake)
    assert FIXTURES.exists()


def test_colours_the_outline_sets_win_over_the_template(minimal_outline: Path, pandoc_templates) -> None:
    text = minimal_outline.read_text(encoding="utf-8")
    minimal_outline.write_text(text.replace("\nsections:", "\ntheme:\n  primary_color: 8B0000\nsections:", 1),
                               encoding="utf-8")
    _, _, deck, _ = built(minimal_outline, *pandoc_templates)
    title_run = deck.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]._r
    assert title_run.xpath(".//a:srgbClr/@val") == ["8B0000"]  # given in the outline
    assert title_run.find(qn("a:rPr")).find(qn("a:latin")).get("typeface") == "+mj-lt"  # not given: the template's


@pytest.mark.parametrize("page", ["label", "margins larger than the page"])
def test_a_template_page_with_no_room_for_text_is_refused_naming_the_template(minimal_outline: Path, page: str) -> None:
    """Was: a label-sized page (its body shorter than one line) looped for ever in the page model; margins
    larger than the page built a document with a negative page height."""
    template = docx.Document()
    section = template.sections[0]
    if page == "label":
        section.page_width, section.page_height = Cm(5), Cm(1.2)
        section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Cm(0.3)
    else:
        section.top_margin = section.bottom_margin = Cm(20)
    path = minimal_outline.parent / "small.docx"
    template.save(str(path))
    result = finishes(["-m", "briefing", "build", str(minimal_outline), "--docx-template", str(path)],
                      seconds=120, cwd=minimal_outline.parent)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"{path}: 'small.docx' leaves") and "7 × 7 cm" in result.stderr
    assert not (minimal_outline.parent / "build").exists()


def test_a_template_with_picture_bullets_and_fields_updated_on_open(minimal_outline: Path, tmp_path: Path) -> None:
    """Lists with picture bullets come first in numbering.xml; the bullet list we add goes after them.
    A template that asks Word to update fields on open would make Word prompt: that setting goes."""
    template = docx.Document()
    numbering = template.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    w = f'xmlns:w="{W}"'
    for number in range(2):
        numbering.append(parse_xml(f'<w:numPicBullet {w} w:numPicBulletId="{number}"><w:pict/></w:numPicBullet>'))
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="0"><w:lvl w:ilvl="0">'
                               '<w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="1"><w:abstractNumId w:val="0"/></w:num>'))
    bullets = template.styles["List Bullet"].element.pPr
    bullets.remove(bullets.find(qn("w:numPr")))
    template.settings.element.append(parse_xml(f'<w:updateFields {w} w:val="true"/>'))
    template.save(tmp_path / "bullets.docx")

    out = minimal_outline.parent / "build"
    build(minimal_outline, out, docx_template=tmp_path / "bullets.docx")

    assert validate_file(out / "mini.docx") == []
    document = docx.Document(str(out / "mini.docx"))
    numbering = document.part.numbering_part.element
    assert [etree.QName(child).localname for child in numbering] == [
        "numPicBullet", "numPicBullet", "abstractNum", "abstractNum", "num", "num"]
    num_id = document.styles["List Bullet"].element.pPr.numPr.numId.val
    assert numbering.num_having_numId(num_id) is not None
    assert document.settings.element.find(qn("w:updateFields")) is None


_ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def _external_targets(package: Path) -> set[str]:
    """Every external relationship's target in the package."""
    with zipfile.ZipFile(package) as archive:
        return {relationship.get("Target") for name in archive.namelist() if name.endswith(".rels")
                for relationship in etree.fromstring(archive.read(name))
                if relationship.get("TargetMode") == "External"}


def test_a_templates_links_to_elsewhere_never_reach_the_outputs(minimal_outline: Path, pandoc_templates,
                                                                tmp_path: Path) -> None:
    """Word fetches an attached template (macros and all) when a file opens, and linked pictures with
    the reader's credentials: the template's external links go; the outline's own source link stays."""
    word_template, deck_template = pandoc_templates
    document = docx.Document(str(word_template))
    settings = document.part.part_related_by(docx.opc.constants.RELATIONSHIP_TYPE.SETTINGS)
    attached = parse_xml(f'<w:attachedTemplate xmlns:w="{W}" xmlns:r="{RT_NAMESPACE}" r:id="'
                         + settings.relate_to("https://example.org/evil.dotm", _ATTACHED_TEMPLATE, is_external=True)
                         + '"/>')
    settings.element.insert(0, attached)
    document.part.relate_to("https://example.org/pixel.png", docx.opc.constants.RELATIONSHIP_TYPE.IMAGE,
                            is_external=True)
    document.save(str(tmp_path / "linked.docx"))
    deck = Presentation(str(deck_template))
    layout = deck.slide_layouts[0]
    shape = layout.shapes[0]
    shape.click_action.hyperlink.address = "https://example.org/track"
    deck.save(str(tmp_path / "linked.pptx"))
    assert {"https://example.org/evil.dotm", "https://example.org/pixel.png"} <= _external_targets(
        tmp_path / "linked.docx")
    assert "https://example.org/track" in _external_targets(tmp_path / "linked.pptx")

    out = minimal_outline.parent / "build"
    build(minimal_outline, out, docx_template=tmp_path / "linked.docx", pptx_template=tmp_path / "linked.pptx")

    assert _external_targets(out / "mini.docx") == {"https://example.org/source"}  # the outline's source
    assert _external_targets(out / "mini.pptx") <= {"https://example.org/source"}
    assert docx.Document(str(out / "mini.docx")).settings.element.find(qn("w:attachedTemplate")) is None
