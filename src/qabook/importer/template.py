"""Candidate templates of a document and their score: which repeated shape starts its questions.

Every element has a shape (`shapes.py`). Elements of the same shape — the same heading level,
list item or paragraph kind, the same bold form and the same numbering style (or: the same
unnumbered heading level, the same bold-line form) — make one candidate template: "a question
starts at each of these". Each candidate partitions the document into units (a start and what
follows it up to the next start or a heading that closes it) and is scored on what a person
sees at a glance:

- `ask`: the start lines ask (a question mark, a question word, a `Q`/`题目`/`第 N 题` word);
- `answered`: the units hold something after the start line; `labelled`: an answer label,
  `<details>` or an admonition follows it;
- `sequence`: the numbers go up one by one (a restart at 1 is a new group);
- `coverage`: the share of the document's lines the units hold; `regular`: units of similar size;
- `prior`: a small bonus for the shapes Q&A files are known to have (numbered headings, `Q1`,
  `第 N 题`, bold numbered lines): known shapes weigh in, they are not the only doors.

A candidate is question-like when most of its starts ask or most of its units carry an answer
label; the best question-like one wins. A finer candidate inside the winner (several of its
starts in one unit) replaces it; one that is the same questions seen from inside (one start
per unit: `**题目：**` under `#### 1. …`) does not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from qabook.importer.answerkey import claims
from qabook.importer.elements import Element
from qabook.importer.furniture import contents_lines
from qabook.importer.marked import CHOICE_LIST_MARK, CHOICE_SEP, TASK_RE, marked as marks_choice, ticked
from qabook.importer.labels import Labels, names_kind
from qabook.importer.tasksection import task_section
from qabook.importer.readview import front_title
from qabook.importer.shapes import (FENCE_RE, Shape, asks, details_close, instructs, linked_title, names_point,
                                   part_name, question_mark, says_nothing, says_question, step, written_as_question)
from qabook.vocabulary import SECTION_WORDS

_PRIOR = {"第N题": 0.3, "wordN": 0.3, "Q:": 0.3, "N.": 0.15, "N、": 0.15, "N)": 0.1, "(N)": 0.1, "一、": 0.0,
          "N ": 0.0, "N.N": 0.0, "": 0.0}
_ANSWER_MARK_RE = re.compile(r"^\s*(?:(?:\?\?\?\+?|!!!|:::+)\s*(?:answer|success|tip|note|solution|hint|"
                             r"check|details|答案|解答)\b)", re.I)
_DETAILS_MARK_RE = re.compile(r"^\s*(?:<[^>]+>\s*)*<(?:details|summary)\b", re.I)
_SUMMARY_TEXT_RE = re.compile(r"<summary[^<>]*>(?P<text>.{0,500}?)(?:</summary>|$)", re.I)
#: What a `<summary>` says when it hides an answer: 'Answer', 'Show', 'View answer', '查看答案', '点击展开'.
_REVEAL_RE = re.compile(r"answer|solution|show|view|reveal|click|expand|hint|explanation|details?|more|toggle|"
                        r"答案|解答|解析|查看|点击|展开|显示|参考|提示|详解|思路|回答", re.I)
#: The words of a <summary> that say it hides an answer wherever it stands ('Answer', '参考答案').
_ANSWER_WORD_RE = re.compile(r"answer|solution|hint|explanation|答案|解答|解析|提示|详解|思路|回答", re.I)
_CONTENTS_RE = re.compile(r"contents|目录|\btoc\b|index|索引", re.I)  # a <summary> over a table of contents
_LIST_MARK_RE = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_INLINE_ANSWER_RE = re.compile(r"[?？.。]\s*(?:\*\*)?(?:答案|参考答案|答|Answer|Ans|A)\s*(?:\*\*)?\s*[：:]", re.I)


@dataclass
class Candidate:
    """One way to read the document: these elements start its questions."""

    key: tuple[str, str, str]  # (box, bold form, numbering family)
    indices: list[int]
    shapes: list[Shape]
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    ends: list[int] = field(default_factory=list)  # element index where each unit ends
    answered_at: list[bool] = field(default_factory=list)  # whether each unit holds anything after its start
    why: str = ""  # what made a one-question document one question (`wholedoc.py`)
    asked_at: list[bool] = field(default_factory=list)  # whether each unit asks (its start, options, a question part)
    keyed_at: list[bool] = field(default_factory=list)  # whether an answer key after it answers each unit
    labelled_at: list[bool] = field(default_factory=list)  # whether each unit carries an answer label of its own
    source: "Candidate | None" = None  # the template these starts were taken from (`detect._beside_container`)
    gave_way: bool = False  # an unlabelled reading that gave way to a labelled one (`choose`): never joins it
    quiz_at: list[bool] = field(default_factory=list)  # whether each unit is a quiz's question (`askruns.py`)
    held: dict[int, int] = field(default_factory=dict)  # a start → the start whose unit it sat in (`detect._lone_pairs`)

    @classmethod
    def fixed(cls, key: tuple[str, str, str], indices: list[int], shapes: list[Shape], ends: list[int],
              units_answered: bool, base: float, **features: float) -> "Candidate":
        """A reading chosen by a rule of its own (the fallbacks of `wholedoc.py`, `asklists.py`,
        `tables.py`, `faqsection.py`): every unit asks, none is labelled or numbered in sequence;
        `features` give its coverage and what else differs. Its score is `base` plus its coverage."""
        every = dict(titled=0.0, top=0.0, code=0.0, n=len(indices), ask=1.0, answered=float(units_answered),
                     labelled=0.0, sequence=0.0, regular=1.0, prior=0.0, explicit=0.0)
        cand = cls(key, indices, shapes, every | features, ends=ends, answered_at=[units_answered] * len(indices))
        cand.score = round(base + features["coverage"], 3)
        return cand

    def taken(self, keep: list[int]) -> "Candidate":
        """The units at positions `keep` of this reading, as a reading taken from it (`source`: it joins
        the winner, never rivals it); its features and score are this reading's."""
        sub = Candidate(self.key, [self.indices[k] for k in keep], [self.shapes[k] for k in keep], dict(self.features),
                        self.score, [self.ends[k] for k in keep],
                        [self.answered_at[k] for k in keep] if self.answered_at else [])
        sub.asked_at = [self.asked_at[k] for k in keep] if self.asked_at else []
        sub.source = self
        return sub

    @property
    def accepted(self) -> bool:
        f = self.features
        if self.key[0] == "doc" or self.key[2] in ("div", "asklist", "faqsection", "askheadings", "tailask", "tagcards"):
            return True  # the fallbacks (`wholedoc.py`, `asklists.py`) are chosen only when nothing else fits
        if self.prose() or self.grouping():
            return False
        if len(self.indices) < 2:  # one '**题目：**' with its '**答案：**', one '## 1. What is …?' and its answer,
            # one 'What is …?' over its choices, one of them ticked ('* [x] 42': a survey's ticks are many)
            numbered = bool(self.shapes and self.shapes[0].numbering)
            alone = f["coverage"] >= 0.3  # one question that is most of the document, not a stray line
            return bool((numbered and f["ask"] and f["labelled"]) or alone and (
                (f["explicit"] and f["labelled"]) or (numbered and f["ask"] and f["answered"])
                or (self.key[2] == "ask" and (f["labelled"] or f.get("ticked")))))
        if self.key[2] == "ask":  # plain paragraphs that end in '?': only when answers follow them
            # (labelled, or in a document whose title names its questions: '# 操作系统概述思考题')
            # or in a bank that is nothing else: `bank`)
            return f["labelled"] >= 0.5 or (f.get("titled", 0) >= 1.0 and f.get("marked", 0) >= 0.8
                                            and f["answered"] >= 0.8 and f["n"] >= 3) or f.get("bank", 0) >= 1.0
        named = f.get("named", 0) >= 0.8 and f["n"] >= 3  # in a section named for them: '## Questions' (`named_sections`)
        # or <details> repeating as tasks over their hidden answers, most of the page (`set_tasks`)
        tasks = f.get("tasks", 0) >= 0.8 and f["n"] >= 3 and f["coverage"] >= 0.5
        if self.key[0] == "details" and f["ask"] < 0.5 and f["explicit"] < 0.5 and f["sequence"] < 0.6 \
                and not (named or tasks):
            return False  # <details> blocks that title something else (a table of contents, a changelog's notes)
        if tasks or named and (f["ask"] >= 0.8 or self.key[0] in ("details", "adm") and f["answered"] >= 0.8):
            return True  # prompts that ask one by one, answered or not ('Tell me about…' items), or tasks set in
            # a <summary> over their hidden answer ('Create an nginx pod…'): what the section says they are,
            # or what the blocks show repeating as tasks (`set_tasks`)
        if (f["ask"] >= 0.5 or f["labelled"] >= 0.5) and f["answered"] >= 0.5:
            return True
        if _heading(self.key[0]) and self.key[2] == "plain" and f.get("headless") and f.get("top") and f["n"] >= 4 \
                and f["ask"] >= 0.3 and f.get("marked", 0) > 0 and f["answered"] >= 1.0 and f["coverage"] >= 0.9 \
                and f.get("mean", 99) <= 12:
            return True  # a deck of cards: nothing but headings over short backs from the first line on, some
            # asking, others naming a topic to recall ('## Examples of lost cities', '## 7 Wonders of the World')
        steps = self.key[0] == "item" and not _heading(self.key[1])  # plain list items ('1. ### …' is a heading)
        if f.get("rated", 0) >= 0.6 and f["n"] >= 3 and f["ask"] >= 0.3:
            return True  # most starts rated by a tag of one small scale ('[E]', '[M]', '[H]'): graded exercises,
            # answered or not (a list of steps or notes carries no rating)
        if f["ask"] >= 0.8 and f["sequence"] >= 0.8 and f["n"] >= 3 and not steps:
            return True  # numbered questions still waiting for their answers: each is a question
        if steps and f["ask"] >= 0.8 and f.get("marked", 0) >= 0.8 and f["sequence"] >= 0.9 and f["n"] >= 6 \
                and f.get("titled", 0) >= 1.0:
            return True  # a list numbered one by one whose items are written as questions ('?'), in a document
            # titled as a bank of them: its questions still waiting for their answers, however many sections
            # it runs across (a list of steps does not ask; a note's questions are under no such title)
        if f["ask"] > 0.5 and f.get("marked", 0) > 0 and f["sequence"] >= 0.9 and f["n"] >= 6 and self.key[0] != "item":
            return True  # a long run numbered one by one, most of it asking, some written as questions: the
            # tasks among it are questions too, answered or not (an outline's topics do not ask)
        if f.get("titled", 0) >= 1.0 and f["ask"] >= 0.3 and f["sequence"] >= 0.8 and f["n"] >= 3 and self.key[0] != "item":
            return True  # a sheet whose title names its exercises ('# 习题', '# Exercises'), numbered one by one,
            # some of them asking: each is one, answered or not
        if f.get("sectioned") and f["sequence"] >= 0.8 and f["n"] >= 3 and f["answered"] >= 0.8 \
                and (f.get("marked", 0) > 0 or f.get("kinded")):
            return True  # headings numbered one by one under a section that names them ('## Tasks' over
            # '### 0. …', '### 1. …'), one at least written as a question, or a section that names their
            # kind ('## 4. 编程题' over '### 4.1 …'): each is an exercise (`tasksection.py`)
        if f.get("choices", 0) >= 0.3 and f["ask"] >= 0.5 and f["n"] >= 3 and self.key[2] not in ("plain", "ask") \
                and self.key[0] != "item":
            return True  # a numbered quiz: many offer choices (A) … B) …), so its numbered siblings ask too
        if f.get("choices", 0) >= 0.3 and f["ask"] >= 0.8 and f["sequence"] >= 0.8 and f["n"] >= 6 \
                and self.key[0] == "item" and self.key[2] not in ("plain", "ask"):
            return True  # a numbered list of questions that ask, one by one, many with their choices under
            # them: a quiz written as a list (a list of steps or of questions to ask does not offer choices)
        if f.get("top") and self.key[2] not in ("plain", "ask", "label-q") and f["sequence"] >= 0.8 \
                and f["answered"] >= 0.8 and f["coverage"] >= 0.5 and f.get("code", 0) >= 0.8:
            # one numbered top-level heading per problem ('# 1. …', '# 2. …'), each with its code: a
            # problem set (an article's numbered sections tell a story instead)
            return True
        if _heading(self.key[0]) and f["n"] >= 3 and f["sequence"] >= 0.8 and f["answered"] >= 0.8 \
                and all(sh.numbering and not sh.title.strip() for sh in self.shapes):
            return True  # headings that are only an exercise's number, one by one ('## 2.3-1', '## 2.3-2'),
            # each over its text: a solutions page (a section always has words; a changelog counts down)
        # a document that says it is a Q&A ('FAQ', '面试题', 'Interview questions'): its regular
        # sequence of numbered, bold or heading units is its questions even when they do not ask
        box, bold = self.key[0], self.key[1]
        if self.titled_sheet():
            return True
        if box == "item" and bold != "whole" and not _heading(bold):
            return False  # plain numbered items are steps and outlines, not questions, whatever the title
        if self.key[2] == "plain" and _heading(box) and f["ask"] < 0.5 and f.get("titled", 0) < 1.0:
            return False  # unnumbered headings that mostly do not ask, in a document whose opening lines only
            # mention questions ('Use the following questions as a guide:'): a README's or article's sections
        return bool(f.get("titled")) and f["n"] >= 3 and f["answered"] >= 0.8 and f["coverage"] >= 0.5 and (
            f["sequence"] >= 0.6 or bold == "whole" or box == "dt" or _heading(box) or _heading(bold))

    def titled_sheet(self) -> bool:
        """A sheet of questions still to answer: the document's title names them ('# Interview
        Questions', '# Practice Question'), and the run numbered one by one (six at least) is the whole
        document, half of its starts asking or setting a task ('Create a Role…', 'Write a method…').
        Each is one, answered or not, in a list or under headings (the prompts of an interview, the
        tasks of a practice exam); an outline's numbered topics neither ask nor set tasks."""
        f = self.features
        if f.get("titled", 0) < 1.0 or f.get("own_title") or f["n"] < 6 or f["sequence"] < 0.8 \
                or f["coverage"] < 0.9 or not (self.key[0] == "item" or _heading(self.key[0])):
            return False
        return sum(1 for sh in self.shapes if sh.asking or instructs(sh.title)) * 2 >= len(self.shapes)

    def prose(self) -> str:
        """Why these starts are an article's section headings rather than questions ('' when they
        may be questions). Only for unnumbered, unlabelled headings, the shape every prose document
        has: a person takes them for questions only when the document shows it is a Q&A — more than
        one of them asks, at least one is written as a question ('?'), or the document's title (not
        a word in its opening prose: 'a tool that turns Q&A into…') names a collection of questions."""
        f = self.features
        if self.key[2] != "plain" or self.key[1] or not _heading(self.key[0]) or f.get("labelled", 0) >= 0.5 \
                or len(self.indices) < 2:
            return ""
        asked = round(f["ask"] * f["n"])
        if f.get("titled", 0) >= 1.0 and not f.get("own_title"):  # the title names a Q&A: its sections may be
            return ""  # its questions (not when that 'title' is the first of the sections: '## What is a question?')
        if asked < 2:
            what = "none of them asks" if asked == 0 else f"only one of the {f['n']} asks"
            own = f.get("own_title") and f.get("titled", 0) >= 1.0
            title = " and the heading naming questions is the first of them, not the document's title" if own else \
                " and the title does not name a Q&A" if f.get("titled") else ""
            return f"{what}{title}"
        if not f.get("marked"):
            return f"{asked} of {f['n']} open with a question word but none is written as a question ('?', '？') " \
                   "and no answer is labelled (an article's rhetorical headings)"
        return ""

    def grouping(self) -> str:
        """Why these starts are group headings over questions rather than questions ('' when they
        may be questions): most of them name a kind of question ('### 1. Comparison / Tradeoff
        Questions', '## Technical Questions', '## Java 面试题') and do not ask, and no answer is labelled
        under them — a guide's or a notes skeleton's sections about questions."""
        f = self.features
        if f.get("groups", 0) < 0.5 or f.get("ask", 0) >= 0.5 or f.get("labelled", 0) >= 0.5:
            return ""
        named = round(f["groups"] * f["n"])
        return f"{named} of its {f['n']} starts name a group of questions (not one) and no answer is labelled"

    def describe(self) -> str:
        box, bold, family = self.key
        if box == "doc":
            return f"the whole document is one question, from its first heading ({self.why}; first: " \
                   f"'{self.shapes[0].title[:40]}')"
        where = {"p": "paragraphs", "item": "list items", "details": "<details> blocks whose <summary> asks",
                 "sep": "first blocks after '---'/'***' separators", "adm": "admonitions (!!! / ??? / :::) titled with a question",
                 "quote": "blockquotes"}.get(box, f"level-{box[1:]} headings" if _heading(box) else box)
        form = {"whole": "bold ", "prefix": "bold-numbered ", "*": "bold or plain "}.get(bold, "")
        if family == "table":
            what = ("table rows (a table of questions: its header names a question column, or a column asks, or it is "
                    "a troubleshooting table: a problem column, then its solution)")
        elif family == "faqsection":
            what = f"{where} that ask under a section titled as a FAQ ('## 常见问题', '## FAQ')"
        elif family == "askheadings":
            what = f"{where} that ask among the document's sections (one at least written as a question)"
        elif family == "div":
            what = "fenced divs whose class names one question ('::: challenge', ':::{exercise}'), the rest lesson text"
        elif family == "tagcards":
            what = "headings and paragraphs that end in a card tag ('#card', '#flashcard')"
        elif family == "tailask":
            what = "lines that ask at the end of the block above their answer (a bank kept as plain text)"
        elif family == "asklist":
            what = "list items that ask, one line each (a list of questions; answers, if any, behind their links)"
        elif family == "plain":
            what = f"{form}{where}" + (" (unnumbered)" if _heading(box) or box == "item" else "")
        elif family == "label-q":
            what = f"{form}{where} with a question label"
        elif family == "ask":
            what = f"{where} written as a question (or a stem over its choices, or a card's front above a divider line)"
        else:
            what = f"{form}{where} numbered '{family}'"
            if self.features.get("sectioned") and self.features.get("ask", 1.0) < 0.5:
                what += " under a section that names them as exercises or tasks ('## Tasks', '## 习题'), few of them asking"
        first = self.shapes[0] if self.shapes else None
        example = (first.title or (f"{first.numbering.word} {first.numbering.number}".strip().capitalize()
                                   if first.numbering else "")) if first else ""  # a bare 'Question 1' has no title
        return f"{what} (first: '{example[:40]}'){'; ' + self.why if self.why else ''}"


