"""What the import decided, in words (`qabook import --explain`): the template chosen, its score
and the runner-up, the labels found, the document's outline, and per question where each of
its parts came from."""

from __future__ import annotations

import re

from qabook.importer.detect import Detection
from qabook.importer.elements import Element
from qabook.importer.options import ImportOptions
from qabook.importer.template import Candidate
from qabook.i18n import t
from qabook.importer.units import PARTS, Unit, full_title, short_title


def layout(language: str, units: list[Unit], elements: list[Element], lines: list[str]) -> str:
    """Where questions start, in words a person reads and in the document's language (`locales`):
    the kind of block the first question is ('a level-3 heading', '列表项') and how its line is
    written before its words ('Q1：…', '1. …'), not the template's internal names ('wordN:q')."""
    if not units:
        return t(language, "import.layout.none")
    first = units[0]
    el = elements[first.start.index] if 0 <= first.start.index < len(elements) else None
    raw = lines[el.start].strip() if el is not None and el.start < len(lines) else ""
    if el is None:
        where = t(language, "import.layout.block")
    elif el.kind == "heading":
        where = t(language, "import.layout.heading", n=el.level, hashes="#" * el.level)
        raw = raw.lstrip("#").strip()
    elif el.kind == "item":
        where = t(language, "import.layout.item")
    elif el.kind == "paragraph":
        where = t(language, "import.layout.bold" if raw.startswith(("**", "__")) else "import.layout.paragraph")
    elif "<details" in raw.lower():
        where = t(language, "import.layout.details")
    else:
        where = t(language, "import.layout.block")
    mark = _mark(raw, first.start.title or "")
    written = t(language, "import.layout.written", mark=mark) if mark else ""
    return t(language, "import.layout.starts", where=where, written=written, line=first.line,
             first=short_title(first.title, 40))


def _mark(line: str, title: str) -> str:
    """What the question line holds before its title ('1.', 'Q1：', '!!! question "'), as a reader
    writes it ('**1.** …' is '1.'): the line up to where the importer's title of it begins. The
    title is the line's own text (links and code as written: `Start.title`) and stands at its end
    (after it at most closing marks: '**', '"', '</summary>'), so it is looked for from the end:
    a title's words that also stand in its mark ('Q1：`Q1` 是什么？') are not taken for it. A title
    the line does not hold as written (read from its words: '[[0.…]]()') is looked for by its
    plain words, else the line's mark is not told ('')."""
    title = title.strip().rstrip("*_ \t")
    for words in (title, full_title(title)):
        at = line.rfind(words) if words else -1
        if at >= 0:
            return line[:at].strip("*_ \t")
    return ""


