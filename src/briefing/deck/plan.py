"""Outline -> slide plans: what goes on which slide, decided before any file is written.

Fitting is decided here with the bundled font's real advance widths:
PowerPoint does not shrink text when it opens a file, so points that would
overflow continue on a follow-on slide marked as continued, and anything
that cannot fit on any slide is reported as a FitProblem with its slide
number. The renderer only draws what the plan says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Literal

from briefing.charts.data import (
    BarGroup,
    bar_groups,
    chart_note,
    milestones,
    shows_as_figures,
    source_line,
)
from briefing.deck import geometry as g
from briefing.deck.timeline import TimelineLayout, paginate_timeline
from briefing.outline.locale import (
    as_of_text,
    format_date,
    format_value,
    labels,
    numbered_titles,
)
from briefing.outline.model import Chart, ChartKind, Outline, Part, Quote, Section, Statistic
from briefing.text.fonts import wrap


class SlideKind(str, Enum):
    TITLE = "title"
    AGENDA = "agenda"
    SECTION = "section"  # a section's points and the sub-sections it introduces
    POINTS = "points"
    KEY_FIGURES = "key_figures"
    CHART = "chart"
    TIMELINE = "timeline"
    QUOTE = "quote"
    SOURCES = "sources"
    CLOSING = "closing"


class Layout(str, Enum):
    """How a slide's body is arranged, chosen from what it holds."""

    FULL = "full"  # points (or figures, a chart, a quote) across the body
    FIGURES = "figures"  # points left, 1-3 large figures right
    CHART = "chart"  # points left, a chart right
    PARTS = "parts"  # a section's points left, its sub-sections right


@dataclass(frozen=True)
class KeyFigure:
    value: str  # 1.7亿
    label: str  # 美国用户
    note: str  # what was counted · 截至2025年1月 · [1]
    size: float = g.FIGURE_PT  # the same for every figure on a slide


OriginKind = Literal["meta", "summary", "key_figures", "implications", "sources",
                     "part", "heading", "chart", "statistic", "quote"]


@dataclass(frozen=True)
class Origin:
    """What of the outline a slide shows, so that it can be found there (`briefing preview` links each
    slide to its lines): one of the outline's own lists, or a part (its heading alone: 'heading'), a
    chart, a statistic, or a part's quote, by id."""

    kind: OriginKind
    id: str = ""
    index: int = 0  # a quote's place among its part's quotes


@dataclass(frozen=True)
class SlidePlan:
    kind: SlideKind
    title: str
    label: str = ""  # small, above the title: the part's heading where the title states its point
    title_lines: int = 1
    layout: Layout = Layout.FULL
    subtitle: tuple[str, ...] = ()  # lines under the title (cover, closing)
    bullets: tuple[str, ...] = ()
    body_size: float = g.BODY_PT  # the points' type size: larger where a few short points leave room
    parts: tuple[str, ...] = ()  # the sub-sections a section slide introduces
    figures: tuple[KeyFigure, ...] = ()
    callouts: tuple[Quote, ...] = ()  # short quotes beside the points
    chart_id: str | None = None
    bars: tuple[BarGroup, ...] = ()  # a bar chart's bars on this slide, a panel per unit
    timeline: TimelineLayout | None = None
    quote: Quote | None = None
    chart_note: str = ""  # what a reader must know to compare the chart's figures
    source_line: str = ""
    notes: str = ""
    origins: tuple[Origin, ...] = ()  # what of the outline it shows

    @property
    def points_box(self) -> g.Box:
        """Where the points go: the whole body, or its left column."""
        box = g.columns(self.layout.value)[0] if self.layout is not Layout.FULL and self.bullets else g.BODY
        if self.callouts:
            box = g.Box(box.left_pt, box.top_pt, box.width_pt, box.height_pt - callout_height(self.callouts, box))
        return box

    @property
    def figures_box(self) -> g.Box:
        """The grid of a figures slide: the body, less the chart's note under it."""
        if not self.chart_note:
            return g.BODY
        height = lines_height(len(wrap(self.chart_note, g.BODY.width_pt, g.NOTE_PT)), g.NOTE_PT) + 8
        return g.Box(g.BODY.left_pt, g.BODY.top_pt, g.BODY.width_pt, g.BODY.height_pt - height)

    @property
    def side_box(self) -> g.Box:
        """The right column (or the whole body when there are no points)."""
        return g.columns(self.layout.value)[1] if self.bullets and self.layout is not Layout.FULL else g.BODY


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


