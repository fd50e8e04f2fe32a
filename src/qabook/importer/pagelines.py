"""Helpers on a planned page's lines (`OutLine`s): where code is, headings rebased or made bold,
a wrapper `<div>` unwrapped, blank lines trimmed and squeezed. Used by the planner and the preview."""

from __future__ import annotations

import re

from qabook.importer.neutralise import outline_levels
from qabook.parser import HR_RE
from qabook.importer.units import OutLine
from qabook.importer.shapes import FENCE_RE
from qabook.vocabulary import CONTAINER_MARKERS

#: Quote and list markers before a line's content ('> ', '- ', '1. ', '> - '), read atomically.
_CONTAINERS_RE = re.compile("^" + CONTAINER_MARKERS)
_QUOTES_RE = re.compile(r"^(?>(?:[ \t]*>[ \t]?)*)")


def code_flags(lines: list[OutLine]) -> tuple[list[bool], OutLine | None]:
    """For each line, whether it is a code fence line or inside code (CommonMark: a fence closes
    with the same character, at least as long, and no info); and the fence left open, if any.
    A fence may open inside a list item or quote (`- ```py`); its closing line is then indented
    like the item's content (`  ````), and closes it (it was read as a new fence left open)."""
    flags, fence = [], None
    for o in lines:
        if fence is None:
            within = _CONTAINERS_RE.match(o.text).group()
            m = FENCE_RE.match(o.text[len(within):])
            if m:
                quotes = len(_QUOTES_RE.match(within).group())
                fence = (m["fence"][0], len(m["fence"]), o, len(within) - quotes)
            flags.append(bool(m))
            continue
        text = o.text[len(_QUOTES_RE.match(o.text).group()):]
        indent = len(text) - len(text.lstrip(" "))
        m = FENCE_RE.match(text[min(indent, fence[3]):])
        if m and m["fence"][0] == fence[0] and len(m["fence"]) >= fence[1] and not m["info"].strip():
            fence = None
        flags.append(True)
    return flags, fence[2] if fence else None


#: A heading line, also inside a quote or a list item ('> #### Note', '- ### Step'): Markdown
#: renders it as a heading there too.
_HEADING_RE = re.compile(rf"^(?P<within>{CONTAINER_MARKERS})[ \t]{{0,3}}(?P<level>#{{1,6}})(?P<text>[ \t]+.*|)$")


def rebase_headings(lines: list[OutLine]) -> list[OutLine]:
    """Under the chapter page's H1, no heading skips a level (content kept after a question's
    '---' comes in as written); sibling headings stay siblings (`outline_levels`)."""
    found, seen_title = [], False
    for o, code in zip(lines, code_flags(lines)[0]):
        m = None if code else _HEADING_RE.match(o.text)
        if not m:
            continue
        if not seen_title and len(m["level"]) == 1 and not m["within"]:
            seen_title = True
            continue
        found.append((o, m))
    for (o, m), level in zip(found, outline_levels([max(2, len(m["level"])) for _, m in found])):
        o.text = m["within"] + "#" * level + m["text"]
    return lines


#: A line that CommonMark (the source's own renderer, GitHub's) starts an ordered list item with,
#: but the site does not: '1) .', '2) .com' (the site's lists are numbered '1.' only).
_PAREN_ITEM_RE = re.compile(r"^ {0,3}\d{1,9}\)[ \t]+\S")


def separate_paren_items(lines: list[OutLine]) -> list[OutLine]:
    """Items numbered '1)', '2)' one a line are a list to the source's reader, and one run-on
    paragraph to the site ('1) . 2) .com 3) site.com'): a blank line before each keeps every one
    on its own line, as written (outside code; runs of two or more)."""
    flags = code_flags(lines)[0]
    item = [not code and bool(_PAREN_ITEM_RE.match(o.text)) for o, code in zip(lines, flags)]
    out: list[OutLine] = []
    for k, o in enumerate(lines):
        run = item[k] and ((k > 0 and item[k - 1]) or (k + 1 < len(lines) and item[k + 1]))
        if run and out and out[-1].text.strip():
            out.append(OutLine("", ()))
        out.append(o)
    return out


#: A list item that may interrupt a paragraph in CommonMark (the source's renderer): a bullet, or
#: an ordered item numbered 1, with content after its marker.
_INTERRUPTING_ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|1[.)])[ \t]+\S")
#: A line that is no paragraph text for this purpose: a list item, heading, quote, table row,
#: HTML, a block fence of the pages, or indented (code, or an item's continuation).
_NOT_PROSE_RE = re.compile(r"^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)| {0,3}(?:#|>|\||<|///)|[ \t]{4}|\t)")


def separate_lists(lines: list[OutLine]) -> list[OutLine]:
    """A list that starts right under a line of text is a list to the source's reader (CommonMark
    lets a list interrupt a paragraph) and part of the paragraph to the site (Python-Markdown
    needs a blank line: '并发场景下无法区分： - get … - 还是 …'): a blank line before it keeps it a
    list, as written (outside code; not inside a list already under way)."""
    out: list[OutLine] = []
    prose, after_blank = False, True  # the paragraph under way began as text, not as a list item
    for o, code in zip(lines, code_flags(lines)[0]):
        blank = code or not o.text.strip()
        if blank:
            prose = False
        elif prose and _INTERRUPTING_ITEM_RE.match(o.text):
            out.append(OutLine("", ()))
            prose = False
        elif after_blank:
            prose = not _NOT_PROSE_RE.match(o.text)  # the first line of a paragraph decides
        out.append(o)
        after_blank = blank
    return out


