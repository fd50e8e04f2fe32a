"""Rules about headings."""

from __future__ import annotations

from typing import Iterator

from qabook.diagnostics import Diagnostic
from qabook.model import Book
from qabook.rules import at, rule


@rule("QA060", "skipped-heading-level", "A heading more than one level below the heading before it",
      bad="# 标题\n\n### 小节", good="# 标题\n\n## 小节", per_page=True)
def skipped_heading_level(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        previous = None
        for h in page.headings:
            if previous is not None and h.level > previous + 1:
                yield at(page, h.line, 1,
                         f"heading level {h.level} follows level {previous}: use {'#' * (previous + 1)} (level {previous + 1})")
            previous = h.level
