"""Plain data -> typed Outline; every problem named by file:line:col.

Problems with the data's shape are found by the model (explain.py words
them); what types cannot say is checked here, on the typed model: the
cross-references between parts (a chart naming a statistic, a fact naming
an event, duplicate ids), real calendar days, files the theme names, and
the sources' local copies (where they are, not what they hold).
Notes are not problems: a part or chart without a takeaway builds, with
its heading as the slide's title; 'briefing validate' lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

import msgspec

from briefing.errors import AssetProblem
from briefing.outline.assets import Logo, ThemeFiles, check_asset, resolve_asset
from briefing.outline.audience import select
from briefing.outline.errors import (
    KeyPath,
    Note,
    OutlineError,
    Problem,
    format_path,
    suggestion,
)
from briefing.outline.evidence import evidenced
from briefing.outline.limits import (
    FIGURES_AT_MOST,
    MAX_BARS_PER_CHART,
    MAX_EVENTS_PER_CHART,
)
from briefing.outline.load import LoadedYaml, Positions, load_yaml
from briefing.outline.model import THEME_FILES, Event, Outline, Part, Source, Statistic, Theme, outline_from
from briefing.outline.source import OutlineSource, as_source
from briefing.outline.textrefs import referenced_ids, text_fields
from briefing.outline.writing import doubled_qualifiers, literal_figures

# Office files carry dates in their zip entries, which hold 1980 to 2107 only.
_OFFICE_DATES = (date(1980, 1, 1), date(2107, 12, 31))


def read_outline(outline: OutlineSource | Path) -> Outline:
    """Load and validate an outline (its bytes as read, or its file), or raise OutlineError with every problem."""
    return load_outline(outline)[0]


def load_outline(outline: OutlineSource | Path) -> tuple[Outline, ThemeFiles]:
    """The validated outline and the files its theme names, read through; or OutlineError with every problem."""
    outline_read, files, _ = _checked(as_source(outline))
    return outline_read, files


def validate_outline(outline: OutlineSource | Path) -> tuple[Outline, list[Note]]:
    """The validated outline and its notes, in the file's order; or OutlineError with every problem."""
    outline_read, loaded = validated_outline(outline)
    return outline_read, notes_on(outline_read, loaded)


def validated_outline(outline: OutlineSource | Path) -> tuple[Outline, LoadedYaml]:
    """The validated outline and the YAML it came from, for commands that place findings of their own."""
    outline_read, _, loaded = _checked(as_source(outline))
    return outline_read, loaded


def notes_on(outline: Outline, loaded: LoadedYaml) -> list[Note]:
    """What is worth knowing about a valid outline, in the file's order."""
    notes = [Note(loaded.file, *loaded.positions.of_value(where), path, message, hint)
             for path, where, message, hint in takeaway_notes(outline)]
    return sorted(notes, key=lambda note: (note.line, note.column))


def _checked(source: OutlineSource) -> tuple[Outline, ThemeFiles, LoadedYaml]:
    """The outline, its theme's files, and the YAML it came from (for the positions of notes)."""
    loaded = load_yaml(source)
    problems = list(loaded.problems)
    files = ThemeFiles()
    outline: Outline | None = None
    try:
        outline = outline_from(loaded.data)
    except msgspec.ValidationError:
        # Only an outline with problems needs explaining.
        from briefing.outline.explain import findings

        problems.extend(_at(loaded.file, loaded.positions, found.path, found.message, found.hint, found.at_key)
                        for found in findings(loaded.data, Outline))
    if outline is not None:
        files, file_problems = check_files(outline.theme, source.file.parent)
        found = [*check_references(outline), *check_dates(outline), *file_problems,
                 *check_source_files(outline, source.file.parent), *check_limits(outline),
                 *check_chart_units(outline), *doubled_qualifiers(outline), *literal_figures(outline)]
        problems.extend(_at(loaded.file, loaded.positions, path, message, hint) for path, message, hint in found)
    if problems:
        raise OutlineError(problems)
    assert outline is not None
    return outline, files, loaded


def _at(file: Path, positions: Positions, path: KeyPath, message: str, hint: str | None,
        at_key: bool = False) -> Problem:
    """The problem placed at its value, or at its key (an unknown key)."""
    line, column = (positions.of_key if at_key else positions.of_value)(path)
    return Problem(file, line, column, path, message, hint)


