"""briefing preview's web server: the page, its own assets, the views as JSON, the pictures LibreOffice
made, and an event stream that tells the page when to fetch again; and the watch that keeps it fresh.

Starlette answers, uvicorn serves, on 127.0.0.1 unless asked otherwise. The page's assets are in
this package (static/), its font is the one the deck is measured with; nothing comes from the
internet, and nothing of the outline's folder is served but what the preview made from it (the
logo as the outputs carry it). Ctrl+C (or SIGTERM) stops the server, the watch and LibreOffice; the
session's folder goes with them.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import webbrowser
from collections.abc import AsyncIterator, Callable
from importlib.resources import files
from pathlib import Path
from types import FrameType

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from briefing.errors import InputError
from briefing.preview.session import Session
from briefing.text.fonts import sans_path

_STATIC = {"preview.js": "text/javascript", "preview.css": "text/css"}
_PICTURE = re.compile(r"^render-\d+$")
_KEEP_ALIVE_SECONDS = 15  # a comment line on the event stream, so a proxy or the browser keeps it open
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _static(name: str) -> str:
    return files("briefing.preview").joinpath("static", name).read_text(encoding="utf-8")


def make_app(session: Session, host: str = "127.0.0.1") -> Starlette:
    """The web application of one preview session, answering only requests addressed to this machine by
    name (or to the host the user chose): a web page elsewhere that points a name of its own at
    127.0.0.1 (DNS rebinding) gets nothing of the outline."""

    async def page(request: Request) -> Response:
        return HTMLResponse(_static("preview.html"), headers={"Cache-Control": "no-store"})

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "font.otf":  # the bundled Noto Sans SC, which slides and pages are measured with
            return FileResponse(sans_path(), media_type="font/otf", headers={"Cache-Control": "max-age=86400"})
        if name not in _STATIC:
            return Response("not found", status_code=404)
        return Response(_static(name), media_type=_STATIC[name], headers={"Cache-Control": "no-store"})

    async def view(request: Request) -> Response:
        audience = request.query_params.get("audience") or None
        return JSONResponse(await session.state(audience), headers={"Cache-Control": "no-store"})

    async def picture(request: Request) -> Response:
        render, name = request.path_params["render"], request.path_params["name"]
        found = session.picture(render, name) if _PICTURE.match(render) else None
        if found is None or not found.is_file():
            return Response("not found", status_code=404)
        return FileResponse(found, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    async def logo(request: Request) -> Response:
        content = session.logo(request.path_params["key"])
        if content is None:
            return Response("not found", status_code=404)
        return Response(content, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    async def events(request: Request) -> Response:
        """Server-sent events: the version number whenever the preview changed, until the server stops."""
        queue = session.listen()

        async def stream() -> AsyncIterator[str]:
            try:
                yield f"data: {json.dumps({'version': session.version})}\n\n"
                while True:
                    try:
                        version = await asyncio.wait_for(queue.get(), _KEEP_ALIVE_SECONDS)
                    except TimeoutError:
                        yield ": still here\n\n"
                        continue
                    if version < 0:  # the server is stopping
                        return
                    yield f"data: {json.dumps({'version': version})}\n\n"
            finally:
                session.forget(queue)

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    # Served on every address of the machine, as the user asked: any name may reach it.
    wildcard = host in ("0.0.0.0", "::")  # noqa: S104 - compared, not bound
    allowed = ["*"] if wildcard else sorted({*_LOCAL_HOSTS, f"[{host}]" if ":" in host else host, "[::1]"})
    return Starlette(middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed)], routes=[
        Route("/", page),
        Route("/static/{name}", asset),
        Route("/api/view", view),
        Route("/events", events),
        Route("/render/{render}/{name}", picture),
        Route("/logo/{key}.png", logo),
    ])


class _Server(uvicorn.Server):
    """uvicorn's server, which also tells the event streams and the watch to end when it is told to stop."""

    def __init__(self, config: uvicorn.Config, session: Session, stopping: asyncio.Event):
        super().__init__(config)
        self.session = session
        self.stopping = stopping
        self.loop = asyncio.get_running_loop()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        self.loop.call_soon_threadsafe(self.stopping.set)
        self.loop.call_soon_threadsafe(self.session.hang_up)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket at host:port, or a message saying what to do instead."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.socket(family, socket.SOCK_STREAM)
    except OSError as error:
        raise InputError(f"briefing preview: cannot serve on {host}: {error.strerror or error}") from None
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
        listening.listen(64)
    except OSError as error:
        listening.close()
        if error.errno == errno.EADDRINUSE:
            raise InputError(f"briefing preview: port {port} on {host} is in use (another preview?); "
                             "choose another with --port N, or --port 0 for any free one") from None
        raise InputError(f"briefing preview: cannot serve on {host}:{port}: {error.strerror or error}") from None
    listening.set_inheritable(False)
    return listening


