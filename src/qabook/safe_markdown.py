"""The Python-Markdown extension through which every page's HTML leaves the renderer.

Added by the plugin (MkDocs) and by `qabook.render` (PDFs, exports, the check), so the site,
the print pages, study cards, search and exports are all made from its output:

- a preprocessor keeps the renderer linear: a `<` after the page's last `>` can close no tag
  and a `[` that no `]` closes can start no link, yet Python-Markdown scans to the end of the
  page from each (`<a ` × 30,000 took minutes); such characters are stashed as the text they
  are (the page looks the same);
- a treeprocessor marks the inside of every block (`/// answer`, `<details>`, admonitions) and
  keeps qabook's own markup on question blocks (a block option `attrs: {id: …}` cannot take
  the question's anchor);
- a postprocessor, after the raw HTML is back in place, sanitises the inside of each block on
  its own (innermost first), so a stray `</details>` or an unclosed `<textarea>` stays inside
  its block, and then the whole page (`qabook.sanitize`). What was removed is kept on the
  Markdown instance (`removed_html(md)`), for the check.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from qabook.sanitize import Policy, Removal, clean_html
from qabook.vocabulary import BLOCKS

NAME = "qabook.safe_markdown"


#: The MkDocs plugin leaves a site's ordinary pages (not Q&A, the site's own) as they are. Only
#: MkDocs' own Markdown instance (option `site`) reads this switch: the check's, the PDFs' and the
#: exports' instances always sanitise, whatever page MkDocs rendered last.
_LEAVE_ALONE = False


def leave_next_page_alone(flag: bool) -> None:
    """The plugin says, before MkDocs renders a page, whether it is an ordinary page of the site
    (not the book's): its HTML is then not sanitised (by MkDocs' instance only)."""
    global _LEAVE_ALONE
    _LEAVE_ALONE = flag


def removed_html(md: Markdown) -> list[Removal]:
    """What the sanitiser removed from the last page this Markdown instance converted."""
    return list(getattr(md, "qabook_removed", []))


class LinearGuard(Preprocessor):
    """`<` that can start no tag and `[` that can start no link, stashed as their text."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.qabook_stashed_code = self.md.htmlStash.html_counter  # type: ignore[attr-defined]
        text = "\n".join(lines)
        if "<" not in text and "[" not in text:
            return lines
        marks: dict[int, str] = {}
        last_gt = text.rfind(">")
        for m in re.finditer(r"<(?=[A-Za-z/!?])", text[last_gt + 1:]):
            marks[last_gt + 1 + m.start()] = "&lt;"
        for pos in unmatched_brackets(text):
            marks[pos] = "["
        if not marks:
            return lines
        out, cursor = [], 0
        for pos in sorted(marks):
            out.append(text[cursor:pos])
            out.append(self.md.htmlStash.store(marks[pos]))
            cursor = pos + 1
        out.append(text[cursor:])
        return "".join(out).split("\n")


_CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def unmatched_brackets(text: str) -> list[int]:
    """Positions of `[` that no later `]` of the same paragraph closes (code spans and
    backslash escapes skipped, as the renderer reads them)."""
    if "[" not in text:
        return []
    out: list[int] = []
    for para in _PARAGRAPH_RE.finditer(text):
        chunk, base, stack = para.group(0), para.start(), []
        if "[" not in chunk:
            continue
        if "`" in chunk:
            chunk = _CODE_SPAN_RE.sub(lambda m: " " * len(m.group(0)), chunk)
        i = 0
        while i < len(chunk):
            c = chunk[i]
            if c == "\\":
                i += 1
            elif c == "[":
                stack.append(base + i)
            elif c == "]" and stack:
                stack.pop()
            i += 1
        out += stack
    return out


_PARAGRAPH_RE = re.compile(r"(?:[^\n]|\n(?![ \t]*(?:\n|$)))+")


class BlockMarkers(Treeprocessor):
    """Comments around the inside of each block, and qabook's markup kept on question blocks."""

    def __init__(self, md: Markdown, token: str) -> None:
        super().__init__(md)
        self.token = token

    def run(self, root: etree.Element) -> None:
        kinds = {b.name: b.element for b in BLOCKS}
        n = 0
        for el in list(root.iter()):
            if not isinstance(el.tag, str):
                continue
            classes = (el.get("class") or "").split()
            if el.tag == "details" or (el.tag == "div" and "admonition" in classes):
                n += 1
                el.insert(0, etree.Comment(f"{self.token}:open"))
                el.append(etree.Comment(f"{self.token}:close"))
            ours = [c for c in classes if c in kinds]
            if ours and el.tag == "div" and kinds[ours[0]] == "admonition" and "admonition" in classes:
                el.attrib.pop("id", None)  # the question's anchor q<N> is qabook's (html.anchor_questions)
                rest = [c for c in classes if c not in ("admonition", ours[0])]
                el.set("class", " ".join(["admonition", ours[0], *rest]))
            elif ours and el.tag == "details":
                rest = [c for c in classes if c != ours[0]]
                el.set("class", " ".join([ours[0], *rest]))


