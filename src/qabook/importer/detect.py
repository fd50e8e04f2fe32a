"""Find where questions start in a document: the template its repeated shapes make.

Every block gets a shape (`shapes.py`); the shapes that repeat make candidate templates, scored
and chosen in `template.py` (the known Q&A shapes are priors of the score, not the only doors).
An answer key gathered after its questions (`answerkey.py`) answers them by number. Then a
numbered question-looking line hidden inside another question's answer, whose number fills a
gap in the numbering, is promoted to a question of its own (and reported).

The author's options (`ImportOptions`) replace the vote: a heading level, a pattern any line
may start with, every bold line, or a separator line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from qabook.importer.answerkey import AnswerKey, find_keys, key_elements
from qabook.importer.elements import Element, expand_lists, unwrapped_quote
from qabook.importer.nested import expand_nested
from qabook.importer.quoted import expand_quoted
from qabook.importer.labels import DEFAULT, Labels
from qabook.importer.marked import CHECKED_RE, TASK_RE
from qabook.importer.options import ImportOptions
from qabook.importer.shapes import (KEY_SHAPE, Shape, asks, counted_titles, details_close, first_line, numbering,
                                   numbering_only, says_nothing, says_question, shape_of, unbold)
from qabook.importer.faqsection import faq_sections
from qabook.importer.furniture import contents_headings, listed_again, outline_headings
from qabook.importer.followups import follow_up_items
from qabook.importer.fencediv import divs, inside_any, lone_boxes, question_divs, reach
from qabook.importer.gaps import found_numbers
from qabook.importer.judged import judged_items, statement
from qabook.importer.template import (Candidate, _rival, candidates, choose, explicit, has_answer_mark, has_options,
                                      shown_as_example, topic_names,
                                      lead_ins, named_sections, nesting, quiet_runs, says_something, score, section_title, silent,
                                      titled_by)
from qabook.importer.asklists import asking_lists, prompt_lists
from qabook.importer.askruns import asking_runs
from qabook.importer.askheadings import ask_headings, names_a_subject
from qabook.importer.runon import run_on_titles
from qabook.importer.strays import stray_entries
from qabook.importer.levels import level_entries, numbered_under
from qabook.importer.tables import question_tables, small_tables_note
from qabook.importer.tagcards import tagged_cards
from qabook.importer.tailasks import tail_questions
from qabook.importer.wholedoc import asked_by_its_title, front_titled, one_asked, whole_document
from qabook.vocabulary import SKIPPED_WORDS

BOLD_NUMBERED_RE = re.compile(r"^\*\*\s*(?P<n>\d+)\s*[.．、]\s*(?P<rest>[^*\n]+?)\s*\*\*\s*$")
BOLD_LINE_RE = re.compile(r"^\*\*(?P<inner>[^*\n]+?)\*\*\s*$")
@dataclass
class Start:
    """The element that opens a question, with its number and title text."""

    index: int  # into the element list
    number: int | None
    title: str
    strategy: str  # "heading", "bold", "label", "item", "list" (a list's bullets, one question: `_lists_as_units`)…
    level: int = 0  # heading level for strategy "heading"
    explicit: bool = False  # the line itself says it is a question (题目 N / 第 N 题 / Q3:)
    promoted: int = 0  # found inside the answer of the question that starts at this line
    bare: bool = False  # the line only marks a question ("## Question 1"): the title comes from the text
    runs: int = 0  # elements after the start that continue its title (`runon.py`: one title over several headings)
    close: int = -1  # the 0-based last line of a question's fenced div and its solution boxes ("div", `fencediv.py`)


@dataclass
class Detection:
    """What detection chose, for `--explain` and for the diagnostics."""

    strategy: str  # a sentence: what starts a question
    starts: list[Start]
    elements: list[Element] | None = None  # when detection split lists into items: the new element list
    winner: Candidate | None = None  # the template chosen, with its score
    runner: Candidate | None = None  # the best other reading of the document
    cands: list[Candidate] = field(default_factory=list)
    keys: list[AnswerKey] = field(default_factory=list)  # answers gathered after their questions, by number
    learned: list = field(default_factory=list)  # label words learned from the document (`learn.LearnedLabel`)
    continued: list[Candidate] = field(default_factory=list)  # templates carrying the numbering on (`continues`)
    refused: str = ""  # why the best reading was taken for an article's sections (`Candidate.prose`)
    joined: list[tuple[int, int]] = field(default_factory=list)  # (start line, heading line joined to its title)
    strays: list[int] = field(default_factory=list)  # entries at another level or unlabelled (`strays.py`)
    quizzes: list[Candidate] = field(default_factory=list)  # quizzes read apart from their template's sections (`askruns.py`)
    quiet_runs: list[list[int]] = field(default_factory=list)  # numbered runs read past (`template.quiet_runs`)
    filled: list[int] = field(default_factory=list)  # numbers the sequence skipped, found as text (`gaps.py`)
    past_key: list[list[int]] = field(default_factory=list)  # groups after the quiz's answer key (`_past_the_key`)


_SKIPPED_RE = re.compile("|".join(re.escape(w) for w in SKIPPED_WORDS), re.I)


def numbered_heading(el: Element) -> Start | None:
    """A heading numbered as a question ('## 3. …', '## 第 3 题', '## Question 17a. …', '## Q: …'),
    read with the one numbering of `shapes.numbering`."""
    if el.kind != "heading":
        return None
    text = re.sub(r"^(\*\*|__)(.*)\1$", r"\2", el.text.strip()).strip()  # "### **1. 标题**"
    num = numbering(text)
    if not num or not (num.style in ("N.", "N)", "N、") or says_question(num)):
        return None
    title = unbold(num.title)
    return Start(0, num.number, title, "heading", el.level, explicit=says_question(num),
                 bare=says_question(num) and not title)


def bold_numbered(el: Element) -> Start | None:
    """`**16. Is React a framework?**`, alone or as the first line of its answer paragraph."""
    m = BOLD_NUMBERED_RE.match(first_line(el)) if el.kind == "paragraph" else None
    return Start(0, int(m["n"]), m["rest"].strip(), "bold") if m else None


def unit_end(elements: list[Element], start: Start, starts: set[int], labels: Labels = DEFAULT,
             lines: list[str] | None = None) -> int:
    """Index of the first element after the start that ends its question (a heading that is an
    answer or explanation label, such as '### 答案：', does not: it is a part of the question;
    nor does a heading inside the question's own `<details>`)."""
    if start.strategy == "doc":
        return len(elements)
    if start.strategy == "row":  # a row is the whole question; what follows the table is not its answer
        return start.index + 1
    if start.strategy == "div" and start.close >= 0:  # a question's box: what follows its closer is the lesson's
        return next((j for j in range(start.index + 1, len(elements)) if elements[j].start > start.close), len(elements))
    inside = -1
    if start.strategy == "details" and lines is not None:
        close = details_close(lines, elements[start.index].start)
        inside = close if close is not None else -1
    for j in range(start.index + 1 + start.runs, len(elements)):
        el = elements[j]
        if j in starts:
            return j
        if el.start <= inside:
            continue
        if el.kind == "group":  # a list item naming the group of the questions nested in it (`nested.py`)
            return j
        if el.kind == "heading" and (start.strategy != "heading" or el.level <= start.level):
            label = labels.heading(el.text)
            if label and label.kind in ("answer", "explanation"):
                continue
            return j
    return len(elements)


def is_placeholder(start: Start, elements: list[Element], end: int, lines: list[str] | None = None) -> bool:
    """`#### 100.` or `<details><summary>35. </summary></details>`: no title and nothing under it."""
    said = numbering(start.title.strip())
    title = (said.title if said else start.title).strip()
    # '## Ex 1.23 1.24 1.25 *ignore*': exercises the author left out, named by their numbers
    skipped = bool(title and _SKIPPED_RE.fullmatch(re.sub(r"[\d.\s*_()（）\[\]-]+", " ", title).strip()))
    if (title and not skipped) or start.strategy in ("doc", "label", "quote"):  # (a quote's label holds its text)
        return False
    if start.explicit and start.strategy == "heading" and not skipped:
        return False  # '## Ex1.17', '## Question 5' name an exercise of their own: one whose answer is missing
    if lines is None or start.strategy == "heading":
        return all(not el.text.strip() and el.kind in ("paragraph", "heading") for el in elements[start.index + 1:end])
    stop = elements[end].start if end < len(elements) else len(lines)
    return says_nothing(lines[elements[start.index].start + 1:stop])


_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^<>]*>")


