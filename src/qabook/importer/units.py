"""Sort the lines of one question (a unit) into its question, answer and explanation.

Labels switch the part (题目 → question, 答案 → answer, 解析 → explanation); `<details>`
wrappers become the answer's collapsible block; text before any label is the answer when the
document uses no labels at all. Every source line lands in exactly one `OutLine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qabook.importer.detect import Start
from qabook.importer.elements import Element
from qabook.importer.labels import DEFAULT, Label, Labels, names_kind
from qabook.importer.elements import dedented
from qabook.vocabulary import GENERIC_TITLE_WORDS
from qabook.importer.shapes import (ADMONITION_RE, FENCE_RE, asks, numbering, numbering_only, part_name, placeholder_text,
                                   unfenced)
from qabook.importer.marked import (BOX_CHECKED_RE, BOX_RE, CHECKED_RE, CHOICE_LIST_MARK, CHOICE_SEP, EXACT_ANSWER_RE,
                                    TASK_RE, blank_stem, filled_blanks, marked, odd_bullet, split_choices, stem_mark,
                                    ticked, unbold_choice, underline_blank, unticked)
from qabook.importer.tables import row_parts

DETAILS_OPEN_RE = re.compile(
    r"^\s*<details[^<>]*>\s*(?P<summary><summary[^<>]*>(?P<text>.{0,500}?)</summary>)?\s*$", re.I)
SUMMARY_RE = re.compile(r"^\s*<summary[^<>]*>(?P<text>.*)</summary>\s*$", re.I)
DETAILS_CLOSE_RE = re.compile(r"^\s*</details>\s*$", re.I)
PARTS = ("question", "answer", "explanation")


@dataclass
class OutLine:
    """A line of an output page and the 1-based source lines it carries (none when derived)."""

    text: str
    src: tuple[int, ...] = ()


@dataclass
class Unit:
    start: Start
    line: int  # 1-based source line where the question starts
    title: str = ""
    title_src: tuple[int, ...] = ()
    front_line: int = 0  # the front matter's `title:` line the title is read from (that line stays on the chapter page)
    heading_text: str = ""  # the source heading or bold line, as written
    group: str | None = None
    tags: list[str] = field(default_factory=list)  # the page's tags besides its group ('#card' on a card's line)
    parts: dict[str, list[OutLine]] = field(default_factory=lambda: {k: [] for k in PARTS})
    opens: dict[str, list[int]] = field(default_factory=lambda: {k: [] for k in PARTS})
    closes: list[int] = field(default_factory=list)
    block_titles: dict[str, str] = field(default_factory=dict)  # e.g. <summary>查看答案</summary>
    labelled: set[str] = field(default_factory=set)
    merged_line: int = 0
    question_offset: int = 0  # question lines before this came from before the 题目 label
    tail: list[OutLine] = field(default_factory=list)  # a closing '---' separator
    orphan: list[OutLine] = field(default_factory=list)  # content after it: belongs to no question
    orphan_line: int = 0
    how: dict[str, str] = field(default_factory=dict)  # how each part was recognised (for --explain)
    overlaps: list[int] = field(default_factory=list)  # lines of a question label found inside the answer

    def has(self, part: str) -> bool:
        return any(o.text.strip() for o in self.parts[part])

    def placeholder(self, part: str) -> str | None:
        """The part's text when it is only a placeholder ('TODO', '待补充', '（在此填写）', 'xxx')."""
        text = "\n".join(o.text for o in self.parts[part] if not FENCE_RE.match(o.text))
        return placeholder_text(re.sub(r"<!--.*?(-->|$)", "", text, flags=re.S))

    def shows(self, part: str) -> bool:
        """The part has text a reader sees (not only HTML comments)."""
        text = "\n".join(o.text for o in self.parts[part])
        return bool(re.sub(r"<!--.*?(-->|$)", "", text, flags=re.S).strip())


def _lines(lines: list[str], el: Element, skip: int = 0) -> list[OutLine]:
    return [OutLine(lines[i], (i + 1,)) for i in range(el.start + skip, el.end)]


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]{0,500})\]\([^)]{0,500}\)", r"\1", text)
    return re.sub(r"\s+", " ", text.replace("**", "").replace("`", "")).strip()


