"""Content safety: raw HTML that could run script in a reader's browser is an error.

A book is untrusted input: pages may be pasted from anywhere. By default these are refused
(each a finding at its line): `<script>`, `<iframe>`, `<object>`, `<embed>`, `<style>`,
`<base>`, `<meta>`, `<link>`, `<form>` elements, `on…=` event attributes, and `javascript:`,
`vbscript:` or `data:` URLs (a `data:image/…` picture is fine). A trusted book can allow some by
name with the plugin option `allow_html` (e.g. `[iframe, style]`, or `on*`, `javascript:`).
"""

from __future__ import annotations

import re
from typing import Iterator

from qabook.diagnostics import Diagnostic
from qabook.model import Book, Page
from qabook.rules import at, rule

UNSAFE_TAGS = ("script", "iframe", "frame", "object", "embed", "style", "base", "meta", "link", "form")
_TAG_RE = re.compile(r"<\s*(" + "|".join(UNSAFE_TAGS) + r")\b", re.I)
_EVENT_ATTR_RE = re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.I | re.S)
_URL_ATTR_RE = re.compile(r"""\b(?:href|src|action|formaction|xlink:href|data|poster|srcdoc)\s*=\s*["']?\s*([a-z][a-z0-9+.\-]*:)""", re.I)
_MD_URL_RE = re.compile(r"\]\(\s*<?\s*([a-z][a-z0-9+.\-]*:)", re.I)
_MD_REF_RE = re.compile(r"^\s*\[[^\]]+\]:\s*<?\s*([a-z][a-z0-9+.\-]*:)", re.I | re.M)
_DATA_IMAGE_RE = re.compile(r"data:image/(png|jpe?g|gif|webp)[;,]", re.I)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def _scheme_problem(scheme: str, rest: str, allowed: frozenset[str]) -> str | None:
    scheme = re.sub(r"\s", "", scheme.lower())
    if scheme not in _BAD_SCHEMES or scheme in allowed:
        return None
    if scheme == "data:" and _DATA_IMAGE_RE.match(rest.lstrip(" <\"'")):
        return None
    return f"a '{scheme}' URL can run script in a reader's browser"


def page_problems(page: Page, allowed: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(line, column, what is unsafe) for each unsafe construct of a page."""
    for frag in page.raw_html:
        text = frag.href
        for m in _TAG_RE.finditer(text):
            tag = m.group(1).lower()
            if tag not in allowed:
                yield frag.line + text.count("\n", 0, m.start()), frag.column, f"raw <{tag}> element"
        for m in _EVENT_ATTR_RE.finditer(text):
            if "on*" not in allowed and m.group(1).lower() not in allowed:
                yield (frag.line + text.count("\n", 0, m.start()), frag.column,
                       f"event attribute {m.group(1)}= runs script")
        for m in _URL_ATTR_RE.finditer(text):
            why = _scheme_problem(m.group(1), text[m.start(1):], allowed)
            if why:
                yield frag.line + text.count("\n", 0, m.start()), frag.column, why
    for src in page.link_sources:
        text = src.href
        for regex in (_MD_URL_RE, _MD_REF_RE):
            for m in regex.finditer(text):
                why = _scheme_problem(m.group(1), text[m.start(1):], allowed)
                if why:
                    yield src.line + text.count("\n", 0, m.start()), src.column, f"link: {why}"


@rule("QA070", "unsafe-html", "Raw HTML or a URL that could run script in a reader's browser",
      bad='<img src="x.png" onerror="alert(1)">\n[点我](javascript:alert(1))',
      good='![示意图](x.png)\n[出处](https://example.org/)')
def unsafe_html(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        seen: set[tuple[int, str]] = set()
        for line, column, what in page_problems(page, book.allow_html):
            if (line, what) in seen:
                continue
            seen.add((line, what))
            yield at(page, line, column,
                     f"{what}: refused, pages are untrusted; write Markdown instead, or allow it with "
                     "the qabook plugin's allow_html in mkdocs.yml")
