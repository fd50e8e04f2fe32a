"""Rules about links between pages."""

from __future__ import annotations

from typing import Iterator

from qabook.diagnostics import Diagnostic
from qabook.model import Book
from qabook.rules import at, rule
from qabook.rules.navigation import resolve_link


@rule("QA051", "broken-link", "A link to a page or file that does not exist",
      bad="见 [工作原理](02-how-it-works.md)", good="见 [工作原理](02-how-llm-works.md)")
def broken_link(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        for link in page.links:
            target, _ = resolve_link(page, link.href)
            if target is None or target in book.pages or target in book.other_files:
                continue
            yield at(page, link.line, link.column,
                     f"link target '{link.href}' does not exist: expected a file under {book.docs_dir.name}/")


@rule("QA052", "broken-anchor", "A link to an anchor that the target page does not have",
      bad="见 [自注意力](02-how-llm-works.md#no-such-heading)",
      good="见 [自注意力](02-how-llm-works.md#q1)")
def broken_anchor(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        for link in page.links:
            target, fragment = resolve_link(page, link.href)
            if target is None or not fragment or target not in book.pages:
                continue
            anchors = book.pages[target].anchors
            if fragment not in anchors:
                known = ", ".join(sorted(anchors)[:6]) or "none"
                yield at(page, link.line, link.column,
                         f"anchor '#{fragment}' is not on {target}: known anchors include {known}")