def full_title(text: str) -> str:
    """A question's title as written: its inline Markdown kept (`` `*args` ``, `**kwargs`), HTML
    tags and link targets left out, on one line, never cut (the page's slug is what stays short)."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(?<!!)\[([^\]]{0,500})\]\([^)]{0,500}\)", r"\1", text)
    text = re.sub(r"^(\*\*|__)(.+?)\1\s*$", r"\2", " ".join(text.split()))  # a line bold as a whole
    return text.strip()


#: A card's metadata line, YAML-like: 'difficulty: Hard', 'tags: caching, hld'.
_META_LINE_RE = re.compile(r"^[A-Za-z_][\w-]{0,30}\s*:\s+\S")


def statement_line(texts: list[str]) -> str:
    """The first line of a question part that states the question: past the metadata lines a card
    may open with ('difficulty: Hard', 'tags: …') when a line that is not one follows them."""
    texts = [t for t in texts if t.strip() and not FENCE_RE.match(t)]
    k = 0
    while k < len(texts) and _META_LINE_RE.match(texts[k].strip()) and not asks(texts[k]):
        k += 1
    return texts[k] if k < len(texts) else (texts[0] if texts else "")


def short_title(text: str, limit: int = 40) -> str:
    plain = _plain(text)
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


class _Sorter:
    def __init__(self, unit: Unit, lines: list[str], labels: Labels, details_answers: bool):
        self.unit, self.lines = unit, lines
        self.labels, self.details_answers = labels, details_answers
        self.state = "pre"
        self.pre: list[OutLine] = []
        self.pending: list[int] = []  # <details> lines waiting for the block they open
        self.glued: list[OutLine] = []  # lines glued under a whole-line question label
        self.adm_question = False  # a '!!! question' admonition's body is being read
        self.part_level = 0  # the level of the heading label that opened the current part ('## 题目描述')
        self.whole = False  # a whole-line question label ('**问题1：…？**') is open: what follows is its answer
        self.choices: set[int] = set()  # paragraphs whose 'A:' opens a run of choices, not the answer (`choice_runs`)

    def add(self, out: list[OutLine]) -> None:
        if self.whole and self.state == "question":
            self.glued.extend(out)  # the answer, unless an answer label comes later
            return
        (self.pre if self.state == "pre" else self.unit.parts[self.state]).extend(out)

    def label(self, label: Label, src: int) -> bool:
        """Switch part on a label; False when the label is only text here (keep it as content)."""
        u, kind = self.unit, label.kind
        if kind == "question" and self.state != "pre":
            if self.state in ("answer", "explanation") and label.rest and asks(label.rest):
                u.overlaps.append(src)  # a second question inside this one's answer
            return False
        if kind in u.labelled and not (kind == "answer" and self.state == "answer" and not u.has("answer")):
            return False
        if kind == "explanation" and self.state == "pre" and not u.labelled:
            if not any(o.text.strip() for o in self.pre) or not re.search(r"\w", u.title):
                return False  # a lone 解析 before any answer: keep; it is reported as a missing answer
            # unlabelled text under a titled question, then a 解析 label: that text was the answer
            u.parts["answer"][:0] = self.pre
            first = next((o.src[0] for o in self.pre if o.src), u.line)
            u.how.setdefault("answer", f"unlabelled text from line {first}, before the explanation label")
            self.pre = []
            u.labelled.add("answer")
        u.labelled.add(kind)
        u.how.setdefault(kind, f"label '{label.word}' at line {src}")
        if self.labels.is_learned(label.word):  # the document's own word titles the block, as written
            written = re.search(rf"{re.escape(label.word)}\s*[:：]?", self.lines[src - 1]) if src else None
            u.block_titles.setdefault(kind, written.group().strip() if written else label.word)
        if label.merged:
            u.merged_line = src
        self.state = kind
        u.opens[kind].extend(self.pending)
        self.pending = []
        if label.rest:  # "**答案：** text": the line is content; a lone label line becomes the fence
            u.parts[kind].append(OutLine(label.rest, (src,)))
        else:
            u.opens[kind].append(src)
        return True

    def element(self, el: Element) -> None:
        lines = self.lines
        if el.kind == "adm_end":  # after a '!!! question' body, the text is its answer
            if self.state == "question" and self.adm_question and "answer" not in self.unit.labelled:
                self.state = "answer"
                self.unit.labelled.add("answer")
                self.unit.how.setdefault("answer", f"text after the question admonition, from line {el.start + 1}")
            self.adm_question = False
            return
        if el.kind == "heading":
            label = self.labels.heading(el.text)
            if label and self.label(label, el.lineno):
                self.part_level = el.level
                self.unit.opens[self.state].extend(list(el.own_lines)[1:])  # a setext underline
                self.add(_lines(lines, el, el.own_end - el.start))
                return
            if label is None and self.state == "question" and self.part_level and el.level <= self.part_level \
                    and "answer" not in self.unit.labelled:
                # '## 题目描述' … then '## 解题思路': the next section at its level is the answer (by position)
                title = " ".join(el.text.split())
                self.label(Label("answer", title, ""), el.lineno)
                self.unit.how["answer"] = f"the section after the question part, '{short_title(title, 30)}' at line {el.lineno}"
                self.unit.block_titles["answer"] = title
                self.part_level = el.level
                self.unit.opens["answer"].extend(list(el.own_lines)[1:])
                self.add(_lines(lines, el, el.own_end - el.start))
                return
            skip = el.own_end - el.start
            self.add([OutLine(f"**{' '.join(el.text.split())}**", tuple(el.own_lines))] + _lines(lines, el, skip))
        elif el.kind == "paragraph":
            label = self.labels.paragraph(lines[el.start])
            if label and el.start in self.choices:
                label = None  # 'A: obj.a' then 'B: obj()a': a choice, as the next letter's line shows
            if label is None and (label := admonition_label(lines[el.start], self.labels)):
                titled = ADMONITION_RE.match(lines[el.start].strip())
                if titled and label.word != titled["type"] and not self.labels.heading(label.word) \
                        and label.kind not in self.unit.labelled:
                    self.unit.block_titles[label.kind] = label.word  # '??? tip "解题提示"': the block keeps its title
            if label and self.label(label, el.lineno):
                self.adm_question = label.kind == "question" and bool(ADMONITION_RE.match(lines[el.start].strip()))
                rest = _lines(lines, el, 1)
                if label.whole and label.kind == "question" and label.rest:
                    self.whole = True
                    self.glued.extend(rest)  # "**Q: …**⏎answer": the answer, unless a label says otherwise
                else:
                    self.add(rest)
                return
            self.add(_lines(lines, el))
        elif el.kind == "html" and lines[el.start].lstrip().startswith("<!--") \
                and (label := self.labels.paragraph(lines[el.start])):
            if self.label(label, el.lineno):  # '<!-- ANSWER -->': the comment is the part's fence
                self.add(_lines(lines, el, 1))
                return
            self.add(_lines(lines, el))
        elif el.kind == "html":
            for i in range(el.start, el.end):
                raw = lines[i]
                m = DETAILS_OPEN_RE.match(raw)
                if m and not m["summary"] and self.details_answers and self.state != "answer":
                    if not self.label(Label("answer", "<details>", ""), i + 1):
                        self.unit.closes.append(i + 1)  # the answer is already open: the fence goes with its end
                elif m and not m["summary"]:
                    self.pending.append(i + 1)
                elif (m and m["summary"]) or SUMMARY_RE.match(raw):
                    if self.details_answers and self.state == "answer" and not self.unit.has("answer"):
                        self.unit.opens["answer"].append(i + 1)  # <details> already opened it
                        ok = True
                    else:
                        ok = self.label(Label("answer", "<summary>", ""), i + 1)
                    if not ok:
                        self.add([OutLine(raw, (i + 1,))])
                    else:
                        text = _plain((m or SUMMARY_RE.match(raw))["text"])
                        said = self.labels.heading(text)
                        if text and not (said and said.kind == "answer" and not said.rest):  # not "Answer" again
                            self.unit.block_titles["answer"] = text
                elif DETAILS_CLOSE_RE.match(raw):
                    self.unit.closes.append(i + 1)
                else:
                    self.add([OutLine(raw, (i + 1,))])
        else:
            self.add(_lines(lines, el))

    def finish(self) -> None:
        u = self.unit
        if self.pending:  # a <details> that never got its summary: its fence goes with the block's end
            u.closes[:0] = self.pending
        if any(o.text.strip() for o in self.glued):
            if u.has("answer"):
                u.parts["question"].extend(self.glued)
            else:
                u.parts["answer"][:0] = self.glued
                u.how.setdefault("answer", f"text glued under the question line, from line {self.glued[0].src[0]}")
        if any(o.text.strip() for o in self.pre):
            target = "question" if u.labelled else "answer"  # no label at all: the text is the answer
            u.parts[target][:0] = self.pre
            first = next((o.src[0] for o in self.pre if o.src), u.line)
            u.how.setdefault(target, f"unlabelled text from line {first}")
            if target == "question":
                u.question_offset = len(self.pre)
        elif self.pre:
            u.parts["question"][:0] = self.pre


def _structure_follows(rest: list[Element], lines: list[str], labels: Labels, seen: set[str]) -> bool:
    """Whether the label of a part not seen yet comes after a '---' in a unit: then the break is
    inside the question (options separated by breaks), not the end of the unit."""
    for el in rest:
        label = labels.heading(el.text) if el.kind == "heading" else (
            labels.paragraph(lines[el.start]) if el.kind == "paragraph" else None)
        if label and label.kind != "question" and label.kind not in seen:
            return True
    return False


_ANSWER_ADMONITIONS = {"answer", "success", "solution", "check", "details", "答案", "解答", "参考答案"}
_HINT_ADMONITIONS = {"tip", "hint", "note", "info", "abstract", "explanation", "解析", "提示"}


def _open_admonitions(body: list[Element], lines: list[str]) -> list[Element]:
    """An answer admonition in a unit (`??? success "参考答案"` and its indented body): its first
    line becomes a label of its own, its body is dedented and read again as blocks."""
    out: list[Element] = []
    k = 0
    while k < len(body):
        el = body[k]
        m = ADMONITION_RE.match(lines[el.start].strip()) if el.kind == "paragraph" else None
        if not m or m["mark"].startswith(":"):
            out.append(el)
            k += 1
            continue
        stop = max(e.end for e in body) if body else el.end
        region = el.start + 1
        for j in range(el.start + 1, stop):
            if lines[j].strip() and not lines[j].startswith((" ", "\t")):
                break
            region = j + 1
        out.append(Element("paragraph", el.start, el.start + 1, lines[el.start].strip(), 0, el.start + 1))
        out.extend(dedented(lines, el.start + 1, region, 4))
        out.append(Element("adm_end", region, region, "", 0, region))  # where the admonition's body ends
        k += 1
        covered = el.end
        while k < len(body) and body[k].start < region:  # the blocks the indented body was read as
            covered = max(covered, body[k].end)
            k += 1
        if covered > region:  # lines after the body that those blocks held (a lazy line): read again
            stop = body[k].start if k < len(body) else covered
            out.extend(dedented(lines, region, stop, 0))
    return out


def admonition_label(line: str, labels: Labels) -> Label | None:
    """The part an admonition opens: `??? success "参考答案"` an answer, `!!! tip` an explanation."""
    m = ADMONITION_RE.match(line.strip())
    if not m:
        return None
    kind = m["type"].lower()
    title = (m["quoted"] if m["quoted"] is not None else m["title"]) or ""
    said = labels.heading(title) if title else None
    if said and said.kind != "question":
        return Label(said.kind, title, "", said.merged)
    if kind in ("question", "faq", "quiz", "q") and not title.strip():
        return Label("question", m["type"], "")  # '!!! question' whose body is the question
    if kind in _ANSWER_ADMONITIONS:
        return Label("answer", title.strip() or m["type"], "")
    if kind in _HINT_ADMONITIONS:
        return Label("explanation", title.strip() or m["type"], "")
    return None


def choice_runs(body: list[Element], lines: list[str], labels: Labels = DEFAULT) -> set[int]:
    """The paragraphs (their first 0-based line) whose one-letter label 'A' opens a run of choices:
    a person reading 'A: obj.a', then 'B: obj()a' (or 'A：' over code, then 'B：' over code) sees
    choices A, B…, not the answer 'obj.a' and a stray 'B:'. The letter after it, written the same way
    as a choice of its own before any other label, tells them so."""
    out: set[int] = set()
    paragraphs = [el for el in body if el.kind == "paragraph"]
    for k, el in enumerate(paragraphs):
        label = labels.paragraph(lines[el.start])
        if not label or len(label.word) != 1 or not label.word.isalpha():
            continue
        nxt = chr(ord(label.word.upper()) + 1)
        for later in paragraphs[k + 1:]:
            text = lines[later.start].strip()
            m = _LETTER_LINE_RE.match(text)
            if m and m["letter"].upper() == nxt:
                out.add(el.start)
                break
            if labels.paragraph(text):
                break  # another label first ('答案：B'): the letter labels its part
    return out


#: A line that opens with a letter and its colon or stop, maybe nothing after it ('B：' over its code).
_LETTER_LINE_RE = re.compile(r"^(?:\*\*)?[(（]?(?P<letter>[A-H])(?:\*\*)?\s*[.)．、:：）]")


def sort_unit(unit: Unit, body: list[Element], lines: list[str], labels: Labels = DEFAULT,
              details_answers: bool = False) -> None:
    """Sort the body elements of one question into its parts (and its tail)."""
    body = _open_admonitions(body, lines)
    body = _question_goes_on(unit, body, lines, labels)
    sorter = _Sorter(unit, lines, labels, details_answers)
    sorter.choices = choice_runs(body, lines, labels)
    if "answer" in unit.labelled:  # 'What is X? Answer: …' on the question's line: what follows goes on with it
        sorter.state = "answer"
    for k, el in enumerate(body):
        if el.kind == "hr" and unit.start.strategy != "doc" \
                and not (sorter.state == "answer" and "answer" in unit.labelled and not unit.has("answer")
                         and any(lines[i].strip() for r in body[k + 1:] for i in range(r.start, r.end))) \
                and not _structure_follows(body[k + 1:], lines, labels, unit.labelled):  # a one-question file goes on
            # (a break right under the answer's label, before any answer: the card's front and back)
            rest = body[k + 1:]
            unit.tail = _lines(lines, el)
            if any(lines[i].strip() for r in rest for i in range(r.start, r.end)):
                unit.orphan = [o for r in rest for o in _lines(lines, r)]
                unit.orphan_line = next(r.lineno for r in rest if lines[r.start].strip())
            break
        sorter.element(el)
    sorter.finish()
    if not unit.has("question") and unit.title:
        unit.parts["question"].append(OutLine(unit.title, ()))
    if not re.search(r"\w", unit.title):
        asked = unit.parts["question"][unit.question_offset:] or unit.parts["question"]
        # its first line of words, not of code ('#### 07' over a program and its choices: no '#include' title)
        first = full_title(next((text for _, text in unfenced([o.text for o in asked]) if text.strip()), ""))
        if unit.title_src and not unit.start.bare:  # "第 1 题 🟢": keep the heading, add the question
            unit.title = f"{unit.heading_text} {first}".strip()
        else:  # nothing to ask but the heading: its words as written ('Ex1.17'), not a made-up 'Question 17'
            said = unit.heading_text.strip().strip("#*_ ") if unit.title_src and unit.start.strategy == "heading" else ""
            unit.title = first or said or f"Question {unit.start.number or ''}".strip()
    if not unit.has("question"):  # "## 第 3 题" and straight to the answer: the heading is the question
        unit.parts["question"].append(OutLine(unit.title, ()))


#: A bold question line that stops mid-sentence ('**1. Given this fragment,**', '… as shown here:**').
_UNFINISHED_RE = re.compile(r"[,:，：]\s*(?:\*\*|__)?\s*$")
_BOLD_PARAGRAPH_RE = re.compile(r"^\s*(\*\*|__)(?!\s)[^*_].*\1\s*$")


def _question_goes_on(unit: Unit, body: list[Element], lines: list[str], labels: Labels) -> list[Element]:
    """A bold question line that stops mid-sentence, its code, then the rest of the question in
    bold ('**1. Given this fragment,**', a fence, '**is the following fragment correct?**'): all of
    it is the question; the body left to sort is what follows the second bold line."""
    first = lines[unit.line - 1] if 0 < unit.line <= len(lines) else ""
    if unit.start.strategy != "bold" or not _UNFINISHED_RE.search(first) or not _BOLD_PARAGRAPH_RE.match(first):
        return body
    for k, el in enumerate(body[:6]):
        if el.kind == "paragraph" and labels.paragraph(lines[el.start]) is not None:
            return body
        if el.kind == "paragraph" and _BOLD_PARAGRAPH_RE.match(lines[el.start]) and el.own_end - el.start == 1:
            unit.parts["question"] += [OutLine(unit.title, ()), OutLine("", ())] + [
                o for b in body[:k + 1] for o in _lines(lines, b)]
            unit.how["question"] = f"the question line and its continuation to line {el.lineno}"
            return body[k + 1:]
    return body


_TAG_RE = re.compile(r"<(/?)(details|summary)\b[^<>]*>", re.I)
_MARKUP_ONLY_RE = re.compile(r"^\s*(?:</?(?:b|br|p|strong|em|i|hr)\s*/?>\s*)*$", re.I)
#: A line's '<br>' at its end (before closing tags): a line break the author wrote.
_LINE_BREAK_RE = re.compile(r"<br\s*/?>(?:\s*</?(?:b|strong)\s*>)*\s*$", re.I)
#: A line that is blank, or only a break ('<br>', '<p>', '<br/><br/>'): a paragraph break between a part's lines.
_BREAK_ONLY_RE = re.compile(r"^\s*(?:<(?:br|p)\s*/?>\s*)*$", re.I)
#: A line's '<br>' at its start (after opening tags): a line break the author wrote before it.
_LEAD_BREAK_RE = re.compile(r"^\s*(?:</?(?:b|strong|p)\s*>\s*)*<br\s*/?>", re.I)
_EDGE_TAGS_RE = re.compile(r"^\s*(?:</?(?:b|br|p|strong)\s*/?>\s*)+|(?:\s*</?(?:b|br|p|strong)\s*/?>)+\s*$", re.I)


def sort_details_unit(unit: Unit, lines: list[str], first: int, stop: int) -> None:
    """A `<details><summary>question</summary> answer </details>` unit (0-based lines
    first..stop): the summary's text is the question, what follows it up to `</details>` the
    answer; the tag lines are the blocks' fences (their source lines go with them)."""
    state, depth = "open", 0
    fenced = {"question": False, "answer": False}  # inside a code fence of the part: its lines are as written
    for i in range(first, stop):
        raw, n = lines[i], i + 1
        pieces: list[tuple[str, str]] = []  # (part, text)
        pos = 0
        for m in _TAG_RE.finditer(raw):
            closing, tag = m[1] == "/", m[2].lower()
            inner = depth > 1 or (depth == 1 and state == "answer" and tag == "summary")
            if tag == "details":
                depth += -1 if closing else 1
                if depth > 1 or (closing and depth >= 1):
                    continue  # a <details> inside the answer: text
            if inner:
                continue
            pieces.append((state, raw[pos:m.start()]))
            pos = m.end()
            if tag == "summary" and not closing:
                state = "question"
            elif tag == "summary":
                state = "answer"
            elif tag == "details" and closing:
                state = "after"
        pieces.append((state, raw[pos:]))
        carried = False
        for k, (part, text) in enumerate(pieces):
            if part == "open" or _MARKUP_ONLY_RE.match(text):
                continue
            target = "answer" if part == "after" else part
            if FENCE_RE.match(text):
                fenced[target] = not fenced[target]
            elif not text.startswith(("    ", "\t")) and not fenced[target]:  # a '<br>' ending a line of text is the author's line break
                broken = _LINE_BREAK_RE.search(text) and not _MARKUP_ONLY_RE.match(_LINE_BREAK_RE.sub("", text))
                # so is one opening it ('<br>It holds…'), and the end of the <details> block the text
                # follows on its line ('</details> See also…'): the line before ends there
                leading = _LEAD_BREAK_RE.match(text) or (part == "after" and k > 0 and pieces[k - 1][0] != "after")
                text = _EDGE_TAGS_RE.sub("", text).strip() if part == "after" else _EDGE_TAGS_RE.sub("", text)
                text += "<br>" if broken else ""
                before = unit.parts[target][-1] if unit.parts[target] else None
                if leading and before is not None and before.text.strip() and not _LINE_BREAK_RE.search(before.text) \
                        and not FENCE_RE.match(before.text):
                    before.text += "<br>"  # (never on a code fence's line, nor inside one: code is as written)
            unit.parts[target].append(OutLine(text, () if carried else (n,)))
            carried = True
        if not carried and state in ("question", "answer") and unit.has(state) and _BREAK_ONLY_RE.match(raw):
            # a blank line (or a lone '<br>', '<p>') between the lines of a part: the author's paragraph
            # break, kept (dropped, two paragraphs ran into one, the text after a list into its last item)
            unit.parts[state].append(OutLine("", (n,)))
        elif not carried:
            if state in ("open", "question"):
                unit.opens["question"].append(n)
            elif state == "answer" and not unit.has("answer"):
                unit.opens["answer"].append(n)
            else:
                unit.closes.append(n)
    unit.labelled.update({"question", "answer"})
    unit.how.setdefault("question", f"<summary> at line {first + 1}")
    if unit.has("answer"):
        unit.how.setdefault("answer", "the rest of the <details> block")


