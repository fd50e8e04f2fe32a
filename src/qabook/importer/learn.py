"""Label words learned from the document itself: the words *this* author puts before the parts
of a question (`思路`, `Réponse`, `T:`/`D:`), found because they repeat.

A *label form* is a short word or phrase at the start of a line followed by a colon
(`思路：`, `**Réponse :**`, `Description:`), a bold span alone on its line (`**思路**`), or a
short heading (`### Solution`, `#### Réponse : D`), outside code. A word the vocabulary already
knows is not learned again. A word becomes a label of this document in two ways:

- **inside the units of a question-like template**: it appears after the start of most units
  (and of at least two); its kind comes from the vocabulary's hints when the word has one
  (`…描述`, `Description` a question part; `…思路`, `…答…` an answer; `…析`, `Why` an
  explanation), else from its place: a word that comes before the units' answer label is the
  question part, the first word after the start is the answer, the next one the explanation
  (further ones are text);
- **as pairs of line prefixes** when nothing else is question-like: a word that opens most
  blocks (`T: Hoisting`) and another that follows it in the same or the next block
  (`D: JavaScript's default…`), repeated, with no heading between one pair and the next: the
  first is the question, the second the answer (a third, the explanation).

Learned words are labels only for this import; `--explain` lists them with how they were found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from qabook.importer.cycles import label_cycle
from qabook.importer.detect import Detection, detect
from qabook.importer.dividers import dividers
from qabook.importer.elements import Element, split_elements, split_paragraphs
from qabook.importer.gaps import cut_at, glued_lines
from qabook.importer.indented import indented_cuts
from qabook.importer.labels import Labels
from qabook.importer.options import ImportOptions
from qabook.importer.readview import parse_view
from qabook.importer.shapes import DEFINITION_RE, FENCE_RE, asks
from qabook.importer.shared import names_parts, part_kind, shared_template, unit_labels
from qabook.importer.tailasks import split_tails, tail_cuts
from qabook.vocabulary import hinted_kind

_WORD = r"(?:[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’&;/.-]*(?:[ \t][A-Za-zÀ-ÖØ-öø-ÿ'’&;/.-]+){0,2}|[\u4e00-\u9fff]{1,8})"
_FORMS = (
    re.compile(rf"^ {{0,3}}#{{1,6}}\s+(?:\*\*)?(?P<w>{_WORD})(?:\*\*)?\s*(?:[:：].*)?$"),  # ### Solution / #### Réponse : D
    re.compile(rf"^\s*(?:[-*+]\s+|>\s*)?\*\*(?P<w>{_WORD})\s*(?:[:：]\s*\*\*|\*\*\s*[:：]|\*\*\s*$)"),  # **思路：** / **思路**
    re.compile(rf"^\s*(?:[-*+]\s+|>\s*)?__(?P<w>{_WORD})\s*(?:[:：]\s*__|__\s*[:：]|__\s*$)"),  # __Suggested Answers__
    re.compile(rf"^\s*(?:[-*+]\s+|>\s*)?(?P<w>{_WORD})\s*[:：](?!//)"),  # 思路：… / T: …
)
_HEADING_RE = re.compile(r"^ {0,3}#{1,6}\s")
_DETAILS_RE = re.compile(r"^\s*(?:<[^>]+>\s*)*<(?:details|summary)\b|^\s*(?:\?\?\?|!!!)", re.I)
#: The share of units a word must appear in, and how far its kind reaches by position.
SHARE = 0.5


@dataclass(frozen=True)
class LearnedLabel:
    word: str
    kind: str  # "question", "answer", "explanation"
    count: int  # units (or pairs) it was found in
    how: str  # "hint" or "position" or "pair" or "cycle"


def label_word(line: str) -> str | None:
    """The label-form word a line opens with, if any (not a number, not an address)."""
    for form in _FORMS:
        m = form.match(line)
        if m:
            word = m["w"].strip().rstrip(".")
            if word and not re.search(r"\d", word) and len(word) <= 24:
                return word
    return None


def _code_lines(lines: list[str]) -> set[int]:
    inside, fence = set(), None
    for k, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)[0]
            inside.add(k)
        elif fence is not None:
            inside.add(k)
            if m and m.group(1)[0] == fence:
                fence = None
    return inside


def _unknown_words(lines: list[str], labels: Labels) -> dict[int, str]:
    """Line (0-based) → the unknown label word it opens with."""
    code = _code_lines(lines)
    out = {}
    for k, line in enumerate(lines):
        if k in code or not line.strip():
            continue
        word = label_word(line)
        if not word:
            continue
        core = re.sub(r"^\s*(?:[-*+]\s+|>\s*)?", "", line)
        heading = re.match(r"^#{1,6}\s+(.*)$", core.strip())
        if (labels.heading(heading[1]) if heading else labels.paragraph(core)) is not None:
            continue  # the vocabulary's (or the author's) word
        out[k] = word
    return out


def in_units(lines: list[str], units: list[tuple[int, int]], labels: Labels) -> list[LearnedLabel]:
    """Words that label the answer and explanation of the given units (0-based line ranges, start
    line first). A word right under the start (within its first lines) with no answer before it
    opens the answer; a word after the unit's answer (a label, a `<details>`) opens the
    explanation; others (metadata before the answer, headings inside it) stay text."""
    words = _unknown_words(lines, labels)
    if len(units) < 2:
        return []
    code = _code_lines(lines)
    per_unit: list[list[str]] = []
    near: Counter[str] = Counter()  # within the first lines after the start, no answer before it
    after_answer: Counter[str] = Counter()
    before_answer: Counter[str] = Counter()  # the unit's answer label comes after it: question metadata, hints
    for start, end in units:
        seen: list[str] = []
        text_lines = 0
        answered = False
        for k in range(start + 1, end):
            line = lines[k]
            if not line.strip():
                continue
            w = words.get(k)
            if w and w.lower() not in (x.lower() for x in seen):
                seen.append(w)
                near[w.lower()] += text_lines < 3 and not answered
                after_answer[w.lower()] += answered
            if k not in code and (_known_kind(line, labels) == "answer" or _DETAILS_RE.match(line)):
                if not answered:
                    for x in seen:
                        before_answer[x.lower()] += 1
                answered = True
            text_lines += 1
        per_unit.append(seen)
    support: Counter[str] = Counter(w.lower() for seen in per_unit for w in seen)
    starts = {(label_word(lines[s]) or "").lower() for s, _ in units}
    spelled = {w.lower(): w for seen in per_unit for w in seen}
    chosen = [w for w, n in support.items() if n >= 2 and n >= SHARE * len(units) and w not in starts
              and len(w) > 1  # 'B:' is a choice
              and (not spelled[w][:1].isascii() or spelled[w][:1].isupper())]  # 'where:' in prose is no label
    order = sorted(chosen, key=lambda w: (sorted(seen_index(per_unit, w))[len(seen_index(per_unit, w)) // 2], w))
    out: list[LearnedLabel] = []
    for w in order:
        kind, how = hinted_kind(w), "hint"
        if kind != "answer" and before_answer[w] * 2 >= support[w]:
            continue  # before the answer: part of the question (metadata, hints, choices)
        if kind is None:
            how = "position"
            if near[w] * 2 >= support[w] and not any(x.kind == "answer" for x in out):
                kind = "answer"
            elif after_answer[w] * 2 >= support[w] and not any(x.kind == "explanation" for x in out):
                kind = "explanation"
        if kind is None or kind == "question" or any(x.kind == kind for x in out):
            continue  # a question part is read from the unit's start; one word per part
        out.append(LearnedLabel(spelled[w], kind, support[w], how))
    return out


def _label_lines(lines: list[str], elements: list[Element], indices: list[int]) -> list[str | None]:
    """The label word of every block written like the first start (a paragraph, a heading of its
    level) from that start on, None for those that open with none: the starts and the label lines
    between them (an answer label the vote set aside), in document order (`cycles.py`)."""
    if not indices:
        return []
    first = elements[indices[0]]
    return [label_word(lines[el.start]) for el in elements[indices[0]:]
            if el.kind == first.kind and el.level == first.level and 0 <= el.start < len(lines)]


def seen_index(per_unit: list[list[str]], w: str) -> list[int]:
    return [[x.lower() for x in seen].index(w) for seen in per_unit if w in (x.lower() for x in seen)]


def _known_kind(line: str, labels: Labels) -> str | None:
    core = re.sub(r"^\s*(?:[-*+]\s+|>\s*)?", "", line)
    heading = re.match(r"^#{1,6}\s+(.*)$", core.strip())
    said = labels.heading(heading[1]) if heading else labels.paragraph(core)
    return said.kind if said else None


def in_pairs(lines: list[str], elements: list[Element], labels: Labels) -> list[LearnedLabel]:
    """Two (or three) line prefixes that repeat in turn, block after block, with no heading between
    one pair and the next (`T: …` then `D: …`): question, answer (and explanation)."""
    words = _unknown_words(lines, labels)
    firsts = [(el.start, words[el.start]) for el in elements
              if el.kind in ("paragraph", "item") and el.start in words]
    counts = Counter(w.lower() for _, w in firsts)
    if not counts:
        return []
    lead, n = counts.most_common(1)[0]
    if n < 3:
        return []
    at = [k for k, w in firsts if w.lower() == lead]
    # what follows each lead, up to the next lead: the words in order
    follows: list[list[str]] = []
    headings_between = 0
    for a, b in zip(at, at[1:] + [len(lines)]):
        seq = []
        for k in range(a + 1, b):
            if _HEADING_RE.match(lines[k]):
                headings_between += 1 if b != len(lines) else 0
                break
            w = words.get(k)
            if w and w.lower() != lead and w.lower() not in (x.lower() for x in seq):
                seq.append(w)
        follows.append(seq)
    if headings_between > 0.2 * len(at):
        return []  # the pairs sit under headings of their own: they are not the units
    second = Counter(seq[0].lower() for seq in follows if seq)
    if not second:
        return []
    partner, m = second.most_common(1)[0]
    if m < 0.8 * len(at):
        return []
    spelled = {w.lower(): w for seq in follows for w in seq}
    lead_word = next(w for k, w in firsts if w.lower() == lead)
    out = [LearnedLabel(lead_word, "question", n, "pair"), LearnedLabel(spelled[partner], "answer", m, "pair")]
    third = Counter(seq[1].lower() for seq in follows if len(seq) > 1 and seq[0].lower() == partner)
    if third:
        w3, m3 = third.most_common(1)[0]
        if m3 >= 0.5 * len(at):
            out.append(LearnedLabel(spelled[w3], "explanation", m3, "pair"))
    return out


def learn(detection, lines: list[str], labels: Labels) -> list[LearnedLabel]:
    """The label words of this document, from the units of its question-like templates (each
    unit from its start to the next start), or else from pairs of line prefixes."""
    elements = detection.elements or []
    winner = detection.winner
    size = len(winner.indices) if winner else 0
    accepted = sorted((c for c in detection.cands if c.accepted and len(c.indices) >= max(2, size // 2)
                       and c.key[0] != "doc"), key=lambda c: (c is not winner, -c.score))
    if winner is not None and winner in accepted:
        starts = [label_word(lines[elements[i].start]) for i in winner.indices]
        # a few labels over and over (`cycles.py`), unless the vocabulary reads them as question labels already
        cycle = label_cycle(starts, _label_lines(lines, elements, winner.indices)) if winner.key[2] != "label-q" else []
        if cycle:
            return [LearnedLabel(word, kind, count, "cycle") for word, kind, count in cycle]
        if sum(1 for w in starts if w) * 2 < len(starts):
            accepted = [winner]  # the other templates matter only when the winner's starts look like labels
    for cand in accepted:
        bounds = [elements[i].start for i in cand.indices]
        last = cand.ends[-1] if cand.ends else len(elements)
        stop = elements[last].start if last < len(elements) else len(lines)
        units = list(zip(bounds, bounds[1:] + [stop]))
        found = in_units(lines, units, labels)
        if found:
            return found
    if accepted:
        return []
    return from_shared(detection, lines, labels) or in_pairs(lines, elements, labels)


def from_shared(detection, lines: list[str], labels: Labels) -> list[LearnedLabel]:
    """When no template is question-like: the best one whose units share labelled parts
    (`shared.py`) that name a question or an answer part. The shared words name their parts by
    the vocabulary or its hints (`Acceptable Answers` an answer, `Rationale` an explanation);
    with no answer word among them, the first unnamed word after the question part opens the
    answer (`**问题描述**：` then `**解决方案**：`), and the first unnamed one after the answer the
    explanation when no word names one (`Réponse :` then `Pourquoi :`). Words before the answer stay
    the question's text."""
    elements = detection.elements or []
    known = _unknown_words(lines, labels)
    spelled = {w.lower(): w for w in known.values()}
    for cand in sorted((c for c in detection.cands if len(c.indices) >= 2 and c.ends and c.key[0] != "doc"),
                       key=lambda c: -c.score):
        bounds = [elements[i].start for i in cand.indices]
        stops = [elements[e].start if e < len(elements) else len(lines) for e in cand.ends]
        units = list(zip(bounds, stops))
        words = shared_template(lines, units)
        if not names_parts(words, labels):
            continue
        kinds = [part_kind(w, labels) for w in words]
        if "answer" not in kinds:
            after = [k for k, kind in enumerate(kinds) if kind is None and "question" in kinds[:k]]
            if not after:
                continue
            kinds[after[0]] = "answer"
        at = kinds.index("answer")
        if "explanation" not in kinds:  # the first unnamed word after the answer opens the explanation
            later = [k for k in range(at + 1, len(kinds)) if kinds[k] is None]
            if later:
                kinds[later[0]] = "explanation"
        out: list[LearnedLabel] = []
        for k, (w, kind) in enumerate(zip(words, kinds)):
            if k < at or kind not in ("answer", "explanation") or w not in spelled or any(x.kind == kind for x in out):
                continue  # the question's text, a word the vocabulary knows, or a second word for one part
            count = sum(1 for s, e in units if w in unit_labels(lines, s, e))
            out.append(LearnedLabel(spelled[w], kind, count, "shared"))
        if out or words[at] not in spelled:  # the answer word is the vocabulary's: nothing to learn
            return out
    return []


