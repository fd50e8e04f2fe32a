"""A question written as the last line of the block above its answer (a bank kept as plain text).

A bank copied from plain text has no Markdown at all: each answer runs straight on into the next
question's line, and a blank line parts that question from its own answer:

    Run the container with docker run -d -p 8080:80 <image> to map the port.
    How do you build a Docker image from a Dockerfile?

    Use the command docker build -t <image> .

A person reads the asking line as the start of the next question. A paragraph is cut before its
last line when that line

- asks: a question mark, or it opens with a question word (`Explain how to mount …`), and it
  begins a sentence (not a lower-case word);
- comes after a line that closes a sentence (`.`, `!`, `:`, `。`…) or names a section in a few
  words with no closing mark (`Basic Scenarios`): hard-wrapped prose whose paragraph ends in a
  question (`… and why⏎would it?`) is left whole;
- is followed by a blank line and then text (its answer);

and the document does so at least `MIN_CUTS` times: one paragraph ending in a rhetorical question
is no bank. The cut lines become blocks of their own; the template vote reads them as it reads any
paragraph that asks.
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element
from qabook.importer.shapes import Shape, asks
from qabook.importer.template import Candidate

#: How many paragraphs must end in their next question for the document to be read so.
MIN_CUTS = 3
_CLOSED_RE = re.compile(r"[.!:;。！：；)）\]`\"”]\s*$")
_TITLE_RE = re.compile(r"^[A-Z\u4e00-\u9fff][\w\u4e00-\u9fff&/,'’ -]{0,40}$")


def tail_cuts(lines: list[str], elements: list[Element]) -> set[int]:
    """The 0-based lines that start a question at the end of the paragraph above its answer."""
    cuts: set[int] = set()
    for n, el in enumerate(elements):
        if el.kind != "paragraph" or el.own_end - el.start < 2:
            continue
        k = el.own_end - 1
        line, above = lines[k].strip(), lines[k - 1].strip()
        if not line or not asks(line) or (line[0].isalpha() and line[0].islower()):
            continue
        if not (_CLOSED_RE.search(above) or (_TITLE_RE.match(above) and len(above.split()) <= 5)):
            continue
        after = elements[n + 1] if n + 1 < len(elements) else None
        if after is None or after.kind == "heading" or not lines[k + 1:k + 2] or lines[k + 1].strip():
            continue
        cuts.add(k)
    return cuts if len(cuts) >= MIN_CUTS else set()


def split_tails(elements: list[Element], lines: list[str], cuts: set[int]) -> list[Element]:
    """The paragraphs cut before each line of `cuts` (each such line a block of its own)."""
    if not cuts:
        return elements
    out: list[Element] = []
    for el in elements:
        k = el.own_end - 1
        if el.kind != "paragraph" or k not in cuts or k <= el.start:
            out.append(el)
            continue
        out.append(Element("paragraph", el.start, k, "\n".join(x.strip() for x in lines[el.start:k]), 0, k))
        out.append(Element("paragraph", k, el.end, lines[k].strip(), 0, el.own_end))
    return out


def tail_questions(elements: list[Element], shapes: list[Shape], lines: list[str]) -> Candidate | None:
    """The lines `split_tails` cut off (a one-line paragraph glued under the block above it, that
    asks, with a blank line and its answer after it) as the document's questions, when there are
    `MIN_CUTS` or more of them; else None. A fallback: read only when no template is question-like."""
    chosen = []
    for i, el in enumerate(elements):
        if i == 0 or el.kind != "paragraph" or el.own_end - el.start != 1 or not shapes[i].asking:
            continue
        above = elements[i - 1]
        if above.kind == "paragraph" and above.own_end == el.start and i + 1 < len(elements) \
                and elements[i + 1].kind != "heading" and el.own_end < len(lines) and not lines[el.own_end].strip():
            chosen.append(i)
    if len(chosen) < MIN_CUTS:
        return None
    ends = chosen[1:] + [len(elements)]
    total = sum(1 for line in lines if line.strip()) or 1
    held = sum(1 for line in lines[elements[chosen[0]].start:] if line.strip())
    return Candidate.fixed(("p", "", "tailask"), chosen, [shapes[i] for i in chosen], ends, True, 1.2,
                           coverage=held / total)