_BULLET_RE = re.compile(r"^\s*[-*+]\s+\S")
#: A choice on a line of its own, not a list item: 'A. 21', '(B) 80', 'C、443', '**D.** none'.
_BARE_OPTION_RE = re.compile(rf"^ {{0,3}}(?:\*\*)?[(（]?(?P<letter>[A-Ha-h])(?:\*\*)?\s*(?:{CHOICE_SEP}|\s*\*\*[.)．、:：])\s*\S")
#: A list item's marker before a choice's letter ('4.   D、…', '- B. …'): no part of the choice in the answer.
_LIST_MARK_RE = re.compile(rf"^\s*{CHOICE_LIST_MARK}(?=\S)")
_OPTION_RE = re.compile(rf"^\s*(?:{CHOICE_LIST_MARK}(?:\[[ xX]\]\s*)?)?(?:\*\*)?[(（]?(?P<letter>[A-Ha-h])(?:\*\*)?\s*(?:{CHOICE_SEP}|\s*\*\*[.)．、:：])")


def generic_title(title: str) -> bool:
    """A block title that only says "here is the answer" ('Show answer', '点击查看答案 👇'): it says
    nothing the default title does not."""
    rest = title.lower()
    for word in sorted(GENERIC_TITLE_WORDS, key=len, reverse=True):
        rest = re.sub(rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word), " ", rest)
    return not re.search(r"\w", rest)