def figure_only(start: Start, elements: list[Element], end: int, lines: list[str], starts: list[Start]) -> bool:
    """`### 2. ` over only a diagram (a fence, an image, a table), among questions that have their
    titles: a card whose prompt the author never wrote — it asks the learner nothing, and its figure
    answers no question a person can see. (Headings that are all only numbers are a solutions
    page's exercises, `## Ex1.1` over its program names one: those stay questions.)"""
    if start.strategy != "heading" or start.explicit or not lines:
        return False
    said = numbering(unbold(elements[start.index].text.strip()))
    if said is None or said.number is None or said.title.strip() or start.title.strip():
        return False
    titled = sum(1 for s in starts if s.title.strip())
    if titled < 0.8 * len(starts):
        return False
    body = elements[start.index + 1:end]
    for el in body:
        if el.kind in ("fence", "code", "table", "hr"):
            continue
        if el.kind in ("paragraph", "html") and not re.search(r"\w", _IMAGE_RE.sub("", " ".join(lines[el.start:el.end]))):
            continue
        return False
    return any(el.kind in ("fence", "code", "table") or el.kind in ("paragraph", "html") and _IMAGE_RE.search(
        " ".join(lines[el.start:el.end])) for el in body)


def numbered_item(elements: list[Element], i: int, shape: Shape | None) -> Start | None:
    """A list item that opens its own list and is numbered — by its marker ('6. …') or its text
    ('- **Q6: …?**'): a question line written as a list item (an item further down a list is one
    point of an answer)."""
    el = elements[i]
    if el.kind != "item" or shape is None or (i and elements[i - 1].kind == "item"
                                              and elements[i - 1].parent == el.parent):
        return None
    n = shape.numbering
    number = n.number if n and n.number is not None else (el.level or None)
    if number is None:
        return None
    return Start(i, number, n.title if n else shape.title, "item")


def _promote_hidden(elements: list[Element], starts: list[Start], shapes: list[Shape] | None = None) -> list[Start]:
    """Numbered question lines inside another question, whose number fills a gap, become questions
    (a heading, a bold line or a list item: a near-miss of the repeated shape)."""
    if not starts:
        return starts
    out: list[Start] = []
    for k, s in enumerate(starts):
        out.append(s)
        following = starts[k + 1] if k + 1 < len(starts) else None
        if s.number is None:
            continue
        stop = following.index if following else len(elements)
        limit = following.number if following and following.number is not None else None
        expected = s.number + 1
        for i in range(s.index + 1, stop):
            el = elements[i]
            found = bold_numbered(el) or (numbered_heading(el) if el.kind == "heading" else None) \
                or numbered_item(elements, i, shapes[i] if shapes else None)
            if not found or found.number != expected or (limit is not None and expected >= limit):
                continue
            if not (asks(found.title) or found.explicit):
                continue
            found.index, found.promoted = i, elements[s.index].lineno
            out.append(found)
            expected += 1
    return out


def _pattern_title(text: str, m: re.Match[str]) -> str:
    """The title of a line an author's pattern matched: the line after the match when the match is
    a marker — a numbering (`Q3.`, `Question 3:`, `第3题`, `1.`, or any word with a number, `Drill 26.`:
    the author's pattern names it; `shapes.numbering` reads them all) or a label word with its colon
    (`问：`, `Q:`) — else the whole line (`True/` or `[A-Z]` matched words of
    the question: taking them off lost them from the book)."""
    marker = re.sub(r"^[\s*_#>•·\-–—]+", "", m.group()).strip()
    rest = re.sub(r"^[\s.:：．、)\-—–]+", "", text[m.end():])
    said = numbering(marker, any_word=True) if marker else None
    if rest and marker and ((said is not None and said.number is not None and not re.search(r"\w", said.title))
                            or re.fullmatch(r"[^\W\d_]{1,12}\s*[:：]", marker)):
        return rest
    return text


def _quote_start(i: int, el: Element, lines: list[str], labels: Labels, title: str, number: int | None) -> Start:
    """A blockquote that an author's option says opens a question (`--split-on`, `--question-pattern`
    on its first line, read without its '>' marks). With a label in it ('> 判断以下…⏎>⏎> 答案：…') it
    is read unquoted, as '> **Q:** …' '> **A:** …': its labels sort it, an unlabelled first line is
    the question's; without one ('> 补充下列句子：…') the whole quote is the question."""
    if any(labels.paragraph(unwrapped_quote(lines[k])) for k in range(el.start, min(el.end, len(lines)))):
        return Start(i, number, title.strip(), "quote", explicit=True)
    return Start(i, number, title.strip(), "bold", explicit=True)


