"""Study notes with a few question headings among their sections: a network course's notes whose
`### TCP 报文的结构是什么？` sits among `## 分层` and `## DNS`, a tutorial ending in three
`### …吗` questions, a list of questions left open at the end for later.

When no template is question-like over the whole document (most headings are sections, so the
heading templates read as an article's, `Candidate.prose`), the headings of one level that ask
are its questions when at least one of them is *written* as a question (`?`, `？`, a closing `吗`
or `呢`, `是 A 还是 B`) and they own content — an answer under them; or they stand in a run of empty headings
most of which ask (questions the author listed to answer later, each one of them). At least two
are needed: one asking heading in a tutorial (`## 为什么要用 nginx?`) is its rhetoric, and
headings that only open with a question word (`### 为什么要开发插件`, `### 有哪些能力`) are a
talk's outline. Nor is a heading whose question does not name what it asks about (`## So What Is
It?`, `## What's the point?`, `## Why does it matter?`: only question words, pronouns and fillers):
it asks about the page itself, the writer's rhetoric. Nor are question headings among a project's
sections, as many of those as of them (`## What is Viper?` beside `## Install`, `## Configuration`,
`## Credits`): a README introducing its project. The rest of the document goes to the chapter page.
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element
from qabook.importer.shapes import Shape, question_mark
from qabook.importer.template import Candidate, names_collection, section_title, says_something
from qabook.vocabulary import PROJECT_SECTION_WORDS

#: A Chinese question written as one without a question mark: its closing particle, or the
#: alternative question '是 A 还是 B' ('是共用一个连接还是每个请求一个').
_WRITTEN_RE = re.compile(r"[吗呢]\s*$|是[^，。,.；;]{0,30}还是")
MIN_QUESTIONS = 2


#: Words that name nothing a question could be about: question words, auxiliaries, pronouns, fillers.
_EMPTY_WORDS = frozenset("so what whats why how when where which who whom is are was were does do did can could should "
                         "would will it its this that these those they them the a an about all then now next point "
                         "matter deal mean for me us you we i of to be exactly really anyway here there s".split())


#: A Chinese heading that asks only whether the reader has (other) questions: a page's outro ('还有其他问题？').
_MORE_QUESTIONS_RE = re.compile(r"^(?:还|仍然?)?(?:有|存在)?(?:其他|其它|别的|更多|任何)?的?(?:问题|疑问)(?:吗|呢)?\s*[？?]?$")


_PROJECT_SECTION_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(PROJECT_SECTION_WORDS, key=len, reverse=True))
                                 + r")$", re.I)


def project_sections(titles: list[str]) -> int:
    """How many of the titles only name a section of a project's README or manual ('Install',
    '🔧 Configuration', '## 安装')."""
    plain = [" ".join(re.sub(r"\{[#.][^{}]*\}|[*_`#]|[^\w\s'&-]", " ", t).split()) for t in titles]
    return sum(1 for t in plain if _PROJECT_SECTION_RE.match(t))


def names_a_subject(title: str) -> bool:
    """The question names what it asks about ('What is scope?'), unlike 'So what is it?' or "What's
    the point?" (pronouns and fillers only: the page's own rhetoric). A title with CJK is taken as
    naming one, unless it only asks whether the reader has more questions ('还有其他问题？ {#…}':
    the page's outro, as '## Still have questions?' is)."""
    if re.search(r"[\u4e00-\u9fff]", title):
        return not _MORE_QUESTIONS_RE.match(re.sub(r"\{[#.][^{}]*\}|[*_`]", "", title).strip())
    words = [w.replace("'", "").replace("’", "") for w in re.findall(r"[A-Za-z'’]+", title.lower())]
    return any(w not in _EMPTY_WORDS for w in words)


def written_as_question(title: str) -> bool:
    return bool(question_mark(title) or _WRITTEN_RE.search(title))


def _asks(shape: Shape) -> bool:
    return shape.asking or written_as_question(shape.title)


def ask_headings(elements: list[Element], shapes: list[Shape], lines: list[str]) -> Candidate | None:
    """The asking headings of the level that has most of them, as one candidate, or None."""
    best: tuple[list[int], list[int]] | None = None
    for level in sorted({el.level for el in elements if el.kind == "heading"}):
        chosen, ends = _at_level(elements, shapes, lines, level)
        if len(chosen) >= MIN_QUESTIONS and (best is None or len(chosen) > len(best[0])):
            best = (chosen, ends)
    if best is None:
        return None
    chosen, ends = best
    total = sum(1 for line in lines if line.strip()) or 1
    held = sum((elements[e].start if e < len(elements) else len(lines)) - elements[j].start for j, e in zip(chosen, ends))
    level = elements[chosen[0]].level
    return Candidate.fixed((f"h{level}", "", "askheadings"), chosen, [shapes[j] for j in chosen], ends, True, 1.4,
                           coverage=min(1.0, held / total))


def _at_level(elements: list[Element], shapes: list[Shape], lines: list[str], level: int) -> tuple[list[int], list[int]]:
    heads = [i for i, el in enumerate(elements) if el.kind == "heading" and el.level == level
             and not shapes[i].numbering and not shapes[i].label_kind and not section_title(shapes[i].title)
             and not names_collection(shapes[i].title)]  # '## Still have questions?': an outro
    if not any(written_as_question(shapes[i].title) for i in heads):
        return [], []
    ends, filled = {}, {}
    for i in heads:
        ends[i] = next((j for j in range(i + 1, len(elements))
                        if elements[j].kind == "heading" and elements[j].level <= level), len(elements))
        stop = elements[ends[i]].start if ends[i] < len(elements) else len(lines)
        filled[i] = says_something([x for x in lines[elements[i].own_end:stop] if x.strip()])
    chosen = {i for i in heads if _asks(shapes[i]) and filled[i] and names_a_subject(shapes[i].title)}
    run: list[int] = []
    for i in heads + [None]:  # runs of empty headings one right after the other
        if i is not None and not filled[i] and (not run or ends[run[-1]] == i):
            run.append(i)
            continue
        if len(run) >= MIN_QUESTIONS and sum(_asks(shapes[j]) for j in run) * 2 > len(run):
            chosen.update(run)
        run = [i] if i is not None and not filled[i] else []
    if not any(written_as_question(shapes[i].title) for i in chosen):
        return [], []
    if project_sections([shapes[i].title for i in heads if i not in chosen]) >= max(len(chosen), MIN_QUESTIONS):
        return [], []  # a README: its project's sections, a question heading or two introducing it
    order = sorted(chosen)
    return order, [ends[i] for i in order]
