"""Where a search query's time goes on a big book: loading its files, reading them, ranking.

    .venv/bin/python benchmarks/search_query.py [--questions 10000] [--copies 10] [--keep DIR]
                                                [--profile] [--keys MS] [--repeat N] [--http1]
                                                [--timeline]
                                                [--site SITE…]

Builds a generated book (benchmarks/genbook.py, 10 questions a page) with `qabook build`, then,
with `--copies N`, writes the search index of N copies of its documents into the site (each
copy under its own URLs): a book of N × questions whose terms occur in N × as many documents,
as in a generated book N times as large, without the build's time. Then, in headless Chromium
served as GitHub Pages serves a book (HTTP/2 over TLS, each file gzipped once: serve_gzip.serve_h2;
`--http1` for the HTTP/1.1 server of the rounds before 2026-12-06), for each of
bench.LATER_QUERIES, in a fresh page after a first query there:
- the query as a reader waits for it (`qabookSearch.search`: its files loaded, ranked, the
  shown results' chunks loaded), with the files and decoded bytes it loaded,
- the query typed into the clicked search box (one input event, or with `--keys MS` key by key,
  MS ms apart): from its (last) input event to its results on screen (the frame after they are
  written; the first result hit-tested there), and the files it loaded (`--timeline`: each),
- the same query ranked again with its files loaded (`qabookSearch.explain`: CPU only; the
  least of three),
and with `--profile` the top functions of Chromium's CPU profile over all the queries.
No figure is asserted (this is a measurement).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from html import unescape
from pathlib import Path

from bench import LATER_QUERIES, make_project
from common import CHROMIUM, CHROMIUM_ARGS, run

from search_scale import _track
from serve_gzip import serve_gzip, serve_h2
from typed_query import fresh_page, typed_timeline

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


def build(work: Path, questions: int) -> Path:
    """A generated book's site (bench.make_project, 10 questions a page), built once: kept in
    `work` for the next run."""
    project = work / f"q{questions}-p10"
    site = project / "site"
    if (site / "search" / "qabook" / "meta.js").exists():
        return site
    project, _ = make_project(work, questions, 10, text="seed")  # (the queries are the seed's words)
    run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
    return site


def site_docs(site: Path) -> list:
    """The search documents of a built site's topic pages, read from their HTML again."""
    from qabook.search import extract_docs

    docs = []
    for path in sorted(site.glob("c*/*/index.html")):
        if path.parent.name == "print":  # a chapter's print page holds its questions again
            continue
        html = path.read_text(encoding="utf-8")
        article = ARTICLE.search(html)
        if not article:
            continue
        title = H1.search(article.group(1))
        url = path.parent.relative_to(site).as_posix() + "/"
        chapter = path.parent.parent.name
        docs += extract_docs(article.group(1), url, unescape(TAG.sub("", title.group(1))) if title else "", chapter, [])
    return docs


def write_copies(site: Path, copies: int) -> int:
    """The site's search index replaced by that of `copies` copies of its topic documents."""
    from qabook.search.index import index_files

    docs = site_docs(site)
    many = []
    for k in range(copies):
        for d in docs:
            copy = type(d)(url=f"{d.url}#copy{k}" if k else d.url, title=d.title, chapter=d.chapter,
                           fields=d.fields, page=d.page)
            many.append(copy)
    out = site / "search" / "qabook"
    shutil.rmtree(out)
    out.mkdir()
    for name, data in index_files(many, keep_terms=False):
        (out / name).write_bytes(data)
    return len(many)


