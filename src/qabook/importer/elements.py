"""Split a Markdown document into top-level elements with the source lines each one owns.

markdown-it-py finds the elements (so `#` lines inside code fences are never headings); each
element owns its lines up to the next element, so every line of the input has one owner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt

# nesting up to the renderer's limit (100 levels of lists or quotes, two tokens each) is read;
# deeper lines are read as text first (`neutralise.readable`)
_md = MarkdownIt("commonmark", {"maxNesting": 250}).enable("table").disable("inline")  # block structure only

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
    level: int = 0  # heading level (an item's number, for kind "item")
    own_end: int = 0  # 0-based, exclusive: where markdown-it says the element itself ends
    items: tuple[tuple[int, int, int], ...] = ()  # an ordered list's items: (number, first line, end line)
    parent: int = -1  # an item's list: the 0-based line the list starts at

    @property
    def own_lines(self) -> range:
        """1-based numbers of the element's own lines (a setext heading has two)."""
        return range(self.start + 1, self.own_end + 1)

    @property
    def lineno(self) -> int:
        return self.start + 1


def headings_over(elements: list[Element], i: int) -> list[str]:
    """The headings element i sits under, nearest first: its section's heading, then each one
    above it ('#### 管理类问题' under '### 常见面试问题')."""
    out, level = [], 7
    for el in reversed(elements[:i]):
        if el.kind == "heading" and el.level < level:
            out.append(el.text)
            level = el.level
    return out


def split_elements(lines: list[str]) -> list[Element]:
    tokens = _md.parse("\n".join(lines))
    elements: list[Element] = []
    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.map is None or tok.nesting < 0:
            continue
        kind = _KIND.get(tok.type, "other")
        text = tokens[i + 1].content if kind in ("heading", "paragraph") else ""
        level = int(tok.tag[1]) if kind == "heading" else 0
        element = Element(kind, tok.map[0], tok.map[1], text, level, tok.map[1])
        if tok.type in ("ordered_list_open", "bullet_list_open"):
            element.items = _items(tokens, i)
        elements.append(element)
    first = elements[0].start if elements else len(lines)
    if any(line.strip() for line in lines[:first]):  # e.g. link definitions, which make no token
        elements.insert(0, Element("other", 0, first, own_end=first))
    for current, following in zip(elements, elements[1:]):
        current.end = following.start
    if elements:
        elements[-1].end = len(lines)
    return elements


def _items(tokens: list, i: int) -> tuple[tuple[int, int, int], ...]:
    """(number, first line, end line) of each item of the list opened at tokens[i] (number 0 for a
    bullet list's items)."""
    items = []
    depth = tokens[i].level + 1
    ordered = tokens[i].type == "ordered_list_open"
    for tok in tokens[i + 1:]:
        if tok.type in ("ordered_list_close", "bullet_list_close") and tok.level == tokens[i].level:
            break
        if tok.type == "list_item_open" and tok.level == depth and tok.map:
            number = (int(tok.info) if tok.info.isdigit() else len(items) + 1) if ordered else 0
            items.append((number, tok.map[0], tok.map[1]))
    if ordered and len(items) > 1 and len({n for n, _, _ in items}) == 1:  # '1.' '1.' '1.': Markdown counts them
        items = [(items[0][0] + k, start, end) for k, (_, start, end) in enumerate(items)]
    return tuple(items)


def item_elements(lines: list[str], el: Element) -> list[Element]:
    """A list split into one element per item (kind "item", level = its number, 0 for a bullet);
    each owns its lines up to the next item, the last one up to the list's end."""
    out = []
    for k, (number, start, end) in enumerate(el.items):
        stop = el.items[k + 1][1] if k + 1 < len(el.items) else el.end
        first = lines[start].strip()
        text = first.split(maxsplit=1)[1] if " " in first else ""
        out.append(Element("item", start, stop, text, number, start + 1, parent=el.start))
    return out


#: An item's marker on its first line ('1. ', '- ', '2)'), with the space after it.
_ITEM_MARKER_RE = re.compile(r"\s*(?:\d+[.)]|[-*+])\s*")


def item_body(lines: list[str], item: Element) -> list[Element]:
    """The elements of an item's text after its first line, dedented in `lines` (in place) so
    that an answer indented under '1. …' is not read as code."""
    marker = _ITEM_MARKER_RE.match(lines[item.start])
    # (its width in columns, a tab to the next stop of four as Python-Markdown reads it: '-<TAB>' is four)
    return dedented(lines, item.start + 1, item.end, len(marker.group().expandtabs(4)) if marker else 0)


def item_continuation(lines: list[str], item: Element) -> list[Element]:
    """The elements, blank stretches left out, that an item's text goes on with after its first
    line (a list nested under it, a quote indented under it: `nested.py`, `quoted.py`), read as
    `item_body` reads them; line numbers (of lists' items too) are those of `lines`, left as they are."""
    own = lines[item.start:item.end]
    inner = item_body(own, Element(item.kind, 0, len(own), item.text, item.level, 1))
    base = item.start
    return [Element(e.kind, e.start + base, e.end + base, e.text, e.level, e.own_end + base,
                    tuple((n, a + base + 1, b + base + 1) for n, a, b in e.items))
            for e in inner if any(x.strip() for x in own[e.start:e.own_end])]


