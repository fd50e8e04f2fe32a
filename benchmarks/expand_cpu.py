"""The search expansions alone: CPU and output of `search.expand.build_expansions` on a book's
search documents, in one process, so that two versions of the code can be compared.

    .venv/bin/python benchmarks/expand_cpu.py PROJECT --docs DOCS.pickle   # build once, keep the documents
    .venv/bin/python benchmarks/expand_cpu.py --docs DOCS.pickle [--out TABLES.pickle] [--repeat 3]

The first form builds PROJECT (one process, search on, PDFs off, the site in a temporary folder)
and pickles the search documents the index was made from. The second times `build_expansions`
over them in this process (`PARALLEL_MIN_DOCS` raised: no forked workers, so `process_time` is
all of it), the least of `--repeat` runs after a first untimed one (the dictionary loaded), and
with `--out` writes what it made (meta and files) so that two versions' outputs can be compared
byte for byte (`cmp`). Run the second form with the older code first on PYTHONPATH for "before".
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path


def capture(project: Path, docs_out: Path) -> None:
    os.chdir(project)
    from mkdocs.config import load_config

    from qabook import parallel_build
    from qabook.search import index

    original = index.build_expansions

    def keep(docs, glossary=None, stats=None):  # (as the index hands them over: term counts and all)
        docs = list(docs)
        docs_out.write_bytes(pickle.dumps((docs, glossary)))
        print(f"{len(docs)} documents → {docs_out}")
        return original(docs, glossary, stats)

    index.build_expansions = keep
    site = Path(tempfile.mkdtemp(prefix="qabook-expand-"))
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.plugins["qabook"].config["pdf"] = False
        parallel_build.build(config, jobs=1, min_pages=10**9, keep_content=False)
    finally:
        shutil.rmtree(site, ignore_errors=True)


def measure(docs_in: Path, out: Path | None, repeat: int) -> None:
    from qabook.search import expand

    expand.PARALLEL_MIN_DOCS = 10**9
    docs, glossary = pickle.loads(docs_in.read_bytes())
    expand.build_expansions(docs[:50], glossary)  # dictionaries loaded, untimed
    best, result = float("inf"), None
    for _ in range(repeat):
        fresh, _g = pickle.loads(docs_in.read_bytes())  # no per-document cache from the run before
        expand._INNER.clear()
        for memo in (getattr(expand, "_MEMOS", {}), *getattr(expand, "_TERMS_SEEN", ())):  # (this code's memos, if any)
            memo.clear()
        expand.pinyin_of.cache_clear()
        start = time.process_time()
        result = expand.build_expansions(fresh, glossary)
        best = min(best, time.process_time() - start)
    print(f"{len(docs)} documents: build_expansions {best:.2f} CPU-s (least of {repeat})")
    if out is not None:
        out.write_bytes(pickle.dumps(result))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path, nargs="?")
    ap.add_argument("--docs", type=Path, required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.project is not None:
        capture(args.project, args.docs.resolve())
    else:
        measure(args.docs, args.out, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
