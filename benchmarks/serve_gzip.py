"""A static file server for measurements, serving as a static host does: text files gzipped
once, not on every request.

A host does not compress a file per request: GitLab Pages and nginx's `gzip_static` send a
`.gz` written beside the file at deploy time, and a CDN in front of a host (GitHub Pages is
served through Fastly) compresses a response once, on its first request, and keeps it in its
cache. So a text file is compressed on its first request (level 9, in the request's thread:
zlib lets go of the GIL) and kept; a file whose size or mtime changed since (a live preview's
rebuild) is compressed again on its next request. (Compressing the whole site when the server
started cost a 100,000-document book's 282 MB 7 CPU-seconds, for files no query asked for.) Connections are kept alive (HTTP/1.1), as a real host's are. The bytes on the
wire are those of the per-request compression it replaces: the same level, the same data.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Iterator

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
LEVEL = 9


class Compressed:
    """Each text file's gzip bytes, made once per content (path → (size, mtime_ns, bytes))."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[int, int, bytes]] = {}
        self.lock = threading.Lock()

    def get(self, path: Path) -> bytes:
        st = path.stat()
        key = str(path)
        kept = self.files.get(key)
        if kept and kept[0] == st.st_size and kept[1] == st.st_mtime_ns:
            return kept[2]
        data = gzip.compress(path.read_bytes(), LEVEL, mtime=0)
        with self.lock:
            self.files[key] = (st.st_size, st.st_mtime_ns, data)
        return data


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every response below has its Content-Length
    # headers and body leave in two writes: with Nagle's algorithm the body waited for the
    # client's delayed ACK of the headers, 40 ms on Linux, on a kept-alive connection
    disable_nagle_algorithm = True

    def __init__(self, *args, compressed: Compressed, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.compressed = compressed
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # let the parent redirect /dir → /dir/
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in TEXT or not path.is_file():
            return super().send_head()
        data = self.compressed.get(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return BytesIO(data)


@contextmanager
def serve_gzip(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port)."""
    compressed = Compressed()
    handler = functools.partial(GzipHandler, directory=str(directory), compressed=compressed)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


H2_SERVER = Path(__file__).with_name("serve_h2.js")


def node() -> str:
    """A node executable: the one on PATH, else the one the playwright package ships to run its
    driver (where the benchmarks and browser tests run, playwright is installed)."""
    found = shutil.which("node")
    if found:
        return found
    import playwright

    return str(Path(playwright.__file__).parent / "driver" / "node")


@contextmanager
def serve_h2(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 over HTTP/2 with TLS, as GitHub Pages (through Fastly) serves
    a book: one connection for all of a page's requests, each text file gzipped once
    (benchmarks/serve_h2.js, run by node, with a self-signed certificate made for this run: open
    pages with `ignore_https_errors=True`). Where Chromium opens at most six HTTP/1.1 connections
    to a host, ten files asked for at once (a page of results' texts) go in two waves; over
    HTTP/2 they share one."""
    with tempfile.TemporaryDirectory(prefix="qabook-h2-") as tmp:
        cert, key = Path(tmp) / "cert.pem", Path(tmp) / "key.pem"
        if not shutil.which("openssl"):
            raise RuntimeError("serve_h2 makes its certificate with the openssl command: install Debian's openssl")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
        proc = subprocess.Popen([node(), str(H2_SERVER), str(directory), str(cert), str(key)],
                                stdout=subprocess.PIPE, text=True)
        try:
            url = proc.stdout.readline().strip() if proc.stdout else ""
            if not url.startswith("https://"):
                raise RuntimeError(f"{H2_SERVER.name} did not start (exit status {proc.poll()})")
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            if proc.stdout:
                proc.stdout.close()