def learned_words(found: list[LearnedLabel]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for label in found:
        out.setdefault(label.kind, []).append(label.word)
    return out


def read_document(lines: list[str], options: ImportOptions, labels: Labels) -> tuple[list[Element], Detection, Labels]:
    """The elements, what detection chose and the labels it read with: with the label words this
    document uses when reading with them finds its questions at least as well."""
    base = split_elements(parse_view(lines))
    tails = tail_cuts(lines, base) if not options.forced else set()  # 'answer.⏎Next question?⏎⏎answer'
    # 'Q?⏎\tanswer': an answer indented under it (cut once: it depends on neither the labels nor the gaps)
    base_cut = cut_at(base, lines, indented_cuts(base, lines))

    def run(with_labels: Labels, glued: frozenset[int] = frozenset()) -> tuple[list[Element], Detection]:
        elements = cut_at(split_tails(split_paragraphs(
            lines, base_cut, lambda line: with_labels.paragraph(line) is not None
            or DEFINITION_RE.match(line) is not None  # 'Term⏎: definition'
            or (with_labels.inline_answer(line) is not None and asks(line))), lines, tails), lines, glued)  # 'What is X? Answer: …'
        found = detect(elements, options, lines, with_labels)
        return found.elements or elements, found

    def numbered_on(with_labels: Labels, elements: list[Element], detection: Detection) -> tuple[list[Element], Detection]:
        """Read again with the paragraphs cut before the lines that fill the sequence's gaps (`gaps.py`)."""
        glued = glued_lines(elements, lines, detection.starts)
        if not glued:
            return elements, detection
        elements2, detection2 = run(with_labels, frozenset(glued))
        detection2.learned = detection.learned
        return (elements2, detection2) if len(detection2.starts) > len(detection.starts) else (elements, detection)

    elements, detection = run(labels)
    if options.forced:
        return elements, detection, labels
    found = learn(detection, lines, labels)
    divided = dividers(lines, labels)
    if not found and not divided:
        return (*numbered_on(labels, elements, detection), labels)
    learned = Labels(options.labels, learned_words(found), divided)
    found += [LearnedLabel(text, kind, sum(1 for line in lines if line.strip() == text), "divider")
              for text, kind in divided.items()]
    elements2, detection2 = run(learned)
    first = detection.winner.score if detection.winner else 0.0
    if detection2.winner is not None and detection2.winner.score >= 0.9 * first:
        detection2.learned = found
        return (*numbered_on(learned, elements2, detection2), learned)
    return (*numbered_on(labels, elements, detection), labels)
