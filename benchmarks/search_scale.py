"""Search at scale: generated books of 1,000 and 10,000 questions, qabook vs plain Material.

    .venv/bin/python benchmarks/search_scale.py [--sizes 1000 10000] [--skip-material]

Prints, per size and engine: build time, index size, and for one query typed into the search
box in headless Chromium (cold: first query after opening a page) the time to the first
rendered result and the bytes the search fetched. Targets at 10,000 questions: ≤ 0.5 s, ≤ 300 KB.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, ROOT, plain_material_config, run

from serve_gzip import serve_gzip as serve
from typed_query import typed

SEED = ROOT.parent / "shared" / "seed" / "000_a67bd3240e4ba4dd.txt"
PER_PAGE = 10
PER_CHAPTER = 100  # pages


def phrases() -> list[str]:
    text = re.sub(r"\*\*[^*]*：\*\*|^#+.*$|^\d+\. ", "", SEED.read_text(encoding="utf-8"), flags=re.M)
    return [p.strip() for p in re.split(r"[。，、：；\n]", text) if len(p.strip()) >= 4]


def generate(docs: Path, questions: int) -> None:
    """A book of `questions` questions, PER_PAGE per topic page, in chapters; deterministic."""
    rnd = random.Random(42)
    docs.mkdir(parents=True, exist_ok=True)
    pool = phrases()
    pages = questions // PER_PAGE
    chapters = (pages + PER_CHAPTER - 1) // PER_CHAPTER
    (docs / "index.md").write_text("# 生成的题库\n\n<!-- qabook:chapters -->\n", encoding="utf-8")
    n = 0
    for c in range(chapters):
        folder = docs / f"c{c:03d}"
        folder.mkdir(parents=True)
        links = []
        for p in range(min(PER_CHAPTER, pages - c * PER_CHAPTER)):
            name = f"{p + 1:03d}-t{c:03d}-{p:03d}.md"
            links.append(f"- [主题 {c}-{p}]({name})")
            body = [f"---\nid: t{c:03d}-{p:03d}\n---\n\n# 主题 {c}-{p}：{rnd.choice(pool)}\n"]
            for q in range(PER_PAGE):
                n += 1
                marker = f"标记词{n:05d}"
                sentences = lambda k: "，".join(rnd.choice(pool) for _ in range(k)) + "。"  # noqa: E731
                body.append(f"## 第 {q + 1} 问\n\n/// question\n{sentences(2)}{marker}是什么？\n///\n\n"
                            f"/// answer\n{sentences(6)}\n///\n\n/// explanation\n{sentences(4)}\n///\n")
            (folder / name).write_text("\n".join(body), encoding="utf-8")
        (folder / "index.md").write_text(f"# 第 {c} 章\n\n" + "\n".join(links) + "\n", encoding="utf-8")


def _track(page, marker: str) -> tuple[list[int], list[int]]:
    """(decoded body sizes, bytes on the wire) of the responses whose URL holds marker."""
    decoded: list[int] = []
    wire: list[int] = []

    def done(request) -> None:
        if marker in request.url:
            try:
                response = request.response()
                body = len(response.body()) if response else 0
                sizes = request.sizes()["responseBodySize"]
            except Exception:  # noqa: BLE001 - the page was closed meanwhile
                return
            decoded.append(body)
            wire.append(sizes)

    page.on("requestfinished", done)
    return decoded, wire


def measure_qabook(page, url: str, query: str) -> tuple[float, int, int]:
    fetched, wire = _track(page, "/search/qabook/")
    page.goto(url + "c000/", wait_until="networkidle")
    ms, _ = typed(page, query)
    assert page.locator(".md-search-result__list a").count() > 0, "no result"
    page.wait_for_timeout(200)
    return ms / 1000, sum(fetched), sum(wire)


def measure_material(page, url: str, query: str) -> tuple[float, int, int]:
    fetched, wire = _track(page, "search_index")
    start = time.perf_counter()
    page.goto(url + "c000/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(query + " ")
    page.wait_for_selector(".md-search-result__list > li", timeout=120_000)
    return time.perf_counter() - start, sum(fetched), sum(wire)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    return raw, sum(len(gzip.compress(p.read_bytes())) for p in files)


def main() -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--skip-material", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qabook-scale-"))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size in args.sizes:
                project = work / f"b{size}"
                project.mkdir()
                shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
                shutil.copytree(ROOT / "overrides", project / "overrides")
                generate(project / "docs", size)
                rare, common = f"标记词{size // 2:05d}", "反向传播"
                t = time.perf_counter()
                run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
                q_build = time.perf_counter() - t
                raw, gz = folder_size(project / "site" / "search" / "qabook")
                files = len(list((project / "site" / "search" / "qabook").iterdir()))
                print(f"\n== {size} questions ({size // PER_PAGE} pages)")
                print(f"qabook: build {q_build:.1f}s; index {files} files, {raw / 1e6:.1f} MB raw, {gz / 1e6:.1f} MB gzip")
                with serve(project / "site") as url:
                    for query in (rare, common):
                        page = browser.new_page()
                        secs, nbytes, wire = measure_qabook(page, url, query)
                        page.close()
                        print(f"  qabook  query {query!r}: first result {secs:.3f}s, fetched {nbytes / 1e3:.0f} KB "
                              f"({wire / 1e3:.0f} KB gzip on the wire)")
                if args.skip_material:
                    continue
                t = time.perf_counter()
                run(sys.executable, "-m", "mkdocs", "build", "-f", str(plain_material_config(project)), "-d",
                    "site-plain", cwd=project)
                m_build = time.perf_counter() - t
                index = project / "site-plain" / "search" / "search_index.json"
                data = index.read_bytes()
                print(f"plain Material: build {m_build:.1f}s; index {len(data) / 1e6:.1f} MB raw, "
                      f"{len(gzip.compress(data)) / 1e6:.1f} MB gzip")
                with serve(project / "site-plain") as url:
                    page = browser.new_page()
                    secs, nbytes, wire = measure_material(page, url, common)
                    page.close()
                    print(f"  Material query {common!r} (+space): first result {secs:.3f}s from page open, "
                          f"fetched {nbytes / 1e3:.0f} KB ({wire / 1e3:.0f} KB gzip on the wire)")
                print(f"ratio build time qabook/Material: {q_build / m_build:.2f}")
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
