"""Build speed at scale: qabook vs plain MkDocs + Material + search on the same generated books.

    ./scripts/bench [--sizes 100,1000,10000] [--shapes 1,10] [--plain-timeout 600]
                    [--serve-size 1000] [--no-search] [--out FILE]
    ./scripts/bench --search-budget [QUESTIONS]    (benchmarks/search_budget.py)

For each size (questions) and shape (questions per topic page) it generates a book
(`genbook.py`: Chinese text from the seed, code, formulas; fixed seed), then, one after the
other (interleaved, so both see the same machine load):
  - `qabook check` (wall time);
  - `qabook build --no-pdf` (check + site + search index) and its peak memory;
  - plain `mkdocs build` with Material's search plugin (`lang: zh`), no qabook; if it runs
    longer than --plain-timeout it is stopped and its time estimated from the pages it built;
and it reports site size, HTML bytes per topic page, and the bytes one search query loads
(qabook: measured in Chromium; plain Material: its whole search_index.json, which any query
loads). With --serve-size N, `qabook serve` runs on the N-question one-per-page book and the
time from saving a page to the reloaded page showing the change is measured in Chromium.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, ROOT, plain_material_config
from genbook import generate

QUERY = "反向传播"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    ok: bool
    cpu: float = 0.0  # user + system seconds of the process tree
    estimated: bool = False
    note: str = ""


@dataclass
class Row:
    questions: int
    per_page: int
    pages: int
    check: Run
    qabook: Run
    plain: Run | None
    q_site: int
    p_site: int
    q_html: float
    p_html: float
    q_search: float | None
    p_search: float


def timed(cmd: list[str], cwd: Path, log: Path, timeout: float | None = None,
          progress: re.Pattern[str] | None = None, total: int = 0) -> Run:
    """Run cmd; wall time and peak RSS (the largest process of its tree, from wait4).

    With a timeout, the process is stopped then and, if `progress` lines are counted in its
    output, the full time is estimated from the share of `total` done."""
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        first, first_cpu = None, 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            elapsed = time.perf_counter() - start
            if pid:
                return Run(elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status) == 0,
                           usage.ru_utime + usage.ru_stime)
            if progress is not None and first is None and progress.search(log.read_text(errors="replace")):
                first, first_cpu = elapsed, _proc_cpu(proc.pid)
            if timeout is not None and elapsed > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, _, usage = os.wait4(proc.pid, 0)
                done = len(progress.findall(log.read_text(errors="replace"))) if progress else 0
                cpu = usage.ru_utime + usage.ru_stime
                if not done or first is None:
                    return Run(elapsed, usage.ru_maxrss / 1024, False, cpu, note=f"stopped after {elapsed:.0f} s")
                scale = total / done
                return Run(first + (elapsed - first) * scale, usage.ru_maxrss / 1024, True,
                           first_cpu + (cpu - first_cpu) * scale, estimated=True,
                           note=f"stopped after {elapsed:.0f} s at {done}/{total} pages")
            time.sleep(0.2)


def _proc_cpu(pid: int) -> float:
    """User + system seconds a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def topic_html_bytes(site: Path) -> float:
    sizes = [p.stat().st_size for p in site.glob("c[0-9][0-9][0-9]/[0-9][0-9][0-9]-*/index.html")]
    return sum(sizes) / max(1, len(sizes))


def make_project(work: Path, questions: int, per_page: int) -> tuple[Path, int]:
    project = work / f"q{questions}-p{per_page}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    pages = generate(project / "docs", questions, per_page)
    shutil.copy2(ROOT / "docs" / "tags.md", project / "docs" / "tags.md")
    return project, pages


