"""The navigation: a chapter's section takes its title from the chapter page; with the option
`home`, the home page leads, then the chapters, then any other page."""

from __future__ import annotations

from qabook.textout import html_text
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
                        item.title = html_text(chapter.title)  # templates print titles as HTML


def home_then_chapters(nav: Navigation) -> None:
    """Home first, then the sections (chapters), then any other page (tags …) — option home."""
    nav.items.sort(key=lambda item: 0 if isinstance(item, MkPage) and item.is_homepage
                   else 1 if isinstance(item, Section) else 2)
    _relink(nav)
