"""A question line with its answer indented right under it, no blank line between:

    什么是JVM？
    	JVM 是 Java 虚拟机。
    	它执行字节码。

Markdown reads the indented lines as the rest of the question's paragraph (a lazy continuation,
shown as text, not code), so a person sees a question and its answer while the importer saw one
block. The paragraph is cut before its indented lines (`indented_cuts`) when its first line is the
question — a line of its own that ends in '?' — and every line after it is indented by a tab or
four spaces; the answer is written without that indent (`flush`), as the source showed it: at the
line start of its block, a paragraph and not a code block.
"""

from __future__ import annotations

import re

from qabook.importer.elements import Element

_INDENT_RE = re.compile(r"^(?:\t| {4,})(?=\S)")
_ASKS_RE = re.compile(r"[?？]\s*$")


def indented_cuts(elements: list[Element], lines: list[str]) -> set[int]:
    """The 0-based lines before which a question's paragraph is cut: its indented answer's first line."""
    out = set()
    for el in elements:
        if el.kind != "paragraph" or el.own_end - el.start < 2:
            continue
        first = lines[el.start]
        if _INDENT_RE.match(first) or not _ASKS_RE.search(first):
            continue
        if all(_INDENT_RE.match(lines[k]) for k in range(el.start + 1, el.own_end)):
            out.add(el.start + 1)
    return out


def flush(lines: list[str], el: Element) -> None:
    """An answer cut from its question's paragraph (its first line indented, which no paragraph of
    Markdown's own has): its lines written without their indent, in `lines` (in place)."""
    if el.kind != "paragraph" or not _INDENT_RE.match(lines[el.start]):
        return
    for k in range(el.start, el.own_end):
        lines[k] = _INDENT_RE.sub("", lines[k], count=1)
