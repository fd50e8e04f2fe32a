"""Where a build's CPU goes, without a profiler: `time.process_time()` around each step of a
build, in every process it runs in, and the CPU of the processes it forked from `getrusage`.

    .venv/bin/python benchmarks/cpu_steps.py PROJECT [--jobs N] [--no-search] [--blocks] [--gc]

`--jobs` (default: every core, as `qabook build`) is the build users run: the pages are read and
converted, then rendered, in forked workers (`qabook.parallel_build`), and the search index is
written by a process of its own beside the render loop. Each such process adds up its own steps
and leaves them in a file the end of this run sums (`in workers` below), and each pool's
processes' CPU (user + system, `getrusage` of the reaped children) is shown on its own line.
`--jobs 1` is the one-process build (MkDocs' loops here), the figures of earlier rounds.

cProfile weighs many small Python calls far above their cost (Jinja's attribute lookups, most
of all), so its shares are not the build's; this tool's are. PROJECT is a folder with
mkdocs.yml (e.g. a book kept by `./scripts/bench --keep`); the site goes to a temporary folder.
Printed: CPU seconds per step (nested steps are inside their parents: `md_convert` is inside
`populate`, `render` inside `build_page`). `--blocks`: also each Jinja block and each included
partial of the page template (a block's time holds the blocks and partials inside it).
`--gc`: also the time of the cyclic collector (`gc.callbacks`; it is inside the step that was
allocating when it ran, and is charged to whatever allocates most) and its runs per generation.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
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
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: every core; 1: one process)")
    ap.add_argument("--gc", action="store_true", help="also the cyclic collector's time, per generation")
    args = ap.parse_args(argv)
    os.chdir(args.project)
    if args.gc:
        time_gc()

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

    from qabook.cpus import available_cores

    jobs = args.jobs or available_cores()
    out = Path(tempfile.mkdtemp(prefix="qabook-cpu-steps-"))
    in_workers(parallel_build, out)
    parallel_build._populate_all = children_of("converting workers", parallel_build._populate_all)
    parallel_build._build_all = children_of("render workers", parallel_build._build_all)
    parallel_build.Beside.join = children_of("the search index's process (beside the render loop)", parallel_build.Beside.join)
    site = Path(tempfile.mkdtemp(prefix="qabook-cpu-"))
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.plugins["qabook"].config["pdf"] = False
        if args.no_search:
            config.plugins["qabook"].config["search"] = False
        start = time.process_time()
        parallel_build.build(config, jobs=jobs, min_pages=10**9 if jobs == 1 else parallel_build.PARALLEL_MIN_PAGES,
                             keep_content=False)
        STEPS["the build, this process"] = time.process_time() - start
    finally:
        shutil.rmtree(site, ignore_errors=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    forked = children.ru_utime + children.ru_stime
    STEPS["this process in all (imports included)"] = time.process_time()
    print(f"# {args.project}, jobs={jobs}, load {os.getloadavg()[0]:.1f}")
    print("## this process")
    report(STEPS, BLOCKS, CALLS)
    print(f"## forked processes: {forked:.2f} CPU-s in all (user + system)")
    for name, seconds in CHILDREN.items():
        print(f"{seconds:8.2f}  {name}")
    if (other := forked - sum(CHILDREN.values())) >= 0.005:
        print(f"{other:8.2f}  other forked processes")
    steps, blocks, calls = collections.Counter(), collections.Counter(), collections.Counter()
    for path in sorted(out.glob("*.json")):
        data = json.loads(path.read_text())
        steps.update(data["steps"])
        blocks.update(data["blocks"])
        calls.update(data["calls"])
    shutil.rmtree(out, ignore_errors=True)
    if steps:
        print("## in workers (their steps, summed over the processes)")
        report(steps, blocks, calls)
    print(f"{STEPS['this process in all (imports included)'] + forked:8.2f}  ALL (this process + forked)")
    return 0


def report(steps: collections.Counter, blocks: collections.Counter, calls: collections.Counter) -> None:
    for name, seconds in steps.items():
        print(f"{seconds:8.2f}  {name}")
    for name, seconds in blocks.most_common(30):
        print(f"{seconds:8.2f}  {calls[name]:7d}x  {name}")


CHILDREN: collections.Counter[str] = collections.Counter()


def children_of(name: str, func: Callable) -> Callable:
    """`func`, with the CPU of the children reaped while it ran (a pool's workers are reaped as
    its `with` block ends) added up under `name`."""

    def step(*args: Any, **kwargs: Any) -> Any:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            return func(*args, **kwargs)
        finally:
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            CHILDREN[name] += after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime

    return step


def in_workers(parallel_build: Any, out: Path) -> None:
    """Each forked worker and the process beside the render loop start their counts at zero and
    write them to `out` after each chunk (a pool ends its workers with SIGTERM)."""

    def forget() -> None:
        for counter in (STEPS, BLOCKS, CALLS):
            counter.clear()

    def dump(kind: str) -> None:
        data = {"steps": STEPS, "blocks": BLOCKS, "calls": CALLS}
        (out / f"{kind}-{os.getpid()}.json").write_text(json.dumps(data))

    init = parallel_build._init_worker

    def init_worker() -> None:  # the chunk functions replaced in the worker only (tasks name them)
        forget()
        init()
        for attr, kind in (("_populate_chunk", "convert"), ("_build_chunk", "render")):
            setattr(parallel_build, attr, dumping(getattr(parallel_build, attr), kind))

    def dumping(func: Callable, kind: str) -> Callable:
        def chunk(indices: list[int]) -> Any:
            try:
                return func(indices)
            finally:
                dump(kind)

        return chunk

    parallel_build._init_worker = init_worker
    run = parallel_build._beside_run

    def beside_run(func: Callable, writer: Any) -> None:
        forget()

        def counted() -> None:
            try:
                func()
            finally:
                dump("beside")

        run(counted, writer)

    parallel_build._beside_run = beside_run


def time_gc() -> None:
    started = [0.0]

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            STEPS[f"gc: generation {info['generation']}"] += time.process_time() - started[0]
            STEPS[f"gc: generation {info['generation']}, runs"] += 1

    gc.callbacks.append(callback)


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