def _heading(box: str) -> bool:
    return box[:1] == "h" and box[1:].isdigit()


def _family(shape: Shape) -> str:
    if shape.numbering:
        n = shape.numbering
        return f"wordN:{n.word}" if n.style == "wordN" else n.style
    if shape.label_kind == "question":
        return "label-q"
    return "plain"


def _key(shape: Shape) -> tuple[str, str, str] | None:
    box = shape.box
    if shape.label_kind in ("answer", "explanation") or shape.toc:
        return None
    if _heading(box):
        return (box, "", _family(shape))
    if box == "item":
        if shape.label_kind == "question":
            return (box, "", "label-q")
        form = shape.bold if shape.bold == "whole" or _heading(shape.bold) else ""  # '**…**' or '### …' inside the item
        return (box, form, "N." if shape.numbering else "plain")
    if box == "dt":
        return (box, "", "plain")
    if box == "details":
        return (box, "", "plain")
    if box == "adm":
        return (box, "", "plain") if shape.title else None
    if box == "quote":
        if shape.label_kind != "question" and says_question(shape.numbering):
            return ("p", "", _family(shape))  # '> 第 152 题：…' continues the '第 153 题：…' paragraphs
        if shape.label_kind != "question" and shape.numbering:
            return (box, "", _family(shape))  # '> 1 - Which …?' over its '[ ]' choices: numbered quotes
        return (box, "", "label-q") if shape.label_kind == "question" else None
    if box == "p":
        family = "label-q" if shape.label_kind == "question" else _family(shape)
        if family == "plain" and shape.bold != "whole":
            # a paragraph written as a question ('…?'), or one that asks and answers on its line
            # ('What is a webhook? Answer: A callback …'); other paragraphs are prose
            # (or a card's front above the document's divider line)
            return (box, "", "ask") if shape.front or shape.asking and (written_as_question(shape.title) or
                                                                         _INLINE_ANSWER_RE.search(shape.title)) else None
        if shape.label_kind in ("answer", "explanation"):
            return None
        if family == "label-q":
            return (box, "", family)  # '**问题1：**', '**Q: …?**', 'Q: …': one label, whatever the bold
        bold = "whole" if shape.bold == "whole" else ("prefix" if shape.bold else "")
        return (box, bold, family)
    return None


