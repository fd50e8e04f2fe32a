"""Follow-up questions written as a list inside a question: each a card of its own.

A reading note answers `## What symbol will create a heading in Markdown?`, then asks on under
that answer in a list whose items are questions, each with its answer indented under it:

    ## What symbol will create a heading in Markdown?

    # is the symbol used for creating a heading.

    - How many do you need to create the largest heading?

        One # is used to create the largest heading.

    - How many do you need to create the smallest heading?

        Six # are used to create the smallest heading.

A person sees three questions a learner can answer and grade one by one: the heading's, then each
follow-up with its own answer — as a follow-up written as a heading one level down
(`### 📌 **Follow-up:** …?`, `strays.py`/`levels.py`) or as a `Q:` over an `A:` after a `### 追问`
(`detect._lone_pairs`) is one. The items of such a list are follow-ups when

- the list is in a question of the reading, after that question has answered something of its own,
  and that question asks;
- every item of the list (two or more) is written as a question (`?`, `？`) and has its answer
  indented under it (not on its own line: a list of questions with nothing under them is the
  answer's text, questions to think about).

Each is reported (QI012) at its line, so the author sees where a question was read out of another's
answer.
"""

from __future__ import annotations

from qabook.importer.elements import Element
from qabook.importer.shapes import Shape, question_mark
from qabook.importer.template import Candidate

#: How many items a list of follow-ups holds at least (one asking item in an answer is its text).
MIN_ITEMS = 2


def follow_up_items(c: Candidate, elements: list[Element], shapes: list[Shape], lines: list[str],
                    read: list[Candidate]) -> Candidate | None:
    """The items of `c` (a list-item template) that are follow-ups inside the questions `read`,
    as a candidate whose `held` maps each to the question it sits in; None when there are none."""
    if c.key[0] != "item" or len(shapes) != len(elements) or not lines:
        return None
    keep: list[int] = []
    held_by: dict[int, int] = {}
    lists: dict[int, list[int]] = {}  # a list (its first line) → the template's starts in it
    for k, i in enumerate(c.indices):
        lists.setdefault(elements[i].parent, []).append(k)
    for parent, ks in lists.items():
        members = [j for j, el in enumerate(elements) if el.kind == "item" and el.parent == parent]
        if len(members) < MIN_ITEMS or sorted(c.indices[k] for k in ks) != members:
            continue  # (every item of the list is a start of the template)
        if not all(question_mark(shapes[j].title) and _indented_answer(elements[j], lines) for j in members):
            continue
        holder = next(((s, r, n) for r in read for n, (s, e) in enumerate(zip(r.indices, r.ends))
                       if s < members[0] < e and s < members[-1] < e), None)
        if holder is None:
            continue
        s, r, n = holder
        if r.key[0] in ("details", "adm", "quote") or not (r.asked_at and r.asked_at[n]):
            continue
        said = any(elements[j].kind != "heading" and elements[j].text.strip()
                   or elements[j].kind in ("fence", "code", "table") for j in range(s + 1, members[0]))
        if not said:
            continue  # the question's answer is the list itself
        keep += ks
        held_by.update({c.indices[k]: s for k in ks})
    if not keep:
        return None
    keep.sort()
    sub = c.taken(keep)  # (from a template inside the reading: not a rival reading)
    sub.asked_at = [True] * len(keep)
    sub.held = held_by  # reported (QI012): a question read out of another one's answer
    return sub


def _indented_answer(item: Element, lines: list[str]) -> bool:
    """The item holds text on lines under its own, indented (its answer)."""
    return any(line.strip() and line[:1] in (" ", "\t") for line in lines[item.own_end:item.end])
