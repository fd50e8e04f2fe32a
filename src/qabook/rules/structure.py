"""Rules about the file itself: readable text, front matter, block and code fences.

The parser finds these while reading; each rule here hands on the parser's findings for its code.
"""

from __future__ import annotations

from typing import Iterator

from qabook.diagnostics import Diagnostic, Severity
from qabook.model import Book
from qabook.rules import rule


def _from_parser(book: Book, code: str) -> Iterator[Diagnostic]:
    yield from (d for d in book.unreadable if d.code == code)
    for page in book.pages.values():
        yield from (d for d in page.structure if d.code == code)


@rule("QA001", "unreadable-file", "A page is binary, not UTF-8, or cannot be read",
      bad="(a page saved as GBK, or an image renamed to .md)",
      good="(the same page saved as UTF-8)", per_page=True)
def unreadable_file(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA001")


@rule("QA003", "unsafe-symlink", "A symbolic link in docs/ that loops, is broken, or leads outside docs/",
      bad="docs/llm/notes.md -> /home/me/private/notes.md", good="(the file copied into docs/llm/)", per_page=True)
def unsafe_symlink(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA003")


@rule("QA004", "skipped-file", "A file under docs/ the build cannot use: a FIFO, socket or device, or a name that is not UTF-8 (skipped)",
      bad="docs/llm/notes.fifo  (a named pipe)", good="(only files and folders under docs/, with UTF-8 names)",
      severity=Severity.WARNING, per_page=True)
def skipped_file(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA004")


@rule("QA005", "invalid-config", "mkdocs.yml cannot be read as YAML settings",
      bad="site_name: [书", good="site_name: 书", per_page=True)
def invalid_config(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA005")


@rule("QA002", "empty-page", "A page holds nothing but white space",
      bad="(an empty file)", good="# 什么是大模型？\n\n/// question\n请解释什么是大模型？\n///", per_page=True)
def empty_page(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA002")


@rule("QA010", "invalid-front-matter", "Front matter is not closed, not YAML, or not a mapping",
      bad="---\nid: [what-is-llm\n---", good="---\nid: what-is-llm\n---", per_page=True)
def invalid_front_matter(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA010")


@rule("QA020", "unclosed-block", "A `///` block is opened and never closed",
      bad="/// answer\n大模型指的是……\n\n/// explanation", good="/// answer\n大模型指的是……\n///", per_page=True)
def unclosed_block(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA020")


@rule("QA021", "stray-block-close", "A `///` closing line that closes no open block",
      bad="/// answer\n大模型指的是……\n///\n///", good="/// answer\n大模型指的是……\n///", per_page=True)
def stray_block_close(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA021")


@rule("QA022", "unknown-block-type", "A `///` block of a type the site does not render",
      bad="/// anwser\n……\n///", good="/// answer\n……\n///", per_page=True)
def unknown_block_type(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA022")


@rule("QA023", "unclosed-code-fence", "A code fence never closed at its own indent: the site shows the fence and the code as text",
      bad="```python\nprint(1)\n", good="```python\nprint(1)\n```", per_page=True)
def unclosed_code_fence(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA023")


@rule("QA024", "html-hides-block", "An HTML comment or raw HTML block (`<div>`…) hides a `///` fence, so the site drops a block or part of one",
      bad="/// answer\n大模型指的是……\n<!--\n///\n\n/// explanation\n……\n-->\n///",
      good="/// answer\n大模型指的是……\n<!-- 待补充：更多例子 -->\n///", per_page=True)
def html_hides_block(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA024")


@rule("QA025", "invalid-block-options", "Indented lines right after `/// type` are read as block options; bad ones unmake the block",
      bad="/// answer\n    大模型指的是……\n///", good="/// answer\n大模型指的是……\n///", per_page=True)
def invalid_block_options(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA025")


@rule("QA026", "fence-lookalike", "A line that looks like a `///` fence but holds a non-ASCII space, an invisible character or full-width characters, is indented four spaces or more, or follows a quote or list marker",
      bad="／／／ answer\n大模型指的是……\n///", good="/// answer\n大模型指的是……\n///", per_page=True)
def fence_lookalike(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA026")


@rule("QA027", "too-deep-nesting", "Lists or quotes nested deeper than the site can render (100 levels)",
      bad="- 一\n  - 二\n    - 三 …… (100 levels and more)", good="- 一\n  - 二\n    - 三", per_page=True)
def too_deep_nesting(book: Book) -> Iterator[Diagnostic]:
    return _from_parser(book, "QA027")
