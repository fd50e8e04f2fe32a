"""The MkDocs plugin: a thin adapter over the core.

- on_pre_build: runs the same check as `qabook check`, logging findings so `--strict` counts them;
- on_nav: chapter sections take their title from the chapter page;
- on_page_markdown: fills `<!-- qabook:chapters -->` on the home page with the book's chapters;
- on_page_content: stable question anchors (q1, q2 …) with a copy-link control, and the
  page's questions collected for search;
- on_post_build: the sharded search index (qabook.search) into site/search/qabook/.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from qabook.book import load_book
from qabook.check import check_book
from qabook.home import chapter_listing, pdf_link_markdown, with_question_counts
from qabook.html import anchor_questions, question_outline
from qabook.i18n import strings
from qabook.math import render_math
from qabook.model import Book, Chapter
from qabook.printbook import PRINT_MARKER, print_page_html, print_page_markdown
from qabook.search import SearchDoc, build_index, extract_docs

log = get_plugin_logger(__name__)

#: Set by `qabook build`, which has just checked the pages itself.
CHECKED_ENV = "QABOOK_ALREADY_CHECKED"
#: Set by `qabook build --no-pdf`: no PDFs will exist, so link none.
NO_PDF_ENV = "QABOOK_NO_PDF"


class QabookConfig(Config):
    enabled = c.Type(bool, default=True)
    check = c.Type(bool, default=True)  # run the structure check during build and serve
    pdf_dir = c.Type(str, default="pdf")  # where `qabook build` puts PDFs, relative to the site
    search = c.Type(bool, default=True)  # qabook's Chinese search (replaces Material's search plugin)


SEARCH_JS = "assets/qabook/qasearch.js"


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


class QabookPlugin(BasePlugin[QabookConfig]):
    def __init__(self) -> None:
        self.book: Book | None = None
        self.chapters: dict[str, Chapter] = {}  # by folder slug
        self.search_docs: list[SearchDoc] = []
        self.print_files: dict[str, File] = {}  # chapter slug → its generated print page
        self.topic_html: dict[str, tuple[str, str, str]] = {}  # src_uri → (url, title, content)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if self.config.enabled and self.config.search:
            if "search" in config.plugins or "material/search" in config.plugins:
                log.warning("both Material's search plugin and qabook's search are enabled: remove 'search' "
                            "from plugins in mkdocs.yml")
            config.extra_javascript.append(SEARCH_JS)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        docs = Path(config.docs_dir)
        self.book = load_book(docs, Path(config.config_file_path) if config.config_file_path else None)
        self.chapters = {ch.slug: ch for ch in self.book.chapters}
        if not self.config.check or os.environ.get(CHECKED_ENV) == "1":
            return
        for d in check_book(self.book):
            (log.error if d.is_error else log.warning)(str(d))

    def _chapter_of(self, src_uri: str) -> Chapter | None:
        """The chapter a page belongs to (its folder under docs/), if any."""
        parts = src_uri.split("/")
        return self.chapters.get(parts[0]) if len(parts) == 2 else None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add a "print this chapter" page (<chapter>/print.md) and the search script."""
        if not self.config.enabled or self.book is None:
            return files
        self.search_docs = []
        if self.config.search:
            script = resources.files("qabook.assets").joinpath("qasearch.js").read_text(encoding="utf-8")
            files.append(File.generated(config, SEARCH_JS, content=script))
        self.print_files, self.topic_html = {}, {}
        for chapter in self.book.chapters:
            if chapter.topics and chapter.index is not None:
                file = File.generated(config, f"{chapter.slug}/print.md", content=print_page_markdown(chapter),
                                      inclusion=InclusionLevel.NOT_IN_NAV)
                files.append(file)
                self.print_files[chapter.slug] = file
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.book is None:
            return nav
        # home first, then the chapters, then any other page (tags …)
        nav.items.sort(key=lambda item: 0 if isinstance(item, MkPage) and item.is_homepage
                       else 1 if isinstance(item, Section) else 2)
        _relink(nav)
        for item in nav.items:
            if isinstance(item, Section):
                for child in item.children:
                    if isinstance(child, MkPage) and child.file.src_uri.endswith("/index.md"):
                        chapter = self._chapter_of(child.file.src_uri)
                        if chapter:
                            item.title = chapter.title
        return nav

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.book is None:
            return markdown
        src = page.file.src_uri
        pdf_dir = None if os.environ.get(NO_PDF_ENV) == "1" else self.config.pdf_dir
        if src == "index.md" and "<!-- qabook:chapters -->" in markdown:
            markdown = markdown.replace("<!-- qabook:chapters -->", chapter_listing(self.book, pdf_dir))
        elif src.endswith("/index.md") and (chapter := self._chapter_of(src)):
            markdown = markdown.replace("<!-- qabook:pdf -->", pdf_link_markdown(chapter.slug, pdf_dir))
            if chapter.topics:
                counts = {t.rel.split("/")[-1]: len(t.questions) for t in chapter.topics}
                markdown = with_question_counts(markdown, counts)
        return markdown

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        html = anchor_questions(html)
        self._outline_questions(html, page)
        rendered = render_math(html)
        for tex in rendered.failures:
            log.warning(f"{page.file.src_uri}: formula cannot be typeset, shown as TeX: {tex}")
        html = rendered.html
        self.topic_html[page.file.src_uri] = (page.url, page.title or "", html)
        if self.config.search and self._searchable(page):
            chapter = self._chapter_of(page.file.src_uri)
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            self.search_docs += extract_docs(html, page.url, page.title or "", chapter.title if chapter else "",
                                             [str(t) for t in tags])
        return html

    @staticmethod
    def _outline_questions(html: str, page: MkPage) -> None:
        """On a page with several questions, the table of contents lists them (under the H1)."""
        outline = question_outline(html)
        if len(outline) < 2 or page.toc is None:
            return
        items = list(page.toc)
        parent = items[0].children if items and items[0].level == 1 else page.toc.items
        known = {link.id for link in parent}
        parent.extend(AnchorLink(label, anchor, 2) for anchor, label in outline if anchor not in known)

    def _fill_print_pages(self, site: Path, config: MkDocsConfig) -> None:
        """Each chapter's print page: its topics' rendered HTML, answers open."""
        if self.book is None:
            return
        for chapter in self.book.chapters:
            file = self.print_files.get(chapter.slug)
            if file is None:
                continue
            target = site / file.dest_uri
            print_url = file.url
            topics = []
            for topic in chapter.topics:
                if topic.rel in self.topic_html:
                    url, title, html = self.topic_html[topic.rel]
                    topics.append((topic.id or topic.rel, title, get_relative_url(url, print_url), html))
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace(PRINT_MARKER, print_page_html(topics), 1), encoding="utf-8")

    def _searchable(self, page: MkPage) -> bool:
        search_meta = page.meta.get("search")
        excluded = isinstance(search_meta, dict) and search_meta.get("exclude")
        generated = any(page.file is f for f in self.print_files.values())
        return not excluded and not generated and page.file.src_uri != "tags.md"

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """The search box's interface strings (search.*), from the book's locale, for the templates."""
        if self.config.enabled and self.config.search:
            lang = config.theme.get("language")
            env.globals["qabook_search_strings"] = {k: v for k, v in strings(lang).items() if k.startswith("search.")}
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._fill_print_pages(Path(config.site_dir), config)
        if not self.config.search:
            return
        out = Path(config.site_dir) / "search" / "qabook"
        out.mkdir(parents=True, exist_ok=True)
        for name, data in build_index(self.search_docs).items():
            (out / name).write_bytes(data)
