"""A list of questions that carry no answers of their own: a lesson's knowledge check, a bank
of open questions whose answers are links to where they are discussed.

When no template is question-like, a bullet or numbered list whose items are one line each and
nearly all ask (`- [Why is clean code important?](#introduction)`, `- What is a closure?`) is a
list of questions: each item is one, its answer missing or behind its link. A list numbered 1, 2,
3… by its author needs only most of its items to ask, and every item is a question (a study list
says 'Contrast how…' among its questions). A list of links
whose titles mostly do not ask (further reading, a table of contents into the document) is not,
nor is a list whose items only open with a question word and none is written as a question
('What you did this week', 'How to install'): an agenda or an outline, with no answer to show it.
Questions with no answer have to show they are a bank: their items link to where each is
answered (an answer slot), or the document's title or a heading over them (the nearest, or one
it sits under: '#### 管理类问题' under '### 常见面试问题') names a collection of questions ('Study
questions', 'Knowledge check'), or the document is nothing but such lists under three headings or
more, topic by topic (`_whole_bank`); else they are prompts (questions a writer keeps in mind, an
example in a note) and the document is refused, saying so (`prompt_lists`). So are questions the
reader is to ask someone else ('## Best questions to ask about the role', '反问面试官'), whatever
the title says.
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element, headings_over
from qabook.importer.shapes import Shape, asks, instructs, question_mark
from qabook.importer.template import Candidate, asked_of_others, names_qa, titled_by

#: The share of a list's items that must ask (of a list numbered in order: the numbering says
#: the rest are questions too), and how few items make a list of questions.
ASKING_SHARE = 0.8
NUMBERED_ASKING_SHARE = 0.66
#: Of a list whose heading names questions ('## Behavioral Questions'), when the document has others.
NAMED_ASKING_SHARE = 0.5
MIN_ITEMS = 2


def asking_lists(elements: list[Element], shapes: list[Shape], lines: list[str], banked: bool = False) -> Candidate | None:
    """The lists of one-line asking items, as one candidate (None when there are none, or when
    they are prompts: `prompt_lists`). `banked`: the document's other questions show it is a bank,
    so a list its heading names questions holds questions on its own (`detect._lists_beside`)."""
    chosen = _asking_items(elements, shapes, lines, banked)
    if not chosen or _prompts(chosen, elements, shapes, lines, banked):
        return None
    total = sum(1 for line in lines if line.strip()) or 1
    return Candidate.fixed(("item", "", "asklist"), chosen, [shapes[i] for i in chosen], [i + 1 for i in chosen],
                           False, 1.5, coverage=len(chosen) / total)


def prompt_lists(elements: list[Element], shapes: list[Shape], lines: list[str]) -> str:
    """Why the document's lists of asking items are not a bank ('' when there are none)."""
    chosen = _asking_items(elements, shapes, lines)
    if not chosen or not _prompts(chosen, elements, shapes, lines):
        return ""
    first = shapes[chosen[0]].title[:40]
    if (over := next((t for t in headings_over(elements, chosen[0]) + [_title(elements)] if asked_of_others(t)), "")):
        return (f"the list items that ask (first: '{first}', line {elements[chosen[0]].lineno}) are questions to ask "
                f"someone else ('{over[:60]}'), not questions to answer")
    return (f"the list items that ask (first: '{first}', line {elements[chosen[0]].lineno}) have no answers, link to "
            "none and the title does not name a Q&A: prompts, not a bank of questions")


#: A section heading over a list of questions to answer: '## Knowledge check', '### Review questions'.
_CHECK_RE = re.compile(r"knowledge check|check (?:your|for) understanding|review|self[- ]?(?:test|check|assessment)|"
                       r"自测|思考题|练一练|复习")


def _prompts(chosen: list[int], elements: list[Element], shapes: list[Shape], lines: list[str],
             banked: bool = False) -> bool:
    """The asking items show no answer slot (no link), and neither the title nor the heading over
    them names a Q&A ('Study questions', '## Knowledge check') — nor, beside the document's other
    questions (`banked`), the line that leads into them ('**项目职责**部分可能产生的问题：')."""
    linked = sum(1 for i in chosen if "](" in (shapes[i].title or "") or "<a " in (shapes[i].title or "").lower())
    if any(asked_of_others(over) for over in headings_over(elements, chosen[0]) + [_title(elements)]):
        return True  # questions the reader puts to someone else: nothing to study
    if linked * 2 >= len(chosen) or titled_by(elements, lines) >= 1.0 or _whole_bank(chosen, elements, lines):
        return False
    if banked and led_in(elements, chosen):
        return False
    return not any(names_qa(over) or _CHECK_RE.search(over.lower()) for over in headings_over(elements, chosen[0]))


