"""Load a docs folder into a `Book`: which page is the home, a chapter index or a topic.

Layout: docs/index.md is the home page; a folder docs/<chapter>/ is a chapter (every folder
with `chapters: all`, the folders listed, or by default each where most pages hold questions),
its index.md the chapter page and every other .md in it a topic page. A page holding
questions anywhere else is a topic of no chapter; anything else is "other" — with
`chapters: all` still checked, otherwise an ordinary page of the site that qabook leaves alone.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from qabook.config import Project, config_problem, load_project
from qabook.diagnostics import Diagnostic
from qabook.docfiles import kind_problem, name_problem, printable
from qabook.model import Book, Chapter, Page
from qabook.parser import parse_page
from qabook.staging import worker_pool
from qabook.textfile import TextFile, read_text
from qabook.vocabulary import qa_types


def holds_questions(page: Page) -> bool:
    """A page is Q&A when it holds a block of the vocabulary (question, answer, explanation …)."""
    kinds = qa_types()
    return any(block.kind in kinds for block in page.blocks)


#: On the home page, the place of the book's chapter table.
CHAPTERS_MARKER = "<!-- qabook:chapters -->"
#: On a chapter page, the place of its PDF and print buttons.
PDF_MARKER = "<!-- qabook:pdf -->"
#: On a chapter page, the place of the list of its topics (each linked, with its question count).
TOPICS_MARKER = "<!-- qabook:topics -->"


def lists_topics(page: Page) -> bool:
    """A chapter page that asks for its list of topics (TOPICS_MARKER) links every topic."""
    return any(TOPICS_MARKER in line for line in page.source_lines)


def _book_home(project: Project, page: Page) -> bool:
    """The home page is the book's: the option `home` says so, or it asks for the chapter table."""
    return project.home or any(CHAPTERS_MARKER in line for line in page.source_lines)


def chapter_folders(mode: str | tuple[str, ...], results: list[tuple[str, Page | Diagnostic]]) -> set[str]:
    """The top-level folders that are chapters: every one holding pages (`all`), the folders
    named (a list), or (`auto`) each where more than half of the pages other than index.md hold
    questions. A majority, not all: a topic whose blocks an author broke (a typo in every fence)
    keeps its chapter and is reported (QA040), instead of silently taking the folder out of the
    check; a Q&A page among as many ordinary pages leaves their folder alone."""
    pages: dict[str, list[Page | Diagnostic]] = {}
    for rel, page in results:
        parts = rel.split("/")
        if len(parts) == 2:
            pages.setdefault(parts[0], [])
            if parts[1] != "index.md":
                pages[parts[0]].append(page)
    if mode == "all":
        return set(pages)
    if not isinstance(mode, str):
        return set(mode) & set(pages)
    chosen = set()
    for folder, members in pages.items():
        readable = [p for p in members if isinstance(p, Page)]
        if 2 * sum(holds_questions(p) for p in readable) > len(readable):
            chosen.add(folder)
    return chosen


def page_kind(rel: str) -> str:
    parts = rel.split("/")
    if rel == "index.md":
        return "home"
    if len(parts) == 2:
        return "chapter" if parts[1] == "index.md" else "topic"
    return "other"


def display_path(path: Path, base: Path | None = None) -> str:
    base = base or Path.cwd()
    try:
        return os.path.relpath(path, base)
    except ValueError:
        return str(path)