def separate_options(content: list[OutLine]) -> list[OutLine]:
    """Choices written one a line ('A. 21⏎B. 80⏎C. 443') would join into one paragraph when
    rendered: a blank line before each keeps them one a line (outside code; only a run that
    holds both A and B)."""
    fence, bare = None, []
    for k, out in enumerate(content):
        m = FENCE_RE.match(out.text)
        if m and (fence is None or m.group(1)[0] == fence):
            fence = m.group(1)[0] if fence is None else None
            continue
        if fence is None and (o := _BARE_OPTION_RE.match(out.text)):
            bare.append((k, o["letter"].upper()))
    letters = {letter for _, letter in bare}
    if not {"A", "B"} <= letters:
        return content
    at = {k for k, _ in bare}
    out: list[OutLine] = []
    for k, line in enumerate(content):
        if k in at and out and out[-1].text.strip():
            out.append(OutLine("", ()))
        out.append(line)
    return out


_QUOTE_RE = re.compile(r"^\s{0,3}>\s?")
#: A blank the chosen answer fills: '（）', '( )', '____'.
_BLANK_RE = re.compile(r"[(（]\s*[)）]|_{3,}")


def _blocks(lines: list[OutLine]) -> list[tuple[int, int]]:
    """The (start, end) of each block among `lines`: blank lines separate them, a fence is one block."""
    out, k, fence = [], 0, None
    while k < len(lines):
        if not lines[k].text.strip():
            k += 1
            continue
        start = k
        while k < len(lines) and (fence is not None or lines[k].text.strip()):
            m = FENCE_RE.match(lines[k].text)
            if m and (fence is None or m.group(1)[0] == fence):
                fence = m.group(1)[0] if fence is None else None
            k += 1
        out.append((start, k))
    return out


