"""What the build makes from the book besides its pages: each chapter's print page, the PDFs
(qabook.pdf) and the Anki / JSON exports (qabook.export), next to each other in <site>/<pdf_dir>/."""

from __future__ import annotations

import posixpath
import re
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from qabook.book import CHAPTERS_MARKER, PDF_MARKER
from qabook.config import Project
from qabook.home import pdf_button
from qabook.i18n import t
from qabook.model import Book, Page
from qabook.plugin.preview import Rendered
from qabook.plugin.site import PRINT_JS
from qabook.pdfnames import book_pdf
from qabook.printbook import PRINT_MARKER, print_page_html, print_page_markdown, slot_cards, whole_title
from qabook.safepaths import SITE_MARKER, marker_text
from qabook.study import QuestionHtml

log = get_plugin_logger(__name__)


def mark_site(site: Path) -> None:
    """MkDocs has cleaned and filled the site folder: mark it as qabook's, so that `qabook build`
    may replace it later (a folder without the marker is never replaced)."""
    (site / SITE_MARKER).write_text(marker_text(site), encoding="utf-8")


def add_print_pages(files: Files, config: MkDocsConfig, book: Book, language: str | None) -> dict[str, File]:
    """A "print this chapter" page (<chapter>/print.md, not in the navigation) per chapter with
    topics (`Book.printed_chapters`) and a chapter page; returns them by chapter slug."""
    out = {}
    for chapter in book.printed_chapters:
        if chapter.index is not None:
            file = File.generated(config, f"{chapter.slug}/print.md", content=print_page_markdown(chapter, language),
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            files.append(file)
            out[chapter.slug] = file
    return out


#: A relative address in a page's HTML: `src` or `href` that names no scheme, host, root or anchor.
_URL_ATTR_RE = re.compile(r'(\s(?:src|href)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"]+)(")')


def rebase_urls(html: str, page_url: str, other_url: str) -> str:
    """`html` rendered for the page at `page_url`, its relative addresses rewritten to work from
    `other_url` (a chapter page's picture `img/a.png` is `../img/a.png` on its print page)."""
    base = page_url if not page_url or page_url.endswith("/") else posixpath.dirname(page_url) + "/"

    def repl(m: re.Match[str]) -> str:
        parts = urlsplit(unescape(m.group(2)))
        if not parts.path:
            return m.group(0)
        target = posixpath.normpath(posixpath.join(base, parts.path))
        if target.startswith("../"):  # outside the site: leave it as written
            return m.group(0)
        moved = get_relative_url("" if target == "." else target, other_url)
        moved += "/" if parts.path.endswith("/") and not moved.endswith("/") else ""
        suffix = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
        return f"{m.group(1)}{escape(moved + suffix)}{m.group(3)}"

    return _URL_ATTR_RE.sub(repl, html)


def needs_js_note(print_url: str, pdf: str | None, language: str | None) -> str:
    """What a print page whose questions come from the cards says where JavaScript is off, at
    its top: turn it on, or take the chapter's PDF (`pdf`, site-relative, when this build writes
    it); each topic's title links its own page, which prints without JavaScript. Printed too."""
    link = f'<p>{pdf_button(get_relative_url(pdf, print_url), t(language, "pdf.download_chapter"))}</p>' if pdf else ""
    return (f'<noscript><div class="qa-print-nojs"><p>{t(language, "print.needs_js")}</p>{link}</div>'
            '</noscript>\n')


def fill_print_pages(site: Path, book: Book, print_files: dict[str, File], rendered: dict[str, Rendered],
                     cards: dict[str, tuple[str, dict[str, QuestionHtml]]] | None = None,
                     language: str | None = None, pdfs: dict[str, str] | None = None) -> None:
    """Each chapter's print page: its topics' rendered HTML, answers open. With study mode's
    `cards` (chapter slug → its cards' file and its cards by key), each question's parts are
    left to the chapter's cards (`printbook.slot_cards`), which the page loads with print.js:
    the same HTML in the browser, a topic's questions kept once on disk instead of twice; where
    JavaScript is off, the page says so at its top (`needs_js_note`, with the chapter's PDF from
    `pdfs`, chapter slug → site-relative path, when this build writes them)."""
    cards, pdfs = cards or {}, pdfs or {}
    for chapter in book.chapters:
        file = print_files.get(chapter.slug)
        if file is None:
            continue
        target = site / file.dest_uri
        print_url = file.url
        topics = []
        for topic in chapter.topics:
            if topic.rel in rendered:
                url, title, html, _ = rendered[topic.rel]
                topics.append((topic.id or topic.rel, unescape(title), get_relative_url(url, print_url),
                               rebase_urls(str(html), url, print_url)))  # (str: it may be held packed)
        index = rendered.get(chapter.index.rel) if chapter.index else None
        intro = rebase_urls(str(index.html), index.url, print_url) if index else ""
        filled = print_page_html(topics, intro)
        text = target.read_text(encoding="utf-8")
        if chapter.slug in cards:
            script, by_key = cards[chapter.slug]
            parts = [(key, part, getattr(q, name)) for key, q in by_key.items()
                     for part, name in (("q", "question"), ("a", "answer"), ("e", "explanation"))]
            slotted = slot_cards(filled, parts)
            if slotted != filled:
                filled = (needs_js_note(print_url, pdfs.get(chapter.slug), language) + slotted
                          + f'\n<script src="{get_relative_url(script, print_url)}"></script>'
                          f'\n<script src="{get_relative_url(PRINT_JS, print_url)}" '
                          f'data-qa-chapter="{escape(chapter.slug)}"></script>')
        target.write_text(text.replace(PRINT_MARKER, filled, 1), encoding="utf-8")


def write_pdfs(project: Project, book: Book, out: Path, paper: str, jobs: int) -> None:
    """Every chapter and the whole book as PDF into `out`; a failure fails the build."""
    from qabook.pdf import plan_jobs, render_all

    planned = plan_jobs(project, book, out, None, False, paper)
    failed = render_all(planned, max(1, jobs), lambda message: log.info(message))
    if failed:
        raise PluginError("PDF failed for " + "; ".join(failed))


def nothing_to_export_note(book: Book) -> str | None:
    """The line for the build log when the book has no chapter with topics, so this build writes
    no PDF, deck or JSON (`Book.nothing_printed`); None when it has one."""
    reason = book.nothing_printed()
    return f"no PDFs and no exports: {reason}" if reason else None


def _has(page: Page | None, marker: str) -> bool:
    return page is not None and any(marker in line for line in page.source_lines)


def unlinked_pdfs_note(book: Book, pdf_dir: str, slug: str = "book", site_name: str = "",
                       language: str | None = None) -> str | None:
    """A line for the build log when some PDF this build wrote is linked by no page: the PDF and
    print buttons come where a chapter page says `<!-- qabook:pdf -->`, the chapter table with
    every PDF where the home page says `<!-- qabook:chapters -->` (None: every PDF is linked).
    In a site qabook was added to, the whole book's PDF holds only the Q&A chapters: the line
    names that file and its title, and says that the table makes the home page qabook's."""
    if _has(book.pages.get("index.md"), CHAPTERS_MARKER) or not book.printed_chapters:
        return None
    unlinked = [ch.index.display for ch in book.printed_chapters if ch.index and not _has(ch.index, PDF_MARKER)]
    whole = "the whole book"
    table = f"{CHAPTERS_MARKER} on the home page for a table of the chapters with every PDF"
    if not book.site_is_book:
        title = whole_title(book, site_name or "qabook", language)
        whole = f"{book_pdf(slug)} (the site's Q&A chapters in one PDF, titled '{title}')"
        table += " (which makes the home page qabook's)"
    which = f"the chapters of {', '.join(unlinked)} and {whole}" if unlinked else whole
    return (f"no page links the PDFs in {pdf_dir.strip('/')}/ of {which}: write {PDF_MARKER} on a "
            f"chapter page for its PDF and print buttons, {table}")


def write_exports(book: Book, out: Path, title: str, language: str | None) -> None:
    """book.json and book.apkg beside the PDFs (qabook.export; no MkDocs involved)."""
    from qabook.export import export_anki, export_json

    out.mkdir(parents=True, exist_ok=True)
    export_json(book, out / "book.json", title)
    export_anki(book, out / "book.apkg", title, language)
