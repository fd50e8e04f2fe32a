"""What the rebuilds of one live preview share.

`mkdocs serve --dirty` (which `qabook serve` runs) renders only the pages that changed, and
MkDocs makes a new plugin for every rebuild: what earlier builds in the same process parsed and
rendered is kept here, so the print pages and the search index stay whole and only changed
files are parsed again; the search index of such a rebuild keeps the last full build's length
normalisation (`SearchMeans`), so only the changed documents are weighed again.
"""

from __future__ import annotations

from typing import NamedTuple

import jinja2
import jinja2.bccache

from qabook.book import PROCESS_CACHE, ParseCache
from qabook.memory import Packed, PackedItems
from qabook.search import SearchDoc
from qabook.study import split_questions


class Rendered(NamedTuple):
    """One rendered page, as the print pages and the search index need it; `html` and `docs`
    are packed (`str(html)` is the text; `docs` iterates afresh) where a one-off build holds
    every page (`packed`)."""
    url: str
    title: str
    html: str | Packed
    docs: "list[SearchDoc] | PackedItems"


#: Parsed pages, by display path (qabook.book.load_book's cache).
PARSED: ParseCache = PROCESS_CACHE
_RENDERED: dict[str, Rendered] = {}  # src_uri → the page as last rendered
_STUDY: dict[str, tuple[str, list]] = {}  # src_uri → (its rendered HTML, its questions for study mode)
_MEANS: list[dict[str, float] | None] = [None]  # search field means of the last full build


def all_rendered(present: set[str], rendered: dict[str, Rendered]) -> dict[str, Rendered]:
    """Every page of this build (`present`) as last rendered: this build's (`rendered`), else an
    earlier one's in this process (a dirty rebuild renders only changed pages); in this build's order."""
    merged = {k: v for k, v in _RENDERED.items() if k in present}
    merged.update(rendered)
    _RENDERED.clear()
    _RENDERED.update(merged)
    return merged


def let_go_html(*held: dict[str, Rendered]) -> None:
    """A one-off build, its print pages and study data written: each page's HTML and its
    questions split for study mode are let go (the search index, built next, needs only the
    documents; at 10,000 pages they were ≈ 120 MB)."""
    for rendered in held:
        for src, page in rendered.items():
            rendered[src] = page._replace(html="")
    _RENDERED.clear()
    _STUDY.clear()


def questions_of(src_uri: str, html: str | Packed) -> list:
    """A page's questions for study mode, split again only when the page was rendered again
    (a live-preview save re-renders one page, not the book)."""
    cached = _STUDY.get(src_uri)
    if cached is None or cached[0] is not html:
        cached = _STUDY[src_uri] = (html, split_questions(str(html)))
    return cached[1]


def packed(rendered: Rendered, questions: list | None) -> tuple[Rendered, list | None]:
    """A page as a worker of a one-off build hands it over: its HTML packed, and its questions
    (spans of that HTML) reading the packed HTML (`qabook.memory.Packed`: ≈ a sixth of the
    memory, for a page every page of which the build's parent holds at once)."""
    if not isinstance(rendered.html, str):
        return rendered, questions
    html = Packed(rendered.html)
    if questions is not None:
        questions = [q.reading(html) for q in questions]
    # its search documents too (`PackedItems`: read page by page by the index, which goes over
    # the book's documents a few times: their fields and term counts were half of what the
    # parent held of a page)
    docs = PackedItems(rendered.docs) if isinstance(rendered.docs, list) and rendered.docs else rendered.docs
    return rendered._replace(html=html, docs=docs), questions


def take_split_questions(src_uri: str) -> list | None:
    """The questions `questions_of` split for the page, if it did, let go here (a worker hands
    them over)."""
    cached = _STUDY.pop(src_uri, None)
    return cached[1] if cached else None


def keep_split_questions(src_uri: str, html: str, questions: list) -> None:
    """Questions split in a worker process, for the page's HTML as the parent holds it."""
    _STUDY[src_uri] = (html, questions)


def search_means(full_build: bool, weigh) -> dict[str, float]:
    """The search index's field means: weighed anew (`weigh()`) on a build that rendered every
    page, else those of the last full build in this process."""
    if _MEANS[0] is None or full_build:
        _MEANS[0] = weigh()
    return _MEANS[0]


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


TEMPLATES = _MemoryBytecodeCache()