def search_bytes(browser, site: Path) -> float | None:
    """Bytes (decoded) the qabook search box loads for one query, cold, in Chromium."""
    from search_scale import measure_qabook
    from serve_gzip import serve_gzip

    with serve_gzip(site) as url:
        page = browser.new_page()
        try:
            _, nbytes, _ = measure_qabook(page, url, QUERY)
        except Exception as exc:  # noqa: BLE001 - a failed measurement is reported, not fatal
            print(f"  search measurement failed: {exc}", file=sys.stderr)
            return None
        finally:
            page.close()
    return nbytes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rerender(browser, project: Path, rounds: int = 3) -> list[float]:
    """Seconds from writing a topic page to `qabook serve` showing the change in the browser."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/c000/002-t000-001/"
    target = project / "docs" / "c000" / "002-t000-001.md"
    log = project / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "qabook.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    times: list[float] = []
    try:
        deadline = time.time() + 900
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit(f"qabook serve exited:\n{log.read_text()[-2000:]}")
                time.sleep(0.5)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        original = target.read_text(encoding="utf-8")
        for n in range(rounds):
            page.wait_for_timeout(1500)  # let the server settle (it polls the docs folder)
            marker = f"改过的题目{n}号"
            target.write_text(original.replace("/// question\n", f"/// question\n{marker}", 1), encoding="utf-8")
            start = time.perf_counter()
            page.wait_for_function("m => document.body && document.body.innerText.includes(m)", arg=marker,
                                   polling=20, timeout=60_000)
            times.append(time.perf_counter() - start)
        target.write_text(original, encoding="utf-8")
        page.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return times


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores ({cpu}), {mem} GB RAM, load average {load:.1f} at the start"


def fmt_run(run: Run | None) -> str:
    """Wall seconds (CPU seconds): the CPU time is what the machine's other load cannot inflate."""
    if run is None:
        return "—"
    if not run.ok:
        return f"failed ({run.note})" if run.note else "failed"
    if run.estimated:
        return f"≈{run.seconds:.0f} (≈{run.cpu:.0f})"
    return f"{run.seconds:.1f} ({run.cpu:.1f})"


