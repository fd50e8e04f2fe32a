"""The rule registry: every check has a stable code, a kebab-case name, a one-line summary,
and a bad and a good example (rendered into RULES.md by `qabook rules --markdown`).

A rule is a function `(book) -> Iterable[Diagnostic]`; rules whose findings come from the
parser (file, front matter and fence problems) are registered here too, for one catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from qabook.diagnostics import Diagnostic, Severity
from qabook.model import Book, Page

Check = Callable[[Book], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    bad: str
    good: str
    severity: Severity
    check: Check


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, summary: str, *, bad: str, good: str,
         severity: Severity = Severity.ERROR) -> Callable[[Check], Check]:
    """Register a rule; its findings get the rule's code and severity."""

    def register(fn: Check) -> Check:
        def run(book: Book) -> Iterator[Diagnostic]:
            for d in fn(book):
                yield Diagnostic(d.path, d.line, d.column, code, d.message, severity)

        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, name, summary, bad.strip("\n"), good.strip("\n"), severity, run)
        return fn

    return register


def at(page: Page, line: int, column: int, message: str) -> Diagnostic:
    """A finding in a page; code and severity are filled in by the registry."""
    return Diagnostic(page.display, line, column, "", message)


def _load() -> None:
    from qabook.rules import headings, links, metadata, navigation, questions, safety, structure  # noqa: F401


_load()

__all__ = ["RULES", "Rule", "at", "rule"]
