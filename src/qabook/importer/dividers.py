"""A document's own divider between a question and its answer, found because it repeats.

Flash cards and drill sheets put the same short line between each front and back: a lone `?`
(Obsidian's spaced-repetition cards), `??`, `>>>`, or a label word alone (`Answer`, `答案`)
with no colon. Nothing lists these lines: a line is a divider of this document when

- it is short, alone on its line, outside code, and not a heading, list item, quote, table row,
  HTML or thematic break (`---` and `***` are separators already);
- it has no word of its own (only marks, or a lone `<br>` tag that shows nothing: `<br class="f">`
  between an Obsidian card's front and back), or it is a label word the vocabulary knows alone;
- the very same line comes at least three times, always glued under a line of text and followed
  by text, and that text above asks (`?`, a question word) at least half of the time — the closing
  `:::` of an admonition or a `$$` of a formula also repeat, but not under questions;
- or, a line of marks only, it comes once, right under the document's first line of text, which
  asks with a question mark, and text follows it: a file that is one card (`What is …?`, `?`, the
  answer);
- or, a line of marks only, it is the template every unit shares: once in each section of one
  heading level (in most of them), with text above and below it, blank lines around it or not
  (an Anki deck's `%` between front and back under each `##`).

Such a line becomes an answer label of this import (its part from the vocabulary when it is a
label word): the block above it is the question (`Shape.front`, even when it does not ask), the
text below it the answer. A line the labels already read (`Answer:`) is no divider.
"""

from __future__ import annotations

import re
from collections import defaultdict

from qabook.importer.labels import Labels
from qabook.importer.readview import front_matter_end
from qabook.importer.shapes import FENCE_RE, QUESTION_MARK_RE, asks

#: Lines that are structure, not a divider: headings, list items, quotes, table rows, HTML, breaks.
_STRUCTURE_RE = re.compile(r"^\s*(?:#|[-*+]\s|\d+[.)]\s|>|\||<|[-*_=\s]+$)")
#: How many times the same line must come to be the document's own.
MIN_REPEATS = 3
_MAX_CHARS = 12
#: A line that is one line-break tag and shows no word ('<br>', '<br/>', '<br class="f">'): marks only.
_BREAK_TAG_RE = re.compile(r"^<br\b[^<>]{0,40}?/?>$", re.I)


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
        if text and (_BREAK_TAG_RE.match(text) or len(text) <= _MAX_CHARS and not _STRUCTURE_RE.match(line)) \
                and _kind(text, labels):
            seen[text].append(k)
    out = {text: "answer" for text in _side_markers(lines)}
    for text, at in seen.items():
        if len(at) == 1 and _one_card(lines, at[0]) and _marks_only(text):
            out[text] = "answer"
            continue
        if len(at) < MIN_REPEATS:
            continue
        glued = [k for k in at if k > 0 and lines[k - 1].strip() and _text_after(lines, k)
                 and (not _BREAK_TAG_RE.match(text) or k + 1 < len(lines) and lines[k + 1].strip())]
        # a '<br/>' closing each line of a list of links is spacing, not a divider: a break tag
        # divides only when glued between the front above and the back below it
        asking = sum(1 for k in glued if asks(lines[k - 1].strip()))
        if len(glued) * 5 >= len(at) * 4 and asking * 2 >= len(glued):
            out[text] = _kind(text, labels)
        elif _one_per_section(lines, at) and _marks_only(text):
            out[text] = "answer"
    return out


#: An HTML comment alone on its line that names a card's side ('<!-- front -->', '<!-- ANSWER -->').
_SIDE_COMMENT_RE = re.compile(r"^<!--\s*(?:front|back)\s*-->$", re.I)


def _side_markers(lines: list[str]) -> set[str]:
    """Comments that name a card's side, invisible on the page, between a front that asks and the
    text of its back: '<!-- front -->' closing the front, '<!-- back -->' opening the back. One
    that closes the back ('<!-- back -->' with nothing after it) or opens the front ('<!-- front
    -->' first in the file) divides nothing. ('<!-- answer -->' is a label: `labels.py`.)"""
    out = set()
    fence = None
    for k, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if m and (fence is None or m.group(1)[0] == fence):
            fence = m.group(1)[0] if fence is None else None
            continue
        text = line.strip()
        if fence is not None or not _SIDE_COMMENT_RE.match(text):
            continue
        above = next((lines[j].strip() for j in range(k - 1, max(-1, k - 4), -1) if lines[j].strip()), "")
        after = any(x.strip() and not _SIDE_COMMENT_RE.match(x.strip()) for x in lines[k + 1:])
        if above and asks(above) and not above.startswith(("#", "<")) and after:
            out.add(text)
    return out


_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")


def _level(line: str) -> int:
    return len(line.strip()) - len(line.strip().lstrip("#"))


def _one_per_section(lines: list[str], at: list[int]) -> bool:
    """Each of the line's places is the only one in its section, between text above and text below
    it, in most of the document's sections of that heading: the template every unit shares (a deck
    whose cards each start at '##' and put '%' between front and back)."""
    heads = [k for k, line in enumerate(lines) if _HEADING_RE.match(line)]
    owners = [max((h for h in heads if h < k), default=-1) for k in at]
    if len(set(owners)) != len(at) or -1 in owners:
        return False
    levels = {_level(lines[h]) for h in owners}
    if len(levels) != 1:
        return False
    level = levels.pop()
    same = [h for h in heads if _level(lines[h]) == level]
    if any(lines[j].strip().startswith(lines[k].strip()) for h, k in zip(owners, at) for j in range(h + 1, k)):
        return False  # it closes what a line above opened in its section (':::warning' … ':::')
    framed = all(_text_after(lines, k) and any(line.strip() for line in lines[max(0, k - 2):k]) for k in at)
    return framed and len(at) * 5 >= len(same) * 4


def _one_card(lines: list[str], k: int) -> bool:
    """Line `k` comes right under the document's first line of text (after its front matter), which
    asks with a question mark, and text follows it."""
    first = next((j for j in range(front_matter_end(lines), len(lines)) if lines[j].strip()), None)
    return first == k - 1 and bool(QUESTION_MARK_RE.search(lines[first])) and asks(lines[first].strip()) \
        and _text_after(lines, k)


def _kind(text: str, labels: Labels) -> str:
    """'answer' for a line of marks only; a known label word's part; '' for anything else (and for
    a line the labels already read: 'Answer:')."""
    if labels.paragraph(text) is not None:
        return ""
    if _marks_only(text):
        return "answer"
    said = labels.heading(text)
    return said.kind if said and not said.rest and said.kind in ("answer", "explanation") else ""


def _marks_only(text: str) -> bool:
    """The line shows no word: marks only ('?', '>>>'), or a lone line-break tag ('<br class="f">')."""
    return not re.search(r"\w", text) or bool(_BREAK_TAG_RE.match(text))


def _text_after(lines: list[str], k: int) -> bool:
    """Text follows the line within the next two lines."""
    return any(line.strip() for line in lines[k + 1:k + 3])
