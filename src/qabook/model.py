"""The book model: Book → Chapter → Page (topic) → Question → Block, with source positions.

Plain data, filled by `qabook.parser` and `qabook.book`; rules read it and never change it.
Lines and columns are 1-based, counted in the page's own file (front matter included).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qabook.diagnostics import Diagnostic
from qabook.vocabulary import qa_types

#: The block types that make up a question, in the order they must appear (see qabook.vocabulary).
QA_TYPES = qa_types()


@dataclass(slots=True)
class Block:
    """A fenced `/// type | title` block; `end` is None when it was never closed."""

    kind: str
    line: int
    column: int
    end: int | None
    title: str | None = None
    content: list[str] = field(default_factory=list)
    depth: int = 0  # 0 = at the top level of the page

    @property
    def is_empty(self) -> bool:
        return not any(line.strip() for line in self.content)


@dataclass(slots=True)
class Question:
    """A question block and the answer/explanation blocks that follow it."""

    number: int  # 1-based position in the page; anchor "q<number>"
    question: Block
    parts: list[Block] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"q{self.number}"

    def first(self, kind: str) -> Block | None:
        return next((b for b in self.parts if b.kind == kind), None)

    @property
    def answer(self) -> Block | None:
        return self.first("answer")

    @property
    def explanation(self) -> Block | None:
        return self.first("explanation")


@dataclass(slots=True)
class Heading:
    level: int
    text: str
    line: int
    anchor: str


@dataclass(slots=True)
class Link:
    href: str
    line: int
    column: int


@dataclass
class Page:
    """One Markdown page of the docs folder, parsed."""

    path: Path
    rel: str  # docs-relative, POSIX separators
    display: str  # as shown in diagnostics
    kind: str  # "home", "chapter", "topic" or "other" (decided by qabook.book.load_book)
    meta: dict[str, Any] = field(default_factory=dict)
    meta_line: int = 0  # line of the opening '---', 0 when there is no front matter
    meta_end: int = 0  # line of the closing '---'
    title: str | None = None
    title_line: int = 0
    blocks: list[Block] = field(default_factory=list)  # every block, in source order
    questions: list[Question] = field(default_factory=list)
    orphan_parts: list[Block] = field(default_factory=list)  # answers/explanations before any question
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Link] = field(default_factory=list)  # Markdown images and <img src>
    raw_html: list[Link] = field(default_factory=list)  # raw HTML fragments (href = the HTML)
    link_sources: list[Link] = field(default_factory=list)  # inline Markdown source, code spans removed
    anchors: set[str] = field(default_factory=set)
    stray_text: list[tuple[int, int]] = field(default_factory=list)  # (line, column)
    structure: list[Diagnostic] = field(default_factory=list)  # found while parsing
    source_lines: list[str] = field(default_factory=list)
    #: The page's own findings (rules registered per page), with what they were found under:
    #: (settings key, kind, owned, findings) — kept by qabook.check, saved with the parse cache.
    checked: tuple | None = field(default=None, compare=False, repr=False)

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None

    @property
    def chapter_slug(self) -> str | None:
        parts = self.rel.split("/")
        return parts[0] if len(parts) == 2 else None


@dataclass
class Chapter:
    slug: str  # the folder name under docs/
    index: Page | None
    topics: list[Page] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # topic files that could not be parsed

    @property
    def title(self) -> str:
        return (self.index.title if self.index and self.index.title else None) or self.slug

    @property
    def question_count(self) -> int:
        return sum(len(t.questions) for t in self.topics)


@dataclass
class Book:
    docs_dir: Path
    pages: dict[str, Page] = field(default_factory=dict)  # by docs-relative path
    chapters: list[Chapter] = field(default_factory=list)
    unreadable: list[Diagnostic] = field(default_factory=list)
    other_files: set[str] = field(default_factory=set)  # non-Markdown files (images, css…)
    nav_pages: list[tuple[str, str]] | None = None  # (page, source) from mkdocs.yml nav, if set
    allow_html: frozenset[str] = frozenset()  # the qabook plugin's `allow_html` (trusted books)
    known_blocks: frozenset[str] | None = None  # `///` types the project renders (None: defaults)
    config_display: str = "mkdocs.yml"
    loose_topics: list[Page] = field(default_factory=list)  # Q&A pages outside the chapters
    ordinary: set[str] = field(default_factory=set)  # docs-relative paths of the site's own pages
    optional: frozenset[str] = frozenset()  # block kinds the book declares optional (vocabulary.need_of)
    files: list[Path] = field(default_factory=list)  # every file of docs_dir the walk found (qabook.book)
    #: the site is the book (plugin option `home`; a bare docs folder too): its chapter pages
    #: list their topics; in a site qabook was added to, MkDocs' navigation lists them
    site_is_book: bool = True
    project: Any = None  # the qabook.config.Project it was loaded with (its Markdown extensions)

    @property
    def topics(self) -> list[Page]:
        """The chapters' topics, in chapter order."""
        return [t for c in self.chapters for t in c.topics]

    @property
    def all_topics(self) -> list[Page]:
        """Every Q&A page: the chapters' topics, then those of no chapter."""
        return self.topics + self.loose_topics

    @property
    def printed_chapters(self) -> list[Chapter]:
        """The chapters with topics: what the PDFs, the Anki deck and the JSON export hold (a
        topic of no chapter is checked, searched and studied, but printed and exported nowhere)."""
        return [c for c in self.chapters if c.topics]

    def nothing_printed(self) -> str | None:
        """Why there is nothing to print or export, when no chapter holds a topic (a PDF, deck
        or JSON made anyway would be empty and only mislead): the topics of no chapter named.
        None when a chapter holds one."""
        if self.printed_chapters:
            return None
        loose = [page.display for page in self.loose_topics]
        if loose:
            pages = ", ".join(loose[:3]) + (" …" if len(loose) > 3 else "")
            named = f"{pages} {'is a topic' if len(loose) == 1 else 'are topics'} of no chapter"
        else:
            named = "no page holds questions"
        return (f"no chapter holds a topic ({named}; a folder of Q&A pages is a chapter, and so is one the "
                "plugin's `chapters:` names)")

    def owns(self, rel: str) -> bool:
        """qabook's page (checked, finished, studied), not one of the site's ordinary pages."""
        return rel not in self.ordinary
