"""Speed and size at scale: every target of design/performance.md measured in one run, in one table.

    ./scripts/bench [--sizes 1000,2000,10000] [--shapes 1] [--plain-sizes 2000]
                    [--plain-timeout 600] [--serve-sizes 1000,10000] [--rounds 5]
                    [--huge 100000] [--no-search] [--out FILE] [--keep]
    ./scripts/bench --search-budget [QUESTIONS]    (benchmarks/search_budget.py)

For each size (questions) and shape (questions per topic page) it generates a book
(`genbook.py`: real Chinese prose recombined, code, formulas; fixed seed), then, one after the other:
  - `qabook check` on the fresh book (every page parsed) and, after the build and an edit of one
    page, again (what an author waits for: only the changed page is parsed again);
  - `qabook build --no-pdf` (check + site + search index) with its peak memory (the largest
    process of its tree) and CPU seconds (user + system of the whole tree);
  - plain `mkdocs build` with Material's search plugin (`lang: zh`), no qabook, at the sizes of
    --plain-sizes; stopped after --plain-timeout seconds and its time estimated from the pages
    it built;
and it reports the site's size (bytes of its files, and on disk), per topic, the HTML of a
topic page and how much of it every page carries (everything but the article), and the bytes
one search query loads (Chromium). `qabook serve` is measured at each --serve-sizes book: the
time from saving a page to the open page showing the change, in Chromium, --rounds times, and
each step of those saves (`qabook serve -v`'s `live steps` joined with the page's marks). With
--huge N, an N-question book is built and a search query timed on it after the first.

Wall times depend on what else the machine runs: the load average is printed at the start and
end, and CPU seconds beside each wall time.
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
from dataclasses import dataclass, field
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, ROOT, plain_material_config
from genbook import generate
from page_parts import page_table, site_table

QUERY = "反向传播"
#: Queries timed on the huge book after a first one has loaded the engine (exact, partial,
#: pinyin, English, typo…): each loads its own shards.
LATER_QUERIES = ["自注意力机制", "反向传播 怎么 计算", "fanxiangchuanbo", "梯度下降", "模型压缩",
                 "transformer", "差分隐私", "分布式训练"]


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
    check_again: Run | None
    qabook: Run
    plain: Run | None
    q_site: int
    q_disk: int
    p_site: int
    q_html: float
    q_chrome: float
    p_html: float
    q_search: float | None
    p_search: float
    query_ms: list[float] = field(default_factory=list)
    parts: str = ""  # what a topic carries (page_parts.py), one-question books


def timed(cmd: list[str], cwd: Path, log: Path, timeout: float | None = None,
          progress: re.Pattern[str] | None = None, total: int = 0, env: dict[str, str] | None = None) -> Run:
    """Run cmd; wall time and peak RSS (the largest process of its tree, from wait4).

    With a timeout, the process is stopped then and, if `progress` lines are counted in its
    output, the full time is estimated from the share of `total` done."""
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env=env)
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
            time.sleep(0.1)


def _proc_cpu(pid: int) -> float:
    """User + system seconds a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def folder_bytes(folder: Path) -> tuple[int, int]:
    """(bytes of the files, bytes they take on disk: blocks, folders included)."""
    files = disk = 0
    for p in folder.rglob("*"):
        st = p.lstat()
        disk += st.st_blocks * 512
        if p.is_file():
            files += st.st_size
    return files, disk


ARTICLE_RE = re.compile(r"<article\b.*?</article>", re.S)