def _files(docs_dir: Path, book: Book, base: Path | None, stamps: dict[Path, tuple[int, int]] | None = None) -> list[Path]:
    """Every file under docs_dir, not following links to folders: a symbolic link that loops or
    is broken is a QA003 finding instead, and so is one that leads outside docs/ (which MkDocs
    would publish) in a book; in a site that is not only a book, a link to a file elsewhere (a
    README published as a page) is the site's own file, read as MkDocs reads it.
    Each file's (mtime_ns, size) goes into `stamps` (one system call per file: the folder
    listing already says what is a file, a folder or a link)."""
    root = docs_dir.resolve()
    found: dict[str, Path] = {}
    stat_of: dict[str, tuple[int, int]] = {}
    folders = [Path(str(docs_dir))]
    while folders:
        folder = folders.pop()
        child = getattr(folder, "_make_child_relpath", folder.joinpath)  # the same Path, not parsed again
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                # the name, and what it is (a FIFO or device would hang the build): the listing
                # tells a file or folder without a system call; only anything else is stat'ed
                plain = not entry.is_symlink() and (entry.is_file(follow_symlinks=False)
                                                    or entry.is_dir(follow_symlinks=False))
                problem = name_problem(entry.name) or (None if plain else kind_problem(entry.path))
                if problem:
                    book.unreadable.append(Diagnostic(printable(display_path(Path(entry.path), base)), 1, 1, "QA004", problem))
                    continue
                if entry.is_symlink():
                    problem = _symlink_problem(Path(entry.path), root, book.site_is_book)
                    if problem:
                        book.unreadable.append(Diagnostic(display_path(Path(entry.path), base), 1, 1, "QA003", problem))
                        continue
                    if entry.is_dir():
                        continue  # a link to a folder inside docs/: its files are reached directly
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(child(entry.name))
                    continue
                if entry.is_file():
                    found[entry.path] = child(entry.name)
                    if stamps is not None:
                        st = entry.stat()
                        stat_of[entry.path] = (st.st_mtime_ns, st.st_size)
            except OSError:
                continue
    # in Path order (by their parts), sorting the names: 10,000 Paths sort 20 times slower
    order = sorted(found, key=lambda name: name.split("/")) if os.sep == "/" and not os.altsep \
        else [str(p) for p in sorted(found.values())]
    if stamps is not None:
        stamps.update((found[name], stat_of[name]) for name in order)
    return [found[name] for name in order]


def _relative(path: Path, prefix: str) -> str:
    """`path` (found under the folder whose path is `prefix`) relative to it, with '/'
    (what path.relative_to(folder).as_posix() gives, at a tenth of the cost: books have many pages)."""
    text = str(path)
    if text.startswith(prefix):
        return text[len(prefix):].replace(os.sep, "/")
    return path.relative_to(prefix.rstrip(os.sep) or os.sep).as_posix()


def _symlink_problem(path: Path, root: Path, in_a_book: bool) -> str | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"symbolic link that is broken or loops ({os.readlink(path)}): replace it with the file"
    if in_a_book and target != root and root not in target.parents:
        return (f"symbolic link to {target}, outside the docs folder: it would be published; "
                "copy the file into docs/ instead")
    return None


#: Below this many pages, starting worker processes costs more than parsing in one.
PARALLEL_MIN_PAGES = 2000


def _read_page(item: tuple[Path, str, str, frozenset[str] | None]) -> Page | Diagnostic:
    """One Markdown file → its `Page`, or a diagnostic if it cannot be read or is empty."""
    path, rel, display, known_blocks = item
    read = read_text(path, display)
    if isinstance(read, TextFile) and not read.text.strip():
        return Diagnostic(display, 1, 1, "QA002", "empty page: write a title and at least one question")
    if isinstance(read, Diagnostic):
        return read
    return parse_page(read.text, path, rel, display, page_kind(rel), known_blocks)


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


ParseCache = dict[str, tuple[tuple[int, int], "Page | Diagnostic"]]

#: Parsed pages kept for the life of the process: a live preview's rebuilds, and `qabook build`,
#: whose MkDocs process (forked after the check) starts with the pages the check parsed.
PROCESS_CACHE: ParseCache = {}