def explain(source: str, options: ImportOptions, language: str, detection: Detection, units: list[Unit],
        elements: list[Element], lines: list[str] | None = None) -> list[str]:
    """In words, where questions start (`layout`); then what detection chose (the template, its
    score, the runner-up), the document's outline, and per question where each part came from."""
    strategy = detection.strategy
    opts = options.describe()
    words = sorted({w for k in PARTS for w in options.labels.get(k, [])})
    seen: dict[str, int] = {}
    for u in units:
        for how in u.how.values():
            if m := re.match(r"label '(.+?)'", how):
                seen[m[1]] = seen.get(m[1], 0) + 1
    out = [f"{source}: {layout(language, units, elements, lines or [])}",
           f"  question starts: {strategy}",
           *_template_lines(detection),
           f"  options: {' '.join(opts) if opts else 'none (automatic detection)'}",
           "  labels: built-in (题目/答案/解析, Question/Answer/Explanation, Q/A)"
           + (f" + yours: {', '.join(words)}" if words else ""),
           "  labels found: " + (", ".join(f"{w} ×{n}" for w, n in seen.items()) or "none (unlabelled answers)"),
           *(["  labels found in the document: " + ", ".join(
               f"{x.word} ×{x.count} ({x.kind}, {_HOW[x.how]})" for x in detection.learned)] if detection.learned else []),
           *[f"  read past: the numbered list at line {elements[run[0]].lineno} ({len(run)} items): none asks, offers "
             "choices or is answered under a label, while the other numbered items ask (rules or steps)"
             for run in detection.quiet_runs],
           f"  language of notes: {language}",
           "  outline: " + _outline(elements),
           f"  {len(units)} question(s)"]
    for k, u in enumerate(units, 1):
        number = f" (no. {u.start.number})" if u.start.number is not None else ""
        out.append(f"  Q{k}{number} line {u.line}: {u.title}")
        for part in PARTS:
            src = sorted(n for o in u.parts[part] for n in o.src)
            where = f"lines {src[0]}–{src[-1]}" if len(src) > 1 else (f"line {src[0]}" if src else "no lines")
            how = u.how.get(part, "")
            if part == "question" and not src and u.title_src:
                where, how = f"line {u.title_src[0]}", "the question line itself"
            elif part == "question" and not src and u.front_line:
                where, how = f"line {u.front_line}", "the front matter's title"
            if not src and part != "question" and not how:
                continue
            out.append(f"    {part:<11} {where}" + (f"  [{how}]" if how else ""))
        if u.tail or u.orphan:
            out.append(f"    after '---' lines {u.tail[0].src[0] if u.tail and u.tail[0].src else '?'}…: "
                       + ("chapter page" if u.orphan else "separator"))
    return out


_HOW = {"hint": "by its word", "position": "by its place in the units", "pair": "a pair of line prefixes",
        "cycle": "a block of label lines repeated, this one first or after it",
        "divider": "a line alone between question and answer, repeated (or once, under a card's front)",
        "shared": "a labelled part most units of a template share, beside a question or answer part"}


def _features(cand: Candidate) -> str:
    f = cand.features
    return (f"{cand.score:.2f} (ask {f['ask']:.2f}, labelled {f['labelled']:.2f}, answered {f['answered']:.2f}, "
            f"sequence {f['sequence']:.2f}, coverage {f['coverage']:.2f}, regular {f['regular']:.2f}, "
            f"prior {f['prior']:.2f}; {int(f['n'])} units)")


def _template_lines(detection: Detection) -> list[str]:
    """The chosen template's score and the runner-up, for --explain."""
    if detection.winner is None:
        best = sorted(detection.cands, key=lambda c: -c.score)[:3]
        return ["  no template is question-like; the closest: "
                + ("; ".join(f"{c.describe()} {c.score:.2f}" + (f" (an article's sections: {c.prose()})" if c.prose() else
                                                                     f" (group headings: {c.grouping()})" if c.grouping() else "")
                             for c in best) or "none")] if detection.cands else []
    out = [f"  template score: {_features(detection.winner)}"]
    runner = detection.runner
    out.append(f"  runner-up: {runner.describe()} {_features(runner)}" if runner else "  runner-up: none")
    if runner is not None and runner.gave_way:
        out.append("  the runner-up gave way although it scores higher: none of its units carries an answer label "
                   "and at most half of its starts ask, while the chosen questions are labelled as questions and "
                   "answered under a label (a chapter's sections beside its one labelled exercise)")
    return out


def _outline(elements: list[Element]) -> str:
    """What the document is made of, to choose options from: headings per level, bold lines."""
    parts = []
    for level in range(1, 7):
        found = [el for el in elements if el.kind == "heading" and el.level == level]
        if found:
            parts.append(f"{len(found)} level-{level} heading(s) (first at line {found[0].lineno}: "
                         f"'{short_title(found[0].text, 30)}')")
    bold = [el for el in elements if el.kind == "paragraph" and re.match(r"^\*\*[^*\n]+\*\*\s*$", el.text.split("\n")[0])]
    if bold:
        parts.append(f"{len(bold)} bold line(s) (first at line {bold[0].lineno}: '{short_title(bold[0].text, 30)}')")
    return "; ".join(parts) or "no headings or bold lines"
