"""Assemble print HTML for a chapter or the whole book, answers and explanations expanded.

Pure: takes the book model and a Markdown-to-HTML function; `qabook.pdf` renders the result
with WeasyPrint. The same HTML shape serves the site's "print this chapter" page.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from qabook.home import with_topic_listing
from qabook.i18n import t
from qabook.textout import html_text, markdown_text
from qabook.math import render_math
from qabook.vocabulary import parts
from qabook.model import Book, Chapter, Page

MarkdownToHtml = Callable[[str], str]

def _details_open_re() -> re.Pattern[str]:
    """A collapsed block of the vocabulary (answer, explanation, …), as pymdownx renders it."""
    names = "|".join(re.escape(b.name) for b in parts() if b.element == "details")
    return re.compile(rf'<details class="({names})(?: [^"<>]*)?"[^>]*>\s*<summary>(.*?)</summary>', re.S)
_DETAILS_ANY_OPEN_RE = re.compile(r"<details([^>]*)>\s*<summary>(.*?)</summary>", re.S)
_QUESTION_RE = re.compile(r'<div class="admonition question(?: [^"<>]*)?">\s*<p class="admonition-title">(.*?)</p>', re.S)


def page_body(page: Page) -> str:
    """The page's Markdown without front matter and without its H1 (the title is set apart)."""
    lines = page.source_lines[page.meta_end:] if page.meta_end else page.source_lines
    out, dropped = [], False
    for line in lines:
        if not dropped and re.match(r"^#\s", line):
            dropped = True
            continue
        out.append(line)
    return "\n".join(out)


