"""Find where questions start in a document, trying the shapes real Q&A files have.

Strategies, first that fits wins:
1. numbered headings (`#### 1. 标题`, `##### 题目 3：标题`, `## 第 2 题`) at one heading level,
   accepted when most of them look like questions;
2. bold numbered lines with no heading (`**1. 什么是专利？**`);
3. labelled questions (`**题目：**`, `**面试题：**`, `**问题1：**`, `**Q1：…**`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qabook.importer.elements import Element
from qabook.importer.labels import heading_label, paragraph_label

NUMBERED_HEADING_RE = re.compile(
    r"^(?:第\s*(?P<a>\d+)\s*题|题目\s*(?P<b>\d+)\s*[：:.．、]?|(?P<c>\d+)\s*[.．、](?!\d))\s*(?P<rest>.*)$"
)
BOLD_NUMBERED_RE = re.compile(r"^\*\*\s*(?P<n>\d+)\s*[.．、]\s*(?P<rest>[^*\n]+?)\s*\*\*\s*$")
INTERROGATIVE_RE = re.compile(
    r"^(什么|如何|怎么|怎样|为什么|为何|哪些|哪个|是否|请|简述|描述|解释|说明|列举|比较|实现|编写|设计|"
    r"What|How|Why|When|Which|Who|Explain|Describe|Write|Implement|Provide|Compare|Discuss|Define|"
    r"Is|Are|Can|Do|Does)\b",
    re.I,
)
QUESTION_MARK_RE = re.compile(r"[?？]")


@dataclass
class Start:
    """The element that opens a question, with its number and title text."""

    index: int  # into the element list
    number: int | None
    title: str
    strategy: str
    level: int = 0  # heading level for strategy "heading"
    explicit: bool = False  # the heading itself says it is a question (题目 N / 第 N 题)


def _numbered_heading(el: Element) -> Start | None:
    if el.kind != "heading":
        return None
    m = NUMBERED_HEADING_RE.match(el.text.strip())
    if not m:
        return None
    number = int(m["a"] or m["b"] or m["c"])
    return Start(0, number, m["rest"].strip(), "heading", el.level, explicit=not m["c"])


def _has_label(elements: list[Element]) -> bool:
    for el in elements:
        first = el.text.split("\n", 1)[0]
        if el.kind == "paragraph" and paragraph_label(first):
            return True
        if el.kind == "heading" and heading_label(el.text):
            return True
        if el.kind == "html" and "<summary" in el.text:
            return True
    return False


def looks_like_question(start: Start, body: list[Element]) -> bool:
    title = start.title
    return bool(
        start.explicit
        or QUESTION_MARK_RE.search(title)
        or INTERROGATIVE_RE.match(title)
        or _has_label(body)
    )


def unit_end(elements: list[Element], start: Start, starts: set[int]) -> int:
    """Index of the first element after the start that ends its question."""
    for j in range(start.index + 1, len(elements)):
        el = elements[j]
        if j in starts:
            return j
        if el.kind == "heading" and (start.strategy != "heading" or el.level <= start.level):
            return j
    return len(elements)


def is_placeholder(start: Start, elements: list[Element], end: int) -> bool:
    """`#### 100.` with no title and nothing under it."""
    return not start.title.strip() and all(
        not el.text.strip() and el.kind in ("paragraph", "heading") for el in elements[start.index + 1:end]
    )


def _accept(elements: list[Element], candidates: list[Start]) -> list[Start] | None:
    if not candidates:
        return None
    indices = {c.index for c in candidates}
    liked = 0
    for c in candidates:
        end = unit_end(elements, c, indices)
        if looks_like_question(c, elements[c.index + 1:end]):
            liked += 1
    return candidates if liked * 2 > len(candidates) else None


def find_starts(elements: list[Element]) -> list[Start]:
    """Question starts, in order; empty when the document holds no recognisable Q&A."""
    by_level: dict[int, list[Start]] = {}
    for i, el in enumerate(elements):
        s = _numbered_heading(el)
        if s:
            s.index = i
            by_level.setdefault(el.level, []).append(s)
    ranked = sorted(by_level.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for _, candidates in ranked:
        accepted = _accept(elements, candidates)
        if accepted:
            return accepted

    bold = []
    for i, el in enumerate(elements):
        m = BOLD_NUMBERED_RE.match(el.text.strip()) if el.kind == "paragraph" else None
        if m:
            bold.append(Start(i, int(m["n"]), m["rest"].strip(), "bold"))
    accepted = _accept(elements, bold)
    if accepted:
        return accepted

    labelled = []
    for i, el in enumerate(elements):
        if el.kind != "paragraph":
            continue
        label = paragraph_label(el.text.split("\n", 1)[0])
        if label and label.kind == "question":
            number = int(m.group()) if (m := re.search(r"\d+", label.word)) else None
            labelled.append(Start(i, number, "", "label"))
    return labelled