#: A line leading into a list that names what follows questions: '**项目职责**部分可能产生的问题：',
#: 'Questions you may be asked:' (its last words, before the colon). Narrower than a lead-in in general
#: (`template.leads_in`: any title ending in a colon or pointing below) and than `plan._section_heads`'
#: paragraph ending in a colon over a list of questions: this one says the items are questions.
_QUESTIONS_LEAD_IN_RE = re.compile(r"(?:问题|提问|questions?)\W{0,3}[:：]\s*$", re.I)


def led_in(elements: list[Element], chosen: list[int]) -> bool:
    """Each list of the items is led into by a paragraph right above it that names them questions
    ('**技术要点**部分可能产生的问题：' over '1. 简单描述一下…？'): the document says what they are."""
    firsts = [i for i in chosen
              if i == 0 or elements[i - 1].kind != "item" or elements[i - 1].parent != elements[i].parent]
    return all(i > 0 and elements[i - 1].kind == "paragraph" and _QUESTIONS_LEAD_IN_RE.search(elements[i - 1].text.strip())
               for i in firsts)


#: A document of nothing but lists of questions is a bank when they stand in this many sections.
BANK_SECTIONS = 3
#: The share of the document's text (headings aside) the questions may leave to other lines.
BANK_OTHER_SHARE = 0.1


def _whole_bank(chosen: list[int], elements: list[Element], lines: list[str]) -> bool:
    """The document is nothing but its lists of questions, topic by topic: headings, and under at
    least three of them a list whose items ask (`# Spring IOC` over `1. 什么是 Spring Bean？`, then
    `# Spring AoP` over its own `1.`…), no prose around them. Prompts a writer keeps in mind stand
    in a piece of writing, or in a short note (`# Reading notes` over two topics' questions); a
    file that holds only questions over three topics or more is a bank of them, answers to come."""
    headings = [k for k, el in enumerate(elements) if el.kind == "heading"]
    sections = {max((h for h in headings if h < i), default=-1) for i in chosen}
    if len(sections - {-1}) < BANK_SECTIONS:
        return False
    covered: set[int] = set()
    for k in headings:
        covered.update(range(elements[k].start, elements[k].own_end))
    for i in chosen:
        covered.update(range(elements[i].start, elements[i].end))
    text = [k for k, line in enumerate(lines) if line.strip()]
    other = sum(1 for k in text if k not in covered)
    return other <= BANK_OTHER_SHARE * len(text)


def _title(elements: list[Element]) -> str:
    return next((el.text for el in elements if el.kind == "heading"), "")



def _asking_items(elements: list[Element], shapes: list[Shape], lines: list[str], banked: bool = False) -> list[int]:
    lists: dict[int, list[int]] = {}
    for i, el in enumerate(elements):
        if el.kind == "item" and el.parent >= 0:
            lists.setdefault(el.parent, []).append(i)
    chosen: list[int] = []
    named_lists: list[list[int]] = []
    for items in lists.values():
        if len(items) < MIN_ITEMS:
            continue
        one_line = all(not any(line.strip() for line in lines[elements[i].own_end:elements[i].end]) for i in items)
        asking = sum(1 for i in items if shapes[i].asking) / len(items)
        toc = sum(1 for i in items if shapes[i].toc) / len(items)
        marked = any(question_mark(shapes[i].title or "") for i in items)
        in_order = numbered_in_order(elements, items)
        named = _named_over(elements, items[0])
        if exercise_list(elements, items):  # '### Exercises: Level 1' over '1. Create an empty tuple'
            chosen += items
        elif one_line and asking >= (NUMBERED_ASKING_SHARE if in_order else ASKING_SHARE) and toc < 0.5 and marked:
            chosen += items if in_order or named else [i for i in items if shapes[i].asking]
        elif one_line and named and asking >= NAMED_ASKING_SHARE and toc < 0.5:
            named_lists.append(items)
    if chosen or banked:  # beside a bank's questions, a list its heading names questions holds questions
        chosen += [i for items in named_lists for i in items]
    return sorted(chosen)


