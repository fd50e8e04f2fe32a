"""The MkDocs plugin: a thin adapter over the core.

- on_pre_build: runs the same check as `qabook check`, logging findings so `--strict` counts them;
- on_nav: chapter sections take their title from the chapter page;
- on_page_markdown: fills `<!-- qabook:chapters -->` on the home page with the book's chapters;
- on_page_content: stable question anchors (q1, q2 …) with a copy-link control, and the
  page's questions collected for search;
- on_post_build: the sharded search index (qabook.search) into site/search/qabook/.

Live preview (`mkdocs serve --dirty`, which `qabook serve` runs) renders only the pages that
changed, and MkDocs makes a new plugin for every rebuild: what earlier builds in the same
process parsed and rendered is kept in module-level caches (`_PARSED`, `_RENDERED`), so the
print pages and the search index stay whole and only changed files are parsed again; the
search index of such a rebuild keeps the last full build's length normalisation (`_MEANS`),
so only the changed documents are weighed again.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import jinja2
import jinja2.bccache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils import get_relative_url

from qabook.book import ParseCache, load_book
from qabook.check import check_book
from qabook.home import chapter_listing, pdf_link_markdown, with_question_counts
from qabook.html import anchor_questions
from qabook.math import render_math
from qabook.model import Book, Chapter
from qabook.printbook import PRINT_MARKER, print_page_html, print_page_markdown
from qabook.search import SearchDoc, build_index, extract_docs
from qabook.search.index import field_means

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

#: Kept across the rebuilds of one `mkdocs serve` process (a new plugin is made for each).
_PARSED: ParseCache = {}


class _Rendered(NamedTuple):
    """One rendered page, as the print pages and the search index need it."""
    url: str
    title: str
    html: str
    docs: list[SearchDoc]


_RENDERED: dict[str, _Rendered] = {}  # src_uri → the page as last rendered
_MEANS: dict[str, float] | None = None  # search field means of the last full build (see build_index)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory: a rebuild in `mkdocs serve` makes a new Jinja
    environment and would compile Material's templates again (Jinja checks the source)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _MemoryBytecodeCache()


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
        self.print_files: dict[str, File] = {}  # chapter slug → its generated print page
        self.rendered: dict[str, _Rendered] = {}  # src_uri → rendered in this build
        self.present: set[str] = set()  # src_uri of every page of this build

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
        self.book = load_book(docs, Path(config.config_file_path) if config.config_file_path else None,
                              cache=_PARSED)
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
        self.present = {f.src_uri for f in files.documentation_pages()}
        if self.config.search:
            script = resources.files("qabook.assets").joinpath("qasearch.js").read_text(encoding="utf-8")
            files.append(File.generated(config, SEARCH_JS, content=script))
        self.print_files, self.rendered = {}, {}
        for chapter in self.book.chapters:
            if chapter.topics and chapter.index is not None:
                file = File.generated(config, f"{chapter.slug}/print.md", content=print_page_markdown(chapter),
                                      inclusion=InclusionLevel.NOT_IN_NAV)
                files.append(file)
                self.print_files[chapter.slug] = file
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        if self.config.enabled and env.bytecode_cache is None:
            env.bytecode_cache = _TEMPLATES
        return env

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
        rendered = render_math(html)
        for tex in rendered.failures:
            log.warning(f"{page.file.src_uri}: formula cannot be typeset, shown as TeX: {tex}")
        html = rendered.html
        docs: list[SearchDoc] = []
        if self.config.search and self._searchable(page):
            chapter = self._chapter_of(page.file.src_uri)
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            docs = extract_docs(html, page.url, page.title or "", chapter.title if chapter else "",
                                [str(t) for t in tags])
        self.rendered[page.file.src_uri] = _Rendered(page.url, page.title or "", html, docs)
        return html

    def _all_rendered(self) -> dict[str, _Rendered]:
        """Every page of this build as last rendered: this build's, else an earlier one's in
        this process (a dirty rebuild renders only changed pages); in this build's order."""
        merged = {k: v for k, v in _RENDERED.items() if k in self.present}
        merged.update(self.rendered)
        _RENDERED.clear()
        _RENDERED.update(merged)
        return merged

    def _fill_print_pages(self, site: Path, rendered: dict[str, _Rendered]) -> None:
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
                if topic.rel in rendered:
                    url, title, html, _ = rendered[topic.rel]
                    topics.append((topic.id or topic.rel, title, get_relative_url(url, print_url), html))
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace(PRINT_MARKER, print_page_html(topics), 1), encoding="utf-8")

    @staticmethod
    def _searchable(page: MkPage) -> bool:
        search_meta = page.meta.get("search")
        excluded = isinstance(search_meta, dict) and search_meta.get("exclude")
        return not excluded and page.file.src_uri not in ("index.md", "tags.md")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        rendered = self._all_rendered()
        self._fill_print_pages(Path(config.site_dir), rendered)
        if not self.config.search:
            return
        out = Path(config.site_dir) / "search" / "qabook"
        out.mkdir(parents=True, exist_ok=True)
        docs = [d for *_, page_docs in rendered.values() for d in page_docs]
        global _MEANS
        if _MEANS is None or len(self.rendered) == len(rendered):  # every page rendered: weigh anew
            _MEANS = field_means(docs)
        for name, data in build_index(docs, _MEANS).items():
            (out / name).write_bytes(data)
