"""The page's own furniture: parts of a document that index its questions rather than ask them.

- A *table of contents*: a heading whose own section (up to the next heading of any level) is
  nothing but links to places in the document (`## Table of Contents` over `* [Closures](#closures)`
  entries, nested or not). It is read as chapter text, never as a question — even when it stands
  at the level of the document's other sections, whose units would otherwise swallow the whole
  document under it.
- An *outline of links*: a heading whose whole section (its sub-headings too, up to the next
  heading of its level or above) is nothing but headings and lines that are one link each, or a
  bare entry (`- 安全测试`), pointing at other pages (`## 📔 面试题` over `### 🐾 工作经验` over
  `- [项目经历](questions/work/项目经历.md)`): a site's navigation to its question pages, which asks
  nothing — neither the heading nor its entries do. Read as a table of contents is.
- *Questions listed first*: a bank that lists its questions (`1、为什么…？` …) and then repeats
  each one with its answer (`### 1、为什么…？`): a template whose starts mostly say what the
  reading's questions say, standing outside them, is that list again — the same questions, not a
  second group of unanswered ones.
- *Back-to-top links*: `[[↑]](#toc)`, `[↑ top](#table-of-contents)`, `[Back to top](#top)` at
  either end of a heading — a way back through the page, no word of the section it sits in
  (`without_furniture`: the group a heading names, the tag its questions get, is the rest).
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element
from qabook.importer.shapes import Shape, asks, said_words

#: A line that is only one link, a list item or not: '* [Closures](#closures)', '1. [What is X?](#what-is-x)',
#: '<a href="#q3">Q3</a><br>', and the '[TOC]' marker; `anchor` is set when it links to a place in this document.
_ENTRY_RE = re.compile(r"""^\s*(?:[-*+]|\d{1,3}[.)])?\s*(?:\*\*)?(?:\[[^\]]{0,500}\]\((?P<anchor>#)?[^)\s]{0,500}(?:\s+"[^"]{0,200}")?\)"""
                       r"""|<a\s[^>]*href\s*=\s*["']?(?P<anchor2>#)?[^<>]*>.{0,500}?</a>)(?:\*\*)?\s*(?:<br\s*/?>)?\s*$"""
                       r"|^\s*(?P<marker>\[TOC\])\s*$", re.I)

#: A link back up the page at a heading's start or end: its words are only arrows or 'back to top' /
#: 'top' / '返回顶部' / '回到目录', and it points to an anchor of this document.
_BACK_WORDS = r"(?:[\s\[\]↑⬆⇧▲^⤴🔝]|back|to|top|toc|contents|返回|回到|顶部|目录)+"
_BACK_LINK_RE = re.compile(rf"^\s*\[{_BACK_WORDS}\]\(#[^()\s]*\)\s*|\s*\[{_BACK_WORDS}\]\(#[^()\s]*\)\s*$", re.I)


def without_furniture(text: str) -> str:
    """A heading's words without the back-to-top links at its ends ('[[↑]](#toc) Questions about
    Design Patterns:' → 'Questions about Design Patterns:'); the text itself when nothing else is left."""
    rest = _BACK_LINK_RE.sub("", text)
    return rest.strip() or text

#: The fewest entries a table of contents lists (one or two links under a heading may be its answer).
MIN_ENTRIES = 3


def contents_headings(elements: list[Element], lines: list[str]) -> set[int]:
    """The headings (element indices) that title a table of contents: their own section holds at
    least `MIN_ENTRIES` lines, every one a link alone, nearly all (a slip aside: '[DVCS](dvcs)')
    to an anchor of the document, and the heading does
    not ask (`## What is in this FAQ?` over its links is still an index, but a question may be
    answered by links: the heading's words decide only when they ask nothing)."""
    out = set()
    for i, el in enumerate(elements):
        if el.kind != "heading" or asks(el.text):
            continue
        stop = next((elements[j].start for j in range(i + 1, len(elements)) if elements[j].kind == "heading"),
                    len(lines))
        own = [line for line in lines[el.own_end:stop] if line.strip()]
        entries = [m for line in own if (m := _ENTRY_RE.match(line))]
        anchored = sum(1 for m in entries if m["anchor"] or m["anchor2"] or m["marker"])
        if len(own) >= MIN_ENTRIES and len(entries) == len(own) and anchored >= 0.9 * len(own):
            out.add(i)
    return out


#: A bare entry of an outline: a list item of a few words, no link, nothing asked ('- 安全测试').
_BARE_ENTRY_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+[^\[\]()?？]{1,40}$")


def outline_headings(elements: list[Element], lines: list[str]) -> set[int]:
    """The headings (element indices) over an outline of links (see the module): their section,
    sub-headings included, holds at least `MIN_ENTRIES` lines that are a link alone, every other
    line a heading or a bare entry, and neither the heading, a sub-heading nor an entry asks."""
    out = set()
    for i, el in enumerate(elements):
        if el.kind != "heading" or asks(el.text):
            continue
        stop_el = next((j for j in range(i + 1, len(elements))
                        if elements[j].kind == "heading" and elements[j].level <= el.level), len(elements))
        heads = [j for j in range(i + 1, stop_el) if elements[j].kind == "heading"]
        if any(asks(elements[j].text) for j in heads):
            continue
        head_lines = {k for j in heads for k in range(elements[j].start, elements[j].own_end)}
        stop = elements[stop_el].start if stop_el < len(elements) else len(lines)
        own = [line for k, line in enumerate(lines[el.own_end:stop], el.own_end)
               if line.strip() and k not in head_lines and not re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line)]
        entries = [m for line in own if (m := _ENTRY_RE.match(line))]
        if len(entries) < MIN_ENTRIES or any(asks(line) for line in own):
            continue
        if all(_ENTRY_RE.match(line) or _BARE_ENTRY_RE.match(line) for line in own):
            out.add(i)
    return out


def contents_lines(elements: list[Element], shapes: list[Shape], lines: list[str]) -> int:
    """How many non-blank lines the tables of contents hold: the sections of the headings whose
    shape says so (`toc`, set from `contents_headings`), each up to the next heading."""
    count = 0
    for i, sh in enumerate(shapes):
        if sh.toc and sh.box[:1] == "h" and i < len(elements) and elements[i].kind == "heading":
            stop = next((elements[j].start for j in range(i + 1, len(elements)) if elements[j].kind == "heading"),
                        len(lines))
            count += sum(1 for line in lines[elements[i].start:stop] if line.strip())
    return count


def listed_again(titles: list[str], read: list[list[Shape]]) -> bool:
    """Whether the starts titled `titles` are the reading's questions listed again: at least half of
    them say what one of the questions read (the starts of `read`) says, compared by their words
    alone (`shapes.said_words`: '比如”`helloworld`”?' and '比如”hello world”?' say the same)."""
    asked = {said_words(sh.title) for shapes in read for sh in shapes}
    asked.discard("")
    return bool(titles) and sum(1 for t in titles if said_words(t) in asked) * 2 >= len(titles)
