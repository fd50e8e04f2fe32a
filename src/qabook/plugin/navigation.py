"""The navigation: home first, then the chapters, then any other page; a chapter section takes
its title from the chapter page."""

from __future__ import annotations

from html import escape
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


def order_and_title(nav: Navigation, chapter_of: Callable[[str], Chapter | None]) -> None:
    """Home first, then the chapters, then any other page (tags …); chapter titles from their pages."""
    nav.items.sort(key=lambda item: 0 if isinstance(item, MkPage) and item.is_homepage
                   else 1 if isinstance(item, Section) else 2)
    _relink(nav)
    for item in nav.items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, MkPage) and child.file.src_uri.endswith("/index.md"):
                    chapter = chapter_of(child.file.src_uri)
                    if chapter:
                        item.title = escape(chapter.title)  # templates print titles as HTML
