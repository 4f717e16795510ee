"""The fast view of an outline for one reader: every slide and page drawn from the deck's shapes and the
page model, each with the outline lines it came from; or the outline's problems, each at its line.

Nothing here writes a file or imports python-docx, python-pptx or matplotlib: a view is ready in
a fraction of a second after a save, while LibreOffice's pages follow (renders.py).
"""

from __future__ import annotations

import hashlib
import time as clock
from dataclasses import dataclass, field
from typing import Any

from briefing.build.pipeline import check_audiences, load_with_files
from briefing.charts import chart_sizes
from briefing.deck.plan import Origin, plan_deck
from briefing.deck.shapes import ChartShape, Role, Shape, SlideShapes, TextShape, tint_of
from briefing.document.floats import laid_out
from briefing.document.plan import Block, Figure, Heading, plan_document
from briefing.errors import BriefingError
from briefing.outline.assets import ThemeFiles
from briefing.outline.audience import select
from briefing.outline.errors import OutlineError, format_path
from briefing.outline.load import load_yaml
from briefing.outline.locale import labels, title_numbers
from briefing.outline.model import Outline, Theme
from briefing.outline.source import OutlineSource
from briefing.preview.origins import OutlineLines, Span
from briefing.preview.pages import draw_pages
from briefing.preview.slides import SlideDrawing


def key_of(content: str | bytes) -> str:
    """A short digest: a slide or page whose drawing has this key again is unchanged."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=8).hexdigest()


@dataclass(frozen=True)
class Shown:
    """A slide or a page: its drawing, its key, and the outline lines it came from."""

    number: int
    svg: str
    key: str
    origins: list[Span]
    text: str  # what a reader sees on it, for a screen reader (and a search)
    title: str = ""
    problems: list[str] = field(default_factory=list)  # a slide's fit problems
    notes: str = ""  # a slide's speaker notes

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "svg": self.svg, "key": self.key, "text": self.text, "title": self.title,
                "origins": [span.as_json() for span in self.origins], "problems": self.problems, "notes": self.notes}


@dataclass(frozen=True)
class View:
    """One reader's version of the outline, drawn: the deck's slides and the document's pages."""

    audience: str | None
    slides: list[Shown]
    pages: list[Shown]
    notes: list[str]  # what the fast view does not show as the files will be


@dataclass(frozen=True)
class Loaded:
    """A valid outline, read once for every reader's view: the model, its files, its lines."""

    source: OutlineSource
    outline: Outline
    files: ThemeFiles
    lines: OutlineLines
    logo_key: str | None  # the logo's digest, in the address the page finds it at
    seconds: float

    @property
    def audiences(self) -> list[tuple[str, str]]:
        return [(audience.name, audience.display_name) for audience in self.outline.audiences]


def load(source: OutlineSource) -> Loaded:
    """The outline read, validated and indexed by line; raises BriefingError with its problems."""
    started = clock.perf_counter()
    outline, files = load_with_files(source)
    lines = OutlineLines(load_yaml(source), source.text(), source.file)
    logo_key = key_of(files.logo.png) if files.logo else None
    return Loaded(source, outline, files, lines, logo_key, clock.perf_counter() - started)


def colours(theme: Theme) -> dict[Role, str]:
    """Each colour role of the deck (and the document) as the outline's theme sets it."""
    primary = theme.primary_color.upper()
    return {"primary": primary, "accent": theme.accent_color.upper(), "text": theme.text_color.upper(),
            "muted": theme.muted_color.upper(), "white": "FFFFFF", "tint": tint_of(primary)}


def make_view(loaded: Loaded, audience: str | None) -> View:
    """The slides and pages for one audience (None: the full briefing)."""
    outline = loaded.outline
    if audience is not None:
        check_audiences(outline, loaded.source.file, [audience])
        outline = select(outline, outline.audience(audience))
    palette = colours(outline.theme)
    logo_url = f"logo/{loaded.logo_key}.png" if loaded.logo_key else None
    notes = []
    if loaded.files.pptx_template or loaded.files.docx_template:
        notes.append("drawn in the briefing's own look: the company template shows in LibreOffice's pages")
    return View(audience, _slides(outline, loaded, audience, palette, logo_url),
                _pages(outline, loaded, audience, palette, logo_url), notes)


