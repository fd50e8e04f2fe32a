"""Shared helpers of the checker-vs-renderer tests: render a page as the site does, count blocks.

`render_page` is Python-Markdown with the extensions and options of the project's mkdocs.yml
(as `qabook.render.markdown_renderer`), after MkDocs' own front-matter split. `rendered_counts`
counts what a reader sees; `checked_counts` counts what the checker parsed.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable

from mkdocs.utils.meta import get_data

from conftest import ROOT
from qabook.check import check_book
from qabook.book import load_book
from qabook.config import load_project
from qabook.diagnostics import Diagnostic, Severity
from qabook.model import QA_TYPES, Page

INDEX = "---\ntitle: 第一章\n---\n\n# 第一章\n\n- [页面](page.md)\n"
_RENDERED = {
    "question": re.compile(r'<div class="admonition question"'),
    "answer": re.compile(r'<details class="answer"'),
    "explanation": re.compile(r'<details class="explanation"'),
}


@lru_cache(maxsize=1)
def _renderer() -> Callable[[str], str]:
    from qabook.render import markdown_renderer

    return markdown_renderer(load_project(ROOT / "mkdocs.yml", ROOT / "docs"))


def render_page(text: str) -> str:
    """The page body's HTML as MkDocs renders it (front matter split off first)."""
    body, _meta = get_data(text)
    return _renderer()(body)


def rendered_counts(html: str) -> Counter[str]:
    return Counter({kind: len(rx.findall(html)) for kind, rx in _RENDERED.items()})


def checked_counts(page: Page) -> Counter[str]:
    return Counter({kind: sum(b.kind == kind for b in page.blocks) for kind in QA_TYPES})


def check_page(text: str) -> tuple[Page | None, list[Diagnostic]]:
    """Check `text` as the one topic page of a one-chapter book; its Page and its findings."""
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        (docs / "ch").mkdir(parents=True)
        (docs / "index.md").write_text("# 首页\n\n[第一章](ch/index.md)\n", encoding="utf-8")
        (docs / "ch" / "index.md").write_text(INDEX, encoding="utf-8")
        (docs / "ch" / "page.md").write_bytes(text.encode("utf-8", "surrogatepass"))
        book = load_book(docs, base=Path(tmp))
        found = [d for d in check_book(book) if d.path.endswith("ch/page.md")]
        return book.pages.get("ch/page.md"), found


def errors(found: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in found if d.severity is Severity.ERROR]
