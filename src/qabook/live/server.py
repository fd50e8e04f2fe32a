"""The preview's HTTP server: the site folder as a static site (directory URLs, the site's 404
page, nothing cached by the browser), and `/.qabook/events`, a server-sent event stream on which
every open page hears what a save changed."""

from __future__ import annotations

import http.server
import json
import queue
import threading
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, unquote, urlsplit

EVENTS = "/.qabook/events"
HEARTBEAT = 15.0  # seconds between keep-alive comments on the event stream


class Broadcast:
    """The open event streams, each with the page it was opened from; `send` reaches every one.
    The findings panel as last sent is kept: a page opened (or reloaded after a full rebuild)
    hears it first, so the panel stays while its findings hold. `own(page)` gives a page's own
    errors (findings panel groups), which that page's panel shows besides."""

    def __init__(self, own: Callable[[str], list[dict[str, Any]]] | None = None) -> None:
        self._lock = threading.Lock()
        self._clients: dict[queue.Queue[str | None], str] = {}
        self._findings: list[dict[str, Any]] = []
        self._closed = False
        self.own = own

    def add(self, page: str = "") -> queue.Queue[str | None]:
        q: queue.Queue[str | None] = queue.Queue()
        with self._lock:
            if self._closed:  # a page reconnecting while the preview stops: its stream ends at once
                q.put(None)
                return q
            self._clients[q] = page
            message = {"kind": "findings", "urls": [], "findings": self._findings}
            q.put(json.dumps(self._with_own(message, page), ensure_ascii=False))
        return q

    def _with_own(self, message: dict[str, Any], page: str) -> dict[str, Any]:
        """`message` with the page's own errors added to its findings panel (when it has one)."""
        if "findings" not in message or self.own is None:
            return message
        shown = {group.get("page") for group in message["findings"]}
        try:
            own = self.own(page)
        except Exception:  # noqa: BLE001 - read while a full rebuild replaces the site: the panel as sent
            own = []
        extra = [group for group in own if group.get("page") not in shown]
        return {**message, "findings": [*message["findings"], *extra]} if extra else message

    def remove(self, q: queue.Queue[str | None]) -> None:
        with self._lock:
            self._clients.pop(q, None)

    def pages(self) -> set[str]:
        """The site-relative URLs the open pages show ('' when a page did not say)."""
        with self._lock:
            return set(self._clients.values())

    def send(self, message: dict[str, Any], bodies: dict[str, str] | None = None) -> None:
        """`message` to every stream; a stream whose page is among `bodies` (URL → the page's new
        HTML) gets that HTML with it, so its page needs no request of its own."""
        data = json.dumps(message, ensure_ascii=False)
        by_page: dict[str, str] = {}
        bodies = {page_key(url): html for url, html in (bodies or {}).items()}
        with self._lock:
            if "findings" in message:
                self._findings = list(message["findings"])
            for q, page in self._clients.items():
                if page not in by_page:
                    told = self._with_own(message, page)
                    if page in bodies:
                        told = {**told, "page": page, "html": bodies[page]}
                    by_page[page] = data if told is message else json.dumps(told, ensure_ascii=False)
                q.put(by_page[page])

    def close(self) -> None:
        """Every stream ends, and any opened from now on."""
        with self._lock:
            self._closed = True
            for q in self._clients:
                q.put(None)

    @property
    def count(self) -> int:
        with self._lock:
            return len(self._clients)


class _Handler(http.server.SimpleHTTPRequestHandler):
    broadcast: Broadcast
    site: Path

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.site), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet, like mkdocs serve
        pass

    def end_headers(self) -> None:
        if not self.path.startswith(EVENTS):
            self.send_header("Cache-Control", "no-cache")  # every reload asks again (304 when unchanged)
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if urlsplit(self.path).path == EVENTS:
            self._events()
            return
        target = Path(self.translate_path(self.path))
        if not target.exists() and (self.site / "404.html").is_file():
            body = (self.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        parts = [p for p in path.split("/") if p not in ("", ".", "..")]
        return str(self.site.joinpath(*parts)) + ("/" if path.endswith("/") else "")

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        page = parse_qs(urlsplit(self.path).query).get("page", [""])[0]
        q = self.broadcast.add(page_key(page))
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while True:
                try:
                    data = q.get(timeout=HEARTBEAT)
                except queue.Empty:
                    self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
                    continue
                if data is None:
                    return
                self.wfile.write(f"data: {data}\n\n".encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return
        finally:
            self.broadcast.remove(q)


def page_key(url: str) -> str:
    """One name for a page however it is written: MkDocs' URL ('c000/t/', './', quoted) or the
    browser's path ('/c000/t/index.html') → 'c000/t/' ('' for the home page), unquoted."""
    path = unquote(url).lstrip("/")
    if path.startswith("./"):
        path = path[2:]
    if path == "." or path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")] if path.endswith("index.html") else ""
    return path


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # closing does not wait for the requests being answered (a stream lasts)


class PreviewServer:
    """The site folder served on `host:port` in a thread, with its event stream."""

    def __init__(self, site: Path, host: str, port: int,
                 own: Callable[[str], list[dict[str, Any]]] | None = None) -> None:
        self.broadcast = Broadcast(own)
        handler = type("Handler", (_Handler,), {"broadcast": self.broadcast, "site": site})
        self.httpd = _Server((host, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.1,), name="qabook-serve",
                                       daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """No new request, every event stream ended, the port let go (no wait for a stream a
        page keeps open)."""
        self.httpd.shutdown()
        self.broadcast.close()
        self.httpd.server_close()
