"""What the build would refuse or what would swallow the page, made harmless at import time.

The imported text is untrusted. Raw `<script>`, `<style>`, `<iframe>` and kin, event attributes
(`onerror=`), `javascript:` URLs (QA070), raw HTML left open that hides later blocks (QA024),
`<textarea>`/`<title>`/`<xmp>`/`<plaintext>`/`<noembed>` that would swallow the rest of the page,
and lists or quotes nested deeper than the renderer allows (QA027) are kept **visible as text**
(a `<` written `&lt;`, a marker escaped with `\\`): nothing is dropped, and each change is a
warning at its source line saying what was done. It does not depend on any render-time sanitiser.
"""

from __future__ import annotations

import re
from pathlib import Path

from qabook.diagnostics import Diagnostic, Severity
from qabook.vocabulary import CONTAINER_MARKERS
from qabook.parser import MAX_NESTING, nesting_depth, parse_page
from qabook.rules.safety import UNSAFE_TAGS, page_problems

#: Elements whose content the browser reads as raw text up to their end tag (or to the end of
#: the page): left open, they swallow everything after them.
SWALLOWING = ("textarea", "title", "xmp", "plaintext", "noembed", "noframes", "noscript", "listing")
_SWALLOW_RE = re.compile(r"<\s*(" + "|".join(SWALLOWING) + r")\b", re.I)
_UNSAFE_ALL_RE = re.compile(r"<\s*/?\s*(?:" + "|".join(UNSAFE_TAGS) + r")\b", re.I)
_LIST_MARK_RE = re.compile(r"^(\s*)(>|[-*+]|\d+[.)])(?=\s|$)")
_ROUNDS = 200
_SCHEME_RE = re.compile(r"(?:javascript|vbscript|data)\s*:", re.I)
_LINK_SCHEME_RE = re.compile(r"\](?:\(|:)\s*<?\s*(?!https?:)[A-Za-z][\w+.-]*:", re.I)  # '[Open](jetbrains://…)': may be refused
_FENCE_WORDS_RE = re.compile(r"^(?:\s*>)*\s*(?:`{3,}|~{3,})\s*\S+[ \t]+\S|^ {1,3}(?:`{3,}|~{3,})", re.M)  # '```c ++', ' ```js'
_INNER_FENCE_RE = re.compile(r"^(?P<lead>\s+(?:(?:[-*+]|\d{1,9}[.)])\s+)?)(?P<fence>`{3,}|~{3,})")  # '    ```js' in an item
_NESTED_RE = re.compile(r"^[ \t]+(?:(?:[-*+>]|\d{1,9}[.)])[ \t]+)*(?:#{1,6}[ \t]|`{3,}|~{3,})", re.M)  # in a list item
_DEEP_RE = re.compile(r"^(?:\s*(?:[-*+>]|\d+[.)])\s*){20,}|^ {40,}", re.M)


def _parse(page) -> object:
    kind = "chapter" if page.rel.endswith("/index.md") else "topic"
    return parse_page(page.text, Path(page.rel), page.rel, page.rel, kind)


def _escape_lt(text: str, at: int) -> str:
    return text[:at] + "&lt;" + text[at + 1:]


def _tag_start(text: str, attr_at: int) -> int:
    """The `<` of the element an attribute at `attr_at` belongs to."""
    return text.rfind("<", 0, attr_at + 1)


