"""Run the rules over a book and return every finding, sorted."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from qabook.book import ParseCache, display_path, load_book, page_displays
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


class _Focus(dict):
    """Every page of the book for look-ups (link targets, anchors); only the focus pages when
    a rule walks the pages."""

    def __init__(self, pages: dict, focus: set[str]) -> None:
        super().__init__(pages)
        self.focus = [rel for rel in pages if rel in focus]

    def __iter__(self):  # type: ignore[override]
        return iter(self.focus)

    def keys(self):  # type: ignore[override]
        return list(self.focus)

    def values(self):  # type: ignore[override]
        return [self[rel] for rel in self.focus]

    def items(self):  # type: ignore[override]
        return [(rel, self[rel]) for rel in self.focus]


def check_pages(book: Book, rels: set[str]) -> list[Diagnostic]:
    """The findings of these pages (docs-relative paths), at once whatever the size of the book:
    each rule walks only them and their chapters, while links and anchors still resolve against
    the whole book (the live preview, after a save). What only the whole book shows — an id
    another page also uses — is `check_book`'s."""
    chapters = {rel.split("/")[0] for rel in rels if "/" in rel}
    displays = {book.pages[rel].display for rel in rels if rel in book.pages}
    displays |= {d.path for d in book.unreadable for rel in rels if d.path.endswith(rel)}
    view = replace(book, pages=_Focus(book.pages, rels), chapters=[c for c in book.chapters if c.slug in chapters],
                   unreadable=[d for d in book.unreadable if d.path in displays],
                   loose_topics=[p for p in book.loose_topics if p.rel in rels])
    return [d for d in check_book(view) if d.path in displays]


def load_cached_book(project: Project, base: Path | None = None, *, jobs: int = 1,
                     cache: ParseCache | None = None) -> Book:
    """load_book, reading again only the pages that changed since the last time (the parse
    cache on disk, qabook.parsecache, updated after); `cache` is filled with every page."""
    from qabook import parsecache

    where = parsecache.folder(project.docs_dir, base, project.known_blocks)
    before = parsecache.load(where)
    cache = cache if cache is not None else {}
    cache.update(before)
    book = load_book(project, base, jobs=jobs, cache=cache)
    current = page_displays(book, base)
    for stale in [key for key in cache if key not in current]:
        del cache[stale]
    parsecache.save(where, cache, before, display_path(project.docs_dir, base).replace(os.sep, "/"))
    return book


def check_docs(docs_dir: Path, config_file: Path | None = None, base: Path | None = None,
               paths: list[Path] | None = None, jobs: int = 1) -> list[Diagnostic]:
    """`check_project` for a docs folder and (optionally) the mkdocs.yml to read."""
    return check_project(load_project(config_file, docs_dir), base, paths, jobs)


def check_project(project: Project, base: Path | None = None, paths: list[Path] | None = None,
                  jobs: int = 1, *, disk_cache: bool = False) -> list[Diagnostic]:
    """Check the whole book; with `paths`, keep only findings in those files or folders.
    `jobs` > 1 parses a big book in that many processes; with `disk_cache`, pages unchanged
    since the last check are not parsed again (qabook.parsecache)."""
    book = load_cached_book(project, base, jobs=jobs) if disk_cache else load_book(project, base, jobs=jobs)
    diags = check_book(book)
    if not paths:
        return diags
    base = base or Path.cwd()
    wanted = [p.resolve() for p in paths]

    def inside(d: Diagnostic) -> bool:
        where = (base / d.path).resolve()
        return any(where == w or w in where.parents for w in wanted)

    return [d for d in diags if inside(d)]