#: A heading that names the exercises under it: '### Exercises: Level 1', '## 💻 Exercises: Day 6',
#: '## Homework', '## 课后练习', '### 习题'.
_EXERCISES_RE = re.compile(r"(?<![A-Za-z])(?:exercises?|homework|assignments?)(?![A-Za-z])|习题|练习|作业", re.I)


def exercise_list(elements: list[Element], items: list[int]) -> bool:
    """The list is numbered (1, 2, 3… or 1, 1, 1… as Markdown lets one write it), stands right
    under a heading that names exercises (at most one paragraph between them, 'Do these:') and its
    items are written as exercises (`exercise_like`, most of them): each item is an exercise, a task
    ('Create an empty tuple') as much as a question, answered or not. A workout plan's
    '## Exercises' over '1. Squats 3×10' names movements, not questions: the heading word alone
    does not make them exercises to answer."""
    numbers = [elements[i].level for i in items]
    if len(items) < MIN_ITEMS or not numbers[0] or not (numbered_in_order(elements, items) or len(set(numbers)) == 1):
        return False
    if sum(1 for i in items if exercise_like(elements[i].text)) * 2 <= len(items):
        return False
    return under_exercises(elements, items[0])


#: A sentence's worth of words: four words, or six Chinese/Japanese characters.
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
#: A measure of a plan's line: '3×10', '3 x 12', '45 s', '10 min', '5 km', '3组', '30秒'.
_MEASURE_RE = re.compile(r"\d+\s*[×xX*]\s*\d+|\d+\s*(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|reps?|sets?|km|mi|m|"
                         r"kg|lbs?)\b|\d+\s*(?:秒|分钟|小时|次|组|公里|米|千克|公斤)")
#: Something written out to work on: a formula or code ('Solve 3x + 5 = 11', 'Simplify (x+1)^2', '计算 3+5').
_WORKED_RE = re.compile(r"[=+^$`\\]")


def exercise_like(text: str) -> bool:
    """An item is written as an exercise: it asks ('Why?', '解释 TCP'), instructs ('Create an empty
    tuple', 'Sort numbers', '画出握手'), sets a formula or code to work on ('Solve 3x + 5 = 11') or is
    a sentence, however short; a name and a measure ('Squats 3×10', 'Plank 3×45 s', '深蹲 3×10') is a
    line of a plan, and a name alone ('Squats', '深蹲') names a movement, not something to answer."""
    if _WORKED_RE.search(text):
        return True
    plain = re.sub(r"[*_`]", "", text).strip()
    if asks(plain) or instructs(plain):
        return True
    if _MEASURE_RE.search(plain):
        return False
    return len(_WORD_RE.findall(plain)) >= 2 or len(_CJK_RE.findall(plain)) >= 4


def under_exercises(elements: list[Element], i: int) -> bool:
    """Element i (a list's first item) stands right under a heading that names exercises: at most
    one paragraph between them, 'Do these:'."""
    heading = next((j for j in range(i - 1, -1, -1) if elements[j].kind == "heading"), None)
    if heading is None or not _EXERCISES_RE.search(elements[heading].text) or asked_of_others(elements[heading].text):
        return False
    between = [el for el in elements[heading + 1:i] if el.kind != "item" or el.parent != elements[i].parent]
    return len(between) <= 1 and all(el.kind == "paragraph" for el in between)


def _named_over(elements: list[Element], i: int) -> bool:
    """The nearest heading over item i names its list questions ('## Behavioral Questions'): its
    prompts ('Tell me about yourself.', 'Describe a time when …') are questions too."""
    over = headings_over(elements, i)
    return bool(over) and names_qa(over[0]) and not asked_of_others(over[0])


def numbered_in_order(elements: list[Element], items: list[int]) -> bool:
    """The list is numbered 1, 2, 3… by its author: each item is one of its questions, the few
    written as statements too ('11. Contrast how autotrophs and heterotrophs…' among questions)."""
    numbers = [elements[i].level for i in items]
    return numbers[0] > 0 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))