def site_lists(lines: list[OutLine]) -> list[OutLine]:
    """The source's lists as the site must be given them to show them as lists (question blocks and
    chapter pages alike): '1)' items one a line, a list right under a line of text, a block under an
    item written at its text column (separate_paren_items, separate_lists, nest_item_blocks)."""
    return nest_item_blocks(separate_lists(separate_paren_items(lines)))


#: A top-level list item's marker and the spaces after it: its text starts at the match's end.
_ITEM_START_RE = re.compile(r"^(?:[-*+]|\d{1,9}[.)])[ ]+(?=\S)")
#: Python-Markdown's indent for a block inside a list item (its tab length).
ITEM_INDENT = 4


def nest_item_blocks(lines: list[OutLine]) -> list[OutLine]:
    """A block after a blank line under a top-level list item, written at the item's own text column
    (two or three spaces: `1. Click.`, a blank line, `   ![gear](gear.png)`) is in the item for
    CommonMark and GitHub, the source's reader, and after the list for Python-Markdown, which wants
    four (the list cut in two, the next item's marker shown as text): such blocks are written four
    spaces in, as the site needs, a fence with all its lines (lazy lines right under the item, and
    what code holds, decide nothing)."""
    out: list[OutLine] = []
    column, shift, after_blank, in_code = 0, 0, False, False
    for o, code in zip(lines, code_flags(lines)[0]):
        text = o.text
        lead = len(text) - len(text.lstrip(" "))
        opens = code and not in_code  # a fence's first line: a block like any other
        in_code = code
        if code and not opens:
            pass  # the code's own lines follow its fence
        elif not text.strip():
            after_blank = True
        elif lead == 0 and (m := _ITEM_START_RE.match(text)) and not code:
            if shift and out and out[-1].text.strip():
                out.append(OutLine("", ()))  # (right under a block four spaces in, it would go on with its text)
            column, shift, after_blank = len(m.group()), 0, False  # a new item
        elif column and lead < column:
            column, shift, after_blank = 0, 0, False  # the item ended: text at its outer level
        else:
            if column and after_blank and not shift and lead < ITEM_INDENT:
                shift = ITEM_INDENT - column  # a block at the item's column: four spaces in for the site
            after_blank = False
        if shift and text.strip():
            text = " " * shift + text
        out.append(OutLine(text, o.src) if text != o.text else o)
    return out


def no_headings(lines: list[OutLine]) -> list[OutLine]:
    """A heading line left inside a block (it came in with raw HTML) becomes bold text: a topic
    page has one heading, its title."""
    for o, code in zip(lines, code_flags(lines)[0]):
        if not code and (m := _HEADING_RE.match(o.text)) and (words := re.sub(r"\s+#*\s*$", "", m["text"]).strip()):
            o.text = f"{m['within']}**{words}**"
    return lines


_WRAP_OPEN_RE = re.compile(r"^\s*<(div|p|span|section|blockquote)\b[^<>]*>\s*$", re.I)


def unwrap(lines: list[OutLine]) -> tuple[list[OutLine], tuple[int, ...], tuple[int, ...]]:
    """A part wrapped whole in a bare `<div>`/`<p>` … `</div>` pair (a layout the site does not
    need, and that would hide the part's Markdown): the wrapper lines become the block's fences
    (their source lines go with them)."""
    if len(lines) < 3:
        return lines, (), ()
    m = _WRAP_OPEN_RE.match(lines[0].text)
    if not m or not re.match(rf"^\s*</{m[1]}\s*>\s*$", lines[-1].text, re.I):
        return lines, (), ()
    inner = "\n".join(o.text for o in lines[1:-1])
    if len(re.findall(rf"<{m[1]}\b", inner, re.I)) != len(re.findall(rf"</{m[1]}\s*>", inner, re.I)):
        return lines, (), ()
    return trim(lines[1:-1]), lines[0].src, lines[-1].src


def trim(lines: list[OutLine]) -> list[OutLine]:
    """Drop blank lines at the edges of a block (blank lines carry no text to lose)."""
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]


def no_closing_rule(lines: list[OutLine]) -> list[OutLine]:
    """A topic page does not end on a thematic break: a `---` or `***` after a question's last
    block separated it from the next question in the source, and on the page would be a rule
    under the answer with nothing after it. Its source line goes with the line before."""
    lines = squeeze(lines)
    while len(lines) > 1 and HR_RE.match(lines[-1].text) and not code_flags(lines)[0][-1]:
        gone = lines.pop()
        lines = squeeze(lines)
        lines[-1].src = lines[-1].src + gone.src
    return lines


def squeeze(lines: list[OutLine]) -> list[OutLine]:
    """Collapse runs of blank lines outside code to one; keep lines that carry source."""
    out: list[OutLine] = []
    for o, code in zip(lines, code_flags(lines)[0]):
        if not code and not o.text.strip() and out and not out[-1].text.strip():
            if o.src:
                out[-1].src = out[-1].src + o.src
            continue
        out.append(o)
    while out and not out[-1].text.strip():
        out.pop()
    return out
