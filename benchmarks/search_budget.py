"""Search's budget at scale: how much the expansion tables add to the index, and how fast a
query answers once the first has loaded the engine.

    .venv/bin/python benchmarks/search_budget.py [--questions 10000] [--pools seed,real]
    ./scripts/bench --search-budget            (the same, from the benchmark script)

For each text pool it generates a book (benchmarks/genbook.py, 10 questions per page):
`seed` cuts sentences from the seed document (what `scripts/bench` uses; a small vocabulary),
`real` from every real document at hand — tests/searchbook/sources/ and ../shared/corpus/,
Chinese and English — so that the book has a larger, real vocabulary. It builds the site and
reports:
- index bytes: the term shards, chunks and meta (what search had before), and the expansion
  files (x*.js pinyin/glossary shards, v*.js word lists, zh.js) with their share of the rest;
- query time in Chromium (served by a gzip-ing static server), for queries of every kind,
  each after a first query has loaded meta.js: the whole query at once (its shards all new),
  the query typed character by character (per keystroke, as the box searches), and ranking it
  again with its files loaded. Targets: ≤ 30 % growth, ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import genbook
from common import CHROMIUM, CHROMIUM_ARGS, ROOT, run

from serve_gzip import serve_gzip as serve

SOURCES = [ROOT / "tests" / "searchbook" / "sources", ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "seed"]
EXPANSION_FILES = re.compile(r"^(x\d+|v\d+|zh)\.js$")

#: Queries of each kind; generated books hold the seed's and the documents' words.
QUERIES = [("exact", "反向传播"), ("exact", "自注意力机制"), ("partial", "反向传播 怎么 计算 蜂鸟"),
           ("paraphrase", "大模型是怎么训练出来的"), ("pinyin", "fanxiangchuanbo"), ("initials", "fxcb"),
           ("spaced pinyin", "zi zhu yi li"), ("homophone", "反向传波"), ("traditional", "反向傳播"),
           ("cross-language", "backpropagation"), ("cross-language", "attention mechanism"),
           ("typo", "transfromer"), ("cross-language", "梯度下降"), ("exact", "gradient descent"),
           ("partial", "how does gradient descent work with momentum")]


def real_phrases() -> list[str]:
    """Clauses of every real document at hand (Chinese and English sentences)."""
    out: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            if path.suffix not in (".md", ".txt"):
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            text = re.sub(r"```.*?```", " ", text, flags=re.S)
            text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|^#+|[`*$|>#]|https?://\S+", r"\1", text, flags=re.M)
            for clause in re.split(r"[。，、：；？！\n]|(?<=[.?!])\s", text):
                clause = re.sub(r"[^\w\s\u4e00-\u9fff.,'-]|_", " ", clause)  # words only: no Markdown
                clause = re.sub(r"\s+", " ", clause).strip()
                if 4 <= len(clause) <= 120:
                    out.append(clause)
    return out


def index_bytes(folder: Path) -> tuple[int, int, int]:
    """(core bytes, expansion bytes, expansion fields of meta.js) of a built search folder."""
    core = expansion = 0
    for path in folder.iterdir():
        size = path.stat().st_size
        if EXPANSION_FILES.match(path.name):
            expansion += size
        else:
            core += size
    meta = (folder / "meta.js").read_text(encoding="utf-8")
    extra = sum(len(m.group(0).encode()) for m in re.finditer(r'"(xshards|vocab|syllables|fillers)":(\{.*?\}|"[^"]*"|\d+)', meta))
    return core - extra, expansion, extra


def time_queries(url: str) -> list[tuple[str, str, float, list[float], float, int]]:
    """Per query: (kind, query, ms of the whole query typed at once into a fresh page after a first
    query, ms per keystroke typing it character by character after that, ms to rank it again with
    every file loaded, results)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for kind, query in QUERIES:
            page = browser.new_page()
            page.goto(url + "c000/", wait_until="networkidle")
            page.evaluate("qabookSearch.search('训练', 10, 0)")  # the first query: meta.js and its shards
            whole, total = page.evaluate("""async q => { const t0 = performance.now();
                const r = await qabookSearch.search(q, 10, 0); return [performance.now() - t0, r.total]; }""", query)
            page.close()
            page = browser.new_page()
            page.goto(url + "c000/", wait_until="networkidle")
            keys = page.evaluate("""async q => { await qabookSearch.search('训练', 10, 0); const out = [];
                for (let n = 1; n <= q.length; n++) { const t0 = performance.now();
                  await qabookSearch.search(q.slice(0, n), 10, 0); out.push(performance.now() - t0); }
                return out; }""", query)
            again = page.evaluate("""async q => { const t0 = performance.now(); await qabookSearch.explain(q);
                return performance.now() - t0; }""", query)
            page.close()
            rows.append((kind, query, whole, keys[1:], again, total))
        browser.close()
    return rows


def measure(pool: str, questions: int, work: Path) -> str:
    project = work / pool
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    if pool == "real":
        genbook.phrases = real_phrases  # type: ignore[assignment]
    genbook.generate(project / "docs", questions, per_page=10, text="seed")  # (its clauses: genbook.phrases)
    t = time.perf_counter()
    run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
    build = time.perf_counter() - t
    core, expansion, extra = index_bytes(project / "site" / "search" / "qabook")
    lines = [f"\n== {questions} questions, {pool} text ({len(genbook.phrases())} clauses): build {build:.1f} s",
             f"index: core {core / 1e6:.2f} MB (terms, chunks, meta); expansions {expansion / 1e6:.2f} MB "
             f"+ {extra / 1e3:.1f} KB in meta.js = {(expansion + extra) / core:.1%} growth"]
    with serve(project / "site") as url:
        rows = time_queries(url)
    lines.append(f"  {'kind':<15} {'query':<46} {'whole':>7} {'typed: median':>14} {'max':>6} {'ranking':>8}")
    for kind, query, whole, keys, again, total in rows:
        median = statistics.median(keys) if keys else 0.0
        top = max(keys) if keys else 0.0
        lines.append(f"  {kind:<15} {query!r:<46} {whole:5.0f} ms {median:9.1f} ms {top:6.0f} {again:6.1f} ms"
                     f"  ({total} results)")
    keys = [k for *_, ks, _, _ in rows for k in ks]
    again = [a for *_, a, _ in rows]
    lines.append(f"after the first query: a whole new query median {statistics.median(r[2] for r in rows):.0f} ms; "
                 f"typing, per keystroke: median {statistics.median(keys):.1f} ms, 90th percentile "
                 f"{sorted(keys)[int(len(keys) * 0.9)]:.1f} ms; ranking with the files loaded: median "
                 f"{statistics.median(again):.1f} ms, max {max(again):.1f} ms")
    with open("/proc/loadavg") as f:
        lines.append(f"(load average while measuring: {f.read().split()[0]} on {os.cpu_count()} cores)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=10000)
    ap.add_argument("--pools", default="seed,real")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="qabook-budget-"))
    original = genbook.phrases
    try:
        for pool in args.pools.split(","):
            genbook.phrases = original  # type: ignore[assignment]
            print(measure(pool, args.questions, work), flush=True)
    finally:
        genbook.phrases = original  # type: ignore[assignment]
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
