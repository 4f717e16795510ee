"""A local web site for tests of addresses: fixed pages served from 127.0.0.1 by http.server, no internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# path: (status, headers, body)
Routes = dict[str, tuple[int, dict[str, str], bytes]]
NOT_FOUND = (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")
# A path that answers only after this many seconds: for timeouts.
SLOW_PATH, SLOW_SECONDS = "/slow", 1.5


@contextmanager
def serving(routes: Routes) -> Iterator[tuple[str, list[str]]]:
    """The site's address, and the User-Agent of each request it received, while it serves `routes`."""
    agents: list[str] = []

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            agents.append(self.headers.get("User-Agent", ""))
            if self.path == SLOW_PATH:
                time.sleep(SLOW_SECONDS)
            status, headers, body = routes.get(self.path, NOT_FOUND)
            self.send_response(status)
            for name, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(name, value)
            self.end_headers()
            # A client that gave up waiting (what a timeout test does) has closed the connection.
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", agents
    finally:
        server.shutdown()
        server.server_close()
