"""select(outline, audience) -> the outline that reader gets: a briefing that stands on its own.

Selection happens on the model, before any writer runs, so the writers know
nothing about audiences: they write whatever outline they are given.

The rules:
- Parts, at sub-section level. A section named by id comes whole. A
  sub-section named by id, or carrying one of the audience's tags, comes
  under its section's heading, without the section's own content and
  without its siblings. A section carrying one of the tags comes with its
  own points, prose and quotes, and with those of its sub-sections that are
  named or whose tags match. A sub-section without tags of its own has its
  section's (so a section tagged as a whole brings all its untagged
  sub-sections). A section left with nothing to show is left out. Nothing
  named and no tags: everything.
- Numbers: a version numbers its own sections and sub-sections from 一 and
  （一） (1. and 1.1), by their positions in it; a number the outline sets
  (`number:`) places a part in the full briefing, so only the full outline,
  unselected, keeps it.
- Charts: those named, else those placed in an included part. A named chart
  whose part is left out moves to the front, after the summary.
- Statistics and events: those named, else those the included parts, charts
  and key figures rely on.
- Summary, key figures and implications: the audience's own where it has
  them, else the outline's (its key figures, those this reader's parts rely
  on). An outline's takeaway titles them only where they are the outline's
  own list: another list needs a takeaway of its own. The implications are
  the items naming the audience or one of its tags, else those naming
  neither.
- Depth brief: the prose becomes speaker notes; the document shows points.
"""

from __future__ import annotations

from msgspec.structs import replace

from briefing.outline.locale import labels
from briefing.outline.model import Audience, Chart, Depth, Implication, Outline, Part, Section


def _tagged(tags: list[str], audience: Audience) -> bool:
    return bool(set(tags) & set(audience.tags))


def _section_for(section: Section, audience: Audience) -> Section | None:
    """The section as this audience gets it, renumbered by position; None when it gets nothing of it."""
    named = audience.sections or []
    if section.id in named:
        chosen, own = section.subsections, True
    else:
        chosen = [sub for sub in section.subsections
                  if sub.id in named or _tagged(sub.tags or section.tags, audience)]
        own = _tagged(section.tags, audience)
    subsections = [replace(sub, number=None) for sub in chosen]
    if own:
        if not (subsections or section.points or section.prose or section.quotes):
            return None  # a heading with nothing under it
        return replace(section, number=None, subsections=subsections)
    if not subsections:
        return None
    # The section's heading frames its chosen sub-sections; its own points and prose stay out.
    return replace(section, number=None, subsections=subsections, points=[], prose=[], quotes=[], notes=[],
                   facts=[])


def _select_sections(outline: Outline, audience: Audience) -> list[Section]:
    if audience.sections is None and not audience.tags:
        return list(outline.sections)
    return [chosen for section in outline.sections if (chosen := _section_for(section, audience)) is not None]


def _implications(outline: Outline, audience: Audience) -> tuple[list[Implication], bool]:
    """This reader's implications, as items for no one else; and whether they are its own."""
    own = [item for item in outline.implications if item.is_for(audience)]
    if not own:
        return outline.general_implications, False
    return [replace(item, audiences=[], tags=[]) for item in own], True


def _brief(part: Part) -> dict[str, list[str]]:
    return {"prose": [], "notes": [*part.prose, *part.notes]}


def _with_depth(sections: list[Section], depth: Depth) -> list[Section]:
    if depth is Depth.FULL:
        return sections
    return [
        replace(section, **_brief(section),
                subsections=[replace(sub, **_brief(sub)) for sub in section.subsections])
        for section in sections
    ]


def _select_charts(outline: Outline, audience: Audience, part_ids: set[str]) -> list[Chart]:
    if audience.charts is None:
        return [c for c in outline.charts if c.placement is None or c.placement in part_ids]
    named = [c for c in outline.charts if c.id in audience.charts]
    return [c if c.placement is None or c.placement in part_ids else replace(c, placement=None)
            for c in named]


def select(outline: Outline, audience: Audience) -> Outline:
    """The outline as this audience reads it."""
    sections = _with_depth(_select_sections(outline, audience), audience.depth)
    parts = [part for section in sections for part in (section, *section.subsections)]
    part_ids = {part.id for part in parts}
    charts = _select_charts(outline, audience, part_ids)

    relied_on = {fact for part in parts for fact in part.facts}
    relied_on |= {i for chart in charts for i in (*chart.statistics, *chart.events)}
    key_figures = audience.key_figures
    if key_figures is None and outline.key_figures is not None:
        key_figures = [i for i in outline.key_figures if i in relied_on]
    relied_on |= set(key_figures or [])
    statistic_ids = set(audience.statistics) | set(key_figures or []) if audience.statistics is not None \
        else relied_on
    statistic_ids |= {i for chart in charts for i in chart.statistics}  # a chart needs its data
    if key_figures is None:
        key_figures = [s.id for s in outline.statistics if s.id in statistic_ids]
    # The outline's takeaway states the point of its own key figures, not of another list.
    key_figures_takeaway = audience.key_figures_takeaway or (
        outline.key_figures_takeaway if key_figures == [s.id for s in outline.key_statistics] else None)
    implications, own_implications = _implications(outline, audience)

    meta = replace(
        outline.meta,
        title=audience.title or outline.meta.title,
        subtitle=audience.subtitle or outline.meta.subtitle,
        audience=audience.cover_line or labels(audience.locale or outline.meta.locale).audience_line.format(
            audience.display_name),
        locale=audience.locale or outline.meta.locale,
        slide_budget=audience.slide_budget or outline.meta.slide_budget,
        table_of_contents=outline.meta.table_of_contents if audience.table_of_contents is None
        else audience.table_of_contents,
    )
    return replace(
        outline,
        meta=meta,
        summary=audience.summary or outline.summary,
        summary_takeaway=audience.summary_takeaway or (
            outline.summary_takeaway if audience.summary is None else None),
        sections=sections,
        charts=charts,
        statistics=[s for s in outline.statistics if s.id in statistic_ids],
        timeline=[e for e in outline.timeline if e.id in relied_on],
        key_figures=key_figures,
        key_figures_takeaway=key_figures_takeaway,
        implications=implications,
        implications_takeaway=audience.implications_takeaway or (
            None if own_implications else outline.implications_takeaway),
    )
