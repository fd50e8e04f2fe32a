"""Where a build's CPU goes, without a profiler: `time.process_time()` around each step of a
one-process build (MkDocs' loops in this process, `jobs=1`), and the CPU of the processes it
forked (the search expansions' workers) from `getrusage`.

    .venv/bin/python benchmarks/cpu_steps.py PROJECT [--no-search] [--blocks]

cProfile weighs many small Python calls far above their cost (Jinja's attribute lookups, most
of all), so its shares are not the build's; this tool's are. PROJECT is a folder with
mkdocs.yml (e.g. a book kept by `./scripts/bench --keep`); the site goes to a temporary folder.
Printed: CPU seconds per step (nested steps are inside their parents: `md_convert` is inside
`populate`, `render` inside `build_page`). `--blocks`: also each Jinja block and each included
partial of the page template (a block's time holds the blocks and partials inside it).
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

STEPS: collections.Counter[str] = collections.Counter()


def timed(name: str, func: Callable) -> Callable:
    def step(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            STEPS[name] += time.process_time() - start

    return step


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("--no-search", action="store_true")
    ap.add_argument("--blocks", action="store_true", help="also the CPU of each template block and partial")
    args = ap.parse_args(argv)
    os.chdir(args.project)

    import jinja2
    import markdown
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    from qabook import parallel_build
    from qabook.plugin import outputs, study_data
    from qabook.plugin import plugin as qabook_plugin

    parallel_build._populate_page = timed("populate", parallel_build._populate_page)
    parallel_build._build_page = timed("build_page", parallel_build._build_page)
    markdown.Markdown.convert = timed("md_convert", markdown.Markdown.convert)
    jinja2.Template.render = timed("render (Jinja)", jinja2.Template.render)
    if args.blocks:
        time_blocks(jinja2)
    for event in ("on_pre_build", "on_page_markdown", "on_page_content", "on_post_page", "on_post_build"):
        setattr(PluginCollection, event, timed(event, getattr(PluginCollection, event)))
    outputs.fill_print_pages = timed("print pages", outputs.fill_print_pages)
    study_data.write_study_data = timed("study data", study_data.write_study_data)
    qabook_plugin.QabookPlugin._write_index = timed("search index", qabook_plugin.QabookPlugin._write_index)
    # inside on_page_content
    from qabook.plugin import pages, preview, search_index
    from qabook.search import extract

    pages.finish_html = timed("  finish_html (anchors, formulas)", pages.finish_html)
    pages.render_math = timed("    formulas", pages.render_math)
    search_index.extract_docs = timed("  search documents (extract_docs)", search_index.extract_docs)
    extract.index_terms = timed("  search terms (index_terms)", extract.index_terms)
    preview.questions_of = timed("  study splits (questions_of)", preview.questions_of)

    site = Path(tempfile.mkdtemp(prefix="qabook-cpu-"))
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.plugins["qabook"].config["pdf"] = False
        if args.no_search:
            config.plugins["qabook"].config["search"] = False
        start = time.process_time()
        parallel_build.build(config, jobs=1, min_pages=10**9, keep_content=False)
        STEPS["the build"] = time.process_time() - start
    finally:
        shutil.rmtree(site, ignore_errors=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    STEPS["forked workers (search expansions)"] = children.ru_utime + children.ru_stime
    STEPS["this process in all (imports included)"] = time.process_time()
    for name, seconds in STEPS.items():
        print(f"{seconds:8.2f}  {name}")
    for name, seconds in BLOCKS.most_common(30):
        print(f"{seconds:8.2f}  {CALLS[name]:7d}x  {name}")
    return 0


BLOCKS: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()


def time_blocks(jinja2: Any) -> None:
    """Each compiled block of a loaded template, and the body of each partial, timed (its output
    collected, then yielded: the same text); `super()` still finds a block under its own function."""
    import jinja2.runtime

    wrapped: dict[Callable, Callable] = {}

    def wrap(name: str, func: Callable) -> Callable:
        def block(context: Any) -> Any:
            start = time.process_time()
            out = list(func(context))
            BLOCKS[name] += time.process_time() - start
            CALLS[name] += 1
            yield from out

        wrapped[func] = block
        return block

    original_super = jinja2.runtime.Context.super

    def super_(self: Any, name: str, current: Callable) -> Any:
        return original_super(self, name, wrapped.get(current, current))

    jinja2.runtime.Context.super = super_
    get_template = jinja2.Environment.get_template

    def load(self: Any, *args: Any, **kwargs: Any) -> Any:
        template = get_template(self, *args, **kwargs)
        if not getattr(template, "cpu_steps_timed", False):
            template.cpu_steps_timed = True
            for block, func in list(template.blocks.items()):
                template.blocks[block] = wrap(f"{template.name}: block {block}", func)
            if template.name.startswith("partials/"):
                template.root_render_func = wrap(f"{template.name}", template.root_render_func)
        return template

    jinja2.Environment.get_template = load


if __name__ == "__main__":
    sys.exit(main())
