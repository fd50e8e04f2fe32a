"""Rendered page HTML → search documents: one per question, fields kept apart for weighting.

Reads the HTML that the site serves (after `qabook.html.anchor_questions`), so what is found
is what the reader sees, collapsed answers and explanations included. Text is kept as the
reader sees it: code is not spaced out at highlighting spans, a formula is its TeX (the SVG's
`aria-label`), and block elements are separated by spaces. A list item or table cell that is
mostly a link (the topic list of a chapter page, the chapter table of the home page) is left
out: it names other pages, which are found by their own text. An element marked
`data-search-exclude` is left out with everything inside it: the interface text qabook writes
into pages (the home page's summary, chapter table and offline panel, buttons, downloads), and
any part of a page an author marks so.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape
from html.parser import HTMLParser

from qabook.search.analyze import index_terms

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "div", "li", "ul", "ol", "pre", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "details", "summary", "dl", "dt", "dd", "br", "hr", "section", "article"}
LINK_LIST_ITEMS = {"li", "tr", "td", "th"}
TEXT_LIMIT = 2000  # characters of a document's text kept for snippets


@dataclass
class SearchDoc:
    url: str  # site-relative, with the question anchor
    title: str
    chapter: str
    fields: dict[str, str] = field(default_factory=dict)  # title, question, answer, explanation, tags, body
    page: bool = False  # a page without questions (chapter page, home page): ranked below topics

    @property
    def text(self) -> str:
        """What snippets are cut from: the question, its answer and explanation, or the page's prose."""
        text = " ".join(self.fields.get(k, "") for k in ("question", "answer", "explanation", "body"))
        return re.sub(r"\s+", " ", text).strip()[:TEXT_LIMIT]

    @property
    def question_chars(self) -> int | None:
        """How many characters (code points) `text` starts with that are the question's own:
        what a result may show in study mode, where the answer stays the learner's to open
        (qasearch.js); None for a page without questions."""
        if self.page:
            return None
        return min(len(self.fields.get("question", "")), len(self.text))

    @cached_property
    def terms(self) -> dict[str, Counter[str]]:
        """field → term counts; computed once, so a live preview's rebuild re-analyses only
        the pages it rendered again (kept: see `term_counts` for reading them without keeping)."""
        packed = self.__dict__.get("_packed_terms")
        if packed is not None:
            return _unpack_terms(packed)
        return {f: Counter(map(sys.intern, index_terms(text))) for f, text in self.fields.items()}  # shared strings

    def term_counts(self) -> dict[str, Counter[str]]:
        """`terms`, without keeping them on the document when they came packed from a worker
        (`__getstate__`): the search index reads every document's counts once or twice, and a
        big book's counts, unpacked all at once, were most of its build's memory."""
        if "terms" in self.__dict__ or "_packed_terms" not in self.__dict__:
            return self.terms
        return _unpack_terms(self.__dict__["_packed_terms"])

    def __getstate__(self) -> dict:
        """Pickled (a worker's documents, for the build's parent): the term counts packed, each
        field's terms one string and their counts an array (≈ a quarter of the memory of a
        Counter per field); the parent unpacks them when it reads them (`term_counts`)."""
        state = dict(self.__dict__)
        terms = state.get("terms")
        if terms is not None:
            packed = _pack_terms(terms)
            if packed is not None:
                del state["terms"]
                state["_packed_terms"] = packed
        return state

    @property
    def snippet(self) -> str:
        return self.text[:160]

    def __setstate__(self, state: dict) -> None:
        """Unpickled (a worker's documents, in the build's parent): each term one string object
        for the whole book again, as where it was analysed (pickle shares strings within one
        message only: 10,000 pages held ~300 copies of each, most of their memory)."""
        terms = state.get("terms")
        if terms is not None:
            state["terms"] = {f: Counter({sys.intern(t): n for t, n in counts.items()}) for f, counts in terms.items()}
        self.__dict__.update(state)


_SEP = "\n"  # between the packed terms of a field (no term holds white space; checked)


def _pack_terms(terms: dict[str, Counter[str]]) -> tuple | None:
    """(field, its terms joined, their counts), in order; None if a term is empty or holds `_SEP`."""
    out = []
    for f, counts in terms.items():
        joined = _SEP.join(counts)
        if "" in counts or joined.count(_SEP) != max(0, len(counts) - 1):
            return None
        values = list(counts.values())
        out.append((f, joined, array("H" if max(values, default=0) < 65536 else "L", values)))
    return tuple(out)


def _unpack_terms(packed: tuple) -> dict[str, Counter[str]]:
    """`_pack_terms` undone: the same counts in the same order, each term the one interned string."""
    return {f: Counter(dict(zip(map(sys.intern, joined.split(_SEP)), values))) if joined else Counter()
            for f, joined, values in packed}