def _read_pages(items: list[tuple[Path, str, str, frozenset[str] | None]], jobs: int, cache: ParseCache | None = None,
                changed: set[str] | None = None, known: dict[Path, tuple[int, int]] | None = None,
                ) -> list[Page | Diagnostic]:
    """Parse in `jobs` processes when the book is big enough to gain from it (fork only).

    With a cache (display path → ((mtime_ns, size), result)), unchanged files are not read again;
    with `changed` (docs-relative paths) too, only those are looked at, the rest taken as cached."""
    if cache is not None:
        look = [item for item in items if changed is None or item[1] in changed or item[2] not in cache]
        known = known or {}
        stamps = {display: known.get(path) or _stamp(path) for path, _, display, _ in look}
        todo = [item for item in look if cache.get(item[2], (None, None))[0] != stamps[item[2]]]
        for item, result in zip(todo, _read_pages(todo, jobs)):
            cache[item[2]] = (stamps[item[2]], result)
        out = [cache[display][1] for _, _, display, _ in items]
        for (path, _, _, _), result in zip(items, out):
            if isinstance(result, Page) and result.path is None:  # from the disk cache (qabook.parsecache)
                result.path = path
        return out
    jobs = min(jobs, os.cpu_count() or 1)
    if jobs > 1 and len(items) >= PARALLEL_MIN_PAGES and "fork" in multiprocessing.get_all_start_methods():
        with worker_pool(jobs) as pool:
            return pool.map(_read_page, items, chunksize=max(1, len(items) // (jobs * 8)))
    return [_read_page(item) for item in items]


def page_displays(book: Book, base: Path | None = None) -> set[str]:
    """The display path of every Markdown file of the book, as load_book names them."""
    docs_display = display_path(book.docs_dir, base).replace(os.sep, "/")
    prefix = str(book.docs_dir).rstrip(os.sep) + os.sep
    rels = (_relative(p, prefix) for p in book.files if p.suffix.lower() == ".md")
    return {f"{docs_display}/{rel}" if docs_display != "." else rel for rel in rels}


def _read_again(old: Book, changed: set[str], project: Project, cache: ParseCache) -> Book | None:
    """`old` with the `changed` pages read again, when each is a chapter's page (topic or index)
    that stays one — readable, and (for chapters chosen by their content) as much a Q&A page as
    before — so that nothing but those pages can differ from a whole read: a save in the live
    preview at the cost of its pages, not of the book's files. None when that does not hold."""
    slugs = {chapter.slug: chapter for chapter in old.chapters}
    fresh: dict[str, Page] = {}
    for rel in changed:
        before = old.pages.get(rel)
        parts = rel.split("/")
        if before is None or len(parts) != 2 or parts[0] not in slugs or before.kind not in ("topic", "chapter") \
                or before.path is None:
            return None
        [page] = _read_pages([(before.path, rel, before.display, old.known_blocks)], 1, cache, {rel})
        if not isinstance(page, Page) or (project.chapters == "auto" and holds_questions(page) != holds_questions(before)):
            return None
        page.kind = before.kind
        fresh[rel] = page
    chapters = []
    for chapter in old.chapters:
        if not any(rel.split("/")[0] == chapter.slug for rel in fresh):
            chapters.append(chapter)
            continue
        index = fresh.get(f"{chapter.slug}/index.md", chapter.index)
        chapters.append(Chapter(slug=chapter.slug, index=index, topics=[fresh.get(t.rel, t) for t in chapter.topics],
                                unreadable=list(chapter.unreadable)))
    return dataclasses.replace(old, pages={rel: fresh.get(rel, page) for rel, page in old.pages.items()},
                               chapters=chapters, unreadable=list(old.unreadable), other_files=set(old.other_files),
                               loose_topics=list(old.loose_topics), ordinary=set(old.ordinary), files=list(old.files))


def load_book(project: Project | Path, base: Path | None = None, *,
              jobs: int = 1, cache: ParseCache | None = None, again: tuple[Book, set[str]] | None = None) -> Book:
    """Parse every page of the project's docs folder (a bare folder: a project with no
    mkdocs.yml); diagnostics name files relative to `base` (default: cwd).

    With `jobs` > 1, a big book is parsed in that many processes; pass the same `cache` to
    successive calls (a live preview) to parse only the files that changed. `again=(book,
    changed)` with a cache: the same files as `book` (no walk of the folder), of which only the
    `changed` pages (docs-relative) are read again — a save in the live preview."""
    if not isinstance(project, Project):
        project = load_project(None, project)
    docs_dir = project.docs_dir
    book = Book(docs_dir=docs_dir, project=project, site_is_book=project.home)
    if project.config_file is not None:
        book.config_display = display_path(project.config_file, base)
        if problem := config_problem(project.config_file, book.config_display):
            book.unreadable.append(problem)
        book.allow_html = project.allow_html
        book.known_blocks = project.known_blocks
        book.optional = project.optional
        if project.nav:
            book.nav_pages = [(p, book.config_display) for p in project.nav]
    if again is not None and cache is not None and (quick := _read_again(again[0], again[1], project, cache)):
        return quick
    if again is not None and cache is not None:
        files = again[0].files
        book.unreadable += [d for d in again[0].unreadable if d.code == "QA003"]  # found by the walk
        stamps: dict[Path, tuple[int, int]] = {}
    else:
        stamps = {}
        files = _files(docs_dir, book, base, stamps)
    book.files = files
    docs_prefix = str(docs_dir).rstrip(os.sep) + os.sep
    docs_display = display_path(docs_dir, base).replace(os.sep, "/")  # every page's display path starts so
    chapters: dict[str, Chapter] = {}
    items: list[tuple[Path, str, str, frozenset[str] | None]] = []
    for path in files:
        rel = _relative(path, docs_prefix)
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if path.suffix.lower() != ".md":
            book.other_files.add(rel)
            continue
        items.append((path, rel, f"{docs_display}/{rel}" if docs_display != "." else rel, book.known_blocks))
    changed = again[1] if again is not None else None
    results = [(rel, page) for (_, rel, _, _), page in zip(items, _read_pages(items, jobs, cache, changed, stamps))]
    slugs = chapter_folders(project.chapters, results)
    owns_everything = project.chapters == "all"
    for rel, page in results:
        parts = rel.split("/")
        chapter = None
        if len(parts) == 2 and parts[0] in slugs:
            chapter = chapters.setdefault(parts[0], Chapter(slug=parts[0], index=None))
        if isinstance(page, Diagnostic):
            if chapter is not None or owns_everything:  # an unreadable ordinary page is MkDocs' to report
                book.unreadable.append(page)
            book.other_files.add(rel)
            if chapter is not None:
                chapter.unreadable.append(rel)
            continue
        book.pages[rel] = page
        if rel == "index.md":
            page.kind = "home"
        elif chapter is not None:
            page.kind = "chapter" if parts[1] == "index.md" else "topic"
            if page.kind == "chapter":
                chapter.index = page
            else:
                chapter.topics.append(page)
        elif holds_questions(page):
            page.kind = "topic"  # a Q&A page among ordinary ones: a topic of no chapter
            book.loose_topics.append(page)
        else:
            page.kind = "other"
        if not owns_everything and (page.kind == "other" or (page.kind == "home" and not _book_home(project, page))):
            book.ordinary.add(rel)
    # Folders with no Markdown at all are not chapters; chosen folders with pages but no index are.
    for slug in slugs:
        chapters.setdefault(slug, Chapter(slug=slug, index=None))
    book.chapters = [chapters[k] for k in chapter_order(chapters, project.nav)]
    return book


def chapter_order(slugs: Iterable[str], nav: Sequence[str] | None) -> list[str]:
    """The chapters' order: where `nav:` (mkdocs.yml, its pages in order) first lists a page of
    each, as MkDocs' navigation shows them; by folder name (what MkDocs shows without `nav:`)
    otherwise, and for chapters `nav:` leaves out, after those it lists."""
    first: dict[str, int] = {}
    for n, page in enumerate(nav or ()):
        first.setdefault(page.lstrip("/").split("/")[0], n)
    return sorted(slugs, key=lambda slug: (first.get(slug, len(nav or ())), slug))
