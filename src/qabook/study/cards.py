"""Rendered topic HTML → each question's three parts as HTML (their titles and summaries left out).

Reads the HTML the site serves (after `qabook.html.anchor_questions`): a question is
`<div class="admonition question" id="qN">`, followed by `<details class="answer">` and
`<details class="explanation">`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class QuestionHtml:
    anchor: str
    question: str = ""
    answer: str = ""
    explanation: str = ""


class _Splitter(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        for i, ch in enumerate(html):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.depth = 0
        self.open: tuple[str, int, int] | None = None  # (field, depth, inner start offset)
        self.skip: tuple[int, int] | None = None  # (depth, start) of a title/summary being dropped
        self.dropped: list[tuple[int, int]] = []
        self.found: list[QuestionHtml] = []

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
                self.found.append(QuestionHtml(a.get("id") or f"q{len(self.found) + 1}"))
                self.open, self.dropped = ("question", self.depth, start_end), []
            elif tag == "details" and classes & {"answer", "explanation"} and self.found:
                name = "answer" if "answer" in classes else "explanation"
                if not getattr(self.found[-1], name):
                    self.open, self.dropped = (name, self.depth, start_end), []
        elif self.depth == self.open[1] + 1 and self.skip is None and (
                tag == "summary" or (tag == "p" and "admonition-title" in classes)):
            self.skip = (self.depth, self._offset())

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        here = self._offset()
        if self.skip and self.depth == self.skip[0]:
            end = self.html.index(">", here) + 1
            self.dropped.append((self.skip[1], end))
            self.skip = None
        if self.open and self.depth == self.open[1]:
            name, _, start = self.open
            pieces, cursor = [], start
            for a, b in self.dropped:
                pieces.append(self.html[cursor:a])
                cursor = b
            pieces.append(self.html[cursor:here])
            setattr(self.found[-1], name, "".join(pieces).strip())
            self.open = None
        self.depth -= 1


def split_questions(html: str) -> list[QuestionHtml]:
    """The questions of one rendered page, in order, each part as inner HTML."""
    splitter = _Splitter(html)
    splitter.feed(html)
    splitter.close()
    return splitter.found
