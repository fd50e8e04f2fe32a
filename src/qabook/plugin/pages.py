"""Pages: the Markdown the book model fills in (the home page's chapter table, a chapter
page's PDF and print buttons and question counts) and the rendered HTML's finishing
(question anchors and copy-link, raw images, table alignment, the question outline, formulas)."""

from __future__ import annotations

import posixpath
import re

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from qabook.book import CHAPTERS_MARKER, PDF_MARKER
from qabook.home import chapter_buttons, chapter_listing, mark_chapter_table, with_question_counts, with_topic_listing
from qabook.html import anchor_questions, question_outline
from qabook.math import render_math
from qabook.textout import html_text
from qabook.model import Book, Chapter
from qabook.study.pages import downloads_markdown

log = get_plugin_logger(__name__)

#: Markdown tables align cells with style="text-align: …"; a class does it under a strict CSP.
ALIGN_STYLE_RE = re.compile(r'\sstyle="text-align:\s*(left|right|center);?"')
_RAW_IMG_SRC_RE = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']+)\2""", re.I)


def escape_meta_title(page: MkPage) -> None:
    """MkDocs treats titles as HTML, Material's tags partial tags too: an author's front matter is text."""
    if "title" in page.meta:
        page.meta["title"] = html_text(page.meta["title"])
    if isinstance(page.meta.get("tags"), list):
        page.meta["tags"] = [html_text(tag) for tag in page.meta["tags"]]


def home_markdown(markdown: str, book: Book, pdf_dir: str | None, slug: str, language: str | None,
                  downloads_dir: str | None) -> str:
    """`<!-- qabook:chapters -->` → the chapter table (with PDF links when `pdf_dir`, and the
    book's downloads when `downloads_dir`)."""
    if CHAPTERS_MARKER not in markdown:
        return markdown
    listing = chapter_listing(book, pdf_dir, slug, language)
    if downloads_dir is not None:
        listing += "\n\n" + downloads_markdown(downloads_dir, language)
    return markdown.replace(CHAPTERS_MARKER, listing)


def chapter_markdown(markdown: str, chapter: Chapter, page_url: str, print_file: File | None,
                     pdf_dir: str | None, slug: str, language: str | None) -> str:
    """`<!-- qabook:pdf -->` → the PDF and print buttons; `<!-- qabook:topics -->` → the list of
    its topics; each topic link gets its question count."""
    print_href = get_relative_url(print_file.url, page_url) if print_file else None
    markdown = markdown.replace(PDF_MARKER, chapter_buttons(chapter.slug, pdf_dir, print_href, slug, language))
    markdown = with_topic_listing(markdown, chapter)
    if chapter.topics:
        counts = {topic.rel.split("/")[-1]: len(topic.questions) for topic in chapter.topics}
        markdown = with_question_counts(markdown, counts, language)
    return markdown


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


def outline_questions(html: str, page: MkPage, language: str | None) -> None:
    """On a page with several questions, the table of contents lists them (under the H1)."""
    outline = question_outline(html, language)
    if len(outline) < 2 or page.toc is None:
        return
    items = list(page.toc)
    parent = items[0].children if items and items[0].level == 1 else page.toc.items
    known = {link.id for link in parent}
    parent.extend(AnchorLink(label, anchor, 2) for anchor, label in outline if anchor not in known)


def finish_html(html: str, page: MkPage, files: Files, language: str | None) -> str:
    """Question anchors (q1, q2 …) with copy-link, raw images relinked, table alignment as
    classes (a strict CSP holds), the question outline in the TOC, formulas as SVG."""
    html = anchor_questions(html, language)
    html = mark_chapter_table(html)
    html = relink_raw_images(html, page.file.src_uri, page.url, files)
    html = ALIGN_STYLE_RE.sub(r' class="qa-align-\1"', html)
    outline_questions(html, page, language)
    rendered = render_math(html, language=language)
    for tex in rendered.failures:
        log.warning(f"{page.file.src_uri}: formula cannot be typeset, shown as TeX: {tex}")
    return rendered.html
