"""Where the last question of a list ends: the list's repeated unit, not the chapter text after it.

A quiz written as a numbered list (`1. Which keyword …?`, `2. What does …?`) holds nothing under
its questions but the items themselves (their answers wait in a key at the end, or nowhere). The
prose an author writes after the list, at the list's outer level (`I usually do this quiz on the
train; the answers are below.`), belongs to the chapter, not to the list's last question, whose
unit would otherwise run on to the next heading. A paragraph that carries an answer label
(`Answer: …`) does belong to it; so does anything when the list's other questions hold text of
their own below them (answers written unindented, under each item).
"""

from __future__ import annotations

from qabook.importer.elements import Element
from qabook.importer.labels import Labels


def list_ends(elements: list[Element], starts: list, ends: list[int], labels: Labels) -> dict[int, int]:
    """{position in `starts`: the element index its unit ends at instead} for each list's last
    question whose unit runs on past the list into plain paragraphs while each of its siblings
    (two at least) is the item alone."""
    out: dict[int, int] = {}
    by_list: dict[int, list[int]] = {}
    for k, s in enumerate(starts):
        if s.strategy == "item" and elements[s.index].kind == "item":
            by_list.setdefault(elements[s.index].parent, []).append(k)
    for ks in by_list.values():
        *siblings, last = ks
        if len(siblings) < 2 or any(ends[k] != starts[k].index + 1 for k in siblings):
            continue  # each question holds text of its own below it: so may the last one
        i = starts[last].index
        after = i + 1
        if after >= ends[last] or elements[after].kind != "paragraph" or not elements[after].text.strip():
            continue
        if labels.paragraph(elements[after].text.split("\n", 1)[0]) is not None:
            continue  # 'Answer: …' right under the item: its answer, written unindented
        out[last] = after
    return out