class _Item:
    """Text collected inside a list item or table cell, to drop if it is mostly a link."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.parts: list[tuple[str | None, str, bool]] = []  # (field, text, inside a link)
        self.linked = 0
        self.total = 0


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, field, skip)
        self.questions: list[tuple[str, dict[str, list[str]]]] = []  # (anchor, field → texts)
        self.body: list[str] = []
        self.items: list[_Item] = []
        self.in_link = 0

    def _field(self) -> tuple[str | None, bool]:
        current, skip = None, False
        for _, f, s in self.stack:
            current = f or current
            skip = skip or s
        return current, skip

    def _emit(self, name: str | None, text: str, linked: bool | None = None) -> None:
        if self.items:
            linked = bool(self.in_link) if linked is None else linked
            item = self.items[-1]
            item.parts.append((name, text, linked))
            n = len(text.strip())
            item.total += n
            item.linked += n if linked else 0
            return
        if name and self.questions:
            self.questions[-1][1].setdefault(name, []).append(text)
        else:
            self.body.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self._emit(self._field()[0], " ")
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
        elif tag == "h1":
            skip = True  # the page title: a field of its own
        elif "data-search-exclude" in a:
            skip = True  # interface text (qabook's, or an author's mark)
        elif "qa-math" in classes and a.get("aria-label"):
            if not self._field()[1]:
                self._emit(self._field()[0], f" {a['aria-label']} ")
            skip = True  # the SVG: its TeX is the label
        self.stack.append((tag, field_name, skip))
        if tag == "a":
            self.in_link += 1
        if tag in LINK_LIST_ITEMS:
            self.items.append(_Item(tag))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for closed, _, _ in self.stack[i:]:
                    self._close(closed)
                del self.stack[i:]
                break
        if tag in BLOCK:
            self._emit(self._field()[0], " ")

    def _close(self, tag: str) -> None:
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
        if tag in LINK_LIST_ITEMS and self.items and self.items[-1].tag == tag:
            item = self.items.pop()
            if item.total and item.linked * 2 >= item.total:
                if self.items:  # the enclosing row counts it as linked text
                    self.items[-1].linked += item.total
                    self.items[-1].total += item.total
                return  # mostly a link: a list of other pages
            for name, text, linked in item.parts:
                self._emit(name, text, linked)

    def handle_data(self, data: str) -> None:
        name, skip = self._field()
        if not skip and data:
            self._emit(name, data)

    def close(self) -> None:
        super().close()
        while self.items:  # unclosed items: keep their text
            item = self.items.pop()
            for name, text, linked in item.parts:
                self._emit(name, text, linked)


# -- the common case without html.parser -------------------------------------------------------
# A page as Markdown writes it is plain, well-formed tags. For such a page the walker is fed the
# very calls html.parser would make (the same tags, attributes and text, split at the same
# places), from two regular expressions: html.parser's own loop was a fifth of the build's page
# conversion. Anything else (a comment, a declaration, script or style, a `<` that opens no plain
# tag, an attribute written another way) sends the whole page through html.parser, as before.

_SPACE = r"[\t\n\r\f ]"  # html.parser's separators inside a tag (ASCII only; \s is wider)
_NAME = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_VALUE = r"""(?:"([^"<>]*)"|'([^'<>]*)'|([-a-zA-Z0-9_.:]+))"""
_PLAIN_ATTR = re.compile(rf"({_NAME})(?:{_SPACE}*={_SPACE}*{_VALUE})?")
_ANY_VALUE = r"""(?:"[^"<>]*"|'[^'<>]*'|[-a-zA-Z0-9_.:]+)"""  # the same, capturing nothing
_PLAIN_TAG = re.compile(rf"<(?:([a-zA-Z][a-zA-Z0-9-]*)((?:{_SPACE}+{_NAME}(?:{_SPACE}*={_SPACE}*{_ANY_VALUE})?)*)"
                        rf"{_SPACE}*(/?)|/([a-zA-Z][a-zA-Z0-9-]*){_SPACE}*)>")
#: elements whose content html.parser (in some Python version) reads as raw text
_RAW_TEXT_TAGS = ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
                  "plaintext")
_NOT_PLAIN = re.compile(r"<[!?]|<(?![a-zA-Z/])|</(?![a-zA-Z])|</?(?:" + "|".join(_RAW_TEXT_TAGS)
                        + r")(?![-a-zA-Z0-9])", re.I)


def _feed_plain(walker: _Walker, html: str) -> bool:
    """Feed `walker` what html.parser would for a page of plain tags; False (with the walker
    partly fed: throw it away) as soon as the page is not one."""
    if _NOT_PLAIN.search(html):
        return False
    find, match, data, start, end = html.find, _PLAIN_TAG.match, walker.handle_data, walker.handle_starttag, \
        walker.handle_endtag
    at, n = 0, len(html)
    while at < n:
        lt = find("<", at)
        if lt < 0:
            data(unescape(html[at:]))
            break
        if lt > at:
            data(unescape(html[at:lt]))
        m = match(html, lt)
        if m is None:
            return False
        at = m.end()
        closing = m.group(4)
        if closing is not None:
            end(closing.lower())
            continue
        tag = m.group(1).lower()
        attrs: list[tuple[str, str | None]] = []
        if m.group(2):
            for a in _PLAIN_ATTR.finditer(m.group(2)):
                name, double, single, bare = a.groups()
                value = double if double is not None else single if single is not None else bare
                attrs.append((name.lower(), unescape(value) if value else value))
        start(tag, attrs)
        if m.group(3):  # <br/>: html.parser's handle_startendtag, which the walker does not override
            end(tag)
    return True


def _squash(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def extract_docs(html: str, url: str, title: str, chapter: str = "", tags: list[str] | None = None) -> list[SearchDoc]:
    """Documents for one page: one per question (url#qN); a page without questions is one document."""
    walker = _Walker()
    if not _feed_plain(walker, html):
        walker = _Walker()
        walker.feed(html)
    walker.close()
    tag_text = " ".join(tags or [])
    docs = []
    for anchor, parts in walker.questions:
        fields = {k: _squash(v) for k, v in parts.items()}
        fields.update(title=title, tags=tag_text)
        docs.append(SearchDoc(f"{url}#{anchor}", title, chapter, fields))
    body = _squash(walker.body)
    if docs:
        docs[0].fields["body"] = body
    else:
        # a page without questions (a chapter page, the home page) is found by its own prose,
        # weighted low, so that it never outranks the topic a learner is looking for
        docs.append(SearchDoc(url, title, chapter, {"tags": tag_text, "body": f"{title} {body}".strip()}, page=True))
    return docs
