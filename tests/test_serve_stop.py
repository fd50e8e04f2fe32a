"""`qabook serve` stops when asked (Ctrl+C, or SIGTERM from a process manager) and leaves no
temporary site behind, with no traceback. Liveness limits only: nothing here is timed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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
    proc = subprocess.Popen([sys.executable, "-m", "qabook.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(tmp)}, preexec_fn=started)
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

        proc.send_signal(signum)
        out, err = proc.communicate(timeout=120)  # liveness: it ends, not how fast
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in out + err, err[-3000:]
    for _ in range(600):  # the folder is removed after the preview has gone (a big one takes a while)
        if not _leftovers(tmp):
            break
        time.sleep(0.2)
    assert _leftovers(tmp) == [], "the preview's temporary site was left behind"
    with pytest.raises(OSError):  # and nothing serves any more
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
