"""Where a build's time goes: cProfile (CPU time) of the MkDocs build of a project, in the
parent process and in the page workers (qabook.parallel_build), each printed separately.

    .venv/bin/python benchmarks/profile_build.py PROJECT [--jobs 2] [--top 25] [--out DIR]

PROJECT is a folder with mkdocs.yml (e.g. a book kept by `./scripts/bench --keep`). The site is
built into a temporary folder (removed after). Printed: the top entries by cumulative and by own
time of the parent, of the workers that read and convert pages (all of them summed), and of the
workers that render and write them. As in `qabook build`, the book is first
loaded through the check's parse cache (not profiled): MkDocs starts with the parsed pages.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from qabook import parallel_build


def _profiled_init(init, out: Path):
    """The pool's worker initialiser, also profiling the chunks the worker runs (its module's
    functions are replaced in the worker only: tasks name them, the worker looks them up); the
    stats are written after each chunk (the pool may end its workers with SIGTERM)."""

    def run() -> None:
        init()
        name = "populate" if "pages" in parallel_build._STATE else "render"
        prof = cProfile.Profile(time.process_time)
        for attr in ("_populate_chunk", "_build_chunk"):
            setattr(parallel_build, attr, _wrap(getattr(parallel_build, attr), prof, out / f"{name}-{os.getpid()}.prof"))

    return run


def _wrap(func, prof: cProfile.Profile, target: Path):
    def chunk(indices):
        prof.enable()
        try:
            return func(indices)
        finally:
            prof.disable()
            prof.dump_stats(target)

    return chunk


def report(title: str, files: list[Path], top: int) -> str:
    if not files:
        return f"## {title}\n(nothing ran)\n"
    buf = io.StringIO()
    stats = pstats.Stats(*map(str, files), stream=buf)
    stats.strip_dirs()
    buf.write(f"## {title} ({len(files)} process(es), {stats.total_tt:.1f} CPU-s under the profiler)\n")
    for key in ("cumulative", "tottime"):
        buf.write(f"\n### by {key}\n")
        stats.sort_stats(key).print_stats(top)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("project", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--out", type=Path, help="keep the .prof files here")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="qabook-prof-"))
    out.mkdir(parents=True, exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix="qabook-prof-site-"))
    os.chdir(args.project)
    parallel_build._init_worker = _profiled_init(parallel_build._init_worker, out)
    from mkdocs.config import load_config

    from qabook.book import PROCESS_CACHE
    from qabook.check import load_cached_book
    from qabook.config import find_project

    load_cached_book(find_project(None), jobs=args.jobs, cache=PROCESS_CACHE)  # as `qabook build` does first
    parent = cProfile.Profile(time.process_time)
    start = time.perf_counter()
    parent.enable()
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        plugin = config.plugins.get("qabook")
        if plugin is not None:
            plugin.config["pdf"] = plugin.config["check"] = False  # as `qabook build --no-pdf`
        parallel_build.build(config, jobs=args.jobs, keep_content=False)  # as `qabook build` (a one-off build)
    finally:
        parent.disable()
        parent.dump_stats(out / "parent.prof")
        shutil.rmtree(site, ignore_errors=True)
    print(f"# profile of the MkDocs build of {args.project} ({args.jobs} jobs): {time.perf_counter() - start:.1f} s "
          f"wall under the profiler; load {os.getloadavg()[0]:.1f}\n")
    print(report("parent", [out / "parent.prof"], args.top))
    print(report("workers: read and convert", sorted(out.glob("populate-*.prof")), args.top))
    print(report("workers: render and write", sorted(out.glob("render-*.prof")), args.top))
    if not args.out:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