def takeaway_notes(outline: Outline) -> Iterator[tuple[KeyPath, KeyPath, str, str]]:
    """Parts, charts and the key figures without a takeaway: their slide's title is a heading, not a point.
    Each as (key path, where in the file, message, hint)."""
    for index, section in enumerate(outline.sections):
        parts: list[tuple[KeyPath, Part]] = [(("sections", index), section)] + [
            (("sections", index, "subsections", j), sub) for j, sub in enumerate(section.subsections)]
        for path, part in parts:
            if part.takeaway is None:
                yield (path, path, "no takeaway; the heading is the slide's title", "add takeaway: ...")
    for index, chart in enumerate(outline.charts):
        if chart.takeaway is None:
            yield (("charts", index), ("charts", index), "no takeaway; the chart's title is the slide's title",
                   "add takeaway: ...")
    if outline.summary_takeaway is None:
        yield (("summary_takeaway",), ("summary",), "no takeaway; the slide's title is just 'key takeaways'",
               "add summary_takeaway: ...")
    if outline.key_figures_takeaway is None and outline.key_statistics:
        where: KeyPath = ("key_figures",) if outline.key_figures is not None else ("statistics",)
        yield (("key_figures",), where, "no takeaway; the slide's title is just 'key figures'",
               "add key_figures_takeaway: ...")
    if outline.implications_takeaway is None and outline.general_implications:
        yield (("implications_takeaway",), ("implications",), "no takeaway; the slide's title is just its label",
               "add implications_takeaway: ...")
    for index, audience in enumerate(outline.audiences):
        # What this reader gets: a list not the outline's own has no title from the outline (audience.py).
        selected, path = select(outline, audience), ("audiences", index)
        own_implications = any(item.is_for(audience) for item in outline.implications)
        for key, shown, own, what, label in (
                ("summary", selected.summary, audience.summary is not None, "its summary is", "key takeaways"),
                ("key_figures", selected.key_statistics, audience.key_figures is not None, "its key figures are",
                 "key figures"),
                ("implications", selected.general_implications, own_implications, "its implications are",
                 "what this means")):
            # Without a takeaway of the outline's own, the outline's note says it already.
            if shown and getattr(selected, f"{key}_takeaway") is None and (
                    own or getattr(outline, f"{key}_takeaway") is not None):
                where = path + (key,) if own and key != "implications" else path + ("name",)
                yield (path + (f"{key}_takeaway",), where, f"{what} not the outline's, without a takeaway; "
                       f"the slide's title is just '{label}'", f"add {key}_takeaway: ... to the audience")


def check_dates(outline: Outline) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Dates a type cannot judge: the briefing's own within Office's range, partial dates real, spans forward."""
    first, last = _OFFICE_DATES
    if not first <= outline.meta.date <= last:
        message = f"{outline.meta.date.isoformat()} is outside {first} to {last}, the dates Office files can carry"
        yield (("meta", "date"), message, None)
    for index, statistic in enumerate(outline.statistics):
        problem = _partial_date_problem(statistic.as_of) if statistic.as_of else None
        if problem:
            yield (("statistics", index, "as_of"), problem, None)
    for index, event in enumerate(outline.timeline):
        if event.end is not None and event.end < event.date:
            yield (("timeline", index, "end"), f"ends ({event.end}) before it starts ({event.date})", None)


def check_chart_units(outline: Outline) -> Iterator[tuple[KeyPath, str, str | None]]:
    """A bar chart's statistics share one unit: people and dollars on one axis compare nothing.
    (A chart of FIGURES_AT_MOST statistics is shown as figures, which need no common unit.)"""
    units = {statistic.id: statistic.unit.value for statistic in outline.statistics}
    for index, chart in enumerate(outline.charts):
        if len(chart.statistics) <= FIGURES_AT_MOST:
            continue
        shown = {units[i] for i in chart.statistics if i in units}
        if len(shown) > 1:
            yield (("charts", index, "statistics"), f"mixes units ({', '.join(sorted(shown))}); a chart shows one",
                   "split it into a chart per unit, or show these figures as key figures instead")


def check_limits(outline: Outline) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Charts that name more than a chart can show readably (limits.py)."""
    for index, chart in enumerate(outline.charts):
        key, most, noun = (("events", MAX_EVENTS_PER_CHART, "event") if chart.kind.value == "timeline"
                           else ("statistics", MAX_BARS_PER_CHART, "statistic"))
        count = len(getattr(chart, key))
        if count > most:
            yield (("charts", index, key),
                   f"a {chart.kind.value} chart shows at most {most} {key}; this one names {count}",
                   f"split it into charts of {most} or fewer; every {noun} is in the document's data tables anyway")


