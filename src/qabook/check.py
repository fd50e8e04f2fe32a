"""Run the rules over a book and return every finding, sorted."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from qabook.book import load_book
from qabook.config import Project, load_project
from qabook.diagnostics import Diagnostic
from qabook.model import Book
from qabook.rules import RULES


def check_book(book: Book, select: Iterable[str] | None = None) -> list[Diagnostic]:
    """Every finding of the rules (`select`: only these codes), sorted; none on the site's
    ordinary pages, which are not qabook's (`Book.ordinary`)."""
    codes = list(select) if select else list(RULES)
    found: set[Diagnostic] = set()
    for code in codes:
        found.update(RULES[code].check(book))
    if book.ordinary:
        ordinary = {book.pages[rel].display for rel in book.ordinary if rel in book.pages}
        found = {d for d in found if d.path not in ordinary}
    return sorted(found)


def check_docs(docs_dir: Path, config_file: Path | None = None, base: Path | None = None,
               paths: list[Path] | None = None, jobs: int = 1) -> list[Diagnostic]:
    """`check_project` for a docs folder and (optionally) the mkdocs.yml to read."""
    return check_project(load_project(config_file, docs_dir), base, paths, jobs)


def check_project(project: Project, base: Path | None = None, paths: list[Path] | None = None,
                  jobs: int = 1) -> list[Diagnostic]:
    """Check the whole book; with `paths`, keep only findings in those files or folders.
    `jobs` > 1 parses a big book in that many processes."""
    book = load_book(project, base, jobs=jobs)
    diags = check_book(book)
    if not paths:
        return diags
    base = base or Path.cwd()
    wanted = [p.resolve() for p in paths]

    def inside(d: Diagnostic) -> bool:
        where = (base / d.path).resolve()
        return any(where == w or w in where.parents for w in wanted)

    return [d for d in diags if inside(d)]
