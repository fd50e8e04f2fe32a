"""A question title that runs on over several headings: one question, not two.

Some authors break a long question over two or three headings of the same level with nothing
between them (`### 6 . A startup is planning …` then `### As the principal consultant, which …?`):
a person reads one title. Two question starts are one question when they are headings of the same
level, adjacent (only blank lines between), exactly one of them is numbered, and the unnumbered one
reads as a sentence (it asks, or ends in a sentence's punctuation, or is long) rather than a group
title (`### Networking` over `### 1. …`). The first start stays, with the number of the numbered one;
the others' lines are its question (`Start.runs` says how many elements continue its title).
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element
from qabook.importer.labels import DEFAULT, Labels
from qabook.importer.shapes import asks, numbering, unbold

_SENTENCE_END_RE = re.compile(r"[.。!！?？:：;；]\s*$")


def _sentence(title: str) -> bool:
    """The heading's text reads as part of a sentence, not a short group title."""
    text = re.sub(r"[*_`]|&nbsp;", " ", title).strip()
    return bool(asks(text) or _SENTENCE_END_RE.search(text) or len(text.split()) >= 8 or len(text) >= 40)


def _adjacent(elements: list[Element], a: int, b: int) -> bool:
    return b == a + 1 and elements[a].kind == elements[b].kind == "heading" and elements[a].level == elements[b].level


def run_on_titles(elements: list[Element], starts: list, labels: Labels = DEFAULT) -> tuple[list, list[tuple[int, int]]]:
    """The starts with run-on titles joined, and the joins as (line of the start kept, line joined).
    A heading that is no start of its own joins too when it follows a numbered start with nothing
    between and is unnumbered, unlabelled and written as a sentence."""
    out: list = []
    joined: list[tuple[int, int]] = []
    at = {s.index: s for s in starts}
    k = 0
    while k < len(starts):
        s = starts[k]
        group, titles, last = [s], [s.title.strip()], s.index
        while s.strategy == "heading" and last + 1 < len(elements) and _adjacent(elements, last, last + 1):
            nxt = at.get(last + 1)
            el = elements[last + 1]
            if nxt is None:
                text = unbold(el.text.strip())
                if s.number is None or numbering(text) or labels.heading(text) or not _sentence(text) \
                        or any(g.number is None for g in group[1:]):
                    break
                titles.append(" ".join(text.split()))
                group.append(None)
            else:
                both = [g for g in group if g is not None] + [nxt]
                numbered = [g for g in both if g.number is not None]
                if nxt.strategy != "heading" or len(numbered) != 1 \
                        or not all(_sentence(g.title) for g in both if g.number is None):
                    break
                titles.append(nxt.title.strip())
                group.append(nxt)
            last += 1
        if len(group) > 1:
            numbered = next(g for g in group if g is not None and g.number is not None)
            s.number = numbered.number
            s.explicit = s.explicit or numbered.explicit
            s.title = " ".join(titles)
            s.runs = len(group) - 1
            joined += [(elements[s.index].lineno, elements[s.index + n].lineno) for n in range(1, len(group))]
        out.append(s)
        k += 1 + sum(1 for g in group[1:] if g is not None)
    return out, joined
