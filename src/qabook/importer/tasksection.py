"""A numbered run of headings under a section that names them as exercises: '## Tasks' over
'### 0. Responsive device (mandatory)', '### 1. …'; '## 习题' over '### 1. …'.

A course project's README lists what the student is to do as numbered headings one by one under
one section; few of them ask ('Change the background color'), yet each is an exercise, as the
section's title says. Read only for headings: all the run's starts sit in that one section (no
heading of its level or above between them), and the nearest such heading over the first start
names exercises, tasks or questions. `template.Candidate.accepted` takes such a run when it is
numbered one by one, each start has a body, and at least one is written as a question — a
project plan's '## Tasks' never asks — or the section names a kind of question ('## 4. 编程题' over
'### 4.1 定义和输出变量', each a '要求：' and its code): a programming problem need not ask.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from qabook.importer.elements import Element

#: A section title that names what the headings under it are: exercises or tasks to do.
_TASKS_RE = re.compile(r"\b(?:tasks?|exercises?|assignments?|problems?|questions?|quiz(?:zes)?|practice)\b|"
                       r"习题|练习|作业|任务|题目|试题|思考题|问题", re.I)


def task_section(elements: list[Element], indices: list[int], kind: Callable[[str], bool] | None = None) -> str:
    """The title of the section every start in `indices` (headings of one level) sits in, when it
    names exercises or tasks (or, by `kind`, a kind of question: '## 4. 编程题'); '' otherwise (not
    headings, no section over them, or one closes between them)."""
    if not indices or any(elements[i].kind != "heading" for i in indices):
        return ""
    level = elements[indices[0]].level
    over = next((j for j in range(indices[0] - 1, -1, -1)
                 if elements[j].kind == "heading" and elements[j].level < level), None)
    if over is None:
        return ""
    top = elements[over].level
    if any(el.kind == "heading" and el.level <= top for el in elements[over + 1:indices[-1]]):
        return ""
    title = elements[over].text
    return title if _TASKS_RE.search(title) or (kind is not None and kind(title)) else ""
