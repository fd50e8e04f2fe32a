"""Template-engine tags left in a source, read as what they show (the read lines, `plan.py`).

A page written for Hugo, Jekyll or Eleventy keeps its collapsible blocks as the engine's own
tags: `{{< expand "Answer" >}}` … `{{< /expand >}}` (Hugo's book theme), `{{% details
title="Why…?" closed="true" %}}` … `{{% /details %}}` (Hextra, Docsy), `{% details "…" %}` …
`{% enddetails %}` (Liquid). A reader of the rendered page sees a `<details>` whose summary is the
tag's title, the text up to the closing tag hidden under it. A tag alone on its line, whose
name is one of those collapsibles (`COLLAPSIBLE_NAMES`), is read as that `<details>` twin, so a
question paragraph over `{{< expand "答案和解析" >}}` is a question with a hidden answer and a
FAQ of `{{% details title="…?" %}}` blocks is questions — as `<details>` blocks are.

Every other tag (`{{< figure … >}}`, `{{< alert >}}`, `{% include … %}`, `{{ page.title }}`) is
text: it is never a question and never lost. Lines inside code fences are left alone.
"""

from __future__ import annotations

import html
import re

from qabook.importer.shapes import unfenced

#: The names of template tags that render as a collapsible block (a `<details>`).
COLLAPSIBLE_NAMES = ("expand", "details", "detail", "collapse", "collapsible", "spoiler", "toggle", "accordion",
                     "reveal", "solution", "answer")

_NAMES = "|".join(COLLAPSIBLE_NAMES)
_OPEN = r"(?:\{\{[<%]|\{%-?)\s*(?P<name>" + _NAMES + r")\b(?P<args>(?:[^{}]|\{[^{}]*\})*?)\s*(?:[>%]\}\}|-?%\})"
_CLOSE = r"(?:\{\{[<%]\s*/\s*(?P<name>" + _NAMES + r")|\{%-?\s*end(?P<liquid>" + _NAMES + r"))\s*(?:[>%]\}\}|-?%\})"
#: `{{< expand "Answer" >}}`, `{{% details title="Q?" closed="true" %}}`, `{% details "Q?" %}` alone on a line.
OPEN_RE = re.compile(r"^\s*" + _OPEN + r"\s*$", re.I)
#: `{{< /expand >}}`, `{{% /details %}}`, `{% enddetails %}` alone on a line.
CLOSE_RE = re.compile(r"^\s*" + _CLOSE + r"\s*$", re.I)
_TAG_RE = re.compile(r"(?P<open>" + _OPEN + r")|(?P<close>" + _CLOSE.replace("?P<name>", "?P<cname>") + r")", re.I)
_TITLE_RE = re.compile(r'(?:\b(?:title|summary|label|name)\s*=\s*)?(?P<q>["\'])(?P<text>.*?)(?P=q)', re.I)
_NAMED_TITLE_RE = re.compile(r'\b(?:title|summary|label)\s*=\s*(?P<q>["\'])(?P<text>.*?)(?P=q)', re.I)


def tag_title(args: str) -> str:
    """The title a collapsible tag shows: its `title=`/`summary=` argument, else its first quoted one."""
    m = _NAMED_TITLE_RE.search(args) or _TITLE_RE.search(args)
    return m["text"].strip() if m else ""


def read_lines(lines: list[str]) -> list[str]:
    """The lines with each collapsible tag that is closed read as its `<details>` twin, in place
    (same lines; a tag alone on its line, or both on one line: `{{< expand "Answer" >}} It keeps
    … {{< /expand >}}`); an opening tag with no closing one after it stays text."""
    opened: list[tuple[int, re.Match[str]]] = []  # tags waiting for their close
    pairs: list[tuple[int, re.Match[str], int, re.Match[str]]] = []
    for k, line in unfenced(lines):
        for tag in _TAG_RE.finditer(line):
            if tag["open"]:
                opened.append((k, tag))
                continue
            name = (tag["cname"] or tag["liquid"]).lower()
            while opened and opened[-1][1]["name"].lower() != name:
                opened.pop()  # a tag of another name left open: text
            if opened:
                at, o = opened.pop()
                pairs.append((at, o, k, tag))
    out = list(lines)
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for at, o, k, c in pairs:
        summary = html.escape(tag_title(o["args"]), quote=False)
        edits.setdefault(at, []).append((o.start(), o.end(), f"<details><summary>{summary}</summary>"))
        edits.setdefault(k, []).append((c.start(), c.end(), "</details>"))
    for k, spans in edits.items():
        line = out[k]
        for a, b, text in sorted(spans, reverse=True):
            line = line[:a] + text + line[b:]
        out[k] = line
    return out
