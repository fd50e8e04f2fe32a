"""A table whose rows are questions: an exam paper (`| Question | Details | Marks |`), a FAQ or a
flash-card deck kept as `| Q | A |`, a list of questions in a column that asks.

When no template is question-like, a table with at least two rows is a table of questions when
its header names a question column (a question label of the vocabulary or the author's:
`Question(s)`, `题目`, `Q`), or when one column asks in nearly every row. Each row is then one
question: its question cells (the named column and the longest cell that is not an answer)
make the question, a column the header names as an answer (`Answer`, `答案`, `Solution`) the
answer, the other cells (`Marks`) stay with the question under their header's name. The header
stays on the chapter page. A troubleshooting table is one too (`vocabulary.TROUBLE_COLUMNS`): its
first column names the problem (`错误信息 / 现象`, `Symptom`) and another its fix (`解决方案`,
`Solution`): a problem and its solution a row, a column naming the cause its explanation.

A small table in a document that is about something else (a progress log's `| Question | Answer |`
status check, a README's example of the format it reads) is not a study deck: a table whose rows are
under a quarter of the document's lines counts only when the section it stands in, or the document's
title, names a collection of questions (`## FAQ`, `## 常见问题`, `# Quiz`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qabook.importer.elements import Element
from qabook.importer.labels import Labels
from qabook.importer.shapes import Shape, asks
from qabook.importer.template import Candidate, names_collection, titled_by
from qabook.vocabulary import TROUBLE_COLUMNS

#: How few rows make a table of questions, and the share of rows a column must ask in.
MIN_ROWS = 2
ASKING_SHARE = 0.8
#: Under this share of the document's non-blank lines a table is a small part of it (see above).
SMALL_SHARE = 0.25
_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")


def cells(line: str) -> list[str]:
    """The cells of a table row ('| a | b \\| c |' → ['a', 'b | c'])."""
    core = line.strip()
    core = core[1:] if core.startswith("|") else core
    core = core[:-1] if core.endswith("|") and not core.endswith("\\|") else core
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", core)]


def _plain(cell: str) -> str:
    return re.sub(r"[*_`]", "", re.sub(r"<br\s*/?>", " ", cell, flags=re.I)).strip()


@dataclass(frozen=True)
class Columns:
    """What each column of a table of questions holds."""

    question: tuple[int, ...]  # the question's cells, in order
    answer: tuple[int, ...]
    explanation: tuple[int, ...]
    other: tuple[int, ...]  # cells kept with the question under their header ('Marks: 5')
    header: tuple[str, ...]


def _trouble_columns(header: list[str], rows: list[list[str]]) -> Columns | None:
    """A troubleshooting table (`| 错误信息 / 现象 | 可能原因 | 解决方案 |`, `| Symptom | Cause | Fix |`):
    its first column names the problem and another its fix, over three rows or more — each row is a
    problem and its solution; a column naming the cause is the explanation. None otherwise."""
    def part(name: str) -> str:
        words = re.findall(r"[a-z]+|[\u4e00-\u9fff]+", _plain(name).lower())
        return next((kind for kind, hints in TROUBLE_COLUMNS.items()
                     if any(w.startswith(h) or (h in w and not h.isascii()) for w in words for h in hints)), "")
    kinds = [part(name) for name in header]
    if len(rows) < 3 or len(header) < 2 or kinds[0] != "question" or "answer" not in kinds[1:]:
        return None
    rest = range(1, len(header))
    return Columns((0,), tuple(k for k in rest if kinds[k] == "answer"), tuple(k for k in rest if kinds[k] == "explanation"),
                   tuple(k for k in rest if kinds[k] not in ("answer", "explanation")), tuple(header))


def columns_of(header: list[str], rows: list[list[str]], labels: Labels) -> Columns | None:
    """The columns of a table of questions, or None when its rows are not questions."""
    width = len(header)
    kinds: list[str | None] = []
    for name in header:
        plain = _plain(name)
        said = labels.heading(plain) or (labels.heading(plain[:-1]) if plain.lower().endswith("s") else None)
        kinds.append(said.kind if said and not said.rest else None)
    named = [k for k, kind in enumerate(kinds) if kind == "question"]
    asking = [k for k in range(width) if kinds[k] is None and
              sum(1 for r in rows if k < len(r) and asks(_plain(r[k]))) >= ASKING_SHARE * len(rows)]
    if not named and not asking:
        return _trouble_columns(header, rows)
    if not named and len(rows) < 3:
        return None  # two rows that ask and nothing says so: too little to go on
    rest = [k for k in range(width) if kinds[k] is None and k not in asking]
    # the question's text: the named column and the column that asks, else the longest other one
    # (an exam paper's 'Question' column holds only '1(a)', its 'Details' the question)
    question = sorted(set(named + asking))
    if not asking and rest:
        longest = max(rest, key=lambda k: sum(len(r[k]) for r in rows if k < len(r)))
        if sum(len(r[longest]) for r in rows if longest < len(r)) > 2 * sum(
                len(r[k]) for r in rows for k in named if k < len(r)):
            question = sorted(set(question + [longest]))
    return Columns(tuple(question), tuple(k for k in range(width) if kinds[k] == "answer"),
                   tuple(k for k in range(width) if kinds[k] == "explanation"),
                   tuple(k for k in range(width) if k not in question and kinds[k] is None), tuple(header))


def question_tables(elements: list[Element], lines: list[str], labels: Labels) -> tuple[Candidate, list[Element]] | None:
    """The tables of questions, as one candidate over the elements with those tables split into
    their header and one element per row (kind "row"); None when there are none."""
    out: list[Element] = []
    chosen: list[int] = []
    shapes: list[Shape] = []
    small = set(_small_tables(elements, lines, labels))
    for el in elements:
        split = _rows(el, lines, labels) if el.kind == "table" and el.start not in small else None
        if not split:
            out.append(el)
            continue
        head, rows = split
        out.append(head)
        for row in rows:
            chosen.append(len(out))
            shapes.append(Shape("row", "", None, "", row.text, True))
            out.append(row)
    if not chosen:
        return None
    total = sum(1 for line in lines if line.strip()) or 1
    cand = Candidate.fixed(("row", "", "table"), chosen, shapes, [i + 1 for i in chosen], False, 1.5,
                           coverage=len(chosen) / total)
    return cand, out


def _small_tables(elements: list[Element], lines: list[str], labels: Labels) -> list[int]:
    """The first lines (0-based) of the tables of questions that are a small part of a document
    about something else: neither their section nor the document's title names a Q&A."""
    total = sum(1 for line in lines if line.strip()) or 1
    if titled_by(elements, lines) >= 1.0:
        return []
    out, section = [], ""  # the heading the table stands under
    for el in elements:
        if el.kind == "heading":
            section = el.text
        elif el.kind == "table" and not names_collection(section) and (split := _rows(el, lines, labels)) \
                and len(split[1]) < SMALL_SHARE * total:
            out.append(el.start)
    return out


