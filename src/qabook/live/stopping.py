"""How `qabook serve` stops (Ctrl+C, SIGTERM, `kill -INT`): at once, whatever it is doing, and
never not at all.

The signal handler raises nothing. An exception raised from a handler lands wherever the main
thread happens to be; where that is one of the callbacks Python runs after every `os.fork()`
(logging's `_releaseLock`), a finaliser or a weakref callback, Python prints "Exception ignored
in …" and carries on: the preview went on serving after a SIGTERM that came while it forked its
writer (a process forking in a loop lost 114 of 300 such signals; with a flag, none). Instead:

- waiting for file events (the wait wakes every `WAKE` seconds), the handler only notes the
  request; the loop sees it and stops in order: writers ended, watcher and server stopped, the
  temporary site removed in the background;
- working (a build, a save being rendered and checked: nothing of it is worth finishing), or
  asked a second time, the handler abandons the work: the temporary site's removal is started
  and the process exits at once (`os._exit`);
- a stop not over `GRACE` seconds after it was asked is abandoned likewise, and says where the
  main thread was (file:line), so a hang names its place instead of lasting.

Every process forked meanwhile (writers, MkDocs' page workers, the parse and search pools) starts
with SIGTERM and SIGINT at their defaults and is killed by the kernel when the preview ends
(PR_SET_PDEATHSIG): nothing outlives it but the removal of its temporary site.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

WAKE = 0.5  # seconds: how often the wait for file events looks whether a stop was asked
GRACE = 10.0  # seconds a stop may take before it is abandoned (it takes 1–2 s on a busy machine)
_PR_SET_PDEATHSIG = 1

_current: "Stopping | None" = None  # the process's preview, which its forked children leave
_forking: int = 0  # the pid of the process about to fork (read in the child: its parent)
_prctl: Any = None


class Stopping:
    """The preview's stop: asked (`requested`), and whether the main thread is `working`."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.pid = os.getpid()
        self.requested = False
        self.busy = False
        self.asked_at: float | None = None  # time.monotonic() of the request: the grace runs from it
        self._main = threading.main_thread().ident

    def install(self) -> None:
        """The handlers of SIGTERM and SIGINT (also for a background job, which inherits SIGINT
        ignored: `kill -INT` stops it as Ctrl+C does), the children's reset, the deadline."""
        global _current
        _current = self
        _register_fork_hooks()
        signal.signal(signal.SIGTERM, self._signal)
        signal.signal(signal.SIGINT, self._signal)
        threading.Thread(target=self._deadline, name="qabook-serve-deadline", daemon=True).start()

    @contextmanager
    def working(self) -> Iterator[None]:
        """The main thread at work: a signal now ends the process at once."""
        self.busy = True
        try:
            yield
        finally:
            self.busy = False

    def stop(self) -> None:
        """The stop begins (asked, or the preview ends for another reason): the grace runs."""
        self.requested = True
        if self.asked_at is None:
            self.asked_at = time.monotonic()

    def _signal(self, signum: int, frame: Any) -> None:
        if os.getpid() != self.pid:  # a child forked an instant before its reset: it ends as by default
            os._exit(128 + signum)
        if self.busy or self.requested:
            self.abandon()
        self.stop()

    def abandon(self, why: str = "") -> None:
        """End now: the temporary site removed by a process of its own, the children killed by
        the kernel as this process exits."""
        if why:
            os.write(2, why.encode("utf-8", "replace"))
        remove_in_background(self.site_dir)
        os._exit(0)

    def _deadline(self) -> None:
        """A daemon thread: abandons a stop still running `GRACE` seconds after it began (also
        during the interpreter's exit, which joins threads and children without a limit)."""
        while True:
            time.sleep(0.2)
            if self.asked_at is not None and time.monotonic() - self.asked_at > GRACE:
                self.abandon(f"qabook serve: stopping did not end within {GRACE:g} s; the main thread was at\n"
                             f"{self._where()}stopped without waiting for it\n")

    def _where(self) -> str:
        frame = sys._current_frames().get(self._main or 0)
        if frame is None:
            return "  (the main thread has ended)\n"
        return "".join(traceback.format_stack(frame)[-8:])


def _register_fork_hooks() -> None:
    global _prctl
    if _prctl is not None:
        return
    try:
        _prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: the children are not tied to the preview's life
        _prctl = False
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)


def _before_fork() -> None:
    global _forking
    _forking = os.getpid()


def _after_fork_in_child() -> None:
    """First thing in every child of the preview: SIGTERM and SIGINT at their defaults (its parent
    ends it; a Ctrl+C in the terminal ends it), and killed when its parent ends."""
    if _current is None:
        return
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if _prctl:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != _forking:  # the parent ended before that: nobody waits for this one
            os._exit(1)


def remove_in_background(folder: Path) -> None:
    """Remove `folder` without waiting for it: a big book's preview site is ~1 GB in 10,000s of
    files, minutes to delete on a busy disk. A process of its own session (Ctrl+C in the
    terminal does not reach it) deletes it after this one has exited; where none can be
    started, it is deleted here."""
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    try:
        subprocess.Popen([sys.executable, "-c", code, str(folder)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
