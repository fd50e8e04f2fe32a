"""Each question's parts as the site renders them, standalone, for the exports.

A topic page is rendered whole with the project's Markdown extensions, through the same
sanitiser as the site (`qabook.render.markdown_instance`), then split into its questions
(`qabook.study.cards`): tables and raw HTML the site shows are kept, block options are options,
not text. Code is highlighted with inline colours and formulas become inline SVG, so the HTML
stands alone (an Anki card, a JSON consumer) with no stylesheet and no outside request.
Pictures from inside the book are listed per part, for the exports to package or point at.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import unquote, urlsplit

from qabook.math import render_math
from qabook.model import Book, Page

#: What `render_block` renders with when there is no project (the site's usual extensions).
BLOCK_DEFAULT_EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.highlight",
                            "pymdownx.inlinehilite", "pymdownx.superfences", {"pymdownx.arithmatex": {"generic": True}}]
#: Code highlighted with inline colours: the HTML needs no stylesheet.
STANDALONE = {"pymdownx.highlight": {"noclasses": True, "use_pygments": True}}


@dataclass
class Part:
    """One rendered question, answer or explanation: its HTML and the pictures it shows
    (docs-relative paths of files inside the book)."""

    html: str
    images: list[str] = field(default_factory=list)


@dataclass
class RenderedQuestion:
    question: Part
    answer: Part | None
    explanation: Part | None


_IMG_SRC_RE = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")', re.I)


def _local_image(page: Page, book: Book, src: str) -> str | None:
    """The docs-relative path of a picture `src` (as written in the page) names, if it is a file of the book."""
    parts = urlsplit(html_lib.unescape(src))
    if parts.scheme or parts.netloc or not parts.path:
        return None
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), unquote(parts.path)))
    if rel.startswith("../") or rel == "..":
        return None
    return rel if (book.docs_dir / rel).is_file() else None


def _part(fragment: str, page: Page, book: Book) -> Part:
    images: list[str] = []

    def repl(m: re.Match[str]) -> str:
        rel = _local_image(page, book, m.group(2))
        if rel is None:
            return m.group(0)
        if rel not in images:
            images.append(rel)
        return f"{m.group(1)}{html_lib.escape(rel, quote=True)}{m.group(3)}"

    return Part(_IMG_SRC_RE.sub(repl, fragment), images)


def rendered_questions(book: Book) -> dict[str, list[RenderedQuestion]]:
    """page.rel → its questions as rendered, in order (computed once per book)."""
    cached = book.__dict__.get("_exported")
    if cached is not None:
        return cached
    from qabook.render import markdown_instance
    from qabook.study.cards import split_questions

    md = markdown_instance(book.project, overrides=STANDALONE)
    language = book.project.language
    out: dict[str, list[RenderedQuestion]] = {}
    for chapter in book.chapters:
        for page in chapter.topics:
            md.reset()
            body = "\n".join(page.source_lines[page.meta_end:])
            rendered = render_math(md.convert(body), language=language).html
            out[page.rel] = [RenderedQuestion(_part(q.question, page, book),
                                              _part(q.answer, page, book) if q.answer else None,
                                              _part(q.explanation, page, book) if q.explanation else None)
                             for q in split_questions(rendered)]
    book.__dict__["_exported"] = out
    return out


def relink_images(part: Part, name: Callable[[str], str]) -> str:
    """The part's HTML with each book picture's src replaced by `name(docs-relative path)`."""
    if not part.images:
        return part.html
    wanted = set(part.images)

    def repl(m: re.Match[str]) -> str:
        rel = html_lib.unescape(m.group(2))
        return f"{m.group(1)}{html_lib.escape(name(rel), quote=True)}{m.group(3)}" if rel in wanted else m.group(0)

    return _IMG_SRC_RE.sub(repl, part.html)


def render_block(lines: list[str]) -> str:
    """The Markdown of one block (its lines) as standalone HTML, through the site's sanitiser."""
    from qabook.config import project_from_dict
    from qabook.render import markdown_instance

    project = project_from_dict({"markdown_extensions": BLOCK_DEFAULT_EXTENSIONS}, None)
    md = markdown_instance(project, overrides=STANDALONE)
    return render_math(md.convert("\n".join(lines))).html