def _slides(outline: Outline, loaded: Loaded, audience: str | None, palette: dict[Role, str],
            logo_url: str | None) -> list[Shown]:
    deck = plan_deck(outline)
    logo = loaded.files.logo
    shapes = SlideShapes(outline, (logo.width, logo.height) if logo else None)
    drawing = SlideDrawing(palette, logo_url)
    problems: dict[int, list[str]] = {}
    for problem in deck.problems:
        problems.setdefault(problem.slide, []).append(problem.message)
    slides = []
    for number, plan in enumerate(deck.slides, 1):
        drawn = shapes.of(plan, number)
        svg = drawing.svg(drawn, plan.title)
        slides.append(Shown(number, svg, key_of(svg), loaded.lines.spans(plan.origins, audience), _text_of(drawn),
                            plan.title, problems.get(number, []), plan.notes))
    return slides


def _pages(outline: Outline, loaded: Loaded, audience: str | None, palette: dict[Role, str],
           logo_url: str | None) -> list[Shown]:
    plan, pages = laid_out(plan_document(outline, chart_sizes(outline), logo=loaded.files.logo))
    drawn = draw_pages(plan, pages, palette, logo_url, _block_origins(outline, plan.body))
    return [Shown(number, page.svg, key_of(page.svg), loaded.lines.spans(page.origins, audience),
                  "\n".join(page.texts)) for number, page in enumerate(drawn, 1)]


def _text_of(shapes: list[Shape]) -> str:
    """A slide's text, paragraph by paragraph, and its charts' bars."""
    texts: list[str] = []
    for shape in shapes:
        if isinstance(shape, TextShape):
            texts.extend(paragraph.text for paragraph in shape.paragraphs if paragraph.text)
        elif isinstance(shape, ChartShape):
            texts.extend(f"{bar.label} {bar.display}" for bar in shape.bars)
    return "\n".join(texts)


def _block_origins(outline: Outline, body: tuple[Block, ...]) -> list[tuple[Origin, ...]]:
    """What of the outline each block of the document's body shows: the part (or the outline's own
    list) whose heading it is under, and the chart a figure draws."""
    words = labels(outline.meta.locale)
    numbers = title_numbers(outline)
    parts = {(numbers[part.id], part.title): Origin("part", part.id) for part in outline.parts()}
    own = {words.summary: Origin("summary"), words.implications: Origin("implications"),
           words.sources: Origin("sources")}
    origins: list[tuple[Origin, ...]] = []
    under: tuple[Origin, ...] = ()
    for block in body:
        if isinstance(block, Heading):
            found = parts.get((block.number, block.title)) or (own.get(block.title) if not block.number else None)
            under = (found,) if found else ()
        shown = (*under, Origin("chart", block.chart_id)) if isinstance(block, Figure) else under
        origins.append(shown)
    return origins


@dataclass(frozen=True)
class ProblemView:
    """A problem with the outline as the page shows it: where, what, and the line's text."""

    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: str = ""
    text: str = ""  # the outline's line

    def as_json(self) -> dict[str, Any]:
        return {"message": self.message, "file": self.file, "line": self.line, "column": self.column,
                "path": self.path, "text": self.text}


def problems_of(error: BriefingError, source: OutlineSource | None) -> list[ProblemView]:
    """Every problem the error reports, each with its line of the outline where it has one."""
    if not isinstance(error, OutlineError):
        return [ProblemView(message) for message in error.messages()]
    try:
        text = source.text().splitlines() if source is not None else []
    except BriefingError:  # not UTF-8: the problem says so, and there are no lines to show
        text = []
    views = []
    for problem in error.problems:
        message = problem.message + (f" ({problem.hint})" if problem.hint else "")
        in_outline = source is not None and problem.file == source.file and 0 < problem.line <= len(text)
        views.append(ProblemView(message, str(problem.file), problem.line, problem.column, format_path(problem.path),
                                 text[problem.line - 1] if in_outline else ""))
    return views