def dedented(lines: list[str], start: int, end: int, indent: int) -> list[Element]:
    """The elements of lines start..end (0-based) once dedented by up to `indent` spaces, in
    `lines` (in place): the body of a list item or of an admonition."""
    for i in range(start, end):
        lead = len(lines[i]) - len(lines[i].lstrip(" \t"))
        line = lines[i][:lead].expandtabs(4) + lines[i][lead:]  # ('   <TAB>One …' is indented four columns)
        lines[i] = line[min(indent, len(line) - len(line.lstrip(" "))):]
    return [Element(e.kind, e.start + start, e.end + start, e.text, e.level, e.own_end + start, e.items)
            for e in split_elements(lines[start:end])]


#: One quote mark, '>' with the space after it, after up to three spaces.
_QUOTE_MARK_RE = re.compile(r"^ {0,3}> ?")
#: The closing half of a wrapper whose opening half is nested quote marks: Katacoda's '>>Q1: …?<<' marks
#: a question so (Python-Markdown shows its words in a quote inside a quote, the '<<' after them).
_WRAP_CLOSE_RE = re.compile(r"\s*<<\s*$")


def unquote(line: str, depth: int = 1, indent: int = 3) -> str:
    """The line with up to `depth` quote marks taken off ('> ' each), the first one after up to
    `indent` spaces (a quote indented under a list item loses its indentation with its mark)."""
    for k in range(depth):
        m = _QUOTE_MARK_RE.match(line) if k or indent <= 3 else re.match(rf" {{0,{indent}}}> ?", line)
        if not m:
            break
        line = line[m.end():]
    return line


def quote_depth(line: str, indent: int = 3) -> int:
    """How many quote marks the line opens with ('>>Q1: …<<' two, '> > …' two, '> …' one)."""
    depth = 0
    while (rest := unquote(line, 1, indent if not depth else 3)) != line:
        line, depth = rest, depth + 1
    return depth


def unwrapped_quote(line: str) -> str:
    """A quote's first line as its words: all its quote marks off ('>>Q1: …' nests two quotes, a '>'
    each), and the '<<' that closes a '>>' wrapper ('>>Q1: How many nodes?<<' says 'Q1: How many nodes?')."""
    depth = quote_depth(line)
    words = unquote(line, depth)
    if depth > 1:
        words = _WRAP_CLOSE_RE.sub("", words)
    return words.strip()


def unquoted(lines: list[str], start: int, end: int) -> list[Element]:
    """The elements of the blockquote on lines start..end (0-based) once its '>' marks are taken
    off, in `lines` (in place): a quoted question and its answer ('> **Q:** …', '> **A:** …'). A
    quote that opens nested ('>>Q1: …<<', a wrapper) loses as many marks on each line, and its
    first line the wrapper's closing '<<'; a quote indented under a list item loses its indentation
    with its marks (`quoted.py`)."""
    indent = len(lines[start]) - len(lines[start].lstrip(" ")) if start < len(lines) else 0
    depth = quote_depth(lines[start], indent) if start < end else 1
    if depth > 1:
        lines[start] = lines[start][:len(lines[start]) - len(unquote(lines[start], depth, indent))] + unwrapped_quote(lines[start])
    for i in range(start, end):
        lines[i] = unquote(lines[i], depth, indent)
    return [Element(e.kind, e.start + start, e.end + start, e.text, e.level, e.own_end + start, e.items)
            for e in split_elements(lines[start:end])]


def expand_lists(lines: list[str], elements: list[Element]) -> list[Element]:
    """The elements with every top-level list split into its items."""
    out: list[Element] = []
    for el in elements:
        out.extend(item_elements(lines, el) if el.kind == "list" and el.items else [el])
    return out


def split_paragraphs(lines: list[str], elements: list[Element], breaks) -> list[Element]:
    """Paragraphs split before every line after their first for which `breaks(line)` is true
    (`Q: …` then `A: …` on the very next line are two blocks, as a person reads them)."""
    return cut_paragraphs(elements, lines, lambda k: breaks(lines[k]))


def cut_paragraphs(elements: list[Element], lines: list[str], cut: Callable[[int], bool]) -> list[Element]:
    """Paragraphs cut before each of their lines after the first whose 0-based index `cut` takes."""
    out: list[Element] = []
    for el in elements:
        cuts = [k for k in range(el.start + 1, el.own_end) if cut(k)] if el.kind == "paragraph" else []
        if not cuts:
            out.append(el)
            continue
        bounds = [el.start, *cuts, el.own_end]
        for a, b in zip(bounds, bounds[1:]):
            last = b == el.own_end
            text = "\n".join(line.strip() for line in lines[a:b])
            out.append(Element("paragraph", a, el.end if last else b, text, 0, b))
    return out