def measure(site: Path, profile: bool, keys: int = 0, repeat: int = 1, http1: bool = False,
            timeline: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    serve = serve_gzip if http1 else serve_h2

    waits: list[float] = []
    ranks: list[float] = []
    shown: list[float] = []
    least: dict[str, list[float]] = {}  # query → the least search and typed time over the rounds
    nodes: dict[str, float] = {}
    with sync_playwright() as p, serve(site) as url:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"  served by {serve.__name__} at {url}", flush=True)
        for query in LATER_QUERIES * repeat:
            for in_box in (False, True):  # the engine's call, then the search box, each in a fresh page
                page = fresh_page(browser, url)
                if in_box:
                    ms, files, written, entries, counted = typed_timeline(page, query, keys)
                    shown.append(ms)
                    least[query][1] = min(least[query][1], ms)
                    split = ", ".join(f"{k}: {f[0]} files {f[1] / 1e3:.0f} KB {f[3]:.0f}→{f[2]:.0f} ms"
                                      for k, f in sorted(files.items()))
                    protocols = "/".join(sorted({e[5] for e in entries if e[5]}))
                    print(f"    typed: on screen {ms:.0f} ms, written {written:.0f}, counted {counted:.0f} "
                          f"({split}; {protocols})", flush=True)
                    if timeline:  # each file: asked for → first byte → last byte, ms after the input event
                        for e in entries:
                            print(f"      {e[0]:12s} {e[1]:6.1f} → {e[2]:6.1f} → {e[3]:6.1f}  {e[4] / 1e3:6.1f} KB")
                    page.close()
                    continue
                cdp = None
                if profile:
                    cdp = page.context.new_cdp_session(page)
                    cdp.send("Profiler.enable")
                    cdp.send("Profiler.setSamplingInterval", {"interval": 500})
                    cdp.send("Profiler.start")
                loaded, _ = _track(page, "/search/qabook/")
                t = page.evaluate("""async q => { const t0 = performance.now();
                    await qabookSearch.search(q, 10, 0); const t1 = performance.now();
                    let again = Infinity;  // the least of three: this machine's other load only adds
                    for (let i = 0; i < 3; i++) { const t2 = performance.now(); await qabookSearch.explain(q);
                      again = Math.min(again, performance.now() - t2); }
                    return [t1 - t0, again]; }""", query)
                if cdp:
                    prof = cdp.send("Profiler.stop")["profile"]
                    _add_self_times(prof, nodes)
                waits.append(t[0])
                least.setdefault(query, [t[0], float("inf")])[0] = min(least.get(query, [t[0]])[0], t[0])
                ranks.append(t[1])
                print(f"  {query!r}: search {t[0]:.0f} ms ({len(loaded)} files, {sum(loaded) / 1e3:.0f} KB), "
                      f"ranked again {t[1]:.0f} ms", flush=True)
                page.close()
        browser.close()
    print(f"median: search {statistics.median(waits):.0f} ms, ranked again {statistics.median(ranks):.0f} ms, "
          f"typed → on screen {statistics.median(shown):.0f} ms"
          + (f" (typed key by key, {keys} ms apart)" if keys else ""))
    if repeat > 1:  # this machine's other load only adds: each query's least is the nearest to a quiet machine's
        print(f"median of each query's least of {repeat}: search "
              f"{statistics.median(v[0] for v in least.values()):.0f} ms, typed → on screen "
              f"{statistics.median(v[1] for v in least.values()):.0f} ms ("
              + ", ".join(f"{q} {v[0]:.0f}/{v[1]:.0f}" for q, v in least.items()) + ")")
    if nodes:
        total = sum(nodes.values())
        print(f"CPU profile, self time over all queries ({total:.0f} ms sampled):")
        for name, ms in sorted(nodes.items(), key=lambda kv: -kv[1])[:25]:
            print(f"  {ms:8.1f} ms  {name}")


def _add_self_times(prof: dict, out: dict[str, float]) -> None:
    """Chromium's sampled profile → self milliseconds per function (name and line)."""
    by_id = {n["id"]: n for n in prof["nodes"]}
    deltas = prof.get("timeDeltas", [])
    for sample, dt in zip(prof.get("samples", []), deltas):
        f = by_id[sample]["callFrame"]
        name = f"{f['functionName'] or '(anonymous)'} {Path(f['url']).name}:{f['lineNumber'] + 1}"
        out[name] = out.get(name, 0.0) + dt / 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=10000)
    ap.add_argument("--copies", type=int, default=1, help="index this many copies of the book's documents")
    ap.add_argument("--keep", type=Path, help="build (or reuse) the book in this folder")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--reindex", action="store_true", help="write the index again (after a change to it)")
    ap.add_argument("--site", type=Path, nargs="+", help="measure these built sites instead, one after the other")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="measure every query N times (fresh pages); also prints each query's least")
    ap.add_argument("--http1", action="store_true",
                    help="serve over HTTP/1.1 (serve_gzip.py) instead of HTTP/2 with TLS as GitHub Pages does (serve_h2)")
    ap.add_argument("--timeline", action="store_true",
                    help="print each typed query's files: when asked for, first and last byte")
    ap.add_argument("--keys", type=int, default=0, metavar="MS",
                    help="type each query key by key, MS ms apart (default: the whole query in one input event)")
    args = ap.parse_args()
    if args.site:
        for site in args.site:
            print(f"== {site}", flush=True)
            measure(site, args.profile, args.keys, args.repeat, args.http1, args.timeline)
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="qabook-query-"))
    try:
        site = build(work, args.questions)
        if args.copies > 1 or args.reindex:
            n = write_copies(site, args.copies)
            print(f"index of {n:,} documents ({args.copies} × the book's)", flush=True)
        measure(site, args.profile, args.keys, args.repeat, args.http1, args.timeline)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