def expand_blocks(fragment: str, topic_id: str) -> str:
    """<details> → always-open sections; each question gets a numbered heading for the outline."""
    counter = 0

    def question(m: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        return (f'<div class="qa-question" id="{topic_id}-q{counter}">'
                f'<h3 class="qa-label qa-qlabel">{m.group(1)} {counter}</h3>')

    fragment = _QUESTION_RE.sub(question, fragment)
    fragment = _details_open_re().sub(r'<div class="qa-part \1"><p class="qa-label">\2</p>', fragment)
    fragment = _DETAILS_ANY_OPEN_RE.sub(r'<div class="qa-details"><p class="qa-label">\2</p>', fragment)
    return fragment.replace("</details>", "</div>")


#: Where the print page takes its topics: an element (the sanitiser drops comments), replaced after the build.
PRINT_MARKER = '<div class="qa-print-topics"></div>'
_ANCHOR_RE = re.compile(r'(id="|href="#)(q\d+)"')


def print_page_markdown(chapter: Chapter, language: str | None = None) -> str:
    """The site's "print this chapter" page; `PRINT_MARKER` is filled with the rendered topics
    after the build (see `print_page_html`), so no page is ever rendered twice."""
    return "\n".join([
        "---", f"title: {json.dumps(t(language, 'print.title', title=chapter.title), ensure_ascii=False)}",
        "search:", "  exclude: true", "hide:", "  - navigation", "  - toc", "---", "",
        f"# {markdown_text(chapter.title)}", "",
        f'<p class="qa-print-hint">{t(language, "print.hint")}</p>',  # on screen only (qabook.css)
        "", PRINT_MARKER, "",
    ])


_H1_RE = re.compile(r"<h1\b[^>]*>.*?</h1>\s*", re.S)
#: A collapsed part of the vocabulary without `open`: opened for print.
_CLOSED_PART_RE = re.compile(r'(<details class="(?:%s)(?: [^"<>]*)?")>' % "|".join(re.escape(b.name) for b in parts()))
_BUTTON_RE = re.compile(r'<a\b[^>]*class="md-button[^"]*"[^>]*>.*?</a>\s*', re.S)


def print_page_html(topics: list[tuple[str, str, str, str]], intro: str = "") -> str:
    """(topic id, title, link to the topic, rendered HTML) → the chapter, every block open,
    question anchors made unique per topic (q1 → <id>-q1). `intro` is the chapter page's own
    rendered content (introductions, summaries), shown first without its title and buttons.
    Each topic's own <h1> gives way to the linked <h2>, so no title is printed twice."""
    out = []
    if intro:
        intro = _BUTTON_RE.sub("", _H1_RE.sub("", intro, count=1))
        out.append(f'<section class="qa-print-intro">\n{intro}</section>')
    for tid, title, href, fragment in topics:
        fragment = _H1_RE.sub("", fragment, count=1)
        fragment = _CLOSED_PART_RE.sub(r"\1 open>", fragment)
        fragment = _ANCHOR_RE.sub(lambda m: f'{m.group(1)}{tid}-{m.group(2)}"', fragment)
        out.append(f'<section class="qa-print-topic"><h2 id="{html_text(tid)}">'
                   f'<a href="{html_text(href)}">{html_text(title)}</a></h2>\n{fragment}</section>')
    return "\n".join(out)


#: A question's part on the site's print page, filled from the chapter's cards by print.js.
CARD_SLOT = '<template data-qa-card="{key}" data-qa-part="{part}"></template>'


def _between_tags(text: str, start: int, end: int) -> bool:
    """Whether only white space stands between a tag's '>' and `start`, and between `end` and a '<'."""
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return before >= 0 and text[before] == ">" and end < len(text) and text[end] == "<"


def slot_cards(html_out: str, parts: list[tuple[str, str, str]]) -> str:
    """The print page's HTML with each question's part (key, part letter, its HTML exactly as the
    chapter's cards hold it) replaced by a `CARD_SLOT`, in order: the page then holds a topic's
    questions once, in the cards, instead of twice. A part is replaced only where its bytes stand
    whole between two tags (so a slot never lands inside an attribute or a text); a part the print
    page changed (an anchor renamed, a block opened) is not found and stays. print.js puts the
    same bytes back, so the page reads as before."""
    out, cursor = [], 0
    for key, part, text in parts:
        slot = CARD_SLOT.format(key=html.escape(key), part=part)
        if not text.startswith("<") or not text.endswith(">") or len(text.encode("utf-8")) <= len(slot):
            continue  # the part is not whole elements, or a slot would not be smaller
        at = html_out.find(text, cursor)
        while at >= 0 and not _between_tags(html_out, at, at + len(text)):
            at = html_out.find(text, at + 1)
        if at < 0:
            continue
        out += [html_out[cursor:at], slot]
        cursor = at + len(text)
    out.append(html_out[cursor:])
    return "".join(out)


@dataclass
class PrintDoc:
    title: str
    html: str


_IMG_RE = re.compile(r"<img\b[^>]*>", re.I)
_ATTR_RE = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""


def _attr(tag: str, name: str) -> str | None:
    m = re.search(_ATTR_RE.format(name=name), tag, re.I)
    return html.unescape(next(g for g in m.groups() if g is not None)) if m else None


def localize_images(fragment: str, page_path: Path, docs_dir: Path, language: str | None = None) -> str:
    """Point each <img> of a page at its file (absolute file: URL), so a print document that
    gathers pages from several folders finds them; an image from another host or outside the
    docs folder becomes a labelled placeholder (PDFs never fetch from the network)."""
    docs = docs_dir.resolve()

    def placeholder(key: str, src: str, alt: str) -> str:
        label = html.escape(t(language, key, alt=alt or "", src=src))
        return f'<span class="qa-image-missing">{label}</span>'

    def repl(m: re.Match[str]) -> str:
        tag = m.group(0)
        src = (_attr(tag, "src") or "").strip()
        alt = _attr(tag, "alt") or ""
        parts = urlsplit(src)
        if src.startswith("data:"):
            return tag
        if parts.scheme or parts.netloc:
            return placeholder("pdf.remote_image", src, alt)
        target = (page_path.parent / unquote(parts.path)).resolve()
        if not src or not target.is_file() or docs not in target.parents:
            return placeholder("pdf.missing_image", src, alt)
        return re.sub(_ATTR_RE.format(name="src"), lambda _: f'src="{html.escape(target.as_uri())}"', tag,
                      count=1, flags=re.I)

    return _IMG_RE.sub(repl, fragment)


def _topic_html(topic: Page, render: MarkdownToHtml, docs_dir: Path | None = None,
                language: str | None = None) -> str:
    tid = _topic_anchor(topic)
    rendered = render_math(render(page_body(topic)), color="#1a1a1a", language=language).html
    if docs_dir is not None:
        rendered = localize_images(rendered, topic.path, docs_dir, language)
    body = expand_blocks(rendered, tid)
    return (f'<section class="topic" id="{tid}">\n<h2 class="topic-title">{html_text(topic.title or topic.rel)}</h2>\n'
            f"{body}\n</section>")


_HREF_RE = re.compile(r'(<a\b[^>]*?\b)href="([^"]*)"')
_MARKER_RE = re.compile(r"<!--\s*qabook:\w+\s*-->")


def relink(fragment: str, page_rel: str, own: str, targets: dict[str, str]) -> str:
    """A page's links as a PDF can follow them. `targets`: docs-relative path → anchor of each
    page this document holds. A link to one of them leads to its anchor (`#qN`: that question's,
    as `expand_blocks` names it); `#qN` alone, to the question of this page (`own`, its anchor);
    any other relative address (a page or file this document does not hold) keeps its words and
    loses its link, since WeasyPrint would make it a file: link into the author's docs folder.
    Links to another host are left as they are."""
    def repl(m: re.Match[str]) -> str:
        href = html.unescape(m.group(2))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return m.group(0)
        if not parts.path:
            if own and re.fullmatch(r"q\d+", parts.fragment):
                return f'{m.group(1)}href="#{html.escape(own)}-{parts.fragment}"'
            return m.group(0)
        target = targets.get(posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), unquote(parts.path))))
        if target is None:
            return f'{m.group(1)}data-qa-unlinked="{m.group(2)}"'
        if re.fullmatch(r"q\d+", parts.fragment):
            target += "-" + parts.fragment  # the question's anchor in the PDF (expand_blocks)
        return f'{m.group(1)}href="#{html.escape(target)}"'

    return _HREF_RE.sub(repl, fragment)


