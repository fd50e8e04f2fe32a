"""Rendered topic HTML → each question's three parts as HTML (their titles and summaries left out).

Reads the HTML the site serves (after `qabook.html.anchor_questions`): a question is
`<div class="admonition question" id="qN">`, followed by `<details class="answer">` and
`<details class="explanation">`.
"""

from __future__ import annotations

import re
from array import array

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class QuestionHtml:
    """One question's three parts as inner HTML. The parts are kept as spans of the page's HTML
    and cut out when read: study mode holds every question of the book until its cards are
    written, and copies of the pages' HTML were a third of a big build's memory."""

    __slots__ = ("anchor", "_html", "_spans")
    PARTS = ("question", "answer", "explanation")

    def __init__(self, anchor: str, html: str = "", spans: dict[str, list[tuple[int, int]]] | None = None) -> None:
        self.anchor = anchor
        self._html = html
        self._spans = spans if spans is not None else {}

    def _part(self, name: str) -> str:
        spans = self._spans.get(name, ())
        if isinstance(spans, array):  # (start, end, start, end …: `reading`)
            spans = zip(spans[::2], spans[1::2])
        return "".join(self._html[a:b] for a, b in spans).strip()

    @property
    def question(self) -> str:
        return self._part("question")

    @property
    def answer(self) -> str:
        return self._part("answer")

    @property
    def explanation(self) -> str:
        return self._part("explanation")

    def reading(self, html: object) -> "QuestionHtml":
        """The same question, its spans read from `html`: the same text in another holder
        (sliced like a string, e.g. `qabook.memory.Packed`); the spans kept as flat arrays (a
        big build holds every question of the book: a list of tuples was ≈ 1.3 KB a question)."""
        spans = {name: array("q", [n for span in pieces for n in span]) for name, pieces in self._spans.items()}
        return QuestionHtml(self.anchor, html, spans)  # type: ignore[arg-type]

    def as_tuple(self) -> tuple[str, str, str, str]:
        return self.anchor, self.question, self.answer, self.explanation

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QuestionHtml) and self.as_tuple() == other.as_tuple()

    def __repr__(self) -> str:
        return f"QuestionHtml{self.as_tuple()!r}"

    def __getstate__(self) -> tuple:
        return self.anchor, self._html, self._spans

    def __setstate__(self, state: tuple) -> None:
        self.anchor, self._html, self._spans = state


#: A tag, comment or declaration, as html.parser reads them (attribute values may hold ">").
_TOKEN_RE = re.compile(r"""<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_ATTR_RE = re.compile(r"""(?:^|\s)(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_RAW_TEXT = {"script", "style"}


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR_RE.finditer(text)}


class _Splitter:
    """Walks the tags of the page once (a regular expression, not html.parser: this runs for
    every page of the book), counting depth as html.parser would, and cuts each question's
    parts out of the HTML by offset."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.depth = 0
        self.open: tuple[str, int, int] | None = None  # (field, depth, inner start offset)
        self.skip: tuple[int, int] | None = None  # (depth, start) of a title/summary being dropped
        self.dropped: list[tuple[int, int]] = []
        self.found: list[QuestionHtml] = []

    def run(self) -> None:
        html = self.html
        at = 0
        while True:
            m = _TOKEN_RE.search(html, at)
            if m is None:
                return
            at = m.end()
            if m.group(2) is None:
                continue  # comment, declaration, processing instruction
            tag = m.group(2).lower()
            if m.group(1):
                self.end(tag, m.start())
                continue
            attrs = m.group(3)
            if attrs.rstrip().endswith("/"):  # <use … />: opened and closed at once
                self.start(tag, attrs, m.start(), m.end())
                self.end(tag, m.start())
                continue
            self.start(tag, attrs, m.start(), m.end())
            if tag in _RAW_TEXT:
                close = re.compile(rf"</{tag}\s*>", re.I).search(html, at)
                if close is not None:
                    at = close.start()

    def start(self, tag: str, attr_text: str, start: int, start_end: int) -> None:
        if tag in VOID:
            return
        self.depth += 1
        if self.open is None:
            if tag not in ("div", "details"):
                return
            a = _attrs(attr_text)
            classes = set((a.get("class") or "").split())
            if tag == "div" and {"admonition", "question"} <= classes:
                self.found.append(QuestionHtml(a.get("id") or f"q{len(self.found) + 1}", self.html))
                self.open, self.dropped = ("question", self.depth, start_end), []
            elif tag == "details" and classes & {"answer", "explanation"} and self.found:
                name = "answer" if "answer" in classes else "explanation"
                if not self.found[-1]._part(name):  # (an empty first one is replaced, as before)
                    self.open, self.dropped = (name, self.depth, start_end), []
        elif self.depth == self.open[1] + 1 and self.skip is None and (
                tag == "summary" or (tag == "p" and "admonition-title" in (_attrs(attr_text).get("class") or "").split())):
            self.skip = (self.depth, start)

    def end(self, tag: str, here: int) -> None:
        if tag in VOID:
            return
        if self.skip and self.depth == self.skip[0]:
            end = self.html.index(">", here) + 1
            self.dropped.append((self.skip[1], end))
            self.skip = None
        if self.open and self.depth == self.open[1]:
            name, _, start = self.open
            pieces, cursor = [], start
            for a, b in self.dropped:
                pieces.append((cursor, a))
                cursor = b
            pieces.append((cursor, here))
            self.found[-1]._spans[name] = pieces
            self.open = None
        self.depth -= 1


def split_questions(html: str) -> list[QuestionHtml]:
    """The questions of one rendered page, in order, each part as inner HTML."""
    splitter = _Splitter(html)
    splitter.run()
    return splitter.found
