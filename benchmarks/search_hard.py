"""The hard query set (tests/searchbook/queries.tsv) typed into the clicked search box.

    .venv/bin/python benchmarks/search_hard.py [--phone]

Builds tests/searchbook with `qabook build --no-pdf`, serves it, clicks into the search box of a
desktop (or phone) page and types every query; counts only the results a person sees (each of
the first five scrolled into view and hit-tested). Prints hit@1, hit@5 and empty lists per kind,
then the misses.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, run, serve

from searchset import KINDS, SEARCHBOOK, load_hard_queries, run_hard_queries, score_hard

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def build_searchbook(work: Path) -> Path:
    project = work / "searchbook"
    project.mkdir()
    shutil.copy2(SEARCHBOOK / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(SEARCHBOOK / "docs", project / "docs")
    for extra in ("glossary.yml",):
        if (SEARCHBOOK / extra).exists():
            shutil.copy2(SEARCHBOOK / extra, project / extra)
    run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
    return project / "site"


def main() -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--phone", action="store_true")
    args = ap.parse_args()
    queries = load_hard_queries()
    work = Path(tempfile.mkdtemp(prefix="qabook-hard-"))
    try:
        site = build_searchbook(work)
        with sync_playwright() as p, serve(site) as url:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(**(PHONE if args.phone else DESKTOP))
            page = context.new_page()
            page.goto(url + "network-zh/")
            ranked = run_hard_queries(page, queries)
            browser.close()
        scores, misses = score_hard(ranked, queries)
        print(f"{len(queries)} queries from tests/searchbook/queries.tsv, {'phone' if args.phone else 'desktop'}\n")
        for kind in (*KINDS, "all"):
            print(scores[kind].line(kind))
        print()
        for miss in misses:
            print("  miss:", miss)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
