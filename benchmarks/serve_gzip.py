"""A static file server for measurements: like a real host, it gzips text responses."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in TEXT or not path.is_file():
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # let the parent redirect /dir → /dir/
        data = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(data)


@contextmanager
def serve_gzip(directory: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