def _chapter_intro(chapter: Chapter, render: MarkdownToHtml, docs_dir: Path | None, language: str | None,
                   targets: dict[str, str], cache: dict[str, str]) -> str:
    """The chapter page's own content (introduction, group headings, its list of topics), as
    the "print this chapter" page shows it: without its title and buttons; links to a topic of
    this document point at it inside the PDF (`targets`: docs-relative path → anchor)."""
    index = chapter.index
    if index is None:
        return ""
    key = "intro:" + index.rel  # rendered once for the chapter's PDF and the book's
    if key not in cache:
        body = _MARKER_RE.sub("", with_topic_listing(page_body(index), chapter))
        rendered = (_BUTTON_RE.sub("", render_math(render(body), color="#1a1a1a", language=language).html)
                    if body.strip() else "")
        if rendered and docs_dir is not None:
            rendered = localize_images(rendered, index.path, docs_dir, language)
        cache[key] = rendered
    rendered = cache[key]
    if not rendered.strip():
        return ""
    rendered = relink(rendered, index.rel, "ch-" + chapter.slug, targets)
    return f'<section class="chapter-intro">\n{expand_blocks(rendered, "ch-" + chapter.slug)}\n</section>' \
        if rendered.strip() else ""


def _topic_anchor(topic: Page) -> str:
    return topic.id or re.sub(r"\W+", "-", topic.rel)


def _chapter_html(chapter: Chapter, render: MarkdownToHtml, cache: dict[str, str], docs_dir: Path | None,
                  language: str | None, targets: dict[str, str]) -> str:
    for topic in chapter.topics:
        if topic.rel not in cache:
            cache[topic.rel] = _topic_html(topic, render, docs_dir, language)
    topics = "\n".join(relink(cache[topic.rel], topic.rel, _topic_anchor(topic), targets) for topic in chapter.topics)
    intro = _chapter_intro(chapter, render, docs_dir, language, targets, cache)
    return (f'<section class="chapter" id="ch-{chapter.slug}">\n'
            f'<h1 class="chapter-title">{html_text(chapter.title)}</h1>\n{intro}{topics}\n</section>')


def _toc(chapters: list[Chapter], with_chapters: bool, language: str | None) -> str:
    items = []
    for ch in chapters:
        sub = "".join(f'<li><a href="#{tp.id}">{html_text(tp.title or tp.rel)}</a></li>' for tp in ch.topics)
        if with_chapters:
            items.append(f'<li class="toc-chapter"><a href="#ch-{ch.slug}">{html_text(ch.title)}</a><ol>{sub}</ol></li>')
        else:
            items.append(sub)
    return f'<nav class="toc"><h1 class="toc-title">{t(language, "print.contents")}</h1><ol>{"".join(items)}</ol></nav>'


def whole_title(book: Book, site_name: str, language: str | None = None) -> str:
    """The whole book's PDF title (its cover, its document title, its running head): the site's
    name where the site is the book; in a site qabook was added to (`home: false`) the PDF holds
    only the site's Q&A chapters, and its title says so ("Acme Handbook: questions and answers")."""
    return site_name if book.site_is_book else t(language, "pdf.qa_title", site=site_name)


def print_document(book: Book, chapters: list[Chapter], render: MarkdownToHtml, *, book_title: str,
                   subtitle: str, stamp: str, css: str, cache: dict[str, str] | None = None,
                   language: str | None = None, whole: bool | None = None) -> PrintDoc:
    """A complete HTML document: cover, contents, then the chapters.

    `whole`: the whole book (default: more than one chapter), titled with the book's name once
    on its cover, where a chapter's cover names the book above the chapter's title.
    Pass one `cache` to several calls (a chapter's PDF and the book's) to render each topic once.
    """
    cache = {} if cache is None else cache
    whole = len(chapters) > 1 if whole is None else whole
    title = book_title if whole else chapters[0].title
    above = "" if whole else f'<p class="cover-book">{html_text(book_title)}</p>'
    cover = (f'<section class="cover">{above}<h1 class="cover-title{" cover-whole" * whole}">{html_text(title)}</h1>'
             f'<p class="cover-sub">{html_text(subtitle)}</p><p class="cover-stamp">{html_text(stamp)}</p></section>')
    targets = {topic.rel: _topic_anchor(topic) for ch in chapters for topic in ch.topics}
    targets |= {ch.index.rel: f"ch-{ch.slug}" for ch in chapters if ch.index is not None}
    body = "\n".join(_chapter_html(ch, render, cache, book.docs_dir, language, targets) for ch in chapters)
    lang = html.escape(language or "en")
    doc = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html_text(title)}</title>'
           f"<style>{css}</style></head><body>{cover}{_toc(chapters, whole, language)}{body}</body></html>")
    return PrintDoc(title, doc)