def _forced(elements: list[Element], opts: ImportOptions, labels: Labels, lines: list[str]) -> Detection:
    pattern, levels = opts.question_pattern, opts.heading_levels
    level = "/".join(map(str, sorted(levels)))
    starts: list[Start] = []
    for i, el in enumerate(elements):
        if el.kind == "heading" and (not levels or el.level in levels) and (pattern or levels):
            text = el.text.strip()
            if pattern:
                m = pattern.match(text)
                if not m:
                    continue
                title = _pattern_title(text, m)
                digits = re.search(r"\d+", m.group())
                starts.append(Start(i, int(digits.group()) if digits else None, title, "heading", el.level, True))
            else:
                known = numbered_heading(el)
                starts.append(Start(i, known.number if known else None, known.title if known else text,
                                    "heading", el.level, True))
        elif el.kind == "item" and pattern and not levels:  # '- Q3. …' / '3. Problem: …'
            inner = re.sub(r"\*\*|__", "", first_line(el)).strip()
            pm = pattern.match(inner)
            if not pm and 0 <= el.start < len(lines):  # the item as written, its marker included: '\d+\.' on '3. …'
                raw = re.sub(r"\*\*|__", "", lines[el.start]).strip()
                if (pm := pattern.match(raw)) is not None:
                    inner = raw
            if pm and inner.strip():  # (an empty item, '6. ', asks nothing: it is not a question)
                title = _pattern_title(inner, pm)
                digits = re.search(r"\d+", pm.group())
                number = int(digits.group()) if digits else (el.level or None)
                starts.append(Start(i, number, title, "item", explicit=True))
        elif el.kind == "quote" and pattern and not levels and 0 <= el.start < len(lines):
            # '> 判断以下…': its words without the '>' (the bold kept for the title, else taken off), or as written ('^> ?问题')
            said = unwrapped_quote(lines[el.start])
            pm = None
            for inner in (said, re.sub(r"\*\*|__", "", said).strip(), lines[el.start].strip()):
                if (pm := pattern.match(inner)) is not None:
                    break
            if pm and inner:
                digits = re.search(r"\d+", pm.group())
                starts.append(_quote_start(i, el, lines, labels, _pattern_title(inner, pm),
                                           int(digits.group()) if digits else None))
        elif el.kind == "paragraph" and (opts.bold_questions or (pattern and not levels)):
            m = BOLD_LINE_RE.match(first_line(el))
            if pattern:  # any paragraph line: "**Drill 26.** text", "Problem 3: text" — the line, unbolded
                inner = re.sub(r"\*\*|__", "", first_line(el)).strip()
            elif not m:
                continue
            else:
                inner = m["inner"].strip()
            if pattern:
                pm = pattern.match(inner)
                if not pm:
                    continue
                title = _pattern_title(inner, pm)
                digits = re.search(r"\d+", pm.group())
                starts.append(Start(i, int(digits.group()) if digits else None, title, "bold", explicit=True))
            else:
                label = labels.paragraph(first_line(el))
                if label and label.kind != "question":
                    continue
                known = bold_numbered(el)
                starts.append(Start(i, known.number if known else None, known.title if known else inner,
                                    "bold", explicit=True))
    what = []
    if level:
        what.append(f"level-{level} headings")
    if pattern:
        what.append(f"{'headings' if level else 'lines (headings, paragraphs, list items, bold lines, quotes)'} matching "
                    f"{pattern.pattern!r}")
    if opts.bold_questions:
        what.append("bold lines on their own")
    return Detection("your options: " + ", ".join(what), starts, elements)


_WORD_RE = re.compile(r"[^\W_]")


def _split(elements: list[Element], lines: list[str], opts: ImportOptions, labels: Labels) -> Detection:
    """`--split-on REGEX`: a line matching it separates questions; each question starts at the
    first block after a separator (and at the first block of the body before the first one)."""
    out: list[Element] = []
    seps: list[int] = []  # every matching line
    worded: set[int] = set()  # those with words besides the match ('3. Why…' for '^\d+\.'): a question's first line
    for el in elements:
        line = lines[el.start].strip() if 0 <= el.start < len(lines) else ""
        m = opts.split_on.search(line)
        if m and el.kind != "hr" and _WORD_RE.search(line[:m.start()] + line[m.end():]) and not line.startswith("<!--"):
            worded.add(len(out))
        elif m and el.kind != "hr":
            el = Element("hr", el.start, el.end, el.text, 0, el.own_end)  # a separator: the unit's tail
        if m:
            seps.append(len(out))
        out.append(el)
    title = next((i for i, el in enumerate(out) if el.kind == "heading"), -1)
    starts: list[Start] = []
    how = f"your options: blocks after lines matching {opts.split_on.pattern!r}"
    if not seps:  # the pattern matched no line: no questions (not the whole body as one untitled question)
        return Detection(how, starts, out)
    for h in ([title] if title < seps[0] else []) + seps:
        j = h if h in worded else next((k for k in range(h + 1, len(out)) if out[k].kind not in ("hr",)), None)
        if j is None or any(s.index == j for s in starts) or (h == title and j in seps):
            continue
        el = out[j]
        shape = shape_of(el, opts.label_set(), lines)
        if el.kind == "heading":
            starts.append(Start(j, shape.numbering.number if shape.numbering else None, shape.title, "heading", el.level,
                                True))
        elif el.kind == "item":  # a numbered item that the separator pattern matched: a question as an item is
            starts.append(Start(j, shape.numbering.number if shape.numbering else (el.level or None),
                                shape.title or first_line(el), "item", explicit=True))
        elif el.kind == "quote":
            starts.append(_quote_start(j, el, lines, labels, shape.title or unbold(unwrapped_quote(lines[el.start])),
                                       shape.numbering.number if shape.numbering else None))
        else:
            starts.append(Start(j, None, shape.title or first_line(el), "bold", explicit=True))
    return Detection(how, starts, out)


def _start(i: int, shape: Shape, box: str, level: int = 0) -> Start:
    """The question start a template's element makes."""
    num = shape.numbering
    number = num.number if num else None
    if box[:1] == "h" and box[1:].isdigit():
        return Start(i, number, shape.title, "heading", level, explicit=explicit(shape), bare=not shape.title.strip())
    if box == "item":
        return Start(i, number if number is not None else (level or None), shape.title, "item")
    if box == "details":
        return Start(i, number, shape.title, "details")
    if box == "doc":  # the whole document, from its first heading
        return Start(i, number, shape.title, "doc", level, explicit=explicit(shape), bare=not shape.title.strip())
    if box == "adm":
        return Start(i, number, shape.title, "adm")
    if box == "quote":  # '> **Q:** …' and its answer in the same quote
        return Start(i, number, "", "quote")
    if box == "row":  # a table's row
        return Start(i, number, shape.title, "row")
    if box == "dt":  # a definition list's term
        return Start(i, number, shape.title, "bold")
    if box in ("sep", "tag"):  # the first block after a separator; a line that ends in a card tag
        if shape.box[:1] == "h":
            return Start(i, number, shape.title, "heading", int(shape.box[1:]), explicit=explicit(shape))
        if shape.box == "item":
            return Start(i, number, shape.title, "item")
    if shape.label_kind == "question" and not (num and num.style not in ("wordN", "Q:")):
        return Start(i, number, "", "label")
    return Start(i, number, shape.title, "bold", explicit=explicit(shape))


def _numbers(cand: Candidate) -> list[int]:
    return [s.numbering.number for s in cand.shapes if s.numbering and s.numbering.number is not None]


def continues(winner: Candidate, other: Candidate) -> bool:
    """`other` carries the winner's numbering on in another shape: all its starts come after the
    winner's last (its numbers go on from the winner's last number) or before the winner's first
    (they lead up to it), one by one — a document that changes its question-line style part-way
    while its numbering continues ('**Q12. …?**' then '13. …?', '### 12.' then '#### 13.')."""
    mine, theirs = _numbers(winner), _numbers(other)
    if len(mine) < 2 or len(theirs) < 2 or len(theirs) != len(other.indices) or other.features["ask"] < 0.5:
        return False
    if any(b != a + 1 for a, b in zip(theirs, theirs[1:])):
        return False
    if min(other.indices) > max(winner.indices):
        return theirs[0] == mine[-1] + 1
    if max(other.indices) < min(winner.indices):
        return theirs[-1] + 1 == mine[0]
    return False


