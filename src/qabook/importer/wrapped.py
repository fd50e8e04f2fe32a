"""A document wrapped whole in one code fence: its first line of text opens a fence with no
language (or `text`, `txt`, `plain`, `markdown`, `md`) and its last line closes it — notes pasted
between ``` lines to keep their line breaks, `Q1) …` / `ANS: …` and all.

Markdown shows such a document as one block of code, and the importer reads what Markdown shows:
it imports nothing from inside a fence (a fenced `Q:`/`A:` is how a syntax page shows its markup).
When the document is refused, this module says what it saw — the fence, its lines, and how many
questions the text inside it holds when read without it — and how to import them: take the two
fence lines out. The pages are written from the source lines, so reading through the fence would
need the writer to drop them; the author's edit is one line each.
"""

from __future__ import annotations

from qabook.importer.shapes import FENCE_RE

#: Info strings that say the fence holds text, not a program.
_TEXT_INFOS = {"", "text", "txt", "plain", "plaintext", "markdown", "md"}


def wrapper_fence(lines: list[str]) -> tuple[int, int] | None:
    """The 0-based lines of a fence that opens at the document's first line of text and closes at
    its last, with nothing outside it (None when the document is not so wrapped)."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return None
    first, last = filled[0], filled[-1]
    opening, closing = FENCE_RE.match(lines[first]), FENCE_RE.match(lines[last])
    if not opening or not closing or opening["info"].strip().lower() not in _TEXT_INFOS or closing["info"].strip():
        return None
    mark = opening["fence"]
    if closing["fence"][0] != mark[0] or len(closing["fence"]) < len(mark):
        return None
    for k in filled[1:-1]:  # a fence line of the same kind inside would close it earlier
        m = FENCE_RE.match(lines[k])
        if m and m["fence"][0] == mark[0] and len(m["fence"]) >= len(mark) and not m["info"].strip():
            return None
    return first, last


def unwrapped(lines: list[str], fence: tuple[int, int]) -> list[str]:
    """The document's lines with its wrapping fence's two lines blank (the line numbers kept)."""
    return ["" if k in fence else line for k, line in enumerate(lines)]


def fence_note(fence: tuple[int, int], found: int, first: str) -> str:
    """Why nothing was read, for a wrapped document whose inside holds `found` questions."""
    a, b = fence[0] + 1, fence[1] + 1
    return (f"the whole document is one code fence (lines {a}–{b}), which Markdown shows as code, not as "
            f"questions; read without it, it holds {found} question(s) (first: '{first[:50]}'): delete the "
            f"fence lines {a} and {b} and import again")
