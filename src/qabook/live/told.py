"""What the author of a live preview is told about the book's findings: each finding printed in
the terminal once (a full rebuild does not print again what still holds; a finding that went
away and comes back is printed again), and what the open pages' findings panel shows — the
findings of the pages the author last saved, and every finding that came up since the preview
started and still holds (a page added that its chapter page does not list, a link broken by a
save), whichever build found them.

Findings are compared by file, code and message, not by line: a line added above a finding
moves it, it stays the same finding."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Iterable

from qabook.diagnostics import Diagnostic


def _key(d: Diagnostic) -> tuple[str, str, str]:
    return (d.path, d.code, d.message)


def fresh(now: Iterable[Diagnostic], before: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings of `now` that `before` did not hold (where a file holds the same finding
    several times, those beyond `before`'s count)."""
    count = Counter(_key(d) for d in before)
    out: list[Diagnostic] = []
    for d in sorted(now):
        if count[_key(d)] > 0:
            count[_key(d)] -= 1
        else:
            out.append(d)
    return out


class Told:
    """The book's findings as last checked, against what the author has been told."""

    def __init__(self) -> None:
        self.start: list[Diagnostic] | None = None  # the findings of the preview's first build
        self.now: list[Diagnostic] = []  # every finding that holds, as last checked
        self.saved: set[str] = set()  # the files (display paths) of the last save

    def whole(self, found: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The whole book checked (a build, or after a save): the findings to print."""
        found = sorted(found)
        new = fresh(found, self.now if self.start is not None else [])
        self.now = found
        if self.start is None:
            self.start = found
        return new

    def pages(self, displays: set[str], found: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The saved files (`displays`) checked again: their findings now; the ones to print."""
        found = [d for d in found if d.path in displays]
        new = fresh(found, [d for d in self.now if d.path in displays])
        self.now = sorted([d for d in self.now if d.path not in displays] + found)
        self.saved = set(displays)
        return new

    def panel(self) -> list[Diagnostic]:
        """What the open pages show: the last saved files' findings and every new one."""
        new = set(fresh(self.now, self.start or []))
        return [d for d in self.now if d.path in self.saved or d in new]


class Hold(logging.Filter):
    """Keeps the plugin's check from printing during the preview's full builds: the preview
    prints what is new itself (`Told`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False