def bullet_height_pt(text: str, size: float = g.BODY_PT, width: float = g.BODY.width_pt) -> float:
    """Height of one bullet in a body box of this width, from its wrapped line count."""
    lines = wrap(text, width - g.BULLET_INDENT_PT, size)
    return lines_height(len(lines), size) + g.PARAGRAPH_GAP_PT


def points_height(bullets, size: float, width: float) -> float:
    return sum(bullet_height_pt(b, size, width) for b in bullets)


def fits(text: str, box: g.Box, size: float, bold: bool = False) -> bool:
    return lines_height(len(wrap(text, box.width_pt, size, bold)), size) <= box.height_pt


def callout_lines(quote: Quote, width: float) -> int:
    return len(wrap(f"“{quote.text}”", width - 2 * g.CALLOUT_INSET_PT, g.CALLOUT_PT))


def callout_height(quotes: tuple[Quote, ...], box: g.Box) -> float:
    """Room the short quotes take under the points: each its lines, its speaker and padding."""
    return sum(lines_height(callout_lines(q, box.width_pt), g.CALLOUT_PT) + lines_height(1, g.SMALL_PT)
               + 2 * g.CALLOUT_INSET_PT + g.PARAGRAPH_GAP_PT for q in quotes)


def figure_block_height(figure: KeyFigure, width: float) -> float:
    """A figure's value, label and note, as drawn in a tile of this width."""
    inner = width - 2 * g.FIGURE_INSET_PT
    label = min(len(wrap(figure.label, inner, g.SMALL_PT, bold=True)), g.FIGURE_LABEL_LINES)
    note = len(wrap(figure.note, inner, g.NOTE_PT))
    return lines_height(1, figure.size) + 6 + lines_height(label, g.SMALL_PT) + 4 + lines_height(note, g.NOTE_PT)


def figure_block_fits(figure: KeyFigure, tile: g.Box) -> bool:
    inner = tile.width_pt - 2 * g.FIGURE_INSET_PT
    # A tenth to spare: the value is set on one line, and viewers' fonts run wider than the bundled one.
    return (len(wrap(figure.value, inner * 0.9, figure.size, bold=True)) == 1
            and figure_block_height(figure, tile.width_pt) <= tile.height_pt - 2 * g.FIGURE_PAD_PT)