def explicit(shape: Shape) -> bool:
    """The start line itself says it is a question: 'Q1', '题目 3', '第 2 题', 'Q:', '**问题：**'."""
    return bool(shape.label_kind == "question" or says_question(shape.numbering))


def candidates(elements: list[Element], shapes: list[Shape]) -> list[Candidate]:
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, shape in enumerate(shapes):
        key = _key(shape)
        if key is None and shape.box == "p" and not shape.bold and _family(shape) == "plain" \
                and shape.label_kind not in ("answer", "explanation") and stem_over_choices(elements, i, shape):
            key = ("p", "", "ask")  # a stem over its choices asks, whatever it ends with
        if key:
            groups.setdefault(key, []).append(i)
    # the numbering families of one box also make one candidate together ('1.' and '2、' mixed)
    merged: dict[tuple[str, str, str], list[int]] = {}
    for (box, bold, family), idx in groups.items():
        if family in ("N.", "N、", "N)", "N "):
            merged.setdefault((box, bold, "N*"), []).extend(idx)
    for key, idx in merged.items():
        families = {k for k in groups if k[:2] == key[:2] and k[2] in ("N.", "N、", "N)", "N ")}
        if len(families) > 1:
            groups[key] = sorted(idx)
    # and the bold forms of one box and family ('1. **What …?**' beside '2. What …?')
    by_form: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for key in groups:
        by_form.setdefault((key[0], key[2]), []).append(key)
    for (box, family), keys in by_form.items():
        if len(keys) > 1 and family != "ask":
            groups[(box, "*", family)] = sorted(i for k in keys for i in groups[k])
    sep = separated(elements, shapes)
    # a break right above (nearly) every heading only decorates the document's sections: the
    # headings' own templates read them (a chapter's '---' then '## 2. …'), not 'blocks after breaks'
    headed = sum(1 for i in sep if _heading(shapes[i].box))
    if len(sep) >= 2 and headed < 0.8 * len(sep) and all(sorted(idx) != sep for key, idx in groups.items() if key[2] != "ask"):
        groups[("sep", "", "plain")] = sep
    return [Candidate(key, idx, [shapes[i] for i in idx]) for key, idx in sorted(groups.items())]


def separated(elements: list[Element], shapes: list[Shape]) -> list[int]:
    """The first block after each thematic break (`---`, `***`), and the first block of the
    document's body before the first break: units split by separators."""
    hrs = [i for i, el in enumerate(elements) if el.kind == "hr"]
    if len(hrs) < 2:
        return []
    out = []
    title = next((i for i, el in enumerate(elements) if el.kind == "heading"), None)
    for h in [title if title is not None and title < hrs[0] else -1] + hrs:
        # (at the document's head, past its front matter or a comment: the first card follows them)
        skip = ("hr", "html") if h < 0 else ("hr",)
        j = next((k for k in range(h + 1, hrs[0] if h < 0 else len(elements)) if elements[k].kind not in skip), None)
        if j is not None and shapes[j].box in ("p", "item") + tuple(f"h{n}" for n in range(2, 7)) and j not in out \
                and not shapes[j].toc \
                and (shapes[j].box != "p" or shapes[j].label_kind not in ("answer", "explanation")) \
                and not _group_heading_between_breaks(elements, shapes, j):
            out.append(j)
    return out


def _group_heading_between_breaks(elements: list[Element], shapes: list[Shape], j: int) -> bool:
    """A heading alone between two breaks (`----`, `## 第二章 …`, `----`) that does not ask: it
    names the group of cards after it, it is no card (it holds nothing)."""
    if not _heading(shapes[j].box) or shapes[j].asking:
        return False
    return j + 1 >= len(elements) or elements[j + 1].kind == "hr"


def _closes(el: Element, box: str, shapes: list[Shape], j: int) -> bool:
    """Whether element j ends a unit started by an element of `box` (a heading at the same or a
    higher level for a heading start; any heading for the others) — unless it is a label."""
    if shapes[j].box == "key" or el.kind == "group":  # a list item naming a group of nested questions
        return True
    if el.kind != "heading":
        return False
    if shapes[j].label_kind in ("answer", "explanation"):
        return False
    return not _heading(box) or el.level <= int(box[1:])


def unit_ends(elements: list[Element], shapes: list[Shape], indices: list[int], box: str,
              lines: list[str] | None = None) -> list[int]:
    out = []
    for k, i in enumerate(indices):
        stop = indices[k + 1] if k + 1 < len(indices) else len(elements)
        end = stop
        inside = -1  # a <details> unit holds its headings up to its '</details>'
        if box == "details" and lines is not None:
            close = details_close(lines, elements[i].start)
            inside = close if close is not None else -1
        for j in range(i + 1, stop):
            if elements[j].start <= inside:
                continue
            if _closes(elements[j], box, shapes, j):
                end = j
                break
        out.append(end)
    return out


