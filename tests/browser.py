"""Helpers for browser tests: Debian's Chromium through Playwright, and a local static server."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


#: The Content-Security-Policy guide/guarantees.md documents for hosting the site.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    headers_to_add: dict[str, str] = {}
    slow: dict[str, float] = {}

    def do_GET(self) -> None:  # noqa: N802
        time.sleep(self.slow.get(self.path.split("?")[0], 0))  # a slow server, where a test asks for one
        super().do_GET()

    def end_headers(self) -> None:
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that drops a request it no longer needs (it left the page) is no error: no
        'Broken pipe' traceback in the test log. Anything else is printed as before."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None, slow: dict[str, float] | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port), adding `headers` to every response; yields
    the base URL. `slow` maps a path ('/') to seconds its answers wait: the caller may fill it
    while serving."""
    handler_class = type("Handler", (_QuietHandler,), {"headers_to_add": dict(headers or {}),
                                                       "slow": slow if slow is not None else {}})
    handler = functools.partial(handler_class, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
