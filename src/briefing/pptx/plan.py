"""Outline -> slide plans: what goes on which slide, decided before any file is written.

Fitting is decided here with the bundled font's real advance widths:
PowerPoint does not shrink text when it opens a file, so points that would
overflow continue on a follow-on slide marked as continued, and anything
that cannot fit on any slide is reported as a FitProblem with its slide
number. The renderer only draws what the plan says.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from briefing.chartdata import BarGroup, bar_groups, milestones, source_line
from briefing.fonts import wrap
from briefing.locale import as_of_text, format_date, format_value, labels, numbered_titles
from briefing.outline.model import Chart, ChartKind, Outline, Part, Quote
from briefing.pptx import geometry as g
from briefing.pptx.timeline import TimelineLayout, paginate_timeline


class SlideKind(str, Enum):
    TITLE = "title"
    AGENDA = "agenda"
    SECTION = "section"
    POINTS = "points"
    KEY_FIGURES = "key_figures"
    CHART = "chart"
    TIMELINE = "timeline"
    QUOTE = "quote"
    SOURCES = "sources"
    CLOSING = "closing"


@dataclass(frozen=True)
class KeyFigure:
    value: str  # 1.7亿
    label: str  # 美国用户
    note: str  # 截至2025年1月 · [1]
    size: float = g.FIGURE_PT  # the same for every figure on a slide


@dataclass(frozen=True)
class SlidePlan:
    kind: SlideKind
    title: str
    subtitle: tuple[str, ...] = ()  # lines under the title (cover, closing)
    bullets: tuple[str, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    chart_id: str | None = None
    bars: tuple[BarGroup, ...] = ()  # a bar chart's bars on this slide, a panel per unit
    timeline: TimelineLayout | None = None
    quote: Quote | None = None
    source_line: str = ""
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


def lines_height(lines: int, size: float) -> float:
    return lines * size * g.LINE_SPACING


def bullet_height_pt(text: str, size: float = g.BODY_PT) -> float:
    """Height of one bullet in the body box, from its wrapped line count."""
    lines = wrap(text, g.BODY.width_pt - g.BULLET_INDENT_PT, size)
    return lines_height(len(lines), size) + g.PARAGRAPH_GAP_PT


def fits(text: str, box: g.Box, size: float, bold: bool = False) -> bool:
    return lines_height(len(wrap(text, box.width_pt, size, bold)), size) <= box.height_pt


class _Planner:
    def __init__(self, outline: Outline):
        self.outline = outline
        self.locale = outline.meta.locale
        self.words = labels(self.locale)
        self.plan = DeckPlan()
        self.source_numbers = {source.id: n for n, source in enumerate(outline.all_sources, 1)}
        self.titles = numbered_titles(outline)
        self.charts_by_part: dict[str | None, list[Chart]] = {}
        for chart in outline.charts:
            self.charts_by_part.setdefault(chart.placement, []).append(chart)

    def add(self, slide: SlidePlan) -> None:
        self.plan.slides.append(slide)
        box, size = {
            SlideKind.TITLE: (g.COVER_TITLE, g.COVER_TITLE_PT),
            SlideKind.SECTION: (g.SECTION_TITLE, g.SECTION_TITLE_PT),
            SlideKind.CLOSING: (g.SECTION_TITLE, g.SECTION_TITLE_PT),
        }.get(slide.kind, (g.TITLE, g.TITLE_PT))
        if not fits(slide.title, box, size, bold=True):
            self.problem(f"the title '{_excerpt(slide.title)}' is too long for two lines; shorten it")

    def problem(self, message: str) -> None:
        self.plan.problems.append(FitProblem(len(self.plan.slides), message))

    # -- the deck, in order -------------------------------------------------------------

    def build(self) -> DeckPlan:
        self.cover()
        self.agenda()
        self.points(self.words.summary, list(self.outline.summary), notes=self._summary_notes())
        self.key_figures()
        self.charts(None)
        for section in self.outline.sections:
            heading = self.titles[section.id]
            self.add(SlidePlan(SlideKind.SECTION, heading, notes=self._prose(section) or heading))
            self.part(heading, section)
            for sub in section.subsections:
                self.part(self.titles[sub.id], sub)
        self.sources()
        self.closing()
        if self.outline.meta.slide_budget is not None:
            self.fit_budget(self.outline.meta.slide_budget)
        return self.plan

    # Slides that give way, in this order, when a deck is over its budget.
    _EXPENDABLE = (SlideKind.QUOTE, SlideKind.SECTION, SlideKind.AGENDA, SlideKind.CLOSING)

    def fit_budget(self, budget: int) -> None:
        """Drop the least essential slides, last first, until the deck is within its budget."""
        slides = self.plan.slides
        for kind in self._EXPENDABLE:
            while len(slides) > budget:
                index = next((i for i in range(len(slides) - 1, -1, -1) if slides[i].kind is kind), None)
                if index is None:
                    break
                del slides[index]
                for n, problem in enumerate(self.plan.problems):  # problems keep pointing at their slide
                    if problem.slide > index + 1:
                        self.plan.problems[n] = FitProblem(problem.slide - 1, problem.message)
        if len(slides) > budget:
            self.plan.problems.append(FitProblem(
                len(slides), f"the deck has {len(slides)} slides, over its budget of {budget}; "
                "include fewer sections or charts"))

    def cover(self) -> None:
        meta = self.outline.meta
        lines = [meta.subtitle, meta.audience, format_date(meta.date, self.locale),
                 f"{self.words.source_prefix}{meta.source.title}"]
        subtitle = tuple(line for line in lines if line)
        height = sum(lines_height(len(wrap(line, g.COVER_SUBTITLE.width_pt, g.BODY_PT)), g.BODY_PT)
                     for line in subtitle)
        self.add(SlidePlan(SlideKind.TITLE, meta.title, subtitle=subtitle, notes="\n".join(self.outline.summary)))
        if height > g.COVER_SUBTITLE.height_pt:
            self.problem("the subtitle, date and source do not fit under the title; shorten the subtitle")

    def agenda(self) -> None:
        entries = [self.titles[s.id] for s in self.outline.sections]
        self.points(self.words.agenda, entries, notes="\n".join(entries), kind=SlideKind.AGENDA)

    def part(self, title: str, part: Part) -> None:
        notes = self._prose(part) or "\n".join(part.points)
        if part.points:
            self.points(title, list(part.points), notes)
        for quote in part.quotes:
            self.quote(title, quote)
        self.charts(part.id)

    def points(self, title: str, bullets: list[str], notes: str, kind: SlideKind = SlideKind.POINTS) -> None:
        """As many slides as the bullets need, the later ones marked continued."""
        pages: list[list[str]] = [[]]
        used = 0.0
        too_long: list[str] = []
        for bullet in bullets:
            height = bullet_height_pt(bullet)
            if pages[-1] and used + height > g.BODY.height_pt:
                pages.append([])
                used = 0.0
            pages[-1].append(bullet)
            used += height
            if height > g.BODY.height_pt:
                too_long.append(bullet)
        for number, page in enumerate(pages):
            slide_title = title if number == 0 else title + self.words.continued
            self.add(SlidePlan(kind, slide_title, bullets=tuple(page), notes=notes))
            for bullet in too_long:
                if bullet in page:
                    self.problem(f"a point is too long for any slide ('{_excerpt(bullet, 30)}'); split it")

    def key_figures(self) -> None:
        statistics = self.outline.key_statistics
        per_slide = g.FIGURE_COLUMNS * g.FIGURE_ROWS
        for start in range(0, len(statistics), per_slide):
            chunk = statistics[start:start + per_slide]
            figures = tuple(
                KeyFigure(
                    format_value(s, self.locale, compact=True),
                    s.label,
                    " · ".join(p for p in (as_of_text(s, self.locale), f"[{self.source_numbers[s.source]}]") if p),
                )
                for s in chunk
            )
            notes = "\n".join(f"{f.label}{self.words.colon}{f.value}{self.words.full_stop}{s.measures}" for f, s in zip(figures, chunk))
            title = self.words.key_figures + (self.words.continued if start else "")
            size = self._figure_size([f.value for f in figures])
            figures = tuple(replace(f, size=size or g.FIGURE_SIZES[-1]) for f in figures)
            self.add(SlidePlan(SlideKind.KEY_FIGURES, title, figures=figures, notes=notes))
            if size is None:
                self.problem("a key figure is too wide for its tile even in the smallest type; shorten its value")

    def _figure_size(self, values: list[str]) -> float | None:
        """The largest type in which every value on the slide fits its tile on one line."""
        tile = g.FIGURE_TILE_WIDTH - g.FIGURE_INSET_PT
        for size in g.FIGURE_SIZES:
            if all(len(wrap(value, tile, size, bold=True)) == 1 for value in values):
                return size
        return None

    def quote(self, title: str, quote: Quote) -> None:
        text = f"“{quote.text}”"
        self.add(SlidePlan(SlideKind.QUOTE, title, quote=quote,
                           notes=quote.context or quote.speaker))
        if not fits(text, g.QUOTE, g.QUOTE_PT):
            self.problem("the quote is too long for one slide; shorten it or keep it for the document")

    def charts(self, placement: str | None) -> None:
        for chart in self.charts_by_part.get(placement, []):
            notes = chart.caption or chart.title
            source = source_line(chart, self.outline)
            if chart.kind is ChartKind.TIMELINE:
                items = milestones(chart, self.outline)
                layouts = paginate_timeline(items, self.locale)
                details = "\n".join(f"{m.when}{self.words.colon}{m.title}" + (self.words.full_stop + m.detail if m.detail else "")
                                    for m in items)
                for number, layout in enumerate(layouts):
                    title = chart.title + (self.words.continued if number else "")
                    self.add(SlidePlan(SlideKind.TIMELINE, title, chart_id=chart.id, timeline=layout,
                                       source_line=source, notes=f"{notes}\n\n{details}"))
                    for overflow in layout.overflow:
                        self.problem(f"the timeline label '{_excerpt(overflow)}' is too long; shorten the event title")
            else:
                for number, groups in enumerate(paginate_bars(bar_groups(chart, self.outline))):
                    title = chart.title + (self.words.continued if number else "")
                    self.add(SlidePlan(SlideKind.CHART, title, chart_id=chart.id, bars=groups, source_line=source,
                                       notes=notes))

    def sources(self) -> None:
        lines = []
        for number, source in enumerate(self.outline.all_sources, 1):
            line = f"[{number}] {source.title}"
            if source.published:
                line += self.words.aside.format(f"{self.words.published} {format_date(source.published, self.locale)}")
            if source.url:
                line += f"\n{source.url}"
            lines.append(line)
        caveats = [f"{self.words.caveat}{self.words.colon}{s.caveat}" for s in self.outline.all_sources if s.caveat]
        self.points(self.words.sources, lines + caveats, notes="\n".join(caveats) or self.words.sources,
                    kind=SlideKind.SOURCES)

    def closing(self) -> None:
        meta = self.outline.meta
        caveat = meta.source.caveat
        subtitle = (self.outline.short_title, *((f"{self.words.caveat}{self.words.colon}{caveat}",) if caveat else ()))
        self.add(SlidePlan(SlideKind.CLOSING, self.words.closing, subtitle=subtitle,
                           notes=caveat or self.outline.short_title))

    # -- notes and source lines ------------------------------------------------------------

    def _prose(self, part: Part) -> str:
        """The speaker's narrative for a part: its prose, its notes, its quotes."""
        quotes = [f"“{q.text}”{self.words.quote_dash}{q.speaker}" for q in part.quotes]
        return "\n\n".join([*part.prose, *part.notes, *quotes])

    def _summary_notes(self) -> str:
        meta = self.outline.meta
        return "\n".join(filter(None, [meta.subtitle, *self.outline.summary]))


def paginate_bars(groups: list[BarGroup]) -> list[tuple[BarGroup, ...]]:
    """A bar chart's panels on slides: all on one where each has room for its bars' labels, else a slide
    for each run of at most BARS_PER_SLIDE bars of a unit, so no label runs into its neighbour's."""
    if all(len(group.bars) <= g.BARS_PER_SLIDE for group in groups):
        return [tuple(groups)]
    return [
        (replace(group, bars=group.bars[start:start + g.BARS_PER_SLIDE]),)
        for group in groups
        for start in range(0, len(group.bars), g.BARS_PER_SLIDE)
    ]


def _excerpt(text: str, length: int = 60) -> str:
    """The start of a text quoted in a warning: a whole title can be thousands of characters."""
    return text if len(text) <= length else text[:length] + "…"


def plan_deck(outline: Outline) -> DeckPlan:
    return _Planner(outline).build()