_NOT_WORDS_RE = re.compile(r"!\[[^\]]{0,500}\]\([^)]{0,500}\)|<[^<>]*>|\]\([^)]{0,500}\)|https?://\S+")
_LINK_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]+\]\(")
_LINK_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?\[")


def _body_lines(lines: list[str], start_el: Element, end_line: int) -> list[str]:
    """The unit's non-blank lines after the start's own line."""
    return [line for line in lines[start_el.start + 1:end_line] if line.strip()]


#: A caption or a lone label with nothing after it: 'v1.0:', '- Before:'.
_CAPTION_RE = re.compile(r"^\s*(?:[-*+>]\s+)*[^\s:：]{1,15}\s*[:：]\s*$")


def _link_only(line: str) -> bool:
    """The line is only links (and tags, entities, punctuation): `&emsp;[1.1 Title](#anchor)</br>`."""
    if "](" not in line and "<a " not in line.lower():
        return False
    rest = re.sub(r"!?\[[^\]]{0,500}\]\([^)]{0,500}\)|<a\b[^<>]*>.{0,500}?</a>|<[^<>]*>|&\w+;|^\s*(?:[-*+]|\d+[.)])\s+", " ", line)
    return not re.search(r"\w", rest)


def _wordy(line: str) -> bool:
    """A line that says something: a word of its own (not only a tag, an image or a caption like 'v1.0:')."""
    text = _NOT_WORDS_RE.sub(" ", line)
    if _CAPTION_RE.match(text):
        return False
    return bool(re.search(r"\w{2,}", text))


def says_something(body: list[str]) -> bool:
    """The lines hold words of their own: not only images, tags, captions or a list of links."""
    if has_options(body):  # choices (A. … B. …) are the question's, not an answer
        body = [line for line in body if not _OPTION_LINE_RE.match(line)]
    words = [line for line in body if _wordy(line)]
    linked = [line for line in words if _LINK_ITEM_RE.match(line) or _link_only(line)]
    links = len(linked)
    if len(words) > 1 and links * 2 >= len(words) + 1:
        # mostly links, yet written around in sentences of its own: 'TiDB 支持在以下云上部署：', four
        # links, '此外，TiDB 云上部署也已在京东云、UCloud 上线。' answers; a lead-in alone ('See:') does not
        prose = [line for line in body if line not in linked and re.search(r"\w", line)]
        return len(prose) >= 2 and any(line in words and not line.rstrip().endswith((":", "：")) for line in prose)
    return bool(words) and links * 2 < len(words) + 1 if len(words) > 1 else bool(words) and not links


def outside_fences(body: list[str]) -> list[str]:
    """The lines that are not inside a fenced code block (nor its fence lines)."""
    out, fence = [], False
    for line in body:
        if FENCE_RE.match(line):
            fence = not fence
        elif not fence:
            out.append(line)
    return out


def has_answer_mark(body: list[str], labels: Labels) -> bool:
    """An answer or explanation label, `<details>`, an answer admonition among the lines (not in code)."""
    fence = False
    for k, line in enumerate(body):
        if FENCE_RE.match(line):
            fence = not fence
            continue
        if fence:
            continue
        if _ANSWER_MARK_RE.match(line):
            return True
        if _DETAILS_MARK_RE.match(line):
            # a handle ('show', 'Click to expand') hides the unit's answer where it opens the unit; after
            # the unit's own text it folds a part of that text ('## Install', its notes, then '<details>
            # <summary>Click to expand the build notes</summary>'), as a README folds its long parts
            opens = not any(x.strip() for x in body[:k])
            if _hides_answer(body[k:k + 3], labels, opens):
                return True
            continue
        text = line[_LIST_MARK_RE.match(line).end():]
        label = labels.paragraph(text) or labels.heading(re.sub(r"^#{1,6}\s+", "", text)) if text.lstrip().startswith(
            "#") else labels.paragraph(text)
        if label and label.kind in ("answer", "explanation"):
            return True
    return False


def has_question_part(body: list[str], labels: Labels) -> bool:
    """One question label among the unit's lines (not in code): '题目描述：…', '### 题目', '**Question:**' —
    the unit holds its question, so its start titles a question even when it does not ask (a unit
    holding several is a group of questions, not one)."""
    found = 0
    fence = False
    for line in body:
        if FENCE_RE.match(line):
            fence = not fence
            continue
        if fence:
            continue
        text = line[_LIST_MARK_RE.match(line).end():]
        heading = re.match(r"^#{1,6}\s+(.*)$", text)
        said = labels.heading(heading[1]) if heading else labels.paragraph(text)
        if said and said.kind == "question":
            found += 1
    return found == 1


def _hides_answer(lines: list[str], labels: Labels, opens: bool = True) -> bool:
    """A `<details>` (its first lines given) hides an answer: no summary, an empty one, or one that
    says so ('Answer', '查看答案'), or, where it opens the unit (`opens`), a handle ('Show', 'Click to
    expand') — not a summary that titles something else."""
    m = next((m for line in lines if (m := _SUMMARY_TEXT_RE.search(line))), None)
    if m is None:
        return True
    text = re.sub(r"<[^>]+>", "", m["text"]).strip()
    said = labels.heading(text) if text else None
    if _CONTENTS_RE.search(text):
        return False
    if said and said.kind != "question" or _ANSWER_WORD_RE.search(text):
        return True
    return opens and (not text or bool(_REVEAL_RE.search(text)))


_TITLED_RE = re.compile(r"(?-i:(?<![A-Za-z])FAQs?(?![A-Za-z]))|Q\s*&\s*A|问答|常见问题|面试题|面试问题|笔试题|习题|练习|试题|题库|真题|考题|考试|试卷|测验|自测|复习题|"
                        r"\b(?:interview questions|quiz|quizzes|exam|exercises?|questions?|problems|self-check|trivia)\b", re.I)


#: A front matter's `title:` that names the page a list of questions with their answers ('问答', 'FAQ',
#: '常见问题'): a docs site's FAQ page. Its other Q&A words ('Exercises and Solutions') name the page's
#: subject as often (a docs page about an exercise directive), so they do not title the document.
_FAQ_TITLE_RE = re.compile(r"(?-i:(?<![A-Za-z])FAQs?(?![A-Za-z]))|Q\s*&\s*A|问答|常见问题|"
                           r"\b(?:frequently asked|questions and answers)\b", re.I)


#: What follows a Q&A word that only qualifies the noun after it, when that noun is a page *about*
#: questions — their kinds, their markup, the tools that make them ('Quiz types and syntax', 'Interview
#: Question Categories', 'Exercise Directive', 'Question Generator') — or another kind of document
#: altogether, of a product named for them ('Microsoft Q&A release notes', 'Quiz app changelog'):
#: no collection of questions. Nor are the arrangements for sitting an exam ('Exam Logistics':
#: where, when, what is allowed).
_ABOUT_QA_RE = re.compile(r"[\s-]+(?:(?:app|site|platform|product|service)\s+)?"
                          r"(?:types?|kinds?|categor(?:y|ies)|taxonomy|syntax|formats?|formatting|markup|"
                          r"templates?|directives?|schemas?|specs?|specifications?|generators?|plugins?|extensions?|"
                          r"components?|widgets?|editors?|builders?|engines?|makers?|guidelines?|writing|design|"
                          r"release\s+notes|releases|changelogs?|change\s+logs?|roadmaps?|announcements?|newsletters?|"
                          r"status\s+updates?|"
                          # the arrangements for an exam, not its questions ('Exam Logistics', 'Quiz schedule')
                          r"logistics|schedules?|timetables?|dates?|times|locations?|rooms?|seating|venues?|"
                          r"polic(?:y|ies)|rules|regulations|registration|accommodations?|proctoring)\b", re.I)


def names_qa(text: str) -> bool:
    """The text names a collection of questions ('FAQ', '面试题', 'Study questions', 'Quiz'), not a
    page about them ('Quiz types and syntax', 'Interview Question Categories')."""
    return any(not _ABOUT_QA_RE.match(text, m.end()) for m in _TITLED_RE.finditer(text))


#: A heading over an example of markup ('## Example', '### Examples', '## 示例'), not over questions.
_EXAMPLE_HEADING_RE = re.compile(r"^\W*(?:examples?|demo|sample|usage|示例|例子|样例|用法)\W*$", re.I)


def shown_as_example(cand: Candidate, elements: list[Element], lines: list[str]) -> bool:
    """The template's blocks (`<details>`, admonitions) all stand under a heading that names an
    example, in a document whose title names no Q&A: a docs page showing how the markup looks
    (`## Example` over two `{{% details "What Hugo version is required?" %}}`), not a FAQ."""
    if cand.key[0] not in ("details", "adm") or titled_by(elements, lines) >= 1.0:
        return False
    for i in cand.indices:
        head = next((el for el in reversed(elements[:i]) if el.kind == "heading"), None)
        if head is None or not _EXAMPLE_HEADING_RE.match(head.text.strip()):
            return False
    return True


def titled(elements: list[Element], lines: list[str]) -> bool:
    """The document says it is a collection of questions: its first heading or first lines name it
    ('FAQ', '面试题', 'Interview questions', 'Quiz')."""
    return titled_by(elements, lines) > 0


def titled_by(elements: list[Element], lines: list[str]) -> float:
    """1.0 when the document's title — its first heading, or its front matter's `title:` naming a FAQ
    (`title: 问答` over a VuePress page's `##` entries, `_FAQ_TITLE_RE`) — names a collection of
    questions, 0.5 when only its first
    lines of text do (they may only describe the subject: 'turns Q&A documents into…'), else 0."""
    head = next((el.text for el in elements if el.kind == "heading"), "")
    if names_qa(head) or _FAQ_TITLE_RE.search(front_title(lines)):
        return 1.0
    # the first lines of text, not a list of links (a site's navigation names other pages)
    first = " ".join(line for line in lines[:8] if line.strip() and not _LINK_LINE_RE.match(line))
    first = re.sub(r"<[^<>]*>|\]\([^)]{0,500}\)|https?://\S+", " ", first)  # words, not addresses
    return 0.5 if names_qa(first[:300]) else 0.0


def score(cand: Candidate, elements: list[Element], shapes: list[Shape], lines: list[str], labels: Labels,
          is_titled: float = 0.0, keys: list[tuple[int, set[int]]] | None = None) -> None:
    """Score one candidate; `keys` are the answer keys as (element index, the numbers they answer)."""
    n = len(cand.indices)
    box = cand.key[0]
    cand.ends = unit_ends(elements, shapes, cand.indices, box, lines)
    sizes: list[int] = []
    inlined, ticks, offering, labelled, coded, blank = [], [], [], [], [], []  # per unit
    claimed = claims([(i, s.numbering.number if s.numbering else None) for i, s in zip(cand.indices, cand.shapes)],
                     [at for at, _ in keys or []])
    for i, end, shape in zip(cand.indices, cand.ends, cand.shapes):
        el = elements[i]
        end_line = elements[end].start if end < len(elements) else len(lines)
        body = _body_lines(lines, el, end_line)
        if box == "p" and cand.key[1] == "whole" and el.own_end - el.start > 1:
            pass  # lines glued under a bold line are its answer: already in the body
        inline = bool(_INLINE_ANSWER_RE.search(shape.title))
        inlined.append(inline)
        inline = inline or bool(marks_choice(shape.title, body[:40]))
        shown = outside_fences(body)  # choices in a fence are an example of markup, not the unit's
        ticks.append(bool(question_mark(shape.title) and ticked(shown[:40])))  # '* [x] 42' under a question
        offers = has_options(shown) or _task_choices(shape.title, shown)
        offering.append(offers)
        asked = bool(shape.asking or explicit(shape) or asks(shape.title) or offers
                     or bool(body and _QUESTION_ADMONITION_RE.match(body[0]))
                     or (box != "p" and has_question_part(body, labels)))
        cand.asked_at.append(asked)
        key = keys[claimed[i]][1] if keys and i in claimed else None
        keyed = bool(key and shape.numbering and shape.numbering.number in key)
        cand.keyed_at.append(keyed)
        inline = inline or keyed  # its answer waits in the key after it
        # a heading that is only a link ('#### 3. [What is paging?](https://…/video)') is answered by
        # what it links to; a list of links is a reading list
        said = bool(inline or says_something(body) or (not body and _heading(box) and linked_title(shape.title)))
        cand.answered_at.append(said)
        marked_answer = bool(inline or has_answer_mark(body, labels))
        labelled.append(marked_answer)
        cand.labelled_at.append(bool(has_answer_mark(body, labels) or _INLINE_ANSWER_RE.search(shape.title)))
        # a quiz's question: its choices, a tick, or an answer label under a start that asks itself
        # (not a group heading over one labelled question, '### 项目经验评估' over '**问题：**')
        cand.quiz_at.append(bool(offers or ticked(shown[:40]) or marked_answer and (
            shape.asking or asks(shape.title) or explicit(shape))))
        sizes.append(1 + len(body))
        coded.append(any(FENCE_RE.match(line) for line in body))
        # '## 195. ' with nothing under it: a number the author set out and never filled (`detect.is_placeholder`)
        blank.append(bool(shape.numbering and not shape.title.strip() and says_nothing(body)))
    # the template is judged where it repeats as questions: a list's numbered runs that neither ask
    # nor carry a label, while its other runs ask as a rule (tips lists above '## Questions'), are
    # left out of its features as they are out of its starts (`silent`); so are its placeholders, the
    # numbers with nothing under them ('## 195.' … '## 210.' after the last answered question, a bank
    # still being written): a person counts the questions that are there, the empty numbers not against them
    quiet = quiet_runs(cand)
    keep = [k for k in range(len(cand.indices)) if cand.indices[k] not in quiet and not blank[k]] \
        or [k for k in range(len(cand.indices)) if cand.indices[k] not in quiet] or list(range(len(cand.indices)))
    n = len(keep)
    shapes_kept = [cand.shapes[k] for k in keep]
    sizes = [sizes[k] for k in keep]
    asking = sum(cand.asked_at[k] for k in keep)
    answered = sum(cand.answered_at[k] for k in keep)
    numbers = [s.numbering for s in shapes_kept if s.numbering and s.numbering.number is not None]
    pairs = list(zip(numbers, numbers[1:]))
    seq = (sum(step(a, b) for a, b in pairs) / len(pairs)) if pairs else 0.0
    # (a table of contents is the page's furniture, `furniture.py`: the units' share is of the rest)
    total = (sum(1 for line in lines if line.strip()) - contents_lines(elements, shapes, lines)) or 1
    coverage = min(1.0, sum(sizes) / total)
    mean = sum(sizes) / n
    cv = math.sqrt(sum((s - mean) ** 2 for s in sizes) / n) / mean if mean else 1.0
    regular = max(0.0, 1.0 - cv / 2)
    family = cand.key[2]
    prior = _PRIOR.get(family.split(":")[0], 0.1 if cand.key[1] == "whole" or _heading(cand.key[1]) else 0.0)
    f = cand.features
    levels = [el.level for el in elements if el.kind == "heading"]
    top = _heading(box) and int(box[1:]) == min(levels)  # no heading above these: they are the document's parts
    marked = sum(1 for sh in shapes_kept if question_mark(sh.title or "")) / n
    groups = sum(1 for k in keep if not cand.asked_at[k] and names_group(cand.shapes[k].title)) / n
    tags = [sh.tag.lower() for sh in shapes_kept if sh.tag]
    rated = len(tags) / n if len(set(tags)) <= 6 else 0.0  # a scale of a few tags ('[E]', '[M]', '[H]')
    f.update(bank=float(family == "ask" and plain_bank(cand, elements, lines, sizes, answered / n, coverage)))
    # nothing before the first start (no title, no lead-in): the document is its units, a deck of cards
    f.update(headless=float(not any(line.strip() for line in lines[:elements[cand.indices[0]].start])), mean=mean)
    share = lambda flags: sum(flags[k] for k in keep) / n  # noqa: E731
    named = named_sections(elements)
    section = task_section(elements, cand.indices, _kind_section) if _heading(box) else ""
    f.update(rated=rated, groups=groups, ticked=share(ticks), inline=share(inlined), choices=share(offering),
             titled=float(is_titled), marked=marked, top=float(top), code=share(coded), n=n, ask=asking / n,
             answered=answered / n, labelled=share(labelled), sequence=seq, coverage=coverage, regular=regular,
             prior=prior, explicit=sum(explicit(s) for s in shapes_kept) / n,
             named=sum(named[cand.indices[k]] for k in keep) / n, tasks=set_tasks(cand, keep),
             sectioned=float(bool(section)), kinded=float(bool(section) and _kind_section(section)),
             # the heading that names questions is this template's own first start and asks one ('## What
             # is a question?' opening an essay's sections): it titles one section, not the document (a
             # title over its sibling tasks, '# CKAD Practice Exam – 25 Tasks', names them without asking)
             own_title=float(_heading(box) and question_mark(cand.shapes[0].title or "")
                             and names_qa(elements[cand.indices[0]].text)  # (not a front matter's title)
                             and next((j for j, el in enumerate(elements) if el.kind == "heading"), -1)
                             == cand.indices[0]))
    weight = math.log2(n + 1) / math.log2(n + 2)  # two units are less sure than twenty
    cand.score = round(weight * (1.5 * f["ask"] + 1.0 * f["labelled"] + 0.5 * f["answered"] + 0.5 * seq
                                 + 1.0 * coverage + 0.3 * regular + prior), 3)


def set_tasks(cand: Candidate, keep: list[int]) -> float:
    """For `<details>` blocks, the share of them whose summary sets a task of its own over its hidden
    answer: it asks or instructs ('Create an nginx pod with …', `shapes.instructs`), in at least three
    words, and no two say the same ('Click to expand' over every block names a way to open it, not
    a task). The blocks repeating as such a template are a question bank whatever their section is
    called ('## Pods'); a README's changelog or install notes are titled by a version or a word."""
    if cand.key[0] != "details" or not keep:
        return 0.0
    titles = [" ".join(re.sub(r"<[^<>]*>|[*_`]", " ", cand.shapes[k].title).split()) for k in keep]
    if len({t.lower() for t in titles}) < len(titles):
        return 0.0
    return sum(1 for k, t in zip(keep, titles) if cand.answered_at[k] and len(t.split()) >= 3
               and (asks(t) or instructs(t)) and not _HANDLE_RE.match(t)) / len(keep)


#: A summary that names how to open its block or what it hides ('Click to expand', 'Show the full
#: changelog', 'See more details', '展开查看'): the block's handle, not a task.
_HANDLE_RE = re.compile(r"^(?:click|tap|expand|collapse|toggle|hide|展开|点击|收起|"
                        r"(?:show|see|view|read)\s+(?:more|less|all|the\s+(?:full|whole|complete|rest)|details?|"
                        r"(?:the\s+)?(?:changelog|release notes|notes|list|output|logs?|screenshots?)\b))", re.I)


def plain_bank(cand: Candidate, elements: list[Element], lines: list[str], sizes: list[int], answered: float,
               coverage: float) -> bool:
    """Questions written as plain lines, each a paragraph of its own that ends in '?' with its answer
    under it, in a document with no heading at all, the units most of it and short (a bank kept
    without markup). An essay titled by a heading is read by its title (`titled`: '# 操作系统思考题'
    names questions, '# 我为什么喜欢写操作系统' does not); an article's rhetorical questions stand among
    sections and long stretches of prose. Each question stands alone, a blank line above it (a
    question glued under the answer above is `tailasks.py`'s bank, which reads its statements too)."""
    n = len(cand.indices)
    if n < 3 or answered < 1.0 or coverage < 0.8 or sum(sizes) / n > 12:
        return False
    if any(el.kind == "heading" for el in elements):
        return False
    return all(elements[i].kind == "paragraph" and elements[i].own_end - elements[i].start == 1
               and (elements[i].start == 0 or not lines[elements[i].start - 1].strip())
               and re.search(r"[?？]\s*$", sh.title) for i, sh in zip(cand.indices, cand.shapes))


_QUESTION_ADMONITION_RE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*(?:question|faq|quiz)\b", re.I)
_OPTION_LINE_RE = re.compile(rf"^\s*(?:{CHOICE_LIST_MARK}(?:\[[ xX]\]\s*)?)?(?:\*\*)?[(（]?(?P<letter>[A-D]|(?<=[-*+] )[a-d])(?:\*\*)?\s*{CHOICE_SEP}")


def has_options(body: list[str]) -> bool:
    """Multiple-choice options (A. … B. …) among the unit's lines: the unit asks."""
    letters = [m["letter"].upper() for line in body[:40] if (m := _OPTION_LINE_RE.match(line))]
    return "A" in letters and "B" in letters


#: The words of a true/false question's two choices ('- [ ] 对', '- [x] 错').
_VERDICTS = frozenset({"对", "错", "正确", "错误", "是", "否", "√", "×", "true", "false", "t", "f", "yes", "no"})


def stem_over_choices(elements: list[Element], i: int, shape: Shape) -> bool:
    """A paragraph whose next block is a list of its choices, as a quiz writes a question without a
    '?' ('…该进程应转变为（）状态。' over '- [x] 就绪', '- [ ] 等待'; a statement over '- [ ] 对' and
    '- [x] 错'): two or more items, all lettered (A. … B. …) or all task boxes with words — under a
    stem that asks (a blank to fill, a question word) or offering a verdict, true or false. A
    to-do list under a line that does not ask stays a to-do list."""
    el = elements[i]
    if el.kind != "paragraph" or i + 1 >= len(elements) or elements[i + 1].kind != "item":
        return False
    parent = elements[i + 1].parent
    items = []
    for e in elements[i + 1:]:
        if e.kind != "item" or e.parent != parent:
            break
        items.append(e.text.strip())
    if len(items) < 2:
        return False
    if has_options([f"- {t}" for t in items]):
        return True
    boxed = [m.group(1).strip() for t in items if (m := _BOXED_RE.match(t))]
    if len(boxed) < len(items) or not all(boxed):
        return False
    return shape.asking or verdicts(boxed)


def verdicts(choices: list[str]) -> bool:
    """The choices are a verdict to give, true or false: '对' and '错', 'True' and 'False'."""
    return len(choices) == 2 and all(c.strip().lower() in _VERDICTS for c in choices)


#: An item's text after its task box: '[x]\t就绪' → '就绪'.
_BOXED_RE = re.compile(r"^\[[ xX]\]\s*(.*)$")


def _task_choices(title: str, body: list[str]) -> bool:
    """Choices written as a task list with no letters ('- [ ] Train dataset') under a stem that
    asks, its first line or the lines it wraps onto, or that states what to judge over a verdict's
    two boxes (under a heading that does not, such a list is a to-do list)."""
    at = [k for k, line in enumerate(body[:40]) if (m := TASK_RE.match(line)) and line[m.end():].strip()]
    return len(at) >= 2 and (asks(title) or any(question_mark(line) for line in body[:at[0]])
                             or at[1] == at[0] + 1 and verdicts([TASK_RE.sub("", body[k]) for k in at[:2]])
                             and (len(at) == 2 or at[2] > at[1] + 1))  # a statement over '- [ ] 对', '- [x] 错'


def silent(cand: Candidate, elements: list[Element] | None = None) -> set[int]:
    """The starts of a question-like template that are not questions: a start that neither asks nor
    has anything under it but links (`### 参考`, a topic heading over its table of contents,
    `### 6. Suggest your question!`); and, when the starts are unnumbered and most ask, a run of
    starts at the document's head or tail that do not ask (`### References`, `### 待完成`)."""
    if not cand.asked_at or cand.key[0] in ("doc",) or cand.key[2] in ("asklist", "askheadings"):
        return set()
    n = len(cand.indices)
    # a start titled only with a section word ('## Summary', '### 参考资料') names a part of the
    # document, wherever it stands (among statement-form questions too)
    sections = {i for i, asked, shape in zip(cand.indices, cand.asked_at, cand.shapes)
                if not asked and (section_title(shape.title) or (not shape.numbering and names_collection(shape.title)))}
    # in a reading whose answers wait in a key, a start the key does not answer, that neither asks
    # nor holds anything, is not a question ('1. **视差计算**：…', an outline's point before the
    # questions the key answers)
    if any(cand.keyed_at):
        sections |= {i for i, asked, said, keyed in zip(cand.indices, cand.asked_at, cand.answered_at, cand.keyed_at)
                     if not asked and not said and not keyed}
    if len(sections) * 2 >= n:
        sections = set()  # most starts are such: they are what the template is about
    named = parts_named(cand, elements)
    sections |= quiet_runs(cand) | numbered_edges(cand) | named
    # (the rest are judged without the parts the page names: 'How do I get support?' and its kind)
    rest = [asked for i, asked in zip(cand.indices, cand.asked_at) if i not in named]
    if n < 5 or sum(rest) < 0.75 * len(rest) and not _asks_between(cand):
        return sections  # the starts do not ask as a rule ('# 7. 微软-S-expression' among problem titles)
    # an untitled start ('#### 100.') is left to the placeholder check, which reports it; an empty
    # start stands out only where the units are answered as a rule (not in a bank of open tasks)
    answered = sum(said for i, said in zip(cand.indices, cand.answered_at) if i not in named) >= 0.75 * len(rest)
    out = {i for k, (i, asked, said, shape) in enumerate(zip(cand.indices, cand.asked_at, cand.answered_at, cand.shapes))
           if answered and not asked and not said and shape.title.strip() and not in_sequence(cand.shapes, k)
           and not (cand.key[0] == "details" and _task_sentence(shape.title))}
    out |= topic_names(cand, elements) if elements else set()
    out |= lead_ins(cand)
    for order in (range(n), range(n - 1, -1, -1)):
        for k in order:
            if cand.asked_at[k] or cand.shapes[k].numbering or names_point(cand.shapes[k].title):
                break  # a numbered start is one of the sequence; one that names a point of a subject
                # ('## 平滑重启的原理') asks in noun form
            if elements and cand.answered_at[k] and _in_asking_group(cand, elements, k):
                break  # answered, in a group of the entries that ask: one of them
            out.add(cand.indices[k])
    if len(out) >= n:
        return sections
    return out | sections


#: How many words a part of a page is named with ('Tested Methods', '📚 Guides', '支持的版本').
_PART_WORDS = 4


def parts_named(cand: Candidate, elements: list[Element] | None = None) -> set[int]:
    """In a FAQ of unnumbered, unlabelled headings whose starts that ask are all written as questions
    ('### How do I get support?') and are most of them, the starts that name a part of the page
    instead — a few words, no question word, no question mark, no problem stated (`### 🧪 Tested
    Methods` over a table, `### 📚 Guides` over links): sections, chapter text. Not in a deck of cards
    from the page's first line, where a topic to recall is a card ('## Examples of lost cities'); nor
    among siblings (the starts under one group heading) that are entries all, one of them a problem
    stated without asking: `## Troubleshooting` over `### The page is not loading properly`, `### I
    found a broken link` and `### The content seems outdated` are three symptoms, one reading for all
    (`sibling_statements`)."""
    f = cand.features
    if not _heading(cand.key[0]) or cand.key[2] != "plain" or cand.key[1] or f.get("labelled", 0) >= 0.5 \
            or f.get("headless") or not cand.asked_at:
        return set()
    from qabook.importer.strays import states_problem  # (strays reads templates: imported when used)
    n = len(cand.indices)
    asking = [k for k in range(n) if cand.asked_at[k]]
    if n < 5 or len(asking) * 2 < n or not all(question_mark(cand.shapes[k].title) for k in asking):
        return set()

    def names_part(title: str) -> bool:
        plain = re.sub(r"[*_`]|[^\w\s'&/-]", " ", title).strip()
        words = len(re.findall(r"[A-Za-z0-9']+", plain)) + len(re.findall(r"[\u4e00-\u9fff]", plain)) / 2
        return 0 < words <= _PART_WORDS and not asks(title) and not states_problem(title) \
            and not re.search(r"[.!。！]\s*$", title.strip()) and not names_point(title)  # ('线程的优点：' asks)

    out = {cand.indices[k] for k in range(n) if not cand.asked_at[k] and not cand.shapes[k].numbering
           and names_part(cand.shapes[k].title)}
    out -= sibling_statements(cand, elements, out) if elements else set()
    return out if len(out) * 3 <= n else set()


def sibling_statements(cand: Candidate, elements: list[Element], named: set[int]) -> set[int]:
    """The starts of `named` whose siblings — the template's other starts under the same group heading
    (the nearest heading above them at a higher level) — are entries all (none names a part), some
    written as statements, one at least a problem stated (`strays.states_problem`): a section of
    symptoms (`### The page is not loading properly`, `### I found a broken link`, `### The content
    seems outdated`), read one way for all. A part named among questions that ask (`### 📚 Guides`
    beside `### How do I …?`) has no such sibling."""
    from qabook.importer.strays import states_problem  # (strays reads templates: imported when used)
    groups: dict[int, list[int]] = {}
    for k, i in enumerate(cand.indices):
        level = elements[i].level
        group = next((j for j in range(i - 1, -1, -1) if elements[j].kind == "heading" and elements[j].level < level), -1)
        groups.setdefault(group, []).append(k)
    out = set()
    for ks in groups.values():
        others = lambda k: [m for m in ks if m != k]  # noqa: E731
        for k in ks:
            if cand.indices[k] not in named or len(others(k)) < 2:
                continue
            stated = [m for m in others(k) if not cand.asked_at[m]]
            if stated and all(cand.indices[m] not in named for m in others(k)) \
                    and any(states_problem(cand.shapes[m].title) for m in stated):
                out.add(cand.indices[k])
    return out


#: A title that leads in to what follows it instead of asking: a sentence that ends with a colon
#: ('Java 异常类层次结构图概览：'), or with a full stop and points below ('…从如下4个抽象类基类中派生出来的。',
#: 'as follows', 'the following') — not a problem stated in the heading ('The following error occurs').
_LEAD_IN_RE = re.compile(r"[:：]\s*$|(?:如下|以下|下面|下列|下图|\bas follows\b|\bthe following\b|\bbelow\b).*[.。]\s*$",
                         re.I)


def leads_in(title: str) -> bool:
    """The title points to what follows it (`_LEAD_IN_RE`: 'How to Use This Guide:', '…如下…。') and
    does not ask with a question mark."""
    return not question_mark(title) and bool(_LEAD_IN_RE.search(title))


def lead_ins(cand: Candidate) -> set[int]:
    """Starts that lead in to the text under them, among starts that ask as a rule: unnumbered, not
    asking, unlabelled, and written as a pointer to what follows ('### Java IO 流的40多个类都是从如下4个抽象类
    基类中派生出来的。' over a list, after '### Java IO流了解吗？' and its answer) — the author's emphasis
    inside the answer before it, which goes on under it; never the first start (nothing to go on)."""
    n = len(cand.indices)
    if not _heading(cand.key[0]) or n < 5 or sum(cand.asked_at) < 0.75 * n:
        return named_parts(cand)
    return named_parts(cand) | {i for k, (i, asked, shape) in enumerate(zip(cand.indices, cand.asked_at, cand.shapes))
            if k and cand.answered_at[k - 1] and not asked and not shape.numbering and not explicit(shape)
            and not (cand.labelled_at and cand.labelled_at[k]) and _LEAD_IN_RE.search(shape.title)
            and not names_point(shape.title)}  # '## 线程的优点：' asks for a point: a question in noun form


def named_parts(cand: Candidate) -> set[int]:
    """Headings in a row, each naming a part in a word or two and a colon (`### Commands:` over six
    commands, `### Purposes:` over six purposes, under 'Match the command to its purpose:'): the parts
    of one question, the first its start and the others going on with it (never a question each)."""
    if not _heading(cand.key[0]):
        return set()
    def part(k: int) -> bool:
        shape = cand.shapes[k]
        return part_name(shape.title) and not shape.numbering and not explicit(shape) \
            and not (cand.labelled_at and cand.labelled_at[k])
    return {cand.indices[k] for k in range(1, len(cand.indices))
            if part(k) and part(k - 1) and not cand.asked_at[k]}


def _task_sentence(title: str) -> bool:
    """A summary that sets a task in a sentence of its own ('… Prepare a checklist of best practice
    for ssl configuration.'): a `<details>` question of the bank whose answer is only pointers (a
    section's summary names it in a word or two)."""
    plain = re.sub(r"<[^<>]*>|[*_`]", " ", title)
    return len(plain.split()) >= 8 and bool(re.search(r"[.!。！]\s*$", plain.strip()))


def numbered_edges(cand: Candidate) -> set[int]:
    """Headings numbered in the questions' sequence that open or close it without asking and are
    titled as sections are (`### 1. Overview`, `### 2. Installation` before `### 3. Why …?` … `### 6.
    What …?`, then `### 7. Further reading`): judged by the document's own majority — the starts
    between them ask as a rule — they are its sections, the numbering the article's. A start
    between asking ones stays a question however it is written (`in_sequence`); a label under a
    start, or one that says it is a question, keeps it."""
    if not _heading(cand.key[0]) or not cand.asked_at or cand.features.get("labelled", 0) >= 0.5:
        return set()
    n = len(cand.indices)

    def quiet(k: int) -> bool:
        shape = cand.shapes[k]
        words = re.sub(r"[*_`]", "", shape.title).split()
        short = len(words) <= 3 and len(re.findall(r"[\u4e00-\u9fff]", shape.title)) <= 6
        # (an untitled start, '#### 100.', is left to the placeholder check, which reports it)
        return bool(shape.numbering) and bool(words) and short and not cand.asked_at[k] and not explicit(shape) \
            and not (cand.labelled_at and cand.labelled_at[k])

    head = next((k for k in range(n) if not quiet(k)), n)
    tail = next((k for k in range(n) if not quiet(n - 1 - k)), n)
    rest = cand.asked_at[head:n - tail]
    if not head + tail or len(rest) < 3 or sum(rest) < 0.75 * len(rest) or head + tail >= len(rest):
        return set()
    return {cand.indices[k] for k in list(range(head)) + list(range(n - tail, n))}


def _quiet_tail(cand: Candidate, run: list[int]) -> list[int]:
    """The last starts of a run that asks (two at least ask before them), when
    none of them asks, sets a task, offers choices or carries an answer label, and they are fewer than
    the ones that ask: a lesson's questions, then its steps in the same list ('4. 怎么学 AJAX ?', then
    '5. 接下来讲解 axios 语法' over the lesson's code). A person reads those steps as the lesson, as a
    list of steps that asks nowhere."""
    def holds(j: int) -> bool:  # it asks, sets a task, or is answered as a quiz's question is
        return any(len(flags) > j and flags[j] for flags in (cand.asked_at, cand.labelled_at, cand.quiz_at,
                                                             cand.keyed_at)) or instructs(cand.shapes[j].title)

    k = len(run)
    while k and not holds(run[k - 1]):
        k -= 1
    tail = run[k:]
    if not tail or k < 2 or len(tail) >= k or sum(cand.asked_at[j] for j in run[:k]) < 2:
        return []
    if not all(len(cand.answered_at) > j and cand.answered_at[j] for j in tail):
        return []  # a step says something under it; a line alone is one of the list's statements (a fill-in)
    return tail


def quiet_runs(cand: Candidate, by_run: bool = False):
    """The starts of a numbered list template's runs (each restart at 1 or lower begins one, numbered
    one by one) in which no start asks, offers choices or carries an answer label of its own, while
    the other runs' starts ask as a rule: a quiz's rules or a lesson's steps numbered before (or
    after) its numbered questions ('### Rules' 1.–4., then '### Questions' 1.–10.) — one list a
    person reads past. The element indices as one set, or with `by_run` as one list per run."""
    if cand.key[0] != "item" or not cand.labelled_at \
            or any(s.numbering is None or s.numbering.number is None for s in cand.shapes):
        return [] if by_run else set()  # headings are sections, not a list of rules (an exam's selection: 1, 3, 7)
    runs: list[list[int]] = []
    for k, shape in enumerate(cand.shapes):
        if not runs or shape.numbering.number <= cand.shapes[k - 1].numbering.number:
            runs.append([])
        runs[-1].append(k)
    quiet: list[list[int]] = []
    for run in runs if len(runs) >= 2 else []:
        numbers = [cand.shapes[k].numbering.number for k in run]
        if any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
            continue  # not numbered one by one like a list of rules or steps
        if len(run) >= 2 and not any(cand.asked_at[k] or cand.labelled_at[k] for k in run):
            quiet.append(run)
            continue
        tail = _quiet_tail(cand, run)
        if tail:
            quiet.append(tail)
    # the runs that ask are judged apart from every such run (a document's tips and its steps both
    # before its questions)
    read_past = {k for run in quiet for k in run}
    others = [k for k in range(len(cand.indices)) if k not in read_past]
    if not others or sum(cand.asked_at[k] for k in others) < 0.75 * len(others):
        quiet = []
    quiet = [[cand.indices[k] for k in run] for run in quiet]
    if sum(map(len, quiet)) * 2 >= len(cand.indices):
        quiet = []  # most of the template: it is what the document is about
    return quiet if by_run else {i for run in quiet for i in run}


def _in_asking_group(cand: Candidate, elements: list[Element], k: int) -> bool:
    """The k-th start (a heading) sits under a group heading (a heading above the starts' level, not
    the document's title) that also holds a start that asks, or the starts of its group (one or more) are
    each a sentence (four words, or eight CJK characters) and answered. An FAQ's entry that states rather than
    asks ('#### flash attention 安装失败', the first under '## 安装&环境'; '#### 下载官方Docker镜像速度很慢',
    the only one under '## Docker') is one of the entries, not the document's head or tail; so are a last
    group's entries that all state ('## Career' over "### I'd like to seek your advice on …")."""
    if not _heading(cand.key[0]):
        return False
    level = int(cand.key[0][1:])

    def parent(i: int) -> int | None:
        return next((j for j in range(i - 1, -1, -1) if elements[j].kind == "heading" and elements[j].level < level), None)

    mine = parent(cand.indices[k])
    if mine is None or elements[mine].level <= 1:
        return False
    same = [m for m in range(len(cand.indices)) if parent(cand.indices[m]) == mine]
    if any(cand.asked_at[m] for m in same):
        return True
    groups_ask = any(cand.asked_at[m] and (p := parent(cand.indices[m])) is not None
                     and elements[p].level == elements[mine].level for m in range(len(cand.indices)))
    return groups_ask and all(_sentence(cand.shapes[m].title) and cand.answered_at[m] for m in same)


def _sentence(title: str) -> bool:
    """The title is written as a sentence: four words, or eight CJK characters."""
    return len(title.split()) >= 4 or len(re.findall(r"[\u4e00-\u9fff]", title)) >= 8


#: How many words a topic's name among questions may have ('Data types', 'Topic 3: Iterators').
_TOPIC_WORDS = 6


def topic_names(cand: Candidate, elements: list[Element]) -> set[int]:
    """In a long unnumbered run of starts that ask with a question mark as a rule (`**What is
    X?**`, eighty of them), the starts that name a topic instead — a few words, no question mark,
    at most a line or two under them, the next start asking — head the questions after them
    (`**Data types**`): group headings, not questions (`detect.py` makes them `group` elements,
    which end the question before them)."""
    n = len(cand.indices)
    marked = [bool(question_mark(s.title)) for s in cand.shapes]
    if n < 10 or any(s.numbering for s in cand.shapes) or sum(marked) < 0.8 * n:
        return set()
    out = set()
    for k, (i, asked, shape) in enumerate(zip(cand.indices, cand.asked_at, cand.shapes)):
        if asked or marked[k] or k + 1 >= n or not marked[k + 1] or len(shape.title.split()) > _TOPIC_WORDS:
            continue
        end = cand.ends[k] if cand.ends else (cand.indices[k + 1])
        body = [el for el in elements[i + 1:end] if el.kind not in ("hr",)]
        if len(body) > 1 or any(el.kind != "paragraph" or el.own_end - el.start > 2 for el in body):
            continue
        out.add(i)
    return out if len(out) * 4 <= n else set()


def in_sequence(shapes: list[Shape], k: int) -> bool:
    """The k-th start's number continues the one before it and the one after it continues it
    ('**10. Adapt the program…**' between 9 and 11): the document's own numbering says it is one of
    the questions, whether or not it is written as one. A number the author skipped beside it does
    not take it out ('### 43、讲讲…' after 41, before 44): it goes up from one neighbour and the other
    follows it, or it follows one and the other goes up from it."""
    if not 0 < k < len(shapes) - 1:
        return False
    before, here, after = (s.numbering.number if s.numbering else None for s in shapes[k - 1:k + 2])
    return None not in (before, here, after) and before < here < after and (before + 1 == here or here + 1 == after)


def _asks_between(cand: Candidate) -> bool:
    """Between a run of starts at the head or tail that neither ask nor are numbered (the terms an
    interview note defines first, '### project_id'), the starts ask as a rule, and they are most
    of the template ('## 面试官可能追问' and its twelve questions); no answer is labelled."""
    if cand.features.get("labelled", 0) >= 0.5:
        return False  # labelled answers under them: the quiet starts are questions in statement form
    quiet = [not asked and not shape.numbering for asked, shape in zip(cand.asked_at, cand.shapes)]
    head = next((k for k, q in enumerate(quiet) if not q), len(quiet))
    tail = next((k for k, q in enumerate(reversed(quiet)) if not q), len(quiet))
    rest = cand.asked_at[head:len(quiet) - tail]
    return len(rest) >= max(3, len(quiet) / 2) and sum(rest) >= 0.75 * len(rest)


_SECTION_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(SECTION_WORDS, key=len, reverse=True))
                         + r")$", re.I)