def neutralise(page, source: str) -> list[Diagnostic]:
    """Make the page safe to build, in place; one warning per change, at its source line."""
    diags: list[Diagnostic] = []
    text = page.text
    if "<" not in text and not _SCHEME_RE.search(text) and not _LINK_SCHEME_RE.search(text) \
            and not _DEEP_RE.search(text) and not _FENCE_WORDS_RE.search(text) and not _NESTED_RE.search(text):
        return diags  # nothing that could need it: no parse

    def note(out, code: str, message: str) -> None:
        diags.append(Diagnostic(source, out.src[0] if out.src else 1, 1, code, message, Severity.WARNING))

    for _ in range(_ROUNDS):
        # Each pass fixes every finding it sees (they are line-local), then reads the page again:
        # one render per pass, not one per finding (a hostile page can hold thousands).
        parsed = _parse(page)
        changed = False
        for d in parsed.structure:
            if d.code not in ("QA024", "QA027", "QA023") or not 0 < d.line <= len(page.lines):
                continue
            out = page.lines[d.line - 1]
            if d.code == "QA023" and "never closed at its own indent" in d.message:
                if not re.match(r"^ {1,3}(?:`{3,}|~{3,})", out.text):
                    opener, out = out, _indented_closer(page.lines, d.line - 1)
                    if out is None and (fence := _INNER_FENCE_RE.match(opener.text)):
                        # a fence inside a list item that nothing closes before the item ends (the source's
                        # own slip): its marks are written as entities, so its lines read as text
                        shown = opener.text.strip()[:40]
                        entity = "&#96;" if fence["fence"][0] == "`" else "&#126;"
                        opener.text = fence["lead"] + entity * len(fence["fence"]) + opener.text[fence.end():]
                        note(opener, "QI023", f"code fence '{shown}' is never closed inside its "
                                              "list item, so the site would show it as text anyway: its marks are "
                                              "kept as text")
                        changed = True
                        continue
                    if out is None:
                        continue  # '```' at the line's start that closes nothing: the fence before it is the cause
                note(out, "QI023", f"code fence '{out.text.strip()}' is indented more than its code, so the site "
                                   "would show it as text: written at the start of its line")
                out.text = out.text.lstrip(" ")
            elif d.code == "QA023":
                if "is not a fence to the site" not in d.message or (fixed := fence_header(out.text)) == out.text:
                    continue
                note(out, "QI023", f"code fence '{out.text.strip()}' is not a fence to the site (words after the "
                                   f"language): written as '{fixed.strip()}', so the code shows as code")
                out.text = fixed
            elif d.code == "QA024":
                at = out.text.find("<")
                if at < 0:
                    continue
                out.text = _escape_lt(out.text, at)
                note(out, "QI017", "raw HTML opened here is never closed and would hide the rest of the page: "
                                   "kept as text")
            else:
                before = out.text
                out.text = _flatten(out.text)
                if out.text == before:
                    continue
                note(out, "QI023", "lists or quotes nested deeper than the site renders: the line's first marker is "
                                   "escaped, so it is kept as text")
            changed = True
        # QA060: a heading deeper than one below the one before; siblings stay siblings (outline_levels)
        top = parsed.headings[0].level if parsed.headings else 1
        levels = [h.level for h in parsed.headings]
        for k, (h, level) in enumerate(zip(parsed.headings, outline_levels(levels, top - 1))):
            if level == h.level or not 0 < h.line <= len(page.lines):
                continue
            out = page.lines[h.line - 1]
            # (the markers before it read atomically: spaces are never tried two ways)
            fixed = re.sub(rf"^({CONTAINER_MARKERS}[ \t]*)#{{{h.level}}}(?=[ \t]|$)",
                           lambda m: m.group(1) + "#" * level, out.text, count=1)
            if fixed != out.text:
                out.text = fixed
                note(out, "QI023", f"heading level {h.level} after level {levels[k - 1]} skips a level, which the "
                                   f"build refuses: written as level {level} (its siblings as written stay its siblings)")
                changed = True
        if changed:
            continue
        touched: set[int] = set()  # one fix a line a pass: the next render says what is left
        for line, _col, what in page_problems(parsed, frozenset()):
            if not 0 < line <= len(page.lines) or line in touched:
                continue
            touched.add(line)
            out = _fix_unsafe(page.lines, line - 1, what)
            if out is not None:
                note(out, "QI023", f"{what.removeprefix('link: ')}: the build refuses it, so it is kept as text")
                changed = True
        if changed:
            continue
        for k, out in enumerate(page.lines):
            m = _SWALLOW_RE.search(out.text)
            if not m:
                continue
            tag = m.group(1).lower()
            rest = "\n".join(o.text for o in page.lines[k:])
            if tag != "plaintext" and re.search(rf"</\s*{tag}\s*>", rest[m.end():], re.I):
                continue
            out.text = re.sub(rf"<(?=\s*/?\s*{tag}\b)", "&lt;", out.text, flags=re.I)
            note(out, "QI023", f"<{tag}> is never closed and would swallow the rest of the page: kept as text")
            changed = True
            break
        if not changed:
            break
    return diags


def outline_levels(levels: list[int], top: int = 1) -> list[int]:
    """The source's heading levels written so that none skips a level under a heading of level
    `top`, the outline kept: siblings stay siblings (`##`, `#####`, `#####` → 2, 3, 3: each is
    one level below its nearest shallower heading as written), a child stays below its parent."""
    stack: list[tuple[int, int]] = []  # (level as written, level given), shallowest first
    out = []
    for level in levels:
        while stack and stack[-1][0] >= level:
            stack.pop()
        given = min(level, stack[-1][1] + 1 if stack else top + 1)
        out.append(given)
        stack.append((level, given))
    return out


def _indented_closer(lines: list, opener: int):
    """The line meant to close the fence opened at `opener` but indented a little ('```' then ' ```'):
    CommonMark closes it there, the site does not — so it is written at the start of its line."""
    m = re.match(r"^(`{3,}|~{3,})", lines[opener].text)
    if not m:
        return None
    fence = m.group(1)
    for out in lines[opener + 1:]:
        close = re.match(r"^ {1,3}(`{3,}|~{3,})\s*$", out.text)
        if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence):
            return out
        if re.match(r"^(`{3,}|~{3,})\s*$", out.text):
            return None  # closed at its own indent further on: something else is wrong
    return None


_FENCE_HEADER_RE = re.compile(r"^(?P<indent>(?:\s*>)*\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*?)\s*$")  # also in a quote


