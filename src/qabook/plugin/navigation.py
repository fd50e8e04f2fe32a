"""The navigation: a chapter's section takes its title from the chapter page; with the option
`home`, the home page leads, then the chapters, then any other page."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Callable

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from qabook.model import Chapter


def _relink(nav: Navigation) -> None:
    """After reordering nav.items: pages in reading order, previous/next links to match."""
    pages: list[MkPage] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, MkPage):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after


def title_chapters(nav: Navigation, chapter_of: Callable[[str], Chapter | None]) -> None:
    """A chapter's section takes its title from the chapter page."""
    for item in nav.items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, MkPage) and child.file.src_uri.endswith("/index.md"):
                    chapter = chapter_of(child.file.src_uri)
                    if chapter:
                        item.title = escape(chapter.title)  # templates print titles as HTML


def home_then_chapters(nav: Navigation) -> None:
    """Home first, then the sections (chapters), then any other page (tags …) — option home."""
    nav.items.sort(key=lambda item: 0 if isinstance(item, MkPage) and item.is_homepage
                   else 1 if isinstance(item, Section) else 2)
    _relink(nav)


# -- the links every page of a chapter shares, as scripts (templates/partials/nav.html) --------

NAV_DIR = "assets/qabook/nav/"


def _is_chapter(item: object, features: list[str], chapter_pages: set[str]) -> bool:
    """A section the navigation partial prunes: a chapter, its first child the chapter page."""
    children = getattr(item, "children", None)
    first = children[0] if children else None
    return (isinstance(item, Section) and first is not None and not first.children
            and getattr(first, "is_index", False) and "navigation.indexes" in features
            and first.file.src_uri in chapter_pages)


def _entry(item: object) -> list[str]:
    """[url, title]: the url as MkDocs names the file (the script makes it relative to the
    page), the title as the template writes it (HTML)."""
    return [str(getattr(item, "url", "") or ""), str(getattr(item, "title", "") or "")]


def nav_scripts(nav: Navigation, features: list[str], chapter_pages: set[str]) -> dict[str, str]:
    """File name → content: book.js (the chapters, in navigation order, and the script that
    writes the links) and <n>.js per chapter (its topics; n its position in the navigation)."""
    from importlib import resources

    def data(key: str, value: object) -> str:
        return f"(window.qabookNavData=window.qabookNavData||{{}})[{json.dumps(key)}]=" \
               f"{json.dumps(value, ensure_ascii=False, separators=(',', ':'))};\n"

    book: list[object] = []
    out: dict[str, str] = {}
    for n, item in enumerate(nav.items, 1):
        if not _is_chapter(item, features, chapter_pages):
            book.append(0)  # written by the template on every page
            continue
        book.append([str(n), *_entry(item.children[0])[:1], str(item.title or "")])
        topics = [0 if child.children else _entry(child) for child in item.children[1:]]
        out[f"{n}.js"] = data(str(n), topics)
    renderer = resources.files("qabook.assets").joinpath("nav.js").read_text(encoding="utf-8")
    out["book.js"] = data("book", book) + renderer
    return out


def write_nav_scripts(site_dir: Path, nav: Navigation, features: list[str], chapter_pages: set[str]) -> None:
    """The navigation's shared scripts into the site; a file is rewritten only when it changed
    (a live preview's save touches one chapter's)."""
    folder = site_dir / NAV_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in nav_scripts(nav, features, chapter_pages).items():
        target = folder / name
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.write_bytes(data)


def held_children(section: Section, page: object) -> list[tuple[int, object]]:
    """(1-based position, child) of the children of the current chapter that its pages write
    themselves: the current page (with its table of contents) and nested sections; the other
    topics come from the chapter's script. (A loop in the template over every topic of the
    chapter cost more than the rest of the navigation.)"""
    return [(n, child) for n, child in enumerate(section.children[1:], 2)
            if child is page or child.children]
