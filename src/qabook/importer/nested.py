"""Questions written one list level down: a top-level item names a topic, the items nested
under it ask (`detect.py` reads them after `elements.expand_lists`).

    1. **Microservices Architecture:**
       - **Q: What is the role of a service registry?**
         - A: It keeps the list of running services …
       - **Q: How does an API gateway help security?**
         - A: …

A person sees two questions under a topic name; the parser sees one top-level item. A top-level
item whose own line neither asks nor carries a label, whose text goes straight on with a list
of two or more items most of which ask (or are labelled questions), is split — when another
item of its list is written so too: its own line
becomes a *group* element (it names the group, goes to the chapter page and ends the question
before it, as a heading does), each nested item an item element of its own (its deeper bullets
or indented paragraphs its body). A question item whose sub-items are its answers (`- What is
X?` over `- it is …`) asks itself and is never split.
"""

from __future__ import annotations

from qabook.importer.elements import Element, item_continuation
from qabook.importer.labels import Labels
from qabook.importer.shapes import shape_of

def _asks(el: Element, lines: list[str], labels: Labels) -> bool:
    shape = shape_of(el, labels, lines)
    return shape.asking or shape.label_kind == "question" or bool(shape.tag)  # '[E] Write …': a rated exercise


def _nested_items(lines: list[str], item: Element) -> list[tuple[int, int, int]] | None:
    """(number, first line, end line) of the items of the list that goes straight on under the
    item's own line (0-based lines of `lines`), or None when its text does not go on with a list."""
    inner = item_continuation(lines, item)
    if not inner or inner[0].kind != "list" or len(inner[0].items) < 2:
        return None
    return list(inner[0].items)


def expand_nested(lines: list[str], elements: list[Element], labels: Labels) -> list[Element]:
    """The elements with each topic item over a list of questions split into a group element and
    one item element per nested question (the same elements when none is). Two topic items of one
    list at least must be so written: the document's template, not one bullet of a note that lists
    two open questions under it."""
    split: dict[int, list[Element]] = {}  # element index → its group and nested items
    for k, el in enumerate(elements):
        own = shape_of(el, labels, lines) if el.kind == "item" else None
        if own is None or own.asking or own.label_kind:
            continue
        nested = _nested_items(lines, el)
        if nested is None:
            continue
        subs = []
        for j, (number, start, _end) in enumerate(nested):
            stop = nested[j + 1][1] if j + 1 < len(nested) else el.end
            first = lines[start].strip()
            text = first.split(maxsplit=1)[1] if " " in first else ""
            subs.append(Element("item", start, stop, text, number, start + 1, parent=nested[0][1]))
        if sum(_asks(s, lines, labels) for s in subs) * 2 > len(subs):
            split[k] = [Element("group", el.start, subs[0].start, el.text, el.level, el.own_end, parent=el.parent)] + subs
    lists: dict[int, int] = {}
    for k in split:
        lists[elements[k].parent] = lists.get(elements[k].parent, 0) + 1
    out: list[Element] = []
    for k, el in enumerate(elements):
        out.extend(split[k] if k in split and lists[el.parent] >= 2 else [el])
    return out