def _statement_title(lines: list[OutLine], number: int | None = None) -> str:
    """The title a statement gives: its first line of text (not code, not a choice), without the
    question's own number when it opens with it ('> 1 - Which …?' under question 1: the number is
    the sequence, not the title's words, as `shapes.numbering` leaves it out of a numbered heading's)."""
    title = full_title(next((_QUOTE_RE.sub("", o.text) for o in lines if o.src and o.text.strip()
                             and not FENCE_RE.match(o.text) and not _OPTION_RE.match(o.text)), ""))
    num = numbering(title) if number is not None else None
    return num.title if num and num.number == number and num.title else title


def statement_to_question(unit: Unit, labels: Labels = DEFAULT) -> None:
    """What the title announces but the answer holds is the question's: the statement under a title
    that only numbers it ('**Question 7**' then the text and its choices), a quoted statement that
    says it is the question ('> **题目**: …'), the code a stem points at before its choices. Each
    is moved from an unlabelled answer to the question, so the learner reads it before revealing."""
    if "answer" in unit.labelled or unit.has("question") and any(o.src for o in unit.parts["question"]):
        if numbering_only(unit.title):  # the statement is the question already (an answer key took the answer)
            unit.title = _statement_title(unit.parts["question"], unit.start.number) or unit.title
        return
    answer = unit.parts["answer"]
    blocks = _blocks(answer)
    if not blocks:
        return
    take = 0
    kind = re.sub(r"[*_`]", "", unit.title).strip()  # "#### 1.判断题": titled by the kind of question it is
    kind = kind if names_kind(kind) else ""
    bare = numbering_only(unit.title) or unit.start.bare or bool(kind)  # ("## 4.2-1", "## Ex1.6": titled by their heading)
    first = [_QUOTE_RE.sub("", o.text, count=1) for o in answer[blocks[0][0]:blocks[0][1]]]
    label = labels.paragraph(first[0]) if _QUOTE_RE.match(answer[blocks[0][0]].text) else None
    if label is not None and label.kind == "question":  # '> **题目**: …': up to the quote's first blank line
        take = next((blocks[0][0] + k for k, t in enumerate(first) if not t.strip()), blocks[0][1])
        how = f"the quoted statement labelled '{label.word}'"
    else:
        options = next((n for n, (a, _) in enumerate(blocks[:4]) if _OPTION_RE.match(answer[a].text)
                        or TASK_RE.match(answer[a].text)), None)
        # the code a stem points at, or any statement when the title leaves a blank for the choice
        if options is not None and options > 0 and (bare or _BLANK_RE.search(unit.title) or all(
                FENCE_RE.match(answer[a].text) for a, _ in blocks[:options])):
            take = blocks[options - 1][1]  # the statement (its code) before the choices; options_to_question moves those
            how = "the statement before the choices"
        elif bare and (len(blocks) > 1 or options is None) and not FENCE_RE.match(answer[blocks[0][0]].text):
            # (code right under a title that only numbers it, no choices after it, is the answer: a
            # solutions page's '## Ex1.1' over its program)
            take = blocks[0][1]
            how = "the statement under a numbering title"
    if not take:
        return
    said = answer[:take]
    while said and not said[-1].text.strip():
        said.pop()
    kept = [] if bare else list(unit.parts["question"])  # the title's own question stays first
    unit.parts["question"] = kept + ([OutLine("", ())] if kept else []) + said
    unit.parts["answer"] = answer[take:]
    while unit.parts["answer"] and not unit.parts["answer"][0].text.strip():
        unit.parts["answer"].pop(0)
    if bare:
        said_title = _statement_title(said, unit.start.number)
        unit.title = (f"{kind}：{said_title}" if kind else said_title) if said_title else unit.title
    unit.how["question"] = how + (f" (from line {said[0].src[0]})" if said and said[0].src else "")


