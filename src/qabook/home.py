"""Markdown the site generates from the book model: the home page's chapter list, PDF links,
a chapter page's list of topics (`<!-- qabook:topics -->`) and question counts.

PDF links are raw HTML: the PDFs are made after MkDocs has built the pages, so MkDocs'
link validation must not look for them among the docs.
"""

from __future__ import annotations

import posixpath
from html import escape

from qabook.book import TOPICS_MARKER
from qabook.i18n import t
from qabook.model import Book, Chapter
from qabook.pdfnames import book_pdf, chapter_pdf
from qabook.textout import markdown_text

#: Left in the Markdown right before the chapter table; `mark_chapter_table` turns it into an
#: attribute of the rendered table (a class would lose Material's table style), which
#: qabook.css uses to fit the table on a phone.
TABLE_MARKER = "<!-- qabook:chapter-table -->"
#: Interface text qabook writes into a page (counts, buttons, the chapter table) is not the book's
#: words: search leaves out every element with this attribute (qabook.search.extract).
NOT_SEARCHED = "data-search-exclude"
#: Left in the Markdown right before a chapter page's generated list of topics; `mark_generated_lists`
#: turns it into an attribute of the rendered list: interface text, found by the topics' own pages.
TOPIC_LIST_MARKER = "<!-- qabook:topic-list -->"


def chapter_listing(book: Book, pdf_dir: str | None = "pdf", slug: str = "book", language: str | None = None) -> str:
    """The home page's chapter table; with `pdf_dir`, links to the PDFs (which exist only when
    the build made them: pass None otherwise)."""
    chapters = book.printed_chapters
    head = t(language, "home.table_head") + (" PDF |" if pdf_dir else "")
    rows = [head, "|---|---:|---:|" + ("---|" if pdf_dir else "")]
    for ch in chapters:
        title = markdown_text(ch.title).replace("|", "\\|")
        row = f"| [{title}]({ch.slug}/index.md) | {len(ch.topics)} | {ch.question_count} |"
        if pdf_dir:
            name = chapter_pdf(slug, ch.slug)
            row += f' <a href="{pdf_dir}/{name}" download="{name}">{t(language, "pdf.download_chapter")}</a> |'
        rows.append(row)
    questions = sum(ch.question_count for ch in chapters)
    summary = escape(t(language, "home.summary", chapters=len(chapters), topics=len(book.topics), questions=questions))
    out = [f'<p class="qa-book-summary" {NOT_SEARCHED}>{summary}</p>', "", TABLE_MARKER, "", *rows]
    if pdf_dir:
        out += ["", pdf_button(f"{pdf_dir}/{book_pdf(slug)}", t(language, "pdf.download_book"))]
    return "\n".join(out)


def pdf_button(href: str, label: str) -> str:
    """A "download PDF" button (a chapter page's, the home page's, a print page's note): the file
    saved under its own name; interface text, left out of search."""
    name = posixpath.basename(href)
    return f'<a class="md-button" href="{escape(href)}" download="{escape(name)}" {NOT_SEARCHED}>{label}</a>'


def chapter_buttons(chapter_slug: str, pdf_dir: str | None, print_href: str | None, slug: str = "book",
                    language: str | None = None) -> str:
    """The chapter page's "download PDF" (only when PDFs are made) and "print" buttons.
    `print_href` is the print page's URL relative to the chapter page (None: no print page)."""
    out = []
    if pdf_dir:
        out.append(pdf_button(f"../{pdf_dir}/{chapter_pdf(slug, chapter_slug)}", t(language, "pdf.download_chapter")))
    if print_href:
        out.append(f'<a class="md-button" href="{escape(print_href)}" {NOT_SEARCHED}>{t(language, "print.chapter")}</a>')
    return " ".join(out)


def topic_listing(chapter: Chapter) -> str:
    """A chapter's topics as a Markdown list of links, in reading order (`<!-- qabook:topics -->`)."""
    import re

    lines = []
    for topic in chapter.topics:
        title = re.sub(r"([\\`*_\[\]])", r"\\\1", escape(topic.title or topic.rel, quote=False))  # text, not Markdown
        lines.append(f"- [{title}]({topic.rel.split('/')[-1]})")
    return "\n".join(lines)


def with_topic_listing(markdown: str, chapter: Chapter) -> str:
    """A chapter page's TOPICS_MARKER → the list of its topics (a blank line around it)."""
    if TOPICS_MARKER not in markdown:
        return markdown
    return markdown.replace(TOPICS_MARKER, "\n" + TOPIC_LIST_MARKER + "\n\n" + topic_listing(chapter) + "\n")


def with_question_counts(markdown: str, counts: dict[str, int], language: str | None = None) -> str:
    """On a chapter page, '- [标题](01-x.md)' becomes '- [标题](01-x.md) · 3 题' (counts by file name)."""
    import re

    def repl(m: "re.Match[str]") -> str:
        n = counts.get(m.group(2))
        if n is None:
            return m.group(0)
        count = escape(t(language, "chapter.question_count", n=n), quote=False)
        return f'{m.group(0)} <span class="qa-count" {NOT_SEARCHED}>· {count}</span>'  # interface text

    return re.sub(r"^([-*] \[[^\]]*\]\(([^)#]+\.md)\))[ \t]*$", repl, markdown, flags=re.M)


def mark_chapter_table(html: str) -> str:
    """The rendered chapter table gets `data-qa-chapters` (see TABLE_MARKER), a chapter page's
    generated list of topics `data-search-exclude` (see TOPIC_LIST_MARKER): both are interface
    text, their links name chapters and topics found by their own pages."""
    import re

    if TABLE_MARKER in html:
        html = re.sub(re.escape(TABLE_MARKER) + r"\s*<table>", f"<table data-qa-chapters {NOT_SEARCHED}>", html, count=1)
    if TOPIC_LIST_MARKER in html:
        html = re.sub(re.escape(TOPIC_LIST_MARKER) + r"\s*<ul>", f"<ul {NOT_SEARCHED}>", html, count=1)
    return html
