"""The Word briefing, reopened with python-docx and read as a person would."""

from __future__ import annotations

import io
import itertools

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from briefing.build.pipeline import load
from briefing.outline import read_outline
from tests.conftest import DEFAULT_OUTLINE

W_LANG = qn("w:lang")


@pytest.fixture(scope="module")
def document(default_build) -> docx.document.Document:
    _, out = default_build
    return docx.Document(str(out / "briefing.docx"))


def paragraphs_in(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def all_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_sections_are_heading_1_in_the_article_order(document) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    headings = paragraphs_in(document, "Heading 1")
    numbered = [f"{n}、{s.title}" for n, s in zip("一二三四五", outline.sections, strict=True)]
    positions = [headings.index(title) for title in numbered]
    assert positions == sorted(positions)
    assert headings[0] == "核心要点"  # the summary comes before the sections


def test_subsections_are_heading_2_numbered_like_the_article(document) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    expected = [
        f"（{'一二三'[i]}）{sub.title}" for section in outline.sections for i, sub in enumerate(section.subsections)
    ]
    assert paragraphs_in(document, "Heading 2") == expected


def test_the_articles_dates_and_figures_are_in_the_text(document) -> None:
    text = all_text(document)
    for needle in ("2024年4月24日", "2024年5月7日", "2025年1月17日", "2025年1月18日", "2025年1月19日",
                   "2025年1月8日—14日", "1.7亿", "200万", "近3亿美元", "约80%", "超过20倍", "超过30倍",
                   "近1.576亿", "超过6.82亿", "1000", "90天"):
        assert needle in text, needle


def test_cover_summary_points_quotes_and_sources(document) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    assert paragraphs_in(document, "Title") == [outline.meta.title]
    # The key takeaways and the closing implications: every part has prose, so none shows its points.
    assert len(paragraphs_in(document, "List Bullet")) == len(outline.summary) + len(outline.general_implications)
    quotes = paragraphs_in(document, "Quote")
    assert any("TikTok 就像我的好朋友" in q for q in quotes)
    text = all_text(document)
    assert outline.meta.source.caveat in text
    assert "资料来源" in paragraphs_in(document, "Heading 1")


def test_no_part_repeats_its_prose_as_a_list_of_its_points(document) -> None:
    """Was: each part's prose, then its points as a bullet list saying the same things again."""
    outline = load(DEFAULT_OUTLINE)  # references filled in, as the document shows them
    points = [point for part in outline.parts() if part.prose for point in part.points]
    assert len(points) > 40
    texts = [p.text for p in document.paragraphs]
    assert not [text for text in texts if any(text.startswith(point[:12]) for point in points)]
    prose = [paragraph for part in outline.parts() for paragraph in part.prose]
    assert sum(any(text.startswith(paragraph[:30]) for text in texts) for paragraph in prose) == len(prose)


def test_every_chart_is_a_captioned_figure_with_alt_text(document) -> None:
    outline = read_outline(DEFAULT_OUTLINE)
    pictures = document.inline_shapes
    assert len(pictures) == len(outline.charts)
    for picture in pictures:
        description = picture._inline.docPr.get("descr")
        assert description and "：" in description
    captions = [c for c in paragraphs_in(document, "Caption") if c.startswith("图")]
    assert [c.split()[1] for c in captions] == [str(n) for n in range(1, len(outline.charts) + 1)]


def test_each_figure_shows_a_drawn_chart_undistorted(document, default_build) -> None:
    # The document is composed from the charts' sizes before they are drawn: the pictures it
    # shows must still be the drawn images, at their own proportions.
    _, out = default_build
    drawn = {path.read_bytes() for path in (out / ".cache").glob("chart-*.png")}
    shown = []
    for picture in document.inline_shapes:
        image = document.part.related_parts[picture._inline.graphic.graphicData.pic.blipFill.blip.embed]
        shown.append(image.blob)
        with Image.open(io.BytesIO(image.blob)) as pixels:
            # Within a pixel of the image's own height at this width.
            assert abs(picture.height / picture.width * pixels.width - pixels.height) <= 1
    assert set(shown) == drawn and len(shown) == len(drawn)


def test_tables_of_timeline_and_statistics_repeat_their_header_and_keep_each_row_whole(document) -> None:
    assert len(document.tables) == 2
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert table.rows[0].cells[0].text == "指标"


def keeps(paragraph, document) -> tuple[bool, bool]:
    """(keep with next, keep lines together) as Word reads them: the paragraph's own, else its style's."""
    layout, style = paragraph.paragraph_format, document.styles[paragraph.style.name].paragraph_format
    with_next = layout.keep_with_next if layout.keep_with_next is not None else style.keep_with_next
    whole = layout.keep_together if layout.keep_together is not None else style.keep_together
    return bool(with_next), bool(whole)


def test_a_quote_is_kept_whole_and_with_its_attribution(document) -> None:
    """Was: a quote's attribution alone at the top of a page."""
    paragraphs = document.paragraphs
    quotes = [i for i, p in enumerate(paragraphs) if p.style.name == "Quote"]
    assert len(quotes) == 4
    for index in quotes:
        assert keeps(paragraphs[index], document) == (True, True)
        assert paragraphs[index + 1].style.name == "Attribution"
        assert keeps(paragraphs[index + 1], document)[1]


def test_a_short_list_is_kept_on_one_page(document) -> None:
    """Was: a list split across pages, its last item alone at the top of the next."""
    lists = [list(group) for bullet, group in itertools.groupby(document.paragraphs,
                                                                 lambda p: p.style.name == "List Bullet") if bullet]
    assert [len(items) for items in lists] == [5, 5]  # the key takeaways, the implications
    for items in lists:
        assert [keeps(p, document) for p in items] == [(True, True)] * (len(items) - 1) + [(False, True)]


def test_a_figure_is_kept_with_its_caption_note_and_source(document) -> None:
    paragraphs = document.paragraphs
    pictures = [i for i, p in enumerate(paragraphs) if p._p.findall(f".//{qn('w:drawing')}")]
    assert len(pictures) == 4
    for index in pictures:
        group = [index]
        while keeps(paragraphs[group[-1]], document)[0]:
            group.append(group[-1] + 1)
        styles = [paragraphs[i].style.name for i in group]
        assert styles[:2] == ["Figure", "Caption"] and styles[-1] == "Source Note", styles
        assert paragraphs[group[-1]].text.startswith("来源：")


def test_styles_set_the_east_asian_font_and_chinese_language(document) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption", "Quote", "List Bullet"):
        rpr = document.styles[name].element.rPr
        assert rpr.rFonts.get(qn("w:eastAsia")) == "Microsoft YaHei", name
        assert rpr.find(W_LANG).get(qn("w:eastAsia")) == "zh-CN", name


def test_word_styles_have_the_measurements_the_page_model_uses(document) -> None:
    """One table (geometry.SPECS) makes the Word styles and measures the pages: what Word lays out
    is what the contents' page numbers were counted from."""
    from briefing.document.geometry import SPECS

    for name, spec in SPECS.items():
        style = document.styles[str(name)]
        layout = style.paragraph_format
        assert style.font.size.pt == spec.size, name
        assert layout.line_spacing.pt == spec.pitch, name
        assert (layout.space_before.pt, layout.space_after.pt) == (spec.before, spec.after), name
        assert bool(layout.keep_with_next) == spec.keep_with_next, name
        assert bool(layout.keep_together) == spec.keep_lines, name
        assert (layout.left_indent or docx.shared.Pt(0)).pt == spec.left, name
        assert (layout.right_indent or docx.shared.Pt(0)).pt == spec.right, name


def test_properties_come_from_the_outline(document) -> None:
    properties = document.core_properties
    assert properties.title == read_outline(DEFAULT_OUTLINE).meta.title
    assert properties.author == "briefing 示例"
    assert properties.created.year == 2025
    assert properties.language == "zh-CN"


def test_page_is_a4_portrait(document) -> None:
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def field_codes(element) -> list[str]:
    return [" ".join(t.text.split()) for t in element.iter(qn("w:instrText"))]


def test_contents_is_a_toc_field_filled_with_the_headings(document) -> None:
    body = document.element.body
    codes = field_codes(body)
    assert 'TOC \\o "1-2" \\h \\z \\u' in codes
    entries = [p for p in document.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    headings = [p for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert [e.text.rsplit("\t", 1)[0] for e in entries] == [h.text for h in headings]
    pages = [int(e.text.rsplit("\t", 1)[1]) for e in entries]
    assert pages == sorted(pages) and pages[0] == 3  # cover, contents, then the body
    # The pages written are the ones laid out (test_libreoffice.py): Word shows them without asking
    # to update fields on open.
    begin = next(body.iter(qn("w:fldChar")))
    assert begin.get(qn("w:dirty")) is None
    assert document.settings.element.find(qn("w:updateFields")) is None


def test_header_has_the_title_and_footer_page_x_of_y(document) -> None:
    body_section = document.sections[-1]
    assert body_section.header.paragraphs[0].text == read_outline(DEFAULT_OUTLINE).short_title
    footer = body_section.footer.paragraphs[0]
    assert field_codes(footer._p) == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("第") and "页，共" in footer.text
    assert document.sections[0].header.is_linked_to_previous  # the cover has no header of its own


def test_points_are_a_real_word_list(document) -> None:
    bullet_style = document.styles["List Bullet"]
    num_id = bullet_style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    assert any(num.numId == num_id for num in numbering.num_lst)


def test_captions_are_numbered_seq_fields_in_order(document) -> None:
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    figures = [c for c in captions if field_codes(c._p) == ["SEQ 图 \\* ARABIC"]]
    tables = [c for c in captions if field_codes(c._p)[:1] == ["SEQ 附表 \\* ARABIC"]]
    assert [c.text.split()[1] for c in figures] == ["1", "2", "3", "4"]
    assert [c.text.split()[1] for c in tables] == ["1", "2"]  # the appendix's own series: 附表 1


def field_results(paragraph) -> list[tuple[str, str, int]]:
    """Each field in a paragraph: its code, the result written for it, and the character offset of
    that result in the paragraph's text."""
    found, code, result, state, offset = [], "", "", None, 0
    for element in paragraph._p.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if element.tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                code, result, state = "", "", "code"
            elif kind == "separate":
                state, start = "result", offset
            else:
                found.append((" ".join(code.split()), result, start))
                state = None
        elif element.tag == qn("w:instrText"):
            code += element.text or ""
        else:
            if state == "result":
                result += element.text or ""
            offset += len(element.text or "")
    return found


def bookmarked_numbers(document) -> dict[str, str]:
    """Each bookmark around a caption's number: its name, and the number it holds."""
    numbers = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name != "Caption":
            continue
        inside, name, text = False, "", ""
        for element in paragraph._p.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:t")):
            if element.tag == qn("w:bookmarkStart"):
                inside, name, text = True, element.get(qn("w:name")), ""
            elif element.tag == qn("w:bookmarkEnd"):
                inside, numbers[name] = False, text
            elif inside:
                text += element.text or ""
        assert not inside
    return numbers


def test_every_figure_is_referred_to_from_the_text_by_a_field_showing_its_number(document) -> None:
    """A REF field to the bookmark around the caption's number, before the figure, written with the
    number: 见图2 reads right before fields are updated, and Word and LibreOffice keep it right."""
    numbers = bookmarked_numbers(document)
    assert len(numbers) == 6  # four figures, two appendix tables
    paragraphs = document.paragraphs
    captions = {name: next(i for i, p in enumerate(paragraphs) if p.style.name == "Caption"
                           and any(b.get(qn("w:name")) == name for b in p._p.iter(qn("w:bookmarkStart"))))
                for name in numbers}
    referred = {}
    for index, paragraph in enumerate(paragraphs):
        for code, result, at in field_results(paragraph):
            if code.startswith("REF "):
                name = code.split()[1]
                assert result == numbers[name], (paragraph.text, code)
                assert paragraph.text[at - 2:at] in ("见图", "（图"), paragraph.text
                referred.setdefault(name, []).append(index)
    figures = [name for name, number in numbers.items() if name.startswith("_RefFigure")]
    assert sorted(figures) == sorted(f"_RefFigure{n}" for n in range(1, 5))
    for name in figures:
        body_references = [index for index in referred[name] if paragraphs[index].style.name == "Normal"]
        assert len(body_references) == 1 and body_references[0] < captions[name], name


def test_the_timeline_is_one_exhibit_of_the_body_and_its_table_is_labelled_its_data(document) -> None:
    paragraphs = document.paragraphs
    appendix = next(i for i, p in enumerate(paragraphs) if p.text == "数据与时间线")
    captions = [(i, p.text) for i, p in enumerate(paragraphs) if p.style.name == "Caption"]
    body = [text for i, text in captions if i < appendix]
    assert [text for text in body if "时间线" in text] == [body[0]] and body[0].startswith("图 1  事件时间线")
    assert all(text.startswith("图 ") for text in body)
    appendix_captions = [text for i, text in captions if i > appendix]
    assert appendix_captions[0] == "附表 1  事件时间线（图1的数据及来源）"


def test_sources_are_numbered_and_linked(document) -> None:
    entries = [p for p in document.paragraphs if p.style.name == "Source Entry"]
    assert entries[0].text.startswith("[1]\t")
    links = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert read_outline(DEFAULT_OUTLINE).meta.source.url in [r.target_ref for r in links]
    statistics_table = document.tables[1]
    assert all(row.cells[-1].text == "[1]" for row in statistics_table.rows[1:])


def test_table_cells_write_breaks_and_tabs_as_body_paragraphs_do() -> None:
    """Table cells are written as XML; their runs must hold what python-docx's add_run makes of the same text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from briefing.document.write import _run_text

    text = "甲\t乙\r\n丙 <&> \n"
    expected = docx.Document().add_paragraph().add_run(text)._r
    written = parse_xml(f'<w:r {nsdecls("w")}>{_run_text(text)}</w:r>')
    assert [(e.tag, e.text) for e in written] == [(e.tag, e.text) for e in expected]


def _contents_dirty(document_file) -> bool:
    begin = next(docx.Document(str(document_file)).element.body.iter(qn("w:fldChar")))
    return begin.get(qn("w:dirty")) == "true"


@pytest.mark.parametrize("kind", ["many pages", "much Latin text"])
def test_contents_ask_to_be_updated_where_the_page_model_cannot_be_sure(tmp_path, kind: str) -> None:
    """A 200-section document drifts from LibreOffice's layout by its end, and English text is set
    in whatever font replaces Arial on the reader's machine: the contents say they need updating
    instead of showing page numbers that may be wrong."""
    import yaml

    from briefing.build.pipeline import build
    from tests.build.test_libreoffice import long_outline
    from tests.conftest import FIXTURES

    if kind == "many pages":
        outline = long_outline(tmp_path)
    else:
        english = yaml.safe_load((FIXTURES / "english.yaml").read_text(encoding="utf-8"))
        english.pop("audiences", None)
        english.pop("implications", None)  # some name the audiences
        for section in english["sections"]:
            section["prose"] = [" ".join(section["prose"] or ["The ruling stands."])] * 20
        outline = tmp_path / "english.yaml"
        outline.write_text(yaml.safe_dump(english, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build(outline, tmp_path / "build")
    [document_file] = (tmp_path / "build").glob("*.docx")
    assert _contents_dirty(document_file)


def resolved(style, attribute: str):
    """A font attribute as the style gives it, or the style it is based on, and so on; None if none does."""
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def italic_runs(document) -> list[str]:
    """The text of every run Word sets in italic: its own italic, else its paragraph style's."""
    paragraphs = [*document.paragraphs, *(p for table in document.tables for row in table.rows
                                          for cell in row.cells for p in cell.paragraphs)]
    return [run.text for p in paragraphs for run in p.runs
            if (run.font.italic if run.font.italic is not None else resolved(p.style, "italic"))]


def test_chinese_is_never_set_in_italic(document) -> None:
    """Was: the publisher's caveat in italic Chinese, a slanted distortion of the characters. It keeps its
    muted colour and its rule."""
    caveats = [p for p in document.paragraphs if p.style.name == "Caveat"]
    assert len(caveats) == 2 and all(p.text.startswith("发布方声明") for p in caveats)
    assert italic_runs(document) == []
    caveat = document.styles["Caveat"]
    assert caveat.element.pPr.find(qn("w:pBdr")).find(qn("w:left")) is not None
    assert str(caveat.font.color.rgb) == read_outline(DEFAULT_OUTLINE).theme.muted_color.upper()


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> docx.document.Document:
    from briefing.build.pipeline import build
    from tests.conftest import FIXTURES

    out = tmp_path_factory.mktemp("english")
    build(FIXTURES / "english.yaml", out)
    return docx.Document(str(out / "tiktok-brief.docx"))


def test_english_keeps_its_italic_caveat(english) -> None:
    assert [text for text in italic_runs(english) if text.startswith("Publisher's note")]


def test_english_table_cells_fit_on_two_lines_at_most(english) -> None:
    """Was: narrow columns wrapped a value over three lines ('nearly' / 'US$300' / 'million')."""
    from briefing.document.geometry import CELL_SIDES_PT, SPECS, Style
    from briefing.document.measure import line_count

    assert len(english.tables) == 2
    for table, values in zip(english.tables, [(0, 2), (1, 2, 4)], strict=True):  # dates; values, as of; sources
        widths = [int(column.get(qn("w:w"))) / 20 - CELL_SIDES_PT
                  for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        lines = [[line_count(cell.text, width, SPECS[Style.TABLE_TEXT]) for cell, width in
                  zip(row.cells, widths, strict=True)] for row in table.rows]
        assert max(max(row) for row in lines) <= 2, lines
        assert all(row[c] == 1 for row in lines for c in values), lines


def test_chinese_breaks_lines_by_east_asian_rules(document) -> None:
    """Every paragraph inherits kinsoku (no closing punctuation starts a line, no opening one ends it),
    the space between Chinese and Latin text or digits, and widow control; no punctuation hangs in the
    margin, in Word as in LibreOffice."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for name in ("w:kinsoku", "w:autoSpaceDE", "w:autoSpaceDN", "w:widowControl"):
        element = defaults.find(qn(name))
        assert element is not None and element.get(qn("w:val")) in (None, "1", "true", "on"), name
    for name in ("w:overflowPunct", "w:topLinePunct"):
        assert defaults.find(qn(name)).get(qn("w:val")) == "0", name
    # No style or paragraph switches them off again.
    switched_off = [e for e in document.element.iter(qn("w:kinsoku"), qn("w:autoSpaceDE"), qn("w:autoSpaceDN"))
                    if e.get(qn("w:val")) in ("0", "false", "off")]
    assert switched_off == []
