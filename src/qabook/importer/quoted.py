"""Questions written as a blockquote's numbered labels, one per paragraph (`detect.py` reads
them after `nested.expand_nested`).

    1. 熟练的使用Python语言进行应用程序开发，……

       > 问题1：你所指的良好的编程习惯是什么。
       >
       > 问题2：说一说你知道的面向对象的设计原则有哪些。

A person sees two questions, each labelled and numbered in turn, quoted under a line they are
asked about; the parser sees one quote (inside the list item, or after it: Python-Markdown, what
MkDocs renders with, ends a list item at a line indented less than four spaces). A quote whose
paragraphs *all* open with a question label that carries a number (`问题1：`, `Question 2:`), two
or more (one, under a list item), numbered one by one, is split into one quote element per paragraph; a list item whose
text goes on with such a quote becomes a *group* element (the line they are asked about: it goes
to the chapter page and ends the question before it, as a heading does). A quote holding anything
else (`> 问题1：…` then `> 答：…`, an answer or a remark) is left whole: a question with its answer.
"""

from __future__ import annotations

from qabook.importer.elements import Element, item_continuation, quote_depth, unquote, unquoted, unwrapped_quote
from qabook.importer.labels import Labels
from qabook.importer.shapes import numbering, shape_of

#: The fewest labelled paragraphs that make a quote a run of questions (a quote standing alone with
#: one of them is already one question's block; under a list item, one is the item's question).
MIN_QUOTED = 2


def _numbered_question(line: str, labels: Labels) -> int | None:
    """The number of a question label the line opens with ('问题1：…', 'Question 2: …'), else None."""
    label = labels.paragraph(line)
    num = numbering(line)
    if label is None or label.kind != "question" or not label.rest or num is None or num.style != "wordN":
        return None
    return num.number


def quoted_questions(lines: list[str], start: int, end: int, labels: Labels,
                     fewest: int = MIN_QUOTED) -> list[tuple[int, int]] | None:
    """(first line, end line) of each question of the quote on lines start..end (0-based, the
    quote's own lines), when each of its paragraphs opens with a numbered question label, numbered
    one by one; else None."""
    body = lines[start:end]  # (a copy: its marks off, as the quote's block is read, '>>Q4: …<<' too)
    inner = [e for e in unquoted(body, 0, len(body)) if any(x.strip() for x in body[e.start:e.own_end])]
    if len(inner) < fewest or any(e.kind != "paragraph" for e in inner):
        return None
    # each paragraph's number read as its quote's will be once split ('>> 问题5：…<<' says '问题5：…')
    numbers = [_numbered_question(unwrapped_quote(lines[start + e.start].lstrip()), labels) for e in inner]
    if None in numbers or any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return None
    firsts = [e.start + start for e in inner]
    return [(a, b) for a, b in zip(firsts, firsts[1:] + [end])]


def _item_quote(lines: list[str], item: Element) -> tuple[int, int] | None:
    """(first line, own end) of the quote an item's text goes on with after its own line, indented
    under it (0-based), or None."""
    inner = item_continuation(lines, item)
    if len(inner) != 1 or inner[0].kind != "quote":
        return None
    return inner[0].start, inner[0].own_end


def expand_quoted(lines: list[str], elements: list[Element], labels: Labels) -> list[Element]:
    """The elements with each quote of numbered question labels split into one quote element per
    question, and a list item over such a quote into a group element and those quotes (the same
    elements when there is none)."""
    out: list[Element] = []
    split: set[int] = set()  # the lists some of whose items are split
    for el in elements:
        if el.kind == "quote":
            found, group = quoted_questions(lines, el.start, el.own_end, labels), None
        elif el.kind == "item" and (quote := _item_quote(lines, el)) is not None:
            found = quoted_questions(lines, quote[0], quote[1], labels, fewest=1)
            group = Element("group", el.start, quote[0], el.text, el.level, el.own_end, parent=el.parent)
        else:
            found, group = None, None
        if not found:
            out.append(el)
            continue
        if group is not None:
            out.append(group)
            split.add(el.parent)
        for k, (a, b) in enumerate(found):
            last = k == len(found) - 1
            indent = len(lines[a]) - len(lines[a].lstrip(" "))
            depth = quote_depth(lines[a], indent)
            text = "\n".join(unquote(line, depth, indent).strip() for line in lines[a:b] if line.strip().strip(">"))
            out.append(Element("quote", a, el.end if last else b, text, 0, b))
    return _siblings(out, split, lines, labels)


def _siblings(elements: list[Element], split: set[int], lines: list[str], labels: Labels) -> list[Element]:
    """The other items of a list whose items name what the quoted questions under them ask about
    ('5. 能够使用NumPy…', no question under it): lines of the same kind, group elements too, that end
    the question before them — unless they ask or carry a label themselves."""
    out = []
    for el in elements:
        if el.kind == "item" and el.parent in split and not _asks(el, lines, labels):
            el = Element("group", el.start, el.end, el.text, el.level, el.own_end, parent=el.parent)
        out.append(el)
    return out


def _asks(el: Element, lines: list[str], labels: Labels) -> bool:
    shape = shape_of(el, labels, lines)
    return shape.asking or bool(shape.label_kind)