def fence_header(line: str) -> str:
    """A fence line the site takes: the language alone ('```c ++' → '```c++' when the rest is
    only signs), the other words kept as the fence's title ('```js example' → '```js title="example"')."""
    m = _FENCE_HEADER_RE.match(line)
    if not m or not m["info"]:
        return line
    words = m["info"].split()
    rest = " ".join(words[1:])
    if not re.search(r"\w", rest):  # 'c ++', 'c #': one language written with a space
        lang, rest = re.sub(r"[^\w#.+-]", "", "".join(words)), ""
    else:
        lang = re.sub(r"[^\w#.+-]", "", words[0])
    title = f' title="{rest.replace(chr(34), chr(39))}"' if rest else ""
    return f"{m['indent']}{m['fence']}{lang}{title}"


_TAG_OPEN_RE = re.compile(r"<(?=\s*/?\s*[A-Za-z!?])")


def _fix_unsafe(lines: list, index: int, what: str):
    """Make one sanitiser finding at `lines[index]` text; the line changed, or None when it
    was fixed already. A finding of a kind not named below (say a `style` holding a script
    URL) still becomes text: the tags on its line, or of the nearest line above that opens one."""
    out = lines[index]
    before = out.text
    named = re.search(r"'([A-Za-z][\w+.-]*):' URL", what)  # the scheme the sanitiser refused: 'jetbrains:'
    schemes = re.escape(named.group(1)) if named else "javascript|vbscript|data"
    definition = re.match(rf"^(\s{{0,3}})\[(?=[^\]]+\]:\s*<?\s*(?:{schemes})\s*:)", out.text, re.I)
    if definition:  # '[s]: ms-settings:display', a reference link's target: the line is kept as text
        out.text = out.text[:definition.end(1)] + "\\" + out.text[definition.end(1):]
    elif what.startswith("raw <"):  # its start and end tags, so that all of it reads as text
        out.text = _UNSAFE_ALL_RE.sub(lambda m: "&lt;" + m.group()[1:], out.text)
    elif what.startswith("event attribute"):
        m = re.search(r"[\s/\"'](on[a-z]+)\s*=", out.text, re.I)
        at = _tag_start(out.text, m.start()) if m else -1
        if at >= 0:
            out.text = _escape_lt(out.text, at)
    elif what.startswith("link"):
        out.text = re.sub(rf"\]\((?=\s*<?\s*(?:{schemes})\s*:)", r"]\\(", out.text, count=1, flags=re.I)
    else:  # a script URL in a raw tag
        m = re.search(r"(?:href|src|action|formaction|data|poster|srcdoc)\s*=\s*[\"']?\s*(?:javascript|vbscript|data)\s*:",
                      out.text, re.I)
        at = _tag_start(out.text, m.start()) if m else -1
        if at >= 0:
            out.text = _escape_lt(out.text, at)
    if out.text != before:
        return out
    if not what.startswith("link"):
        for k in range(index, max(-1, index - 20), -1):  # an attribute may sit on a tag's later line
            if _TAG_OPEN_RE.search(lines[k].text):
                lines[k].text = _TAG_OPEN_RE.sub("&lt;", lines[k].text)
                return lines[k]
    return None


def _flatten(text: str) -> str:
    """The line out of its nesting: its indent dropped and its first list or quote marker
    escaped (`\\-`, `\\>`, `1\\.`), so that it is text at the top level (its words unchanged)."""
    text = text.lstrip()
    m = _LIST_MARK_RE.match(text)
    if not m:
        return text
    mark = m.group(2)
    escaped = "\\" + mark if not mark[0].isdigit() else mark[:-1] + "\\" + mark[-1]
    return text[:m.start(2)] + escaped + text[m.end(2):]


_RAW_BLOCK_RE = re.compile(r"^\s{0,3}<(script|pre|style|textarea|!--)(?=[\s>/]|$|(?<=--))", re.I)


def readable(lines: list[str]) -> list[str]:
    """The lines as the importer should read their structure: an HTML block that is never
    closed (`<textarea>`, `<script>`, `<!--` …) would make the whole rest of the document one
    block, hiding its questions, and so would a list nested past the parser's limit; such a
    line is read as text (the page keeps it, made safe)."""
    out = list(lines)
    joined = "\n".join(lines).lower()
    offset = 0
    for i, line in enumerate(lines):
        if _DEEP_RE.match(line) and (nesting_depth(line) > MAX_NESTING or _markers(line) > MAX_NESTING):
            out[i] = _flatten(line)  # past the parser's nesting limit, the rest of the document would be lost
        m = _RAW_BLOCK_RE.match(line)
        if m:
            tag = m.group(1).lower()
            end = "-->" if tag == "!--" else f"</{tag}>"
            if joined.find(end, offset + m.end()) < 0:
                out[i] = line.replace("<", "&lt;", 1)
        offset += len(line) + 1
    return out


def _markers(line: str) -> int:
    """How many list or quote markers open a line ('- - - x', '> > > x')."""
    m = re.match(r"^(?:\s*(?:[-*+>]|\d+[.)])(?=\s))*", line)
    return len(re.findall(r"[-*+>]|\d+[.)]", m.group())) if m else 0