#: A task set in a sentence: what to write or do, what the answer must hold ('写出建立各级目录的过程',
#: '用shell编程实现：…。要求：', '请实现…'; 'Write …', 'Implement …').
_TASK_WORDS_RE = re.compile(r"写出|编写|编程|实现|要求\s*[:：]|请|(?:^|[。.!！]\s*)(?:write|implement|create|show)\b", re.I)


def bold_task_below(unit: Unit) -> None:
    """A topic title that does not ask ('### 4. 目录操作'), right under it a paragraph written wholly in bold
    that sets the task ('**在“/”下新建…写出建立各级目录的过程…**', or several: '**…要求：**', '**（1）…**'),
    then the author's answer: the bold paragraphs are the question, as the reader sees them (the answer
    is what follows). Not when the title asks, a label sorts the unit, or nothing follows the bold."""
    if asks(unit.title) or unit.labelled or any(o.src for o in unit.parts["question"][1:]) or unit.has("explanation"):
        return
    answer = unit.parts["answer"]
    blocks = _blocks(answer)
    bold = 0
    while bold < len(blocks) and all(_BOLD_PARAGRAPH_RE.match(o.text.replace("\u200b", ""))
                                     for o in answer[blocks[bold][0]:blocks[bold][1]]):
        bold += 1
    if not bold or bold == len(blocks):
        return
    said = answer[:blocks[bold - 1][1]]
    words = " ".join(re.sub(r"[*_\u200b]", "", o.text).strip() for o in said if o.text.strip())
    first = re.sub(r"[*_\u200b]", "", answer[blocks[0][0]].text).strip()
    if re.search(r"[:：]$", first) and not re.search(r"要求\s*[:：]$", first) or len(words) < 12:
        return  # '**分布式锁实现方式：**' over its points: the answer's own lead-in, not a task
    if not (asks(words) or _TASK_WORDS_RE.search(words)):
        return
    kept = list(unit.parts["question"])
    unit.parts["question"] = kept + ([OutLine("", ())] if kept else []) + said
    unit.parts["answer"] = answer[blocks[bold][0]:]
    unit.how["question"] = f"the title and the task set in bold under it (from line {said[0].src[0]})" \
        if said and said[0].src else "the title and the task set in bold under it"


#: The most blocks a question written under a topic title holds (a lead-in sentence, then what it asks).
ASKED_BELOW_BLOCKS = 2


def _asking_block(lines: list[OutLine]) -> bool:
    """The block's words end with a question ('… Can you show it with a code example?'), its code and
    its links aside ('[Resources](…)', '<br/>' after the question)."""
    words = [re.sub(r"<br\s*/?>|<[^<>]*>", "", o.text).strip() for o in lines if not FENCE_RE.match(o.text)]
    words = [w for w in words if w and not re.fullmatch(r"(?:[-*+]\s+)?\[[^\]]*\]\([^)]*\)", w)]
    return bool(words) and bool(re.search(r"[?？]\s*$", words[-1]) or any(re.search(r"[?？]\s*$", w) for w in words))


def asked_below(units: list[Unit]) -> None:
    """Topic titles over the question each asks (`#### Closures` then 'What is a closure, and when
    would you use one?', nothing else): where most units are written so — a title that does not ask,
    then one or two unlabelled blocks, one of which asks — the document asks in those blocks and
    answers nowhere (a bank of open questions). Each such unit's short text is its question, the
    answer missing; the units that ask in a task ('Write a snippet violating DRY. Then, fix it.')
    too. A unit with a longer text, or one that labels its answer, is left as it is."""
    def eligible(u: Unit) -> list[tuple[int, int]] | None:
        if asks(u.title) or u.labelled or any(o.src for o in u.parts["question"][1:]) or u.has("explanation"):
            return None
        blocks = _blocks(u.parts["answer"])
        return blocks if 0 < len(blocks) <= ASKED_BELOW_BLOCKS else None

    shaped = [(u, b) for u in units if (b := eligible(u)) is not None]
    asking = sum(1 for u, b in shaped if any(_asking_block(u.parts["answer"][s:e]) for s, e in b))
    if asking < 3 or asking * 3 < 2 * len(units):
        return
    for u, blocks in shaped:
        said = u.parts["answer"][:blocks[-1][1]]
        kept = list(u.parts["question"])
        u.parts["question"] = kept + ([OutLine("", ())] if kept else []) + said
        u.parts["answer"] = []
        u.how["question"] = f"the text under a topic title, a question in a bank of such (from line {said[0].src[0]})" \
            if said and said[0].src else "the text under a topic title"


_ODD_MARK_RE = re.compile(r"^[-*+]\s+")


def odd_bullet_quiz(units: list[Unit]) -> bool:
    """The document marks its answers with the one choice written with another bullet: most units
    that ask open their answer with such a run (two at least), not one list that happens to mix
    bullets (`marked.odd_bullet`)."""
    asking = [u for u in units if asks(u.title)]
    marked_runs = sum(1 for u in asking if odd_bullet([o.text for o in u.parts["answer"][:40]]) is not None)
    return marked_runs >= 2 and marked_runs * 2 > len(asking)


