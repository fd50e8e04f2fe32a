"""A document with a FAQ section: a component page, a how-to or a README whose `## 常见问题` /
`## FAQ` section holds a question or two under headings that ask.

When no template is question-like over the whole document (its other headings are an article's
sections, `Candidate.prose`), a heading that names a collection of questions (`names_collection`:
`FAQ`, `常见问题`, `Frequently asked questions`) is the document saying where its questions are:
the headings one level under it, up to the next heading of its level or above, are questions when
they ask and one of them is written as a question ('?', '？'). One is enough: the section's title
announced it. The rest of the document goes to the chapter page.
"""

from __future__ import annotations

from qabook.importer.elements import Element
from qabook.importer.shapes import Shape, asks, question_mark
from qabook.importer.template import Candidate, names_collection, says_something

def faq_sections(elements: list[Element], shapes: list[Shape], lines: list[str]) -> Candidate | None:
    """The asking headings under the document's FAQ-titled sections, as one candidate, or None."""
    chosen: list[int] = []
    ends: list[int] = []
    for i, el in enumerate(elements):
        if el.kind != "heading" or not names_collection(shapes[i].title) or shapes[i].asking:
            continue
        stop = next((j for j in range(i + 1, len(elements))
                     if elements[j].kind == "heading" and elements[j].level <= el.level), len(elements))
        inner = [j for j in range(i + 1, stop) if elements[j].kind == "heading"]
        if not inner:
            continue
        level = min(elements[j].level for j in inner)
        heads = [j for j in inner if elements[j].level == level]
        asking = [j for j in heads if shapes[j].asking or asks(shapes[j].title)]
        if len(asking) < len(heads) or not any(question_mark(shapes[j].title) for j in heads):
            continue
        for k, j in enumerate(heads):
            end = heads[k + 1] if k + 1 < len(heads) else stop
            body = [x for x in lines[elements[j].own_end:elements[end].start if end < len(elements) else len(lines)]
                    if x.strip()]
            if says_something(body):
                chosen.append(j)
                ends.append(end)
    if not chosen:
        return None
    total = sum(1 for line in lines if line.strip()) or 1
    held = sum((elements[e].start if e < len(elements) else len(lines)) - elements[j].start for j, e in zip(chosen, ends))
    level = elements[chosen[0]].level
    return Candidate.fixed((f"h{level}", "", "faqsection"), chosen, [shapes[j] for j in chosen], ends, True, 1.5,
                           titled=1.0, coverage=min(1.0, held / total))
