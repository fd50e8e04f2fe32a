"""Rules about links between pages."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urlsplit

from qabook.diagnostics import Diagnostic, Severity
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


@rule("QA053", "missing-image", "An image whose local file does not exist",
      bad="![结构图](img/transformer.png)   (no docs/llm/img/transformer.png)",
      good="![结构图](img/transformer.png)   (docs/llm/img/transformer.png exists)")
def missing_image(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        for image in page.images:
            if not image.href.strip():
                yield at(page, image.line, image.column, "image with an empty source: give the image file's path")
                continue
            if _is_remote(image.href) or image.href.startswith("data:"):
                continue
            target, _ = resolve_link(page, image.href)
            if target is None or target in book.other_files or target in book.pages:
                continue
            yield at(page, image.line, image.column,
                     f"image '{image.href}' does not exist: expected the file {target} under "
                     f"{book.docs_dir.name}/")


@rule("QA054", "remote-image", "A picture, sound or video from another host: left out of the site and the PDF (pages load nothing from elsewhere)",
      bad="![图](https://example.org/a.png)", good="![图](img/a.png)   (the file copied into the chapter folder)",
      severity=Severity.WARNING, per_page=True)
def remote_image(book: Book) -> Iterator[Diagnostic]:
    from qabook.rules.safety import is_remote_resource, removals

    for page in book.pages.values():
        for image in page.images:
            if _is_remote(image.href):
                yield at(page, image.line, image.column, _remote_message(image.href))
    for f in removals(book):  # srcset, poster, <audio>/<video>/<source> src: the sanitiser's finding
        if is_remote_resource(f.removal) and not (f.removal.tag == "img" and f.removal.attribute == "src"):
            yield at(f.page, f.line, f.column, _remote_message(f.removal.value, f.removal.attribute))


def _remote_message(url: str, attribute: str = "image") -> str:
    what = "image" if attribute == "image" else f"{attribute}="
    return (f"{what} '{url}' is on another host: the site and the PDF leave it out (pages load nothing from "
            "elsewhere); copy the file into docs/ and link it relatively")


def _is_remote(src: str) -> bool:
    parts = urlsplit(src.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https", "ftp")
