"""The live preview's forked writers (search index, study data, print pages) are collected when
they end, and a stop ends the rest at once: none is left running or unwaited (a zombie)."""

from __future__ import annotations

import os
import time

import pytest

from qabook.live.session import Session


def _child(seconds: float) -> int:
    pid = os.fork()
    if pid == 0:  # a writer that takes `seconds`
        time.sleep(seconds)
        os._exit(0)
    return pid


def test_ended_writers_are_collected_and_a_stop_ends_the_rest() -> None:
    session = Session.__new__(Session)  # only its writers: no site is built
    quick, slow = _child(0), _child(60)
    session.children, session.pending_outputs = [quick, slow], None
    session._reap_all(deadline=time.monotonic() + 10)  # waits for the quick one, not for the slow one
    assert session.children == [slow]
    with pytest.raises(ChildProcessError):
        os.waitpid(quick, os.WNOHANG)  # collected: no zombie
    asked = time.monotonic()
    session.stop_outputs()
    assert time.monotonic() - asked < 2 and session.children == [] and session.pending_outputs is None
    with pytest.raises(ChildProcessError):
        os.waitpid(slow, os.WNOHANG)  # killed and collected


def test_a_save_during_a_writer_is_written_by_the_next() -> None:
    session = Session.__new__(Session)
    started: list[set[str]] = []
    session._fork_writer = started.append  # type: ignore[method-assign]
    busy = _child(0.3)
    session.children, session.pending_outputs = [busy], {"c001"}
    session.reap()
    assert started == [] and session.children == [busy]  # still writing: the save waits
    time.sleep(1)
    session.reap()
    assert started == [{"c001"}] and session.pending_outputs is None