def _partial_date_problem(value: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (the form is the schema's): is the month or day real?"""
    if len(value) >= 7 and not 1 <= int(value[5:7]) <= 12:
        return f"{value!r} has no month {value[5:7]}"
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError as error:
            return f"{value!r} is not a real date ({error})"
    return None


def check_files(theme: Theme, base_dir: Path) -> tuple[ThemeFiles, list[tuple[KeyPath, str, str | None]]]:
    """Files the theme names, read through (see assets.py), and the problems with them."""
    found: dict[str, Path | Logo] = {}
    problems: list[tuple[KeyPath, str, str | None]] = []
    for key, kinds in THEME_FILES.items():
        name = getattr(theme, key)
        if name is not None:
            try:
                found[key] = check_asset(base_dir, name, kinds)
            except AssetProblem as problem:
                problems.append((("theme", key), str(problem), problem.hint))
    return ThemeFiles(**found), problems  # type: ignore[arg-type]  # each key holds its own kind


def check_source_files(outline: Outline, base_dir: Path) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Each source's local copy is inside the outline's folder, there, and a file; a checksum comes with one.

    Nothing is read: 'briefing check' compares the checksum and reads the words. Nor is the copy an input
    of the build (no output depends on it), so editing it leaves a build up to date and 'watch' idle.
    """
    sources: list[tuple[KeyPath, Source]] = [
        (("meta", "source"), outline.meta.source),
        *((("sources", index), source) for index, source in enumerate(outline.sources))]
    for path, source in sources:
        if source.file is not None:
            try:
                resolve_asset(base_dir, source.file, None, example="sources/article.txt")
            except AssetProblem as problem:
                yield (path + ("file",), str(problem), problem.hint)
        elif source.sha256 is not None:
            yield (path + ("sha256",), "a checksum without a file: sha256 is the checksum of the local copy "
                   "that file names", "add file: with the copy's path in the outline's folder, or remove sha256")


def check_references(outline: Outline) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Problems with ids: duplicates, and references to ids that do not exist."""
    statistic_ids = [s.id for s in outline.statistics]
    event_ids = [e.id for e in outline.timeline]
    source_ids = [s.id for s in outline.all_sources]
    part_ids: list[str] = []
    part_paths: list[KeyPath] = []
    for index, section in enumerate(outline.sections):
        part_ids.append(section.id)
        part_paths.append(("sections", index, "id"))
        for sub_index, sub in enumerate(section.subsections):
            part_ids.append(sub.id)
            part_paths.append(("sections", index, "subsections", sub_index, "id"))

    yield from _duplicates(
        [
            *((("statistics", i, "id"), s) for i, s in enumerate(statistic_ids)),
            *((("timeline", i, "id"), e) for i, e in enumerate(event_ids)),
        ],
        "statistics and events share one set of ids",
    )
    yield from _duplicates(list(zip(part_paths, part_ids, strict=True)), "section and sub-section ids must differ")
    yield from _duplicates(
        [(("charts", i, "id"), c.id) for i, c in enumerate(outline.charts)], "chart ids must differ"
    )
    yield from _duplicates(
        [(("meta", "source", "id"), outline.meta.source.id)]
        + [(("sources", i, "id"), s.id) for i, s in enumerate(outline.sources)],
        "source ids must differ",
    )

    fact_ids = statistic_ids + event_ids
    for index, section in enumerate(outline.sections):
        parts = [(("sections", index), section)] + [
            (("sections", index, "subsections", j), sub) for j, sub in enumerate(section.subsections)
        ]
        for part_path, part in parts:
            yield from _unknown(part_path + ("facts",), part.facts, fact_ids, "statistic or event")
            for q, quote in enumerate(part.quotes):
                if quote.source is not None:
                    yield from _unknown(part_path + ("quotes", q, "source"), [quote.source], source_ids, "source")
    for fact_path, _, evidence in evidenced(outline):
        if evidence.source is not None:
            yield from _unknown(fact_path + ("evidence", "source"), [evidence.source], source_ids, "source")
    sourced: tuple[tuple[str, Sequence[Event | Statistic]], ...] = (
        ("timeline", outline.timeline), ("statistics", outline.statistics))
    for key, items in sourced:
        for index, item in enumerate(items):
            yield from _unknown((key, index, "source"), [item.source], source_ids, "source")
    for index, statistic in enumerate(outline.statistics):
        if statistic.part_of == statistic.id:
            yield (("statistics", index, "part_of"), "a statistic cannot be a part of itself", None)
        elif statistic.part_of is not None:
            yield from _unknown(("statistics", index, "part_of"), [statistic.part_of], statistic_ids, "statistic",
                                single=True)
    yield from _duplicates(
        [(("audiences", i, "name"), a.name) for i, a in enumerate(outline.audiences)], "audience names must differ"
    )
    chart_ids = [c.id for c in outline.charts]
    known_tags = sorted({tag for part in outline.parts() for tag in part.tags})
    for index, audience in enumerate(outline.audiences):
        path = ("audiences", index)
        for key, known, what in (
            ("sections", part_ids, "section or sub-section"),
            ("charts", chart_ids, "chart"),
            ("statistics", statistic_ids, "statistic"),
            ("key_figures", statistic_ids, "statistic"),
        ):
            yield from _unknown(path + (key,), getattr(audience, key) or [], known, what)
        if audience.sections == [] and not audience.tags:
            yield (path + ("sections",), "selects no section at all",
                   "name sections or tags, or leave 'sections' out to include every section")
        for tag_index, tag in enumerate(audience.tags):
            if tag not in known_tags:
                hint = suggestion(tag, known_tags, "known tags")
                yield (path + ("tags", tag_index), f"no section or sub-section has the tag '{tag}'", hint)
    if outline.key_figures is not None:
        yield from _unknown(("key_figures",), outline.key_figures, statistic_ids, "statistic")
    yield from _check_implications(outline)
    for text_path, text in text_fields(outline):
        yield from _unknown(text_path, referenced_ids(text), fact_ids, "statistic or event", single=True)
    for index, chart in enumerate(outline.charts):
        path = ("charts", index)
        yield from _unknown(path + ("statistics",), chart.statistics, statistic_ids, "statistic")
        yield from _unknown(path + ("events",), chart.events, event_ids, "event")
        if chart.placement is not None:
            yield from _unknown(path + ("placement",), [chart.placement], part_ids, "section or sub-section")
        wanted = "events" if chart.kind.value == "timeline" else "statistics"
        if not getattr(chart, wanted):
            yield (path + (wanted,), f"a {chart.kind.value} chart needs at least one of its {wanted}", None)


def _check_implications(outline: Outline) -> Iterator[tuple[KeyPath, str, str | None]]:
    """Each item names audiences that exist, and tags some audience selects by: else no reader would get it."""
    names = [audience.name for audience in outline.audiences]
    selected_tags = sorted({tag for audience in outline.audiences for tag in audience.tags})
    for index, item in enumerate(outline.implications):
        path = ("implications", index)
        for name_index, name in enumerate(item.audiences):
            if name not in names:
                yield (path + ("audiences", name_index), f"no audience is named '{name}'",
                       suggestion(name, names, "known audiences"))
        for tag_index, tag in enumerate(item.tags):
            if tag not in selected_tags:
                close = suggestion(tag, selected_tags, "tags audiences select by")
                yield (path + ("tags", tag_index), f"no audience selects the tag '{tag}', so no reader gets this item",
                       close)


def _duplicates(
    items: Iterable[tuple[KeyPath, str]], why: str
) -> Iterator[tuple[KeyPath, str, str | None]]:
    seen: dict[str, KeyPath] = {}
    for path, value in items:
        if value in seen:
            yield (path, f"duplicate id '{value}' (also at {format_path(seen[value])})", why)
        else:
            seen[value] = path


def _unknown(
    path: KeyPath, ids: list[str], known: list[str], what: str, single: bool | None = None
) -> Iterator[tuple[KeyPath, str, str | None]]:
    """References to ids that do not exist; `single` when path names one value, not a list."""
    if single is None:
        single = path[-1] in ("source", "placement")
    for index, value in enumerate(ids):
        if value in known:
            continue
        where = path if single else (*path, index)
        yield (where, f"no {what} has the id '{value}'", suggestion(value, known, "known ids"))
