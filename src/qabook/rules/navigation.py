"""Rules about the book's shape: chapters, and pages readers can reach."""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from typing import Iterator
from urllib.parse import unquote, urlsplit

from qabook.book import TOPICS_MARKER, lists_topics
from qabook.config import kept_out_of_nav
from qabook.diagnostics import Diagnostic
from qabook.model import Book, Chapter, Page
from qabook.rules import at, rule


def resolve_link(page: Page, href: str) -> tuple[str | None, str]:
    """(docs-relative target path or None for external/same-page links, fragment)."""
    return _resolve(page.rel, href)


#: A link holding none of these is a plain relative path: no scheme, query, fragment or escape,
#: nothing urlsplit would strip (tab, CR, LF).
_NOT_PLAIN = re.compile(r"[:?#%\t\r\n]")


@lru_cache(maxsize=1 << 16)  # three rules resolve every link
def _resolve(rel: str, href: str) -> tuple[str | None, str]:
    if href and href[0] > " " and href[0] != "/" and not _NOT_PLAIN.search(href):
        raw = path = href  # a plain relative path (most links): what urlsplit and unquote give, faster
        fragment = ""
    else:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("/", "mailto:")):
            return None, ""
        fragment = unquote(parts.fragment)
        if not parts.path:
            return rel, fragment
        raw, path = parts.path, unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if raw.endswith("/"):
        target = posixpath.join(target, "index.md")
    return target, fragment


@rule("QA041", "chapter-without-topic", "A chapter folder with no topic page",
      bad="docs/llm/index.md   (and nothing else in docs/llm/)",
      good="docs/llm/index.md\ndocs/llm/01-what-is-llm.md")
def chapter_without_topic(book: Book) -> Iterator[Diagnostic]:
    for chapter in book.chapters:
        if chapter.index and not chapter.topics and not chapter.unreadable:
            yield at(chapter.index, chapter.index.title_line or 1, 1,
                     f"chapter '{chapter.slug}' has no topic page: add a page or remove the chapter")


@rule("QA042", "chapter-without-index", "A chapter folder with topic pages but no index.md",
      bad="docs/llm/01-what-is-llm.md   (no docs/llm/index.md)",
      good="docs/llm/index.md\ndocs/llm/01-what-is-llm.md")
def chapter_without_index(book: Book) -> Iterator[Diagnostic]:
    for chapter in book.chapters:
        if chapter.index is None and chapter.topics and f"{chapter.slug}/index.md" not in chapter.unreadable:
            yield at(chapter.topics[0], 1, 1,
                     f"chapter folder '{chapter.slug}' has no index.md: add one with the chapter title and its topics")


@rule("QA050", "not-in-nav", "A topic page its chapter page does not link where the site is the book "
      "(`home: true`), or mkdocs.yml's nav leaves out",
      bad="# 第一章\n\n1. [什么是大模型？](01-what-is-llm.md)\n   (02-how-llm-works.md is not listed)",
      good="# 第一章\n\n1. [什么是大模型？](01-what-is-llm.md)\n2. [大模型的工作原理](02-how-llm-works.md)\n"
           "   (or, for the whole list: <!-- qabook:topics -->)")
def not_in_nav(book: Book) -> Iterator[Diagnostic]:
    """A chapter page links each of its topics — or lists them all (`<!-- qabook:topics -->`); in
    a site qabook was added to (`home: false`), MkDocs' navigation lists them, not the chapter
    page. A nav written in mkdocs.yml lists every page. A page mkdocs.yml's `not_in_nav` matches
    is left out on purpose: no finding."""
    def on_purpose(page: Page) -> bool:
        return kept_out_of_nav(book.project, page.rel)

    for chapter in book.chapters:
        if chapter.index is None or not book.site_is_book or lists_topics(chapter.index):
            continue
        linked = {resolve_link(chapter.index, link.href)[0] for link in chapter.index.links}
        for topic in chapter.topics:
            if topic.rel not in linked and not on_purpose(topic):
                name = topic.rel.split("/")[-1]
                yield at(topic, topic.title_line or 1, 1,
                         f"topic is not listed on its chapter page {chapter.index.display}: add a link to '{name}' "
                         f"there, or {TOPICS_MARKER} where the list of topics goes")
    if book.nav_pages is not None:
        listed = {p for p, _ in book.nav_pages}
        in_chapters: set[str] = set()
        for chapter in book.chapters:  # one finding a chapter, with the nav entries to paste
            pages = [p for p in (chapter.index, *chapter.topics) if p is not None]
            in_chapters.update(p.rel for p in pages)
            pages = [p for p in pages if not on_purpose(p)]
            missing = [p for p in pages if p.rel not in listed]
            if missing:
                yield at(missing[0], 1, 1, _nav_hint(chapter, missing, len(missing) == len(pages), book.config_display))
        for page in book.pages.values():
            if page.rel not in listed and page.rel not in in_chapters and not on_purpose(page):
                yield at(page, 1, 1, f"page is not in the nav of {book.config_display}: add it there")
        for target, source in book.nav_pages:
            if target not in book.pages and target not in book.other_files and not (book.docs_dir / target).is_file():
                yield Diagnostic(source, 1, 1, "", f"nav lists '{target}', which does not exist")


