"""The rule registry: every check has a stable code, a kebab-case name, a one-line summary,
and a bad and a good example (rendered into RULES.md by `qabook rules --markdown`).

A rule is a function `(book) -> Iterable[Diagnostic]`; rules whose findings come from the
parser (file, front matter and fence problems) are registered here too, for one catalogue.
A rule registered `per_page=True` finds in each page what that page alone (its text, its kind,
whether qabook owns it, the project's settings) shows — so `qabook.check` may keep a page's
findings with the parsed page and run it again only on pages that changed; every other rule
(links, ids, chapters) runs over the whole book each time. When in doubt, not per page.
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
    per_page: bool = False


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, summary: str, *, bad: str, good: str,
         severity: Severity = Severity.ERROR, per_page: bool = False) -> Callable[[Check], Check]:
    """Register a rule; its findings get the rule's code and severity (`per_page`: see above)."""

    def register(fn: Check) -> Check:
        def run(book: Book) -> Iterator[Diagnostic]:
            for d in fn(book):
                yield Diagnostic(d.path, d.line, d.column, code, d.message, severity)

        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, name, summary, bad.strip("\n"), good.strip("\n"), severity, run, per_page)
        return fn

    return register


def at(page: Page, line: int, column: int, message: str) -> Diagnostic:
    """A finding in a page; code and severity are filled in by the registry."""
    return Diagnostic(page.display, line, column, "", message)


def _load() -> None:
    from qabook.rules import headings, links, metadata, navigation, questions, safety, structure  # noqa: F401


_load()

__all__ = ["RULES", "Rule", "at", "rule"]
