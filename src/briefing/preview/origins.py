"""Where a slide or a page came from: the outline's lines, found from what the deck plan says a slide
shows (deck/plan.py's Origin) and the line of every node the YAML loader remembers (outline/load.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.deck.plan import Origin
from briefing.outline.errors import KeyPath, format_path
from briefing.outline.load import LoadedYaml

# The most lines of the outline shown for one origin: a section with its prose runs to fifty.
MAX_LINES = 60


@dataclass(frozen=True)
class Span:
    """Lines first to last of the outline (1-based), what they hold (a key path), and their text."""

    file: str
    first: int
    last: int
    path: str
    lines: tuple[str, ...]  # at most MAX_LINES, from the first

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "first": self.first, "last": self.last, "path": self.path,
                "lines": list(self.lines)}


class OutlineLines:
    """The outline's nodes by what the deck and the document call them (ids, the outline's own lists),
    each with the lines it takes."""

    def __init__(self, loaded: LoadedYaml, text: str, shown_as: Path):
        self.file = str(shown_as)
        self.text = text.splitlines()
        self.data = loaded.data if isinstance(loaded.data, dict) else {}
        positions = loaded.positions
        self.starts = {**positions.values, **positions.keys}  # a key's line, where it has one
        # The last line of each node: the largest line of anything under it, but a section's
        # sub-sections, which have their own slides and lines.
        self.ends: dict[KeyPath, int] = {}
        for path, (line, _) in self.starts.items():
            for end in range(len(path) + 1):
                prefix = path[:end]
                if path[end:end + 1] == ("subsections",):
                    continue
                if self.ends.get(prefix, 0) < line:
                    self.ends[prefix] = line
        self.by_id: dict[tuple[str, str], KeyPath] = {}
        for index, section in enumerate(self._list("sections")):
            self._index("part", section, ("sections", index))
            for number, sub in enumerate(section.get("subsections") or [] if isinstance(section, dict) else []):
                self._index("part", sub, ("sections", index, "subsections", number))
        for key, kind in (("charts", "chart"), ("statistics", "statistic"), ("audiences", "audience")):
            for index, item in enumerate(self._list(key)):
                self._index(kind, item, (key, index), "name" if kind == "audience" else "id")

    def _list(self, key: str) -> list[Any]:
        value = self.data.get(key)
        return value if isinstance(value, list) else []

    def _index(self, kind: str, item: Any, path: KeyPath, key: str = "id") -> None:
        if isinstance(item, dict) and isinstance(item.get(key), str):
            self.by_id.setdefault((kind, item[key]), path)

    def spans(self, origins: tuple[Origin, ...] | list[Origin], audience: str | None) -> list[Span]:
        """The lines each origin takes, as this audience's version shows it, in the outline's order."""
        paths: list[KeyPath] = []
        for origin in origins:
            paths.extend(path for path in self._paths(origin, audience) if path not in paths)
        spans = [span for span in map(self.span, paths) if span is not None]
        return sorted(spans, key=lambda span: span.first)

    def span(self, path: KeyPath) -> Span | None:
        if path not in self.starts:
            return None
        first, last = self.starts[path][0], self.ends[path]
        shown = self.text[first - 1:min(last, first + MAX_LINES - 1)]
        return Span(self.file, first, last, format_path(path), tuple(shown))

    def _paths(self, origin: Origin, audience: str | None) -> list[KeyPath]:
        """Where in the outline's data the origin is; an audience's own lists and titles before the outline's."""
        own = self.by_id.get(("audience", audience)) if audience else None

        def given(*keys: str | int) -> list[KeyPath]:
            """The audience's key where it sets it, else the outline's."""
            if own is not None and (*own, *keys) in self.starts:
                return [(*own, *keys)]
            return [keys]

        if origin.kind == "meta":
            extra = [(*own, key) for key in ("title", "subtitle", "cover_line") if own and (*own, key) in self.starts]
            return [("meta",), *extra]
        if origin.kind in ("summary", "key_figures", "implications"):
            return [*given(origin.kind), *given(f"{origin.kind}_takeaway")]
        if origin.kind == "sources":
            return [("meta", "source"), ("sources",)]
        kind = "part" if origin.kind in ("heading", "quote") else origin.kind
        found = self.by_id.get((kind, origin.id))
        if found is None:
            return []
        if origin.kind == "heading":
            return [(*found, "title")]
        if origin.kind == "quote":
            return [(*found, "quotes", origin.index)]
        return [found]
