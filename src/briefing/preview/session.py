"""What the preview shows now, kept up to date: the outline read on every save, each reader's fast
view, LibreOffice's pages when they come, and the outline's problems while it is broken.

Everything here runs on the server's event loop; reading the outline and drawing a view run in a
thread each, LibreOffice in its own processes (renders.py), so the page is answered while they work.
Whoever waits for a change (the page's event stream) gets the new version number.
"""

from __future__ import annotations

import asyncio
import contextlib
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.build.watch import named_files, stamp
from briefing.errors import BriefingError
from briefing.outline.source import OutlineSource, read_source
from briefing.preview.renders import Rendered, Renderer, missing_tools
from briefing.preview.views import Loaded, ProblemView, Shown, View, load, make_view, problems_of

RENDER_AFTER_SECONDS = 0.4  # a pause in saving before LibreOffice starts: typing saves often


@dataclass
class _Render:
    """LibreOffice's pictures of one reader's files, and the fast view's keys they stand for."""

    digest: str  # of the outline they were made from
    rendered: Rendered
    slide_keys: list[str]
    page_keys: list[str]  # only where LibreOffice made as many pages as the page model


@dataclass
class _Status:
    state: str  # "missing", "waiting", "rendering", "ready", "failed"
    message: str = ""


@dataclass
class Session:
    """The preview of one outline file; `folder` is the session's own, for renders."""

    outline_file: Path
    folder: Path
    say: Callable[[str], None] = lambda message: None
    version: int = 0
    source: OutlineSource | None = None
    loaded: Loaded | None = None  # the last outline that was valid
    problems: list[ProblemView] = field(default_factory=list)  # the current outline's, if it is broken
    wanted: str | None = None  # the reader last asked for (None: the full briefing)
    watched: set[Path] = field(default_factory=set)
    _stamps: dict[Path, tuple[int, int] | None] = field(default_factory=dict)
    _views: dict[str | None, View] = field(default_factory=dict)
    _renders: dict[str | None, _Render] = field(default_factory=dict)
    _status: dict[str | None, _Status] = field(default_factory=dict)
    _listeners: set[asyncio.Queue[int]] = field(default_factory=set)
    _render_task: asyncio.Task[None] | None = None
    _render_target: tuple[str, str | None] | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def __post_init__(self) -> None:
        self.renderer = Renderer(self.folder)
        self.missing = missing_tools()

    # -- reading the outline ---------------------------------------------------------------

    async def update(self) -> None:
        """Read the outline again; show its problems, or draw the wanted reader's view anew."""
        async with self._lock:
            started = clock.perf_counter()
            self.version += 1
            self._stamps = {path: stamp(path) for path in self.watched | {self.outline_file.resolve()}}
            try:
                source = read_source(self.outline_file)
            except BriefingError as error:
                self._broken(error, None)
                return
            self.source = source
            self.watched = named_files(source)
            self._stamps.update({path: stamp(path) for path in self.watched - set(self._stamps)})
            try:
                loaded = await asyncio.to_thread(load, source)
            except BriefingError as error:
                self._broken(error, source)
                return
            self.loaded, self.problems, self._views = loaded, [], {}
            if self.wanted is not None and self.wanted not in {name for name, _ in loaded.audiences}:
                self.wanted = None  # the reader's profile is gone: the full briefing
            try:
                view = await self._view(self.wanted)
            except BriefingError as error:
                self._broken(error, source)
                return
            self.say(f"updated: {len(view.slides)} slides, {len(view.pages)} pages "
                     f"({clock.perf_counter() - started:.2f} s)")
            self._notify()
            self._want_render()

    def saved_unseen(self) -> bool:
        """Whether a watched file changed since it was last read, unseen by the watcher (saved before
        it was watching)."""
        return any(stamp(path) != seen for path, seen in self._stamps.items())

    def _broken(self, error: BriefingError, source: OutlineSource | None) -> None:
        self.problems = problems_of(error, source)
        count = len(self.problems)
        self.say(f"{self.outline_file}: {count} problem{'s' * (count != 1)}, shown on the page; "
                 "the last good preview stays")
        self._notify()

    async def _view(self, audience: str | None) -> View:
        """The reader's fast view of the current outline, drawn once per version."""
        # Taken now: should the outline change while the view is drawn, it is kept with the outline it shows.
        loaded, views = self.loaded, self._views
        assert loaded is not None
        if audience not in views:
            views[audience] = await asyncio.to_thread(make_view, loaded, audience)
        return views[audience]

    # -- what the page asks for --------------------------------------------------------------

    async def state(self, audience: str | None) -> dict[str, Any]:
        """Everything the page shows for this reader, as JSON; asking for a reader makes it the one rendered."""
        loaded = self.loaded
        if loaded is not None and audience not in {None, *(name for name, _ in loaded.audiences)}:
            audience = None
        if audience != self.wanted:
            self.wanted = audience
            self._want_render()
        view = None
        if loaded is not None:
            try:
                view = await self._view(audience)
            except BriefingError as error:
                return self._json(None, audience, [p.as_json() for p in problems_of(error, loaded.source)])
        return self._json(view, audience, [problem.as_json() for problem in self.problems])

    def _json(self, view: View | None, audience: str | None, problems: list[dict[str, Any]]) -> dict[str, Any]:
        loaded = self.loaded
        status = _Status("missing", self.missing) if self.missing else self._status.get(audience, _Status("waiting"))
        render = self._renders.get(audience)
        current = render is not None and loaded is not None and render.digest == loaded.source.digest
        slides = pages = []
        if view is not None:
            slides = self._pictured(view.slides, render, "slide")
            pages = self._pictured(view.pages, render, "page")
            if current and render is not None and not render.page_keys:  # LibreOffice's pages, as many as it made
                pages = [{"number": number, "svg": "", "key": name, "text": "", "origins": [], "problems": [],
                          "notes": "", "title": "", "png": self._url(render, name)}
                         for number, name in enumerate(render.rendered.pages, 1)]
        return {
            "version": self.version,
            "outline": str(self.outline_file),
            "audience": audience,
            "audiences": [{"name": name, "label": label} for name, label in (loaded.audiences if loaded else [])],
            "problems": problems,
            "slides": slides,
            "pages": pages,
            "notes": view.notes if view else [],
            "libreoffice": {"state": status.state, "message": status.message},
        }

    def _pictured(self, shown: list[Shown], render: _Render | None, kind: str) -> list[dict[str, Any]]:
        """Each slide or page with LibreOffice's picture of it where a render has one of the same drawing."""
        pictures: dict[str, str] = {}
        if render is not None:
            names = render.rendered.slides if kind == "slide" else render.rendered.pages
            keys = render.slide_keys if kind == "slide" else render.page_keys
            pictures = {key: self._url(render, name) for key, name in zip(keys, names, strict=False)}
        items = []
        for item in shown:
            data = item.as_json()
            data["png"] = pictures.get(item.key)
            items.append(data)
        return items

    @staticmethod
    def _url(render: _Render, name: str) -> str:
        return f"render/{render.rendered.folder.name}/{name}"

    def picture(self, render: str, name: str) -> Path | None:
        """The file of a picture a render made, if the page may have it: nothing else is served."""
        for kept in self._renders.values():
            folder = kept.rendered.folder
            if folder.name == render and name in (*kept.rendered.slides, *kept.rendered.pages):
                return folder / name
        return None

    def logo(self, key: str) -> bytes | None:
        loaded = self.loaded
        if loaded is not None and loaded.files.logo is not None and loaded.logo_key == key:
            return loaded.files.logo.png
        return None

    # -- telling the page --------------------------------------------------------------------

    def listen(self) -> asyncio.Queue[int]:
        queue: asyncio.Queue[int] = asyncio.Queue()
        self._listeners.add(queue)
        return queue

    def forget(self, queue: asyncio.Queue[int]) -> None:
        self._listeners.discard(queue)

    def _notify(self) -> None:
        for queue in self._listeners:
            queue.put_nowait(self.version)

    def hang_up(self) -> None:
        """Tell every listener the preview is stopping (-1), so the event streams end."""
        for queue in self._listeners:
            queue.put_nowait(-1)

    # -- LibreOffice's pages -----------------------------------------------------------------

    def _want_render(self) -> None:
        """Render the wanted reader's files of the current outline, unless that is under way or done."""
        loaded = self.loaded
        if self.missing or loaded is None:
            return
        target = (loaded.source.digest, self.wanted)
        render = self._renders.get(self.wanted)
        if target == self._render_target or (render is not None and render.digest == target[0]):
            return
        if self._render_task is not None:
            self._render_task.cancel()  # a newer save, or another reader: start again
        self._render_target = target
        self._status[self.wanted] = _Status("waiting")
        self._render_task = asyncio.create_task(self._render(loaded, self.wanted))

    async def _render(self, loaded: Loaded, audience: str | None) -> None:
        await asyncio.sleep(RENDER_AFTER_SECONDS)
        self._status[audience] = _Status("rendering")
        self._notify()
        started = clock.perf_counter()
        try:
            rendered = await self.renderer.render(loaded.source, audience)
            view = await self._view_of(loaded, audience)
        except asyncio.CancelledError:
            raise
        except BriefingError as error:
            self._failed(audience, " ".join(error.messages()))
            return
        except Exception as error:  # noqa: BLE001 - a failed render leaves the fast view, and says why
            self._failed(audience, f"{type(error).__name__}: {error}")
            return
        finally:
            if self._render_target == (loaded.source.digest, audience):
                self._render_target = None
        same_pages = len(rendered.pages) == len(view.pages)
        previous = self._renders.get(audience)
        self._renders[audience] = _Render(loaded.source.digest, rendered, [s.key for s in view.slides],
                                          [p.key for p in view.pages] if same_pages else [])
        if previous is not None:
            self.renderer.discard(previous.rendered)
        self._status[audience] = _Status("ready")
        self.say(f"LibreOffice's pages ready ({clock.perf_counter() - started:.1f} s)")
        self._notify()

    async def _view_of(self, loaded: Loaded, audience: str | None) -> View:
        """The fast view the render stands for (the outline may have changed meanwhile)."""
        if loaded is self.loaded:
            return await self._view(audience)
        return await asyncio.to_thread(make_view, loaded, audience)

    def _failed(self, audience: str | None, message: str) -> None:
        self._status[audience] = _Status("failed", message)
        self.say(f"LibreOffice's pages failed: {message}")
        self._notify()

    async def close(self) -> None:
        """Stop a render under way, LibreOffice with it."""
        if self._render_task is not None:
            self._render_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._render_task
