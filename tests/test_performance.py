"""A book of several chapters: the pruned navigation, reading order, live-preview rebuilds,
and the benchmark command once at its smallest size (no timing is asserted anywhere)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, filled_print_page, qabook

sys.path.insert(0, str(ROOT / "benchmarks"))
from genbook import generate  # noqa: E402

from qabook.book import _read_page as read_page  # noqa: E402 - the parser the parallel test spies on

pytestmark = pytest.mark.slow

CHAPTER_TOPICS = 6


def _project(dest: Path, questions: int = 12) -> Path:
    """Two chapters of six one-question topic pages (c000, c001), with this project's theme."""
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    generate(dest / "docs", questions, 1, per_chapter=CHAPTER_TOPICS)
    shutil.copy2(ROOT / "docs" / "tags.md", dest / "docs" / "tags.md")
    return dest


@pytest.fixture(scope="module")
def chapters_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("chapters"))
    result = qabook("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr + result.stdout
    return project / "site"


@pytest.fixture(scope="module")
def chapters_url(chapters_site: Path):
    from browser import serve

    with serve(chapters_site) as url:
        yield url


def _on_screen(page, locator) -> bool:
    """Visible and not covered: the element (or a child) is what a click at its centre hits."""
    if locator.count() != 1 or not locator.is_visible():
        return False
    locator.scroll_into_view_if_needed()
    return bool(locator.evaluate("""el => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && (hit === el || el.contains(hit)); }"""))


@pytest.mark.browser
def test_navigation_holds_the_chapters_and_the_current_chapters_topics(browser, chapters_url: str,
                                                                        chapters_site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(chapters_url + "c000/002-t000-001/")
    nav = page.locator(".md-sidebar--primary")
    # this chapter's topics are listed; the other chapter is one link, its topics are not there
    assert _on_screen(page, nav.locator("a.md-nav__link[href='../003-t000-002/']"))
    assert nav.locator("a[href*='t001-']").count() == 0
    other = nav.locator("a.md-nav__link[href='../../c001/']")
    assert _on_screen(page, other) and "第 2 章" in other.inner_text()
    other.click()
    page.wait_for_url(re.compile(r"/c001/$"))
    nav = page.locator(".md-sidebar--primary")
    assert _on_screen(page, nav.locator("a.md-nav__link[href='001-t001-000/']"))
    assert nav.locator("a[href*='t000-']").count() == 0
    page.close()
    html = (chapters_site / "c000" / "002-t000-001" / "index.html").read_text(encoding="utf-8")
    assert "t001-" not in html.split('class="md-content"')[0]  # not even hidden in the markup


@pytest.mark.browser
def test_footer_next_goes_on_to_the_next_chapter(browser, chapters_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(chapters_url + f"c000/{CHAPTER_TOPICS:03d}-t000-{CHAPTER_TOPICS - 1:03d}/")
    nxt = page.locator("a.md-footer__link--next")
    assert _on_screen(page, nxt) and "第 2 章" in nxt.inner_text()
    nxt.click()
    page.wait_for_url(re.compile(r"/c001/$"))
    prev = page.locator("a.md-footer__link--prev")
    assert _on_screen(page, prev)
    prev.click()
    page.wait_for_url(re.compile(rf"/c000/{CHAPTER_TOPICS:03d}-t000-{CHAPTER_TOPICS - 1:03d}/$"))
    page.close()


def test_live_preview_rebuild_renders_the_saved_page_and_keeps_the_rest(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` renders only the saved page and makes a new plugin each time:
    the print page and the search index must still hold every topic."""
    script = r"""
import sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
site = sys.argv[1]
build(load_config("mkdocs.yml", site_dir=site), dirty=True)
page = Path("docs/c000/002-t000-001.md")
page.write_text(page.read_text(encoding="utf-8").replace("/// question\n", "/// question\n刚刚保存的改动", 1), encoding="utf-8")
build(load_config("mkdocs.yml", site_dir=site), dirty=True)
"""
    project = _project(tmp_path)
    site = tmp_path / "preview"
    r = subprocess.run([sys.executable, "-c", script, str(site)], cwd=project, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "刚刚保存的改动" in (site / "c000" / "002-t000-001" / "index.html").read_text(encoding="utf-8")
    printed = filled_print_page(site / "c000" / "print" / "index.html")  # its questions from the chapter's cards
    assert printed.count('class="qa-print-topic"') == CHAPTER_TOPICS
    assert "刚刚保存的改动" in printed
    meta = (site / "search" / "qabook" / "meta.js").read_text(encoding="utf-8")
    assert re.search(r'"docs":(\d+)', meta).group(1) == str(2 * CHAPTER_TOPICS + 3)  # topics, chapters, home
    index = site / "search" / "qabook"
    assert any("刚刚保存的改动" in p.read_text(encoding="utf-8") for p in index.glob("d*.js"))  # its snippet
    from qabook.search import analyze, shard_of
    shards = int(re.search(r'"shards":(\d+)', meta).group(1))
    term = analyze("刚刚保存")[1]  # 刚保: a bigram only the saved page holds
    assert f'"{term}"' in (index / f"t{shard_of(term, shards)}.js").read_text(encoding="utf-8")


def test_benchmark_runs_at_its_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "table.md"
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "100", "--shapes", "1",
                        "--plain-sizes", "100", "--no-search", "--serve-sizes", "", "--huge", "0", "--out", str(out)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:] + r.stdout[-3000:]
    text = out.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| 100 |")]
    assert len(rows) == 1
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells[:3] == ["100", "1", "100"]
    timing = r"\d+\.\d+ \(\d+\.\d+\)"  # wall seconds (CPU seconds)
    assert re.fullmatch(f"{timing} / {timing}", cells[3]), cells  # check: every page, then after an edit
    assert "failed" not in rows[0] and all(re.fullmatch(timing, c) for c in cells[4:6]), cells
    assert re.fullmatch(r"\d+\.\d / \d+\.\d", cells[9]), cells  # KB per topic: files / on disk
    # the targets, each with what was measured or "not measured in this run"
    assert "| peak memory ≤ 600 MB at 10,000 | not measured in this run | — |" in text
    assert "save → reloaded page at 1,000 topics" in text


def test_bench_server_serves_each_file_gzipped_and_a_changed_file_anew(tmp_path: Path) -> None:
    """benchmarks/serve_gzip.py compresses once and keeps the bytes: what it sends must still be
    the file (decompressed), on one kept-alive connection, and a file rewritten since (a live
    preview's rebuild) must be sent as it is now, not as it was compressed."""
    import gzip
    import http.client

    from serve_gzip import serve_gzip

    (tmp_path / "a.js").write_text("var a = 1;\n" * 500, encoding="utf-8")
    (tmp_path / "b.png").write_bytes(b"\x89PNG not text")
    with serve_gzip(tmp_path) as url:
        host, port = url.split("//")[1].rstrip("/").split(":")
        conn = http.client.HTTPConnection(host, int(port))

        def get(path: str) -> tuple[str | None, bytes]:
            conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
            r = conn.getresponse()
            assert r.status == 200 and not r.will_close, (path, r.status)
            return r.getheader("Content-Encoding"), r.read()

        enc, body = get("/a.js")
        assert enc == "gzip" and gzip.decompress(body) == (tmp_path / "a.js").read_bytes()
        assert get("/b.png") == (None, b"\x89PNG not text")  # not text: as it is
        (tmp_path / "a.js").write_text("var a = 2;\n", encoding="utf-8")
        os.utime(tmp_path / "a.js", ns=(1, 1))  # (a rewrite within the same mtime tick is caught by its size)
        enc, body = get("/a.js")
        assert gzip.decompress(body) == b"var a = 2;\n"
        conn.close()


def test_bench_server_compresses_a_file_on_its_first_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a CDN does: nothing is compressed when the server starts (a 100,000-document book's
    282 MB took 7 CPU-seconds, for files no query asks for), a file on its first request, once."""
    import gzip
    import http.client

    from serve_gzip import serve_gzip

    compressed: list[bytes] = []
    compress = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda data, *a, **k: compressed.append(data) or compress(data, *a, **k))
    for name in ("a.js", "b.css", "c.html"):
        (tmp_path / name).write_text(f"/* {name} */\n" * 200, encoding="utf-8")
    with serve_gzip(tmp_path) as url:
        assert compressed == []
        host, port = url.split("//")[1].rstrip("/").split(":")
        conn = http.client.HTTPConnection(host, int(port))
        for _ in range(3):
            conn.request("GET", "/a.js", headers={"Accept-Encoding": "gzip"})
            r = conn.getresponse()
            assert r.getheader("Content-Encoding") == "gzip" and gzip.decompress(r.read()) == compressed[0]
        conn.close()
    assert compressed == [(tmp_path / "a.js").read_bytes()]


@pytest.mark.browser
def test_bench_h2_server_serves_a_page_over_one_http2_connection(browser, tmp_path: Path) -> None:  # noqa: ANN001
    """benchmarks/serve_h2.js serves as GitHub Pages does: Chromium gets every file over HTTP/2
    (ten files asked for at once share one connection, where HTTP/1.1 needs two waves over
    six), gzipped, each file's bytes as they are, and a file rewritten since as it is now."""
    from serve_gzip import serve_h2

    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    for i in range(10):
        (tmp_path / f"d{i}.js").write_text(f"window.got = (window.got || []).concat([{i}]);\n" + "// 文字\n" * 300,
                                           encoding="utf-8")
    with serve_h2(tmp_path) as url:
        page = browser.new_page(ignore_https_errors=True)
        page.goto(url)
        got = page.evaluate("""async () => {
            await Promise.all([...Array(10).keys()].map(i => new Promise((ok, no) => {
              const s = document.createElement('script'); s.src = 'd' + i + '.js'; s.onload = ok; s.onerror = no;
              document.head.appendChild(s); })));
            const text = await (await fetch('d3.js')).text();
            return [window.got.slice().sort((a, b) => a - b), text,
                    performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
                      .map(e => [e.nextHopProtocol, e.encodedBodySize, e.decodedBodySize])]; }""")
        assert got[0] == list(range(10)) and got[1] == (tmp_path / "d3.js").read_text(encoding="utf-8")
        assert len(got[2]) == 11 and {e[0] for e in got[2]} == {"h2"}
        assert all(enc < dec for _, enc, dec in got[2]), got[2]  # gzipped on the wire
        (tmp_path / "d3.js").write_text("changed", encoding="utf-8")
        os.utime(tmp_path / "d3.js", ns=(1, 1))
        assert page.evaluate("async () => await (await fetch('d3.js', {cache: 'no-store'})).text()") == "changed"
        page.close()


_PARSED_IN: dict[str, Path] = {}  # the folder where each parsing process leaves a file named by its pid


def _read_page_noting_pid(item):  # noqa: ANN001, ANN202 - module level: the pool pickles it by name
    (_PARSED_IN["pids"] / str(os.getpid())).touch()
    return read_page(item)


def test_parallel_check_finds_what_the_serial_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qabook.book
    from qabook.check import check_docs

    docs = _project(tmp_path).joinpath("docs")
    (docs / "c000" / "003-t000-002.md").write_text("---\nid: t000-001\n---\n\n/// answer\n没有题目\n", encoding="utf-8")
    (docs / "c001" / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    monkeypatch.setattr(qabook.book, "PARALLEL_MIN_PAGES", 1)
    serial = check_docs(docs, base=tmp_path, jobs=1)
    assert {"QA001", "QA030"} <= {d.code for d in serial}

    # the pool must really run, with two workers, also on a one-CPU machine
    monkeypatch.setattr(qabook.book.os, "cpu_count", lambda: 2)
    pools: list[int] = []

    made = qabook.book.worker_pool

    def recorded_pool(jobs: int, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        pool = made(jobs, *args, **kwargs)
        pools.append(len(pool._pool))  # a fork pool starts all its workers at once
        return pool

    monkeypatch.setattr(qabook.book, "worker_pool", recorded_pool)
    monkeypatch.setattr(qabook.book, "_read_page", _read_page_noting_pid)
    monkeypatch.setitem(_PARSED_IN, "pids", tmp_path / "pids")
    (tmp_path / "pids").mkdir()
    assert check_docs(docs, base=tmp_path, jobs=2) == serial
    workers = {int(p.name) for p in (tmp_path / "pids").iterdir()}
    assert pools == [2] and workers and os.getpid() not in workers, (pools, workers)


def test_parse_cache_reads_a_changed_page_again(tmp_path: Path) -> None:
    from qabook.book import load_book

    docs = _project(tmp_path).joinpath("docs")
    cache: dict = {}
    first = load_book(docs, cache=cache)
    again = load_book(docs, cache=cache)
    assert again.pages["c000/001-t000-000.md"] is first.pages["c000/001-t000-000.md"]  # not parsed again
    target = docs / "c000" / "002-t000-001.md"
    target.write_text(target.read_text(encoding="utf-8").replace("# ", "# 新标题 ", 1), encoding="utf-8")
    changed = load_book(docs, cache=cache)
    assert changed.pages["c000/002-t000-001.md"].title.startswith("新标题")
