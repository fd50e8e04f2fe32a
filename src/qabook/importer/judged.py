"""Statements to judge written as a task list, the author's verdict in the box: '## 判断' (or
'## True or false') over '- [x] 知识产权包括著作权和工业产权两部分。' and '- [ ] 计算机网络中，每台计算机是
相互依赖的。', maybe a '>' note under one.

Each such item is a question: the statement, its answer the verdict the tick gives (ticked: true;
unticked: false), a note under it the rest of the answer. Read beside the document's other
questions (an exam bank's choice section, then its true/false section), where they leave only
chapter text, under a heading (the nearest or one above it) that names statements to judge. A list
most of whose statements repeat ones already read (the same section again after a '---', boxes
left empty for practice) is a copy, not more questions: it stays on the chapter page.
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element, headings_over
from qabook.importer.marked import CHECKED_RE, TASK_RE
from qabook.importer.shapes import said_words

#: A heading over statements to judge: '## 判断', '## 判断题', '## 是非题', '## True or false', '## T/F'.
JUDGE_HEADING_RE = re.compile(r"判断|是非|对错|true\s*(?:/|or|and)\s*false|(?<![A-Za-z])T\s*/\s*F(?![A-Za-z])", re.I)
#: How few statements make a section of them.
MIN_ITEMS = 3


def statement(line: str) -> str:
    """The statement of a task-list line, without its marker and box."""
    return TASK_RE.sub("", line, count=1).strip()


def verdict(line: str) -> bool:
    """The author's verdict on the statement: ticked is true."""
    return CHECKED_RE.match(line) is not None


def _said(text: str) -> str:
    """The statement's words, for telling a repeat (`shapes.said_words`), a 'TODO' left in it aside."""
    return said_words(text.replace("TODO", ""))



def judged_items(elements: list[Element], lines: list[str], taken: list[tuple[int, int]]) -> list[int]:
    """The task-list items outside `taken` (the units already read) that are statements to judge."""
    lists: dict[int, list[int]] = {}
    for i, el in enumerate(elements):
        if el.kind == "item" and el.parent >= 0 and 0 <= el.start < len(lines) and TASK_RE.match(lines[el.start]) \
                and re.search(r"\w", statement(lines[el.start])) and not any(s <= i < e for s, e in taken) \
                and any(JUDGE_HEADING_RE.search(h) for h in headings_over(elements, i)):
            lists.setdefault(el.parent, []).append(i)
    out: list[int] = []
    seen: set[str] = set()
    for items in lists.values():
        words = [_said(statement(lines[elements[i].start])) for i in items]
        if sum(1 for w in words if w in seen) * 2 >= len(words):
            continue  # the section again, to practise on: a copy
        out += items
        seen |= set(words)
    return sorted(out) if len(out) >= MIN_ITEMS else []
