"""Units that share an inner template: the same labelled parts, in most units, in the same order.

A document whose question lines do not ask (`#### Item 3: Cosmos boundary`, `### 1. 安装依赖时出现错误`)
still shows at a glance that it is a Q&A when every unit holds the same labelled parts
(`**Statement:**` … `**Acceptable Answers:**` … `**Rationale:**`; `**问题描述**：` … `**解决方案**：`).
What the units share is the template's evidence, not only their start lines. An article's sections
share no labels; a reference's do (`Parameters:`, `Returns:`), but none of them names a question or
an answer part, so they stay an article.
"""

from __future__ import annotations

import re
from collections import Counter

from qabook.importer.labels import Labels
from qabook.vocabulary import hinted_kind

#: The share of units a label must appear in to be part of the shared template.
SHARE = 0.8
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def unit_labels(lines: list[str], start: int, end: int) -> list[str]:
    """The label words (lower case) the unit's lines open with, in order, outside code; the start
    line itself excluded."""
    from qabook.importer.learn import label_word  # learn imports this module's caller

    out: list[str] = []
    fence = False
    for line in lines[start + 1:end]:
        if _FENCE_RE.match(line):
            fence = not fence
            continue
        if fence or not line.strip():
            continue
        word = label_word(line)
        if word and word.lower() not in out:
            out.append(word.lower())
    return out


def shared_template(lines: list[str], units: list[tuple[int, int]]) -> list[str]:
    """The label words most units hold (at least two units, `SHARE` of them), in their usual order;
    [] when the units share fewer than two."""
    if len(units) < 2:
        return []
    per_unit = [unit_labels(lines, s, e) for s, e in units]
    support = Counter(w for seen in per_unit for w in seen)
    need = max(2, SHARE * len(units))
    words = [w for w, n in support.items() if n >= need and len(w) > 1]
    if len(words) < 2:
        return []
    order = {w: sorted(seen.index(w) for seen in per_unit if w in seen) for w in words}
    return sorted(words, key=lambda w: (order[w][len(order[w]) // 2], w))


def part_kind(word: str, labels: Labels) -> str | None:
    """The part a label word names: the vocabulary's (or the author's) label, else its hint."""
    said = labels.paragraph(f"{word}:")
    if said is not None:
        return said.kind
    return hinted_kind(word)


def names_parts(words: list[str], labels: Labels) -> bool:
    """The shared labels name a question or an answer part (not only a reference's 'Returns')."""
    return any(part_kind(w, labels) in ("question", "answer") for w in words)
