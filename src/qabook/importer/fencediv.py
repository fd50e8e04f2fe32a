"""Fenced divs (Pandoc `::: name` / `::: {.name}`, MyST `:::{name}`): containers whose class word
says what they hold.

A course page written for Pandoc, Quarto, the Carpentries' Workbench or MyST keeps its exercises in
fenced divs: `:::::: challenge` … `::::::` with a `## Title` heading first inside, the solution in a
nested `::: solution`; `::: {.callout-tip collapse="true"}` boxes of notes; `:::{exercise} Title`.
A reader of the rendered page sees a box per div and reads it by its class: a challenge box is one
question (its heading is the question's title, a `## Hint` or `## Solution` inside its solution
box is part of the answer), a callout or an instructor note is text of the lesson, and the
tutorial sections between the boxes are the chapter's text, not questions.

The class word is read through the vocabulary (`vocabulary.container_kind`: challenge, exercise,
question, problem, quiz → a question; solution, answer, hint → an answer; anything else → text). When
two or more divs that hold a question repeat outside code, they are the document's template
(`question_divs`); `detect` takes them unless the other reading has more asking starts outside
every div than there are such divs (an FAQ that puts a note or two in a box). One such div that a
solution box answers (`lone_boxes`) is a question too, beside the other reading or alone. A solution box right
after its exercise (MyST's `:::{solution} ex-1` under `:::{exercise}`) is that exercise's answer.
The fence lines become the page's blocks (their colons, class and attributes are shown by the box);
every word of a box's own — its title, MyST's `:label:` options, a solution's argument — stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qabook.importer.shapes import ATX_HEADING_RE, unfenced
from qabook.vocabulary import container_kind

#: A div's opening line: colons, then `{.class #id key=val}` / `{name}` (MyST) or a bare name, then
#: an optional title ('::: details 答案', ':::{exercise} Oppgave 1'); trailing colons allowed.
OPEN_RE = re.compile(r"^ {0,3}(?P<colons>:{3,})[ \t]*(?:\{(?P<attrs>[^{}\n]*)\}|(?P<name>[^\s{}:][^\s{}]*))"
                     r"(?P<rest>[^\n]*?)[ \t]*:*[ \t]*$")
#: A line of colons alone: it closes the innermost open div.
CLOSE_RE = re.compile(r"^ {0,3}:{3,}[ \t]*$")
_OPTION_RE = re.compile(r"^\s*:[\w-]+:")  # MyST's ':label: ex-1' option lines under the opener
_TITLE_ATTR_RE = re.compile(r'\btitle\s*=\s*(?P<q>["\'])(?P<text>.*?)(?P=q)')


@dataclass
class Div:
    """One fenced div: its lines (0-based, the opener and the closer), what its class says it holds,
    the title a reader sees on its box and where that title is written."""

    open: int
    close: int
    name: str
    kind: str  # "question", "answer" or "text"
    title: str
    title_line: int | None  # the heading line inside that titles the box (None: the opener's own title)
    parent: int | None  # index of the div it sits in


def _name(m: re.Match[str]) -> str:
    """The class word of an opener: the first `.class` of its attributes, else its first bare word."""
    if m["name"]:
        return m["name"]
    attrs = m["attrs"] or ""
    cls = re.search(r"(?:^|\s)\.(?P<c>[^\s.#=]+)", attrs)
    if cls:
        return cls["c"]
    bare = re.search(r"(?:^|\s)(?P<w>[^\s.#=\"']+)(?=\s|$)", attrs)
    return bare["w"] if bare else ""


def _title(lines: list[str], m: re.Match[str], start: int, close: int) -> tuple[str, int | None]:
    """The box's title: a heading first inside it, else the opener's own title text, else the first
    line of its text (kept in the question too)."""
    text = ""
    for k in range(start + 1, close):
        line = lines[k]
        if not line.strip() or _OPTION_RE.match(line):
            continue
        h = ATX_HEADING_RE.match(line)
        if h and h["text"].strip():
            return h["text"].strip(), k
        text = line.strip() if not OPEN_RE.match(line) and not CLOSE_RE.match(line) else ""
        break
    attr = _TITLE_ATTR_RE.search(m["attrs"] or "")
    title = (attr["text"] if attr else (m["rest"] or "")).strip().strip('"').strip()
    return title or text, None


def divs(lines: list[str]) -> list[Div]:
    """Every closed fenced div of the document, outside code, in the order they open."""
    found: list[Div] = []
    stack: list[tuple[int, re.Match[str], int | None]] = []  # (line, opener, parent's index in `found`)
    pending: list[tuple[int, re.Match[str], int | None]] = []  # closed, in the order they close
    closed: dict[int, int] = {}
    for k, line in unfenced(lines):
        if CLOSE_RE.match(line):
            if stack:
                at, m, parent = stack.pop()
                closed[at] = k
                pending.append((at, m, parent))
            continue
        m = OPEN_RE.match(line)
        if m and _name(m):
            stack.append((k, m, stack[-1][0] if stack else None))
    order = sorted(pending, key=lambda p: p[0])
    index = {at: n for n, (at, _, _) in enumerate(order)}
    for at, m, parent in order:
        name = _name(m)
        title, title_line = _title(lines, m, at, closed[at])
        kind = container_kind(name) or ""
        if not kind:
            said = container_kind(title) if title else None  # '::: {.callout-tip}' titled '## Solution'
            kind = "answer" if said == "answer" else "text"
        found.append(Div(at, closed[at], name, kind, title, title_line,
                         index.get(parent) if parent is not None else None))
    return found


def question_divs(every: list[Div]) -> list[Div]:
    """Of the document's divs (`divs`), those that hold one question each, when the document
    repeats them (two or more, none inside another question's div); [] otherwise."""
    chosen = []
    for d in every:
        if d.kind != "question":
            continue
        up, nested = d.parent, False
        while up is not None:
            nested = nested or every[up].kind == "question"
            up = every[up].parent
        if not nested:
            chosen.append(d)
    return chosen if len(chosen) >= 2 else []


def lone_boxes(every: list[Div], lines: list[str]) -> list[Div]:
    """Of the document's divs (`divs`), a question's box that the document does not repeat (one
    `::: challenge`), answered by a solution box inside it or right after it: one question all the
    same, its class says so."""
    if question_divs(every):
        return []
    out = []
    for n, d in enumerate(every):
        if d.kind != "question" or d.parent is not None:
            continue
        inner = any(x.parent == n and x.kind == "answer" for x in every)
        if inner or reach(d, every, lines) > d.close:
            out.append(d)
    return out


def inside_any(line: int, boxes: list[Div]) -> bool:
    """Whether the 0-based line lies within one of the divs (their fence lines included)."""
    return any(d.open <= line <= d.close for d in boxes)


def reach(box: Div, every: list[Div], lines: list[str]) -> int:
    """The last line of a question's box and of the answer boxes that follow it with only blank lines
    between (MyST writes `:::{solution} ex-1` after the `:::{exercise}`, not inside it) — 0-based."""
    end = box.close
    for d in every:
        if d.open <= end or d.parent is not None:
            continue
        if d.kind != "answer" or any(line.strip() for line in lines[end + 1:d.open]):
            break
        end = d.close
    return end

