"""The MkDocs plugin: a thin adapter over the core.

- on_pre_build: runs the same check as `qabook check`, logging findings so `--strict` counts them;
- on_nav: chapter sections take their title from the chapter page;
- on_page_markdown: fills `<!-- qabook:chapters -->` on the home page with the book's chapters;
- on_page_content: stable question anchors (q1, q2 …) with a copy-link control.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from qabook.book import load_book
from qabook.check import check_book
from qabook.home import chapter_listing, pdf_link_markdown
from qabook.html import anchor_questions
from qabook.model import Book
from qabook.printbook import print_page_markdown

log = get_plugin_logger(__name__)

#: Set by `qabook build`, which has just checked the pages itself.
CHECKED_ENV = "QABOOK_ALREADY_CHECKED"
#: Set by `qabook build --no-pdf`: no PDFs will exist, so link none.
NO_PDF_ENV = "QABOOK_NO_PDF"


class QabookConfig(Config):
    enabled = c.Type(bool, default=True)
    check = c.Type(bool, default=True)  # run the structure check during build and serve
    pdf_dir = c.Type(str, default="pdf")  # where `qabook build` puts PDFs, relative to the site


class QabookPlugin(BasePlugin[QabookConfig]):
    def __init__(self) -> None:
        self.book: Book | None = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        docs = Path(config.docs_dir)
        self.book = load_book(docs, Path(config.config_file_path) if config.config_file_path else None)
        if not self.config.check or os.environ.get(CHECKED_ENV) == "1":
            return
        for d in check_book(self.book):
            (log.error if d.is_error else log.warning)(str(d))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add a "print this chapter" page (<chapter>/print.md): the whole chapter, expanded."""
        if not self.config.enabled or self.book is None:
            return files
        for chapter in self.book.chapters:
            if chapter.topics and chapter.index is not None:
                files.append(File.generated(config, f"{chapter.slug}/print.md",
                                            content=print_page_markdown(chapter),
                                            inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.book is None:
            return nav
        titles = {ch.slug: ch.title for ch in self.book.chapters}
        for item in nav.items:
            if isinstance(item, Section):
                for child in item.children:
                    if isinstance(child, MkPage) and child.file.src_uri.endswith("/index.md"):
                        slug = child.file.src_uri.split("/")[0]
                        if slug in titles:
                            item.title = titles[slug]
        return nav

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.book is None:
            return markdown
        src = page.file.src_uri
        pdf_dir = None if os.environ.get(NO_PDF_ENV) == "1" else self.config.pdf_dir
        if src == "index.md" and "<!-- qabook:chapters -->" in markdown:
            markdown = markdown.replace("<!-- qabook:chapters -->", chapter_listing(self.book, pdf_dir))
        elif src.endswith("/index.md") and src.count("/") == 1 and "<!-- qabook:pdf -->" in markdown:
            markdown = markdown.replace("<!-- qabook:pdf -->", pdf_link_markdown(src.split("/")[0], pdf_dir))
        return markdown

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        return anchor_questions(html)
