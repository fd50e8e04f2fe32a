"""Assemble print HTML for a chapter or the whole book, answers and explanations expanded.

Pure: takes the book model and a Markdown-to-HTML function; `qabook.pdf` renders the result
with WeasyPrint. The same HTML shape serves the site's "print this chapter" page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Callable

from qabook.math import render_math
from qabook.model import Book, Chapter, Page

MarkdownToHtml = Callable[[str], str]

_DETAILS_OPEN_RE = re.compile(r'<details class="(answer|explanation)"[^>]*>\s*<summary>(.*?)</summary>', re.S)
_DETAILS_ANY_OPEN_RE = re.compile(r"<details([^>]*)>\s*<summary>(.*?)</summary>", re.S)
_QUESTION_RE = re.compile(r'<div class="admonition question">\s*<p class="admonition-title">(.*?)</p>', re.S)


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
    fragment = _DETAILS_OPEN_RE.sub(r'<div class="qa-part \1"><p class="qa-label">\2</p>', fragment)
    fragment = _DETAILS_ANY_OPEN_RE.sub(r'<div class="qa-details"><p class="qa-label">\2</p>', fragment)
    return fragment.replace("</details>", "</div>")


PRINT_MARKER = "<!-- qabook:print -->"
_ANCHOR_RE = re.compile(r'(id="|href="#)(q\d+)"')


def print_page_markdown(chapter: Chapter) -> str:
    """The site's "print this chapter" page; `PRINT_MARKER` is filled with the rendered topics
    after the build (see `print_page_html`), so no page is ever rendered twice."""
    return "\n".join([
        "---", f"title: {json.dumps('打印本章：' + chapter.title, ensure_ascii=False)}",
        "search:", "  exclude: true", "hide:", "  - navigation", "  - toc", "---", "",
        f"# {chapter.title}", "",
        '<p class="qa-print-hint">本页包含本章全部题目，答案与解析已展开；用浏览器的打印（Ctrl+P）即可打印或存为 PDF。</p>',
        "", PRINT_MARKER, "",
    ])


def print_page_html(topics: list[tuple[str, str, str, str]]) -> str:
    """(topic id, title, link to the topic, rendered HTML) → the chapter, every block open,
    question anchors made unique per topic (q1 → <id>-q1)."""
    out = []
    for tid, title, href, fragment in topics:
        fragment = fragment.replace('<details class="answer">', '<details class="answer" open>')
        fragment = fragment.replace('<details class="explanation">', '<details class="explanation" open>')
        fragment = _ANCHOR_RE.sub(lambda m: f'{m.group(1)}{tid}-{m.group(2)}"', fragment)
        out.append(f'<section class="qa-print-topic"><h2 id="{html.escape(tid)}">'
                   f'<a href="{html.escape(href)}">{html.escape(title)}</a></h2>\n{fragment}</section>')
    return "\n".join(out)


@dataclass
class PrintDoc:
    title: str
    html: str


def _topic_html(topic: Page, render: MarkdownToHtml) -> str:
    tid = topic.id or re.sub(r"\W+", "-", topic.rel)
    body = expand_blocks(render_math(render(page_body(topic)), color="#1a1a1a").html, tid)
    return (f'<section class="topic" id="{tid}">\n<h2 class="topic-title">{html.escape(topic.title or topic.rel)}</h2>\n'
            f"{body}\n</section>")


def _chapter_html(chapter: Chapter, render: MarkdownToHtml, cache: dict[str, str]) -> str:
    for t in chapter.topics:
        if t.rel not in cache:
            cache[t.rel] = _topic_html(t, render)
    topics = "\n".join(cache[t.rel] for t in chapter.topics)
    return (f'<section class="chapter" id="ch-{chapter.slug}">\n'
            f'<h1 class="chapter-title">{html.escape(chapter.title)}</h1>\n{topics}\n</section>')


def _toc(chapters: list[Chapter], with_chapters: bool) -> str:
    items = []
    for ch in chapters:
        sub = "".join(f'<li><a href="#{t.id}">{html.escape(t.title or t.rel)}</a></li>' for t in ch.topics)
        if with_chapters:
            items.append(f'<li class="toc-chapter"><a href="#ch-{ch.slug}">{html.escape(ch.title)}</a><ol>{sub}</ol></li>')
        else:
            items.append(sub)
    return f'<nav class="toc"><h1 class="toc-title">目录</h1><ol>{"".join(items)}</ol></nav>'


def print_document(book: Book, chapters: list[Chapter], render: MarkdownToHtml, *, book_title: str,
                   subtitle: str, stamp: str, css: str, cache: dict[str, str] | None = None) -> PrintDoc:
    """A complete HTML document: cover, contents, then the chapters.

    Pass one `cache` to several calls (a chapter's PDF and the book's) to render each topic once.
    """
    cache = {} if cache is None else cache
    whole = len(chapters) > 1 or subtitle == book_title
    title = book_title if whole else chapters[0].title
    cover = (f'<section class="cover"><p class="cover-book">{html.escape(book_title)}</p>'
             f'<h1 class="cover-title">{html.escape(title)}</h1>'
             f'<p class="cover-sub">{html.escape(subtitle)}</p><p class="cover-stamp">{html.escape(stamp)}</p></section>')
    body = "\n".join(_chapter_html(ch, render, cache) for ch in chapters)
    doc = (f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
           f"<style>{css}</style></head><body>{cover}{_toc(chapters, whole)}{body}</body></html>")
    return PrintDoc(title, doc)
