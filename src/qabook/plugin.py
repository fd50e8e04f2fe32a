"""The MkDocs plugin: a thin adapter over the core.

- on_pre_build: runs the same check as `qabook check`, logging findings so `--strict` counts them;
- on_nav: chapter sections take their title from the chapter page;
- on_page_markdown: fills `<!-- qabook:chapters -->` on the home page with the book's chapters;
- on_page_content: stable question anchors (q1, q2 …) with a copy-link control, and the
  page's questions collected for search;
- on_post_build: the sharded search index (qabook.search) into site/search/qabook/;
- study mode (qabook.study): assets/study.js + fsrs.js + study.css added to every page, the
  generated review and quiz pages, the data scripts they read, and the Anki / JSON exports
  (qabook.export) written next to the PDFs;
- after the build, the PDFs (qabook.pdf) when `pdf` is on, never in the live preview.

Live preview (`mkdocs serve --dirty`, which `qabook serve` runs) renders only the pages that
changed, and MkDocs makes a new plugin for every rebuild: what earlier builds in the same
process parsed and rendered is kept in module-level caches (`_PARSED`, `_RENDERED`), so the
print pages and the search index stay whole and only changed files are parsed again; the
search index of such a rebuild keeps the last full build's length normalisation (`_MEANS`),
so only the changed documents are weighed again.
"""

from __future__ import annotations

import posixpath
import re
from importlib import resources
from html import escape, unescape
from pathlib import Path
from typing import NamedTuple

import jinja2
import jinja2.bccache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from qabook import i18n
from qabook.book import ParseCache, load_book
from qabook.check import check_book
from qabook.diagnostics import Diagnostic
from qabook.home import chapter_buttons, chapter_listing, with_question_counts
from qabook.pdfnames import book_slug
from qabook.render import BLOCK_EXTENSIONS
from qabook.vocabulary import pymdownx_configs
from qabook.html import anchor_questions, question_outline
from qabook.i18n import strings, t
from qabook.math import render_math
from qabook.model import Book, Chapter
from qabook.printbook import PRINT_MARKER, print_page_html, print_page_markdown
from qabook.search import SearchDoc, build_index, extract_docs
from qabook.search.index import field_means
from qabook.search.lexicon import Pair, load_glossary
from qabook.study import (QUIZ_PAGE, REVIEW_PAGE, StudyTopic, cards_script, index_script,
                          split_questions, study_page_markdown)
from qabook.study.pages import downloads_markdown

log = get_plugin_logger(__name__)



class QabookConfig(Config):
    """The plugin's options (`plugins: - qabook: {...}` in mkdocs.yml); README "Plugin options"."""

    enabled = c.Type(bool, default=True)
    check = c.Type(bool, default=True)  # run the structure check during build and serve
    pdf = c.Type(bool, default=True)  # print the chapters and the book as PDF after the build
    pdf_dir = c.Type(str, default="pdf")  # where PDFs and exports go, relative to the site
    paper = c.Choice(("A4", "Letter"), default="A4")
    jobs = c.Type(int, default=2)  # PDFs rendered at once
    search = c.Type(bool, default=True)  # qabook's Chinese search (replaces Material's search plugin)
    study = c.Type(bool, default=True)  # self-test, progress, review and quiz pages (assets/study.js)
    exports = c.Type(bool, default=True)  # book.apkg and book.json next to the PDFs
    allow_html = c.ListOfItems(c.Type(str), default=[])  # raw HTML a trusted book may use (QA070)
    glossary = c.Type(str, default="glossary.yml")  # the author's term pairs for search, beside mkdocs.yml


SEARCH_JS = "assets/qabook/qasearch.js"
#: The reading site's own stylesheet and script (copy-link, print CSS, question layout), shipped in the package.
SITE_CSS, SITE_JS = "assets/qabook/qabook.css", "assets/qabook/qabook.js"
STUDY_DIR = "assets/qabook/"
STUDY_ASSETS = ("fsrs.js", "study.js", "study.css")  # shipped in qabook.assets
STUDY_INDEX = STUDY_DIR + "study-index.js"  # written after the build: strings, chapters, topics
STUDY_CARDS = STUDY_DIR + "study-cards.js"  # written after the build: each question's HTML
CSP_SCRIPTS = ("md-base.js", "md-palette.js", "md-content.js")
#: Where study mode puts its progress panel: the page keeps the room, so nothing shifts when it comes.
PROGRESS_SLOT = '<div class="qa-progress-slot" aria-hidden="true"></div>'


