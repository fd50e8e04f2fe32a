"""Plan an import: from a whole Q&A document to a chapter page and one topic page per question.

Pure: returns the pages (each line with the source lines it carries) and the diagnostics;
`qabook.importer.write` puts them on disk.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from qabook.diagnostics import Diagnostic, Severity
from qabook.importer.detect import Start, find_starts, is_placeholder, unit_end
from qabook.importer.elements import Element, split_elements
from qabook.importer.labels import paragraph_label
from qabook.importer.units import OutLine, Unit, short_title, sort_unit
from qabook.slug import slugify, unique


@dataclass
class PlannedPage:
    rel: str  # relative to the docs folder
    title: str
    lines: list[OutLine]
    questions: int = 0

    @property
    def text(self) -> str:
        return "\n".join(o.text for o in self.lines).rstrip("\n") + "\n"


@dataclass
class ImportPlan:
    source: str
    chapter: str
    title: str
    pages: list[PlannedPage] = field(default_factory=list)  # the chapter page first
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def question_count(self) -> int:
        return sum(p.questions for p in self.pages)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


class _Planner:
    def __init__(self, text: str, source: str, chapter: str | None, title: str | None,
                 taken_ids: set[str]):
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.source = source
        self.chapter_arg, self.title_arg = chapter, title
        self.taken_ids = set(taken_ids)
        self.diags: list[Diagnostic] = []

    def warn(self, line: int, code: str, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diags.append(Diagnostic(self.source, line, 1, code, message, severity))

    # -- segmentation ------------------------------------------------------------------
    def plan(self) -> ImportPlan:
        elements = split_elements(self.lines)
        starts = find_starts(elements)
        start_idx = {s.index for s in starts}
        units: list[tuple[Unit, int]] = []  # (unit, end element index)
        for s in starts:
            end = unit_end(elements, s, start_idx)
            if s.strategy == "heading" and is_placeholder(s, elements, end):
                self.warn(elements[s.index].lineno, "QI003",
                          f"empty placeholder question '{elements[s.index].text.strip()}' (no title, no answer): kept on the chapter page")
                start_idx.discard(s.index)
                continue
            units.append((self._unit(s, elements, end), end))
        if not units:
            self.warn(1, "QI001",
                      "no questions found: expected numbered headings ('#### 1. …'), bold numbered lines "
                      "('**1. …**') or labels ('**题目：**'); the whole text is kept on the chapter page",
                      Severity.ERROR)
        self._groups(units, elements)
        self._check_units([u for u, _ in units])
        return self._pages(units, elements)

    def _unit(self, start: Start, elements: list[Element], end: int) -> Unit:
        el = elements[start.index]
        unit = Unit(start=start, line=el.lineno)
        if start.strategy == "label":
            body = elements[start.index:end]
        else:
            body = elements[start.index + 1:end]
            unit.title = start.title
            unit.heading_text = el.text.strip()
            unit.title_src = tuple(el.own_lines)
        sort_unit(unit, body, self.lines)
        if start.strategy == "label":
            unit.title = short_title(next((o.text for o in unit.parts["question"] if o.text.strip()), "")) \
                or f"Question {start.number or ''}".strip()
        return unit

    def _groups(self, units: list[tuple[Unit, int]], elements: list[Element]) -> None:
        """Headings between questions (第一部分 …, 一、…) group them; they become tags."""
        if len(units) < 2:
            return
        first, last = units[0][0].start.index, units[-1][0].start.index
        inside = {i for u, end in units for i in range(u.start.index, end)}
        between = [el for i, el in enumerate(elements[first:last], first)
                   if el.kind == "heading" and i not in inside]
        if not between:
            return
        level = min(el.level for el in between)
        current: str | None = None
        k = 0
        for i, el in enumerate(elements):
            if k < len(units) and i == units[k][0].start.index:
                units[k][0].group = current
                k += 1
            elif el.kind == "heading" and el.level == level and i not in inside:
                current = short_title(el.text, 60)

    def _check_units(self, units: list[Unit]) -> None:
        seen_numbers: dict[tuple[str | None, int], int] = {}
        seen_titles: dict[str, int] = {}
        previous: Unit | None = None
        for u in units:
            n = u.start.number
            if n is not None:
                key = (u.group, n)
                if key in seen_numbers:
                    self.warn(u.line, "QI002", f"question number {n} is used twice (first at line {seen_numbers[key]}): "
                                               "both are kept, as separate pages")
                else:
                    seen_numbers[key] = u.line
                if previous and previous.start.number and n == 1 and previous.start.number > 1:
                    self.warn(u.line, "QI009", f"numbering restarts at 1 after question {previous.start.number}: "
                                               "pages are numbered in document order")
            title_key = re.sub(r"\W", "", u.title)
            if title_key in seen_titles:
                self.warn(u.line, "QI008", f"title '{u.title}' repeats the question at line {seen_titles[title_key]}: "
                                           "give each question its own title")
            else:
                seen_titles[title_key] = u.line
            if not u.has("answer"):
                self.warn(u.line, "QI004", f"question '{u.title}' has no answer: write one under an '答案' label",
                          Severity.ERROR)
            elif u.merged_line:
                self.warn(u.merged_line, "QI010", "'答案解析' merges answer and explanation: kept as the answer; "
                                                  "split the explanation under a '解析' label")
            elif not u.has("explanation"):
                self.warn(u.line, "QI005", f"question '{u.title}' has no explanation (解析)")
            if u.orphan:
                self.warn(u.orphan_line, "QI006", f"content after question '{u.title}' and its '---' belongs to no "
                                                  "question: kept on the chapter page")
            previous = u

    # -- pages -------------------------------------------------------------------------
    def _pages(self, units: list[tuple[Unit, int]], elements: list[Element]) -> ImportPlan:
        lines = self.lines
        first_q = units[0][0].start.index if units else len(elements)
        title_el = next((el for el in elements[:first_q] if el.kind == "heading"), None)
        title = self.title_arg or (short_title(title_el.text, 80) if title_el else None) or "Questions"
        title_src: tuple[int, ...] = ()
        if not self.title_arg and title_el:
            title_src = tuple(title_el.own_lines)
        # the H1 keeps the heading whole (the line is moved there); only the short title may be cut
        h1 = " ".join(title_el.text.split()) if title_src and title_el else title
        chapter = self.chapter_arg or slugify(title, max_words=5) or "chapter"
        plan = ImportPlan(self.source, chapter, title)

        width = max(2, len(str(len(units))))
        topics: list[PlannedPage] = []
        for n, (u, _) in enumerate(units, 1):
            slug = slugify(u.title) or f"question-{n}"
            page_id = unique(slug, self.taken_ids)
            rel = f"{chapter}/{n:0{width}d}-{slug}.md"
            topics.append(PlannedPage(rel, u.title, self._topic_lines(u, page_id), questions=1))

        # chapter page: H1, then everything that is not a question, with links where questions stood
        previous_level = 1  # headings are rebased under the H1 so that no level is skipped
        body: list[OutLine] = [OutLine("---", ()), OutLine(f"title: {json.dumps(title, ensure_ascii=False)}", ()),
                               OutLine("---", ()), OutLine("", ()), OutLine(f"# {h1}", title_src), OutLine("", ()),
                               OutLine("<!-- qabook:pdf -->", ()), OutLine("", ())]
        k = 0
        i = 0
        while i < len(elements):
            if k < len(units) and i == units[k][0].start.index:
                if body and body[-1].text.strip():
                    body.append(OutLine("", ()))
                while k < len(units) and i == units[k][0].start.index:
                    u, end = units[k]
                    body.append(OutLine(f"- [{_link_text(u.title)}]({topics[k].rel.split('/')[-1]})", ()))
                    i = end
                    k += 1
                    if u.orphan:
                        body.append(OutLine("", ()))
                        body.extend(u.orphan)
                        break
                body.append(OutLine("", ()))
                continue
            el = elements[i]
            i += 1
            if el is title_el and title_src:
                body.extend(OutLine(lines[j], (j + 1,)) for j in range(el.own_end, el.end))
                continue
            if el.kind == "heading":
                previous_level = max(2, min(el.level, previous_level + 1))
                text = "#" * previous_level + " " + " ".join(el.text.split())  # a setext heading may span lines
                body.append(OutLine(text, tuple(el.own_lines)))
                body.extend(OutLine(lines[j], (j + 1,)) for j in range(el.own_end, el.end))
                continue
            if el.kind == "paragraph":
                label = paragraph_label(lines[el.start])
                if label and label.kind in ("answer", "explanation") and units:
                    self.warn(el.lineno, "QI007", f"{label.word} outside any question (detached from its "
                                                  "question): kept on the chapter page; move it under its question")
            body.extend(OutLine(lines[j], (j + 1,)) for j in range(el.start, el.end))
        plan.pages = [PlannedPage(f"{chapter}/index.md", title, _squeeze(body))] + topics
        plan.diagnostics = sorted(self.diags)
        return plan

    def _topic_lines(self, u: Unit, page_id: str) -> list[OutLine]:
        out = [OutLine("---", ()), OutLine(f"id: {page_id}", ())]
        if u.group:
            out.append(OutLine(f"tags: [{json.dumps(u.group, ensure_ascii=False)}]", ()))
        out += [OutLine("---", ()), OutLine("", ()), OutLine(f"# {u.title}", u.title_src), OutLine("", ())]
        present = [p for p in ("question", "answer", "explanation")
                   if u.has(p) or u.opens[p] or (p == "question")]
        for idx, part in enumerate(present):
            content = _trim(u.parts[part])
            title = u.block_titles.get(part)
            out.append(OutLine(f"/// {part}" + (f" | {title}" if title else ""), tuple(u.opens[part])))
            out.extend(content)
            closes = tuple(u.closes) if idx == len(present) - 1 else ()
            out += [OutLine("///", closes), OutLine("", ())]
        out.extend(u.tail)
        return _squeeze(out)


def _link_text(title: str) -> str:
    return title.replace("[", "\\[").replace("]", "\\]")


def _trim(lines: list[OutLine]) -> list[OutLine]:
    """Drop blank lines at the edges of a block (blank lines carry no text to lose)."""
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]


def _squeeze(lines: list[OutLine]) -> list[OutLine]:
    """Collapse runs of blank lines outside code to one; keep lines that carry source."""
    out: list[OutLine] = []
    fence = False
    for o in lines:
        if o.text.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and not o.text.strip() and out and not out[-1].text.strip():
            if o.src:
                out[-1].src = out[-1].src + o.src
            continue
        out.append(o)
    while out and not out[-1].text.strip():
        out.pop()
    return out


def plan_import(text: str, source: str, chapter: str | None = None, title: str | None = None,
                taken_ids: set[str] | None = None) -> ImportPlan:
    """Plan the pages for one document; never raises on odd input."""
    return _Planner(text, source, chapter, title, taken_ids or set()).plan()