def table(rows: list[Row]) -> str:
    out = ["| questions | per page | pages | check s (CPU) | qabook build s (CPU) | plain build s (CPU) "
           "| ratio wall (CPU) | peak MB qabook / plain "
           "| site MB qabook / plain | HTML KB/page qabook / plain | search KB/query qabook / plain |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = "—"
        if r.plain and r.plain.ok and r.qabook.ok:
            approx = "≈" if r.plain.estimated else ""
            ratio = f"{approx}{r.qabook.seconds / r.plain.seconds:.2f} ({approx}{r.qabook.cpu / max(r.plain.cpu, 1e-9):.2f})"
        plain_peak = f"{r.plain.peak_mb:.0f}" if r.plain else "—"
        search = f"{r.q_search / 1e3:.0f}" if r.q_search is not None else "—"
        p_site = f"{r.p_site / 1e6:.1f}" if r.p_site else "—"
        p_html = f"{r.p_html / 1e3:.0f}" if r.p_html else "—"
        p_search = f"{r.p_search / 1e3:,.0f}" if r.p_search else "—"
        out.append(f"| {r.questions:,} | {r.per_page} | {r.pages:,} | {r.check.seconds:.2f} ({r.check.cpu:.2f}) "
                   f"| {fmt_run(r.qabook)} "
                   f"| {fmt_run(r.plain)} | {ratio} | {r.qabook.peak_mb:.0f} / {plain_peak} "
                   f"| {r.q_site / 1e6:.1f} / {p_site} | {r.q_html / 1e3:.0f} / {p_html} | {search} / {p_search} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="questions per book, comma-separated")
    ap.add_argument("--shapes", default="1,10", help="questions per topic page, comma-separated")
    ap.add_argument("--plain-timeout", type=float, default=600,
                    help="stop a plain Material build after this many seconds and estimate its time")
    ap.add_argument("--no-plain", action="store_true", help="skip plain Material")
    ap.add_argument("--no-search", action="store_true", help="skip the search measurement in Chromium")
    ap.add_argument("--serve-size", type=int, default=1000, help="book size for the serve measurement (0: skip)")
    ap.add_argument("--out", type=Path, help="also write the report (Markdown) to this file")
    ap.add_argument("--keep", action="store_true", help="keep the generated books (printed path)")
    ap.add_argument("--search-budget", type=int, metavar="QUESTIONS", nargs="?", const=10000,
                    help="only measure search's budget (benchmarks/search_budget.py): index growth and "
                         "query time at this many questions (default 10000)")
    args = ap.parse_args(argv)
    if args.search_budget:
        import search_budget

        return search_budget.main(["--questions", str(args.search_budget)])
    sizes = [int(s) for s in args.sizes.split(",") if s]
    shapes = [int(s) for s in args.shapes.split(",") if s]

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = f"{started}; {machine()}"
    print(header, flush=True)
    work = Path(tempfile.mkdtemp(prefix="qabook-bench-"))
    rows: list[Row] = []
    serve_times: list[float] = []
    qabook = [sys.executable, "-m", "qabook.cli"]
    progress = re.compile(r"Building page ")
    browser = pw = None
    try:
        if not args.no_search or args.serve_size:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            for per_page in shapes:
                project, pages = make_project(work, size, per_page)
                print(f"== {size} questions, {per_page} per page ({pages} pages) in {project}", flush=True)
                check = timed([*qabook, "check"], project, project / "check.log")
                q = timed([*qabook, "build", "--no-pdf"], project, project / "build.log")
                print(f"  check {fmt_run(check)} s, qabook build {fmt_run(q)} s, peak {q.peak_mb:.0f} MB",
                      flush=True)
                plain = None
                if not args.no_plain:
                    config = plain_material_config(project)
                    plain = timed([sys.executable, "-m", "mkdocs", "build", "-v", "-f", str(config), "-d", "site-plain"],
                                  project, project / "plain.log", args.plain_timeout, progress, pages)
                    print(f"  plain Material {fmt_run(plain)} s {plain.note}", flush=True)
                site, plain_site = project / "site", project / "site-plain"
                index = plain_site / "search" / "search_index.json"
                rows.append(Row(
                    size, per_page, pages, check, q, plain,
                    folder_bytes(site) if site.is_dir() else 0,
                    folder_bytes(plain_site) if plain and plain.ok and not plain.estimated else 0,
                    topic_html_bytes(site), topic_html_bytes(plain_site) if plain_site.is_dir() else 0,
                    None if args.no_search or not q.ok else search_bytes(browser, site),
                    index.stat().st_size if index.is_file() else 0))
                shutil.rmtree(plain_site, ignore_errors=True)
                if not args.keep and not (args.serve_size == size and per_page == 1):
                    shutil.rmtree(project, ignore_errors=True)  # 10,000 pages take 1 GB
        if args.serve_size:
            project = work / f"q{args.serve_size}-p1"
            if not project.is_dir():
                project, _ = make_project(work, args.serve_size, 1)
            print(f"== qabook serve, {args.serve_size} one-question pages", flush=True)
            serve_times = serve_rerender(browser, project)
            print("  save → reloaded page: " + ", ".join(f"{t:.2f} s" for t in serve_times), flush=True)
    finally:
        if browser is not None:
            browser.close()
        if pw is not None:
            pw.stop()
        if args.keep:
            print(f"books kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    command = "./scripts/bench " + " ".join(argv if argv is not None else sys.argv[1:])
    report = [f"Run {header}.", "", f"Command: `{command.strip()}`", "", table(rows)]
    if serve_times:
        report += ["", f"`qabook serve` at {args.serve_size:,} one-question pages, save → reloaded page in Chromium: "
                   + ", ".join(f"{t:.2f} s" for t in serve_times) + f" (median {statistics.median(serve_times):.2f} s)"]
    text = "\n".join(report)
    print("\n" + text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
