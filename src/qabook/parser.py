"""Parse one page's text into a `Page`: front matter, fenced blocks, questions, headings, links.

Fenced `///` blocks are found line by line (they are not CommonMark); headings and links come
from markdown-it-py, run over the body with the front matter blanked so line numbers stay true.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from pymdownx.slugs import slugify

from qabook.diagnostics import Diagnostic
from qabook.model import Block, Heading, Link, Page, Question
from qabook.rawhtml import raw_html_spans
from qabook.vocabulary import CONTAINER_MARKERS, default_known_blocks, qa_types

FENCE_RE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# As pymdownx.blocks reads them: up to three spaces of indent, spaces (not tabs) between parts.
BLOCK_OPEN_RE = re.compile(
    r"^(?P<indent> {0,3})(?P<slashes>/{3,}) *(?P<type>[\w-]+) *(?:\| *(?P<title>.*?))? *$"
)
BLOCK_CLOSE_RE = re.compile(r"^ {0,3}(?P<slashes>/{3,}) *$")
# Indented lines right after a block's first line are its YAML options (pymdownx.blocks).
OPTION_LINE_RE = re.compile(r"^ {4,}\S")
BLOCK_OPTIONS = {"question": {"attrs"}, "answer": {"attrs", "open"}, "explanation": {"attrs", "open"}}
# Characters that make a fence line look right but not be one.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Quote and list-item markers before a fence put the block inside the quote or list item.
CONTAINER_RE = re.compile("^" + CONTAINER_MARKERS)
#: Lists and quotes nested deeper than this make the renderer fail (RecursionError near 450).
MAX_NESTING = 100
HEADING_RE = re.compile(r"^ {0,3}#{1,6}(\s|$)")
HR_RE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
HTML_COMMENT_RE = re.compile(r"^\s*<!--.*-->\s*$")
ATTR_ID_RE = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
HTML_ID_RE = re.compile(r"""\bid=["']([^"']+)["']""")
CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
IMG_SRC_RE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


# Block structure only; inline tokens are parsed on demand, just those that can hold a link
# (about a third of the time of a full parse goes to inline text that holds none).
_md = MarkdownIt("commonmark").enable("table").disable("inline")
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~7x faster
_slug = slugify(case="lower")


def heading_anchor(text: str) -> str:
    """The id MkDocs gives a heading, with mkdocs.yml's `toc.slugify: pymdownx.slugs.slugify`."""
    plain = re.sub(r"[*_`]|<[^>]+>", "", text)
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
    return _slug(plain.strip(), "-")


