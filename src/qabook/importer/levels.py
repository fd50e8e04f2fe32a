"""Which heading levels carry questions, when a document mixes them: each heading read by what it
looks like, not by its level.

The reading's starts name the level its questions are written at as a rule (`#####` follow-ups
under each `###` main question, `####` entries under `##` groups, `###` items under `##` topics).
A person reads the headings above that level one by one:

- a *group heading* holds questions and says nothing of its own before the first of them
  (`## RNN` right over `### RNN 为什么会梯度消失？`, `## How do I...?` over `#### How do I …?`):
  it goes to the chapter page;
- a heading that *says something of its own* before the next heading — an answer, or a
  placeholder for one (`- [ ] TODO`) — is a question too when it looks like one: it asks
  (`### 什么是三次握手？` over its `#####` follow-ups; `## Why is X set by default?` after the
  last `####` entry), states a problem, or is answered under a label or with a placeholder
  (`## 列出几种文本特征提取算法` then `答：…`; `## ELMO` then `- [ ] TODO`), whether or not
  questions follow under it;
- a level numbered one by one under one prefix (`## 10.1` … `## 10.10`), two or more of whose
  headings look like questions, is one sequence of entries, its topic-named headings too (`## 10.2
  强化学习应用实例`); the headings numbered under them (`### 10.1.1 定义`) are parts of their answers
  (`numbered_under`, read in `detect._strays`);
- a heading over questions that carry a numbering of their own (`### 问题 1` … `### 问题 6` through
  the document, or anew from 1) is a section of a book or a bank, whatever its title says (`## 1.2
  为什么需要多道程序设计？` over `### 问题 3`): not a question (`counted_through`);
- a heading before the first question that holds none is the preamble (`## Glossary`), and a
  section word (`## 参考资料`), a collection's name (`## Still have questions?`, `## Java 面试题`,
  `## Technical Questions`) or a question that names nothing (`## What's the point?`) is none.

`stray_entries` (`strays.py`) reads the level next to the questions' in a one-level reading;
this reads every level above the questions', also when they sit at two levels. Each heading
found joins with a QI030 warning at its line (`plan.py`). `left_asking` names the headings that
still ask, answered under them, on the chapter page: a QI038 warning each, never silently.
"""

from __future__ import annotations

import re

from qabook.importer.askheadings import names_a_subject, written_as_question
from qabook.importer.elements import Element
from qabook.importer.labels import Labels
from qabook.importer.shapes import asks, placeholder_text
from qabook.importer.strays import heading_title, next_heading, states_problem
from qabook.importer.template import has_answer_mark, leads_in, names_collection, names_group, says_something, section_title


#: The share of the document's lines the heading questions must hold before the levels above theirs
#: are read for more (a few `###` points inside long answers say nothing of the document's levels).
MIN_COVERAGE = 0.25
#: The share of a level's headings (those that say something of their own) that must look like
#: questions for the level to carry questions: then the others at that level are entries too.
ASKING_LEVEL = 0.75


def _line(elements: list[Element], lines: list[str], k: int) -> int:
    return elements[k].start if k < len(elements) else len(lines)