_COLLECTION_RE = re.compile(r"(?-i:(?<![A-Za-z])FAQs?(?![A-Za-z]))|Q\s*&\s*A|问答|常见问题|面试题|笔试题|习题|练习题?|试题|题库|真题|"
                            r"考题|测验|自测|复习题|\b(?:questions|quiz(?:zes)?|exercises|problems|self-check|trivia)\b",
                            re.I)


def names_collection(title: str) -> bool:
    """A short title that names a collection of questions ('Java 面试题', 'Frequently Asked
    Questions', 'Practice problems'): the document's or a group's title, not a question."""
    plain = re.sub(r"[*_`#]", "", title).strip()
    return bool(_COLLECTION_RE.search(plain)) and len(plain.split()) <= 6 and len(plain) <= 40


_GROUP_RE = re.compile(r"(?:(?<![A-Za-z])(?:questions|problems|exercises|quizzes|FAQs?)|面试题|常见问题|习题集)"
                       r"\s*(?:[(（][^()（）]{0,40}[)）])?\s*[:：]?$"
                       # or counts them after a topic: 'SECTION 1 — PYTHON CORE (15 Questions)'
                       r"|[(（]\s*\d+\s+(?:questions|problems|exercises)\s*[)）]\s*[:：]?$"
                       # or names them, then what they are for: 'Best questions to ask about the role'
                       r"|(?<![A-Za-z])questions\s+(?:to|for|about|on|you\s+(?:can|should|may|might))\s", re.I)