def options_to_question(unit: Unit, labels: Labels = DEFAULT, odd_marks: bool = False) -> None:
    """Multiple-choice options (A. / B) / (C) / - D: …) that open the answer belong to the question:
    the learner must see the choices before revealing the answer (`odd_marks`: the document marks
    the right choice with the one bullet that differs, `odd_bullet_quiz`)."""
    statement_to_question(unit, labels)
    _stem_goes_on(unit)
    _ticked_in_question(unit)
    _exact_answer(unit)
    first = next((o for o in unit.parts["question"] if o.text.strip()), None)
    # '### 1. Port?' then only the options; not the heading's own words made the question ('A.C.I.D …')
    if first is not None and first.src and _OPTION_RE.match(first.text) and re.search(r"\w", unit.title):
        unit.parts["question"][:0] = [OutLine(unit.title, ()), OutLine("", ())]
    answer = unit.parts["answer"]
    if odd_marks and asks(unit.title) and (odd := odd_bullet([o.text for o in answer[:40]])) is not None:
        # '* x = 3' among '- x = 2' choices: the bullet that differs marks the answer, as a tick does
        answer[odd] = OutLine(_ODD_MARK_RE.sub("- [x] ", answer[odd].text, count=1), answer[odd].src)
    letters, end = [], 0
    tick = ticked([o.text for o in answer[:40]])  # '* 0', '* 1', '* [x] 42': every item of the list is a choice
    for k, out in enumerate(answer):
        if not out.text.strip():
            continue
        m = _OPTION_RE.match(out.text)
        task = TASK_RE.match(out.text) or (tick and _BULLET_RE.match(out.text))  # '- [x] text': a choice
        if not m and not task:
            if letters and (out.text.startswith((" ", "\t"))):
                continue  # an option's second line
            break
        # (choices side by side on one line, 'A.ping \t B.route \t **C.netstat**', are one choice each)
        line_letters = [o["letter"].upper() for p in split_choices(out.text) if (o := _OPTION_RE.match(p))] if m else []
        letter = line_letters[0] if line_letters else m["letter"].upper() if m else chr(ord(letters[-1]) + 1) if letters else "A"
        if letters and ord(letter) != ord(letters[-1]) + 1:
            break
        if not letters and letter != "A":
            break
        letters += line_letters or [letter]
        end = k + 1
    checked = [o for o in answer[:end] if CHECKED_RE.match(o.text)]
    if len(letters) >= 2 and checked and (len(checked) == 1 or not any(o.text.strip() for o in answer[end:])):
        # '- [x] B. 0' among '- [ ] …': the tick is the answer; the learner sees the choices unticked
        plain = any(not TASK_RE.match(o.text) for o in answer[:end] if o.text.strip() and not o.text.startswith((" ", "\t")))
        unticked = r"\1" if plain else r"\1[ ] "  # among plain items, a box would point at the answer
        after = answer[end:]  # an explanation under the choices follows the ticked one
        answer = [OutLine(CHECKED_RE.sub(unticked, o.text, count=1), o.src) for o in answer[:end]] + [
            OutLine("", ())] + [OutLine(CHECKED_RE.sub("", o.text, count=1).strip(), ()) for o in checked] + (
            [OutLine("", ())] + after if any(o.text.strip() for o in after) else after)
        unit.how["answer"] = "the ticked choice"
    elif len(letters) >= 2 and (not any(o.text.strip() for o in answer[end:]) or "answer" not in unit.labelled) and (
            keyed := marked(unit.title, [o.text for o in answer[:end]])):
        # '### 3. … (**D**)' or a bold choice: the mark is the answer; the learner sees a blank and plain choices
        # (unlabelled text under the choices, '解析：…', follows the marked one as the ticked one's does)
        reveal = _marked_reveal(unit.title, answer[:end], set(keyed))
        _blank_marks(unit, set(keyed))
        options = [OutLine(unbold_choice(o.text), o.src) for o in answer[:end]]
        after = answer[end:]
        answer = options + [OutLine("", ())] + reveal + (
            [OutLine("", ())] + after if any(o.text.strip() for o in after) else [])
        end = len(options)
        unit.how["answer"] = "the choice the question marks"
    elif len(letters) < 2:
        return  # no options
    unit.parts["question"] += [OutLine("", ())] + answer[:end] if unit.has("question") else answer[:end]
    unit.parts["answer"] = answer[end:]
    rest = next((o.src[0] for o in answer[end:] if o.src and o.text.strip()), None)
    how = [h for h in unit.how.get("answer", "").split("; ") if h and not h.startswith(("unlabelled text", "the ticked"))]
    if checked and not rest:
        how.insert(0, "the ticked choice")
    unit.how["answer"] = "; ".join(([f"unlabelled text from line {rest}"] if rest else []) + how)
    unit.how["question"] = unit.how.get("question", "") + ("; " if unit.how.get("question") else "") + \
        f"options {letters[0]}–{letters[-1]}"
    _parts_go_on(unit)


def _parts_go_on(unit: Unit) -> None:
    """A question in parts, each named with a colon (`### Commands:` over its choices, then `### Purposes:`
    over its list: `template.named_parts`), with no answer of its own: the next part is the question's
    too — the learner matches one list to the other before revealing."""
    answer = unit.parts["answer"]
    first = next((o for o in answer if o.text.strip()), None)
    heading = re.match(r"#{1,6}\s+(.*)", first.text) if first is not None else None
    if "answer" in unit.labelled or first is None or not heading or not part_name(heading[1]) \
            or not re.search(r"[:：]\s*$", re.sub(r"[*_`]", "", unit.title)):
        return
    unit.parts["question"] += [OutLine("", ())] + answer
    unit.parts["answer"] = []
    unit.how["question"] += f"; its next part from line {first.src[0] if first.src else unit.line}"
    unit.how.pop("answer", None)


def filled_in(unit: Unit) -> None:
    """A fill-in question whose blanks the author filled in on the line, underlined and bold ('LINUX的组成：
    <u>**内核**</u> 、shell、 **<u>文件系统</u>** 、…'), with no answer of its own: the learner sees the blanks
    empty and the words that fill them are the answer, in order. The paragraphs under it that go on
    with blanks so filled ('hdb5的含义是 <u>**…**</u>') are more of the question; anything else under
    it leaves the question as it is (the underline may be emphasis there)."""
    if not underline_blank(unit.title) or "answer" in unit.labelled or unit.has("explanation"):
        return
    answer = unit.parts["answer"]
    if any(o.text.strip() and not underline_blank(o.text) for o in answer):
        return
    fills: list[str] = []
    lines = []
    for o in unit.parts["question"] + ([OutLine("", ())] if unit.has("question") and any(o.text.strip() for o in answer)
                                       else []) + answer:
        text, found = filled_blanks(o.text)
        fills += found
        lines.append(OutLine(text, o.src))
    if not fills:
        return
    unit.title = filled_blanks(unit.title)[0]
    unit.heading_text = filled_blanks(unit.heading_text)[0]
    unit.parts["question"] = lines
    unit.parts["answer"] = [OutLine(f"{k}. {fill}" if len(fills) > 1 else fill, ()) for k, fill in enumerate(fills, 1)]
    unit.how["question"] = "the question line with its blanks emptied" + (" and the paragraphs going on with blanks"
                                                                            if any(o.text.strip() for o in answer) else "")
    unit.how["answer"] = "the words written in its blanks"


#: A stem that asks for several choices: '(Select all that apply)', 'Choose two', '多选题'.
_SEVERAL_RE = re.compile(r"all that apply|(?:select|choose|pick|mark)\s+(?:all|two|three|\d)\b|多选|不定项", re.I)