def own_lines(elements: list[Element], lines: list[str], j: int,
              starts: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """The non-blank lines under heading j, up to the next heading of any level or question start."""
    nxt = next((k for k in range(j + 1, len(elements)) if elements[k].kind == "heading" or k in starts),
               len(elements))
    stop = elements[nxt].start if nxt < len(elements) else len(lines)
    return [line for line in lines[elements[j].start + 1:stop] if line.strip()]


def _not_a_question(title: str, labels: Labels) -> bool:
    """A section word, a label, a collection's or a group's name: the document's parts, not an entry."""
    return (not title or section_title(title) or bool(labels.heading(title)) or names_collection(title)
            or names_group(title))


def level_entries(elements: list[Element], lines: list[str], starts: list, ends: list[int],
                  labels: Labels) -> list[tuple[int, str, int]]:
    """(element index, title, level) of the headings above the questions' level that are questions
    too; `ends` are the element indices where the starts' units end."""
    heads = [(s, e) for s, e in zip(starts, ends) if s.strategy == "heading" and s.level]
    if len(heads) < 3 or len(heads) * 2 < len(starts):
        return []  # not a reading by headings: its headings are sections around other shapes
    held = sum(1 for s, e in heads for line in lines[elements[s.index].start:_line(elements, lines, e)]
               if line.strip())
    if held < MIN_COVERAGE * (sum(1 for line in lines if line.strip()) or 1):
        return []  # a few sub-headings inside the document's answers: not the levels its questions live at
    heads = [s for s, _ in heads]
    top = min(s.level for s in heads)
    at = sorted(s.index for s in starts)
    first_heading = next((k for k, el in enumerate(elements) if el.kind == "heading"), -1)
    counted = counted_through(starts)
    # (index, title, level, looks like a question) of the headings that say something of their own
    seen: list[tuple[int, str, int, bool]] = []
    for j, el in enumerate(elements):
        if el.kind != "heading" or el.level >= top or j in at or (j == first_heading and el.level == 1):
            continue
        title = heading_title(el)
        if not title or section_title(title) or labels.heading(title) or names_group(title):
            continue
        own = own_lines(elements, lines, j, set(at))
        if not says_something(own):
            continue  # a group heading right over its questions, or a heading over links only
        # answered under a label, or an answer still to write: an entry wherever it stands
        answered = has_answer_mark(own, labels) or bool(placeholder_text("\n".join(own)))
        section_end = next_heading(elements, j, el.level)
        if not answered and (names_collection(title) or j < at[0] and not any(j < i < section_end for i in at)):
            continue  # a collection's name ('## Still have questions?'), or the preamble (before the
            # first question, holding none)
        if counted and any(j < i < section_end and not numbered_under(elements[i].text.strip(), [el.text.strip()])
                           for i in at):
            continue  # a section of the questions' own numbering ('## 1.2 为什么…？' over '### 问题 3', '### 问题 4')
        # ('How to Use This Guide:' over its steps leads in to them: a guide's section, not a question)
        looks = answered or (asks(title) and names_a_subject(title) and not leads_in(title)) or states_problem(title)
        seen.append((j, title, el.level, bool(looks)))
    # a level whose headings ask as a rule carries questions: its topic-named ones are entries too
    # ('### 计算机网络体系结构' among '### 什么是三次握手？' and sixteen more that ask)
    by_level: dict[int, list[bool]] = {}
    for _, _, level, looks in seen:
        by_level.setdefault(level, []).append(looks)
    asking = {lv for lv, said in by_level.items() if len(said) >= 3 and sum(said) >= ASKING_LEVEL * len(said)}
    # a level numbered one by one under one prefix ('## 10.1' … '## 10.10'), two or more of whose headings
    # look like questions, one written as one: the author's numbering makes them one sequence of entries,
    # its topic-named ones too ('## 10.2 强化学习应用实例' between '## 10.1 …？' and '## 10.3 …的区别')
    asking |= {lv for lv in by_level if numbered_sequence([(title, looks) for _, title, level, looks in seen
                                                           if level == lv])}
    return [(j, title, level) for j, title, level, looks in seen if looks or level in asking]


def counted_through(starts: list) -> bool:
    """The reading's questions carry a numbering of their own, one by one through the document or
    anew from 1 ('### 问题 1' … '### 问题 6'; three at least): the headings above that hold them are
    sections of a book or a bank, whatever their titles say ('## 1.2 为什么需要多道程序设计？' over
    '### 问题 3'), not questions. (A question's own parts are numbered under it, '10.1.1' under '10.1':
    `level_entries` does not count those as the questions' numbering.)"""
    numbers = [s.number for s in starts]
    if len(numbers) < 3 or any(n is None for n in numbers) or any(s.strategy != "heading" for s in starts):
        return False
    return numbers[0] == 1 and all(b == a + 1 or b == 1 for a, b in zip(numbers, numbers[1:]))


#: A heading's dotted number: '10.3' of '10.3 强化学习和监督式学习的区别', '10.3.1' of its subsection.
DOTTED_RE = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?(?=\s)")


def numbered_sequence(headings: list[tuple[str, bool]]) -> bool:
    """The (title, looks like a question) headings of one level are numbered one by one under one
    prefix ('10.1' … '10.10', three at least), two at least look like questions and one is written as one."""
    numbers = [DOTTED_RE.match(title) for title, _ in headings]
    if len(headings) < 3 or not all(numbers):
        return False
    parts = [m.group(1).rsplit(".", 1) for m in numbers if m]
    if len({prefix for prefix, _ in parts}) != 1 or any(int(b[1]) != int(a[1]) + 1 for a, b in zip(parts, parts[1:])):
        return False
    return sum(looks for _, looks in headings) >= 2 and any(written_as_question(t) for t, looks in headings if looks)


def numbered_under(title: str, parents: list[str]) -> bool:
    """The heading's dotted number extends one of the parents' ('10.1.1 定义' under '10.1 …？'): a part of it."""
    m = DOTTED_RE.match(title)
    return bool(m) and any((p := DOTTED_RE.match(parent)) and m.group(1).startswith(p.group(1) + ".") for parent in parents)


def left_asking(elements: list[Element], lines: list[str], taken: list[tuple[int, int]],
                labels: Labels) -> list[int]:
    """Element indices of the headings written as questions (`?`, `？`, a closing `吗`) that say
    something under them, yet lie in no question's span (`taken`: start and end element indices):
    left on the chapter page. The document's title and collections' names are not counted."""
    first_heading = next((k for k, el in enumerate(elements) if el.kind == "heading"), -1)
    out = []
    for j, el in enumerate(elements):
        if el.kind != "heading" or (j == first_heading and el.level == 1) or any(s <= j < e for s, e in taken):
            continue
        title = heading_title(el)
        if _not_a_question(title, labels) or not (written_as_question(title) and names_a_subject(title)):
            continue
        if says_something(own_lines(elements, lines, j, {s for s, _ in taken})):
            out.append(j)
    return out