#: Markdown tables align cells with style="text-align: …"; a class does it under a strict CSP.
ALIGN_STYLE_RE = re.compile(r'\sstyle="text-align:\s*(left|right|center);?"')
_RAW_IMG_SRC_RE = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']+)\2""", re.I)


def relink_raw_images(html: str, src_uri: str, page_url: str, files: Files) -> str:
    """MkDocs rewrites Markdown images for directory URLs but not `<img src>` written as raw
    HTML: point those at the file they name relative to the page's source."""

    def repl(m: re.Match[str]) -> str:
        src = m.group(3)
        if "://" in src or src.startswith(("/", "data:", "#")):
            return m.group(0)
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), src)))
        if target is None:
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}{get_relative_url(target.url, page_url)}{m.group(2)}"

    return _RAW_IMG_SRC_RE.sub(repl, html)


def book_language(config: MkDocsConfig) -> str | None:
    """The book's language: theme.language, as Material reads it."""
    language = config.theme.get("language") if config.theme else None
    return str(language) if language else None


def findings_html(found: list[Diagnostic]) -> str:
    """A page's check errors as a warning box (escaped text), for the live preview."""
    items = "".join(f"<li><code>{escape(str(d))}</code></li>" for d in found)
    return (f'<div class="admonition danger qa-findings" role="alert"><p class="admonition-title">'
            f'qabook check: {len(found)} error(s) on this page</p><ul>{items}</ul></div>')

#: Kept across the rebuilds of one `mkdocs serve` process (a new plugin is made for each).
_PARSED: ParseCache = {}


class _Rendered(NamedTuple):
    """One rendered page, as the print pages and the search index need it."""
    url: str
    title: str
    html: str
    docs: list[SearchDoc]


_RENDERED: dict[str, _Rendered] = {}  # src_uri → the page as last rendered
_STUDY: dict[str, tuple[str, list]] = {}  # src_uri → (its rendered HTML, its questions for study mode)


