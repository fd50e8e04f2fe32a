"""How far a long build is: one line a step, and for a step over many pages, its count.

`qabook build` sets the reporter (`reporting(report)`) in its MkDocs process; the build's steps
say what they start (`step`) and the page loops how far they are (`Count`). Nothing is reported
where no reporter is set (`mkdocs build`, the live preview, tests), nor with `qabook build
--quiet`. A count says "N of M" when it passes each tenth of its pages, and, on a terminal,
also when `TTY_EVERY` seconds passed since its last line: a log gets at most a dozen lines a
step, a person at a terminal sees it move; and no two a count's lines within `MIN_GAP` seconds
(a small book's loop, done in seconds, says only that it started). No MkDocs here (qabook's core).
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

#: What receives a line of progress (the CLI prints it): one type for every caller.
Progress = Callable[[str], None]

#: On a terminal, a count's line at least this often (seconds) while it moves.
TTY_EVERY = 5.0
#: A count's lines at least this far apart (seconds): a quick step says only that it started.
MIN_GAP = 1.0
_REPORT: list[Progress | None] = [None]


@contextmanager
def reporting(report: Progress | None) -> Iterator[None]:
    """`report` receives this process's progress lines while the block runs (None: silence)."""
    before, _REPORT[0] = _REPORT[0], report
    try:
        yield
    finally:
        _REPORT[0] = before


def step(message: str) -> None:
    """A step begins (`message`: what it does, e.g. "writing the print pages of 12 chapters")."""
    report = _REPORT[0]
    if report is not None:
        report(message)


class Count:
    """`what` over `total` items: a line when it starts ("converting 10,205 pages"), at each
    tenth passed ("converting pages: 3,062 of 10,205 (30 %)") and, on a terminal, every
    `TTY_EVERY` seconds; `clock` and `tty` can be given (tests)."""

    def __init__(self, verb: str, total: int, noun: str = "pages", *, clock: Callable[[], float] = time.monotonic,
                 tty: bool | None = None) -> None:
        self.verb, self.noun, self.total, self.done = verb, noun, total, 0
        self.clock = clock
        self.report = _REPORT[0]
        self.tty = (sys.stderr.isatty() if tty is None else tty) if self.report is not None else False
        self.tenth = 0  # the tenths already reported
        self.last = clock()
        if self.report is not None:
            self.report(f"{verb} {total:,} {noun}")

    def add(self, n: int = 1) -> None:
        """`n` more items done."""
        self.done += n
        if self.report is None or not self.total:
            return
        tenth = self.done * 10 // self.total
        now = self.clock()
        if now - self.last < MIN_GAP:
            return
        if tenth > self.tenth or (self.tty and now - self.last >= TTY_EVERY and self.done < self.total):
            self.tenth, self.last = max(tenth, self.tenth), now
            self.report(f"{self.verb} {self.noun}: {self.done:,} of {self.total:,} ({100 * self.done // self.total} %)")
