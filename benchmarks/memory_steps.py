"""Where a build's memory goes: the MkDocs build of a project in this process, as `qabook build
--no-pdf` runs it, with its resident memory printed after each step (MB: now, this process's
peak, the peak of its finished children: the page workers and the search expansions' workers).

    .venv/bin/python benchmarks/memory_steps.py PROJECT

PROJECT is a folder with mkdocs.yml (e.g. a book kept by `./scripts/bench --keep`); the book is
loaded through the check's parse cache first, as `qabook build` does. The site goes to a
temporary folder (removed after). Linux only (`/proc/self/statm`).
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile


def _rss() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def mark(step: str) -> None:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{step:34s} now {_rss():7.0f}   peak {own:7.0f}   children's peak {children:7.0f}", flush=True)


def _around(module, name: str) -> None:
    func = getattr(module, name)

    def step(*args, **kwargs):
        mark(f"before {name}")
        try:
            return func(*args, **kwargs)
        finally:
            mark(f"after {name}")

    setattr(module, name, step)


def main() -> None:
    os.chdir(sys.argv[1])
    from mkdocs.config import load_config

    from qabook import parallel_build
    from qabook.book import PROCESS_CACHE
    from qabook.check import load_cached_book
    from qabook.config import find_project
    from qabook.plugin import outputs, search_index, study_data
    from qabook.search import index

    mark("imports")
    load_cached_book(find_project(None), cache=PROCESS_CACHE)
    mark("the check's book loaded")
    for module, name in ((parallel_build, "_build_all"), (outputs, "fill_print_pages"),
                         (study_data, "write_study_data"), (search_index, "write_index"),
                         (index, "build_expansions")):
        _around(module, name)
    site = tempfile.mkdtemp(prefix="qabook-mem-site-")
    try:
        config = load_config("mkdocs.yml", site_dir=site)
        plugin = config.plugins.get("qabook")
        if plugin is not None:
            plugin.config["pdf"] = plugin.config["check"] = False  # as `qabook build --no-pdf`
        parallel_build.build(config, keep_content=False)  # as `qabook build`
    finally:
        shutil.rmtree(site, ignore_errors=True)
    mark("built")


if __name__ == "__main__":
    main()