def _questions_of(src_uri: str, html: str) -> list:
    """A page's questions for study mode, split again only when the page was rendered again
    (a live-preview save re-renders one page, not the book)."""
    cached = _STUDY.get(src_uri)
    if cached is None or cached[0] is not html:
        cached = _STUDY[src_uri] = (html, split_questions(html))
    return cached[1]
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
        self.serving = False  # `mkdocs serve`: a page's check errors are shown on the page
        self.pdf_available = True  # WeasyPrint and its system libraries can be loaded
        self.findings: dict[str, list[Diagnostic]] = {}  # src_uri → its check errors
        self.chapters: dict[str, Chapter] = {}  # by folder slug
        self.print_files: dict[str, File] = {}  # chapter slug → its generated print page
        self.study_files: dict[str, File] = {}  # "review" / "quiz" → its generated page
        self.language: str | None = None
        self.files: Files | None = None
        self.rendered: dict[str, _Rendered] = {}  # src_uri → rendered in this build
        self.present: set[str] = set()  # src_uri of every page of this build

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # qabook's templates: after the project's custom_dir, before Material's own
        templates = str(resources.files("qabook").joinpath("templates"))
        dirs = config.theme.dirs
        at = next((i for i, d in enumerate(dirs) if Path(d, "base.html").is_file()), len(dirs))
        if templates not in dirs:
            dirs.insert(at, templates)
        if self.config.pdf and not self.serving:
            try:
                import weasyprint  # noqa: F401
            except (ImportError, OSError) as exc:
                log.warning(f"no PDFs: WeasyPrint cannot be loaded ({exc}); install pango (see the qabook README)")
                self.pdf_available = False
        if config.theme.get("font") is not False:  # no web fonts: a page never loads from another host
            log.info("qabook: theme.font set to false (no Google Fonts; qabook.css has a system CJK font stack)")
            config.theme["font"] = False
        config.extra_css.insert(0, SITE_CSS)
        config.extra_javascript.insert(0, SITE_JS)
        # the block vocabulary configures pymdownx itself: a project's mkdocs.yml needs only `- qabook`
        self.language = language = book_language(config)
        for ext in BLOCK_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        config.mdx_configs.update(pymdownx_configs(language, config.mdx_configs))
        toc = config.mdx_configs.setdefault("toc", {})
        if toc.get("permalink") and "permalink_title" not in toc:
            toc["permalink_title"] = t(language, "toc.permalink")
        if self.config.search:
            if "search" in config.plugins or "material/search" in config.plugins:
                log.warning("both Material's search plugin and qabook's search are enabled: remove 'search' "
                            "from plugins in mkdocs.yml")
            config.extra_javascript.append(SEARCH_JS)
        if self.config.enabled and self.config.study:
            config.extra_css.append(STUDY_DIR + "study.css")
            config.extra_javascript += [STUDY_INDEX, STUDY_DIR + "fsrs.js", STUDY_DIR + "study.js"]
        return config

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        """Templates read qabook's interface strings: qabook_t(key, **values); qabook_material(key)
        for Material's own strings that the locale file mends; the search box's search.* strings."""
        if not self.config.enabled:
            return env
        if env.bytecode_cache is None:  # compiled templates kept across live-preview rebuilds
            env.bytecode_cache = _TEMPLATES
        language = self.language
        env.globals["qabook_t"] = lambda key, **values: t(language, key, **values)
        env.globals["qabook_material"] = lambda key: strings(language).get(f"material.{key}", "")
        if self.config.search:
            env.globals["qabook_search_strings"] = {k: v for k, v in strings(language).items()
                                                    if k.startswith("search.")}
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        docs = Path(config.docs_dir)
        self.book = load_book(docs, Path(config.config_file_path) if config.config_file_path else None,
                              cache=_PARSED)
        self.chapters = {ch.slug: ch for ch in self.book.chapters}
        self.findings = {}
        if not self.config.check:
            return
        by_display = {page.display: rel for rel, page in self.book.pages.items()}
        by_display |= {d.path: rel for rel in self.book.other_files for d in self.book.unreadable
                       if d.path.endswith(rel)}
        for d in check_book(self.book):
            (log.error if d.is_error else log.warning)(str(d))
            if d.is_error and d.path in by_display:
                self.findings.setdefault(by_display[d.path], []).append(d)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def making_exports(self) -> bool:
        """This build writes book.apkg and book.json: with the PDFs, the book's downloads (a
        `--no-pdf` build, a quick one, and the live preview make none, and link none)."""
        return bool(self.config.exports and self.making_pdfs)

    @property
    def making_pdfs(self) -> bool:
        """This build writes PDFs (not in the live preview: too slow to redo on every save)."""
        return bool(self.config.enabled and self.config.pdf and not self.serving and self.pdf_available)

    def _chapter_of(self, src_uri: str) -> Chapter | None:
        """The chapter a page belongs to (its folder under docs/), if any."""
        parts = src_uri.split("/")
        return self.chapters.get(parts[0]) if len(parts) == 2 else None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add a "print this chapter" page (<chapter>/print.md) and the search script."""
        if not self.config.enabled or self.book is None:
            return files
        self.files = files
        self.present = {f.src_uri for f in files.documentation_pages()}
        if self.config.search:
            script = resources.files("qabook.assets").joinpath("qasearch.js").read_text(encoding="utf-8")
            files.append(File.generated(config, SEARCH_JS, content=script))
        for path in (SITE_CSS, SITE_JS):
            text = resources.files("qabook.assets").joinpath(path.rsplit("/", 1)[1]).read_text(encoding="utf-8")
            files.append(File.generated(config, path, content=text))
        for name in CSP_SCRIPTS:  # Material's inline scripts as files (see templates/partials/javascripts)
            text = resources.files("qabook.assets").joinpath("csp", name).read_text(encoding="utf-8")
            files.append(File.generated(config, f"assets/qabook/csp/{name}", content=text))
        for rel, found in self.findings.items():  # a page MkDocs cannot read: show its findings instead
            file = files.get_file_from_path(rel)
            if file is not None and any(d.code == "QA001" for d in found):
                file.content_string = f"# {escape(rel)}\n\n{findings_html(found)}\n"
        self.print_files, self.rendered, self.study_files = {}, {}, {}
        if self.config.study:
            for name in STUDY_ASSETS:
                text = resources.files("qabook.assets").joinpath(name).read_text(encoding="utf-8")
                files.append(File.generated(config, STUDY_DIR + name, content=text))
            for mode, path in (("review", REVIEW_PAGE), ("quiz", QUIZ_PAGE)):
                text = study_page_markdown(mode, i18n.t(self.language, f"study.{mode}"),
                                           i18n.t(self.language, "study.needs_js"))
                file = File.generated(config, path, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
                files.append(file)
                self.study_files[mode] = file
        for chapter in self.book.chapters:
            if chapter.topics and chapter.index is not None:
                file = File.generated(config, f"{chapter.slug}/print.md", content=print_page_markdown(chapter, self.language),
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
                            item.title = escape(chapter.title)  # templates print titles as HTML
        return nav

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.book is None:
            return markdown
        if "title" in page.meta:  # MkDocs treats titles as HTML: an author's front matter is text
            page.meta["title"] = escape(str(page.meta["title"]))
        src = page.file.src_uri
        found = self.findings.get(src)
        if found and self.serving and not any(d.code == "QA001" for d in found):
            markdown = findings_html(found) + "\n\n" + markdown
        pdf_dir = self.config.pdf_dir if self.making_pdfs else None  # link only what this build writes
        language, slug = self.language, book_slug(config.site_name)
        if src == "index.md" and "<!-- qabook:chapters -->" in markdown:
            listing = chapter_listing(self.book, pdf_dir, slug, language)
            if self.making_exports:
                listing += "\n\n" + downloads_markdown(self.config.pdf_dir, self.language)
            markdown = markdown.replace("<!-- qabook:chapters -->", listing)
        elif src.endswith("/index.md") and (chapter := self._chapter_of(src)):
            print_file = self.print_files.get(chapter.slug)
            print_href = get_relative_url(print_file.url, page.url) if print_file else None
            markdown = markdown.replace("<!-- qabook:pdf -->",
                                        chapter_buttons(chapter.slug, pdf_dir, print_href, slug, language))
            if chapter.topics:
                counts = {topic.rel.split("/")[-1]: len(topic.questions) for topic in chapter.topics}
                markdown = with_question_counts(markdown, counts, language)
        return markdown

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return html
        html = anchor_questions(html, self.language)
        html = relink_raw_images(html, page.file.src_uri, page.url, files)
        html = ALIGN_STYLE_RE.sub(r' class="qa-align-\1"', html)  # no inline styles: a strict CSP holds
        self._outline_questions(html, page)
        rendered = render_math(html)
        for tex in rendered.failures:
            log.warning(f"{page.file.src_uri}: formula cannot be typeset, shown as TeX: {tex}")
        html = rendered.html
        docs: list[SearchDoc] = []
        if self.config.search and self._searchable(page):
            chapter = self._chapter_of(page.file.src_uri)
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            docs = extract_docs(html, page.url, unescape(page.title or ""), chapter.title if chapter else "",
                                [str(t) for t in tags])
        self.rendered[page.file.src_uri] = _Rendered(page.url, page.title or "", html, docs)
        if self.config.study and self._chapter_or_home(page.file.src_uri):  # (not in print pages or search)
            slot = PROGRESS_SLOT.replace("qa-progress-slot", "qa-progress-slot qa-progress-slot--home") \
                if page.file.src_uri == "index.md" else PROGRESS_SLOT
            html = html.replace("</h1>", "</h1>" + slot, 1)
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
                    topics.append((topic.id or topic.rel, unescape(title), get_relative_url(url, print_url), html))
            intro = rendered[chapter.index.rel].html if chapter.index and chapter.index.rel in rendered else ""
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace(PRINT_MARKER, print_page_html(topics, intro), 1), encoding="utf-8")

    def _chapter_or_home(self, src_uri: str) -> bool:
        """The pages study mode shows a progress panel on (under the title)."""
        return src_uri == "index.md" or (src_uri.endswith("/index.md") and self._chapter_of(src_uri) is not None)

    def _searchable(self, page: MkPage) -> bool:
        search_meta = page.meta.get("search")
        excluded = isinstance(search_meta, dict) and search_meta.get("exclude")
        generated = any(page.file is f for f in self.print_files.values())
        return not excluded and not generated and page.file.src_uri != "tags.md"

    def _write_pdfs(self, config: MkDocsConfig) -> None:
        """Every chapter and the whole book as PDF into <site>/<pdf_dir>/; a failure fails the build."""
        from qabook.config import Project
        from qabook.pdf import plan_jobs, render_all

        if self.book is None:
            return
        config_file = Path(config.config_file_path) if config.config_file_path else None
        project = Project(config_file, Path(config.docs_dir), Path(config.site_dir),
                          config_file.parent if config_file else Path.cwd())
        planned = plan_jobs(project, self.book, Path(config.site_dir) / self.config.pdf_dir, None, False,
                            self.config.paper)
        failed = render_all(planned, max(1, self.config.jobs), lambda message: log.info(message))
        if failed:
            raise PluginError("PDF failed for " + "; ".join(failed))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        rendered = self._all_rendered()
        self._fill_print_pages(Path(config.site_dir), rendered)
        if self.making_pdfs:
            self._write_pdfs(config)
        if self.config.study:
            self._write_study_data(Path(config.site_dir), config, rendered)
        if self.making_exports and self.book is not None:
            self._write_exports(Path(config.site_dir) / self.config.pdf_dir, config.site_name)
        if not self.config.search:
            return
        out = Path(config.site_dir) / "search" / "qabook"
        out.mkdir(parents=True, exist_ok=True)
        docs = [d for *_, page_docs in rendered.values() for d in page_docs]
        global _MEANS
        if _MEANS is None or len(self.rendered) == len(rendered):  # every page rendered: weigh anew
            _MEANS = field_means(docs)
        for name, data in build_index(docs, _MEANS, self._glossary(config)).items():
            (out / name).write_bytes(data)

    def _glossary(self, config: MkDocsConfig) -> list[Pair]:
        """The author's glossary.yml (plugin option `glossary`, beside mkdocs.yml), if there is one;
        each entry it cannot use is a warning at its line."""
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        path = base / self.config.glossary
        if not path.is_file():
            return []
        pairs, found = load_glossary(path, self.config.glossary)
        for d in found:
            log.warning(str(d))
        return pairs

    def _write_study_data(self, site: Path, config: MkDocsConfig, rendered: dict[str, _Rendered]) -> None:
        """study-index.js (every page) and study-cards.js (review and quiz pages)."""
        if self.book is None:
            return
        by_src = {f.src_uri: f for f in self.files} if self.files is not None else {}
        chapters, topics = [], []
        for chapter in self.book.chapters:
            index = by_src.get(f"{chapter.slug}/index.md")
            if index is None or not chapter.topics:
                continue
            chapters.append({"slug": chapter.slug, "title": chapter.title, "url": index.url})
            for topic in chapter.topics:
                file = by_src.get(topic.rel)
                if file is None or not topic.id:
                    continue
                tags = topic.meta.get("tags") if isinstance(topic.meta.get("tags"), list) else []
                questions = _questions_of(topic.rel, rendered[topic.rel].html) if topic.rel in rendered else []
                topics.append(StudyTopic(topic.id, file.url, topic.title or topic.rel, chapter.slug,
                                         [str(t) for t in tags], questions))
        home = by_src.get("index.md")
        pages = {"home": home.url if home else "", **{m: f.url for m, f in self.study_files.items()}}
        out = site / STUDY_DIR
        out.mkdir(parents=True, exist_ok=True)
        (out / "study-index.js").write_text(
            index_script(config.site_name, i18n.strings(self.language), chapters, topics, pages), encoding="utf-8")
        (out / "study-cards.js").write_text(cards_script(topics), encoding="utf-8")

    def _write_exports(self, out: Path, title: str) -> None:
        """book.json and book.apkg beside the PDFs (qabook.export; no MkDocs involved)."""
        from qabook.export import export_anki, export_json

        assert self.book is not None
        out.mkdir(parents=True, exist_ok=True)
        export_json(self.book, out / "book.json", title)
        export_anki(self.book, out / "book.apkg", title, self.language)
