"""Two built sites' search, typed → on screen, measured in one run: both served at once and each
query typed in a fresh page of one, then of the other (the order alternating by round), so that
the machine's other load falls on both alike.

    .venv/bin/python benchmarks/search_paired.py SITE_A SITE_B [--rounds 4] [--http1]

For each of bench.LATER_QUERIES, in each round and for each site: a fresh page, a first query
there (the engine loaded, as a reader's page has it after a first search), then the query typed
into the clicked search box (typed_query: one input event; the first result hit-tested on
screen). Prints per query and site the least and the median over the rounds of (a) typed → the
first page on screen and (b) typed → the whole answer written (its count included: the engine
may show the first page before it), then the median over the queries of each query's least and
median, and the load average at start and end. Served as GitHub Pages serves a book (HTTP/2
over TLS: serve_gzip.serve_h2) unless `--http1`. No figure is asserted (this is a measurement).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from contextlib import ExitStack
from pathlib import Path

from bench import LATER_QUERIES
from common import CHROMIUM, CHROMIUM_ARGS

from serve_gzip import serve_gzip, serve_h2
from typed_query import fresh_page, typed_timeline


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sites", type=Path, nargs=2)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--http1", action="store_true", help="serve over HTTP/1.1 (serve_gzip.py)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    serve = serve_gzip if args.http1 else serve_h2
    shown: dict[tuple[str, int], list[float]] = {(q, i): [] for q in LATER_QUERIES for i in (0, 1)}
    counted: dict[tuple[str, int], list[float]] = {(q, i): [] for q in LATER_QUERIES for i in (0, 1)}
    load0 = os.getloadavg()[0]
    with sync_playwright() as p, ExitStack() as stack:
        urls = [stack.enter_context(serve(site)) for site in args.sites]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for r in range(args.rounds):
            for q in LATER_QUERIES:
                for i in (0, 1) if r % 2 == 0 else (1, 0):
                    page = fresh_page(browser, urls[i])
                    ms, _, _, _, whole = typed_timeline(page, q)
                    shown[(q, i)].append(ms)
                    counted[(q, i)].append(max(ms, whole))
                    page.close()
            print(f"round {r + 1} of {args.rounds} done, load {os.getloadavg()[0]:.1f}", flush=True)
        browser.close()
    print(f"load average {load0:.1f} → {os.getloadavg()[0]:.1f}; {serve.__name__}; ms, each query's least / median "
          f"of {args.rounds}: on screen, then with its count")
    for i, site in enumerate(args.sites):
        rows = []
        for q in LATER_QUERIES:
            s, c = shown[(q, i)], counted[(q, i)]
            rows.append((min(s), statistics.median(s), min(c), statistics.median(c)))
            print(f"  {site}  {q}: on screen {rows[-1][0]:.0f} / {rows[-1][1]:.0f}, counted {rows[-1][2]:.0f} / {rows[-1][3]:.0f}")
        med = [statistics.median(row[k] for row in rows) for k in range(4)]
        print(f"{site}: median over the queries of each one's least / median: on screen {med[0]:.0f} / {med[1]:.0f} ms, "
              f"counted {med[2]:.0f} / {med[3]:.0f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
