"""The check during `mkdocs build` / `serve`: findings logged (so `--strict` counts them), and
in the live preview a page's own errors shown on the page."""

from __future__ import annotations

from html import escape

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from qabook.check import check_book
from qabook.diagnostics import Diagnostic, said_once
from qabook.model import Book

log = get_plugin_logger(__name__)

PageFindings = dict[str, list[Diagnostic]]  # src_uri → its check errors


def run_check(book: Book, found: list[Diagnostic] | None = None) -> PageFindings:
    """Log every finding of the check (and add it to `found`); return each page's errors, by its
    docs-relative path."""
    by_display = {page.display: rel for rel, page in book.pages.items()}
    by_display |= {d.path: rel for rel in book.other_files for d in book.unreadable if d.path.endswith(rel)}
    findings: PageFindings = {}
    checked = check_book(book)
    for d, line in said_once(checked):  # a long hint the findings share logged once
        (log.error if d.is_error else log.warning)(line)
    for d in checked:
        if found is not None:
            found.append(d)
        if d.is_error and d.path in by_display:
            findings.setdefault(by_display[d.path], []).append(d)
    return findings


def findings_html(found: list[Diagnostic]) -> str:
    """A page's check errors as a warning box (escaped text), for the live preview; no search
    indexes it (`data-search-exclude` for Material's, qabook's takes its documents before the box is added)."""
    items = "".join(f"<li><code>{escape(str(d))}</code></li>" for d in found)
    return (f'<div class="admonition danger qa-findings" role="alert" data-search-exclude><p class="admonition-title">'
            f'qabook check: {len(found)} error(s) on this page</p><ul>{items}</ul></div>')


def unreadable(found: list[Diagnostic]) -> bool:
    """MkDocs cannot read the page (QA001): its findings are shown instead of it."""
    return any(d.code == "QA001" for d in found)


def replace_unreadable_pages(files: Files, findings: PageFindings) -> None:
    """A page MkDocs cannot read: show its findings instead."""
    for rel, found in findings.items():
        file = files.get_file_from_path(rel)
        if file is not None and unreadable(found):
            file.content_string = f"# {escape(rel)}\n\n{findings_html(found)}\n"


def with_findings_box(html: str, found: list[Diagnostic] | None) -> str:
    """The page's HTML with its own errors on top (the live preview)."""
    if found and not unreadable(found):
        return findings_html(found) + "\n" + html
    return html
