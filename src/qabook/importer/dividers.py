"""A document's own divider between a question and its answer, found because it repeats.

Flash cards and drill sheets put the same short line between each front and back: a lone `?`
(Obsidian's spaced-repetition cards), `??`, `>>>`, or a label word alone (`Answer`, `答案`)
with no colon. Nothing lists these lines: a line is a divider of this document when

- it is short, alone on its line, outside code, and not a heading, list item, quote, table row,
  HTML or thematic break (`---` and `***` are separators already);
- it has no word of its own (only marks), or it is a label word the vocabulary knows alone;
- the very same line comes at least three times, always glued under a line of text and followed
  by text, and that text above asks (`?`, a question word) at least half of the time — the closing
  `:::` of an admonition or a `$$` of a formula also repeat, but not under questions.

Such a line becomes an answer label of this import (its part from the vocabulary when it is a
label word): the block above it is the question (`Shape.front`, even when it does not ask), the
text below it the answer. A line the labels already read (`Answer:`) is no divider.
"""

from __future__ import annotations

import re
from collections import defaultdict

from qabook.importer.labels import Labels
from qabook.importer.shapes import FENCE_RE, asks

#: Lines that are structure, not a divider: headings, list items, quotes, table rows, HTML, breaks.
_STRUCTURE_RE = re.compile(r"^\s*(?:#|[-*+]\s|\d+[.)]\s|>|\||<|[-*_=\s]+$)")
#: How many times the same line must come to be the document's own.
MIN_REPEATS = 3
_MAX_CHARS = 12


def dividers(lines: list[str], labels: Labels) -> dict[str, str]:
    """The divider lines of this document (stripped text → the part that follows it)."""
    fence = None
    seen: dict[str, list[int]] = defaultdict(list)
    for k, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)[0]
            continue
        if fence is not None:
            if m and m.group(1)[0] == fence:
                fence = None
            continue
        text = line.strip()
        if text and len(text) <= _MAX_CHARS and not _STRUCTURE_RE.match(line) and _kind(text, labels):
            seen[text].append(k)
    out = {}
    for text, at in seen.items():
        if len(at) < MIN_REPEATS:
            continue
        glued = [k for k in at if k > 0 and lines[k - 1].strip() and _text_after(lines, k)]
        asking = sum(1 for k in glued if asks(lines[k - 1].strip()))
        if len(glued) * 5 >= len(at) * 4 and asking * 2 >= len(glued):
            out[text] = _kind(text, labels)
    return out


def _kind(text: str, labels: Labels) -> str:
    """'answer' for a line of marks only; a known label word's part; '' for anything else (and for
    a line the labels already read: 'Answer:')."""
    if labels.paragraph(text) is not None:
        return ""
    if not re.search(r"\w", text):
        return "answer"
    said = labels.heading(text)
    return said.kind if said and not said.rest and said.kind in ("answer", "explanation") else ""


def _text_after(lines: list[str], k: int) -> bool:
    """Text follows the line within the next two lines."""
    return any(line.strip() for line in lines[k + 1:k + 3])
