"""A query set typed into the clicked search box: the hard set, the seed set or the seed's trial set.

    .venv/bin/python benchmarks/search_hard.py [--set hard|seed|trial] [--phone]

- hard (default): tests/searchbook (six real public documents, Chinese and English, imported with
  `qabook import`) and tests/searchbook/queries.tsv, written before any was run, of six kinds
  (term, paraphrase, answer-only, cross-language, pinyin, typo);
- seed: the seed book plus ../shared/corpus/02-… imported as chapter `dc`, and
  tests/search_queries.tsv (one kind, "seed");
- trial: the seed book as committed, and tests/search_queries_trial.tsv (what a new user typed
  on it and reported).

Builds the book with `qabook build --no-pdf`, serves it, clicks into the search box of a desktop
(or phone) page and types every query; counts only the results a person sees (each of the first
five scrolled into view and hit-tested). Prints hit@1, hit@5 and empty lists per kind, then the
misses.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, copy_project, run, serve

from conftest import CORPUS
from searchset import (CORPUS_CHAPTER, SEARCHBOOK, load_hard_queries, load_seed_queries, load_trial_queries,
                       run_hard_queries, score_hard)

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


def build_seed(work: Path, corpus: bool) -> Path:
    project = copy_project(work)
    if corpus:
        if not CORPUS.is_dir():
            raise SystemExit(f"the seed set needs ../shared/corpus beside the clone ({CORPUS} is absent)")
        run(sys.executable, "-m", "qabook.cli", "import", str(CORPUS / CORPUS_CHAPTER), "--chapter", "dc",
            "--out", "docs", cwd=project)
    run(sys.executable, "-m", "qabook.cli", "build", "--no-pdf", cwd=project)
    return project / "site"


SETS = {  # name → (queries, build, the page the box is clicked on)
    "hard": (load_hard_queries, build_searchbook, "network-zh/"),
    "seed": (load_seed_queries, lambda work: build_seed(work, corpus=True), "llm/"),
    "trial": (load_trial_queries, lambda work: build_seed(work, corpus=False), "llm/"),
}


def main() -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=sorted(SETS), default="hard")
    ap.add_argument("--phone", action="store_true")
    args = ap.parse_args()
    load, build, start = SETS[args.set]
    queries = load()
    work = Path(tempfile.mkdtemp(prefix=f"qabook-{args.set}-"))
    try:
        site = build(work)
        with sync_playwright() as p, serve(site) as url:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(**(PHONE if args.phone else DESKTOP))
            page = context.new_page()
            page.goto(url + start)
            ranked = run_hard_queries(page, queries)
            browser.close()
        scores, misses = score_hard(ranked, queries)
        print(f"{len(queries)} queries of the {args.set} set, {'phone' if args.phone else 'desktop'}\n")
        for kind, s in scores.items():
            print(s.line(kind))
        print()
        for miss in misses:
            print("  miss:", miss)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
