"""Plan an import: from a whole Q&A document to a chapter page and one topic page per question.

Pure: returns the pages (each line with the source lines it carries) and the diagnostics;
`qabook.importer.write` puts them on disk.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from dataclasses import dataclass, field

import yaml

from qabook.diagnostics import Diagnostic, Severity
from qabook.i18n import t
from qabook.importer.answerkey import AnswerKey, claims, named_entry, says_more
from qabook.importer.asklists import under_exercises
from qabook.importer.judged import verdict
from qabook.importer.tagcards import card_tags
from qabook.importer.indented import flush
from qabook.importer.readview import front_matter_comment, front_matter_end, front_title
from qabook.importer.detect import Detection, Start, figure_only, is_placeholder, unit_end
from qabook.importer.elements import Element, dedented, item_body, unquote, unquoted
from qabook.importer.neutralise import neutralise
from qabook.importer.explain import explain
from qabook.importer.learn import read_document
from qabook.importer.levels import left_asking
from qabook.importer.listtail import list_ends
from qabook.importer.links import localise_images, neutralise_links, source_anchors
from qabook.importer.options import ImportOptions
from qabook.importer.shapes import asks, linked_title, wrapped_bold
from qabook.importer.shortcodes import read_lines
from qabook.importer.fencediv import OPEN_RE as DIV_OPEN_RE, divs
from qabook.importer.furniture import without_furniture
from qabook.importer.pagelines import (FENCE_RE, code_flags, no_closing_rule, no_headings, rebase_headings, site_lists,
                                       squeeze, trim, unwrap)
from qabook.importer.wrapped import fence_note, unwrapped, wrapper_fence
from qabook.importer.units import (PARTS, OutLine, Unit, asked_below, bold_task_below, filled_in, full_title, generic_title, odd_bullet_quiz, options_to_question,
                                   separate_options, short_title, statement_line,
                                   sort_details_unit, sort_row_unit, sort_unit)
from qabook.parser import CODE_SPAN_RE
from qabook.slug import slugify, unique
from qabook.vocabulary import optional_hint


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
    explanation: list[str] = field(default_factory=list)  # what detection chose (`--explain`)
    assets: list[tuple[Path, str]] = field(default_factory=list)  # (image beside the source, its rel under docs/)
    copied: dict[int, list[int]] = field(default_factory=dict)  # source line → questions (1-based) its text also answers

    @property
    def question_count(self) -> int:
        return sum(p.questions for p in self.pages)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def _section_heads(elements: list[Element], starts: set[int]) -> list[int]:
    """The elements that open a section whose questions may number from 1 again: a heading that is
    no question's own, an item naming the group of questions under it (`nested.py`, `quoted.py`),
    a paragraph leading into a list of questions right under it ('**技术要点**部分可能产生的问题：'
    over '1. …？')."""
    return [i for i, el in enumerate(elements) if el.kind == "group" or el.kind == "heading" and i not in starts
            or el.kind == "paragraph" and i + 1 in starts and elements[i + 1].kind == "item"
            and el.text.rstrip().endswith((":", "："))]


#: The share of a document's questions with no answer that makes it a bank of questions to practise.
UNANSWERED_BANK = 0.9


#: A Markdown image or an <img>: its address.
_IMAGE_RE = re.compile(r"""!\[[^\]\n]*\]\(\s*<?([^)\s>]+)[^)\n]*\)|<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)[^>]*>""", re.I)


class _Planner:
    def __init__(self, text: str, source: str, chapter: str | None, title: str | None,
                 taken_ids: set[str], options: ImportOptions | None = None, docs: str = "docs"):
        self.docs = docs  # the folder the pages go to, as the author named it (`--out`): where hints send files
        self.source_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = read_lines(self.source_lines)  # template engines' collapsible tags as <details>
        self.boxes = divs(self.lines)  # fenced divs, read before a question's box rewrites its fence lines
        self.source = source
        self.options = options or ImportOptions()
        self.labels = self.options.label_set()
        self.language = document_language(text)
        self.chapter_arg, self.title_arg = chapter, title
        self.taken_ids = set(taken_ids)
        self.diags: list[Diagnostic] = []
        self.moved: set[int] = set()  # elements that went into a question from elsewhere (an answer key's entries)
        self.copies: dict[int, list[Unit]] = {}  # a source line whose text was also copied into these questions' answers

    def warn(self, line: int, code: str, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diags.append(Diagnostic(self.source, line, 1, code, message, severity))

    def _unanswered_quizzes(self, detection: Detection, elements: list[Element], taken: list[tuple[int, int]]) -> None:
        """A second run of numbered questions with choices beside the reading, outside every question and
        answered by nothing (no key, no marked choice): kept on the chapter page, never silently (QI041)."""
        said: set[int] = set()
        for c in sorted(detection.cands, key=lambda c: -c.score):
            if not taken or c.features.get("choices", 0) < 0.8 or c.features.get("ask", 0) < 0.5 \
                    or len(c.indices) < 2 or any(s <= i < e for i in c.indices for s, e in taken) \
                    or said & set(c.indices) or not all(sh.numbering for sh in c.shapes):
                continue
            said |= set(c.indices)
            where = ", ".join(str(elements[i].lineno) for i in c.indices[:8]) + (", …" if len(c.indices) > 8 else "")
            self.warn(elements[c.indices[0]].lineno, "QI041",
                      f"{len(c.indices)} numbered questions with choices (lines {where}) look like a quiz, but nothing "
                      "answers them: kept on the chapter page; put an answer key right after them ('Answer key: 1-B, "
                      "2-C, …') or mark each right choice ('- [x] …', '**B.** …'), or say where questions start "
                      "(--question-pattern)")

    def _past_key(self, detection: Detection, elements: list[Element]) -> None:
        """Groups after the quiz's answer key left on the chapter page (`detect._past_the_key`): said at the
        first of each, never silently (QI042)."""
        for group in detection.past_key:
            where = ", ".join(str(elements[i].lineno) for i in group[:8]) + (", …" if len(group) > 8 else "")
            self.warn(elements[group[0]].lineno, "QI042",
                      f"{len(group)} headings after the answer key (lines {where}) are read as chapter text, not "
                      "questions: they come after the quiz's answers, none of them asks and the key answers none; "
                      "if they are questions, say where questions start (--question-heading, --question-pattern)")

    # -- segmentation ------------------------------------------------------------------
    def plan(self) -> ImportPlan:
        elements, detection = self._read()
        starts = detection.starts
        start_idx = {s.index for s in starts}
        stops = start_idx | {key.opener for key in detection.keys}
        units: list[tuple[Unit, int]] = []  # (unit, end element index)
        natural = [unit_end(elements, s, stops, self.labels, self.lines) for s in starts]
        tails = list_ends(elements, starts, natural, self.labels)  # a list's last question: its item alone
        for k, s in enumerate(starts):
            end = tails.get(k, natural[k])
            item = elements[s.index]
            if k in tails and not any(line.strip() for line in self.lines[item.start + 1:item.end]) \
                    and not any(key.opener >= end and s.number in key.entries for key in detection.keys):
                # (a bare question line that no key answers: the text may have been its answer)
                self.warn(elements[end].lineno, "QI040",
                          f"text after the list's last question '{short_title(s.title, 40)}' (line "
                          f"{item.lineno}) is kept on the chapter page, as the list's other questions end with "
                          "their item: if it is that question's answer, indent it under the item or start it "
                          "with an answer label ('Answer:')")
            if is_placeholder(s, elements, end, self.lines):
                shown = elements[s.index].text.strip() or self.lines[elements[s.index].start].strip()
                self.warn(elements[s.index].lineno, "QI003",
                          f"empty placeholder question '{shown}' (no title, no answer): kept on the chapter page")
                start_idx.discard(s.index)
                continue
            if figure_only(s, elements, end, self.lines, starts):
                shown = self.lines[elements[s.index].start].strip()
                self.warn(elements[s.index].lineno, "QI003",
                          f"numbered heading '{shown}' has no question, only a figure under it: kept on the chapter "
                          "page; write the question after its number to make it one")
                start_idx.discard(s.index)
                continue
            units.append((self._unit(s, elements, end), end))
        if not units and self.options.forced:
            self.warn(1, "QI001",
                      f"no questions found with your options ({' '.join(self.options.describe())}): "
                      f"looked for {detection.strategy.removeprefix('your options: ')} and found none, so nothing was "
                      "written. "
                      "A pattern is matched at the start of a heading's text, a list item (with or without its "
                      "marker, '1.' or '-'), a paragraph's first line (bold marks removed), or a quote's first line "
                      "(without its '>' marks, or as written); --split-on at a whole "
                      "line; --explain and --preview show the document's lines as the importer reads them",
                      Severity.ERROR)
        elif not units:
            refused = self._fenced() or detection.refused
            why = f" ({refused})" if refused else ""
            self.warn(1, "QI001",
                      "no questions found: no shape repeats like a question (headings, bold lines, list items or "
                      "paragraphs that are numbered, ask or carry labels; <details>, admonitions, blocks between "
                      f"'---'){why}: nothing written; run with --explain or --preview, then say where questions start with "
                      "--question-heading LEVEL, --question-pattern REGEX, --bold-questions or --split-on REGEX, and where answers "
                      "gathered after the questions start with --answer-key REGEX "
                      "(labels: --label answer=WORD)", Severity.ERROR)
        if units and self.options.answer_key is not None and not detection.keys:
            self.warn(1, "QI029", f"--answer-key {self.options.answer_key.pattern!r} matched no heading or line that "
                                  "is followed by answers numbered like the questions ('1. B', '**A3.** …'): it "
                                  "changed nothing; the pattern is matched at the start of the line's text")
        self.key_lines = {key.line for key in detection.keys}
        claimed = claims([(u.start.index, u.start.number) for u, _ in units], [key.opener for key in detection.keys],
                         [set(key.entries) for key in detection.keys])
        for k, key in enumerate(detection.keys):  # the questions before it (one run each, for keys in a row)
            group = [u for u, _ in units if claimed.get(u.start.index) == k]
            if group:
                self._answer_key(key, group, elements)
        odd_marks = odd_bullet_quiz([u for u, _ in units])
        for u, _ in units:
            options_to_question(u, self.labels, odd_marks)
            filled_in(u)  # '组成： <u>**内核**</u> 、…': the blanks emptied, their words the answer
            bold_task_below(u)  # '### 4. 目录操作' over '**…写出…的过程。**': the bold task is the question
        asked_below([u for u, _ in units])  # '#### Closures' over the question it asks, in a bank of open questions
        if self._template_only([u for u, _ in units]):
            units = []
        self._groups(units, elements)
        self._style_changes(detection, elements)
        by_level: dict[int, list[int]] = {}
        for j in detection.strays:
            by_level.setdefault(elements[j].level, []).append(j)
        for level, found in sorted(by_level.items()):
            if len(found) >= 3:  # a whole level that carries questions too: said once, at its first
                where = ", ".join(str(elements[j].lineno) for j in found[:8]) + (", …" if len(found) > 8 else "")
                read_at = {elements[s.index].level for s in detection.starts
                           if s.strategy == "heading" and s.index not in detection.strays}
                how = "without their number or label" if level in read_at else "at another level"
                self.warn(elements[found[0]].lineno, "QI030", f"{len(found)} level-{level} headings (lines {where}) "
                          f"are read as questions too, though the others are written {how}: each asks, "
                          "states a problem or is answered under it; if they are none, say where questions start "
                          "(--question-heading, --question-pattern)")
                continue
            for j in found:
                self.warn(elements[j].lineno, "QI030", "this heading is read as a question too, though it is written "
                          "at another level or without the label of the others: it asks or states a problem and is "
                          "answered under it; if it is no question, say where questions start (--question-heading, "
                          "--question-pattern)")
        # a heading that asks and is answered under it, left outside every question: never silently (`levels.py`)
        taken = [(u.start.index, end) for u, end in units]
        taken += [(i, i + 1) for key in detection.keys for i in key.reserved]
        for j in left_asking(elements, self.lines, taken, self.labels) if units else []:
            self.warn(elements[j].lineno, "QI038", "this heading asks and is answered under it, but it is left on "
                      "the chapter page: it is written at a level, or in a shape, the questions are not read at; if it "
                      "is a question, say where questions start (--question-heading with its level among the others', "
                      "as 2,4, or --question-pattern)")
        self._unanswered_quizzes(detection, elements, taken if units else [])
        if detection.winner is not None and detection.winner.key[2] == "asklist":
            for j in detection.winner.indices:
                if not asks(elements[j].text) and not under_exercises(elements, j):  # a task is an exercise's way
                    self.warn(elements[j].lineno, "QI037", "this list item does not ask, but the heading over its list "
                              "names them questions ('## Behavioral Questions'): read as a question, as the lists of "
                              "questions around it; if it is no question, move it out of that list")
        for j in detection.filled:
            self.warn(elements[j].lineno, "QI036", "this numbered line is read as a question too: its number is the "
                      "one the questions' numbering skips here, though Markdown reads it as text (no space after the "
                      "number, or glued under the paragraph above it); if it is no question, put a blank line and a "
                      "space after the number as the others have, or say where questions start (--question-pattern)")
        if detection.winner is not None and detection.winner.key[2] == "tailask" and units:
            self.warn(units[0][0].line, "QI031", f"no line is marked as a question: the {len(units)} lines that ask at "
                      "the end of the block above their answer (a blank line, then the answer) are read as the "
                      "questions, from this one on; --explain lists them: if that is not where your questions start, say "
                      "where they do (--question-pattern, --split-on)")
        for run in detection.quizzes:
            self.warn(elements[run.indices[0]].lineno, "QI034",
                      f"{run.describe()}: read as a quiz's {len(run.indices)} questions, apart from the sections of the "
                      "same shape around them; if they are sections too, say where questions start "
                      "(--question-heading, --question-pattern)")
        for run in detection.quiet_runs:
            # (a list's last items after the ones that ask end the question before them: `detect.py`)
            what = f"this numbered list ({len(run)} items) is" if elements[run[0]].kind != "group" else \
                f"the list's last {len(run)} items, from this one, are" if len(run) > 1 else "the list's last item is"
            self.warn(elements[run[0]].lineno, "QI033", f"{what} read as chapter "
                      "text, not questions: none of its items asks, offers choices or is answered under a label, "
                      "while the document's other numbered items ask (a list of rules or steps); if its items are "
                      "questions, say where questions start (--question-pattern)")
        self._past_key(detection, elements)
        for kept, line in detection.joined:
            self.warn(line, "QI028", f"this heading continues the question title of line {kept} (same level, nothing "
                                     "between, one of them numbered): read as one question; if it is a question of its "
                                     "own, number it or put its text under it")
        for u, _ in units:  # a question read from the front matter's `title:` (`wholedoc.front_titled`)
            if not u.title_src and not any(o.src for o in u.parts["question"]):
                u.front_line = next((k + 1 for k in range(1, front_matter_end(self.lines) - 1)
                                     if re.match(r"title:\s*\S", self.lines[k]) and u.title in self.lines[k]), 0)
                u.line = u.front_line or u.line
        if detection.winner is not None and detection.winner.key[2] == "tagcards":
            for u, _ in units:  # '## Braking #card': the tags leave the title for the page's tags
                el = elements[u.start.index]
                u.tags = card_tags(el.text if el.kind == "heading" else self.lines[el.start])
        self._weak_template(detection, [u for u, _ in units])
        self._small_reading(detection, elements, [u for u, _ in units])
        self._check_units([u for u, _ in units], elements)
        plan = self._pages(units, elements)
        plan.explanation = explain(self.source, self.options, self.language, detection, [u for u, _ in units], elements,
                                   self.lines)
        if not units:
            plan.pages = []  # nothing to write: a chapter must never be left with no topic page
        return plan

    def _fenced(self) -> str:
        """For a refused document wrapped whole in one code fence: what the text inside it holds
        (`wrapped.py`), '' when it is not so wrapped or holds no question."""
        fence = wrapper_fence(self.lines)
        if fence is None:
            return ""
        _, inside, _ = read_document(unwrapped(self.lines, fence), self.options, self.labels)
        if not inside.starts:
            return ""
        return fence_note(fence, len(inside.starts), inside.starts[0].title)

    def _read(self) -> tuple[list[Element], Detection]:
        elements, detection, self.labels = read_document(self.lines, self.options, self.labels)
        return elements, detection

    def _div_unit(self, unit: Unit, start: Start, elements: list[Element], end: int) -> Unit:
        """A question's fenced div (`fencediv.py`): the heading first inside titles it; the fences of
        the boxes nested in it close (a `::: solution` opener is the answer's label, read as such)."""
        el = elements[start.index]
        box = next((d for d in self.boxes if d.open == el.start and d.close <= start.close), None)
        if box is None:  # never expected: detection read the same lines; sort the unit as it stands
            sort_unit(unit, elements[start.index + 1:end], self.lines, self.labels, self.options.details_answers)
            return unit
        unit.title, unit.heading_text = " ".join(start.title.split()), start.title
        unit.title_src = (el.lineno,) + ((box.title_line + 1,) if box.title_line is not None else ())
        first = box.title_line + 1 if box.title_line is not None else el.start + 1
        inner = [d for d in self.boxes if box.open < d.open and d.close <= start.close and d is not box]
        label = next((d for d in inner if d.kind == "answer"), None)
        if label is not None:  # the first answer box's opener reads as the answer's label (a twin, as `shortcodes`)
            said = self.labels.paragraph(self.lines[label.open])
            twin = next((t for t in (f"**{label.name.strip('.').capitalize()}:**", "**Answer:**", "**答案：**")
                         if (lab := self.labels.paragraph(t)) and lab.kind == "answer"), None)
            if not (said and said.kind == "answer") and twin:
                opened = DIV_OPEN_RE.match(self.lines[label.open])  # its own words after the class stay:
                rest = (opened["rest"] or "").strip() if opened else ""  # ':::{solution} ex-1' → 'ex-1'
                self.lines[label.open] = f"{twin} {rest}".rstrip()
        fences = ({d.close for d in inner} | {d.open for d in inner}) - ({label.open} if label else set())
        # (the boxes were read once, in `__init__`: blanking these lines changes no other question's box)
        for k in sorted(fences):  # the boxes' own fence lines: the page shows their text, not their colons
            self.lines[k] = ""
            unit.closes.append(k + 1)
        body = dedented(self.lines, first, box.close, 0)
        unit.closes.append(box.close + 1)
        body += [e for e in elements[start.index + 1:end] if e.start > box.close]  # its solution boxes after it
        sort_unit(unit, body, self.lines, self.labels, self.options.details_answers)
        if not any(d.kind == "answer" for d in inner) and "answer" not in unit.labelled and unit.parts["answer"]:
            # a box with no solution in it: all it says is the task (its answer is missing, not its text)
            shown = [o for o in unit.parts["question"] if o.src or o.text != unit.title]  # the title, written once
            unit.parts["question"] = shown + unit.parts["answer"]
            unit.parts["answer"] = []
            unit.how["question"] = "the box's text (no solution in it)"
            unit.how.pop("answer", None)
        return unit

    def _unit(self, start: Start, elements: list[Element], end: int) -> Unit:
        el = elements[start.index]
        unit = Unit(start=start, line=el.lineno)
        for e in elements[start.index + 1:end]:
            flush(self.lines, e)  # an answer indented under its question line (`indented.py`)
        if start.strategy == "details":  # <details><summary>question</summary> answer </details>
            unit.title, unit.heading_text = start.title, start.title
            stop = elements[end].start if end < len(elements) else len(self.lines)
            sort_details_unit(unit, self.lines, el.start, stop)
            return unit
        if start.strategy == "row":  # a table's row: its cells are the parts
            sort_row_unit(unit, self.lines, el, self.labels)
            return unit
        if start.strategy == "div":  # '::: challenge' … ':::': its heading titles it, its inner boxes' fences close
            return self._div_unit(unit, start, elements, end)
        if start.strategy == "adm":  # '??? question "Title"' and its indented body (or '::: …' up to ':::')
            unit.title, unit.heading_text, unit.title_src = " ".join(start.title.split()), start.title, (el.lineno,)
            stop = elements[end].start if end < len(elements) else len(self.lines)
            first, region = el.start + 1, el.start + 1
            if self.lines[el.start].lstrip().startswith(":::"):
                close = next((k for k in range(first, stop) if self.lines[k].strip() == ":::"), None)
                region = close if close is not None else stop
                if close is not None:
                    unit.closes.append(close + 1)
                after = close + 1 if close is not None else stop
            else:
                for k in range(first, stop):
                    if self.lines[k].strip() and not self.lines[k].startswith((" ", "\t")):
                        break
                    region = k + 1
                after = region
            body = dedented(self.lines, first, region, 4 if not self.lines[el.start].lstrip().startswith(":") else 0)
            body += [e for e in elements[start.index + 1:end] if e.start >= after]
            sort_unit(unit, body, self.lines, self.labels, self.options.details_answers)
            return unit
        if start.strategy in ("label", "list"):  # (a list's bullets answered once: the list is the question)
            body = elements[start.index:end]
        elif start.strategy == "quote":  # '> **Q:** …' '> **A:** …': the quoted pair, read without its '>' marks
            marks = [k + 1 for k in range(el.start, el.end) if self.lines[k].strip() == ">"]
            body = unquoted(self.lines, el.start, el.end) + elements[start.index + 1:end]
            unit.closes.extend(marks)  # a '>' alone between the parts: the quote's mark, it ends with the blocks
        elif start.strategy == "judge":  # '- [x] 知识产权包括…': the statement; its verdict is added below
            unit.title, unit.heading_text, unit.title_src = start.title, start.title, (el.lineno,)
            body = item_body(self.lines, el) + elements[start.index + 1:end]
        elif start.strategy == "item":  # "1. **What …?**" and its indented answer
            unit.title, unit.heading_text, unit.title_src = start.title, el.text, (el.lineno,)
            inner = item_body(self.lines, el)
            body = inner + elements[start.index + 1:end]
        else:
            body = elements[start.index + 1 + start.runs:end]
            unit.title = " ".join(start.title.split())  # a setext heading may span lines
            unit.heading_text = el.text.strip().split("\n", 1)[0]
            unit.title_src = tuple(el.own_lines) + tuple(n for e in elements[start.index + 1:start.index + 1 + start.runs]
                                                         for n in e.own_lines)  # a title over several headings
            if el.kind == "paragraph" and el.own_end - el.start > 1 and not wrapped_bold(el):
                # "**16. …?**⏎Although …": glued answer (a bold stem wrapped over its lines is all title)
                unit.title_src = (el.lineno,)
                unit.heading_text = el.text.strip().split("\n", 1)[0].strip("* ")
                body = [Element("paragraph", el.start + 1, el.end, el.text.split("\n", 1)[1], 0, el.own_end)] + body
        inline = self.labels.inline_answer(unit.title) if start.strategy not in ("label", "quote", "list") else None
        if inline:  # "1、水的沸点？答：100 度": the title is the question, the rest of the line the answer
            unit.title = inline[0]
            if inline[1].rest:
                unit.parts["answer"].append(OutLine(inline[1].rest, ()))
            self.copies.setdefault(el.lineno, []).append(unit)
            unit.labelled.add("answer")
            unit.how["answer"] = f"label '{inline[1].word}' on the question's line {el.lineno}"
        sort_unit(unit, body, self.lines, self.labels, self.options.details_answers)
        if el.kind == "quote" and start.strategy == "bold":  # '> 第 150 题：…⏎>⏎> 不使用JS数组API…': the quote
            rest = [k for k in range(el.start + 1, el.end) if unquote(self.lines[k]).strip()]
            if rest:  # is the question; its lines after the first go on stating it
                unit.parts["question"] += [OutLine("", ())] + [
                    OutLine(unquote(self.lines[k]).rstrip(), (k + 1,)) for k in rest]
        linked = linked_title(unit.title) if el.kind == "heading" and not unit.has("answer") else None
        if linked and [o.text for o in unit.parts["question"]] == [unit.title]:
            # '#### 3. [What is paging?](https://…/video)' and nothing under it: the link is the answer
            unit.title = linked[0]
            unit.parts["question"] = [OutLine(linked[0], ())]
            unit.parts["answer"] = [OutLine(linked[1], ())]
            unit.labelled.add("answer")  # the link is the answer: not a statement under a numbering title ('## [Ex1.3](…)')
            self.copies.setdefault(el.lineno, []).append(unit)
            unit.how["answer"] = f"the link of the question's line {el.lineno}"
        if start.strategy == "judge":  # the tick is the author's verdict: the answer opens with it
            said = OutLine(t(self.language, "import.true" if verdict(self.lines[el.start]) else "import.false"), ())
            rest = unit.parts["answer"]
            unit.parts["answer"] = [said] + ([OutLine("", ())] + rest if any(o.text.strip() for o in rest) else [])
            unit.how["answer"] = "; ".join(["the verdict its box gives"] + [h for h in [unit.how.get("answer", "")] if h])
        if start.strategy == "list":
            unit.title = " ".join(start.title.split())  # the first bullet's words, without its marker
        elif start.strategy in ("label", "quote"):
            unit.title = full_title(statement_line([o.text for o in unit.parts["question"]])) \
                or f"Question {start.number or ''}".strip()
        return unit

    def _answer_key(self, key: AnswerKey, units: list[Unit], elements: list[Element]) -> None:
        """Answers listed by number at the end go to their questions: by number to the numbered
        ones (questions without a number, `Q:` lines above a numbered quiz, take none), by
        position when no question is numbered."""
        numbered = [u for u in units if u.start.number is not None]
        answered: list[Unit] = []  # the questions the key's own entries went to, in key order
        by_number: dict[int, Unit] = {}
        for k, u in enumerate(numbered or units, 1):
            by_number.setdefault(u.start.number if numbered else k, u)
        for n, entries in sorted(key.entries.items()):
            u = by_number.get(n)
            if u is None:
                line = entries[0][2]
                self.warn(line, "QI019", f"answer {n} of the key at line {key.line} matches no question: kept on the "
                                         "chapter page")
                continue
            out: list[OutLine] = []
            for index, text, line in entries:
                if index is None:  # several answers on one line: copied, the line stays on the chapter page
                    out.append(OutLine(text, ()))
                    self.copies.setdefault(line, []).append(u)
                    continue
                el = elements[index]
                self.moved.add(index)
                answered.append(u)
                own = [OutLine(self.lines[j], (j + 1,)) for j in range(el.start, el.end)]
                if text and own:
                    own[0] = OutLine(text, own[0].src)  # '1. B' → 'B'
                elif own and named_entry(own[0].text):
                    u.opens["answer"].extend(own[0].src)  # '题目1:' over its answer: the block's opening says it
                    own = own[1:]
                out += own + [OutLine("", ())]
            if u.has("answer") and "answer" not in u.labelled:
                # unlabelled text under the question, its answer in the key: that text is the question's
                # (the task, the code to complete)
                said = [o for o in u.parts["question"] if o.src]  # not only the title, repeated
                u.parts["question"] = (said + [OutLine("", ())] if said else []) + u.parts["answer"]
                u.parts["answer"] = out
                u.labelled.add("answer")
                u.how["question"] = u.how.pop("answer", "")
            elif u.has("answer"):
                u.parts["answer"] += [OutLine("", ())] + out
                self.warn(entries[0][2], "QI032", f"answer {n} of the key at line {key.line} is added to question "
                                                  f"{n} (line {u.line}), which has an answer of its own: "
                                                  "check that the key is meant for it")
            else:
                u.parts["answer"] = out
                u.labelled.add("answer")
            u.how["answer"] = (u.how.get("answer", "") + "; " if u.how.get("answer") else "") + \
                f"answer key at line {key.line}, entry {n}"
        if answered:
            self._key_heading_to_answers(key, elements, answered[0])

    def _key_heading_to_answers(self, key: AnswerKey, elements: list[Element], first: Unit) -> None:
        """A key's heading (`## Answers`, `## 答案`) whose entries all went to their questions would
        stand empty on the chapter page: it opens the first of those answers instead."""
        el = elements[key.opener]
        if el.kind != "heading" or any(self.lines[j].strip() for j in range(el.own_end, el.end)):
            return
        for i in range(key.opener + 1, len(elements)):
            nxt = elements[i]
            if nxt.kind == "heading" and nxt.level <= el.level:
                break
            if i not in self.moved:
                return  # the section holds more than the key's entries: its heading stays over it
        if says_more(el.text):  # 'Correct Answers': its words title the answer its line opens
            if first.block_titles.get("answer", el.text.strip()) != el.text.strip():
                return  # that answer has a title of its own: the heading stays on the chapter page
            first.block_titles["answer"] = el.text.strip()
        self.moved.add(key.opener)
        first.opens["answer"].extend(el.own_lines)

    def _groups(self, units: list[tuple[Unit, int]], elements: list[Element]) -> None:
        """Headings between questions (第一部分 …, 一、…) group them; they become tags. A question's
        group is the nearest heading that encloses it, whatever its level (`## Concurrency` then
        `#### The GIL`, a level skipped: 'The GIL'); headings above the shallowest one between the
        questions (the document's title) group nothing."""
        if len(units) < 2:
            return
        first, last = units[0][0].start.index, units[-1][0].start.index
        inside = {i for u, end in units for i in range(u.start.index, end)}
        between = [el for i, el in enumerate(elements[first:last], first)
                   if el.kind == "heading" and i not in inside]
        if not between:
            return
        level = min(el.level for el in between)
        enclosing: list[tuple[int, str]] = []  # (level, title) of the open headings, outermost first
        k = 0
        for i, el in enumerate(elements):
            if k < len(units) and i == units[k][0].start.index:
                start = units[k][0].start
                while start.strategy == "heading" and enclosing and enclosing[-1][0] > start.level:
                    enclosing.pop()  # a question's own heading closes the deeper sections above it (one at
                    # its own level still names its group: '## LSTM' over '## 1. …', '## 2. …')
                units[k][0].group = enclosing[-1][1] if enclosing else None
                k += 1
            elif el.kind == "heading" and el.level >= level and i not in inside:
                while enclosing and enclosing[-1][0] >= el.level:
                    enclosing.pop()
                enclosing.append((el.level, short_title(without_furniture(el.text), 60)))

    def _remote_only(self, u: Unit) -> None:
        """QI043 at an answer that is only a picture on another host: the site and the PDF load
        nothing from elsewhere (QA054 at build time), so its answer box would show nothing."""
        if not u.shows("answer"):
            return
        text = "\n".join(o.text for o in u.parts["answer"])
        urls = [m[1] or m[2] for m in _IMAGE_RE.finditer(text)]
        rest = _IMAGE_RE.sub("", re.sub(r"<!--.*?(-->|$)", "", text, flags=re.S))
        if not urls or rest.strip(" \t\n>") or not all(re.match(r"(?i)(https?:|ftp:)?//", url) for url in urls):
            return
        line = next((o.src[0] for o in u.parts["answer"] if o.src and _IMAGE_RE.search(o.text)), u.line)
        self.warn(line, "QI043", f"the answer of '{short_title(u.title, 40)}' is only an image on another host "
                                 f"('{short_title(urls[0], 60)}'): the site and the PDF load nothing from elsewhere "
                                 "(QA054), so its answer box shows nothing; download the file beside the source "
                                 "document and link it by its name (the import copies it), or write the answer out")

    def _detached_labels(self, el: Element) -> None:
        """QI007 at an answer or explanation label left on the chapter page: a paragraph's first
        line, or a line that opens a paragraph inside a quote ('> 答案：…' under a quoted figure)."""
        if el.kind == "paragraph":
            opening = [el.start]
        else:  # a quote: each paragraph inside it, its '>' taken off
            inner = [unquote(self.lines[j]) for j in range(el.start, el.end)]
            opening = [el.start + n for n, line in enumerate(inner) if line.strip() and (n == 0 or not inner[n - 1].strip())]
        for j in opening:
            text = self.lines[j] if el.kind == "paragraph" else unquote(self.lines[j])
            label = self.labels.paragraph(text)
            if label and label.kind in ("answer", "explanation") and j + 1 not in self.key_lines:
                ask = "'问：'" if self.language == "zh" else "'Q:'"
                pair = (f", or, if the line right above it is its question, start that line with {ask} (a "
                        "question label then an answer label is one more question)") if label.kind == "answer" else ""
                self.warn(j + 1, "QI007", f"{label.word} outside any question (detached from its "
                                          f"question): kept on the chapter page; move it under its question{pair}")

    def _titled(self, kind: str) -> str:
        """' (解析)' after a part's name where the document's language titles it otherwise."""
        title = t(self.language, f"block.{kind}")
        return "" if title.lower() == kind else f" ({title})"

    def _check_units(self, units: list[Unit], elements: list[Element]) -> None:
        # the section each question is in: the last heading above it that is no question's own and,
        # where questions are headings, one level up or more (a '#### 小结' inside an answer under
        # '### 2.' is part of that answer); a numbering that starts again at 1 in the next section
        # (each '### 小结' numbered 1, 2, …) is normal (`_section_heads`)
        heads = _section_heads(elements, {u.start.index for u in units})

        def section(u: Unit) -> int:
            level = u.start.level or 7  # (questions that are no headings: any heading)
            return max((i for i in heads if i < u.start.index
                        and (elements[i].level < level or elements[i].kind != "heading")), default=-1)

        seen_numbers: dict[tuple[str | None, int, int], int] = {}
        seen_titles: dict[str, int] = {}
        previous: Unit | None = None
        summarise = len(units) > 1 and not any(u.has("explanation") or u.merged_line for u in units)
        # a bank of questions with no answer (questions to practise, all of them or nearly): what their
        # question blocks hold is theirs, said once for the document (`_answer_in_question`)
        missing = sum(1 for u in units if not u.has("answer"))
        unanswered: list[tuple[int, str]] | None = [] if len(units) >= 3 and missing >= UNANSWERED_BANK * len(units) \
            else None
        if summarise:  # a whole document of questions and answers only (usual in English material)
            self.warn(units[0].line, "QI005", f"no question of the {len(units)} has an explanation"
                                              f"{self._titled('explanation')}: "
                                              f"pages hold question and answer only; {optional_hint('explanation')}")
        for u in units:
            n = u.start.number
            if u.start.promoted:
                what = "numbered question line" if n is not None else "question line"
                self.warn(u.line, "QI012", f"{what} '{short_title(u.heading_text or u.title, 60)}' is inside "
                                           f"the question at line {u.start.promoted}: imported as its own "
                                           "question; check where its answer begins")
            if n is not None and previous and previous.start.number is not None and previous.group == u.group \
                    and 1 < n < previous.start.number:
                self.warn(u.line, "QI011", f"numbering goes back from {previous.start.number} to {n}: a question "
                                           "may be out of place, or two lists are mixed")
            if n is not None and previous and previous.start.number is not None and previous.group == u.group \
                    and n > previous.start.number + 1:
                missing = previous.start.number + 1
                gap = f"question {missing} is" if n == missing + 1 else f"questions {missing}–{n - 1} are"
                self.warn(u.line, "QI011", f"numbering jumps from {previous.start.number} to {n}: {gap} "
                                           f"missing or hidden in the answer at line {previous.line}")
            if n is not None:
                key = (u.group, section(u), n)
                if key in seen_numbers:
                    self.warn(u.line, "QI002", f"question number {n} is used twice (first at line {seen_numbers[key]}): "
                                               "both are kept, as separate pages")
                else:
                    seen_numbers[key] = u.line
                if previous and previous.start.number and n == 1 and previous.start.number > 1 \
                        and section(previous) == section(u):
                    self.warn(u.line, "QI009", f"numbering restarts at 1 after question {previous.start.number}: "
                                               "pages are numbered in document order")
            title_key = re.sub(r"\W", "", u.title)
            if title_key in seen_titles:
                self.warn(u.line, "QI008", f"title '{u.title}' repeats the question at line {seen_titles[title_key]}: "
                                           "give each question its own title")
            else:
                seen_titles[title_key] = u.line
            if not u.has("answer"):
                self.warn(u.line, "QI004", f"question '{u.title}' has no answer: the page says the answer is "
                                           "missing; write one under an answer label")
                u.parts["answer"] = [OutLine(t(self.language, "import.missing_answer"), ())]
                u.how["answer"] = "missing in the source (a note says so)"
            elif shown := u.placeholder("answer"):  # 'TODO', '待补充': the answer is still to be written
                self.warn(u.line, "QI026", f"the answer of '{short_title(u.title, 40)}' is only a placeholder "
                                           f"('{short_title(shown, 20)}'): kept, and the page says the answer is "
                                           "missing; write it under the answer label")
                u.parts["answer"] = [*u.parts["answer"], OutLine("", ()),
                                     OutLine(t(self.language, "import.missing_answer"), ())]
                u.how["answer"] += " — a placeholder: the answer is missing"
            elif not u.shows("answer"):  # only a comment: the page would show an empty answer
                self.warn(u.line, "QI004", f"question '{u.title}' has an answer that shows nothing (only a "
                                           "comment): the page says the answer is missing")
                u.parts["answer"] = [*u.parts["answer"], OutLine("", ()),
                                     OutLine(t(self.language, "import.missing_answer"), ())]
            elif u.merged_line:
                self.warn(u.merged_line, "QI010", "'答案解析' merges answer and explanation: kept as the answer; "
                                                  "split the explanation under a '解析' label")
            elif not u.has("explanation") and not summarise:
                # the author's own word for it where they gave one (--label explanation=…), else the book's
                label = (self.options.labels.get("explanation") or [t(self.language, "block.explanation")])[0]
                self.warn(u.line, "QI005", f"question '{u.title}' has no explanation"
                                          f"{self._titled('explanation')}: add it after the answer, labelled "
                                          f"'{label}', or, {optional_hint('explanation')}")
            self._remote_only(u)
            for part in ("answer", "explanation"):
                self._asking_lines(u, part)
            for line in u.overlaps:
                many = f"one of {len(u.overlaps) + 1} question labels" if len(u.overlaps) > 1 \
                    else "a second question label"
                self.warn(line, "QI020", f"{many} inside question '{short_title(u.title, 30)}' (line {u.line}): "
                                         "read as a part of that one question, in its page (a sub-question); if each is "
                                         "a question of its own, give it its own heading or say "
                                         "how questions start (--question-pattern)")
            self._answer_in_question(u, unanswered)
            if u.has("explanation") and not u.shows("explanation"):
                u.parts["explanation"] = [*u.parts["explanation"], OutLine("", ()),
                                          OutLine(t(self.language, "import.empty_part"), ())]
            if u.orphan:
                self.warn(u.orphan_line, "QI006", f"content after question '{u.title}' and its '---' belongs to no "
                                                  "question: kept on the chapter page")
            previous = u
        if unanswered is not None:
            self._answers_in_an_unanswered_bank(units, missing, unanswered)

    # -- pages -------------------------------------------------------------------------
    def _pages(self, units: list[tuple[Unit, int]], elements: list[Element]) -> ImportPlan:
        lines = self.lines
        first_q = units[0][0].start.index if units else len(elements)
        title_el = next((el for el in elements[:first_q] if el.kind == "heading"), None)
        if title_el and title_el.level > 1 and front_title(lines):
            title_el = None  # the front matter's `title:` names the document; its first '##' is a section
        title = self.title_arg or (short_title(title_el.text, 80) if title_el else None) \
            or short_title(front_title(lines), 80) or "Questions"
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
            slug = slugify(full_title(u.title)) or f"question-{n}"  # the words, not a link's address
            page_id = unique(slug, self.taken_ids)
            rel = f"{chapter}/{n:0{width}d}-{slug}.md"
            topics.append(PlannedPage(rel, u.title, self._topic_lines(u, page_id), questions=1))

        # chapter page: H1, then everything that is not a question, with links where questions stood;
        # the source's front matter kept as a comment (not text: the page's front matter is qabook's)
        shown = front_matter_comment(lines)
        body: list[OutLine] = [OutLine("---", ()), OutLine(f"title: {json.dumps(title, ensure_ascii=False)}", ()),
                               OutLine("---", ()), OutLine("", ()), OutLine(f"# {h1}", title_src), OutLine("", ()),
                               OutLine("<!-- qabook:pdf -->", ()), OutLine("", ())]
        k = 0
        i = 0
        while i < len(elements):
            if k < len(units) and i == units[k][0].start.index:
                body = self._close_fence(body)  # a fence left open above (read as closed before this question)
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
            if i - 1 in self.moved:
                continue
            if el is title_el and title_src:
                body.extend(OutLine(lines[j], (j + 1,)) for j in range(el.own_end, el.end))
                continue
            if el.kind == "heading":
                # its level as written: rebase_headings sets the page's levels, the outline kept
                text = "#" * max(2, el.level) + " " + " ".join(el.text.split())  # a setext heading may span lines
                body.append(OutLine(text, tuple(el.own_lines)))
                body.extend(OutLine(lines[j], (j + 1,)) for j in range(el.own_end, el.end))
                continue
            if el.kind in ("paragraph", "quote") and units:
                self._detached_labels(el)
            body.extend(OutLine(shown[j], (j + 1,)) for j in range(el.start, el.end))
        body = site_lists(self._no_fences(rebase_headings(self._close_fence(body))))  # its lists as the site reads them
        plan.pages = [PlannedPage(f"{chapter}/index.md", title, squeeze(body))] + topics
        order = {id(u): k for k, (u, _) in enumerate(units, 1)}
        plan.copied = {line: sorted({order[id(u)] for u in us if id(u) in order}) for line, us in self.copies.items()}
        if units:
            moved = {a: topics[k].rel for k, (u, _) in enumerate(units) if u.start.strategy == "heading"
                     for a in source_anchors(u.heading_text)}
            for k, (u, _) in enumerate(units):  # '<h3 id="7">', '<a name="x">' at a question's line
                raw = " ".join(self.lines[u.line - 1:u.line + 2])
                for a in re.findall(r"""\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", raw, re.I):
                    moved.setdefault(a, topics[k].rel)
            self.diags += neutralise_links(plan.pages, self.source, moved)
            self.diags += localise_images(plan.pages, self.source, plan.assets, self.docs)
        if units:
            self._keep_every_line(plan.pages)
        for page in plan.pages:
            self.diags += neutralise(page, self.source)
        plan.diagnostics = sorted(self.diags)
        return plan

    def _keep_every_line(self, pages: list[PlannedPage]) -> None:
        """The import is lossless by construction; this is its safety net. A source line carried
        twice is kept once (its first place); a non-blank line carried nowhere goes to the end of
        the chapter page, reported."""
        seen: set[int] = set()
        for page in pages:
            for out in page.lines:
                if any(n in seen for n in out.src):
                    out.src = tuple(n for n in out.src if n not in seen)
                seen.update(out.src)
        missing = [n for n, line in enumerate(self.lines, 1) if line.strip() and n not in seen]
        if not missing:
            return
        chapter = pages[0]
        chapter.lines = self._close_fence(chapter.lines) + [OutLine("", ())]
        kept = [OutLine(self.lines[n - 1], (n,)) for n in missing]
        chapter.lines += self._close_fence(self._no_fences(no_headings(kept)))
        for n in missing:
            self.warn(n, "QI024", "this line could not be placed in a question or where it stood: kept at the end "
                                  "of the chapter page (please report it)")

    def _template_only(self, units: list[Unit]) -> bool:
        """A skeleton of questions whose answers are all still to be written ('答案：待补充',
        'A: TODO'): refused, as a document with no answer at all — nothing written. One written
        answer makes it a bank in progress: imported, each placeholder reported (QI026)."""
        held = [u for u in units if u.has("answer") and u.placeholder("answer")]
        if not held or len(held) * 2 < len(units) or any(
                u.has("answer") and u.shows("answer") and not u.placeholder("answer") for u in units):
            return False
        shown = held[0].placeholder("answer")
        self.warn(held[0].line, "QI026", f"a template, not yet a Q&A: every answer of the {len(units)} question(s) "
                                         f"is a placeholder ('{short_title(shown, 20)}' here) or missing: nothing "
                                         "written; write the answers, then import", Severity.ERROR)
        return True

    def _style_changes(self, detection: Detection, elements: list[Element]) -> None:
        """A template that carries the numbering on in another shape joined the reading: say where."""
        for cand in detection.continued:
            first = cand.indices[0]
            numbers = [s.numbering.number for s in cand.shapes if s.numbering]
            before = detection.winner.shapes[-1] if first > detection.winner.indices[-1] else detection.winner.shapes[0]
            self.warn(elements[first].lineno, "QI025",
                      f"question lines change shape here ({cand.describe()}) while the numbering goes on "
                      f"({numbers[0]}–{numbers[-1]}; elsewhere: '{short_title(before.title, 30)}'): read as questions "
                      "too; check with --preview, or say where questions start (--question-pattern)")

    def _weak_template(self, detection: Detection, units: list[Unit]) -> None:
        """Two readings of the document fit almost as well: say so, with both, at the first question."""
        winner, runner = detection.winner, detection.runner
        if not units or winner is None or runner is None or runner.score < winner.score * WEAK_MARGIN:
            return
        if len(runner.indices) == len(units) or len(runner.indices) < 2:
            return
        self.warn(units[0].line, "QI022", f"another reading fits about as well: chosen {winner.describe()} → {len(units)} "
                                          f"question(s), score {winner.score:.2f}; {runner.describe()} → "
                                          f"{len(runner.indices)}, score {runner.score:.2f}; check with --preview or "
                                          "--explain, or say where questions start (--question-pattern)")

    def _small_reading(self, detection: Detection, elements: list[Element], units: list[Unit]) -> None:
        """The reading chosen holds a small part of the document, while a shape that repeats over most
        of it (ninety numbered '## 1 主题' headings, each answered, none asking) scored better and was
        turned down: say so at its first line, with what it lacked (never a silent 6 of 88)."""
        winner = detection.winner
        if not units or winner is None or winner.features.get("coverage", 1.0) >= SMALL_READING:
            return
        turned = [c for c in detection.cands if not c.accepted and c.score > winner.score and len(c.indices) >= 3
                  and c.features.get("coverage", 0.0) >= 0.5]
        if not turned:
            return
        best = max(turned, key=lambda c: c.score)
        f = best.features
        why = best.prose() or best.grouping() or (f"their starts ask: {round(f.get('ask', 0) * 100)} %, "
                                                  f"answer labels: {round(f.get('labelled', 0) * 100)} %")
        box = best.key[0]
        steer = f"--question-heading {box[1:]}" if box[:1] == "h" and box[1:].isdigit() else "--question-pattern"
        self.warn(elements[best.indices[0]].lineno, "QI039",
                  f"{best.describe()}: {len(best.indices)} of them hold {round(f['coverage'] * 100)} % of the "
                  f"document, yet are not read as questions ({why}), while the reading chosen holds "
                  f"{round(winner.features['coverage'] * 100)} % ({len(units)} question(s)); if they are the "
                  f"questions, say so ({steer})")

    def _answers_in_an_unanswered_bank(self, units: list[Unit], missing: int, found: list[tuple[int, str]]) -> None:
        """One QI021 for a document (nearly) none of whose questions has an answer, where some question blocks
        hold code, a list or a table: a bank of questions to practise (its sub-points, its snippets)
        more often than answers put in the wrong place — said once, with the lines, not per question."""
        if not found:
            return
        what = sorted({w for _, w in found}, key=["code", "a list", "a table"].index)
        shown = ", ".join(str(line) for line, _ in found[:8]) + (", …" if len(found) > 8 else "")
        n = len(units)
        said = f"none of the {n} questions has" if missing == n else f"only {n - missing} of the {n} questions have"
        self.warn(found[0][0], "QI021", f"{said} an answer, and {len(found)} of their "
                                        f"question blocks hold {' or '.join(what)} (lines {shown}): kept in the "
                                        "question; if some of it is an answer, put it under an answer label")

    def _answer_in_question(self, u: Unit, unanswered: list[tuple[int, str]] | None = None) -> None:
        """The question block holds what looks like an answer: an answer-like label that was not
        read as one, or — when the question has no answer — code, a table or a list (collected in
        `unanswered` when no question of the document has one: said once, `_answers_in_an_unanswered_bank`)."""
        lines = u.parts["question"]
        flags = code_flags(lines)[0]
        options = any(re.match(r"^\s*(?:[-*+]\s+)?B\s*[:：.)]", o.text) for o in lines)  # 'A: …' 'B: …' are choices
        for out, code in zip(lines, flags):
            if not code and out.src and not options and LOOSE_ANSWER_RE.match(out.text):
                self.warn(out.src[0], "QI021", f"'{short_title(out.text.strip(), 40)}' in the question block of "
                                               f"'{short_title(u.title, 30)}' looks like an answer: the learner would "
                                               "see it before trying; write it under an answer label (--label answer=WORD)")
                return
        if u.has("answer") and u.shows("answer") and not u.how.get("answer", "").startswith("missing"):
            return
        found = next((o for o, code in zip(lines, flags) if o.src and (
            (code and FENCE_RE.match(o.text)) or (not code and re.match(r"^\s*(?:\||[-*+]\s|\d+[.)]\s)", o.text)))), None)
        if found:
            what = "code" if FENCE_RE.match(found.text) else "a table" if found.text.lstrip().startswith("|") else "a list"
            if unanswered is not None:
                unanswered.append((found.src[0], what))
                return
            self.warn(found.src[0], "QI021", f"question '{short_title(u.title, 30)}' has no answer but its question "
                                             f"block holds {what}: is that the answer? Put it under an answer label")

    def _asking_lines(self, u: Unit, part: str) -> None:
        """A line inside an answer or explanation that looks like a question of its own
        (numbered or bold, ending in '?'): never silent, in case detection missed a question."""
        lines = u.parts.get(part, [])
        for out, code in zip(lines, code_flags(lines)[0]):
            if code or not out.src or not ASKING_LINE_RE.match(out.text) or out.src[0] in u.overlaps:
                continue  # (a second question label says QI020 there, the more precise word)
            self.warn(out.src[0], "QI018", f"'{short_title(out.text.strip(), 50)}' inside the {part} of question "
                                           f"'{short_title(u.title, 30)}' looks like a question of its own: if it is, "
                                           "say how questions start (--explain, --question-pattern, --bold-questions)")

    def _close_fence(self, lines: list[OutLine]) -> list[OutLine]:
        """Close a code fence left open (a file cut off inside code), so that it does not swallow
        the rest of the page; reported at the fence's source line."""
        opener = code_flags(lines)[1]
        if opener is None:
            return lines
        m = FENCE_RE.match(opener.text)
        char, width = m["fence"][0], len(m["fence"])
        self.warn(opener.src[0] if opener.src else 1, "QI014", "code fence is never closed (is the file cut "
                                                                "off?): closed at the end of its block")
        return lines + [OutLine(opener.text[: len(opener.text) - len(opener.text.lstrip())] + char * width, ())]

    def _no_fences(self, lines: list[OutLine]) -> list[OutLine]:
        """A source line that starts with '///' would open or close a block of the page: it is
        written with its first slash as '&#47;', which reads the same."""
        for o, code in zip(lines, code_flags(lines)[0]):
            if not code and o.text.lstrip().startswith("///"):
                o.text = o.text.replace("/", "&#47;", 1)
                self.warn(o.src[0] if o.src else 1, "QI015", "line starts with '///' (a block fence of the pages): "
                                             "written as '&#47;//' so that it stays text")
        return lines

    def _topic_lines(self, u: Unit, page_id: str) -> list[OutLine]:
        plain = isinstance(yaml.safe_load(page_id), str)  # "100", "true", "1e3" would not read back as text
        out = [OutLine("---", ()), OutLine(f"id: {page_id if plain else json.dumps(page_id)}", ())]
        tags = ([u.group] if u.group else []) + [t for t in u.tags if t != u.group]
        if tags:
            out.append(OutLine(f"tags: [{', '.join(json.dumps(t, ensure_ascii=False) for t in tags)}]", ()))
        out += [OutLine("---", ()), OutLine("", ()), OutLine(f"# {u.title}", u.title_src), OutLine("", ())]
        present = [p for p in ("question", "answer", "explanation") if u.has(p) or p == "question"]
        # a label with nothing under it ('**解析：**' and then the next question) makes no empty block:
        # its line goes with the last block's end
        empty_labels = tuple(n for p in PARTS if p not in present for n in u.opens[p] + [
            n for o in u.parts[p] for n in o.src])
        for idx, part in enumerate(present):
            content, lead, trail = unwrap(trim(u.parts[part]))
            content = site_lists(separate_options(self._no_fences(no_headings(self._close_fence(content)))))
            title = u.block_titles.get(part)
            title = None if title and generic_title(title) else title  # '<summary>Show answer</summary>'
            out.append(OutLine(f"/// {part}" + (f" | {title}" if title else ""), tuple(u.opens[part]) + lead))
            if content and content[0].text[:1] in (" ", "\t"):  # an indented first line would be read as
                out.append(OutLine("", ()))                      # the block's options: a blank line first
            out.extend(content)
            closes = tuple(u.closes) + empty_labels if idx == len(present) - 1 else ()
            out += [OutLine("///", trail + closes), OutLine("", ())]
        out.extend(u.tail)
        return no_closing_rule(out)


#: A runner-up scoring this share of the winner's score or more makes the reading weak (QI022).
WEAK_MARGIN = 0.9
#: A reading holding less than this share of the document's lines is small beside a shape that
#: repeats over half of it and scores better (QI039).
SMALL_READING = 0.3
#: A label-like start of a line that may be an answer the labels did not read ('Answer (short):', 'Ans -', '答:').
LOOSE_ANSWER_RE = re.compile(r"^\s*(?:\*\*)?(?:A|Ans|Answer|Solution|答|答案|参考答案|解答)(?:\s*\([^)]{0,500}\)|\s*\d+)?"
                             r"\s*(?:\*\*)?\s*(?:[:：]|\s[-–—]\s)", re.I)


#: A numbered or bold line that ends in a question mark: `1. What is X?`, `**What is X?**`, `Q: …?`.
ASKING_LINE_RE = re.compile(r"^\s{0,3}(?:(?:\d{1,3}[.)、．]|Q\d*[:：.]|问[:：])\s*(?:\*\*)?\S.*[?？](?:\*\*)?"
                            r"|\*\*[^*]+[?？]\s*\*\*)\s*$")


#: A link written in a title ('什么是 AJAX ? [mdn](https://…)'): a link holds no link, so its words stand alone.
_INLINE_LINK_RE = re.compile(r"(?<![!\\])\[(?P<words>[^\[\]]{0,500})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]{0,200}\")?\)")


def _link_text(title: str) -> str:
    """A title as a link's words: a link in it reduced to its words (a link holds no link: the
    chapter page would show the Markdown and its address), its brackets escaped, but not inside a
    code span (code spans bind tighter than a link's brackets; a backslash there would be shown:
    `len(\\[1\\])`)."""
    out, at = [], 0

    def plain(text: str) -> str:
        return _INLINE_LINK_RE.sub(lambda m: m["words"], text).replace("[", "\\[").replace("]", "\\]")

    for m in CODE_SPAN_RE.finditer(title):  # shown as written
        out += [plain(title[at:m.start()]), m.group(0)]
        at = m.end()
    return "".join(out) + plain(title[at:])


def document_language(text: str) -> str:
    """'zh' when the document is written mostly in Chinese characters, else 'en'."""
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "zh" if cjk and cjk >= words else "en"


def plan_import(text: str, source: str, chapter: str | None = None, title: str | None = None,
                taken_ids: set[str] | None = None, options: ImportOptions | None = None,
                docs: str = "docs") -> ImportPlan:
    """Plan the pages for one document (to be written under the folder `docs`, as its hints say);
    never raises on odd input."""
    return _Planner(text, source, chapter, title, taken_ids or set(), options, docs).plan()