def _carried_on(winner: Candidate, c: Candidate) -> Candidate | None:
    """`c` when it carries the winner's numbering on (`continues`); else its starts that do, once
    those inside the winner's questions numbered no further than its last are left out: points of
    their answers ('#### 2. …' over 'Answer:' and '1.'–'3.', then '10. …?' items going on from
    '#### 9.'), not questions of the sequence."""
    if continues(winner, c):
        return c
    mine = _numbers(winner)
    if not mine:
        return None
    inside = [any(s <= i < e for s, e in zip(winner.indices, winner.ends)) for i in c.indices]
    keep = [k for k, (i, sh) in enumerate(zip(c.indices, c.shapes))
            if not (inside[k] and (sh.numbering is None or sh.numbering.number is None or sh.numbering.number <= mine[-1]))]
    if len(keep) == len(c.indices) or len(keep) < 2:
        return None
    sub = c.taken(keep)  # (from the template it comes from: not a rival reading)
    if not continues(winner, sub) or sum(sub.asked_at) * 2 < len(keep):
        return None
    return sub


def _region_extras(winner: Candidate, cands: list[Candidate], elements: list[Element] | None = None,
                   shapes: list[Shape] | None = None, lines: list[str] | None = None) -> list[Candidate]:
    """Other question-like templates in the parts of the document the winner leaves to the chapter
    page (a second group written in another shape), and templates that carry the winner's
    numbering on in another shape (`continues`), even inside its last unit."""
    questions = _asked_part(winner)
    taken = [(s, e) for s, e in zip(questions.indices, questions.ends)]
    extras = []
    for c in sorted((c for c in cands if c.accepted and c is not winner and not c.gave_way), key=lambda c: -c.score):
        if (on := _carried_on(questions, c)) is not None and not any(nesting(x, on) for x in extras):
            extras.append(on)
            taken += list(zip(on.indices, on.ends))
            continue
        # lines that ask and answer on one line ('What is X? Answer: …') are questions of their own even
        # inside another question's answer: no answer goes on with a new question and its own answer
        own_line = c.features.get("inline", 0) >= 0.8 and len(c.indices) >= 3 and c.features["ask"] >= 0.8
        # (a second group asks as a rule, and at least two of its starts ask: one asking line among
        # an exam's numbered objectives, '1.3 Compare physical interface…', is no group of questions)
        # (and they ask by themselves: a unit that holds the winner's questions asks with their choices,
        # '2.2.1 计算机系统基础知识' over '21. … A、… B、…' is an outline's section between them)
        own = sum(1 for k, (i, end) in enumerate(zip(c.indices, c.ends))
                  if c.asked_at[k] and not any(i < w < end for w in questions.indices))
        # (or their section names their kind: '## 4. 编程题' over '### 4.1 定义和输出变量', tasks that need not ask)
        kinded = bool(c.features.get("kinded")) and not any(s < w < e for s, e in zip(c.indices, c.ends)
                                                            for w in questions.indices)
        # (or they open questions of their own after an answer of the winner's, with their own answers)
        after = _after_answers(questions, c, shapes)
        if (not kinded and (c.features["ask"] < 0.5 or own < 2)) or (not own_line and not after and nesting(questions, c)) \
                or nesting(c, questions):
            continue
        outside = [k for k, i in enumerate(c.indices) if k in after or not any(s <= i < e for s, e in taken)]
        # all its starts outside the winner's units; one in ten may sit inside one of them and start a
        # question there (a question heading written one level down, right after an answer of the first group)
        if not own_line and (len(outside) < 2 or len(outside) < len(c.indices) - len(c.indices) // 10):
            continue
        c = _named_part(c, elements)
        extras.append(c)
        taken += list(zip(c.indices, c.ends))
    for c in sorted((c for c in cands if c.accepted and c is not winner and c not in extras and not c.gave_way),
                    key=lambda c: -c.score):
        if (beside := _beside_container(winner, c, taken)) is not None:
            extras.append(beside)
            taken += list(zip(beside.indices, beside.ends))
    for c in cands if elements is not None and shapes is not None else []:
        if c is not winner and c not in extras and (lone := _lone_pairs(winner, c, elements, shapes, [winner] + extras)) is not None:
            extras.append(lone)
        elif c is not winner and c not in extras and lines \
                and (follow := follow_up_items(c, elements, shapes, lines, [winner] + extras)) is not None:
            extras.append(follow)  # '- How many …?' over its indented answer, after the question's own (`followups.py`)
    return extras


def _named_part(c: Candidate, elements: list[Element] | None) -> Candidate:
    """A second group of list items, some standing in sections named for questions or their kind
    ('## 简答题' over '- 请简述…？', '## 编程题' over '- 请实现…'), the others not ('### 说明' over '- 请在本文档中
    作答'): only the first are questions, the others the sheet's instructions (`template.named_sections`)."""
    if elements is None or c.key[0] != "item":
        return c
    named = named_sections(elements)
    keep = [k for k, i in enumerate(c.indices) if named[i]]
    return c.taken(keep) if 2 <= len(keep) < len(c.indices) else c


def _asked_part(winner: Candidate) -> Candidate:
    """The winner's questions without the numbered runs read past (`template.quiet_runs`: an answer's
    steps, a quiz's rules): those stay chapter text, so a second group may hold them ('### 4. 目录操作'
    over its steps '1. cd /'–'5. rmdir …', after numbered fill-ins and choices that ask)."""
    quiet = quiet_runs(winner)
    return winner.taken([k for k, i in enumerate(winner.indices) if i not in quiet]) if quiet else winner


def _after_answers(winner: Candidate, c: Candidate, shapes: list[Shape] | None) -> set[int]:
    """The starts of `c` (positions) that open questions of their own inside a unit of the winner,
    after that unit's answer label: a run numbered one by one, asking, most of it answered under a
    label of its own ('1.请指出下面代码的错误？' … '答案：…' after '### 3.' and its '答案解析：…', the
    numbering restarted). An answer does not go on with new questions that carry their own answers."""
    f = c.features
    if shapes is None or not c.labelled_at or f.get("labelled", 0) < 0.5 or f["ask"] < 0.8 \
            or f["sequence"] < 0.8 or len(c.indices) < 2:
        return set()
    out = set()
    for k, i in enumerate(c.indices):
        unit = next(((s, e) for s, e in zip(winner.indices, winner.ends) if s < i < e), None)
        if unit is not None and c.asked_at[k] and any(shapes[j].label_kind == "answer" for j in range(unit[0] + 1, i)):
            out.add(k)
    return out if len(out) >= 2 else set()


def _lone_pairs(winner: Candidate, c: Candidate, elements: list[Element], shapes: list[Shape],
                read: list[Candidate]) -> Candidate | None:
    """A question label over an answer label on its very next block (`Q: …?` then `A: …`), or a
    paragraph written as a question over one (`协程和线程有什么区别？` then `答：…`: the answer's label
    says what the line above it is — and then the document's other paragraphs written as questions,
    answered after another question's answer, are questions too), one or two, too few to be a template of their own (a lone pair
    among bold questions or question headings): each such unit is
    unambiguous, a question of its own — in the chapter text the winner leaves, or after the
    answer of one of the questions read (then reported, QI012; never the same question seen from
    inside: that question's start right above it, nothing said between; nor inside a question's `<details>`,
    admonition or quote, which holds all it says: '问：… 答：…' as an example of how to answer)."""
    if c.key[2] not in ("label-q", "ask") or winner.key[2] == "label-q" or len(shapes) != len(elements):
        return None
    if c.accepted and len(c.indices) > 2 and (c.key[2] == "ask" or not all(
            any(s < i < e and r.asked_at and r.asked_at[n] for r in read for n, (s, e) in enumerate(zip(r.indices, r.ends)))
            for i in c.indices)):
        return None  # a template of its own — unless every pair is a follow-up inside a question that asks
        # ('### 追问' over '**Q: …？**' and 'A:' after each answer: one card each, as a follow-up heading is)
    keep = []
    inside: dict[int, int] = {}

    def placed(i: int) -> tuple[bool, int | None]:
        """Whether a question may start at element i, and the read question whose unit holds it."""
        held, r = next(((s, r) for r in read for s, e in zip(r.indices, r.ends) if s <= i < e), (None, None))
        if held is not None and r is not None:
            said = [j for j in range(held + 1, i) if elements[j].kind != "heading" and elements[j].text.strip()
                    or elements[j].kind in ("fence", "code", "list", "item", "table", "quote")]
            if held == i or not said or r.key[0] in ("details", "adm", "quote"):
                return False, held  # (inside a <details>, an admonition or a quote: the answer's own example dialogue)
            if c.key[2] == "ask" and r.features.get("labelled", 0) >= 0.5:
                return False, held  # a reading that labels its answers: the label is this question's, the
                # paragraph over it the question's own text ('How can we empty the array above?' over <details>)
        return True, held

    for k, i in enumerate(c.indices):
        after = next((j for j in range(i + 1, len(elements)) if elements[j].text.strip()
                      or elements[j].kind not in ("paragraph",)), None)
        if after is None or shapes[after].label_kind != "answer" or not (c.asked_at and c.asked_at[k]):
            continue
        ok, held = placed(i)
        if ok:
            keep.append(k)
            if held is not None:
                inside[i] = held
    if keep and c.key[2] == "ask":
        # the document writes a question as a plain paragraph, its answer labelled: its other paragraphs
        # written as questions that name a subject, after an answer and answered under them, are questions
        # too ('压力测试的工具有哪些？' over 'ab', 'sysbench', after the last heading's answer)
        for k, i in enumerate(c.indices):
            if k in keep or not (c.asked_at and c.asked_at[k]) or not (c.answered_at and c.answered_at[k]) \
                    or not names_a_subject(c.shapes[k].title):
                continue
            ok, held = placed(i)
            if ok and held is not None:
                keep.append(k)
                inside[i] = held
        keep.sort()
    if not keep:
        return None
    sub = c.taken(keep)  # (from a template too small to read alone: not a rival reading)
    sub.held = inside  # reported (QI012): a question read out of another one's answer
    return sub


def _lists_beside(elements: list[Element], shapes: list[Shape], lines: list[str],
                  chosen: list[Candidate]) -> Candidate | None:
    """A list of one-line questions where the reading leaves only chapter text (`asklists.py`):
    '### Simple Questions' over '- <b>What did you learn this week?</b>' items with no answers,
    before a bank of `<details>` questions. Lists inside the reading's questions are their answers'
    points and are not looked at."""
    taken = [(s, e) for c in chosen for s, e in zip(c.indices, c.ends)]
    inside = {i for s, e in taken for i in range(s, e)}
    if not inside or len(shapes) != len(elements):  # (a table's rows split into elements: shapes of the old list)
        return None
    quiet = Shape("other", "", None, "", "", False)
    listed = asking_lists(elements, [quiet if i in inside else sh for i, sh in enumerate(shapes)], lines, banked=True)
    if listed is None or any(i in inside for i in listed.indices):
        return None

    if listed_again([sh.title for sh in listed.shapes], [c.shapes for c in chosen]):
        return None  # the bank's own questions listed first ('1. What is Docker?' then '### 1. What is Docker?')
    return listed


def _beside_container(winner: Candidate, c: Candidate, taken: list[tuple[int, int]]) -> Candidate | None:
    """A coarser template one of whose units holds the winner's questions ('## Question 3: Viva'
    over '### Q1.' … '### Q5.'): that unit is their group heading; its other starts that ask or
    say they are questions, and hold none of the winner's, are questions of their own
    ('## Question 1: …', '## Question 2: …' — tasks before the viva)."""
    if c.features["ask"] < 0.5 or not nesting(c, winner):
        return None
    keep = []
    for k, (i, end, shape) in enumerate(zip(c.indices, c.ends, c.shapes)):
        held = sum(1 for w in winner.indices if i < w < end)
        if held:
            if held < 2:
                return None  # one question inside: the same questions seen from outside, not a group
            continue
        if any(s <= i < e for s, e in taken) or section_title(shape.title) or not (asks(shape.title) or explicit(shape)):
            continue
        if c.answered_at and not c.answered_at[k]:
            continue
        keep.append(k)
    if not keep or len(keep) == len(c.indices):
        return None
    return c.taken(keep)  # (from the template it comes from: not a rival reading)


def detect(elements: list[Element], opts: ImportOptions | None = None, lines: list[str] | None = None,
           labels: Labels | None = None) -> Detection:
    """Question starts, in order, and how they were found; no starts when nothing fits."""
    opts = opts or ImportOptions()
    labels = labels or opts.label_set()
    lines = lines if lines is not None else []
    if opts.forced:
        expanded = expand_lists(lines, elements) if lines else elements
        found = _split(expanded, lines, opts, labels) if opts.split_on is not None else _forced(expanded, opts, labels, lines)
        if opts.answer_key is not None and lines:
            found.keys = [k for k in find_keys(found.elements, lines, labels, opts.answer_key)
                          if not any(s.index in k.reserved for s in found.starts)]
        return found
    expanded = _expanded(elements, lines, labels)
    shapes = counted_titles(expanded, [shape_of(el, labels, lines) for el in expanded], labels, lines)
    for i in (contents_headings(expanded, lines) | outline_headings(expanded, lines)) if lines else ():
        shapes[i] = replace(shapes[i], toc=True)  # '## Table of Contents' over in-page links: the page's furniture
    keys = find_keys(expanded, lines, labels, opts.answer_key) if lines else []
    winner, runner, cands = _vote(expanded, shapes, lines, labels)
    read_beside: tuple[Candidate, list[Candidate]] | None = None  # (a winner, its `_region_extras`)
    if lines and (boxed := _div_reading(expanded, shapes, lines, winner, cands)) is not None:
        return boxed  # '::: challenge' boxes: one question each, the rest is the lesson (`fencediv.py`)
    if winner is not None and lines and shown_as_example(winner, expanded, lines):
        winner, runner = None, None  # '## Example' over two <details>: how the markup looks, not a FAQ
    if keys:
        reserved = key_elements(expanded, keys)
        keyed = [KEY_SHAPE if i in reserved else s for i, s in enumerate(shapes)]
        k_winner, k_runner, k_cands = _vote(expanded, keyed, lines, labels, keys)
        # keys answer questions that have none of their own (or the author named them, or hid them
        # under a <details> that says they are the answers: the text under each question is its task)
        # — or nothing reads as questions while the key's entries are taken for some (a quiz whose
        # questions mostly answer themselves, the key for the rest: the plan says where it adds)
        if k_winner is not None and (opts.answer_key is not None or all(k.hidden for k in keys) or winner is None
                                     or _own_labels(k_winner, expanded, lines, keys, labels) < 0.5):
            winner, runner, cands, shapes = k_winner, k_runner, k_cands, keyed
        else:
            # the keys read, the same winner: keys that answer a second group beside it (`_keyed_runs`)
            same = winner is not None and k_winner is not None and k_winner.key == winner.key \
                and k_winner.indices == winner.indices
            extras = _region_extras(k_winner, k_cands, expanded, keyed, lines) if same and k_winner is not None else []
            if winner is not None and (answering := _keyed_runs(winner, extras, keys)):
                winner, runner, cands, shapes, keys = k_winner, k_runner, k_cands, keyed, answering
                read_beside = (winner, extras)  # the reading beside it, read once
            else:
                keys = []
    if winner is not None and lines and (whole := asked_by_its_title(expanded, shapes, winner, lines)):
        winner, runner = whole, winner
        cands = cands + [whole]
    if winner is None and lines and (listed := asking_lists(expanded, shapes, lines)):
        winner = listed
        cands = cands + [listed]
    if winner is None and lines and (tailed := tail_questions(expanded, shapes, lines)):
        winner = tailed
        cands = cands + [tailed]
    if winner is None and lines and (carded := tagged_cards(expanded, shapes, lines)):
        winner = carded
        cands = cands + [carded]
    if winner is None and lines and (tabled := question_tables(expanded, lines, labels)):
        winner, expanded = tabled
        cands = cands + [winner]
        # questions in a table, their answers listed by number after it ('## Answers', '1. …'):
        # the key answers the rows (the table split its rows into elements: read the keys again)
        keys = [k for k in find_keys(expanded, lines, labels, opts.answer_key) if k.opener > winner.indices[0]]
    if winner is None and lines and (faq := faq_sections(expanded, shapes, lines)):
        winner = faq
        cands = cands + [faq]
    # a run numbered one by one whose starts ask and carry their own answers repeats inside the document
    # (`askruns.py`): the questions a person sees, not one question from the first heading (the run is read below)
    repeated = any(c.source is not None and c.accepted and c.key[2] != "plain" and c.features.get("sequence", 0) >= 0.8
                   and c.features.get("labelled", 0) >= 0.8 and c.features.get("ask", 0) >= 0.8 for c in cands)
    if winner is None and lines and not repeated and (whole := whole_document(expanded, shapes, lines, labels)):
        winner = whole
        cands = cands + [whole]
    if winner is None and lines and not repeated and (whole := one_asked(expanded, shapes, lines, labels)):
        winner = whole
        cands = cands + [whole]
    elif winner is not None and lines and len(winner.indices) == 1 and winner.key[0] == "p" \
            and (whole := one_asked(expanded, shapes, lines, labels)) and whole.indices == winner.indices:
        winner = whole  # one card, read from the same question: the whole document is its answer,
        cands = cands + [whole]  # its headings too (a card's back under '### Core idea')
    if winner is None and lines and (fronted := front_titled(expanded, shapes, lines)):
        winner, expanded = fronted
        cands = cands + [winner]
    if winner is None and lines and (asked := ask_headings(expanded, shapes, lines)):
        winner = asked
        cands = cands + [asked]
    if winner is None and (quizzes := [c for c in cands if c.source is not None and c.accepted]):
        winner = max(quizzes, key=lambda c: c.score)  # a quiz at the end of an article (`askruns.py`)
    if winner is None:
        return Detection("nothing found: no repeated question-like shape (numbered, asking or labelled headings, "
                         "bold lines, list items or paragraphs)", [], expanded, cands=cands,
                         refused="; ".join(w for w in (prompt_lists(expanded, shapes, lines) or _why_prose(cands),
                                                        small_tables_note(expanded, lines, labels) if lines else "") if w))
    keyed_at = key_elements(expanded, keys)  # the keys' lines, never a question (`answerkey.key_elements`)
    beside, past = _beside_reading(winner, read_beside, cands, expanded, shapes, lines, keyed_at)
    # (a second group that says what the winner's questions say is the bank's own list of them: `furniture.py`;
    # not when each of its units carries an answer label of its own: the same questions asked and answered
    # again in another form, '> **Q:** …' / '> **A:** …' after '## Q: …' / '**A:** …', are questions too)
    chosen = [winner] + [c for c in beside if c.source is not None or c.features.get("labelled", 0) >= 1.0
                         or not listed_again([sh.title for sh in c.shapes], [winner.shapes])]
    if lines and (listed := _lists_beside(expanded, shapes, lines, chosen)) is not None:
        chosen.append(listed)
    used = [c.source or c for c in chosen]  # a template whose other starts joined (`_beside_container`)
    if runner in used:  # a second group in another shape is part of the reading, not its rival
        runner = next((c for c in sorted(cands, key=lambda c: -c.score)
                       if c.accepted and c not in used and _rival(winner, c)), None)
    starts: list[Start] = []
    runs: list[list[int]] = []
    for cand in chosen:
        box = cand.key[0]
        quiet = silent(cand, expanded)
        for i in topic_names(cand, expanded) & quiet:  # '**Data types**' among '**What is X?**' lines
            expanded[i] = replace(expanded[i], kind="group")  # a group heading: it ends the question before it
        for i in lead_ins(cand) & quiet:  # '### …如下4个抽象类…。' over a list: the answer before it goes on
            expanded[i] = replace(expanded[i], kind="lead-in")
        for run in quiet_runs(cand, by_run=True):
            if not set(run) <= quiet:
                continue
            runs.append(run)
            k = cand.indices.index(run[0])
            if k and cand.shapes[k].numbering.number > cand.shapes[k - 1].numbering.number:
                # a list's steps after its questions ('5. 接下来讲解 …'): they end the question before them
                expanded[run[0]] = replace(expanded[run[0]], kind="group")
        for i, shape in zip(cand.indices, cand.shapes):
            if i not in quiet:
                starts.append(_start(i, shape, box, expanded[i].level))
                if i in cand.held:  # a lone 'Q:'/'A:' pair after another question's answer
                    starts[-1].promoted = expanded[cand.held[i]].lineno
    if lines and winner.key[0] != "div":
        starts += _lone_boxes(expanded, lines, starts)
    starts.sort(key=lambda s: s.index)
    if lines:
        starts = _lists_as_units(expanded, lines, starts)
    ranges = range_headings(expanded, starts)
    starts = [s for s in starts if s.index not in ranges]
    judged = judged_items(expanded, lines, [(s, e) for c in chosen for s, e in zip(c.indices, c.ends)]) if lines else []
    starts = sorted(starts + [Start(j, None, statement(lines[expanded[j].start]), "judge") for j in judged],
                    key=lambda s: s.index)
    filled = []  # numbers the sequence skips, written where Markdown reads no list item (`gaps.py`)
    for j, row, _ in found_numbers(expanded, lines, starts) if lines else []:
        if row == expanded[j].start:
            starts.append(_start(j, shapes[j], "item" if expanded[j].kind == "item" else "p", expanded[j].level))
            filled.append(j)
    starts.sort(key=lambda s: s.index)
    what = winner.describe() + "".join(f"; also {c.describe()}" for c in chosen[1:]) + (
        f"; also task-list statements to judge under a true/false heading (first: "
        f"'{statement(lines[expanded[judged[0]].start])[:40]}')" if judged else "")
    starts, joined = run_on_titles(expanded, _promote_hidden(expanded, starts, shapes), labels)
    strays = _strays(expanded, lines, starts, keys, keyed_at, labels)
    if strays and not any(s.index in winner.indices for s in starts):
        what += ("; its starts are numbered under the headings above them ('10.1.1' under '10.1'): parts of"
                 " their answers, those headings the questions")
    return Detection(what, starts, expanded, winner=winner, runner=runner, cands=cands,
                     keys=keys, continued=[c for c in chosen[1:] if continues(winner, c)], joined=joined,
                     strays=strays, quiet_runs=runs, filled=filled, past_key=[c.indices for c in past],
                     quizzes=[c for c in chosen if c.source is not None and c in cands])


def _expanded(elements: list[Element], lines: list[str], labels: Labels) -> list[Element]:
    """The elements with each list split into its items, each topic item over nested questions into
    its group and those questions (`nested.py`), each quote of numbered question labels into its
    questions (`quoted.py`)."""
    if not lines:
        return elements
    return expand_quoted(lines, expand_nested(lines, expand_lists(lines, elements), labels), labels)


#: A heading that names a range of question numbers: '### 1-10', '### 71-80 软件测试', '## 第 11～20 题'.
_RANGE_RE = re.compile(r"^(?:第\s*)?(?P<a>\d{1,4})\s*[-–—~～至到]\s*(?P<b>\d{1,4})\s*(?:题|[.:：])?(?:\s+\S.*)?$")


def range_headings(elements: list[Element], starts: list[Start]) -> set[int]:
    """Headings that name the range of numbers of the questions under them ('### 1-10' over
    '1. …'–'10. …', '### 11-20' …): group headings, never questions — when the ranges follow on
    one from the next (11-20 after 1-10; a solutions page's '## 1-10', '## 1-11' are exercises 10
    and 11 of chapter 1) or the first numbered question after one is numbered with its first number."""
    found = []
    for i, el in enumerate(elements):
        if el.kind == "heading" and (m := _RANGE_RE.match(unbold(el.text.strip()))) and int(m["b"]) > int(m["a"]):
            found.append((i, int(m["a"]), int(m["b"])))
    out = set()
    numbered = [s for s in starts if s.number is not None and elements[s.index].kind != "heading"]
    for k, (i, a, b) in enumerate(found):
        follows = (k and found[k - 1][2] + 1 == a) or (k + 1 < len(found) and found[k + 1][1] == b + 1)
        first = next((s for s in numbered if s.index > i), None)
        if follows or (first is not None and first.number == a):
            out.add(i)
    return out


def _lists_as_units(elements: list[Element], lines: list[str], starts: list[Start]) -> list[Start]:
    """Bullets that start questions one list at a time: where most lists hold one such bullet, each
    answered after its list ('Questions:' over '- Get the logs.' then a `<details>` Solution), a list
    of two bullets with nothing under the first is one question in two steps, answered once — its
    later bullets stay in the question the first one opens."""
    items = [s for s in starts if s.strategy == "item" and elements[s.index].kind == "item" and not s.number]
    if len(items) < 3:
        return starts
    lists: dict[int, list[Start]] = {}
    for s in items:
        lists.setdefault(elements[s.index].parent, []).append(s)
    if sum(1 for run in lists.values() if len(run) == 1) * 2 <= len(lists) or len(lists) == len(items):
        return starts

    def bare(s: Start) -> bool:  # the bullet holds its own line and nothing under it
        el = elements[s.index]
        return not any(line.strip() for line in lines[el.own_end:el.end])

    def listed(run: list[Start]) -> bool:  # the bullets are the whole list, one after the other
        idx = [s.index for s in run]
        return idx == list(range(idx[0], idx[0] + len(idx))) and all(bare(s) for s in run[:-1])

    following = {s.index: n for s, n in zip(starts, starts[1:] + [None])}
    drop, whole = set(), set()
    for run in lists.values():
        last = elements[run[-1].index]
        nxt = following[run[-1].index]
        stop = elements[nxt.index].start if nxt is not None else len(lines)
        answered = any(line.strip() for line in lines[last.end:stop]) or not bare(run[-1])
        if len(run) > 1 and listed(run) and answered:
            drop |= {s.index for s in run[1:]}
            whole.add(run[0].index)
    return [replace(s, strategy="list") if s.index in whole else s for s in starts if s.index not in drop]


def _div_reading(elements: list[Element], shapes: list[Shape], lines: list[str], winner: Candidate | None,
                 cands: list[Candidate]) -> Detection | None:
    """The document's question boxes (`fencediv.question_divs`) as its questions, one per div, or None:
    when it has none, or when the other reading has at least as many asking starts outside every
    div as there are boxes (a bank that keeps a note or two in a box)."""
    every = divs(lines)
    boxes = question_divs(every) or (lone_boxes(every, lines) if winner is None else [])
    if not boxes:
        return None
    if winner is not None:
        outside = [i for i, sh in zip(winner.indices, winner.shapes)
                   if sh.asking and not inside_any(elements[i].start, every)]
        if len(outside) >= len(boxes):
            return None
    at = {el.start: i for i, el in enumerate(elements)}
    closes = {d.open: reach(d, every, lines) for d in boxes}  # the box and the solution boxes right after it
    indices, box_shapes, ends, kept = [], [], [], []
    for d in boxes:
        i = at.get(d.open)
        if i is None:
            continue
        indices.append(i)
        kept.append(d)
        box_shapes.append(Shape("div", "", numbering(d.title) if d.title else None, "question", d.title,
                                asks(d.title) if d.title else False))
        ends.append(next((j for j in range(i + 1, len(elements)) if elements[j].start > closes[d.open]),
                         len(elements)))
    if len(indices) < min(2, len(boxes)):
        return None
    held = sum(elements[e - 1].end - elements[i].start if e > i else 0 for i, e in zip(indices, ends))
    cand = Candidate.fixed(("div", "", "div"), indices, box_shapes, ends, True, 3.0,  # the class says so: a label
                           coverage=min(1.0, held / max(1, len(lines))))
    starts = [_box_start(i, d.title, closes[d.open]) for i, d in zip(indices, kept)]
    inside = winner is not None and all(inside_any(elements[i].start, every) for i in winner.indices)
    return Detection(cand.describe(), starts, elements, winner=cand, runner=None if inside else winner,
                     cands=cands + [cand])  # a reading of the same boxes from inside is no rival


def _lone_boxes(elements: list[Element], lines: list[str], starts: list[Start]) -> list[Start]:
    """One `::: challenge` box with its `::: solution` beside the reading's questions: a question of its
    own, its fences read as the box they are (`fencediv.lone_boxes`), unless a start sits inside it."""
    every = divs(lines)
    at = {el.start: i for i, el in enumerate(elements)}
    out = []
    for d in lone_boxes(every, lines):
        end = reach(d, every, lines)
        i = at.get(d.open)
        if i is None or any(d.open <= elements[s.index].start <= end for s in starts):
            continue
        out.append(_box_start(i, d.title, end))
    return out


def _box_start(i: int, title: str, close: int) -> Start:
    """The start of the question box at element i: its title's number, its title, and `close`, the
    0-based last line of the box and the solution boxes right after it (`fencediv.reach`)."""
    num = numbering(title) if title else None
    return Start(i, num.number if num else None, title, "div", close=close)


def _strays(elements: list[Element], lines: list[str], starts: list[Start], keys: list[AnswerKey],
            keyed_at: set[int], labels: Labels) -> list[int]:
    """Entries at another level or without the others' label (`strays.py`): added to `starts` in
    place; their element indices returned for the warnings. `keyed_at`: the keys' elements
    (`answerkey.key_elements`), never an entry."""
    if not lines:
        return []
    stops = {s.index for s in starts} | {k.opener for k in keys}
    ends = [unit_end(elements, s, stops, labels, lines) for s in starts]
    found = stray_entries(elements, lines, starts, ends, labels, section_title)
    # headings above the reading's levels that say something of their own and look like questions (`levels.py`)
    found += [f for f in level_entries(elements, lines, starts, ends, labels) if f[0] not in {j for j, _, _ in found}]
    # a key's heading names the answers it lists ('### True or False Answers' over '31. False - …'): no entry
    found = [f for f in found if f[0] not in keyed_at]
    # headings numbered under a heading found here ('### 10.1.1 定义' under '## 10.1 …？') are parts of its answer
    parents = [elements[j].text.strip() for j, _, level in found]
    starts[:] = [s for s in starts if s.strategy != "heading" or not any(level < s.level for _, _, level in found)
                 or not numbered_under(elements[s.index].text.strip(), parents)]
    # titled as the reading's numbered headings are: '10.2 强化学习应用实例' is '强化学习应用实例'
    starts += [Start(j, None, (num.title if (num := numbering(title)) and num.title else title), "heading", level)
               for j, title, level in found]
    starts.sort(key=lambda s: s.index)
    return sorted(j for j, _, _ in found)


def _beside_reading(winner: Candidate, read_beside: tuple[Candidate, list[Candidate]] | None, cands: list[Candidate],
                    elements: list[Element], shapes: list[Shape], lines: list[str],
                    keyed_at: set[int]) -> tuple[list[Candidate], list[Candidate]]:
    """The templates read beside the winner (`_region_extras`, or those read with the keys already),
    and apart from them the groups after the quiz's answer key (`_past_the_key`)."""
    beside = read_beside[1] if read_beside and read_beside[0] is winner else _region_extras(winner, cands, elements,
                                                                                            shapes, lines)
    past = [c for c in beside if _past_the_key(winner, c, keyed_at)]  # '## Practice Exercises' after the answers
    return [c for c in beside if c not in past], past


def _past_the_key(winner: Candidate, group: Candidate, keyed_at: set[int]) -> bool:
    """A group written after the answer key that closes the winner's questions, none of whose titles
    asks and none of which the key answers ('## Practice Exercises' over '### Exercise 1: Branch
    Management' and its script, after '## Answers'): the quiz is over where its answers are given;
    what follows is the document's practice or reading, left on the chapter page (QI042 says so).
    `keyed_at`: the keys' elements (`answerkey.key_elements`)."""
    if not keyed_at or not group.indices or min(keyed_at) < winner.indices[-1]:
        return False
    return min(group.indices) > max(keyed_at) and not any(sh.asking for sh in group.shapes)


def _why_prose(cands: list[Candidate]) -> str:
    """What the best reading that was refused as an article's headings lacked ('' when none was)."""
    refused = sorted((c for c in cands if c.prose() or c.grouping()), key=lambda c: -c.score)
    if not refused:
        return ""
    c = refused[0]
    if not c.prose():
        return f"the best reading, {c.describe()}, reads as group headings: {c.grouping()}"
    return f"the best reading, {c.describe()}, reads as an article's sections: {c.prose()}"


def _keyed_runs(winner: Candidate, beside: list[Candidate], keys: list[AnswerKey]) -> list[AnswerKey]:
    """The keys that answer a second group beside the winner, not the winner's own questions: with the
    keys read, the winner stays the same and another template, outside its units, is numbered right
    up to a key with the numbers that key lists (sections '## 1.'–'## 3.' that answer themselves, then
    a quiz '1.'–'3.' with its choices over 'Answer key: 1-B, 2-B, 3-B'). Never silently left on the
    chapter page: those keys, and that group, are part of the reading. `beside`: the templates read
    beside the winner with the keys read (`_region_extras`), the caller's to reuse."""
    # each template's numbers, once: all its starts numbered, or none to go by
    extras = [(c, nums if len(nums := _numbers(c)) == len(c.indices) else None) for c in beside if c.source is None]
    out = []
    for key in keys:
        for c, all_numbers in extras:
            before = [i for i in c.indices if i < key.opener]
            numbers = [n for i, n in zip(c.indices, all_numbers) if i < key.opener] if all_numbers is not None else []
            if len(before) < 2 or len(numbers) != len(before) or not set(key.entries) <= set(numbers) \
                    or any(max(before) < w < key.opener for w in winner.indices):
                continue
            out.append(key)
            break
    return out


def _own_labels(cand: Candidate, elements: list[Element], lines: list[str], keys: list[AnswerKey],
                labels: Labels | None = None) -> float:
    """Of the candidate's units a key answers, the share that hold an answer of their own (choices
    that no label, tick or bold marks are the question's, not its answer: '- [ ] True⏎- [ ] False')."""
    numbers = [(key.opener, set(key.entries)) for key in keys]
    keyed = own = 0
    for i, end, shape in zip(cand.indices, cand.ends, cand.shapes):
        key = next((n for at, n in numbers if at > i), None)
        if not (key and shape.numbering and shape.numbering.number in key):
            continue
        keyed += 1
        if numbering_only(lines[elements[i].start]):
            continue  # '**Question 7**': the text under it is the statement the key answers
        stop = elements[end].start if end < len(elements) else len(lines)
        body = [x for x in lines[elements[i].start + 1:stop] if x.strip()]
        boxes = [x for x in body if TASK_RE.match(x)]
        if labels is not None and (has_options(body) or len(boxes) >= 2) and not has_answer_mark(body, labels) \
                and not any(CHECKED_RE.match(b) for b in boxes):
            continue  # a statement and its choices ('- [ ] True', 'A. …'), none marked: the key holds the answer
        own += says_something(body)
    return own / keyed if keyed else 1.0


def _vote(elements: list[Element], shapes: list[Shape], lines: list[str], labels: Labels,
          keys: list[AnswerKey] | None = None):
    cands = candidates(elements, shapes)
    is_titled = titled_by(elements, lines)
    answered = [(key.opener, set(key.entries)) for key in keys or []]
    for cand in cands:
        score(cand, elements, shapes, lines, labels, is_titled, answered)
    winner, runner = choose(cands)
    # a quiz at the end of an article, in the shape of its sections (`askruns.py`): a part of the
    # reading beside the winner (`_region_extras`), or the reading when nothing else is (`detect`)
    runs = asking_runs(cands)
    for run in runs:
        score(run, elements, shapes, lines, labels, is_titled, answered)
    if winner is not None and any(nesting(winner, run) >= 1.5 and run.accepted and run.score > winner.score
                                  for run in runs):
        winner = runner = None  # group headings ('## Quiz') over the quiz's questions: read it as one
    return winner, runner, cands + runs
