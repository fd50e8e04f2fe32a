"""An answer key gathered at the end of a document, matched to its questions by number.

`## 答案` / `## Answers` / `**参考答案：**` (or the author's `--answer-key REGEX`) followed by
numbered entries: list items (`1. B`), numbered or labelled paragraphs (`1、B`, `**A3.** …`,
`A3: …`), or several on one line (`答案：1. B 2. C 3. D`). An entry that is a block of its
own moves into its question's answer (its lines go with it); entries that share one line are
copied into the answers and the line stays on the chapter page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qabook.importer.elements import Element
from qabook.importer.labels import Labels
from qabook.importer.shapes import summary_text
from qabook.vocabulary import BLOCKS, MERGED_LABELS

_ENTRY_RE = re.compile(r"^\s*(?:\*\*)?\s*(?:[QA](?=\d)|第)?(?P<n>\d{1,3})\s*(?:题)?\s*(?:\*\*)?\s*[.、:：)）\-—]\s*(?:\*\*)?\s*"
                       r"(?P<text>\S.*)$", re.I)
#: An entry named by its question, its answer below it: '题目1:', '**Question 2:**', 'Problem 3.'
_NAMED_ENTRY_RE = re.compile(r"^\s*(?:\*\*)?\s*(?:题目|问题|习题|练习|Question|Problem|Exercise|Q)\s*(?P<n>\d{1,3})\s*"
                             r"(?:\*\*)?\s*[.、:：)）]?\s*(?:\*\*)?\s*(?P<text>)$", re.I)
#: An entry that repeats its question's label line, its answer below it: '**Question 1**: Remember - Basic'
#: (the key names each question as the questions did; the words after the label are not its answer).
_REPEATED_ENTRY_RE = re.compile(r"^\s*(?:\*\*|__)(?:题目|问题|习题|练习|Question|Problem|Exercise|Q)\s*(?P<n>\d{1,3})\s*"
                                r"[.、:：)）]?\s*(?:\*\*|__)\s*[.、:：)）]?\s*(?P<rest>.*)$", re.I)
_DETAILS_CLOSE_RE = re.compile(r"^\s*</details>", re.I)
_INLINE_RE = re.compile(r"(?P<n>\d{1,3})\s*[.、:：)）\-]\s*(?P<text>[^\s\d][^\d]*?)\s*(?=[,，;；]?\s*\d{1,3}\s*[.、:：)）\-]|$)")


def _opener_re() -> re.Pattern[str]:
    words = [w for b in BLOCKS if b.name == "answer" for w in b.labels if len(w) > 1] + list(MERGED_LABELS)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:\*\*)?\s*(?:{alternation})(?:s|\s*key|\s*keys|与解析|及解析|汇总|一览)?\s*(?:\*\*)?\s*[：:]?\s*(?:\*\*)?\s*"
                      rf"(?P<rest>.*)$", re.I)


_OPENER_RE = _opener_re()
#: A heading that ends in an answer word: a few words naming what it answers, then the word
#: ('面试题答案', '算法编程题答案：', 'Quiz answers', 'Answers to the exercises' is not: it does not end so).
_HEADING_OPENER_RE = re.compile(r"^(?:[\u4e00-\u9fff]{1,10}|(?:[A-Za-z][\w-]*\s+){1,4})?" + _OPENER_RE.pattern[1:],
                                re.I)
#: What a key's heading adds after its answer word: 'and Explanations', '& rationale', '与解析'.
_AND_EXPLAINED_RE = re.compile(r"^\s*(?:and|&|with|与|及|和)\s*(?:" + "|".join(
    re.escape(w) for b in BLOCKS if b.name == "explanation" for w in sorted(b.labels, key=len, reverse=True))
    + r"|rationales?)s?\s*$", re.I)
_NUMBERED_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[一二三四五六七八九十]+)\s*[、.．)）]?\s*")


@dataclass
class AnswerKey:
    opener: int  # element index of the key's heading or label line
    line: int  # its 1-based source line
    entries: dict[int, list[tuple[int | None, str, int]]] = field(default_factory=dict)  # number → (element or None, text, line)
    reserved: set[int] = field(default_factory=set)  # element indices of the key (not question starts)
    hidden: bool = False  # a <details> whose summary names the answers: the author hid them from the reader

    def entry_count(self) -> int:
        return sum(len(v) for v in self.entries.values())


def named_entry(line: str) -> bool:
    """The line only names the question its answer follows: '题目1:', '**Question 2:**'."""
    return bool(_NAMED_ENTRY_RE.match(line))


def _inline(text: str) -> list[tuple[int, str]]:
    return [(int(m["n"]), m["text"].strip()) for m in _INLINE_RE.finditer(text)]


def find_keys(elements: list[Element], lines: list[str], labels: Labels,
              pattern: re.Pattern[str] | None = None) -> list[AnswerKey]:
    """Every answer key of the document, in order: each answers the questions before it (after
    the key before it). A key lists at least two numbered answers (one, when the author named
    the key's heading)."""
    keys: list[AnswerKey] = []
    taken: set[int] = set()
    hiding = [i for i, el in enumerate(elements) if el.kind == "html" and pattern is None
              and (_OPENER_RE.match(summary_text(lines, el.start) or "") or [""])[0]]
    for i, el in enumerate(elements):
        if el.kind not in ("heading", "paragraph", "html") or i in taken:
            continue
        first = lines[el.start].strip()
        text = el.text.strip() if el.kind == "heading" else first
        if el.kind == "html" and pattern is None:  # <details><summary>参考答案</summary> over numbered answers
            summary = summary_text(lines, el.start)
            m = _OPENER_RE.match(summary) if summary else None
            if m and not m["rest"].strip():
                key = _read_key(elements, lines, i, "")
                key.hidden = True
                # one such <details> in the document, or entries that name their question ('题目1:'):
                # one <details> under each question is that question's answer, its numbered points no key
                named = all(named_entry(lines[elements[j].start]) for n, entries in key.entries.items()
                            for j, text, _ in entries[:1] if j is not None)
                if key.entry_count() >= 2 and len(key.entries) >= 2 and (len(hiding) == 1 or named):
                    keys.append(key)
                    taken |= key.reserved
            continue
        if pattern is not None:
            m = pattern.search(text)
            if not m:
                continue
            rest = text[m.end():]
        else:
            m = _OPENER_RE.match(re.sub(r"^#+\s*", "", text))
            if not m and el.kind == "heading":  # '##### 面试题答案：', '## 4. Quiz answers', '## Answer Key'
                m = _HEADING_OPENER_RE.match(_NUMBERED_RE.sub("", text))
            if not m:
                continue
            rest = m["rest"]
            if el.kind == "heading" and _AND_EXPLAINED_RE.match(rest):
                rest = ""  # '## Answer Key and Explanations': the key, its entries explained
            if rest.strip() and len(_inline(rest)) < 2:
                continue  # '**答案：** 一段回答': an answer label, not a key
        key = _read_key(elements, lines, i, rest)
        if key.entry_count() >= (1 if pattern is not None else 2) and len(key.entries) >= (1 if pattern else 2):
            keys.append(key)
            taken |= key.reserved
    return keys


def says_more(heading: str) -> bool:
    """The key's heading says more than 'answers' ('Correct Answers', 'Quiz answers', '面试题答案'):
    words a reader should still see when the heading opens the first answer. A bare answer word,
    numbered or not ('## Answers', '## 4. Answer key', '## 答案与解析'), says nothing its block does not."""
    m = _OPENER_RE.match(_NUMBERED_RE.sub("", re.sub(r"^#+\s*", "", heading.strip())))
    return not (m and (not m["rest"].strip(" *:：") or _AND_EXPLAINED_RE.match(m["rest"])))


def _opens_key(heading: str) -> bool:
    """The heading names answers itself ('##### 面试题答案：'): a key of its own, not a group of this one."""
    return bool(_OPENER_RE.match(heading) or _HEADING_OPENER_RE.match(_NUMBERED_RE.sub("", heading)))


def key_elements(elements: list[Element], keys: list[AnswerKey]) -> set[int]:
    """The element indices that belong to the answer keys, never a question: each key's opener and
    entries (`AnswerKey.reserved`), and the headings after the first key that name answers as the
    keys' do but list none by number ('### Scenario-Based Answers' over 'Scenario 1: B - …', after
    '### Beginner Level Answers' over '1. B'; their entries stay on the chapter page). The one
    answer to "is this line the key's?" (`detect`: the vote with the keys read, stray entries,
    groups past the key)."""
    if not keys:
        return set()
    first = min(k.opener for k in keys)
    return {i for key in keys for i in key.reserved} | {
        i for i, el in enumerate(elements) if i > first and el.kind == "heading" and _opens_key(el.text.strip())}


def _read_key(elements: list[Element], lines: list[str], i: int, rest: str) -> AnswerKey:
    el = elements[i]
    key = AnswerKey(i, el.lineno, reserved={i})
    found = _inline(rest)
    if el.kind == "paragraph":
        for k in range(el.start + 1, el.own_end):  # '答案：' then '1. B' on the next lines
            found += _inline(lines[k])
    for n, t in found:
        key.entries.setdefault(n, []).append((None, t, el.lineno))
    for j in range(i + 1, len(elements)):
        nxt = elements[j]
        first_line = lines[nxt.start].strip()
        if nxt.kind == "heading" and el.kind == "heading" and nxt.level > el.level and not found \
                and not _opens_key(nxt.text.strip()):
            continue  # '### Domain 1' inside '## Answer Key': the key goes on under its groups
        if nxt.kind == "hr" and key.entries and not found and _repeats_labels(elements, lines, j + 1):
            key.reserved.add(j)  # '---' between entries that name their questions: the key goes on
            continue
        if nxt.kind in ("heading", "hr") or _DETAILS_CLOSE_RE.match(first_line):
            break
        if nxt.kind == "item" and nxt.level:
            body = re.sub(r"^\s*\d+[.)]\s*", "", first_line)
            key.entries.setdefault(nxt.level, []).append((j, body, nxt.lineno))
            key.reserved.add(j)
            continue
        m = (_ENTRY_RE.match(first_line) or _NAMED_ENTRY_RE.match(first_line)) if nxt.kind == "paragraph" else None
        if m is None and nxt.kind == "paragraph" and (r := _REPEATED_ENTRY_RE.match(first_line)) and not found:
            key.entries.setdefault(int(r["n"]), []).append((j, "", nxt.lineno))  # its answer is below it
            key.reserved.add(j)
            continue
        if m and len(_inline(first_line)) <= 1:
            text = m["text"].strip()
            if first_line.startswith(("**", "__")) and text.endswith(first_line[:2]) and text.count(first_line[:2]) == 1:
                text = text[:-2].rstrip()  # '**1. B) Cortex**': the bold's close, its open went with the number
            key.entries.setdefault(int(m["n"]), []).append((j, text, nxt.lineno))
            key.reserved.add(j)
        elif nxt.kind == "paragraph" and len(inline := _inline(first_line)) >= 2:
            for n, t in inline:
                key.entries.setdefault(n, []).append((None, t, nxt.lineno))
            key.reserved.add(j)
        elif nxt.kind in ("paragraph", "list", "item", "table", "fence", "code", "quote", "html") and key.entries \
                and found == [] and len(key.reserved) > 1 and not _items_alone(elements, key):
            last = max(key.entries)  # an entry's continuation (code, a second paragraph)
            key.entries[last].append((j, "", nxt.lineno))
            key.reserved.add(j)
        else:
            break
    return key


def _items_alone(elements: list[Element], key: AnswerKey) -> bool:
    """The key so far is a list, one item an entry, none going on below its item (`1. yield`,
    `2. 0`, `3. Yes`): what follows the list at its outer level is the chapter's, not the last
    entry's (as for a list's last question, `listtail.py`)."""
    entries = [e for es in key.entries.values() for e in es]
    return len(entries) >= 2 and all(j is not None and elements[j].kind == "item" for j, _, _ in entries) \
        and len(entries) == len(key.entries)


def _repeats_labels(elements: list[Element], lines: list[str], j: int) -> bool:
    """The element at j (or the first after the group headings from j) is an entry that names its
    question by its label ('**Question 3**: …')."""
    while j < len(elements) and elements[j].kind in ("heading", "hr"):
        j += 1
    return j < len(elements) and elements[j].kind == "paragraph" and bool(
        _REPEATED_ENTRY_RE.match(lines[elements[j].start].strip()) or _NAMED_ENTRY_RE.match(lines[elements[j].start].strip()))


def _nearest(runs: list[list[tuple[int, int | None]]], wanted: set[int]) -> list[tuple[int, int | None]]:
    """The runs nearest before a key that together hold every number it lists; none when they never
    do (or the key lists fewer than two): then the key answers all the questions before it."""
    if len(wanted) < 2:
        return []
    held: set[int] = set()
    for k in range(len(runs) - 1, -1, -1):
        held |= {n for _, n in runs[k] if n is not None}
        if wanted <= held:
            return [x for run in runs[k:] for x in run]
    return []


def _by_numbers(before: list[tuple[int, int | None]], wanted: list[set[int]]) -> dict[int, int]:
    """Keys in a row that each list numbers no other lists ('### Beginner Level Answers' 1–10, then
    '### Intermediate Level Answers' 11–20 …), among questions numbered once each: each key answers the
    questions it numbers (start → the key's place in the row), wherever they stand — a numbering that
    goes on across groups makes no run per key, and groups the keys skip (scenarios named, not
    numbered) sit between them. Empty when the numbers do not say so."""
    seen: dict[int, int] = {}
    for i, n in before:
        if n is not None:
            if n in seen:
                return {}  # a number written twice: runs say which is which, not numbers
            seen[n] = i
    if len(wanted) < 2 or any(a & b for k, a in enumerate(wanted) for b in wanted[k + 1:]) \
            or not all(len(w) >= 2 and w <= set(seen) for w in wanted):
        return {}
    return {seen[n]: at for at, w in enumerate(wanted) for n in w}


def claims(starts: list[tuple[int, int | None]], openers: list[int],
           numbers: list[set[int]] | None = None) -> dict[int, int]:
    """Which key answers which question: start element index → the key's position in `openers`
    (the keys' element indices, in order). A key answers the questions between the key before it
    and itself; keys that follow one another with no question between them (one per group:
    '面试题答案', then '编程题答案') answer the last numbered runs before them, one run each, in
    order (a run: numbers going up by one; a restart at 1 begins the next). A key alone answers the
    runs nearest before it that hold all the numbers it lists (`numbers`, per key): a quiz numbered
    '1.'–'3.' right above 'Answer key: 1-B, 2-B, 3-B', not the '## 1.'–'## 3.' sections further up."""
    out: dict[int, int] = {}
    k, previous = 0, -1
    while k < len(openers):
        block = [k]
        while k + 1 < len(openers) and not any(openers[k] < i < openers[k + 1] for i, _ in starts):
            k += 1
            block.append(k)
        before = [(i, n) for i, n in starts if previous < i < openers[block[0]]]
        runs: list[list[tuple[int, int | None]]] = []
        last = None
        for i, n in before:
            if not runs or n is None or last is None or n != last + 1:
                runs.append([])
            runs[-1].append((i, n))
            last = n
        if len(block) == 1:
            out.update((i, block[0]) for i, _ in _nearest(runs, numbers[block[0]] if numbers else set()) or before)
        elif numbers and (by_number := _by_numbers(before, [numbers[at] for at in block])):
            out.update((i, block[at]) for i, at in by_number.items())
        else:
            for run, at in zip(runs[-len(block):], block):
                out.update((i, at) for i, _ in run)
        previous = openers[block[-1]]
        k += 1
    return out
