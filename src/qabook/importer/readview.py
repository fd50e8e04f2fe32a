"""The document as the importer reads its structure (its *parse view*): the source lines, with
what would hide that structure from the parser made harmless. The pages are always written
from the source lines; only where blocks begin and end is read from this view.

- what `neutralise.readable` makes text (an HTML block never closed, nesting past the limit);
- YAML front matter (`---` … `---` on the first lines) is one block of its own, not a
  thematic break and a setext heading;
- a code fence the author never closed swallows the headings after it up to the next fence
  line, which then closes it and shifts every fence after it: when a heading *inside* a fence
  continues the document's own numbered headings (`### Question 33` after `### Question 32`),
  the fence is read as closed on the blank line before it (the page keeps the fence open in
  its block, where it is closed and reported: QI014); a fence never closed at all, which would
  hold the rest of the document, is read as closed on the blank line before the first line
  inside it written the way the document starts its parts outside fences (a `##` heading of a
  level used there, a `**Q:**` label line of a label used there);
- a line written in inline HTML (`<b>3. Why?</b><br>`, `<h3>Why?</h3>`) is its Markdown twin
  (`htmltwin.py`);
- a line of nothing but invisible characters (a zero-width space U+200B, a word joiner, a BOM)
  is the blank line it looks like: it separates blocks, it does not continue a quote or a
  paragraph, nor make the line under it a setext heading's text;
- a line of nothing but line breaks (`<br><br>`) that opens a block, a blank line above it, is
  the space it shows: the block starts under it (`<br><br>` over `Question 1.` is read as
  `Question 1.`, like the questions after it, whose `<br><br>` closes the answer above them);
- a line that opens with one to six `#` and a word glued to them (`##单选题`), outside fences, is the
  heading Python-Markdown (what MkDocs renders with) makes of it, though CommonMark wants a space.
"""

from __future__ import annotations

import re

from qabook.importer.htmltwin import twin_view
from qabook.importer.labels import paragraph_label
from qabook.importer.neutralise import readable
from qabook.importer.shapes import ATX_HEADING_RE, FENCE_RE, unfenced

_SIGNATURE_RE = re.compile(r"^(?P<word>\D*?)\s*(?P<n>\d+)\b")
_YAML_KEY_RE = re.compile(r"^[A-Za-z_][\w -]*:(\s|$)")
#: A line that shows as blank: whitespace and at least one invisible character (a line of spaces is blank already).
_INVISIBLE_RE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*[\u200b-\u200d\u2060\ufeff][\s\u200b-\u200d\u2060\ufeff]*")


def parse_view(lines: list[str]) -> list[str]:
    """The lines to read the document's structure from (same length as `lines`)."""
    view = readable(lines)
    view = ["" if _INVISIBLE_RE.fullmatch(line) else line for line in view]
    view = _spacing(view)
    view = front_matter_comment(view)
    view = _glued_headings(view)
    view = twin_view(view)
    return _close_swallowing_fences(view)


#: A line of line breaks only: '<br>', '<br/><br />'.
_BREAKS_RE = re.compile(r"\s*(?:<br\s*/?>\s*)+", re.I)


def _spacing(view: list[str]) -> list[str]:
    """Lines of only `<br>` tags that open a block (blank line or nothing above, text under them) as
    blank lines: the space they show, not the first line of the paragraph under them."""
    out = list(view)
    for k, line in unfenced(view):
        if _BREAKS_RE.fullmatch(line) and (k == 0 or not view[k - 1].strip()) \
                and k + 1 < len(view) and view[k + 1].strip() and not view[k + 1].lstrip().startswith("<"):
            out[k] = ""
    return out


#: A heading's marks with its text glued to them, from the line's first column: '##单选题'.
_GLUED_HEADING_RE = re.compile(r"(#{1,6})(?=[^#\s])")


def _glued_headings(view: list[str]) -> list[str]:
    """Lines '##单选题' as '## 单选题': Python-Markdown reads a heading in any line that opens with
    one to six '#' in its first column, a space after them or not (CommonMark, which the parser
    follows, asks for the space)."""
    out = list(view)
    for k, line in unfenced(view):
        if m := _GLUED_HEADING_RE.match(line):
            out[k] = f"{m[1]} {line[m.end():]}"
    return out


