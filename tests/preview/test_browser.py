"""briefing preview in a real browser (Chromium, driven by Playwright), as a writer uses it: every slide
and page shown, a save shown without a reload, a broken outline's problems at their lines above the
last good preview, the audiences, and each slide's lines of the outline."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.deck.plan import plan_deck
from briefing.outline import read_outline
from briefing.outline.audience import select
from tests.conftest import DEFAULT_OUTLINE, copy_default_outline
from tests.outline.test_validate import line_of
from tests.preview.running import Preview, replace_file

pytestmark = pytest.mark.browser

# Chromium as Debian packages it, kept off the network it would otherwise try (and fail) to reach.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
# A bound on waiting for the page, not a measure of speed (the preview updates in well under a second).
SHOWN_MS = 15_000
POINT = "应用从美国谷歌应用商店下架，美国区网站不再显示视频"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    return copy_default_outline(tmp_path)


@pytest.fixture
def preview(outline: Path) -> Iterator[Preview]:
    running = Preview(outline.parent).started()
    try:
        yield running
    finally:
        code, said = running.stop()
    assert code == 0, said
    assert "Traceback" not in said, said


@pytest.fixture
def page(browser: Any, preview: Preview) -> Iterator[Any]:
    from playwright.sync_api import expect

    expect.set_options(timeout=SHOWN_MS)
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    opened = context.new_page()
    opened.goto(preview.address)
    yield opened
    context.close()


def slide_count(outline: Path, audience: str | None = None) -> int:
    read = read_outline(outline)
    return len(plan_deck(select(read, read.audience(audience)) if audience else read).slides)


def test_every_slide_is_shown_and_a_saved_point_appears_without_a_reload(page: Any, outline: Path) -> None:
    from playwright.sync_api import expect

    slides = page.locator("[data-slide]")
    expect(slides).to_have_count(slide_count(outline))
    expect(page.locator("[data-page]").first).to_be_visible()
    for number in range(1, slide_count(outline) + 1):  # each at the deck's proportions
        box = page.locator(f'[data-slide="{number}"] .sheet').bounding_box()
        assert box is not None and abs(box["width"] / box["height"] - 16 / 9) < 0.01
    page.evaluate("window.notReloaded = true")

    new = "预览里的新要点：改后即见，这一句故意写得比一行更长，看它折成两行之后是否仍能整句找到"
    replace_file(outline, outline.read_text(encoding="utf-8").replace(POINT, new))
    expect(page.get_by_text(new)).to_be_visible()  # one place on the page says it, however its lines broke
    expect(page.locator('[data-slide="5"]')).to_contain_text(new)
    expect(page.locator("#slides")).not_to_contain_text(POINT)
    assert page.evaluate("window.notReloaded") is True
    english = "A point in English, long enough to wrap over two lines of the slide's left column"
    replace_file(outline, outline.read_text(encoding="utf-8").replace(new, english))
    expect(page.get_by_text(english)).to_be_visible()  # the space where the line broke is kept


def test_a_broken_outline_shows_each_problem_at_its_line_above_the_last_good_preview(page: Any,
                                                                                       outline: Path) -> None:
    from playwright.sync_api import expect

    expect(page.locator("[data-slide]")).to_have_count(slide_count(outline))
    good = outline.read_text(encoding="utf-8")
    broken = good.replace("    takeaway: 最高法院维持法案", "    takeway: 最高法院维持法案", 1)
    replace_file(outline, broken)
    line = line_of(outline, "takeway:")
    problems = page.locator("#problems")
    expect(problems).to_be_visible()
    expect(problems).to_contain_text(f"outline.yaml:{line}:")
    expect(problems).to_contain_text("takeway")
    expect(problems.locator(f'[data-line="{line}"]')).to_have_text(broken.splitlines()[line - 1])  # the line itself
    expect(page.locator("[data-slide]")).to_have_count(slide_count(DEFAULT_OUTLINE))  # the last good preview stays

    replace_file(outline, good.replace(POINT, "修好之后的要点"))
    expect(problems).to_be_hidden()
    expect(page.locator('[data-slide="5"]')).to_contain_text("修好之后的要点")


def test_the_audiences_are_a_click_apart(page: Any, outline: Path) -> None:
    from playwright.sync_api import expect

    expect(page.locator("[data-slide]")).to_have_count(slide_count(outline))
    page.get_by_role("button", name="高管摘要").click()
    expect(page.locator("[data-slide]")).to_have_count(slide_count(outline, "executive"))
    expect(page.get_by_role("button", name="高管摘要")).to_have_attribute("aria-pressed", "true")
    assert re.search(r"[?&]audience=executive\b", page.url)
    shown = "1月18日特朗普称“极有可能”在就职后给予90天延缓期"  # a point of a part the executives get
    replace_file(outline, outline.read_text(encoding="utf-8").replace(shown, "高管版也看得到"))
    expect(page.locator("#slides")).to_contain_text("高管版也看得到")  # the reader chosen stays chosen
    expect(page.get_by_role("button", name="高管摘要")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Full briefing").click()
    expect(page.locator("[data-slide]")).to_have_count(slide_count(outline))


def test_a_slide_shows_the_outline_lines_it_came_from_its_fit_and_its_notes(page: Any, outline: Path) -> None:
    from playwright.sync_api import expect

    first = line_of(outline, "- id: outbreak")
    page.locator('[data-slide="5"]').hover()
    inspector = page.locator("#inspector")
    expect(inspector).to_contain_text("Slide 5")
    expect(inspector).to_contain_text(f"outline.yaml:{first}–")
    expect(inspector.locator(f'[data-line="{first}"]')).to_have_text("  - id: outbreak")
    expect(inspector).to_contain_text("Everything fits.")
    expect(inspector).to_contain_text("2025年1月18日深夜")  # the speaker notes: the part's prose
    page.locator('[data-slide="5"]').click()  # kept while the pointer moves on
    page.mouse.move(0, 0)
    expect(inspector).to_contain_text("Slide 5")
    page.locator('[data-page="1"]').hover()
    expect(inspector).to_contain_text("Page 1")
    expect(inspector).to_contain_text(f"outline.yaml:{line_of(outline, 'meta:')}")


def test_without_libreoffice_the_page_says_so_above_the_page_models_pages(browser: Any, outline: Path,
                                                                           tmp_path: Path) -> None:
    from playwright.sync_api import expect

    bare = tmp_path / "bin"  # a PATH where neither LibreOffice nor pdftoppm is found
    bare.mkdir()
    preview = Preview(outline.parent, environment={"PATH": str(bare)}).started()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(preview.address)
        note = page.locator("#office-note")
        expect(note).to_be_visible(timeout=SHOWN_MS)
        expect(note).to_contain_text("LibreOffice is not installed")
        expect(page.locator('[data-page="1"]')).to_contain_text("page model")
    finally:
        context.close()
        code, said = preview.stop()
    assert code == 0, said
