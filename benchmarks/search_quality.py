"""Search quality on the query set: plain Material vs Pagefind vs qabook, in one run.

    .venv/bin/pip install -e ".[bench,test]"   # pagefind[extended]
    .venv/bin/python benchmarks/search_quality.py

Builds the seed chapter plus ../shared/corpus/02-… (imported as chapter `dc`) three ways and
types every query of tests/search_queries.tsv into each engine in headless Chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project, plain_material_config, run, serve

from searchset import CORPUS_CHAPTER, load_queries, page_key, score


def material_ranked(page, queries: list[str], suffix: str = "") -> dict[str, list[str]]:
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    out = {}
    for q in queries:
        box.fill("")
        box.press_sequentially(q + suffix)
        page.wait_for_timeout(900)  # Material's worker answers asynchronously
        hrefs = page.eval_on_selector_all(".md-search-result__list > li > a", "els => els.map(e => e.href)")
        out[q] = [page_key(h) for h in hrefs]
    return out


def pagefind_ranked(page, queries: list[str]) -> dict[str, list[str]]:
    page.evaluate("async () => { window.pf = await import('/pagefind/pagefind.js'); await pf.init(); }")
    out = {}
    for q in queries:
        urls = page.evaluate("""async q => { const r = await pf.search(q);
            const d = await Promise.all(r.results.slice(0, 10).map(x => x.data())); return d.map(x => x.url); }""", q)
        out[q] = [page_key(u) for u in urls]
    return out


def qabook_ranked(page, queries: list[str]) -> dict[str, list[str]]:
    from test_search import run_queries

    return run_queries(page, queries)


def main() -> int:
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    work = Path(tempfile.mkdtemp(prefix="qabook-bench-"))
    try:
        project = copy_project(work)
        corpus = ROOT.parent / "shared" / "corpus" / CORPUS_CHAPTER
        run(sys.executable, "-m", "qabook.cli", "import", str(corpus), "--chapter", "dc", "--out", "docs", cwd=project)
        run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
        run(sys.executable, "-m", "mkdocs", "build", "-f", str(plain_material_config(project)), "-d", "site-plain",
            cwd=project)
        run(sys.executable, "-m", "mkdocs", "build", "-f", str(plain_material_config(project, True)), "-d",
            "site-plain-sep", cwd=project)
        shutil.copytree(project / "site-plain", project / "site-pagefind")
        run(sys.executable, "-m", "pagefind", "--site", "site-pagefind", cwd=project)
        engines = [("plain Material 9 (search plugin, lang zh + jieba)", "site-plain", material_ranked),
                   ("plain Material 9, reader adds a trailing space", "site-plain",
                    lambda page, qs: material_ranked(page, qs, " ")),
                   ("Material 9 as its Chinese guide says (+ separator [\\s\\u200b\\-])", "site-plain-sep",
                    material_ranked),
                   ("Pagefind extended (CJK segmentation)", "site-pagefind", pagefind_ranked),
                   ("qabook (bigrams, sharded)", "site", qabook_ranked)]
        print(f"{len(queries)} queries from tests/search_queries.tsv\n")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, folder, ranked_fn in engines:
                with serve(project / folder) as url:
                    page = browser.new_page()
                    page.goto(url + "llm/")
                    result = score(ranked_fn(page, [q for q, _ in queries]), queries)
                    page.close()
                print(result.line(name, len(queries)))
                for miss in result.misses:
                    print(f"    miss: {miss[0]!r} expected {miss[1]}, got {miss[2]}")
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
