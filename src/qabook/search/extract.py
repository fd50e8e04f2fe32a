"""Rendered page HTML → search documents: one per question, fields kept apart for weighting.

Reads the HTML that the site serves (after `qabook.html.anchor_questions`), so what is found
is what the reader sees, collapsed answers and explanations included.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

from qabook.search.analyze import analyze

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class SearchDoc:
    url: str  # site-relative, with the question anchor
    title: str
    chapter: str
    fields: dict[str, str] = field(default_factory=dict)  # title, question, answer, explanation, tags, body

    @cached_property
    def terms(self) -> dict[str, Counter[str]]:
        """field → term counts; computed once, so a live preview's rebuild re-analyses only
        the pages it rendered again."""
        return {f: Counter(analyze(text)) for f, text in self.fields.items()}

    @property
    def snippet(self) -> str:
        text = " ".join(self.fields.get(k, "") for k in ("question", "answer", "body"))
        return re.sub(r"\s+", " ", text).strip()[:160]


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, field, skip)
        self.questions: list[tuple[str, dict[str, list[str]]]] = []  # (anchor, field → texts)
        self.body: list[str] = []

    def _field(self) -> tuple[str | None, bool]:
        current, skip = None, False
        for _, f, s in self.stack:
            current = f or current
            skip = skip or s
        return current, skip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        field_name: str | None = None
        skip = False
        if tag == "div" and "question" in classes and "admonition" in classes:
            self.questions.append((a.get("id") or f"q{len(self.questions) + 1}", {}))
            field_name = "question"
        elif tag == "details" and classes & {"answer", "explanation"}:
            field_name = "answer" if "answer" in classes else "explanation"
        elif (tag == "p" and "admonition-title" in classes) or tag == "summary" or "headerlink" in classes:
            skip = True
        self.stack.append((tag, field_name, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        name, skip = self._field()
        if skip or not data.strip():
            return
        if name and self.questions:
            self.questions[-1][1].setdefault(name, []).append(data)
        else:
            self.body.append(data)


def extract_docs(html: str, url: str, title: str, chapter: str = "", tags: list[str] | None = None) -> list[SearchDoc]:
    """Documents for one page: one per question (url#qN); a page without questions is one document."""
    walker = _Walker()
    walker.feed(html)
    tag_text = " ".join(tags or [])
    docs = []
    many = len(walker.questions) > 1
    for anchor, parts in walker.questions:
        fields = {k: " ".join(v) for k, v in parts.items()}
        fields.update(title=title, tags=tag_text)
        shown = f"{title} · {anchor.upper()}" if many else title
        docs.append(SearchDoc(f"{url}#{anchor}", shown, chapter, fields))
    if docs:
        docs[0].fields["body"] = " ".join(walker.body)
    else:
        # a page without questions (a chapter page, an article) is found by its text, weighted low,
        # so that it never outranks the topic a learner is looking for on its title alone
        docs.append(SearchDoc(url, title, chapter, {"tags": tag_text, "body": title + " " + " ".join(walker.body)}))
    return docs