def front_matter_end(lines: list[str]) -> int:
    """The 0-based line after a YAML front matter block that opens the document, or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for k in range(1, min(len(lines), 80)):
        if lines[k].strip() in ("---", "..."):
            body = [x for x in lines[1:k] if x.strip()]
            if body and _YAML_KEY_RE.match(body[0]) and sum(bool(_YAML_KEY_RE.match(x)) for x in body) * 2 >= len(
                    [x for x in body if not x.startswith((" ", "\t", "-"))]):
                return k + 1
            return 0
    return 0


def front_title(lines: list[str]) -> str:
    """The `title:` of the document's YAML front matter, unquoted ('' when none): the page's title
    as a docs site (VuePress, Hugo, MkDocs) shows it."""
    for line in lines[1:front_matter_end(lines) - 1]:
        m = re.match(r"^title:\s*(?P<t>.+?)\s*$", line)
        if m:
            value = m["t"]
            if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]  # quoted whole: 'title: "Why?"' (a quote inside the title stays)
            return value.strip()
    return ""


def front_matter_comment(lines: list[str]) -> list[str]:
    """The lines with their front matter written as one HTML comment block: how the structure is
    read, and how the chapter page keeps it (its words kept, out of the page's text; the page's
    own front matter is the one qabook writes)."""
    end = front_matter_end(lines)
    if not end:
        return lines
    out = list(lines)
    out[0] = "<!--"
    out[end - 1] = "-->"
    for k in range(1, end - 1):
        out[k] = out[k].replace("-->", "--&gt;")
    return out



def _signature(text: str) -> tuple[str, int] | None:
    """'Question 33' → ('question', 33); '33. Title' → ('', 33)."""
    m = _SIGNATURE_RE.match(re.sub(r"[*_`]", "", text).strip())
    if not m or len(m["word"]) > 20:
        return None
    return m["word"].strip().lower(), int(m["n"])


def _fences(view: list[str]) -> list[tuple[int, int | None]]:
    """(opening line, closing line or None) of each fenced code block, CommonMark's way."""
    out: list[tuple[int, int | None]] = []
    i = 0
    while i < len(view):
        m = FENCE_RE.match(view[i])
        if m and not (m["fence"][0] == "`" and "`" in m["info"]):
            char, width = m["fence"][0], len(m["fence"])
            close = next((k for k in range(i + 1, len(view)) if (c := FENCE_RE.match(view[k]))
                          and c["fence"][0] == char and len(c["fence"]) >= width and not c["info"].strip()), None)
            out.append((i, close))
            i = (close if close is not None else len(view)) + 1
            continue
        i += 1
    return out


def _close_swallowing_fences(view: list[str]) -> list[str]:
    """Close, in the view, a fence that swallows a heading continuing the document's numbered
    headings (at most a few rounds: each repair can realign the fences after it)."""
    for _ in range(20):
        fences = _fences(view)
        inside = {k for o, c in fences for k in range(o, (c if c is not None else len(view) - 1) + 1)}
        outside: dict[tuple[int, str], list[int]] = {}
        for k, line in enumerate(view):
            m = ATX_HEADING_RE.match(line)
            if k not in inside and m and (sig := _signature(m["text"])):
                outside.setdefault((len(m["marks"]), sig[0]), []).append(sig[1])
        repaired = False
        for opener, close in fences:
            stop = close if close is not None else len(view)
            for k in range(opener + 1, stop):
                m = ATX_HEADING_RE.match(view[k])
                sig = _signature(m["text"]) if m else None
                numbers = outside.get((len(m["marks"]), sig[0])) if m and sig else None
                if not numbers or len(numbers) < 3 or sig[1] - 1 not in numbers or sig[1] in numbers:
                    continue
                if k - 1 == opener:  # the heading right under the 'opener': that line closed a fence the
                    view = list(view)  # parser did not see open (say, behind an invisible character)
                    view[opener] = ""
                elif not view[k - 1].strip():
                    fence = FENCE_RE.match(view[opener])["fence"]
                    view = list(view)
                    view[k - 1] = fence[0] * len(fence)
                else:
                    continue
                repaired = True
                break
            if repaired:
                break
        if not repaired:
            return _close_unclosed_fence(view, fences, inside)
    return view


def _part_key(line: str) -> tuple | None:
    """How a line starts a part of the document: a heading of level 2 or more (a level-1 heading
    may be a shell or Python comment), or a label line ('**Q:** …', '答案：')."""
    m = ATX_HEADING_RE.match(line)
    if m and len(m["marks"]) >= 2 and m["text"]:
        return ("heading", len(m["marks"]))
    label = paragraph_label(line)
    return ("label", label.kind, label.word.lower()) if label is not None else None


def _close_unclosed_fence(view: list[str], fences: list[tuple[int, int | None]], inside: set[int]) -> list[str]:
    """A fence never closed holds every line after it: read it as closed on the blank line before
    the first line inside it that starts a part the way the document does outside its fences."""
    if not fences or fences[-1][1] is not None:
        return view
    opener = fences[-1][0]
    used = {key for k, line in enumerate(view) if k not in inside and (key := _part_key(line))}
    for k in range(opener + 2, len(view)):
        if not view[k - 1].strip() and _part_key(view[k]) in used:
            fence = FENCE_RE.match(view[opener])["fence"]
            view = list(view)
            view[k - 1] = fence[0] * len(fence)
            return view
    return view
