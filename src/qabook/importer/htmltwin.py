"""Lines written in inline HTML, read as their Markdown twin (the parse view, `readview.py`).

A person sees `<b>3. What is a list?</b><br>` as the bold line `**3. What is a list?**`, and
`<h3>Why?</h3>` as the heading `### Why?`; the parser sees a paragraph that runs into the next
line or an HTML block that runs to the next blank line. In the view, a line that opens with
inline bold or emphasis (`<b>`, `<strong>`, `<em>`, `<i>`, inside a `<p>` or not, a `<br>` ending
it) or is one whole `<h1>`–`<h6>` element is its Markdown twin, and a line that only closes
HTML elements (`</ul>`, `</p>`) right before such a line ends its HTML block there, as the
rendered page shows it. A bold element written over several lines — a line that only opens it
(`<li><b>`, `<p><strong>`), its text, a line that only closes it (`</b></li>`) — is its first
line of text in bold (`**R1. question**`), the tag lines blank, its further lines the text that
follows (a review sheet kept as raw HTML: `<li><b>`⏎`R1. …？`⏎`</b></li>`). Lines inside code
fences are left alone; the pages keep the source.
"""

from __future__ import annotations

import re
from qabook.importer.shapes import FENCE_RE, unfenced

_OPENS_INLINE_RE = re.compile(r"^\s*(?:<p\b[^<>]*>\s*)?<(?:b|strong|em|i)\b[^<>]*>", re.I)
_HEADING_RE = re.compile(r"^\s*<h(?P<level>[1-6])\b[^<>]*>(?P<text>(?:(?!</?h[1-6]\b).)+?)</h(?P=level)\s*>\s*$", re.I)
_BOLD_TAG_RE = re.compile(r"</?(?:b|strong)\b[^<>]*>", re.I)
_EM_TAG_RE = re.compile(r"</?(?:em|i)\b[^<>]*>", re.I)
_EDGES_RE = re.compile(r"^\s*<p\b[^<>]*>\s*|\s*(?:<br\s*/?>|</p\s*>|\s)*$", re.I)
_CLOSING_ONLY_RE = re.compile(r"^\s*(?:</[A-Za-z][\w-]*\s*>\s*)+$")
#: A line that only opens a bold element (`<b>`, `<li><b>`, `<p><strong>`), and one that only closes it.
_OPENS_BOLD_ONLY_RE = re.compile(r"^\s*(?:<(?:li|p)\b[^<>]*>\s*)?<(?:b|strong)\b[^<>]*>\s*$", re.I)
_CLOSES_BOLD_ONLY_RE = re.compile(r"^\s*</(?:b|strong)\s*>\s*(?:</(?:li|p)\s*>\s*)?$", re.I)
#: How many lines of text a bold element over several lines may hold.
_MAX_BOLD_LINES = 12


def markdown_twin(line: str) -> str | None:
    """The Markdown a line of inline HTML stands for, or None when it is not one."""
    if m := _HEADING_RE.match(line):
        return "#" * int(m["level"]) + " " + _inline(m["text"]).strip()
    if not _OPENS_INLINE_RE.match(line):
        return None
    return _inline(_EDGES_RE.sub("", line))


def _inline(text: str) -> str:
    """Bold and emphasis tags as `**` and `*`; spaces just inside them moved out (`<b>Why? </b>`:
    Markdown's `**Why? **` would not be bold)."""
    text = re.sub(r"(<(?:b|strong|em|i)\b[^<>]*>)\s+", r"\1", text, flags=re.I)
    text = re.sub(r"\s+(</(?:b|strong|em|i)\s*>)", r"\1", text, flags=re.I)
    return _EM_TAG_RE.sub("*", _BOLD_TAG_RE.sub("**", text))


def twin_view(view: list[str]) -> list[str]:
    """The view with inline-HTML lines read as their Markdown twin (same number of lines)."""
    out = list(view)
    for k, line in unfenced(view):
        if _OPENS_BOLD_ONLY_RE.match(line) and (close := _bold_close(view, k)):
            out[k] = out[close] = ""
            out[k + 1] = "**" + _inline(_EDGES_RE.sub("", view[k + 1])).strip() + "**"
            continue
        twin = markdown_twin(line)
        if twin is None:
            continue
        out[k] = twin
        if k and _CLOSING_ONLY_RE.match(view[k - 1]):
            out[k - 1] = ""  # '</ul>' before '<b>2. …</b>': the list's HTML block ends here
    return out


def _bold_close(view: list[str], k: int) -> int | None:
    """The line that closes the bold element line k only opens, when text lines (no HTML line,
    no blank line, no fence, no bold of their own) come between; None otherwise."""
    for j in range(k + 1, min(len(view), k + 2 + _MAX_BOLD_LINES)):
        line = view[j]
        if _CLOSES_BOLD_ONLY_RE.match(line):
            return j if j > k + 1 else None
        if not line.strip() or line.lstrip().startswith("<") or FENCE_RE.match(line) or "*" in line[:2]:
            return None
    return None
