"""A document that is one question: a problem page, one interview question and its answer.

When no shape repeats like a question, the document may still be a single question from its
first heading to its end (a solution page `# 27. 移除元素`, `# 如何…？` with `## 题目描述` and
`## 解题思路`, `### What is a callback?` with `#### Answer`). It is read so when a person would
see it at a glance:

- exactly one question part is labelled in it (`## 题目描述`, `## 面试题`, `**Question:**`), after
  the first heading; or
- the first heading asks, is numbered or opens with a word and a colon (`面试官：…？`), and an
  answer is labelled after it (an answer label, a `<details>` that hides it, an answer
  admonition); or
- the first heading is the document's only top-level heading and is numbered (`# 27. …`), or
  opens with a word and a colon and asks with its mark (`# 面试官：说说…？`; not a column's word
  over a rhetorical title, `# 杂谈：我们为什么需要读书学习`), or asks with a question mark over sections none of which does (`# 为什么Java不支持多继承？` over
  `## 速记`, `### 菱形继承问题`: the sections are its answer, as `asked_by_its_title` reads them);

and that unit holds most of the document (what comes before it — a banner, navigation links —
goes to the chapter page). Nothing repeats, so nothing here is a template: it is the fallback
when no template is question-like.

A document may also be one question that a person sees at a glance without any label
(`one_asked`, tried last of these): a single flash card or FAQ entry in a file of its own —

- its only heading asks with a question mark and holds the document (`## 执行…怎么办？` over a
  command and `解决办法：`);
- its first block asks with a question mark and an answer mark follows it straight away (a card's
  front, a lone `?` divider line, its back);
- its title states a topic and the paragraph right under it asks with a question mark, an answer
  following under a label or a heading that opens with an answer word (`# Coordinate a saga`,
  `How should …?`, `## Answer guide`).
- (`front_titled`) it has no heading, and its front matter's `title:` asks with a question mark:
  the body answers it (an FAQ entry of a docs site, `title: "Why do some keys …?"`).

One more reading overrides a template (`asked_by_its_title`): the document's only top-level
heading asks with a question mark (`# 面试官：说说new操作符具体干了什么？`) and the template's
starts are a few sections under it, none of which asks with one (`## 一、是什么`, `## 二、流程`):
the sections are the parts of that one question's answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qabook.importer.elements import Element
from qabook.importer.labels import Labels
from qabook.importer.readview import front_matter_end, front_title
from qabook.importer.shapes import Shape, asks, question_mark
from qabook.importer.template import Candidate, has_answer_mark

_SAID_RE = re.compile(r"^[^\s:：]{1,6}\s*[:：]\s*\S")  # 'Interviewer: …', '面试官：…'


def whole_document(elements: list[Element], shapes: list[Shape], lines: list[str], labels: Labels) -> Candidate | None:
    """The document as one question started by its first heading, or None."""
    heads = [i for i, el in enumerate(elements) if el.kind == "heading"]
    if not heads:
        return None
    start = heads[0]
    el = elements[start]
    shape = shapes[start]
    if shape.label_kind:  # '## 题目描述' first: the question part, with nothing to title it
        return None
    body = lines[el.own_end:]
    text_lines = [k for k, line in enumerate(lines) if line.strip()]
    held = sum(1 for k in text_lines if k >= el.start)
    if not text_lines or held < 0.7 * len(text_lines):
        return None
    # (a heading over an outline of links to other pages, '## 📔 面试题', names them: no question part, `furniture.py`)
    question_parts = [i for i in range(start + 1, len(elements))
                      if not shapes[i].toc and _labels_question(elements[i], lines, labels)]
    top = min(elements[i].level for i in heads)
    alone = sum(1 for i in heads if elements[i].level == top) == 1 and el.level == top
    said = bool(_SAID_RE.match(shape.title)) or bool(shape.numbering)
    how = ""
    if len(question_parts) == 1:
        how = "one labelled question part"
    elif not question_parts and (shape.asking or said) and has_answer_mark(body, labels):
        how = "the first heading and an answer label after it"
    elif not question_parts and alone and (shape.numbering or (question_mark(shape.title) and shape.asking
                                                               and _SAID_RE.match(shape.title))):
        how = "the document's only top-level heading"
    elif not question_parts and alone and question_mark(shape.title) and len(heads) > 1 and not any(
            question_mark(shapes[i].title) for i in heads[1:]):
        how = "the document's only top-level heading asks; the sections under it do not: they answer it"
    if not how:
        return None
    cand = _one_question(start, shape, len(elements), held / len(text_lines), labelled=1.0)
    cand.why = how
    return cand


#: How many sections under an asking title still make one answer.
MAX_SECTIONS = 8


def asked_by_its_title(elements: list[Element], shapes: list[Shape], winner: Candidate,
                       lines: list[str]) -> Candidate | None:
    """The document as one question when its only top-level heading asks and the winning
    template is a few sections under it that do not ask with a question mark; else None."""
    heads = [i for i, el in enumerate(elements) if el.kind == "heading"]
    if not heads or not winner.key[0].startswith("h") or not 1 < len(winner.indices) <= MAX_SECTIONS:
        return None
    start = heads[0]
    el, shape = elements[start], shapes[start]
    top = min(elements[i].level for i in heads)
    if el.level != top or sum(1 for i in heads if elements[i].level == top) != 1 or shape.label_kind:
        return None
    if not question_mark(shape.title) or start in winner.indices:
        return None
    if any(i < start or elements[i].level <= el.level or question_mark(shapes[i].title) for i in winner.indices):
        return None
    text_lines = [k for k, line in enumerate(lines) if line.strip()]
    held = sum(1 for k in text_lines if k >= el.start)
    if not text_lines or held < 0.7 * len(text_lines):
        return None
    cand = _one_question(start, shape, len(elements), held / len(text_lines), labelled=0.0)
    cand.why = (f"the document's only top-level heading asks; the {len(winner.indices)} sections under it "
                "do not: they answer it")
    return cand


def one_asked(elements: list[Element], shapes: list[Shape], lines: list[str], labels: Labels) -> Candidate | None:
    """The document as one question it asks with a question mark at its start (see the module), or None."""
    body = [i for i, el in enumerate(elements) if el.kind not in ("html", "hr", "blank")]
    if len(body) < 2:
        return None
    heads = [i for i in body if elements[i].kind == "heading"]
    first = body[0]
    el, shape = elements[first], shapes[first]
    text_lines = [k for k, line in enumerate(lines) if line.strip() and k >= front_matter_end(lines)]
    held = sum(1 for k in text_lines if k >= el.start)
    if not text_lines or held < 0.7 * len(text_lines) or shape.label_kind:
        return None
    asked = lambda i: bool(question_mark(shapes[i].title)) and shapes[i].asking  # noqa: E731
    how = ""
    if heads == [first] and asked(first):
        how = "the document's only heading asks, and the text under it answers it"
    elif el.kind == "paragraph" and not heads[:1] == [first] and asked(first) and _answers(elements[body[1]], lines, labels):
        how = "its first block asks, and an answer mark follows it (a single card)"
    elif heads[:1] == [first] and sum(1 for i in heads if elements[i].level <= el.level) == 1 \
            and elements[body[1]].kind == "paragraph" and asked(body[1]) \
            and (has_answer_mark(lines[elements[body[1]].end:], labels)
                 or any(_opens_with_answer(elements[i].text, labels) for i in heads[1:])):
        how = "its title, the question under it, and an answer labelled after it"
    if not how:
        return None
    if how.startswith("its title"):  # the question is the paragraph that asks; the title goes to the chapter page
        first, shape = body[1], shapes[body[1]]
        held = sum(1 for k in text_lines if k >= elements[first].start)
    cand = _one_question(first, shape, len(elements), held / len(text_lines), labelled=1.0)
    cand.why = how
    return cand


def front_titled(elements: list[Element], shapes: list[Shape], lines: list[str]) -> tuple[Candidate, list[Element]] | None:
    """A file whose question is only its front matter's `title:`, asking with a question mark, and
    whose body, with no heading, answers it (an FAQ entry of a docs site): one question, its title
    the front matter's, the front matter kept on the chapter page. The candidate and the elements
    with the (empty) start inserted after the front matter; None otherwise."""
    end = front_matter_end(lines)
    title = front_title(lines) if end else ""
    if not title or not question_mark(title) or not asks(title) or not elements \
            or elements[0].kind != "html" or any(el.kind == "heading" for el in elements):
        return None
    if not any(el.kind not in ("html", "hr") and el.start >= end for el in elements):
        return None
    at = next(i for i, el in enumerate(elements) if el.start >= end)
    out = elements[:at] + [Element("other", end, end, "", 0, end)] + elements[at:]
    shape = replace(shapes[0], box="p", title=title, asking=True, label_kind="")
    cand = _one_question(at, shape, len(out), 1.0, labelled=1.0)
    cand.why = "its front matter's title asks, and the text after it answers it"
    return cand, out


def _answers(el: Element, lines: list[str], labels: Labels) -> bool:
    """The element is an answer label's line (a learned divider such as a lone `?`, or `Answer:`)."""
    if el.kind != "paragraph":
        return False
    said = labels.paragraph(lines[el.start])
    return bool(said and said.kind == "answer")


def _opens_with_answer(text: str, labels: Labels) -> bool:
    """A short heading whose first word is an answer label: `Answer guide`, `答案要点`."""
    words = text.split()
    if not words or len(words) > 3:
        return False
    said = labels.heading(words[0])
    return bool(said and said.kind == "answer")


def _labels_question(el: Element, lines: list[str], labels: Labels) -> bool:
    if el.kind == "heading":
        said = labels.heading(el.text)
    elif el.kind == "paragraph":
        said = labels.paragraph(lines[el.start])
    else:
        return False
    return bool(said and said.kind == "question")


def _one_question(start: int, shape: Shape, end: int, coverage: float, labelled: float) -> Candidate:
    """The whole document from element `start` to `end` as one answered question."""
    return Candidate.fixed(("doc", "", "plain"), [start], [shape], [end], True, 1.0, labelled=labelled,
                           coverage=coverage)
