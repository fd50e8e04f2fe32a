"""Does a change to search rank alike? Every query of the sets, on the same book built twice:
by the code before the change and after it (index and browser engine both).

    .venv/bin/python benchmarks/search_same.py SITE_BEFORE SITE_AFTER [--depth 40] [--queries FILE…]

(Build SITE_BEFORE with the older code first on PYTHONPATH, e.g. `git archive main src | tar -x -C
/tmp/before` and `PYTHONPATH=/tmp/before/src qabook build --no-pdf` in a copy of the book.)

For each query: the first `depth` results (URL, coverage, exact coverage, score, marked words),
the count of results and of results holding every word, taken with `qabookSearch.search`; the
two versions' lists are compared and every difference is printed. Queries: the seed set, the
hard and trial sets and the benchmark's (bench.LATER_QUERIES), or the files given (one query
at the start of each line, tab-separated). Exit status 1 when any query differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import LATER_QUERIES
from common import CHROMIUM, CHROMIUM_ARGS, ROOT

from serve_gzip import serve_gzip as serve

SETS = [ROOT / "tests" / "search_queries.tsv", ROOT / "tests" / "searchbook" / "queries.tsv",
        ROOT / "tests" / "search_queries_trial.tsv"]


def queries(files: list[Path]) -> list[str]:
    out = list(LATER_QUERIES)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t")[0])
    return list(dict.fromkeys(out))


def results(site: Path, qs: list[str], depth: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    out: dict[str, object] = {}
    with sync_playwright() as p, serve(site) as url:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        for q in qs:
            out[q] = page.evaluate("""async ([q, n]) => { const r = await qabookSearch.search(q, n, 0);
                return { total: r.total, full: r.full, partial: r.partial, results: r.results.map(x =>
                  [x.url, +x.cover.toFixed(9), +x.exact.toFixed(9), +x.score.toFixed(4), x.marks.slice().sort()]) }; }""",
                                   [q, depth])
        browser.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--depth", type=int, default=40)
    ap.add_argument("--queries", type=Path, nargs="*", default=SETS)
    args = ap.parse_args()
    qs = queries(args.queries)
    before = results(args.before, qs, args.depth)
    after = results(args.after, qs, args.depth)
    differ = [q for q in qs if json.dumps(before[q]) != json.dumps(after[q])]
    for q in differ:
        print(f"DIFFERS {q!r}:\n  before: {json.dumps(before[q], ensure_ascii=False)[:600]}\n"
              f"  after:  {json.dumps(after[q], ensure_ascii=False)[:600]}")
    found = sum(1 for q in qs if after[q]["total"])
    print(f"{len(qs)} queries ({found} with results), {len(differ)} differ; depth {args.depth}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