def names_group(title: str) -> bool:
    """The title names a kind or group of questions, not one ('Comparison / Tradeoff Questions (5 Steps)',
    'General Questions', 'Java 面试题'): it ends with a word for many questions (an English plural; not
    '个人思考题', which may title the one question under it), or names them and what they are for
    ('Best questions to ask about the role', 'Questions for the interviewer')."""
    plain = re.sub(r"[*_`#]", "", title).strip()
    return bool(_GROUP_RE.search(plain)) and not question_mark(plain)


#: A title over questions the reader asks someone else ('Questions to ask the interviewer',
#: 'Best questions to ask about the role', '反问面试官'): prompts to take along, not questions to answer.
_ASKED_OF_OTHERS_RE = re.compile(r"(?<![A-Za-z])questions\s+(?:\w+\s+){0,2}?(?:to|you\s+(?:can|could|should|might|may))"
                                 r"\s+ask\b|\bask(?:ing)?\s+(?:the|your|an?)\s+(?:interviewer|employer|recruiter)|"
                                 r"反问|问面试官|向面试官提问", re.I)


def asked_of_others(title: str) -> bool:
    """The title names questions the reader asks someone else, not questions to answer."""
    return bool(_ASKED_OF_OTHERS_RE.search(title))


def named_sections(elements: list[Element]) -> list[bool]:
    """For each element, whether it stands in a section (under the document's title) whose heading,
    or one it sits under, names a collection of questions or tasks ('## Questions' over '###
    Behavioral' over its items, '## Exercises', '## 习题'), not questions the reader asks someone
    else: what the author put there are questions, tasks and prompts as much as sentences that
    ask. One pass over the document."""
    heads = [j for j, el in enumerate(elements) if el.kind == "heading"]
    # the document's title: its first heading when no other is at its level (that one is `titled_by`'s)
    title = heads[0] if heads and all(elements[j].level > elements[heads[0]].level for j in heads[1:]) else None
    out = [False] * len(elements)
    stack: list[tuple[int, bool, bool]] = []  # the headings over the element: level, names questions, asked of others
    for k, j in enumerate(heads):  # the elements from one heading to the next share the headings over them
        el = elements[j]
        while stack and stack[-1][0] >= el.level:
            stack.pop()
        if j != title:
            stack.append((el.level, names_collection(el.text) or _kind_section(el.text), asked_of_others(el.text)))
        if any(names for _, names, _ in stack) and not any(others for _, _, others in stack):
            stop = heads[k + 1] + 1 if k + 1 < len(heads) else len(elements)
            out[j + 1:stop] = [True] * (stop - j - 1)
    return out


