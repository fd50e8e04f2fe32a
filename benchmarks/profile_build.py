"""Where a build's time goes: cProfile (CPU time) of the MkDocs build of a project, in the
parent process and in the page workers (qabook.parallel_build), each printed separately.

    .venv/bin/python benchmarks/profile_build.py PROJECT [--jobs 2] [--top 25] [--out DIR]

PROJECT is a folder with mkdocs.yml (e.g. a book kept by `./scripts/bench --keep`). The site is
built into a temporary folder (removed after). Printed: the top entries by cumulative and by own
time of the parent, of the workers that read and convert pages (all of them summed), and of the
workers that render and write them. The check is not part of it (`qabook check` is profiled with
`python -m cProfile -m qabook.cli check`).
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

_PROFILE: dict[str, cProfile.Profile] = {}


def _profiled(name: str, func, out: Path):
    """func, profiled in whichever worker runs it; the stats written after every chunk (the pool
    ends its workers with SIGTERM, so nothing runs at their exit)."""

    def run(indices):
        prof = _PROFILE.get(name)
        if prof is None:
            prof = _PROFILE[name] = cProfile.Profile(time.process_time)
        prof.enable()
        try:
            return func(indices)
        finally:
            prof.disable()
            prof.dump_stats(out / f"{name}-{os.getpid()}.prof")

    return run


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
    parallel_build._populate_chunk = _profiled("populate", parallel_build._populate_chunk, out)
    parallel_build._build_chunk = _profiled("render", parallel_build._build_chunk, out)
    from mkdocs.config import load_config

    parent = cProfile.Profile(time.process_time)
    start = time.perf_counter()
    parent.enable()
    try:
        config = load_config("mkdocs.yml", site_dir=str(site))
        plugin = config.plugins.get("qabook")
        if plugin is not None:
            plugin.config["pdf"] = False
        parallel_build.build(config, jobs=args.jobs)
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
