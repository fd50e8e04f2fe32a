"""What a build's MkDocs process holds of each page once every page is converted (the moment a
big book's memory is highest there): deep sizes, KB a page, of a sample of 100 pages — MkDocs'
HTML, Markdown and table of contents, qabook's copy of the HTML, its search documents' fields
and term counts, the questions split for study mode.

    .venv/bin/python benchmarks/held_pages.py PROJECT

Built as `qabook build --no-pdf` builds (one-off, pages in workers; the check's parse cache
loaded first); the site goes to a temporary folder. Strings shared by the whole book (interned
search terms) are counted apart.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from collections import Counter


def deep(o: object, seen: set[int]) -> int:
    if id(o) in seen:
        return 0
    seen.add(id(o))
    size = sys.getsizeof(o)
    if isinstance(o, dict):
        size += sum(deep(k, seen) + deep(v, seen) for k, v in o.items())
    elif isinstance(o, (list, tuple, set, frozenset)):
        size += sum(deep(x, seen) for x in o)
    elif hasattr(o, "__dict__") and not isinstance(o, type):
        size += deep(o.__dict__, seen)
    elif hasattr(o, "__slots__"):
        size += sum(deep(getattr(o, a, None), seen) for a in o.__slots__ if a != "__weakref__")
    return size


def main() -> None:
    os.chdir(sys.argv[1])
    from mkdocs.config import load_config

    from qabook import parallel_build
    from qabook.book import PROCESS_CACHE
    from qabook.check import load_cached_book
    from qabook.config import find_project
    from qabook.plugin import preview

    load_cached_book(find_project(None), cache=PROCESS_CACHE)
    build_all = parallel_build._build_all

    def measure(config, nav, env, doc_files, jobs):
        plugin = config.plugins["qabook"]
        files = list(doc_files)
        sample = random.Random(1).sample(files, min(100, len(files)))
        total: Counter[str] = Counter()
        for f in sample:
            page, src = f.page, f.src_uri
            held = page.__dict__.get("_held_content", page.__dict__.get("content"))  # (packed or not)
            total["MkDocs: HTML"] += deep(held, set())
            total["MkDocs: Markdown"] += deep(page.markdown, set())
            toc = page.__dict__.get("_held_toc", page.__dict__.get("toc"))  # (packed or not; not unpacked here)
            total["MkDocs: table of contents"] += deep(toc, set())
            r = plugin.rendered.get(src)
            if r is not None and not isinstance(r.docs, list):  # (held packed: qabook.memory.PackedItems)
                total["qabook: HTML"] += deep(r.html, set())
                total["search: documents, packed (fields, term counts, marks)"] += deep(r.docs, set())
                total["search: documents (number)"] += len(r.docs)
            elif r is not None:
                total["qabook: HTML"] += deep(r.html, set())
                total["search: fields"] += sum(deep(d.fields, set()) for d in r.docs)
                terms = [d.__dict__.get("_packed_terms", d.__dict__.get("terms")) for d in r.docs]
                shared = {id(t) for c in terms if isinstance(c, dict) for counts in c.values() for t in counts}
                total["search: term counts (book's shared strings apart)"] += sum(deep(t, set(shared)) for t in terms)
                total["search: documents (number)"] += len(r.docs)
            kept = preview._STUDY.get(src)
            if kept:
                total["study: questions (the HTML apart)"] += deep(kept[1], {id(kept[0])})
        for k, v in total.items():
            print(f"{k:52s} {v / len(sample) / (1 if 'number' in k else 1024):8.1f}{'' if 'number' in k else ' KB'} a page")
        stats = getattr(plugin, "expansion_stats", None)
        if stats is not None:
            print(f"search expansions' figures for the whole book (BookStats): {deep(stats, set()) / 2**20:.1f} MB")
        with open("/proc/self/statm", encoding="ascii") as statm:
            print(f"pages {len(files)}; resident {int(statm.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20:.0f} MB")
        return build_all(config, nav, env, doc_files, jobs)

    parallel_build._build_all = measure
    site = tempfile.mkdtemp(prefix="qabook-held-")
    try:
        config = load_config("mkdocs.yml", site_dir=site)
        plugin = config.plugins["qabook"]
        plugin.config["pdf"] = plugin.config["check"] = False  # as `qabook build --no-pdf` (checked before)
        parallel_build.build(config, keep_content=False)
    finally:
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
