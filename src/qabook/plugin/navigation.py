"""The navigation, when the site is the book (option `home`): a chapter's section takes its title
from the chapter page, and the home page leads, then the chapters, then any other page. In a
site qabook was added to, the navigation stays as MkDocs and Material make it."""

from __future__ import annotations

from typing import Callable, Iterable

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from qabook.model import Chapter
from qabook.textout import html_text


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


def pruned_chapter_pages(chapters: Iterable[str], *, home: bool) -> set[str]:
    """The chapter pages whose sections templates/partials/nav.html writes pruned (one link while
    another chapter is open, a book's size costs nothing): only where the site is the book
    (`home`); a site qabook was added to keeps Material's own markup (and its `navigation.prune`)."""
    return {f"{slug}/index.md" for slug in chapters} if home else set()


def home_then_chapters(nav: Navigation) -> None:
    """Home first, then the sections (chapters), then any other page (tags …) — option home."""
    nav.items.sort(key=lambda item: 0 if isinstance(item, MkPage) and item.is_homepage
                   else 1 if isinstance(item, Section) else 2)
    _relink(nav)