def _address(listening: socket.socket) -> str:
    host, port = listening.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def _can_open_a_browser() -> bool:
    """Only where a browser would open a window: on a Linux console, webbrowser would start a text browser
    in this very terminal."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


async def _watch(session: Session, stopping: asyncio.Event) -> None:
    """Read the outline again whenever it or a file it names is saved, until the server stops."""
    from watchfiles import awatch

    folder = session.outline_file.resolve().parent
    # Editors save by writing a new file and renaming it: the folder is watched, not the file. It wakes
    # every half second when nothing changes, to catch a save made before the watcher was in place.
    async for found in awatch(folder, watch_filter=lambda _, path: Path(path).resolve() in session.watched,
                              stop_event=stopping, debounce=50, step=20, rust_timeout=500, yield_on_timeout=True):
        if found or session.saved_unseen():
            await session.update()


async def _run(outline: Path, audience: str | None, listening: socket.socket, folder: Path, open_browser: bool,
               say: Callable[[str], None]) -> None:
    stopping = asyncio.Event()
    session = Session(outline, folder, say)
    session.wanted = audience
    try:
        await session.update()
        if audience is not None and session.loaded is not None and session.wanted != audience:
            names = ", ".join(name for name, _ in session.loaded.audiences) or "none"
            raise InputError(f"{outline}: no audience named '{audience}' (known: {names})")
        config = uvicorn.Config(make_app(session, listening.getsockname()[0]), log_level="warning",
                                access_log=False, lifespan="off", ws="none", timeout_graceful_shutdown=3)
        server = _Server(config, session, stopping)
        watching = asyncio.create_task(_watch(session, stopping))
        address = _address(listening)
        say(f"briefing preview: {address} (Ctrl+C stops)")
        if session.missing:
            say(f"note: {session.missing}")
        if open_browser:
            if _can_open_a_browser():
                await asyncio.to_thread(webbrowser.open, address)
            else:
                say("no browser opened (no display): open the address above in one")
        try:
            await server.serve(sockets=[listening])
        finally:
            stopping.set()
            watching.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await watching
    finally:
        await session.close()


def serve(outline: Path, audience: str | None, host: str, port: int, open_browser: bool,
          say: Callable[[str], None]) -> None:
    """Serve the preview of OUTLINE until interrupted (Ctrl+C, SIGTERM)."""
    if not outline.exists():
        raise InputError(f"{outline}: no such file (check the path, or run 'briefing preview' in the outline's folder)")
    if outline.is_dir():
        raise InputError(f"{outline}: is a folder, not an outline file (name the outline's .yaml file)")
    if host not in _LOCAL_HOSTS:
        say(f"warning: serving on {host}: anyone who can reach this machine there can see the preview")
    listening = bind(host, port)
    folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
    try:
        asyncio.run(_run(outline, audience, listening, folder, open_browser, say))
    except KeyboardInterrupt:
        pass  # stopped as asked: uvicorn passes the signal on once it has shut down
    finally:
        # Here, once asyncio.run has ended every task (LibreOffice with its render) and waited for every
        # thread (a build writing in the folder): an interrupt may cut the session's own closing short.
        listening.close()
        shutil.rmtree(folder, ignore_errors=True)
    say("stopped previewing")
