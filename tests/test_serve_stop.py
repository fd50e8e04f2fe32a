"""`qabook serve` stops when asked (Ctrl+C, or SIGTERM from a process manager) and leaves no
temporary site behind, with no traceback. One limit is timed: a stop ends the preview within
seconds, whatever it was doing; the others are liveness limits."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import start_serve, stop_serve
from test_live_preview import _book, _free_port

pytestmark = pytest.mark.slow


def _as_in_a_terminal() -> None:
    """Ctrl+C reaches the command as in a terminal's foreground (a test run in the background
    of a shell inherits SIGINT ignored, which Python keeps)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _as_a_background_job() -> None:
    """`qabook serve &` from a script: the shell starts a background job with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir() if p.name.startswith("qabook-serve-"))


@pytest.mark.parametrize("signum,started", [(signal.SIGINT, _as_in_a_terminal), (signal.SIGTERM, _as_in_a_terminal),
                                            (signal.SIGINT, _as_a_background_job)],
                         ids=["ctrl-c", "sigterm", "kill-int-of-a-background-job"])
def test_serve_stops_when_asked_and_leaves_no_temporary_site(tmp_path: Path, signum: int, started) -> None:
    project = _book(tmp_path / "book")
    tmp = tmp_path / "tmp"  # the preview's temporary folder goes here (TMPDIR), where it can be looked for
    tmp.mkdir()
    port = _free_port()
    proc = start_serve(project, port, env={**os.environ, "TMPDIR": str(tmp)}, preexec_fn=started)
    try:
        for _ in range(600):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/c000/002-t000-001/", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.communicate()[1][-3000:])
                time.sleep(0.5)
        assert b"<article" in page
        site = tmp / _leftovers(tmp)[0]
        assert (site / "c000" / "002-t000-001" / "index.html").is_file()  # the site is where we look
    finally:
        out, err = stop_serve(proc, signum)
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in out + err, err[-3000:]
    for _ in range(600):  # the folder is removed after the preview has gone (a big one takes a while)
        if not _leftovers(tmp):
            break
        time.sleep(0.2)
    assert _leftovers(tmp) == [], "the preview's temporary site was left behind"
    with pytest.raises(OSError):  # and nothing serves any more
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)


def test_a_stop_during_a_full_rebuild_ends_the_preview_at_once(tmp_path: Path) -> None:
    """mkdocs.yml saved: everything is built again (300 pages, in page workers); SIGTERM meanwhile
    ends the preview within seconds, the rebuild unfinished, nothing of it left running."""
    project = _book(tmp_path / "book", questions=300)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = _free_port()
    proc = start_serve(project, port, env={**os.environ, "TMPDIR": str(tmp)})
    try:
        for _ in range(1200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/c000/002-t000-001/", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.communicate()[1][-3000:])
                time.sleep(0.5)
        page = tmp / _leftovers(tmp)[0] / "c000" / "002-t000-001" / "index.html"
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        for _ in range(600):  # the rebuild has begun: it cleaned the site folder
            if not page.exists():
                break
            time.sleep(0.05)
        assert not page.exists(), "the rebuild did not begin"
    finally:
        asked = time.monotonic()
        out, err = stop_serve(proc)
        took = time.monotonic() - asked
    assert took < 5, f"the preview took {took:.1f} s to end"
    assert "Built the site again" not in err, "the rebuild was over before the stop: nothing was tested"
    assert proc.returncode == 0 and "Traceback" not in out + err, err[-3000:]
    for _ in range(600):
        if not _leftovers(tmp):
            break
        time.sleep(0.2)
    assert _leftovers(tmp) == [], "the preview's temporary site was left behind"


FORKING = r"""
import os, sys
from pathlib import Path
from qabook.live.stopping import Stopping

stopping = Stopping(Path(sys.argv[1]))
stopping.install()
ballast = [bytearray(1 << 20) for _ in range(100)]  # a fork takes a while, as the preview's does
print("forking", flush=True)
with stopping.working():  # as the preview forks its writer after a save, again and again
    while True:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
"""


def test_a_stop_asked_while_the_preview_forks_is_never_lost(tmp_path: Path) -> None:
    """The stop the preview once missed: SIGTERM while it forks lands in the callbacks Python
    runs after a fork, where an exception raised by the handler is printed ("Exception ignored
    in …") and dropped. Twelve stops at random moments of a process that forks without end (as
    the preview forks its writer): each ends it at once, its temporary site removed."""
    rng = random.Random(20261205)
    for n in range(12):
        site = tmp_path / f"site{n}"
        site.mkdir()
        proc = subprocess.Popen([sys.executable, "-c", FORKING, str(site)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        assert proc.stdout is not None and proc.stdout.readline() == "forking\n", proc.communicate()[1][-3000:]
        time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGTERM)
        try:
            out, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            pytest.fail(f"stop {n + 1} was lost: the process went on forking\n{err[-3000:]}", pytrace=False)
        assert proc.returncode == 0 and not err, err[-3000:]
        for _ in range(100):
            if not site.exists():
                break
            time.sleep(0.1)
        assert not site.exists(), "the temporary site was left behind"