def chart_foot_height(note: str, width: float) -> float:
    """The chart's note and source line under it."""
    note_lines = len(wrap(note, width, g.NOTE_PT)) if note else 0
    return lines_height(note_lines, g.NOTE_PT) + g.SOURCE_LINE.height_pt + 6


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
        self.statistic_ids = {s.id for s in outline.statistics}

    def add(self, slide: SlidePlan) -> None:
        box, size = {
            SlideKind.TITLE: (g.COVER_TITLE, g.COVER_TITLE_PT),
            SlideKind.CLOSING: (g.SECTION_TITLE, g.SECTION_TITLE_PT),
        }.get(slide.kind, (g.TITLE, g.TITLE_PT))
        previous = self.plan.slides[-1].title if self.plan.slides else None
        if slide.title == previous:  # no two slides in a row under one title
            slide = replace(slide, title=slide.title + self.words.continued)
        lines = len(wrap(slide.title, box.width_pt, size, bold=True))
        self.plan.slides.append(replace(slide, title_lines=min(lines, 2)))
        if lines_height(lines, size) > box.height_pt:
            self.problem(f"the title '{_excerpt(slide.title)}' is too long for two lines; shorten it")

    def problem(self, message: str) -> None:
        self.plan.problems.append(FitProblem(len(self.plan.slides), message))

    def headed(self, heading: str, takeaway: str | None) -> tuple[str, str]:
        """(title, label): the takeaway under its heading, or the heading alone."""
        return (takeaway, heading) if takeaway else (heading, "")

    def continued(self, title: str, number: int, total: int) -> str:
        """The title of the number-th (0-based) of total slides: marked, and numbered past two."""
        if number == 0:
            return title
        mark = self.words.continued
        if total > 2:  # （续 2/3）, (continued 2/3): no two continued slides in a row share a title
            mark = mark[:-1] + f" {number + 1}/{total}" + mark[-1]
        return title + mark

    # -- the deck, in order -------------------------------------------------------------

    def build(self) -> DeckPlan:
        self.cover()
        self.agenda()
        title, label = self.headed(self.words.summary, self.outline.summary_takeaway)
        self.points(SlidePlan(SlideKind.POINTS, title, label=label, notes=self._summary_notes(),
                              origins=(Origin("summary"),)), list(self.outline.summary))
        self.key_figures()
        self.charts(None, [])
        for section in self.outline.sections:
            parts = tuple(self.titles[sub.id] for sub in section.subsections)
            if self._says_more_than_its_part(section):
                self.part(self.titles[section.id], section, parts)
                for sub in section.subsections:
                    self.part(self.titles[sub.id], sub)
            else:  # its one sub-section's slide says which section it is in
                [sub] = section.subsections
                self.part(f"{self.titles[section.id]} · {self.titles[sub.id]}", sub,
                          origins=(Origin("heading", section.id),))
        self.implications()
        self.sources()
        self.closing()
        if self.outline.meta.slide_budget is not None:
            self.fit_budget(self.outline.meta.slide_budget)
        return self.plan

    # Slides that give way, in this order, when a deck is over its budget.
    _EXPENDABLE = (SlideKind.QUOTE, SlideKind.SECTION, SlideKind.AGENDA, SlideKind.CLOSING)

    def fit_budget(self, budget: int) -> None:
        """Drop the least essential slides, last first, until the deck is within its budget.
        A section slide that carries the section's points is content, not a divider: it stays."""
        slides = self.plan.slides
        for kind in self._EXPENDABLE:
            while len(slides) > budget:
                index = next((i for i in range(len(slides) - 1, -1, -1)
                              if slides[i].kind is kind and not (kind is SlideKind.SECTION and slides[i].bullets)),
                             None)
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
        self.add(SlidePlan(SlideKind.TITLE, meta.title, subtitle=subtitle, notes="\n".join(self.outline.summary),
                           origins=(Origin("meta"),)))
        if height > g.COVER_SUBTITLE.height_pt:
            self.problem("the subtitle, date and source do not fit under the title; shorten the subtitle")

    def agenda(self) -> None:
        """The sections, and the close when there is one: only where there are two sections or more,
        as one is no agenda but the next slide's heading."""
        if len(self.outline.sections) < 2:
            return
        entries = [self.titles[s.id] for s in self.outline.sections]
        origins = [Origin("heading", s.id) for s in self.outline.sections]
        if self.outline.general_implications:
            entries.append(self.words.implications)
            origins.append(Origin("implications"))
        self.points(SlidePlan(SlideKind.AGENDA, self.words.agenda, notes="\n".join(entries),
                              origins=tuple(origins)), entries)

    def implications(self) -> None:
        """What it means for the reader and what to watch: the last slide of content, titled by its point."""
        items = [item.text for item in self.outline.general_implications]
        if items:
            title, label = self.headed(self.words.implications, self.outline.implications_takeaway)
            self.points(SlidePlan(SlideKind.POINTS, title, label=label, notes="\n".join(items),
                                  origins=(Origin("implications"),)), items)

    # -- a section or sub-section ---------------------------------------------------------

    def part(self, heading: str, part: Part, parts: tuple[str, ...] = (), origins: tuple[Origin, ...] = ()) -> None:
        """The part's slide: its points with what supports them; then long quotes and other charts.
        origins: what else of the outline its slides show (the section a lone sub-section's slide names)."""
        title, label = self.headed(heading, part.takeaway)
        notes = self._prose(part) or "\n".join(part.points) or heading
        charts = self.charts_by_part.get(part.id, [])
        kind = SlideKind.SECTION if parts else SlideKind.POINTS
        origins = (*origins, Origin("part", part.id))
        base = SlidePlan(kind, title, label=label, parts=parts, notes=notes, origins=origins)
        points = list(part.points)
        shown: list[Chart] = []  # charts that appear on the part's own slide
        if parts:
            slide = replace(base, layout=Layout.PARTS)
        elif points and (chart := self._side_chart(charts, points)) is not None:
            shown.append(chart)
            slide = replace(base, layout=Layout.CHART, chart_id=chart.id, bars=tuple(bar_groups(chart, self.outline)),
                            chart_note=self._note([chart]), source_line=source_line(chart, self.outline),
                            origins=(*origins, Origin("chart", chart.id)))
        else:
            figure_charts = [c for c in charts if shows_as_figures(c)]
            statistics = self._statistics([i for c in figure_charts for i in c.statistics] + list(part.facts))
            if statistics and (points or figure_charts):
                shown += figure_charts
                slide = replace(base, layout=Layout.FIGURES, figures=self._figures(statistics[:3]),
                                chart_note=self._note(figure_charts),
                                origins=(*origins, *(Origin("chart", c.id) for c in figure_charts),
                                         *(Origin("statistic", s.id) for s in statistics[:3])))
            else:
                slide = base
        callouts = tuple(q for q in part.quotes if self._is_short(q, slide))
        if points or parts or slide.figures or slide.chart_id:
            quoted = tuple(Origin("quote", part.id, n) for n, q in enumerate(part.quotes) if q in callouts)
            self.points(replace(slide, callouts=callouts, origins=slide.origins + quoted), points)
        else:
            callouts = ()
        for number, quote in enumerate(part.quotes):
            if quote not in callouts:
                self.quote(heading, quote, Origin("quote", part.id, number))
        self.charts(part.id, shown, heading)

    def _says_more_than_its_part(self, section: Section) -> bool:
        """A section's own slide earns its place with content of its own or several parts to introduce;
        a bare heading over one sub-section would only repeat that sub-section's slide."""
        own = section.points or section.quotes or self.charts_by_part.get(section.id)
        return bool(own) or len(section.subsections) != 1

    def _side_chart(self, charts: list[Chart], points: list[str]) -> Chart | None:
        """A bar chart that fits beside the points on one slide."""
        for chart in charts:
            if chart.kind is ChartKind.BAR and not shows_as_figures(chart):
                groups = bar_groups(chart, self.outline)
                left, _ = g.columns(Layout.CHART.value)
                if (len(groups) == 1 and len(groups[0].bars) <= g.BARS_PER_SLIDE // 2
                        and points_height(points, g.BODY_PT, left.width_pt) <= left.height_pt):
                    return chart
        return None

    def _is_short(self, quote: Quote, slide: SlidePlan) -> bool:
        """A quote of one or two lines is a call-out under the points, when the points leave it room."""
        box = slide.points_box if slide.bullets else (g.columns(slide.layout.value)[0]
                                                      if slide.layout is not Layout.FULL else g.BODY)
        return callout_lines(quote, box.width_pt) <= 2 and box.width_pt > 0

    def _statistics(self, ids: list[str]) -> list[Statistic]:
        return [self.outline.statistic(i) for i in dict.fromkeys(ids) if i in self.statistic_ids]

    def _figures(self, statistics: list[Statistic]) -> tuple[KeyFigure, ...]:
        figures = []
        for s in statistics:
            measured = s.measures.rstrip("。.")
            source = f"[{self.source_numbers[s.source]}]"
            note = " · ".join(p for p in (measured, as_of_text(s, self.locale), source) if p)
            figures.append(KeyFigure(format_value(s, self.locale, compact=True), s.label, note))
        return tuple(figures)

    def points(self, slide: SlidePlan, bullets: list[str]) -> None:
        """As many slides as the points need, the later ones marked continued and without the side column.

        A few short points are set larger and centred in the space."""
        box = replace(slide, bullets=tuple(bullets) or ("",)).points_box
        unsized = False
        if slide.figures:
            side = replace(slide, bullets=tuple(bullets)).side_box
            sized = self._sized(slide.figures, side, stacked=bool(bullets))
            unsized = sized is None
            slide = replace(slide, figures=sized or tuple(replace(f, size=g.FIGURE_SIZES[-1]) for f in slide.figures))
        for size in g.BODY_SIZES:
            if size == g.BODY_SIZES[-1] or points_height(bullets, size, box.width_pt) <= box.height_pt * 0.8:
                break
        pages: list[list[str]] = [[]]
        used = 0.0
        too_long: list[str] = []
        width, room = box.width_pt, box.height_pt
        for bullet in bullets:
            height = bullet_height_pt(bullet, size, width)
            if pages[-1] and used + height > room:
                pages.append([])
                used = 0.0
                width, room = g.BODY.width_pt, g.BODY.height_pt  # continued slides: the points alone
                height = bullet_height_pt(bullet, size, width)
            pages[-1].append(bullet)
            used += height
            if height > room:
                too_long.append(bullet)
        for number, page in enumerate(pages):
            title = self.continued(slide.title, number, len(pages))
            if number == 0:
                self.add(replace(slide, title=title, bullets=tuple(page), body_size=size))
            else:
                self.add(replace(slide, kind=SlideKind.POINTS if slide.kind is SlideKind.SECTION else slide.kind,
                                 title=title, bullets=tuple(page), body_size=size, layout=Layout.FULL, parts=(),
                                 figures=(), callouts=(), chart_id=None, bars=(), chart_note="", source_line="",
                                 origins=tuple(o for o in slide.origins if o.kind not in _BESIDE_THE_POINTS)))
            for bullet in too_long:
                if bullet in page:
                    self.problem(f"a point is too long for any slide ('{_excerpt(bullet, 30)}'); split it")
        if unsized:
            self.plan.problems.append(FitProblem(len(self.plan.slides) - len(pages) + 1,
                                                 "a figure is too wide for its tile even in the smallest type; "
                                                 "shorten its value"))

    def _sized(self, figures: tuple[KeyFigure, ...], box: g.Box, stacked: bool) -> tuple[KeyFigure, ...] | None:
        """The figures in the largest type in which each fits its tile: value on one line, all in its height.
        Where what was counted does not fit beside the date and source, the label says it alone."""
        tiles = g.grid(box, len(figures), stacked)
        short = tuple(replace(f, note=f.note.split(" · ", 1)[1] if " · " in f.note else f.note) for f in figures)
        for variant in (figures, short):
            for size in g.FIGURE_SIZES:
                sized = tuple(replace(f, size=size) for f in variant)
                if all(figure_block_fits(f, t) for f, t in zip(sized, tiles, strict=True)):
                    return sized
        return None

    def key_figures(self) -> None:
        statistics = self.outline.key_statistics
        per_slide = g.FIGURES_PER_SLIDE
        title, label = self.headed(self.words.key_figures, self.outline.key_figures_takeaway)
        chunks = [statistics[start:start + per_slide] for start in range(0, len(statistics), per_slide)]
        for number, chunk in enumerate(chunks):
            figures = self._figures(chunk)
            # Said aloud, the figure in the running text's words: 170 million where the tile shows 170m.
            notes = "\n".join(f"{f.label}{self.words.colon}{format_value(s, self.locale)}{self.words.full_stop}"
                              f"{s.measures}" for f, s in zip(figures, chunk, strict=True))
            origins = (Origin("key_figures"), *(Origin("statistic", s.id) for s in chunk))
            self.figures_slide(replace(SlidePlan(SlideKind.KEY_FIGURES, self.continued(title, number, len(chunks)),
                                                 label=label, notes=notes, origins=origins)), figures)

    def figures_slide(self, slide: SlidePlan, figures: tuple[KeyFigure, ...]) -> None:
        sized = self._sized(figures, replace(slide, figures=figures).figures_box, stacked=False)
        self.add(replace(slide, figures=sized or tuple(replace(f, size=g.FIGURE_SIZES[-1]) for f in figures)))
        if sized is None:
            self.problem("a key figure is too wide for its tile even in the smallest type; shorten its value")

    def _note(self, charts: list[Chart]) -> str:
        """The charts' notes under them, in at most CHART_NOTE_LINES lines: a note names statistics,
        whose labels can be of any length, and must leave the figures or chart their room."""
        note = self.words.clause_separator.join(n for c in charts if (n := chart_note(c, self.outline)))
        if len(wrap(note, g.BODY.width_pt, g.NOTE_PT)) <= g.CHART_NOTE_LINES:
            return note
        self.problem("a chart's note is too long to show in full; shorten the labels it names")
        shortest, longest = 0, len(note)  # the longest start of the note that fits, with an ellipsis
        while shortest < longest:
            middle = (shortest + longest + 1) // 2
            if len(wrap(note[:middle] + "…", g.BODY.width_pt, g.NOTE_PT)) <= g.CHART_NOTE_LINES:
                shortest = middle
            else:
                longest = middle - 1
        return note[:shortest] + "…"

    def quote(self, heading: str, quote: Quote, origin: Origin) -> None:
        """A long quote on a slide of its own, titled by what it shows (its takeaway), else by who
        says what: never the title before it."""
        text = f"“{quote.text}”"
        opening = re.split(r"[，,。.！!？?；;：:]", quote.text, maxsplit=1)[0].strip()
        if len(opening) > 24:
            opening = opening[:22] + "…"
        title = quote.takeaway or f"{quote.speaker}{self.words.colon}“{opening}”"
        if not fits(title, g.TITLE, g.TITLE_PT, bold=True):
            title = quote.speaker
        self.add(SlidePlan(SlideKind.QUOTE, title, label=heading, quote=quote,
                           notes=quote.context or quote.speaker, origins=(origin,)))
        if not fits(text, g.QUOTE, g.QUOTE_PT):
            self.problem("the quote is too long for one slide; shorten it or keep it for the document")

    def charts(self, placement: str | None, shown: list[Chart], heading: str = "") -> None:
        for chart in self.charts_by_part.get(placement, []):
            if chart in shown:
                continue
            notes = chart.caption or chart.title
            source = source_line(chart, self.outline)
            title, label = self.headed(heading or chart.title, chart.takeaway)
            if not chart.takeaway:
                title, label = chart.title, heading
            elif heading:
                label = chart.title
            note = self._note([chart])
            origins = (Origin("chart", chart.id),)
            if chart.kind is ChartKind.TIMELINE:
                items = milestones(chart, self.outline)
                layouts = paginate_timeline(items, self.locale)
                details = "\n".join(f"{m.when}{self.words.colon}{m.title}"
                                    + (self.words.full_stop + m.detail if m.detail else "")
                                    for m in items)
                for number, layout in enumerate(layouts):
                    self.add(SlidePlan(SlideKind.TIMELINE, self.continued(title, number, len(layouts)), label=label,
                                       chart_id=chart.id, timeline=layout, source_line=source,
                                       notes=f"{notes}\n\n{details}", origins=origins))
                    for overflow in layout.overflow:
                        self.problem(f"the timeline label '{_excerpt(overflow)}' is too long; shorten the event title")
            elif shows_as_figures(chart):
                self.figures_slide(SlidePlan(SlideKind.KEY_FIGURES, title, label=label, chart_id=chart.id,
                                             chart_note=note, source_line=source, notes=notes, origins=origins),
                                   self._figures(self._statistics(list(chart.statistics))))
            else:
                pages = paginate_bars(bar_groups(chart, self.outline))
                for number, groups in enumerate(pages):
                    self.add(SlidePlan(SlideKind.CHART, self.continued(title, number, len(pages)), label=label,
                                       chart_id=chart.id, bars=groups, chart_note=note, source_line=source,
                                       notes=notes, origins=origins))

    def sources(self) -> None:
        lines = []
        for number, source in enumerate(self.outline.all_sources, 1):
            line = f"[{number}] {source.title}"
            if source.published:
                published = self.words.published.format(date=format_date(source.published, self.locale))
                line += self.words.aside.format(published)
            if source.url:
                line += f"\n{source.url}"
            lines.append(line)
        caveats = [f"{self.words.caveat}{self.words.colon}{s.caveat}" for s in self.outline.all_sources if s.caveat]
        self.points(SlidePlan(SlideKind.SOURCES, self.words.sources,
                              notes="\n".join(caveats) or self.words.sources, origins=(Origin("sources"),)),
                    lines + caveats)

    def closing(self) -> None:
        meta = self.outline.meta
        caveat = meta.source.caveat
        subtitle = (self.outline.short_title, *((f"{self.words.caveat}{self.words.colon}{caveat}",) if caveat else ()))
        self.add(SlidePlan(SlideKind.CLOSING, self.words.closing, subtitle=subtitle,
                           notes=caveat or self.outline.short_title, origins=(Origin("meta"),)))

    # -- notes and source lines ------------------------------------------------------------

    def _prose(self, part: Part) -> str:
        """The speaker's narrative for a part: its prose, its notes, its quotes."""
        quotes = [f"“{q.text}”{self.words.quote_dash}{q.speaker}" for q in part.quotes]
        return "\n\n".join([*part.prose, *part.notes, *quotes])

    def _summary_notes(self) -> str:
        meta = self.outline.meta
        return "\n".join(filter(None, [meta.subtitle, *self.outline.summary]))


# What a slide shows beside its points, which its continued slides leave out.
_BESIDE_THE_POINTS = ("chart", "statistic", "quote")


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