#: Text YAML reads back as the same string in a flow list: words, spaces between, `./()-`; not
#: what it reads as a number, boolean or null.
_PLAIN_YAML = re.compile(r"\w[\w./()-]*(?: [\w./()-]+)*")
_NOT_A_STRING = re.compile(r"(?i)[-+.]?\d[\d._]*(?:e[-+]?\d+)?|true|false|yes|no|on|off|null|y|n")


def _yaml_scalar(text: str) -> str:
    """A path or title as a YAML flow scalar: as it is when plain, else double-quoted (JSON's
    quoting is YAML's)."""
    if _PLAIN_YAML.fullmatch(text) and not _NOT_A_STRING.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _nav_hint(chapter: Chapter, missing: list[Page], whole: bool, config: str) -> str:
    """QA050 for a chapter: how many of its pages the nav leaves out, and the entry to paste
    under `nav:` (one line of YAML flow style: a section and its pages), or the pages to add to
    the chapter's section when the nav lists some of them already."""
    if whole:
        return (f"the {len(missing)} page(s) of chapter '{chapter.slug}' are not in the nav of {config}: "
                f"add this line under 'nav:' there: {nav_line(chapter.title, [p.rel for p in missing])}")
    return (f"{len(missing)} page(s) of chapter '{chapter.slug}' are not in the nav of {config}: "
            f"add them to its section there: [{', '.join(_yaml_scalar(p.rel) for p in missing)}]")


def nav_line(title: str, paths: list[str]) -> str:
    """A chapter's entry for mkdocs.yml's `nav:`, one line of YAML flow style that reads back as
    the title and the docs-relative paths (QA050, and `qabook import` into a site with a nav)."""
    return f"- {_yaml_scalar(title)}: [{', '.join(_yaml_scalar(p) for p in paths)}]"


#: Names qabook's output takes, and what takes them (a page or folder of that name would be replaced).
RESERVED_NAMES = {
    "print": "each chapter's print page is <chapter>/print/",
    "study": "the review and quiz pages are study/review/ and study/quiz/",
    "search": "qabook's search index is search/qabook/",
    "assets": "qabook's scripts and styles are assets/qabook/",
    "pdf": "the PDFs and the exports go to pdf/",
    "tags": "the tags page is tags/",
    "404": "the page-not-found page is 404.html",
}


def _pdf_dir(book: Book) -> str:
    return str(getattr(book.project, "pdf_dir", "pdf") or "pdf")


@rule("QA043", "reserved-name", "A chapter or topic named like a page or folder qabook's output uses (print, study, search, assets, pdf, tags, 404)",
      bad="docs/llm/print.md", good="docs/llm/printing.md")
def reserved_name(book: Book) -> Iterator[Diagnostic]:
    reserved = dict(RESERVED_NAMES)
    pdf_dir = _pdf_dir(book).strip("/")
    if pdf_dir != "pdf" and "/" not in pdf_dir:
        reserved[pdf_dir] = f"the PDFs and the exports go to {pdf_dir}/ (the plugin's pdf_dir)"
        reserved.pop("pdf")
    for chapter in book.chapters:
        if chapter.slug.lower() in reserved:
            page = chapter.index or (chapter.topics[0] if chapter.topics else None)
            if page is not None:
                yield at(page, 1, 1, f"chapter folder '{chapter.slug}' has a name qabook's output uses "
                                     f"({reserved[chapter.slug.lower()]}): rename the folder")
        for page in chapter.topics:
            stem = page.rel.rsplit("/", 1)[-1][:-3]
            if stem.lower() in reserved:
                yield at(page, 1, 1, f"topic file '{stem}.md' has a name qabook's output uses "
                                     f"({reserved[stem.lower()]}), so the generated page would replace it: "
                                     "rename the file")