#: The markers qabook's generated Markdown leaves for the plugin (HTML comments, which the
#: sanitiser otherwise drops): kept as they are, harmless whoever wrote them.
QABOOK_MARKER_RE = re.compile(r"<!-- qabook:[a-z][a-z-]* -->")


class Sanitize(Postprocessor):
    def __init__(self, md: Markdown, policy: Policy, token: str, report: bool, site: bool = False) -> None:
        super().__init__(md)
        self.site = site  # MkDocs' instance: obeys leave_next_page_alone
        self.policy = policy
        self.token = token
        self.report = report
        self.marker = re.compile(rf"<!--{re.escape(token)}:(open|close)-->")

    def run(self, text: str) -> str:
        removed: list[Removal] = []
        if "<" not in text:  # (the table of contents runs this on each heading's text)
            return text
        if _LEAVE_ALONE and self.site:
            return self.marker.sub("", text)
        kept: dict[str, str] = {}  # qabook's own markers (`<!-- qabook:chapter-table -->`): comments go

        def keep(m: re.Match[str]) -> str:
            key = f"{self.token}-kept-{len(kept)}-"
            kept[key] = m.group(0)
            return key

        text = QABOOK_MARKER_RE.sub(keep, text)
        if self.marker.search(text):
            if self._raw_html_inside():
                text = self._blocks(text, removed)
            else:  # Markdown's own markup is balanced: only the markers go
                text = self.marker.sub("", text)
        cleaned = clean_html(text, self.policy, report=self.report)
        self.md.qabook_removed = removed + cleaned.removed  # type: ignore[attr-defined]
        html = cleaned.html
        for key, marker in kept.items():
            html = html.replace(key, marker)
        return html

    def _raw_html_inside(self) -> bool:
        """Whether raw HTML went into the page (stashed after the fenced code, which is text)."""
        return self.md.htmlStash.html_counter > getattr(self.md, "qabook_stashed_code", 0)

    def _blocks(self, text: str, removed: list[Removal]) -> str:
        """Each block's inside sanitised on its own, innermost first."""
        stack: list[list[str]] = [[]]
        cursor = 0
        for m in self.marker.finditer(text):
            stack[-1].append(text[cursor:m.start()])
            cursor = m.end()
            if m.group(1) == "open":
                stack.append([])
            elif len(stack) > 1:
                inner = "".join(stack.pop())
                cleaned = clean_html(inner, self.policy, report=self.report)
                removed += cleaned.removed
                stack[-1].append(cleaned.html)
        stack[-1].append(text[cursor:])
        while len(stack) > 1:  # (never: the markers come in pairs from the tree)
            inner = "".join(stack.pop())
            stack[-1].append(inner)
        return "".join(stack[0])


class SafeMarkdownExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"allow": [[], "Raw HTML a trusted book keeps (the qabook plugin's allow_html)"],
                       "report": [False, "Record what was removed (the check), not only remove it"],
                       "site": [False, "MkDocs' own instance (the plugin's): leaves the pages the plugin says are not the book's"],
                       "print": [False, "Print HTML for PDFs: pictures from other hosts keep their src (never fetched)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.md = md
        token = "qabook-" + secrets.token_hex(8)  # content cannot forge the block markers
        policy = Policy(frozenset(str(a).lower() for a in self.getConfig("allow") or []),
                        remote_pictures=bool(self.getConfig("print")))
        md.preprocessors.register(LinearGuard(md), "qabook_linear_guard", 22)
        md.treeprocessors.register(BlockMarkers(md, token), "qabook_block_markers", -10)
        md.postprocessors.register(Sanitize(md, policy, token, bool(self.getConfig("report")),
                                               bool(self.getConfig("site"))), "qabook_sanitize", -10)
        md.qabook_removed = []  # type: ignore[attr-defined]

    def reset(self) -> None:
        self.md.qabook_removed = []  # type: ignore[attr-defined]


def makeExtension(**kwargs: Any) -> SafeMarkdownExtension:  # noqa: N802 - Python-Markdown's name
    return SafeMarkdownExtension(**kwargs)
