"""Entries written at another level than the rest, or without the rest's label: still questions.

A person reads where an FAQ's questions live from the document itself: most entries are `## Q：…`
headings, but two near the end are plain `##` headings that state a problem and answer it; most are
`###` under `##` groups, but one group (`## OTG issues on Windows`) has no `###` and is answered
directly; one entry (`#### class redefinition failed: …`) sits one level down, after the answer of
the `###` entry above it. Such a heading is a question too when

- it asks or states a problem (`shapes.asks`, `states_problem`) and is no section title (one level
  above the questions: it states a problem, or it asks between the groups — a group heading that asks
  after the last question is an outro, '## Still have questions?');
- it says something of its own (words, not only links) before the next heading of its level;
- at the questions' level or one above: it lies outside every question's unit (the reading left it
  to the chapter page), after the first question — or before it, at the questions' level, in a
  group section that holds questions further on (`## Cloud` over `### What is S3?` and then numbered
  `#### 1. …` cards: not the preamble) — and holds no question under it; in a reading at several
  levels (a deck whose sections write their cards at different depths), at one of its levels;
- one level below: it is the only heading of that level in a question's unit, and the question
  above it has said something before it (it is no part of that answer's outline); or it is written
  as a question under a question titled as a topic that does not ask ('## 与选项式 API 的关系' over
  '### 取舍' then '### 选项式 API 会被废弃吗？'), after that topic has said something, in a reading
  some of whose entries ask.

Each one joins with a QI030 warning at its line (`plan.py`), so the author sees where the importer chose.
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element
from qabook.importer.labels import Labels
from qabook.importer.askheadings import written_as_question
from qabook.importer.template import leads_in
from qabook.importer.shapes import asks, tells_a_rule, unbold

#: A title that states a problem: a failure, something that does not work ('…的问题' at its end; not a topic
#: such as '异常处理', 'Error handling', '超时/重传机制', '问题排查技巧').
_PROBLEM_RE = re.compile(
    r"问题[？?。]?$|错误|报错|失败|无法|不能|不支持|不生效|不显示|不工作|乱码|卡住|崩溃|"
    r"\b(?:issues?|fail(?:s|ed|ure|ing)?|crash(?:es|ed)?|cannot|can't|can not|"
    r"doesn't|does not|don't|do not|won't|not (?:work|found|detected|responding|loaded|shown)|unable|broken|"
    r"refused|denied|timeout|timed out)\b",
    re.I,
)
_LINKS_ONLY_RE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[^\]]*\]\([^)]*\)|\[[^\]]*\]:\s*\S+|<[^<>]*>|\W)*\s*$")


def states_problem(title: str) -> bool:
    """The title names a problem to solve, and what has it ('ip 地址获取错误的问题', 'OTG issues on
    Windows'); not a section over problems ('高频问题', 'Known issues': the word and one qualifier)."""
    text = re.sub(r"`[^`]*`", " code ", title)
    if tells_a_rule(text):
        return False  # 'Do not expect updates on patch day': a notice to the reader, no problem of theirs
    m = _PROBLEM_RE.search(text)
    if not m:
        return False
    rest = text[:m.start()] + " " + text[m.end():]
    return len(re.findall(r"[A-Za-z0-9_]+", rest)) + len(re.findall(r"[\u4e00-\u9fff]", rest)) / 2 >= 2


def _says(lines: list[str], start: int, stop: int) -> bool:
    return any(line.strip() and not _LINKS_ONLY_RE.match(line) for line in lines[start:stop])


def heading_title(el: Element) -> str:
    """A heading's words on one line, without its bold marks (one reading for `levels.py` and this module)."""
    return " ".join(unbold(el.text.strip()).split())


def next_heading(elements: list[Element], j: int, level: int) -> int:
    """The element index of the next heading at `level` or above after heading j (its section's end)."""
    return next((k for k in range(j + 1, len(elements)) if elements[k].kind == "heading"
                 and elements[k].level <= level), len(elements))


def _in_group(elements: list[Element], j: int, at: set[int]) -> bool:
    """Heading j, before the first question, sits in a group of them: the section over it
    ('## Cloud' over '### Amazon Web Services' and '### What is S3?', then '#### 1. …' cards) is no
    document's title and holds some of the reading's questions further on — not the preamble."""
    over = next((k for k in range(j - 1, -1, -1) if elements[k].kind == "heading"
                 and elements[k].level < elements[j].level), None)
    if over is None:
        return False
    heads = [el.level for el in elements if el.kind == "heading"]
    first = next(k for k, el in enumerate(elements) if el.kind == "heading")
    if over == first or elements[over].level == min(heads) and heads.count(elements[over].level) == 1:
        return False  # the document's title: what stands under it before the questions is its preamble
    stop = next_heading(elements, over, elements[over].level)
    return any(j < i < stop for i in at)


def stray_entries(elements: list[Element], lines: list[str], starts: list, ends: list[int], labels: Labels,
                  section_title) -> list[tuple[int, str, int]]:
    """(element index, title, level) of the headings that are questions beside the reading's starts."""
    heads = [s for s in starts if s.strategy == "heading" and s.level]
    # the headings are the reading (a second group in another shape may stand beside them:
    # quoted '> **Q:**' pairs after the '## Q:' entries)
    if len(heads) < 3 or len(heads) * 2 <= len(starts):
        return []
    levels = {s.level for s in heads}
    one = len(levels) == 1  # (a reading at several levels, a deck whose sections write their cards at
    level = heads[0].level  # different depths: only its own levels, not the ones next to them)
    near = {level - 1, level, level + 1} if one else levels
    at = {s.index for s in starts}
    covered = [(s.index, e) for s, e in zip(starts, ends)]
    out = []
    for j, el in enumerate(elements):
        if el.kind != "heading" or j in at or el.level not in near:
            continue
        if j < starts[0].index and not (el.level in levels and _in_group(elements, j, at)):
            continue
        title = heading_title(el)
        if not title or section_title(title) or labels.heading(title) \
                or not ((asks(title) and not leads_in(title)) or states_problem(title)):
            continue  # ('How to Use This Guide:' leads in to its steps: a guide's section, `template.leads_in`)
        if one and el.level == level - 1 and not states_problem(title) and not any(i > j for i in at):
            continue  # a group heading that asks after the last question is the page's outro ('## Still have
            # questions?'), not an entry; between the groups, answered directly, it is one ('## 14.5 如何改善 GAN 的性能')
        stop = next_heading(elements, j, el.level)
        end_line = elements[stop].start if stop < len(elements) else len(lines)
        if not _says(lines, el.start + 1, end_line):
            continue
        inside = next(((s, e) for s, e in covered if s < j < e), None)
        if one and el.level == level + 1:
            if inside is None:
                continue
            s, e = inside
            deeper = [k for k in range(s + 1, e) if elements[k].kind == "heading" and elements[k].level == level + 1]
            if not _says(lines, elements[s].start + 1, el.start):
                continue
            if deeper != [j] and (asks(heading_title(elements[s])) or not written_as_question(title)
                                  or not any(asks(h.title) for h in heads)):
                continue  # the answer's own outline ('### 更好的逻辑复用' under '## 为什么要有组合式 API？'); under a
                # topic that does not ask ('## 与选项式 API 的关系'), in a reading whose other entries ask, a
                # sub-heading written as a question is one (a lesson's sections asking nothing keep theirs)

        else:
            if inside is not None or any(j < i < stop for i in at):
                continue
        out.append((j, title, el.level))
    return out
