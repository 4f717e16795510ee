"""The preview's fast view: slides drawn from the deck's own shapes, pages from the page model, each with
the outline lines it came from; and a broken outline's problems with their lines."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from briefing.deck.plan import plan_deck
from briefing.deck.shapes import FilledShape, SlideShapes
from briefing.document.plan import BulletList, Heading, Paragraph, plan_document
from briefing.errors import BriefingError
from briefing.outline.source import OutlineSource, read_source
from briefing.preview.views import load, make_view, problems_of
from tests.conftest import DEFAULT_OUTLINE, FIXTURES, ROOT
from tests.outline.test_validate import edit, line_of


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    return load(read_source(DEFAULT_OUTLINE))


def svg_texts(svg: str) -> str:
    return "".join(unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_every_slide_is_drawn_from_the_decks_own_shapes(loaded) -> None:  # type: ignore[no-untyped-def]
    view = make_view(loaded, None)
    plans = plan_deck(loaded.outline).slides
    assert len(view.slides) == len(plans) == 27
    shapes = SlideShapes(loaded.outline)
    for slide, plan in zip(view.slides, plans, strict=True):
        drawn = shapes.of(plan, slide.number)
        assert slide.svg.startswith("<svg") and 'viewBox="0 0 960 540"' in slide.svg
        rectangles = [shape.box for shape in drawn if isinstance(shape, FilledShape) and shape.preset == "rect"]
        for box in rectangles:  # the deck's boxes, where the deck has them
            place = " ".join(f'{name}="{value:.1f}"'.replace('.0"', '"') for name, value in
                             zip(("x", "y", "width", "height"), (box.left_pt, box.top_pt, box.width_pt, box.height_pt),
                                 strict=True))
            assert f"<rect {place} " in slide.svg
        # Every word of the slide is on it, wherever its lines broke.
        assert plan.title.replace(" ", "") in svg_texts(slide.svg).replace(" ", "")
        for bullet in plan.bullets:
            assert bullet.replace("\n", "").replace(" ", "") in svg_texts(slide.svg).replace(" ", "")
            assert bullet in slide.text
    assert len({slide.key for slide in view.slides}) == len(view.slides)


def test_each_slide_links_to_the_outline_lines_it_came_from(loaded) -> None:  # type: ignore[no-untyped-def]
    view = make_view(loaded, None)
    [outbreak] = [slide for slide in view.slides if slide.origins and slide.origins[0].path == "sections[0]"]
    span = outbreak.origins[0]
    assert span.first == line_of(DEFAULT_OUTLINE, "- id: outbreak")
    assert span.lines[0] == "  - id: outbreak"
    assert span.last < line_of(DEFAULT_OUTLINE, "- id: roots")
    assert [origin.path for origin in outbreak.origins[1:]] == ["statistics[0]"]  # its figure: us-users
    # A section's lines are its own, without its sub-sections', which have slides of their own.
    [roots] = [slide for slide in view.slides if slide.origins and slide.origins[0].path == "sections[1]"]
    assert roots.origins[0].last < line_of(DEFAULT_OUTLINE, "- id: roots-data")
    quote = next(slide for slide in view.slides if slide.origins and ".quotes[" in slide.origins[0].path)
    assert quote.origins[0].lines[0].lstrip().startswith("- text:")
    assert all(slide.origins for slide in view.slides)


def test_an_audience_links_to_its_own_summary(loaded) -> None:  # type: ignore[no-untyped-def]
    view = make_view(loaded, "executive")
    [summary] = [slide for slide in view.slides if any("summary" in span.path for span in slide.origins)]
    assert sorted(span.path for span in summary.origins) == ["audiences[0].summary", "audiences[0].summary_takeaway"]
    assert summary.origins[0].first > line_of(DEFAULT_OUTLINE, "- name: executive")


def test_the_pages_are_the_page_models_with_every_line_of_the_document(loaded) -> None:  # type: ignore[no-untyped-def]
    from briefing.charts import chart_sizes
    from briefing.document import DocxInputs, compose_docx

    view = make_view(loaded, None)
    assert len(view.pages) == compose_docx(loaded.outline, DocxInputs(chart_sizes(loaded.outline))).pages
    shown = "".join(page.text for page in view.pages).replace("\n", "")
    plan = plan_document(loaded.outline, chart_sizes(loaded.outline))
    texts = [block.text for block in plan.body if isinstance(block, (Heading, Paragraph)) and block.text]
    texts += [item for block in plan.body if isinstance(block, BulletList) for item in block.items]
    assert texts
    for text in texts:
        assert text.replace("\n", "") in shown
    assert view.pages[0].origins[0].path == "meta"  # the cover
    assert any("sections[0]" in [span.path for span in page.origins] for page in view.pages)


def test_a_broken_outlines_problems_come_with_their_lines(minimal_outline: Path) -> None:
    edit(minimal_outline, "title:", "titel:")
    source = read_source(minimal_outline)
    with pytest.raises(BriefingError) as raised:
        load(source)
    problems = problems_of(raised.value, source)
    line = line_of(minimal_outline, "titel:")
    found = next(problem for problem in problems if problem.line == line)
    assert found.text == minimal_outline.read_text(encoding="utf-8").splitlines()[line - 1]
    assert found.file == str(minimal_outline) and "titel" in found.message
    not_yaml = OutlineSource(minimal_outline, b"meta: [unclosed\n")
    with pytest.raises(BriefingError) as raised:
        load(not_yaml)
    [problem] = problems_of(raised.value, not_yaml)
    assert problem.line >= 1 and "YAML syntax error" in problem.message


def test_an_english_outline_and_a_logo_are_drawn(tmp_path: Path) -> None:
    outline = tmp_path / "outline.yaml"
    (tmp_path / "logo.png").write_bytes((FIXTURES / "logo.png").read_bytes())
    outline.write_text((FIXTURES / "english.yaml").read_text(encoding="utf-8") + "\ntheme:\n  logo: logo.png\n",
                       encoding="utf-8")
    loaded = load(read_source(outline))
    view = make_view(loaded, None)
    assert loaded.logo_key is not None
    assert f'href="logo/{loaded.logo_key}.png"' in view.slides[0].svg
    assert f'href="logo/{loaded.logo_key}.png"' in view.pages[0].svg


def test_only_the_preview_imports_the_web_server() -> None:
    """`briefing build` and `validate` load none of it; the fast view loads no Office library or matplotlib."""
    script = ("import sys\nimport briefing.cli, briefing.build.pipeline, briefing.build.watch\n"
              "print(sorted(m for m in ('starlette', 'uvicorn') if m in sys.modules))\n"
              "import briefing.preview.views\n"
              "print(sorted(m for m in ('docx', 'pptx', 'matplotlib') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert result.stdout.splitlines() == ["[]", "[]"]
