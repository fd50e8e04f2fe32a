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
- query time in Chromium (served by a gzip-ing static server): qabookSearch.search() from the
  call to the ranked results with their text, for queries of every kind, each after a first
  query has loaded meta.js (the first is reported apart). Targets: ≤ 30 % growth, ≤ 50 ms.
"""

from __future__ import annotations

import argparse
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


def time_queries(url: str) -> list[tuple[str, str, float, int]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "c000/", wait_until="networkidle")
        rows = []
        for kind, query in [("first (loads meta.js)", "训练")] + QUERIES:
            ms, total = page.evaluate("""async q => { const t0 = performance.now();
                const r = await qabookSearch.search(q, 10, 0); return [performance.now() - t0, r.total]; }""", query)
            rows.append((kind, query, ms, total))
        browser.close()
    return rows


def measure(pool: str, questions: int, work: Path) -> str:
    project = work / pool
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    if pool == "real":
        genbook.phrases = real_phrases  # type: ignore[assignment]
    genbook.generate(project / "docs", questions, per_page=10)
    t = time.perf_counter()
    run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
    build = time.perf_counter() - t
    core, expansion, extra = index_bytes(project / "site" / "search" / "qabook")
    lines = [f"\n== {questions} questions, {pool} text ({len(genbook.phrases())} clauses): build {build:.1f} s",
             f"index: core {core / 1e6:.2f} MB (terms, chunks, meta); expansions {expansion / 1e6:.2f} MB "
             f"+ {extra / 1e3:.1f} KB in meta.js = {(expansion + extra) / core:.1%} growth"]
    with serve(project / "site") as url:
        rows = time_queries(url)
    for kind, query, ms, total in rows:
        lines.append(f"  {kind:<22} {query!r:<48} {ms:7.1f} ms  {total} results")
    after = [ms for kind, _, ms, _ in rows[1:]]
    lines.append(f"after the first: median {statistics.median(after):.1f} ms, max {max(after):.1f} ms")
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