#: A section heading's numbering before its words and a count or score after them: '三、', '2.',
#: '（共 5 题）', '(10分)'.
_SECTION_NUMBER_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[一二三四五六七八九十]+)\s*[、.．:：]?\s*")
_SECTION_COUNT_RE = re.compile(r"\s*[(（][^()（）]{0,20}[)）]\s*[:：]?\s*$|\s*[:：]\s*$")


def _kind_section(title: str) -> bool:
    """The heading names a kind of question, the section's contents ('# 实战题', '## 三、编程题（共 5 题）'):
    the problems under it are its questions, as a tag `【单选题】` names its one (`labels.names_kind`)."""
    plain = _SECTION_COUNT_RE.sub("", _SECTION_NUMBER_RE.sub("", re.sub(r"[*_`#]", "", title)))
    return bool(plain) and names_kind(plain)


def section_title(title: str) -> bool:
    """The title is only a section word ('Summary', '五、总结：', '📚 References')."""
    plain = re.sub(r"[*_`#]|[^\w\s'&-]", " ", title)  # marks, emoji, punctuation
    plain = re.sub(r"^\s*(?:\d+(?:\.\d+)*|[一二三四五六七八九十]+)\s*[、.．]?\s*", "", plain)
    return bool(_SECTION_RE.match(" ".join(plain.split())))


