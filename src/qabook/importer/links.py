"""Links the imported pages cannot keep: to files beside the source document, or to anchors
that no longer exist where the link points (the question moved to its own page).

Such a link is escaped (`\\[text](target)`), so the reader still sees its text and target,
and the page passes the check; each one is reported at its source line.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from qabook.diagnostics import Diagnostic, Severity
from qabook.parser import parse_page
from qabook.rules.navigation import resolve_link


def neutralise_links(pages: list, source: str) -> list[Diagnostic]:
    """Escape the links of planned pages that would be broken; return one warning per link."""
    by_rel = {p.rel: p for p in pages}
    parsed = {p.rel: parse_page(p.text, Path(p.rel), p.rel, p.rel,
                                "chapter" if p.rel.endswith("/index.md") else "topic") for p in pages}
    diags: list[Diagnostic] = []
    for page in pages:
        for link in parsed[page.rel].links:
            target, fragment = resolve_link(parsed[page.rel], link.href)
            if target is None:
                continue
            if target in parsed and (not fragment or fragment in parsed[target].anchors):
                continue
            out, escaped = _escape(page.lines, link.line, link.href)
            if out is None:
                continue
            out.text = escaped
            what = "a file outside the imported chapter" if target not in by_rel else f"an anchor not on {target}"
            diags.append(Diagnostic(source, out.src[0] if out.src else 1, 1, "QI013",
                                    f"link to '{unquote(link.href)}' points to {what}: kept as text", Severity.WARNING))
    return diags


def _escape(lines: list, line: int, href: str) -> tuple[object | None, str]:
    """The page line holding the link (at or after `line`: markdown-it may start a paragraph
    earlier) and its text with the link escaped."""
    for out in lines[max(line - 1, 0):line + 20]:
        for form in dict.fromkeys((href, unquote(href))):  # markdown-it %-encodes the href
            pattern = r"(?<![\\!])\[([^\[\]]*)\]\((?=" + re.escape(form) + ")"
            escaped = re.sub(pattern, r"\\[\1](", out.text, count=1)
            if escaped != out.text:
                return out, escaped
    return None, ""
