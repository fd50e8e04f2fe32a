"""Fast paths give what the obvious way gives.

`split_questions` (study mode's cards) walks a page's tags with a regular expression instead of
html.parser, because it runs for every page of the book; here it is held against the html.parser
walk it replaced, on every page of a built site and on HTML chosen to trip a tag scanner.
"""

from __future__ import annotations

from dataclasses import astuple
from html.parser import HTMLParser
from pathlib import Path

from qabook.study import split_questions

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reference(HTMLParser):
    """The html.parser walk split_questions replaced (same rules, slower)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(html) if ch == "\n"]
        self.depth = 0
        self.open: tuple[str, int, int] | None = None
        self.skip: tuple[int, int] | None = None
        self.dropped: list[tuple[int, int]] = []
        self.found: list[list[str]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.depth += 1
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        start_end = self._offset() + len(self.get_starttag_text() or "")
        if self.open is None:
            if tag == "div" and {"admonition", "question"} <= classes:
                self.found.append([a.get("id") or f"q{len(self.found) + 1}", "", "", ""])
                self.open, self.dropped = ("question", self.depth, start_end), []
            elif tag == "details" and classes & {"answer", "explanation"} and self.found:
                name = "answer" if "answer" in classes else "explanation"
                if not self.found[-1][2 if name == "answer" else 3]:
                    self.open, self.dropped = (name, self.depth, start_end), []
        elif self.depth == self.open[1] + 1 and self.skip is None and (
                tag == "summary" or (tag == "p" and "admonition-title" in classes)):
            self.skip = (self.depth, self._offset())

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        here = self._offset()
        if self.skip and self.depth == self.skip[0]:
            self.dropped.append((self.skip[1], self.html.index(">", here) + 1))
            self.skip = None
        if self.open and self.depth == self.open[1]:
            name, _, start = self.open
            pieces, cursor = [], start
            for a, b in self.dropped:
                pieces.append(self.html[cursor:a])
                cursor = b
            pieces.append(self.html[cursor:here])
            self.found[-1][{"question": 1, "answer": 2, "explanation": 3}[name]] = "".join(pieces).strip()
            self.open = None
        self.depth -= 1


def reference(html: str) -> list[tuple[str, ...]]:
    walker = _Reference(html)
    walker.feed(html)
    walker.close()
    return [tuple(q) for q in walker.found]


TRICKY = [
    # a question with an attribute value holding ">", a comment and a script that look like tags
    '<div class="admonition question" id="q1" title="a > b"><p class="admonition-title">题目 1</p>'
    '<p>x <!-- <div class="admonition question"> --> y</p><script>if (a</div>) {}</script></div>'
    '<details class="answer" open><summary>答案</summary><p>A &amp; <b>B</b></p></details>',
    # upper-case tags and attributes, single quotes, an SVG with self-closing elements
    "<DIV CLASS='admonition question' ID='q7'><P CLASS='admonition-title'>Q</P><p>What?</p></DIV>"
    '<details class="explanation"><summary>Why</summary><svg><use href="#g"/><path d="M0 0"/></svg>'
    "<br><img src=x.png>because</details>",
    # nested details inside an answer, a second answer block (ignored), text after
    '<div class="admonition question"><p>Q</p></div><details class="answer"><summary>A</summary>'
    '<details class="note"><summary>inner</summary><p>deep</p></details><p>end</p></details>'
    '<details class="answer"><summary>A2</summary><p>second</p></details><p>after</p>',
    # no question at all; an answer before any question
    '<details class="answer"><summary>A</summary><p>orphan</p></details><p>text</p>',
]


def test_split_questions_matches_html_parser_on_tricky_html() -> None:
    for html in TRICKY:
        assert [astuple(q) for q in split_questions(html)] == reference(html), html


def test_split_questions_matches_html_parser_on_every_page_of_a_built_site(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    found = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = reference(html)
        assert [astuple(q) for q in split_questions(html)] == expected, page
        found += len(expected)
    assert found >= 8  # the seed book's questions (and the print pages' copies)
