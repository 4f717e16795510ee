"""Outline -> slide plans: what goes on which slide, decided before any file is written.

Fitting is decided here with the bundled font's real advance widths:
PowerPoint does not shrink text when it opens a file, so points that would
overflow continue on a follow-on slide marked as continued, and anything
that cannot fit on any slide is reported as a FitProblem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from briefing.fonts import wrap
from briefing.locale import format_date, labels, section_number, subsection_number
from briefing.outline.model import ChartKind, Outline, Part
from briefing.pptx.geometry import BODY, BODY_PT, BULLET_INDENT_PT, LINE_SPACING, PARAGRAPH_GAP_PT, TITLE, TITLE_PT


class SlideKind(str, Enum):
    TITLE = "title"
    SECTION = "section"
    POINTS = "points"
    CHART = "chart"
    TIMELINE = "timeline"
    SOURCES = "sources"


@dataclass(frozen=True)
class SlidePlan:
    kind: SlideKind
    title: str
    subtitle: str = ""
    bullets: tuple[str, ...] = ()
    chart_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class FitProblem:
    slide: int  # 1-based, as PowerPoint numbers slides
    message: str

    def __str__(self) -> str:
        return f"slide {self.slide}: {self.message}"


@dataclass
class DeckPlan:
    slides: list[SlidePlan] = field(default_factory=list)
    problems: list[FitProblem] = field(default_factory=list)


def bullet_height_pt(text: str) -> float:
    """Height of one bullet in the body box, from its wrapped line count."""
    lines = wrap(text, BODY.width_pt - BULLET_INDENT_PT, BODY_PT)
    return len(lines) * BODY_PT * LINE_SPACING + PARAGRAPH_GAP_PT


def title_fits(text: str) -> bool:
    return len(wrap(text, TITLE.width_pt, TITLE_PT, bold=True)) * TITLE_PT * LINE_SPACING <= TITLE.height_pt


class _Planner:
    def __init__(self, outline: Outline):
        self.outline = outline
        self.locale = outline.meta.locale
        self.words = labels(self.locale)
        self.plan = DeckPlan()
        self.charts_by_part: dict[str | None, list[str]] = {}
        for chart in outline.charts:
            self.charts_by_part.setdefault(chart.placement, []).append(chart.id)

    def add(self, slide: SlidePlan) -> None:
        self.plan.slides.append(slide)
        if not title_fits(slide.title):
            self.problem(f"the title '{slide.title}' is too long for the title box; shorten it")

    def problem(self, message: str) -> None:
        self.plan.problems.append(FitProblem(len(self.plan.slides), message))

    def build(self) -> DeckPlan:
        meta = self.outline.meta
        subtitle = "\n".join(
            line
            for line in (meta.subtitle, format_date(meta.date, self.locale),
                         f"{self.words.source_prefix}{meta.source.title}")
            if line
        )
        self.add(SlidePlan(SlideKind.TITLE, meta.title, subtitle=subtitle, notes="\n".join(self.outline.summary)))
        self.points(self.words.summary, list(self.outline.summary), notes="")
        self.charts(None)
        for index, section in enumerate(self.outline.sections):
            heading = section_number(self.locale, index) + section.title
            self.add(SlidePlan(SlideKind.SECTION, heading, notes="\n\n".join(section.prose)))
            self.part(heading, section)
            for sub_index, sub in enumerate(section.subsections):
                self.part(subsection_number(self.locale, index, sub_index) + sub.title, sub)
        self.sources()
        return self.plan

    def part(self, title: str, part: Part) -> None:
        notes = "\n\n".join([*part.prose, *(f"“{q.text}” {self.words.quote_dash}{q.speaker}" for q in part.quotes)])
        if part.points:
            self.points(title, list(part.points), notes)
        self.charts(part.id)

    def points(self, title: str, bullets: list[str], notes: str, kind: SlideKind = SlideKind.POINTS) -> None:
        """As many slides as the bullets need, the later ones marked continued."""
        pages: list[list[str]] = [[]]
        used = 0.0
        for bullet in bullets:
            height = bullet_height_pt(bullet)
            if pages[-1] and used + height > BODY.height_pt:
                pages.append([])
                used = 0.0
            pages[-1].append(bullet)
            used += height
            if height > BODY.height_pt:
                self.problem(f"a point is too long for any slide ({bullet[:30]}…); split it into shorter points")
        for number, page in enumerate(pages):
            slide_title = title if number == 0 else title + self.words.continued
            self.add(SlidePlan(kind, slide_title, bullets=tuple(page), notes=notes))

    def charts(self, placement: str | None) -> None:
        for chart_id in self.charts_by_part.get(placement, []):
            chart = next(c for c in self.outline.charts if c.id == chart_id)
            kind = SlideKind.TIMELINE if chart.kind is ChartKind.TIMELINE else SlideKind.CHART
            self.add(SlidePlan(kind, chart.title, chart_id=chart.id, notes=chart.caption or ""))

    def sources(self) -> None:
        lines = []
        for source in self.outline.all_sources:
            line = source.title
            if source.published:
                line += self.words.aside.format(f"{self.words.published} {format_date(source.published, self.locale)}")
            if source.url:
                line += f"\n{source.url}"
            lines.append(line)
            if source.caveat:
                lines.append(f"{self.words.caveat}{self.words.colon}{source.caveat}")
        self.points(self.words.sources, lines, notes="", kind=SlideKind.SOURCES)


def plan_deck(outline: Outline) -> DeckPlan:
    return _Planner(outline).build()