def parse_front_matter(lines: list[str], display: str, page: Page) -> int:
    """Fill page.meta from a leading `---` block; return the number of lines it takes."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        page.structure.append(Diagnostic(display, 1, 1, "QA010",
                                         "front matter opened with '---' is never closed: add a '---' line after it"))
        return 0
    page.meta_line, page.meta_end = 1, end + 1
    raw = "\n".join(lines[1:end])
    try:
        try:
            meta = yaml.load(raw, Loader=_SafeLoader) if raw.strip() else {}
        except yaml.YAMLError:  # the pure-Python loader places errors where a person looks
            meta = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        col = 1 + (mark.column if mark else 0)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        page.structure.append(Diagnostic(display, line, col, "QA010",
                                         f"invalid front matter: {problem}; expected 'key: value' lines"))
        return end + 1
    if not isinstance(meta, dict):
        page.structure.append(Diagnostic(display, 2, 1, "QA010",
                                         "invalid front matter: expected a mapping of 'key: value' lines"))
        return end + 1
    page.meta = meta
    return end + 1


#: A fence's first line as pymdownx.superfences reads it, after its prefix of spaces, tabs and
#: `>`: the fence, a language, then `{attributes}`, `key="value"` options or other words.
SUPERFENCE_START_RE = re.compile(
    r"(?P<fence>~{3,}|`{3,})(?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[\t ]|$))?"
    r"(?:[ \t]*(?P<attrs>\{[^\n]*\})"
    r"|(?P<options>(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quot>[\"']).*?(?P=quot))?(?=[\t ]|$))+)"
    r"|(?P<unrecognized>(?:[ \t]*\S+(?=[\t ]|$))+))?[ \t]*$")
_OPTION_RE = re.compile(r"(?P<key>[a-zA-Z][a-zA-Z0-9_]*)(?:=(?P<quot>[\"'])(?P<value>.*?)(?P=quot))?")
#: The options the site's highlighter takes on a fence line; any other makes it not a fence.
_FENCE_OPTIONS = {"hl_lines", "linenums", "title"}
_PREFIX = " \t>"


@dataclass(frozen=True)
class Fences:
    """Fenced code of a page as pymdownx.superfences finds it, before anything else reads the
    page (a fence inside an HTML comment or a `///` block still opens code)."""

    code: set[int]  # 0-based indexes of the lines of closed fences, fences included
    unclosed: list[tuple[int, str]]  # (0-based line, fence) of fences never closed: shown as text
    refused: dict[int, str]  # 0-based line → fence line whose header makes it text (```c ++)


def _prefix(line: str, limit: int | None = None) -> tuple[str, int]:
    """The leading spaces, tabs and `>` (tabs expanded to 4), up to `limit` columns; and how many
    characters of `line` that is."""
    if not line or line[0] not in _PREFIX:
        return "", 0  # most lines (fast path)
    out: list[str] = []
    used = 0
    for c in line:
        if (limit is not None and len("".join(out)) >= limit) or c not in _PREFIX:
            break
        out.append(" " * (4 - len("".join(out)) % 4) if c == "\t" else c)
        used += 1
    return "".join(out), used


def _opens(m: re.Match[str]) -> bool:
    """Whether superfences takes a fence line with this header as a fence (unknown words or
    options after the language make it text)."""
    if m["unrecognized"]:
        return False
    if m["options"]:
        return all(o["key"] in _FENCE_OPTIONS and o["value"] is not None for o in _OPTION_RE.finditer(m["options"]))
    return True


def fenced_code(lines: list[str], first: int) -> Fences:
    """Read fenced code the way pymdownx.superfences does: a fence opens after any prefix of
    spaces, tabs and `>`; every later non-blank line must carry that same prefix (fewer columns,
    or a quote where there was none, and the fence is dropped: its lines are ordinary text, the
    dropping line included); it closes only at the same prefix with exactly the same fence. A
    fence never closed is text, so it hides nothing after it."""
    code: set[int] = set()
    unclosed: list[tuple[int, str]] = []
    refused: dict[int, str] = {}
    opened: tuple[int, str, int, int] | None = None  # (line, fence, prefix columns, quote level)
    for idx in range(first, len(lines)):
        line = lines[idx].rstrip("\r")
        if opened is None:
            if "`" not in line and "~" not in line:  # no fence can open here (fast path)
                continue
            ws, used = _prefix(line)
            m = SUPERFENCE_START_RE.match(line, used)
            if m and _opens(m):
                opened = (idx, m["fence"], len(ws), ws.count(">"))
            elif m:
                refused[idx] = m["fence"]
            continue
        start, fence, width, quotes = opened
        ws, used = _prefix(line, width)
        content = line[used:]
        if not (ws + content).strip():
            continue
        level = ws.count(">")
        if quotes and level == quotes and not content.strip():
            continue  # a line of the quote's markers alone ('>') is a blank line inside the quote
        dropped = (level > quotes or len(ws) < width) if quotes else (level > 0 or len(ws) != width)
        if dropped:
            unclosed.append((start, fence))
            opened = None
        elif re.fullmatch(re.escape(fence) + r"[ \t]*", content):
            code.update(range(start, idx + 1))
            opened = None
    if opened is not None:
        unclosed.append(opened[:2])
    return Fences(code, unclosed, refused)


def code_lines(lines: list[str], first: int) -> set[int]:
    """0-based indexes of the lines of fenced code (fences included): see `fenced_code`."""
    return fenced_code(lines, first).code


def _is_fence(text: str) -> bool:
    return bool(BLOCK_OPEN_RE.match(text) or BLOCK_CLOSE_RE.match(text))


def fence_lookalike(raw: str) -> tuple[int, str] | None:
    """(1-based column, what is wrong) when a line would be a `///` fence but for a non-ASCII
    space, an invisible character, full-width letters or an indent of four spaces or more
    (the renderer then reads it inside the list item or code above); None otherwise."""
    if "/" not in raw and "／" not in raw:  # most lines hold no slash at all (fast path)
        return None
    if BLOCK_OPEN_RE.match(raw) or BLOCK_CLOSE_RE.match(raw):
        return None
    container = CONTAINER_RE.match(raw).end()
    if container and _is_fence(raw[container:]):
        return container + 1, "container"
    indent = len(raw) - len(raw.lstrip(" "))
    if indent >= 4 and (BLOCK_OPEN_RE.match(raw.lstrip(" ")) or BLOCK_CLOSE_RE.match(raw.lstrip(" "))):
        return indent + 1, f"an indent of {indent} spaces (the site nests it in the list item or code above)"
    plain = unicodedata.normalize("NFKC", raw.translate({ord(c): None for c in INVISIBLE}))
    plain = plain.replace("\u00a0", " ")
    if not (BLOCK_OPEN_RE.match(plain) or BLOCK_CLOSE_RE.match(plain)):
        return None
    if raw.startswith(" " * 4) and plain.startswith(" " * 4):
        return None
    for col, char in enumerate(raw, 1):
        if char in INVISIBLE or not char.isascii():
            return col, f"U+{ord(char):04X} {unicodedata.name(char, 'UNKNOWN')}"
    return None


def nesting_depth(raw: str) -> int:
    """How deep a line sits in lists and quotes, roughly: '>' marks plus indent in pairs of spaces."""
    quotes = 0
    rest = raw
    while True:
        stripped = rest.lstrip(" ")
        if not stripped.startswith(">"):
            break
        quotes += 1
        rest = stripped[1:]
    indent = len(rest.expandtabs(4)) - len(rest.expandtabs(4).lstrip(" "))
    return quotes + indent // 2


def _language(line: str, fence: str) -> str:
    words = line.strip()[len(fence):].split()
    return re.sub(r"[^\w#.+-]", "", words[0]) if words else ""


def _ends_code_span(lines: list[str], idx: int, fence: str, code: set[int]) -> bool:
    """Whether the backticks of an unclosed fence line close a code span its paragraph opened
    (`- ```python`, code, then an indented ```): inline code the site shows as such, no mistake."""
    if fence[0] != "`":
        return False
    run = re.compile(rf"(?<!`){fence}(?!`)")
    count = 0
    k = idx - 1
    while k >= 0 and lines[k].strip() and k not in code and not _is_fence(lines[k]):
        count += len(run.findall(lines[k]))
        k -= 1
    return count % 2 == 1


def _check_options(page: Page, block: Block, lines: list[str], idx: int) -> int:
    """Indented lines right after a block's first line are options; bad ones unmake the block.
    Returns how many lines are valid options (not the block's content)."""
    end = idx + 1
    while end < len(lines) and OPTION_LINE_RE.match(lines[end].expandtabs(4)):
        end += 1
    if end == idx + 1 or block.kind not in BLOCK_OPTIONS:
        return 0
    try:
        options = yaml.safe_load("\n".join(line.expandtabs(4)[4:] for line in lines[idx + 1:end]))
    except yaml.YAMLError:
        options = None
    allowed = BLOCK_OPTIONS[block.kind]
    if isinstance(options, dict) and set(options) <= allowed:
        return end - idx - 1
    page.structure.append(Diagnostic(
        page.display, idx + 2, 1, "QA025",
        f"indented line right after '/// {block.kind}' is read as block options and is not valid"
        f" ({', '.join(sorted(allowed))} only), so the block is shown as plain text: remove the indent"))
    return 0


def _raw_name(opener: str) -> str:
    return "HTML comment" if opener == "<!--" else f"raw HTML block {opener}"


def scan_blocks(lines: list[str], first: int, page: Page, known: set[str] | frozenset[str]) -> None:
    """Find `///` blocks, code fences and stray top-level text, from 0-based line `first` on.

    Lines inside raw HTML blocks (comments, `<div>`…) are skipped, as Python-Markdown passes them
    through untouched; one that hides a block fence is reported.
    """
    display = page.display
    fences = fenced_code(lines, first)
    code = fences.code
    hidden: set[int] = set()
    for raw_span in raw_html_spans(lines, first, code):
        start, end = raw_span.first, raw_span.last
        span = range(start, end + 1)
        hidden.update(span)
        for idx in span:
            if idx not in code and (BLOCK_OPEN_RE.match(lines[idx]) or BLOCK_CLOSE_RE.match(lines[idx])):
                page.structure.append(Diagnostic(
                    display, start + 1, 1, "QA024",
                    f"{_raw_name(raw_span.opener)} (lines {start + 1}-{end + 1}) hides the block fence"
                    f" '{lines[idx].strip()}' on line {idx + 1}, so the site drops it:"
                    " remove it, or open and close it inside one block"))
                break
    stack: list[tuple[int, Block]] = []  # (slash count, block)
    seen_qa = False
    stray_run = False
    too_deep = False
    options_left = 0  # option lines of the block just opened: not its content
    for idx in range(first, len(lines)):
        raw = lines[idx].expandtabs(4)  # as Python-Markdown reads it
        lineno = idx + 1
        if not too_deep and idx not in code and nesting_depth(raw) > MAX_NESTING:
            too_deep = True
            page.structure.append(Diagnostic(
                display, lineno, 1, "QA027",
                f"lists or quotes nested {nesting_depth(raw)} levels deep: the site renders at most"
                f" {MAX_NESTING}; flatten them"))
        if options_left:
            options_left -= 1
            continue
        if idx in hidden:  # raw HTML: the block's content all the same (a <div> is not "empty")
            if stack:
                stack[-1][1].content.append(raw)
            stray_run = False
            continue
        if idx in code:
            if stack:
                stack[-1][1].content.append(raw)
            stray_run = False
            continue
        m = BLOCK_CLOSE_RE.match(raw)
        if m:
            count = len(m["slashes"])
            depths = [i for i, (n, _) in enumerate(stack) if n == count]
            if not depths:
                page.structure.append(Diagnostic(display, lineno, 1, "QA021",
                                                 "block fence '///' closes no open block: remove it or open a block before it"))
                continue
            target = depths[-1]
            while len(stack) > target + 1:  # inner blocks left open
                _, inner = stack.pop()
                page.structure.append(Diagnostic(display, inner.line, inner.column, "QA020",
                                                 f"block '{inner.kind}' is never closed: add '///' before line {lineno}"))
            stack.pop()[1].end = lineno
            stray_run = False
            continue
        m = BLOCK_OPEN_RE.match(raw)
        if m:
            column = len(m["indent"]) + 1
            block = Block(kind=m["type"].lower(), line=lineno, column=column, end=None,
                          title=m["title"] or None, depth=len(stack))
            if block.kind not in known:
                hint = ("; write the type in ASCII letters" if not block.kind.isascii()
                        else f": expected one of {', '.join(qa_types())} (or a block type mkdocs.yml enables)")
                page.structure.append(Diagnostic(display, lineno, column + len(m["slashes"]), "QA022",
                                                 f"unknown block type '{block.kind}'{hint}"))
            if stack:
                stack[-1][1].content.append(raw)
            options_left = _check_options(page, block, lines, idx)
            page.blocks.append(block)
            stack.append((len(m["slashes"]), block))
            if block.depth == 0 and block.kind in qa_types():
                seen_qa = True
            stray_run = False
            continue
        lookalike = fence_lookalike(raw)
        if lookalike:
            col, what = lookalike
            if what == "container":
                message = ("block fence after a quote or list marker: the site opens the block inside"
                           " that quote or list item; start it at the beginning of the line")
            elif what.startswith("an indent"):
                message = (f"block fence with {what}: start it at the beginning of the line")
            else:
                message = (f"line looks like a block fence but holds {what} at column {col}, so the site"
                           " shows it as text: write it with ASCII '/' and plain spaces, e.g. '/// answer' or '///'")
            page.structure.append(Diagnostic(display, lineno, col, "QA026", message))
        if stack:
            stack[-1][1].content.append(raw)
            continue
        text = raw.strip()
        if not text or HEADING_RE.match(raw) or HR_RE.match(raw) or HTML_COMMENT_RE.match(raw):
            stray_run = False
            continue
        if seen_qa and not stray_run:
            page.stray_text.append((lineno, len(raw) - len(raw.lstrip()) + 1))
        stray_run = True
    for idx, fence in fences.unclosed:
        header = max((k for k in fences.refused if k < idx and k not in code), default=None)
        if header is not None and fences.refused[header] == fence:  # the closing line of a refused fence
            page.structure.append(Diagnostic(
                display, header + 1, 1, "QA023",
                f"code fence '{lines[header].strip()}' is not a fence to the site (after the language it takes"
                f" only {{attributes}} or hl_lines=, linenums=, title= options), so the code shows as text:"
                f" write the language alone, e.g. '{fence}{_language(lines[header], fence)}'"))
        elif not _ends_code_span(lines, idx, fence, code):
            page.structure.append(Diagnostic(
                display, idx + 1, 1, "QA023",
                f"code fence '{fence}' is never closed at its own indent, so the site shows it and the code as"
                f" text: add a line '{fence}' indented like it after the code"))
    for _, block in reversed(stack):
        page.structure.append(Diagnostic(display, block.line, block.column, "QA020",
                                         f"block '{block.kind}' is never closed: add a '///' line after its content"))


def group_questions(page: Page) -> None:
    """Each top-level question block starts a Question; answers/explanations join the last one."""
    current: Question | None = None
    for block in page.blocks:
        if block.depth != 0 or block.kind not in qa_types():
            continue
        if block.kind == "question":
            current = Question(number=len(page.questions) + 1, question=block)
            page.questions.append(current)
        elif current is None:
            page.orphan_parts.append(block)
        else:
            current.parts.append(block)


def scan_markdown(lines: list[str], skip: int, page: Page) -> None:
    """Headings, links and explicit ids, from markdown-it tokens over the body."""
    body = "\n".join([""] * skip + lines[skip:])
    env: dict = {}
    tokens = _md.parse(body, env)
    seen: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map:
            inline = tokens[i + 1].content
            explicit = ATTR_ID_RE.search(inline)
            text = ATTR_ID_RE.sub("", inline).strip()
            anchor = explicit.group(1) if explicit else heading_anchor(text)
            if anchor in seen:  # MkDocs' toc de-duplicates with _1, _2 …
                seen[anchor] += 1
                anchor = f"{anchor}_{seen[anchor]}"
            else:
                seen[anchor] = 0
            page.headings.append(Heading(int(tok.tag[1]), text, tok.map[0] + 1, anchor))
            page.anchors.add(anchor)
        elif tok.type == "inline" and tok.map and ("[" in tok.content or "<" in tok.content):
            children: list = []
            _md.inline.parse(tok.content, _md, env, children)  # links: [..](..), [..][ref], <autolink>
            for child in children:
                if child.type == "link_open":
                    href = str(child.attrs.get("href", ""))
                    page.links.append(_locate_link(lines, tok.map, href))
                elif child.type == "image":
                    src = str(child.attrs.get("src", ""))
                    page.images.append(_locate_link(lines, tok.map, src))
                elif child.type == "html_inline":
                    page.images += _html_images(lines, tok.map, child.content)
                    page.raw_html.append(_locate_fragment(lines, tok.map, child.content))
            if "](" in tok.content or "<" in tok.content:
                page.link_sources.append(Link(CODE_SPAN_RE.sub("", tok.content), tok.map[0] + 1, 1))
        if tok.type == "html_block" and tok.map:
            page.images += _html_images(lines, tok.map, tok.content)
            page.raw_html.append(Link(tok.content, tok.map[0] + 1, 1))
        if tok.type in ("html_block", "inline"):
            page.anchors.update(HTML_ID_RE.findall(tok.content))
            page.anchors.update(m.group(1) for m in ATTR_ID_RE.finditer(tok.content))


def _locate_fragment(lines: list[str], span: list[int], fragment: str) -> Link:
    for idx in range(span[0], span[1]):
        col = lines[idx].find(fragment[:40])
        if col >= 0:
            return Link(fragment, idx + 1, col + 1)
    return Link(fragment, span[0] + 1, 1)


def _html_images(lines: list[str], span: list[int], html: str) -> list[Link]:
    """`<img src>` in raw HTML, located at the line that holds the src."""
    found = []
    for m in IMG_SRC_RE.finditer(html):
        src = next(g for g in m.groups() if g is not None)
        for idx in range(span[0], span[1]):
            col = lines[idx].find(src) if src else -1
            if col >= 0:
                found.append(Link(src, idx + 1, col + 1))
                break
        else:
            found.append(Link(src, span[0] + 1, 1))
    return found


def _locate_link(lines: list[str], span: list[int], href: str) -> Link:
    for idx in range(span[0], span[1]):
        col = lines[idx].find(f"]({href}")
        if col >= 0:
            return Link(href, idx + 1, col + 3)
    return Link(href, span[0] + 1, 1)


def plain_text(markdown_inline: str) -> str:
    """A heading's Markdown as the reader sees it: code marks, emphasis and link marks dropped,
    tags removed outside code (for the navigation, contents pages and PDF bookmarks)."""
    out = []
    for k, piece in enumerate(re.split(r"(`+[^`]*?`+)", markdown_inline)):
        if k % 2:  # a code span: its text, as written
            out.append(piece.strip("`").strip())
            continue
        piece = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", piece)
        piece = re.sub(r"(\*\*|\*)(\S(?:.*?\S)?)\1", r"\2", piece)
        piece = re.sub(r"(?<!\w)(__|_)(\S(?:.*?\S)?)\1(?!\w)", r"\2", piece)
        piece = re.sub(r"<[^>]+>", "", piece)
        piece = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", piece)
        out.append(html.unescape(piece))  # `&lt;` is what the reader sees as '<'
    return " ".join("".join(out).split())


def parse_page(text: str, path: Path, rel: str, display: str, kind: str,
               known_blocks: set[str] | frozenset[str] | None = None) -> Page:
    """Parse a page's text; problems of form go to `page.structure`, never raise.

    `known_blocks`: the `///` block types the project's Markdown renders (default: ours and
    pymdownx's defaults); any other is reported as unknown."""
    page = Page(path=path, rel=rel, display=display, kind=kind)
    lines = text.split("\n")
    page.source_lines = lines
    skip = parse_front_matter(lines, display, page)
    scan_blocks(lines, skip, page, known_blocks if known_blocks is not None else default_known_blocks())
    group_questions(page)
    scan_markdown(lines, skip, page)
    page.anchors.update(q.anchor for q in page.questions)
    h1 = next((h for h in page.headings if h.level == 1), None)
    if isinstance(page.meta.get("title"), str):
        page.title, page.title_line = page.meta["title"], page.meta_line + 1
    elif h1:
        page.title, page.title_line = plain_text(h1.text), h1.line
    return page