def topic_html_bytes(site: Path) -> tuple[float, float]:
    """(bytes of a topic page, bytes of it that are not its article: what every page carries)."""
    pages = list(site.glob("c[0-9][0-9][0-9]/[0-9][0-9][0-9]-*/index.html"))
    sizes, chrome = [], []
    for p in pages[:: max(1, len(pages) // 200)]:  # a sample of the pages
        html = p.read_bytes()
        sizes.append(len(html))
        m = ARTICLE_RE.search(html.decode("utf-8"))
        chrome.append(len(html) - (len(m.group(0).encode("utf-8")) if m else 0))
    n = max(1, len(sizes))
    return sum(sizes) / n, sum(chrome) / n


def make_project(work: Path, questions: int, per_page: int, text: str = "prose") -> tuple[Path, int]:
    """A project of a generated book (`genbook.generate`, its `text`) with this repository's theme."""
    project = work / f"q{questions}-p{per_page}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    pages = generate(project / "docs", questions, per_page, text=text)
    shutil.copy2(ROOT / "docs" / "tags.md", project / "docs" / "tags.md")
    return project, pages


def edit_one_page(project: Path) -> None:
    """An author's edit: one sentence changed in one page."""
    page = sorted((project / "docs" / "c000").glob("0*.md"))[1]
    page.write_text(page.read_text(encoding="utf-8").replace("/// answer\n", "/// answer\n改了一句。", 1),
                    encoding="utf-8")


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


def query_times(browser, site: Path) -> list[float]:
    """Milliseconds of each of LATER_QUERIES typed into the search box until its results are on
    screen (typed_query.typed: the first result hit-tested; the first page, which the engine may
    show before the count of results follows), each in a fresh page after a first
    query there has loaded the engine; served as GitHub Pages serves a book (HTTP/2 over TLS,
    each file gzipped once: serve_gzip.serve_h2)."""
    from serve_gzip import serve_h2
    from typed_query import typed

    times: list[float] = []
    with serve_h2(site) as url:
        for query in LATER_QUERIES:
            page = browser.new_page(ignore_https_errors=True)
            try:
                page.goto(url + "c000/", wait_until="networkidle")
                page.evaluate("qabookSearch.search('训练', 10, 0)")
                times.append(typed(page, query)[0])
            except Exception as exc:  # noqa: BLE001
                print(f"  query {query!r} failed: {exc}", file=sys.stderr)
            finally:
                page.close()
    return times


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rerender(browser, project: Path, rounds: int = 5) -> list[float]:
    """Seconds from writing a topic page to `qabook serve` showing the change in the open page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/c000/002-t000-001/"
    target = project / "docs" / "c000" / "002-t000-001.md"
    log = project / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "qabook.cli", "serve", "--dev-addr", f"127.0.0.1:{port}", "-v"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    times: list[float] = []
    saves: list[tuple[float, float, list]] = []  # (written, seen, the browser's marks) per save
    try:
        deadline = time.time() + 3600
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
        page.wait_for_selector("html[data-qa-live-ready]", timeout=60_000)
        original = target.read_text(encoding="utf-8")
        for n in range(rounds):
            page.wait_for_timeout(2000)  # as an author: read, then save again
            marker = f"改过的题目{n}号"
            written = time.time()
            target.write_text(original.replace("/// question\n", f"/// question\n{marker}", 1), encoding="utf-8")
            start = time.perf_counter()
            page.wait_for_function("m => document.body && document.body.innerText.includes(m)", arg=marker,
                                   polling=10, timeout=120_000)
            times.append(time.perf_counter() - start)
            saves.append((written, written + times[-1], page.evaluate("window.__qaLiveSteps || []")))
        page.wait_for_timeout(1500)  # the last save's steps logged (they are, after the writer starts)
        target.write_text(original, encoding="utf-8")
        page.close()
    finally:
        stop = time.perf_counter()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=120)
        STOPS[project.name] = time.perf_counter() - stop
    STEPS[project.name] = serve_steps(log.read_text(encoding="utf-8", errors="replace"), saves)
    return times


#: The step table of each serve measurement, by book.
STEPS: dict[str, str] = {}
#: A save's steps as `qabook serve -v` logs them, in order, and what the table calls the time up to each.
SERVER_STEPS = [("heard", "inotify event heard"), ("burst over", "burst ended (debounce)"),
                ("read", "page read, book updated"), ("checked", "page checked"),
                ("converted", "saved page converted (Markdown)"),
                ("rendered", "its template rendered, file written"), ("pushed", "event pushed (with the page)")]
#: (until 2026-12-05 the chapter page was converted and rendered with the saved page, before the push)
BROWSER_STEPS = [("heard", "browser heard the event"), ("fetched", "page fetched (0: it came with the event)"),
                 ("parsed", "… parsed (DOMParser)"), ("replaced", "… its parts replaced"),
                 ("set up", "… scripts set up again (document$)"),
                 ("swapped", "… scroll and open blocks put back"), ("painted", "next frame painted")]
AFTER_STEPS = [("listing pages rendered", "chapter page (and home, neighbours) rendered"),
               ("listing pages pushed", "… pushed"),
               ("book checked", "whole book checked"), ("writer started", "writer forked"),
               ("outputs written", "search, print page, study data written")]


def serve_steps(log: str, saves: list[tuple[float, float, list]]) -> str:
    """Milliseconds of each step of each save (wall; CPU of the server's process beside its steps),
    from the server's `live steps` lines and the page's marks (`window.__qaLiveSteps`)."""
    import json

    server = [json.loads(line.split("live steps ", 1)[1]) for line in log.splitlines() if "live steps " in line]
    written = [tuple(map(float, m.groups())) for m in re.finditer(r"live outputs written ([\d.]+) cpu ([\d.]+)", log)]
    columns: list[list[str]] = []
    for wrote, seen, marks in saves:
        steps = next((s for s in server if s and s[0][1] >= wrote - 0.05), None)
        rows: list[str] = []
        if steps is None:
            columns.append(["—"] * (len(SERVER_STEPS) + len(BROWSER_STEPS) + len(AFTER_STEPS) + 2))
            continue
        at = {name: (w, c) for name, w, c in steps}
        prev, prev_cpu = wrote, None
        for name, _ in SERVER_STEPS:
            if name not in at:
                rows.append("—")
                continue
            w, c = at[name]
            cpu = f" ({(c - prev_cpu) * 1000:.0f})" if prev_cpu is not None and name not in ("burst over",) else ""
            rows.append(f"{(w - prev) * 1000:.0f}{cpu}")
            prev, prev_cpu = w, c
        got = {name: t / 1000 for name, t in marks}
        for name, _ in BROWSER_STEPS:
            if name in got:
                rows.append(f"{(got[name] - prev) * 1000:.0f}")
                prev = got[name]
            else:
                rows.append("—")
        rows.append(f"{(seen - prev) * 1000:.0f}")
        rows.append(f"**{(seen - wrote) * 1000:.0f}**")
        pushed = at.get("pushed", (wrote, 0.0))
        for name, _ in AFTER_STEPS[:-1]:
            rows.append(f"+{(at[name][0] - pushed[0]) * 1000:.0f}" if name in at else "—")
        done = next((w for w, _c in written if w >= pushed[0]), None)
        rows.append(f"+{(done - pushed[0]) * 1000:.0f}" if done else "—")
        columns.append(rows)
    names = ([label for _, label in SERVER_STEPS] + [label for _, label in BROWSER_STEPS]
             + ["change seen by the benchmark (10 ms polling)", "**save → change on screen**"]
             + [f"after the push: {label}" for _, label in AFTER_STEPS])
    out = ["| step (ms since the previous step; server CPU ms) | " + " | ".join(f"save {i + 1}" for i in range(len(saves))) + " |",
           "|---|" + "---:|" * len(saves)]
    for i, name in enumerate(names):
        out.append(f"| {name} | " + " | ".join(col[i] if i < len(col) else "—" for col in columns) + " |")
    return "\n".join(out)


#: Seconds from SIGTERM to `qabook serve` having exited, by book (its temporary site is removed after).
STOPS: dict[str, float] = {}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GB RAM"


def load() -> str:
    return "{:.1f}".format(os.getloadavg()[0])


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
    out = ["| questions | per page | pages | check s: all / after an edit (CPU) | qabook build s (CPU) "
           "| plain build s (CPU) | ratio wall (CPU) | peak MB qabook / plain | site MB qabook / plain "
           "| KB per topic: files / on disk | HTML KB/page (of which every page's) / plain "
           "| search KB/query qabook / plain |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
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
        again = f"{r.check_again.seconds:.2f} ({r.check_again.cpu:.2f})" if r.check_again else "—"
        out.append(f"| {r.questions:,} | {r.per_page} | {r.pages:,} | {r.check.seconds:.2f} ({r.check.cpu:.2f}) / "
                   f"{again} | {fmt_run(r.qabook)} | {fmt_run(r.plain)} | {ratio} "
                   f"| {r.qabook.peak_mb:.0f} / {plain_peak} | {r.q_site / 1e6:.1f} / {p_site} "
                   f"| {r.q_site / r.pages / 1e3:.1f} / {r.q_disk / r.pages / 1e3:.1f} "
                   f"| {r.q_html / 1e3:.1f} ({r.q_chrome / 1e3:.1f}) / {p_html} | {search} / {p_search} |")
    return "\n".join(out)


def targets(rows: list[Row], serve: dict[int, list[float]]) -> str:
    """Each target of issue 18 with what this run measured, met or by how much it missed."""
    def row(q: int, p: int = 1) -> Row | None:
        return next((r for r in rows if r.questions == q and r.per_page == p), None)

    lines = ["| target | measured | met? |", "|---|---|---|"]

    def add(name: str, value: float | None, limit: float, shown: str) -> None:
        if value is None:
            lines.append(f"| {name} | not measured in this run | — |")
        else:
            verdict = "yes" if value <= limit else f"**no**, {value / limit:.1f}× the limit"
            lines.append(f"| {name} | {shown} | {verdict} |")

    for size, limit in ((1000, 0.3), (10000, 0.5)):
        t = serve.get(size)
        add(f"save → reloaded page at {size:,} topics ≤ {limit * 1000:.0f} ms (median)",
            statistics.median(t) if t else None, limit,
            f"{statistics.median(t) * 1000:.0f} ms ({', '.join(f'{x * 1000:.0f}' for x in t)})" if t else "")
    r = row(10000)
    add("10,000 one-question topics built ≤ 30 s", r.qabook.seconds if r and r.qabook.ok else None, 30,
        f"{r.qabook.seconds:.1f} s wall, {r.qabook.cpu:.1f} CPU-s" if r else "")
    r2 = row(2000)
    ratio = r2.qabook.seconds / r2.plain.seconds if r2 and r2.plain and r2.plain.ok and r2.qabook.ok else None
    add("≤ 0.10× plain Material at 2,000 (same run)", ratio, 0.10,
        f"{ratio:.3f} (CPU {r2.qabook.cpu / max(r2.plain.cpu, 1e-9):.3f})" if ratio is not None else "")
    add("`qabook check` ≤ 1 s at 10,000 pages (after an edit)",
        r.check_again.seconds if r and r.check_again else None, 1,
        f"{r.check_again.seconds:.2f} s ({r.check_again.cpu:.2f} CPU-s); every page parsed: {r.check.seconds:.1f} s"
        if r and r.check_again else "")
    add("peak memory ≤ 600 MB at 10,000", r.qabook.peak_mb if r else None, 600, f"{r.qabook.peak_mb:.0f} MB" if r else "")
    s = r or row(1000)  # judged on disk (blocks and folders), as a host stores it
    add(f"site ≤ 35 KB on disk per one-question topic{f' (at {s.pages:,})' if s else ''}; 10,000: ≤ 350 MB",
        s.q_disk / s.pages / 1e3 if s else None, 35,
        f"{s.q_disk / s.pages / 1e3:.1f} KB on disk ({s.q_disk / 1e6:.0f} MB); files {s.q_site / s.pages / 1e3:.1f} KB"
        if s else "")
    huge = max((x for x in rows if x.questions >= 100000), key=lambda x: x.questions, default=None)
    add("100,000 questions built ≤ 10 min", huge.qabook.seconds / 60 if huge and huge.qabook.ok else None, 10,
        f"{huge.qabook.seconds / 60:.1f} min ({huge.qabook.cpu / 60:.1f} CPU-min)" if huge else "")
    add("… with ≤ 2 GB peak", huge.qabook.peak_mb / 1024 if huge else None, 2,
        f"{huge.qabook.peak_mb / 1024:.2f} GB" if huge else "")
    q = huge.query_ms if huge else []
    add("… a search query ≤ 100 ms after the first (typed → on screen, over HTTP/2)",
        statistics.median(q) if q else None, 100,
        f"median {statistics.median(q):.0f} ms, max {max(q):.0f} ms over {len(q)} queries" if q else "")
    return "\n".join(lines)


def measure(args, work: Path, size: int, per_page: int, browser, env: dict[str, str], text: str = "") -> Row:
    qabook = [sys.executable, "-m", "qabook.cli"]
    project, pages = make_project(work, size, per_page, text or args.text)
    print(f"== {size:,} questions, {per_page} per page ({pages:,} pages) in {project}; load {load()}", flush=True)
    check = timed([*qabook, "check"], project, project / "check.log", env=env)
    q = timed([*qabook, "build", "--no-pdf"], project, project / "build.log", env=env)
    edit_one_page(project)
    again = timed([*qabook, "check"], project, project / "check-again.log", env=env)
    print(f"  check {fmt_run(check)} s, after an edit {fmt_run(again)} s; qabook build {fmt_run(q)} s, "
          f"peak {q.peak_mb:.0f} MB", flush=True)
    plain = None
    if size in args.plain_sizes:
        config = plain_material_config(project)
        plain = timed([sys.executable, "-m", "mkdocs", "build", "-v", "-f", str(config), "-d", "site-plain"],
                      project, project / "plain.log", args.plain_timeout, re.compile(r"Building page "), pages)
        print(f"  plain Material {fmt_run(plain)} s {plain.note}", flush=True)
    site, plain_site = project / "site", project / "site-plain"
    index = plain_site / "search" / "search_index.json"
    q_site, q_disk = folder_bytes(site) if site.is_dir() else (0, 0)
    q_html, q_chrome = topic_html_bytes(site)
    row = Row(size, per_page, pages, check, again, q, plain, q_site, q_disk,
              folder_bytes(plain_site)[0] if plain and plain.ok and not plain.estimated else 0,
              q_html, q_chrome, topic_html_bytes(plain_site)[0] if plain_site.is_dir() else 0,
              None if args.no_search or not q.ok else search_bytes(browser, site),
              index.stat().st_size if index.is_file() else 0)
    if per_page == 1 and q.ok and site.is_dir():
        row.parts = site_table(site, pages) + "\n\n" + page_table(site)
        print(row.parts, flush=True)
    if (size >= 100000 or size in args.query_sizes) and q.ok and browser is not None:
        row.query_ms = query_times(browser, site)
        print(f"  search after the first query: {', '.join(f'{t:.0f}' for t in row.query_ms)} ms", flush=True)
    shutil.rmtree(plain_site, ignore_errors=True)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,2000,10000", help="questions per book, comma-separated")
    ap.add_argument("--shapes", default="1", help="questions per topic page, comma-separated")
    ap.add_argument("--plain-sizes", default="2000", help="sizes at which plain Material is built too ('' none)")
    ap.add_argument("--plain-timeout", type=float, default=900,
                    help="stop a plain Material build after this many seconds and estimate its time")
    ap.add_argument("--no-plain", action="store_true", help="skip plain Material")
    ap.add_argument("--no-search", action="store_true", help="skip the search measurements in Chromium")
    ap.add_argument("--serve-sizes", default="1000,10000", help="book sizes for the serve measurement ('' none)")
    ap.add_argument("--serve-size", type=int, help=argparse.SUPPRESS)  # the former option: one size
    ap.add_argument("--rounds", type=int, default=5, help="saves per serve measurement")
    ap.add_argument("--huge", type=int, default=100000, help="also build a book this big (0: skip)")
    ap.add_argument("--query-sizes", default="", help="also time search queries after the first at these sizes "
                    "(always at 100,000 and more)")
    ap.add_argument("--text", choices=("prose", "seed"), default="prose",
                    help="the books' text (genbook.py): real prose recombined (default), or the seed's clauses "
                         "reused whole (the book of the rounds before speed23)")
    ap.add_argument("--huge-text", choices=("prose", "seed"), default="seed",
                    help="the --huge book's text (default seed: its timed queries are the seed's words)")
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
    args.plain_sizes = set() if args.no_plain else {int(s) for s in args.plain_sizes.split(",") if s}
    serve_sizes = [int(s) for s in args.serve_sizes.split(",") if s]
    args.query_sizes = {int(s) for s in args.query_sizes.split(",") if s}
    if args.serve_size is not None:
        serve_sizes = [args.serve_size] if args.serve_size else []

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = f"{started}; {machine()}; load average {load()} at the start; books of {args.text} text"
    print(header, flush=True)
    work = Path(tempfile.mkdtemp(prefix="qabook-bench-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}  # check's parse cache: empty at first
    rows: list[Row] = []
    serve: dict[int, list[float]] = {}
    browser = pw = None
    try:
        if not args.no_search or serve_sizes or args.huge:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            for per_page in shapes:
                rows.append(measure(args, work, size, per_page, browser, env))
                if not args.keep and not (size in serve_sizes and per_page == 1):
                    shutil.rmtree(work / f"q{size}-p{per_page}", ignore_errors=True)  # 10,000 pages: 1 GB
        for size in serve_sizes:
            project = work / f"q{size}-p1"
            if not project.is_dir():
                project, _ = make_project(work, size, 1, args.text)
            print(f"== qabook serve, {size:,} one-question pages; load {load()}", flush=True)
            serve[size] = serve_rerender(browser, project, args.rounds)
            print("  save → reloaded page: " + ", ".join(f"{t:.2f} s" for t in serve[size])
                  + f"; stopped {STOPS.get(project.name, float('nan')):.2f} s after SIGTERM", flush=True)
            print(STEPS.get(project.name, ""), flush=True)
            if not args.keep:
                shutil.rmtree(project, ignore_errors=True)
        if args.huge:
            rows.append(measure(args, work, args.huge, 1, browser, env, args.huge_text))
            if not args.keep:
                shutil.rmtree(work / f"q{args.huge}-p1", ignore_errors=True)
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
    report = [f"Run {header}, {load()} at the end.", "", f"Command: `{command.strip()}`", "", table(rows)]
    for r in rows:
        if r.query_ms:
            report += ["", f"Search at {r.questions:,} questions, each query after the first in its page: "
                       + ", ".join(f"{t:.0f}" for t in r.query_ms) + f" ms (median {statistics.median(r.query_ms):.0f} ms)"]
    for size, times in serve.items():
        report += ["", f"`qabook serve` at {size:,} one-question pages, save → reloaded page in Chromium: "
                   + ", ".join(f"{t:.2f} s" for t in times) + f" (median {statistics.median(times):.2f} s); "
                   f"exited {STOPS.get(f'q{size}-p1', float('nan')):.2f} s after SIGTERM", "",
                   f"Each step of those saves at {size:,} (`qabook serve -v`'s `live steps`, the page's marks):", "",
                   STEPS.get(f"q{size}-p1", "")]
    for r in rows:
        if r.parts:
            report += ["", f"What a topic carries, {r.questions:,} one-question topics (`benchmarks/page_parts.py`):",
                       "", r.parts]
    report += ["", targets(rows, serve)]
    text = "\n".join(report)
    print("\n" + text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
