"""Run the rules over a book and return every finding, sorted."""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Iterable

from qabook.book import ParseCache, display_path, load_book, page_displays
from qabook.config import Project, load_project
from qabook.diagnostics import Diagnostic
from qabook.model import Book
from qabook.rules import RULES


def check_book(book: Book, select: Iterable[str] | None = None) -> list[Diagnostic]:
    """Every finding of the rules (`select`: only these codes), sorted; none on the site's
    ordinary pages, which are not qabook's (`Book.ordinary`). A rule registered per page runs
    only on the pages whose findings are not already kept with them (`Page.checked`)."""
    codes = list(select) if select else list(RULES)
    found: set[Diagnostic] = set()
    for code in codes:
        if not RULES[code].per_page:
            found.update(RULES[code].check(book))
    wanted = set(codes)
    found.update(d for d in _own_findings(book) if d.code in wanted)
    if book.ordinary:
        ordinary = {book.pages[rel].display for rel in book.ordinary if rel in book.pages}
        found = {d for d in found if d.path not in ordinary}
    return sorted(found)


def _own_findings(book: Book) -> list[Diagnostic]:
    """The per-page rules' findings: each page's kept with it when found under the same settings,
    kind and ownership, else found now (and kept); the files that could not be read, each time."""
    page_rules = [r for r in RULES.values() if r.per_page]
    key = settings_key(book)
    out: list[Diagnostic] = []
    stale: dict[str, str] = {}  # display path → rel
    for rel, page in book.pages.items():
        kept = page.checked
        if kept is not None and kept[0] == key and kept[1] == page.kind and kept[2] == book.owns(rel):
            out.extend(kept[3])
        else:
            stale[page.display] = rel
    if stale:
        view = replace(book, pages=_Focus(book.pages, set(stale.values())), unreadable=[], chapters=[],
                       loose_topics=[])
        by_page: dict[str, list[Diagnostic]] = {display: [] for display in stale}
        for r in page_rules:
            for d in r.check(view):
                if d.path not in by_page:  # a finding not of its page: nothing kept, all found again
                    return [d for r in page_rules for d in r.check(book)]
                by_page[d.path].append(d)
        for display, rel in stale.items():
            page = book.pages[rel]
            page.checked = (key, page.kind, book.owns(rel), tuple(sorted(set(by_page[display]))))
            out.extend(page.checked[3])
    if book.unreadable:
        alone = replace(book, pages={}, chapters=[], loose_topics=[])
        out.extend(d for r in page_rules for d in r.check(alone))
    return out


def settings_key(book: Book) -> str:
    """What, besides the page, a per-page rule's findings depend on: the book's settings and its
    project's (Markdown extensions and their options), as a short stable digest."""
    project = book.project
    parts = [book.allow_html, book.known_blocks, book.optional, book.site_is_book,
             [(f.name, getattr(project, f.name)) for f in fields(project)] if is_dataclass(project) else project]
    return hashlib.sha256(_stable(parts).encode("utf-8")).hexdigest()[:16]


def _stable(value: object) -> str:
    """A text for `value` that is the same in every process (no object addresses)."""
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{_stable(k)}:{_stable(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_stable(v) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stable(v) for v in value) + "]"
    if value is None or isinstance(value, (str, int, float, bool, Path)):
        return repr(value)
    if isinstance(value, functools.partial):  # a slugify function with its options, as mkdocs.yml builds it
        return _stable([value.func, value.args, value.keywords])
    kind = value if callable(value) else type(value)
    return f"<{getattr(kind, '__module__', '')}.{getattr(kind, '__qualname__', type(kind).__name__)}>"


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
    return _cached(project, base, jobs, cache, check=False)[0]


def check_cached_book(project: Project, base: Path | None = None, *, jobs: int = 1,
                      cache: ParseCache | None = None) -> tuple[Book, list[Diagnostic]]:
    """load_cached_book and check_book: each page's own findings are saved with it, so the next
    check runs the per-page rules only on the pages that changed."""
    return _cached(project, base, jobs, cache, check=True)


def _cached(project: Project, base: Path | None, jobs: int, cache: ParseCache | None,
            check: bool) -> tuple[Book, list[Diagnostic]]:
    from qabook import parsecache

    where = parsecache.folder(project.docs_dir, base, project.known_blocks)
    before = parsecache.load(where)
    cache = cache if cache is not None else {}
    cache.update(before)
    book = load_book(project, base, jobs=jobs, cache=cache)
    current = page_displays(book, base)
    for stale in [key for key in cache if key not in current]:
        del cache[stale]
    diags: list[Diagnostic] = []
    touched: set[str] = set()
    if check:
        kept = {page.display: page.checked for page in book.pages.values()}
        diags = check_book(book)
        touched = {page.display for page in book.pages.values() if page.checked is not kept[page.display]}
    parsecache.save(where, cache, before, display_path(project.docs_dir, base).replace(os.sep, "/"), touched)
    return book, diags


def check_docs(docs_dir: Path, config_file: Path | None = None, base: Path | None = None,
               paths: list[Path] | None = None, jobs: int = 1) -> list[Diagnostic]:
    """`check_project` for a docs folder and (optionally) the mkdocs.yml to read."""
    return check_project(load_project(config_file, docs_dir), base, paths, jobs)


def check_project(project: Project, base: Path | None = None, paths: list[Path] | None = None,
                  jobs: int = 1, *, disk_cache: bool = False) -> list[Diagnostic]:
    """Check the whole book; with `paths`, keep only findings in those files or folders.
    `jobs` > 1 parses a big book in that many processes; with `disk_cache`, pages unchanged
    since the last check are not parsed again (qabook.parsecache)."""
    if disk_cache:
        book, diags = check_cached_book(project, base, jobs=jobs)
    else:
        diags = check_book(load_book(project, base, jobs=jobs))
    if not paths:
        return diags
    base = base or Path.cwd()
    wanted = [p.resolve() for p in paths]

    def inside(d: Diagnostic) -> bool:
        where = (base / d.path).resolve()
        return any(where == w or w in where.parents for w in wanted)

    return [d for d in diags if inside(d)]
