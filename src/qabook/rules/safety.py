"""Content safety: what the sanitiser removed from a page, reported at its source line.

Pages are untrusted input. Every page's HTML leaves the renderer through the allow-list
sanitiser (`qabook.sanitize`, via the `qabook.safe_markdown` extension); the check renders each
page the same way and reports what that pass removed, so the check and the page agree by
construction:

- QA070 (error): what could run script, load from outside or restyle the site — `<script>`,
  `<iframe>`, `<style>` … elements, `on…=` event attributes, `javascript:` / `vbscript:` /
  `data:` links (entities decoded, as the browser reads them);
- QA071 (warning): other markup the site does not keep (an element not on the list such as
  `<textarea>` or `<xmp>`, an unknown attribute, an end tag that closes nothing it opened);
- remote pictures, sounds and videos (`src`, `srcset`, `poster` from another host) are QA054.

A trusted book can keep more with the plugin option `allow_html` (see qabook.sanitize).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Iterator

from qabook.diagnostics import Diagnostic, Severity
from qabook.model import Book, Page
from qabook.parser import CODE_SPAN_RE, code_lines
from qabook.rules import at, rule
from qabook.sanitize import LINK_SCHEMES, RESOURCE_ATTRIBUTES, UNSAFE_ELEMENTS, Removal, url_scheme

#: Outside code and formulas, a page holding none of these renders to nothing the sanitiser
#: removes — no tag, comment or autolink, no link or image with a scheme or an entity in its
#: address, no attribute list with a value, no block option `attrs` — so the check need not
#: render it (most pages of a book).
_MAY_HOLD_HTML_RE = re.compile(
    r"<[A-Za-z/?]|<![^-]|\]\(\s*<?(?:[^)\s]*[:&]|[/\\]{2})|^\s*\[[^\]\n]+\]:\s*(?:\S*[:&]|[/\\]{2})"
    r"|\{[^}\n]*=|^[ \t]+attrs\s*:", re.M)
#: What any match of that pattern holds, whatever code and formulas are taken out first (taking
#: them out only puts spaces in): a page holding none of these needs no closer look.
_NEEDED = ("<", "](", "]:", "{", "attrs")
_CODE_OR_MATH_RE = re.compile(CODE_SPAN_RE.pattern + r"|\$\$.*?\$\$|\$[^$\n]+\$", re.S)


def may_hold_html(page: Page, math: bool = True) -> bool:
    """Whether the check must render `page` to learn what the sanitiser removes (see above);
    `math`: the project typesets `$…$` (pymdownx.arithmatex), whose TeX is never HTML."""
    body = "\n".join(page.source_lines[page.meta_end:])
    if not any(mark in body for mark in _NEEDED):  # most pages (fast path)
        return False
    code = code_lines(page.source_lines, page.meta_end)
    text = "\n".join(line for i, line in enumerate(page.source_lines) if i >= page.meta_end and i not in code)
    return bool(_MAY_HOLD_HTML_RE.search((_CODE_OR_MATH_RE if math else CODE_SPAN_RE).sub(" ", text)))


@dataclass(frozen=True)
class Found:
    page: Page
    line: int
    column: int
    removal: Removal


def removals(book: Book) -> list[Found]:
    """What the sanitiser removes from each page, located in the source; computed once per book."""
    cached = book.__dict__.get("_removals")
    if cached is None:
        cached = book.__dict__["_removals"] = list(_removals(book))
    return cached


def _removals(book: Book) -> Iterator[Found]:
    from qabook.render import markdown_instance
    from qabook.safe_markdown import removed_html

    md = None
    math = "pymdownx.arithmatex" in book.project.extensions
    for page in book.pages.values():
        if not book.owns(page.rel) or not may_hold_html(page, math):
            continue
        body = "\n".join(page.source_lines[page.meta_end:])
        if md is None:
            md = markdown_instance(book.project, report=True)
        md.reset()
        try:
            md.convert(body)
        except Exception:  # noqa: BLE001 - a page the renderer fails on is the build's finding
            continue
        locate = _Locator(page)
        for removal in removed_html(md):
            line, column = locate(removal)
            yield Found(page, line, column, removal)


class _Locator:
    """Finds the source line of each removal: the first occurrence not yet used of what was
    removed (the tag, the attribute on its element's start tag, else the attribute name, the URL
    as written or entity-encoded), outside code — or, when only a code span holds it, there: inside
    a raw HTML block (`<details>` … ) backticks are text, not code, and the tag between them is HTML."""

    def __init__(self, page: Page) -> None:
        self.page = page
        first = page.meta_end
        code = code_lines(page.source_lines, first)
        blank = lambda m: " " * len(m.group(0))  # noqa: E731 - inline code is text, never HTML
        self.lines = [(i, CODE_SPAN_RE.sub(blank, line) if "`" in line else line)
                      for i, line in enumerate(page.source_lines) if i >= first and i not in code]
        self.spans = [(i, page.source_lines[i]) for i, line in self.lines if "`" in page.source_lines[i]]
        self.used: dict[str, tuple[int, int]] = {}

    def __call__(self, removal: Removal) -> tuple[int, int]:
        if removal.kind == "element":
            needles = [rf"<\s*{re.escape(removal.tag)}\b"]
        elif removal.kind == "end-tag":
            needles = [rf"</\s*{re.escape(removal.tag)}\b"]
        else:
            value = removal.value.strip()[:40]
            name = re.escape(removal.attribute)
            url = re.escape(value)
            needles = ([  # the URL where it is a target (`](…`, `]: …`, `href="…`, `<…>`) before its bare text:
                        # `[ms-settings:x](ms-settings:x)` written twice is two findings, not the first text twice
                        rf"(?:\]\(\s*<?\s*|\]:\s*<?\s*|=\s*[\"']?\s*|<)(?P<at>{url})", url]
                       if value and removal.attribute in URL_LIKE else []) + [
                # on its own element's start tag first: `<svg onload=` is not the `<iframe onload=` before it
                rf"<\s*{re.escape(removal.tag)}\b[^>]*?(?<![\w-])(?P<at>{name})\s*=",
                rf"(?<![\w-]){name}\s*[=:]", rf"(?<![\w-]){name}\b"]
        for lines in (self.lines, self.spans):
            for needle in needles:
                found = self._find(needle, lines)
                if found:
                    return found
        return (self.page.title_line or 1), 1

    def _find(self, needle: str, lines: list[tuple[int, str]]) -> tuple[int, int] | None:
        pattern = re.compile(needle, re.I)
        key = needle if lines is self.lines else "`" + needle
        after = self.used.get(key, (-1, -1))
        for i, line in lines:
            if i < after[0]:
                continue
            for text in (line, unescape(line)):
                m = pattern.search(text, after[1] + 1 if i == after[0] else 0)
                if m:
                    start = m.start("at") if "at" in pattern.groupindex else m.start()
                    self.used[key] = (i, m.start())
                    return i + 1, start + 1
        return None


URL_LIKE = frozenset({"href", "src", "srcset", "poster", "cite", "data", "action", "formaction", "xlink:href"})


def is_remote_resource(removal: Removal) -> bool:
    """A picture, sound or video from another host (not script): a warning, QA054."""
    if removal.kind != "attribute" or removal.attribute not in RESOURCE_ATTRIBUTES:
        return False
    urls = [c.strip().split()[0] for c in removal.value.split(",") if c.strip()] \
        if removal.attribute == "srcset" else [removal.value]
    return all(url_scheme(u) not in {"javascript", "vbscript", "data", ""} for u in urls)


def _why(removal: Removal) -> str:
    if removal.kind == "element":
        return f"raw <{removal.tag}> element"
    if removal.attribute.startswith("on"):
        return f"event attribute {removal.attribute}= runs script"
    scheme = url_scheme(removal.value)
    if scheme and scheme != "//" and scheme not in ("javascript", "vbscript", "data", *LINK_SCHEMES):
        return (f"a '{scheme}:' URL in {removal.attribute}= opens something outside the web (only "
                f"{', '.join(sorted(LINK_SCHEMES - {'data'}))} links are kept)")
    if scheme:
        return f"a '{scheme}:' URL in {removal.attribute}= can run script in a reader's browser"
    return f"{removal.describe()} could load from another host or run script"


@rule("QA070", "unsafe-html", "Raw HTML or a URL that could run script in a reader's browser (removed by the sanitiser)",
      bad='<img src="x.png" onerror="alert(1)">\n[点我](javascript:alert(1))',
      good='![示意图](x.png)\n[出处](https://example.org/)', per_page=True)
def unsafe_html(book: Book) -> Iterator[Diagnostic]:
    for f in removals(book):
        if f.removal.unsafe and not is_remote_resource(f.removal):
            yield at(f.page, f.line, f.column,
                     f"{_why(f.removal)}: refused, pages are untrusted; write Markdown instead, or allow it with "
                     "the qabook plugin's allow_html in mkdocs.yml")


@rule("QA071", "removed-html", "Raw HTML the site does not keep: an element or attribute not on the allow-list, or an end tag that closes nothing",
      bad="答案 </details> 在这里\n<textarea>", good="答案在这里",
      severity=Severity.WARNING, per_page=True)
def removed_markup(book: Book) -> Iterator[Diagnostic]:
    for f in removals(book):
        if f.removal.unsafe:
            continue
        if f.removal.kind == "end-tag":
            what = (f"{f.removal.describe()}: removed, so it cannot end the block early; delete it or open "
                    f"<{f.removal.tag}> before it in the same block")
        elif f.removal.kind == "element":
            what = (f"<{f.removal.tag}> is not kept on the site (its text is shown as text): use Markdown "
                    "or an element such as <div>, <span>, <kbd>, <details>")
        else:
            what = f"attribute {f.removal.describe()} is not kept on the site: remove it"
        yield at(f.page, f.line, f.column, what)


#: Elements the sanitiser removes as unsafe (the importer's neutraliser writes them as text).
UNSAFE_TAGS = tuple(sorted(t for t in UNSAFE_ELEMENTS if re.fullmatch(r"[a-z]+", t)))


def page_problems(page: Page, allowed: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(line, column, what) for each QA070 finding of one page on its own (no book), as the
    sanitiser decides — for the importer, which makes them text before the build would refuse them.
    `what` starts with "raw <", "event attribute", "link:" (a Markdown link) or names the URL."""
    from qabook.config import project_from_dict
    from qabook.render import SAFE_EXTENSION, markdown_instance
    from qabook.safe_markdown import removed_html

    if not may_hold_html(page, math=False):
        return
    project = project_from_dict({}, None)  # (no project: the base extensions)
    md = markdown_instance(project, report=True, overrides={SAFE_EXTENSION: {"allow": sorted(allowed)}})
    try:
        md.convert("\n".join(page.source_lines[page.meta_end:]))
    except Exception:  # noqa: BLE001 - the build's finding, not this one's
        return
    locate = _Locator(page)
    for removal in removed_html(md):
        if not removal.unsafe or is_remote_resource(removal):
            continue
        line, column = locate(removal)
        what = _why(removal)
        text = page.source_lines[line - 1] if 0 < line <= len(page.source_lines) else ""
        if removal.kind == "attribute" and re.search(r"\]\(\s*<?\s*[a-z]", text[max(0, column - 4):], re.I):
            what = f"link: {what}"
        yield line, column, what

