"""Numbers the questions' sequence skips, found where a person sees them.

A reader of `40.`, `42.`, `43.` looks for 41 between 40 and 42 and finds it: a numbered paragraph
that Markdown reads as text, not as a list item (`41.（10分）…`: no space after the dot), or a
numbered line glued under the paragraph above it (an ordered list that does not start at 1 cannot
interrupt a paragraph, so `…请给出简要注释。⏎43.（8分）…` is one paragraph to Markdown and two
blocks to a person). A number fills a gap when it is written in the same numbering style as the
starts around it (`N.`, `N、`, `N)`, with or without bold), in a paragraph or list item, and

- between two starts: every number the gap skips is found there, in order (a gap explained in
  part is left alone: the document may simply skip numbers);
- after the last start: it is the next number, then the next, one by one.

Scanning a gap stops at a block numbered in that style with another number (an answer's own
`1.`–`4.` list is never read as questions 4 and on). `plan.py` warns at each line found (QI036).

Lines numbered by a question word one after another in one paragraph (`Q1) …⏎Q2) …`, no blank
line between them) are cut apart before detection, each its own block (`numbered_question_lines`).
"""

from __future__ import annotations

from qabook.importer.elements import Element, cut_paragraphs
from qabook.importer.shapes import Numbering, numbering, says_question, step, unbold

#: The numbering styles a gap is filled in: a number and its punctuation, nothing else.
_STYLES = frozenset({"N.", "N、", "N)"})
#: At least this many numbered starts make a sequence whose gaps are worth looking for.
MIN_STARTS = 3


def _number(line: str) -> Numbering | None:
    num = numbering(unbold(line.strip()))
    return num if num and num.style in _STYLES and num.number is not None and not num.part else None


def _line_number(elements: list[Element], lines: list[str], i: int) -> Numbering | None:
    el = elements[i]
    return _number(lines[el.start]) if el.kind in ("paragraph", "item") and el.start < len(lines) else None


def found_numbers(elements: list[Element], lines: list[str], starts: list) -> list[tuple[int, int, int]]:
    """(element index, 0-based line, number) of each number the starts' sequence skips, found as a
    paragraph's or item's first line (a start of its own) or as a line inside a paragraph (to cut)."""
    numbered = [(s, _line_number(elements, lines, s.index)) for s in starts]
    numbered = [(s, n) for s, n in numbered if n is not None and s.number == n.number]
    if len(numbered) < MIN_STARTS:
        return []
    at = {s.index for s in starts}
    out: list[tuple[int, int, int]] = []
    for k, (s, num) in enumerate(numbered):
        nxt = numbered[k + 1] if k + 1 < len(numbered) else None
        if nxt is not None and (nxt[1].style != num.style or nxt[0].number <= num.number + 1):
            continue
        stop = nxt[0].index if nxt is not None else len(elements)
        if any(i in at for i in range(s.index + 1, stop)):
            continue  # another start (unnumbered) sits in the gap: not this sequence's gap
        found = _scan(elements, lines, s.index + 1, stop, num.style, num.number + 1,
                      nxt[0].number if nxt is not None else None)
        if nxt is None or (found and found[-1][2] == nxt[0].number - 1):
            out += found
    return out


def _scan(elements: list[Element], lines: list[str], first: int, stop: int, style: str, expected: int,
          bound: int | None) -> list[tuple[int, int, int]]:
    found = []
    for i in range(first, stop):
        el = elements[i]
        if el.kind not in ("paragraph", "item"):
            continue
        rows = range(el.start, el.own_end) if el.kind == "paragraph" else range(el.start, el.start + 1)
        for row in rows:
            num = _number(lines[row])
            if num is None or num.style != style:
                continue
            if num.number != expected or (bound is not None and expected >= bound):
                return found
            found.append((i, row, expected))
            expected += 1
    return found


def glued_lines(elements: list[Element], lines: list[str], starts: list) -> set[int]:
    """The 0-based lines inside a paragraph that fill a gap: where the paragraph is cut."""
    return {row for i, row, _ in found_numbers(elements, lines, starts) if row != elements[i].start}


def cut_at(elements: list[Element], lines: list[str], cuts: set[int]) -> list[Element]:
    """The paragraphs cut before each line of `cuts`."""
    return cut_paragraphs(elements, lines, cuts.__contains__) if cuts else elements


def numbered_question_lines(elements: list[Element], lines: list[str]) -> set[int]:
    """The 0-based lines inside a paragraph that each open a question by a numbered question word,
    one after another in sequence (`Questions:⏎Q1) What is a Pod…?⏎Q2) Explain…`): no blank line
    between them, so Markdown reads one paragraph, while a person reads a question per line. A run
    of at least two such lines, numbered one by one (`step`), is cut before each of its lines; a
    lone `Q1)` inside a sentence's run-on text is left alone."""
    cuts: set[int] = set()
    for el in elements:
        if el.kind != "paragraph" or el.own_end - el.start < 2:
            continue
        run: list[tuple[int, Numbering]] = []
        for row in range(el.start, el.own_end + 1):  # (one row past the paragraph ends its last run)
            num = _question_number(lines[row]) if row < el.own_end else None
            if num is not None and run and step(run[-1][1], num) == 1:
                run.append((row, num))
                continue
            if len(run) >= 2:
                cuts |= {r for r, _ in run if r != el.start}
            run = [(row, num)] if num is not None else []
    return cuts


def _question_number(line: str) -> Numbering | None:
    """The line's numbering when a question word numbers it ('Q2)', 'Question 3:', '第 4 题')."""
    num = numbering(unbold(line.strip()))
    return num if num is not None and says_question(num) and num.number is not None else None
