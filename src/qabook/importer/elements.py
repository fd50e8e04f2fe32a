"""Split a Markdown document into top-level elements with the source lines each one owns.

markdown-it-py finds the elements (so `#` lines inside code fences are never headings); each
element owns its lines up to the next element, so every line of the input has one owner.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark").enable("table")

_KIND = {
    "heading_open": "heading", "paragraph_open": "paragraph", "fence": "fence",
    "code_block": "code", "html_block": "html", "hr": "hr", "bullet_list_open": "list",
    "ordered_list_open": "list", "blockquote_open": "quote", "table_open": "table",
}


@dataclass
class Element:
    kind: str
    start: int  # 0-based first line
    end: int  # 0-based, exclusive: up to the next element
    text: str = ""  # inline source of a heading or paragraph
    level: int = 0  # heading level
    own_end: int = 0  # 0-based, exclusive: where markdown-it says the element itself ends

    @property
    def own_lines(self) -> range:
        """1-based numbers of the element's own lines (a setext heading has two)."""
        return range(self.start + 1, self.own_end + 1)

    @property
    def lineno(self) -> int:
        return self.start + 1


def split_elements(lines: list[str]) -> list[Element]:
    tokens = _md.parse("\n".join(lines))
    elements: list[Element] = []
    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.map is None or tok.nesting < 0:
            continue
        kind = _KIND.get(tok.type, "other")
        text = tokens[i + 1].content if kind in ("heading", "paragraph") else ""
        level = int(tok.tag[1]) if kind == "heading" else 0
        elements.append(Element(kind, tok.map[0], tok.map[1], text, level, tok.map[1]))
    first = elements[0].start if elements else len(lines)
    if any(line.strip() for line in lines[:first]):  # e.g. link definitions, which make no token
        elements.insert(0, Element("other", 0, first, own_end=first))
    for current, following in zip(elements, elements[1:]):
        current.end = following.start
    if elements:
        elements[-1].end = len(lines)
    return elements
