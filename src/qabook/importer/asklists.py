"""A list of questions that carry no answers of their own: a lesson's knowledge check, a bank
of open questions whose answers are links to where they are discussed.

When no template is question-like, a bullet or numbered list whose items are one line each and
nearly all ask (`- [Why is clean code important?](#introduction)`, `- What is a closure?`) is a
list of questions: each item is one, its answer missing or behind its link. A list numbered 1, 2,
3… by its author needs only most of its items to ask, and every item is a question (a study list
says 'Contrast how…' among its questions). A list of links
whose titles mostly do not ask (further reading, a table of contents into the document) is not,
nor is a list whose items only open with a question word and none is written as a question
('What you did this week', 'How to install'): an agenda or an outline, with no answer to show it.
"""

from __future__ import annotations

from qabook.importer.elements import Element
from qabook.importer.shapes import QUESTION_MARK_RE, Shape
from qabook.importer.template import Candidate

#: The share of a list's items that must ask (of a list numbered in order: the numbering says
#: the rest are questions too), and how few items make a list of questions.
ASKING_SHARE = 0.8
NUMBERED_ASKING_SHARE = 0.66
MIN_ITEMS = 2


def asking_lists(elements: list[Element], shapes: list[Shape], lines: list[str]) -> Candidate | None:
    """The lists of one-line asking items, as one candidate (None when there are none)."""
    lists: dict[int, list[int]] = {}
    for i, el in enumerate(elements):
        if el.kind == "item" and el.parent >= 0:
            lists.setdefault(el.parent, []).append(i)
    chosen: list[int] = []
    for items in lists.values():
        if len(items) < MIN_ITEMS:
            continue
        one_line = all(not any(line.strip() for line in lines[elements[i].own_end:elements[i].end]) for i in items)
        asking = sum(1 for i in items if shapes[i].asking) / len(items)
        toc = sum(1 for i in items if shapes[i].toc) / len(items)
        marked = any(QUESTION_MARK_RE.search(shapes[i].title or "") for i in items)
        in_order = numbered_in_order(elements, items)
        if one_line and asking >= (NUMBERED_ASKING_SHARE if in_order else ASKING_SHARE) and toc < 0.5 and marked:
            chosen += items if in_order else [i for i in items if shapes[i].asking]
    if not chosen:
        return None
    chosen.sort()
    total = sum(1 for line in lines if line.strip()) or 1
    return Candidate.fixed(("item", "", "asklist"), chosen, [shapes[i] for i in chosen], [i + 1 for i in chosen],
                           False, 1.5, coverage=len(chosen) / total)


def numbered_in_order(elements: list[Element], items: list[int]) -> bool:
    """The list is numbered 1, 2, 3… by its author: each item is one of its questions, the few
    written as statements too ('11. Contrast how autotrophs and heterotrophs…' among questions)."""
    numbers = [elements[i].level for i in items]
    return numbers[0] > 0 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))
