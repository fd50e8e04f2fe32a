"""Ctrl+C during `qabook build`, as a person presses it in a terminal: SIGINT to the command's
whole process group, while its worker pools run (the check's page parsers, `qabook.book`; the
render loop's converting workers, which also segment the search documents, `qabook.parallel_build`
and `qabook.search.expand.BookStats`). The build ends
within seconds with one short line, no traceback, no process of it left running, the previous
site exactly as it was and no staging folder beside it. Timed limits are liveness limits."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from genbook import generate  # noqa: E402
from test_live_preview import _book  # noqa: E402

pytestmark = pytest.mark.slow

ENDS_WITHIN = 15  # seconds from Ctrl+C to the command's end (a loaded machine; ~1 s when idle)


def _processes() -> dict[int, tuple[int, int, str]]:
    """pid → (parent pid, session id, state) of every process (Linux /proc)."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            out[int(entry)] = (int(fields[1]), int(fields[3]), fields[0])
    return out


def _depths(root: int) -> dict[int, int]:
    """The processes under `root`, each with how far below it (root: 0)."""
    procs = _processes()
    depth = {root: 0}
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _, _) in procs.items():
            if pid not in depth and ppid in depth:
                depth[pid] = depth[ppid] + 1
                grew = True
    return depth


def _running_in_session(sid: int) -> list[int]:
    """Processes of the build's session still running (a zombie, already ended, waits for init)."""
    return [pid for pid, (_, session, state) in _processes().items() if session == sid and state != "Z"]


def _ended_after_ctrl_c(proc: subprocess.Popen, log: Path, what: str) -> tuple[str, float, list[int]]:
    """Wait for `proc` to end after Ctrl+C (failing past ENDS_WITHIN): its output, how long it took,
    and the processes of its session still running once init has reaped the ended ones."""
    asked = time.monotonic()
    try:
        out, _ = proc.communicate(timeout=ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what} did not end within {ENDS_WITHIN} s of Ctrl+C\n{log.read_text()[-3000:]}", pytrace=False)
    took = time.monotonic() - asked
    for _ in range(100):  # ended processes are reaped by init a moment later
        left = _running_in_session(proc.pid)
        if not left:
            break
        time.sleep(0.1)
    return out, took, left


def _snapshot(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a site already built (the site a Ctrl+C'd build must leave alone)."""
    project = _book(tmp_path_factory.mktemp("interrupt") / "book")
    r = subprocess.run([sys.executable, "-m", "qabook.cli", "build", "--no-pdf"], cwd=project,
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    return project


def _check_pool(depth: dict[int, int], said: str) -> bool:
    """The check parses the pages in worker processes (before MkDocs starts)."""
    return "building pages" not in said and sum(1 for d in depth.values() if d == 1) >= 2


def _render_pool(depth: dict[int, int], said: str) -> bool:
    """qabook → MkDocs → the render loop's converting workers (they segment the search documents
    as they make them; a one-off build starts no expansion pool of its own since BookStats)."""
    return "building pages" in said and sum(1 for d in depth.values() if d == 2) >= 2


@pytest.mark.parametrize("questions, per_page, started", [
    (2000, 1, _check_pool),  # the check parses on every core from 2,000 pages on (qabook.book)
    (2100, 7, _render_pool),  # 300 topics: MkDocs' pages converted and rendered on every core
], ids=["check-workers", "render-workers"])
def test_ctrl_c_during_a_build_leaves_everything_as_it_was(built_small: Path, tmp_path: Path, questions: int,
                                                           per_page: int, started) -> None:
    project = tmp_path / "book"
    shutil.copytree(built_small, project, symlinks=True)
    before = _snapshot(project / "site")
    shutil.rmtree(project / "docs")
    generate(project / "docs", questions, per_page)
    log = tmp_path / "stderr.txt"
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen([sys.executable, "-m", "qabook.cli", "build", "--no-pdf"], cwd=project,
                                stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    try:
        deadline = time.monotonic() + 900
        while not started(_depths(proc.pid), log.read_text(encoding="utf-8")):
            assert proc.poll() is None, "the build ended before its workers started: " + log.read_text()[-3000:]
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C: the terminal signals the foreground process group
        out, took, left = _ended_after_ctrl_c(proc, log, "qabook build")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    said = log.read_text(encoding="utf-8")
    assert proc.returncode == 130, said[-3000:]
    assert "Traceback" not in out + said and "Error" not in said, said[-3000:]
    assert said.rstrip().endswith("qabook: build stopped (Ctrl+C): the previous site is unchanged"), said[-3000:]
    assert took < ENDS_WITHIN
    assert left == [], f"processes of the build left running: {left}"
    assert _snapshot(project / "site") == before, "the previous site changed"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.lock"], \
        "a staging folder was left beside the site"