def _ticked_in_question(unit: Unit) -> None:
    """Choices already in the question block, one of them ticked (`- [x] Azure Key Vault` among
    `- [ ] …`, the explanation in a `<details>` after them): the learner would see the answer before
    trying. The choices are shown unticked and the ticked one opens the answer."""
    _boxes_to_question(unit)
    question = unit.parts["question"]
    tasks = [o for o in question if BOX_RE.match(o.text)]  # '- [ ] …', or bare boxes: '[ x ] fixed', '(*) 2'
    checked = [o for o in tasks if BOX_CHECKED_RE.match(o.text)]
    several = bool(question and _SEVERAL_RE.search(question[0].text)) and len(checked) < len(tasks)
    if len(tasks) < 2 or not (len(checked) == 1 or several and checked):
        return  # no choices, or a survey's several ticks (a question that asks for several says so)
    unit.parts["question"] = [OutLine(unticked(o.text), o.src) if o in checked else o for o in question]
    bullet = "- " if len(checked) > 1 else ""  # several ticked choices: one item each
    _answer_opens_with(unit, [OutLine(bullet + BOX_CHECKED_RE.sub("", o.text, count=1).strip(), ()) for o in checked])
    unit.how["answer"] = "; ".join(["the ticked choice"] + [h for h in [unit.how.get("answer", "")] if h])


def _boxes_to_question(unit: Unit) -> None:
    """Bare choice boxes glued under a question line with no answer label ('Q5: …?' then '() kube-dns',
    '(*) coredns'), read as the text that answers it: they are its choices, the question's."""
    question, answer = unit.parts["question"], unit.parts["answer"]
    if "answer" in unit.labelled or sum(1 for o in question if BOX_RE.match(o.text)) >= 2:
        return
    take = 0
    while take < len(answer) and answer[take].src and BOX_RE.match(answer[take].text) \
            and not TASK_RE.match(answer[take].text):
        take += 1
    if take >= 2 and any(BOX_CHECKED_RE.match(o.text) for o in answer[:take]):
        unit.parts["question"] = question + answer[:take]
        unit.parts["answer"] = answer[take:]
        unit.how["question"] = f"the question line and its choices to line {answer[take - 1].src[-1]}"


def _answer_opens_with(unit: Unit, said: list[OutLine]) -> None:
    """The answer a mark gives ('(*) 2', '=== 6443') opens the answer block, what the unit had as its
    answer after it. A word of the document that titled that text ('Hint:') titles it still, as a
    line over it: it does not title the answer the mark gives."""
    rest = unit.parts["answer"]
    if not any(o.text.strip() for o in rest):
        rest = []
    title = unit.block_titles.get("answer", "") if rest else ""
    if title and not generic_title(title):  # ('Show answer' says nothing: the block's title, dropped as ever)
        del unit.block_titles["answer"]
        rest = [OutLine(f"**{title}**", ()), *rest]
    unit.parts["answer"] = said + ([OutLine("", ())] + rest if rest else [])


def _exact_answer(unit: Unit) -> None:
    """The answer a lab checks the entry against, on its line under the question ('=== 6443'): the
    question's answer, out of sight until revealed (the answer it has already follows it)."""
    question = unit.parts["question"]
    said = [o for o in question[1:] if o.src and EXACT_ANSWER_RE.match(o.text)]
    if len(said) != 1:
        return
    m = EXACT_ANSWER_RE.match(said[0].text)
    unit.parts["question"] = [o for o in question if o is not said[0]]
    _answer_opens_with(unit, [OutLine(m["answer"], said[0].src)])
    unit.how["answer"] = "; ".join([f"the exact answer at line {said[0].src[0]}"] +
                                   [h for h in [unit.how.get("answer", "")] if h])


def _stem_goes_on(unit: Unit) -> None:
    """A stem wrapped over several lines right before its choices ('1.  When you split …' and two
    more lines, then '- [ ] …'): the lines that go on from the question line, with no blank line
    between, are the question's, not the answer's."""
    question, answer = unit.parts["question"], unit.parts["answer"]
    last = max((n for o in question for n in o.src), default=unit.line)
    take = 0
    while take < len(answer) and answer[take].src and answer[take].src[0] == last + 1 and answer[take].text.strip() \
            and not _OPTION_RE.match(answer[take].text) and not TASK_RE.match(answer[take].text):
        last, take = answer[take].src[-1], take + 1
    if take and take < len(answer) and (_OPTION_RE.match(answer[take].text) or TASK_RE.match(answer[take].text)):
        unit.parts["question"] = question + answer[:take]
        unit.parts["answer"] = answer[take:]
        unit.how["question"] = f"the question line and its continuation to line {last}"


def _marked_reveal(stem: str, options: list[OutLine], keyed: set[str]) -> list[OutLine]:
    """The hidden answer of a question that marks its own: the marked choice; several marked ones
    one item each, under the letters as the stem wrote them ('（BCD）' → 'BCD': the stem's blank
    must not lose them)."""
    chosen = [_LIST_MARK_RE.sub("", unbold_choice(p)).strip() for o in options for p in split_choices(o.text)
              if (m := _OPTION_RE.match(p)) and m["letter"].upper() in keyed]
    if len(chosen) < 2:
        return [OutLine(text, ()) for text in chosen]
    mark = stem_mark(stem, keyed)
    return ([OutLine(mark, ()), OutLine("", ())] if mark else []) + [OutLine("- " + text, ()) for text in chosen]


def _blank_marks(unit: Unit, letters: set[str]) -> None:
    """The stem's answer mark made a blank in the title and the question's lines."""
    unit.title = blank_stem(unit.title, letters)
    unit.heading_text = blank_stem(unit.heading_text, letters)
    unit.parts["question"] = [OutLine(blank_stem(o.text, letters), o.src) for o in unit.parts["question"]]


def sort_row_unit(unit: Unit, lines: list[str], row: Element, labels: Labels) -> None:
    """A question from a table's row: its cells are the parts, all from the row's line."""
    unit.title, unit.heading_text, unit.title_src = " ".join(row.text.split()), row.text, (row.lineno,)
    for part, texts in row_parts(lines, row, labels).items():
        for n, text in enumerate(texts):
            unit.parts[part] += ([OutLine("", ())] if n else []) + [OutLine(text, (row.lineno,))]
    unit.how["question"] = f"the cells of the table row at line {row.lineno}"
    if unit.has("answer"):
        unit.how["answer"] = "the answer column of the row"
