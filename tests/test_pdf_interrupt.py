"""Ctrl+C while the PDFs are printed, as a person presses it in a terminal: SIGINT to the whole
process group once a PDF worker has started writing (its `.part` file exists). `qabook pdf` and
`qabook build` end with one short line and exit 130: no traceback (of the command or of a
worker), no process left, no half-written PDF; the build leaves the previous site exactly as it
was, `qabook pdf` the PDFs it had not finished as they were. Timed limits are liveness limits."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, qabook
from test_build_interrupt import _ended_after_ctrl_c, _snapshot

pytestmark = pytest.mark.slow

PART = ".qabook-pdf-*.pdf.part"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with its site and PDFs built once (what a Ctrl+C'd run must leave alone)."""
    project = copy_project(tmp_path_factory.mktemp("pdf-interrupt"))
    r = qabook("build", cwd=project, env={"QABOOK_PDF_STAMP": "before"})
    assert r.returncode == 0, r.stderr[-3000:]
    return project


def _ctrl_c_once_printing(args: list[str], project: Path, printing: str, log: Path,
                          done: int = 0) -> tuple[int, str, str] | None:
    """Run `qabook ARGS` in `project`, press Ctrl+C once a file matching `printing` exists (and
    `done` PDFs are finished: a worker waits for work); returns (exit code, stdout, stderr)
    after checking that no process of it is left, or None when the run finished every PDF
    before the key could be pressed (the two PDFs print side by side and can end together)."""
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen([sys.executable, "-m", "qabook.cli", *args], cwd=project, stdout=subprocess.PIPE,
                                stderr=err, text=True, start_new_session=True,
                                env={**os.environ, "QABOOK_PDF_STAMP": "interrupted"},
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    try:
        deadline = time.monotonic() + 600
        while not list(project.glob(printing)) or log.read_text(encoding="utf-8").count(" pages, ") < done:
            if proc.poll() is not None:  # every PDF ended between two looks: too late, not a failure
                assert proc.returncode == 0, "it ended before a PDF was begun: " + log.read_text()[-3000:]
                return None
            assert time.monotonic() < deadline, "no PDF was ever begun"
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C: the terminal signals the foreground process group
        out, _, left = _ended_after_ctrl_c(proc, log, "qabook")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        proc.stdout.close()  # also when an assertion above failed: no open pipe for the next test
    assert left == [], f"processes of the run left running: {left}"
    return proc.returncode, out, log.read_text(encoding="utf-8")


@pytest.mark.parametrize("done", [0, 1], ids=["while-both-print", "once-one-is-done"])
def test_ctrl_c_during_qabook_pdf(printed: Path, tmp_path: Path, done: int) -> None:
    for attempt in range(3):  # a run the key came too late for proves nothing: press it in another
        project = tmp_path / f"book{attempt}"
        shutil.copytree(printed, project, symlinks=True)
        out = project / "site" / "pdf"
        before = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
        assert len(before) == 2
        ran = _ctrl_c_once_printing(["pdf", "-j", "2"], project, f"site/pdf/{PART}", tmp_path / f"err{attempt}", done)
        if ran is not None and not (ran[0] == 0 and "stopped (Ctrl+C)" not in ran[2]):
            break
    else:
        pytest.fail("three runs each finished their PDFs before Ctrl+C could be pressed")
    code, stdout, said = ran
    assert code == 130, said[-3000:]
    assert "Traceback" not in stdout + said and "Error" not in said, said[-3000:]
    assert said.rstrip().splitlines()[-1].startswith("qabook: pdf stopped (Ctrl+C)"), said[-3000:]
    assert list(out.glob(".*")) == [], "a half-written PDF was left"
    from pypdf import PdfReader

    for name, data in before.items():  # each PDF the one before, or a whole new one
        now = (out / name).read_bytes()
        assert now == data or len(PdfReader(out / name).pages) > 1, name


def test_ctrl_c_during_the_pdfs_of_a_build(printed: Path, tmp_path: Path) -> None:
    project = tmp_path / "book"
    shutil.copytree(printed, project, symlinks=True)
    before = _snapshot(project / "site")
    ran = _ctrl_c_once_printing(["build"], project, f".site-build-*/pdf/{PART}", tmp_path / "err")
    assert ran is not None, "the build ended before a PDF was seen printing"
    code, stdout, said = ran
    assert code == 130, said[-3000:]
    assert "Traceback" not in stdout + said and "Error" not in said, said[-3000:]
    assert said.rstrip().endswith("qabook: build stopped (Ctrl+C): the previous site is unchanged"), said[-3000:]
    assert _snapshot(project / "site") == before, "the previous site changed"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.lock"], \
        "a staging folder was left beside the site"