def numbered_labels(headings: Candidate, labels: Candidate, held: list[int]) -> bool:
    """Labels that number the questions one by one ('>>Q1: …<<', 'Q2: …' under unnumbered headings,
    one each) while a heading holds none ('# Environment' over the lab's setup): the labels count
    the questions, the headings are the sections they stand in."""
    return min(held) == 0 and labels.features["sequence"] >= 0.8 and len(labels.indices) >= 3 \
        and headings.features["sequence"] < 0.5 and all(s.numbering is not None for s in labels.shapes)


def _units_of(cand: Candidate) -> list[tuple[int, int]]:
    return list(zip(cand.indices, cand.ends))


def nesting(outer: Candidate, inner: Candidate) -> float:
    """How many of `inner`'s starts fall inside each unit of `outer` that holds any (0 when none do)."""
    counts = []
    for start, end in _units_of(outer):
        inside = sum(1 for i in inner.indices if start < i < end)
        if inside:
            counts.append(inside)
    covered = sum(counts)
    if not counts or covered < len(inner.indices) * 0.6:
        return 0.0
    return covered / len(counts)


def spread(outer: Candidate, inner: Candidate) -> float:
    """The share of `outer`'s units that hold at least one of `inner`'s starts."""
    units = _units_of(outer)
    return sum(1 for s, e in units if any(s < i < e for i in inner.indices)) / (len(units) or 1)


def _one_answer_each(outer: Candidate, inner: Candidate) -> bool:
    """Each unit of `outer` holds at most one inner unit with an answer: the inner starts are
    sub-questions of one question, answered together."""
    for start, end in _units_of(outer):
        if sum(1 for i, ok in zip(inner.indices, inner.answered_at) if start < i < end and ok) > 1:
            return False
    return True


def _borrowed(outer: Candidate, inner: Candidate) -> bool:
    """`outer`'s units ask only through the `inner` boxes they hold: the sections (`## Basic Multiple
    Choice`, `## Best Practices`) around `!!! exercise` admonitions or `<details>` that ask, the
    sections that hold none of them asking nothing and labelled by nothing. The boxes are what
    repeats as questions; the sections are the page's text around them."""
    if inner.key[0] not in ("adm", "details") or not inner.asked_at or sum(inner.asked_at) < 0.8 * len(inner.indices):
        return False
    empty = [k for k, (s, e) in enumerate(_units_of(outer)) if not any(s < i < e for i in inner.indices)]
    return bool(empty) and not any(outer.asked_at[k] or (outer.labelled_at and outer.labelled_at[k]) for k in empty)


def _statements(labelled: Candidate, other: Candidate) -> bool:
    """`other`'s starts are the text right under `labelled`'s question labels (`**Question**` alone,
    then 'What is …?'): each of its units runs on into the next label, so it seems to hold the
    labels, but the labels open the questions."""
    at = set(labelled.indices)
    return labelled.key[2] == "label-q" and sum(1 for i in other.indices if i - 1 in at) >= 0.8 * len(other.indices)


def _rival(winner: Candidate, other: Candidate) -> bool:
    """Whether `other` is another reading of the document, not the same questions seen from
    inside or outside (a label under each heading, group headings around them) or with a few
    starts more or less."""
    a, b = set(winner.indices), set(other.indices)
    if a <= b or b <= a or len(a & b) >= 0.8 * len(a | b):
        return False
    for outer, inner in ((winner, other), (other, winner)):
        if 0.9 <= nesting(outer, inner) <= 1.2:
            return False  # one start of the other in each unit: the same questions
    return True


def unbolded(winner: Candidate, union: Candidate) -> bool:
    """Whether what `union` (both bold forms of the winner's box and numbering: '**6、…**' and
    '6、…') adds to the winner is items the author wrote without the others' bold: each asks, stands
    first in a unit of the winner's, alone, and is numbered in its sequence (the number before it
    again or the next, the one after it the same or the next) — an item of the bank, not the answer of the question above it
    (an answer's plain points state it, or count on from 1 under any question)."""
    ours = set(winner.indices)
    extra = [k for k, i in enumerate(union.indices) if i not in ours]
    for k in extra:
        if k == 0 or k + 1 >= len(union.indices) or union.indices[k - 1] not in ours \
                or union.indices[k + 1] not in ours or union.indices[k] != union.indices[k - 1] + 1:
            return False
        nums = [union.shapes[j].numbering for j in (k - 1, k, k + 1)]
        if any(n is None or n.number is None for n in nums) or not union.asked_at[k]:
            return False
        before, this, after = (n.number for n in nums)
        if not (before <= this <= before + 1 and this <= after <= this + 1):
            return False
    return bool(extra) and len(extra) <= 0.2 * len(union.indices)


def choose(cands: list[Candidate]) -> tuple[Candidate | None, Candidate | None]:
    """The winner and the runner-up (a different reading of the document), or None."""
    ok = sorted((c for c in cands if c.accepted), key=lambda c: (-c.score, c.key))
    if not ok:
        return None, None
    winner = ok[0]
    for _ in range(len(ok)):
        finer = [c for c in ok if c is not winner and nesting(winner, c) >= 1.5 and c.features["answered"] >= 0.6
                 and spread(winner, c) >= 0.5
                 and c.features["ask"] + c.features["labelled"] >= winner.features["ask"] + winner.features["labelled"] - 0.2]
        outer = [c for c in ok if c is not winner and 0.9 <= nesting(c, winner) <= 1.2 and not _statements(winner, c)
                 and len(c.indices) >= len(winner.indices) * 0.8 and c.score >= winner.score * 0.7
                 and (c.features["ask"] >= 0.5 or c.features["labelled"] >= 0.8 or spread(c, winner) >= 0.8)
                 and not _borrowed(c, winner)]
        # sub-questions that share one answer ('1. … 2. … 3. …' then one '参考答案'): the outer unit is the question
        shared = [c for c in ok if c is not winner and nesting(c, winner) >= 1.5 and winner.features["answered"] < 0.6
                  and c.features["labelled"] >= 0.8 and _one_answer_each(c, winner)]
        if shared:
            winner = max(shared, key=lambda c: c.score)
        elif finer:
            winner = max(finer, key=lambda c: c.score)
        elif outer:
            winner = max(outer, key=lambda c: c.score)
        else:
            break
    # one of the numbered items written without the others' bold ('**6、…**', '6、…', '**7、…**'): the
    # reading of both forms, when all it adds are such items
    union = next((c for c in ok if c.key == (winner.key[0], "*", winner.key[2]) and set(winner.indices) < set(c.indices)),
                 None)
    if union is not None and unbolded(winner, union):
        winner = union
    # headings over labelled questions ('### 1.1 典型问题' over '**面试题：** …'): the labels are the
    # questions when the headings leave some of them out (a labelled question after the last
    # heading) or hold two of them in one unit; else the headings title them (one label each). Labels
    # bunched in a few of the headings' units (three '**问题1：**' cases inside one FAQ answer) are
    # that answer's content: the document's questions are its headings
    for inner in ok:
        if inner is winner or inner.key[2] != "label-q" or not _heading(winner.key[0]) or nesting(winner, inner) < 0.9 \
                or spread(winner, inner) < 0.5:
            continue
        units = _units_of(winner)
        held = [sum(1 for i in inner.indices if s < i < e) for s, e in units]
        if max(held) >= 2 or any(not any(s < i < e for s, e in units) for i in inner.indices) \
                or numbered_labels(winner, inner, held):
            winner = inner
            break
    # an author who labels a question and its answer ('**Q**：…' then '**参考答案**：…') shows what a
    # question is here: a reading with no label at all, at most half of whose starts ask (a chapter's
    # numbered sections, two of them rhetorical questions), gives way to the labelled one beside it
    f = winner.features
    if not f["labelled"] and f["ask"] <= 0.5 and not f["explicit"]:
        units = _units_of(winner)
        labelled = [c for c in ok if c.key[2] == "label-q" and c.features["labelled"] >= 0.8
                    and c.features["ask"] >= 0.8 and not any(s < i < e for i in c.indices for s, e in units)]
        if labelled:
            winner.gave_way = True
            winner = max(labelled, key=lambda c: c.score)
    runner = next((c for c in ok if c is not winner and _rival(winner, c)), None)
    return winner, runner