def small_tables_note(elements: list[Element], lines: list[str], labels: Labels) -> str:
    """Why a table of questions was not read as one, for a refusal ('' when none was left out)."""
    small = _small_tables(elements, lines, labels)
    if not small:
        return ""
    at = ", ".join(str(k + 1) for k in small[:5])
    return (f"a table of questions at line {at} is a small part of the document and neither its section "
            "nor the document's title names a Q&A (an example or a status check, not a deck)")


def _rows(table: Element, lines: list[str], labels: Labels) -> tuple[Element, list[Element]] | None:
    if table.own_end - table.start < 2 + MIN_ROWS or not _SEPARATOR_RE.match(lines[table.start + 1]):
        return None
    header = cells(lines[table.start])
    body = [k for k in range(table.start + 2, table.own_end) if lines[k].strip()]
    cols = columns_of(header, [cells(lines[k]) for k in body], labels)
    if cols is None or len(body) < MIN_ROWS:
        return None
    head = Element("other", table.start, body[0], "", 0, body[0])
    rows = []
    for n, k in enumerate(body):
        stop = body[n + 1] if n + 1 < len(body) else table.end
        row = cells(lines[k])
        title = " ".join(_plain(row[c]) for c in cols.question if c < len(row) and _plain(row[c]))
        rows.append(Element("row", k, stop, title or _plain(" ".join(row)), 0, k + 1, parent=table.start))
    return head, rows


def table_columns(lines: list[str], head: int, labels: Labels) -> tuple[list[str], Columns | None]:
    """The header of the table whose header line is `head` (0-based) and its columns."""
    header = cells(lines[head])
    body = []
    for k in range(head + 2, len(lines)):
        if not lines[k].strip() or "|" not in lines[k]:
            break
        body.append(cells(lines[k]))
    return header, columns_of(header, body, labels)


def row_parts(lines: list[str], row: Element, labels: Labels) -> dict[str, list[str]]:
    """A row's cells as the question's parts: question text (then the other cells as
    'Header: value'), answer, explanation."""
    header, cols = table_columns(lines, row.parent, labels)
    cells_ = cells(lines[row.start])
    if cols is None:
        cols = Columns(tuple(range(len(cells_))), (), (), (), tuple(header))
    parts: dict[str, list[str]] = {"question": [], "answer": [], "explanation": []}
    text = " ".join(cells_[c] for c in cols.question if c < len(cells_) and cells_[c])
    if text:
        parts["question"].append(text)
    for c in cols.other:
        if c < len(cells_) and cells_[c]:
            name = _plain(header[c]) if c < len(header) else ""
            parts["question"].append(f"{name}: {cells_[c]}" if name else cells_[c])
    for kind, where in (("answer", cols.answer), ("explanation", cols.explanation)):
        parts[kind] += [cells_[c] for c in where if c < len(cells_) and cells_[c]]
    return parts

