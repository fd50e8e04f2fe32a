"""Links of the imported pages. A link to a question's heading in the source (a table of
contents: `[What is X?](#1-what-is-x)`) now points to the question's page. A link the pages
cannot keep, to a file beside the source document or to an anchor that no longer exists, keeps
its words as plain text (the target is named in the warning at its source line): the reader
sees words, not Markdown, and the page passes the check.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from qabook.diagnostics import Diagnostic, Severity
from qabook.parser import heading_anchor, parse_page
from qabook.rules.navigation import resolve_link


def source_anchors(heading: str) -> set[str]:
    """The anchors a heading has where the source was written: GitHub's and MkDocs' slugs."""
    plain = re.sub(r"[*_`]|<[^>]+>", "", heading)
    github = re.sub(r"[^\w\- ]", "", plain.strip().lower()).replace(" ", "-")
    return {github, heading_anchor(heading)}


def _loose(anchor: str) -> str:
    """An anchor with only its letters and digits: table-of-contents tools slug a heading in their
    own ways (`var-a-=-1` keeps the `=` GitHub drops), and their words agree."""
    return re.sub(r"[\W_]+", "", unquote(anchor).lower())


def neutralise_links(pages: list, source: str, moved: dict[str, str] | None = None) -> list[Diagnostic]:
    """Point links at moved question headings (`moved`: anchor → page rel) to their page; escape
    the links of planned pages that would still be broken, with one warning per link."""
    moved = moved or {}
    loosely: dict[str, str | None] = {}
    for anchor, rel in moved.items():  # (two questions whose words agree: neither, rather than a guess)
        key = _loose(anchor)
        loosely[key] = rel if loosely.get(key, rel) == rel else None
    by_rel = {p.rel: p for p in pages}
    parsed = {p.rel: parse_page(p.text, Path(p.rel), p.rel, p.rel,
                                "chapter" if p.rel.endswith("/index.md") else "topic") for p in pages}
    diags: list[Diagnostic] = []
    for page in pages:
        for link in parsed[page.rel].links:
            target, fragment = resolve_link(parsed[page.rel], link.href)
            if target is None:
                continue
            if target in parsed and (not fragment or fragment in parsed[target].anchors):
                continue
            elsewhere = next((rel for rel in parsed if fragment and fragment in parsed[rel].anchors), None)
            if target == page.rel and elsewhere and _retarget(
                    page.lines, link.line, link.href,
                    posixpath.relpath(elsewhere, posixpath.dirname(page.rel)) + "#" + fragment):
                continue
            to = moved.get(fragment) or (loosely.get(_loose(fragment)) if fragment and _loose(fragment) else None)
            if target == page.rel and to and _retarget(page.lines, link.line, link.href,
                                                       posixpath.relpath(to, posixpath.dirname(page.rel))):
                continue
            out, escaped = _escape(page.lines, link.line, link.href)
            if out is None:
                continue
            out.text = escaped
            what = "a file outside the imported chapter" if target not in by_rel else f"an anchor not on {target}"
            diags.append(Diagnostic(source, out.src[0] if out.src else 1, 1, "QI013",
                                    f"link to '{unquote(link.href)}' points to {what}: its words are kept as plain "
                                    "text; copy that page into the book and link it again", Severity.WARNING))
    return diags


def _escape(lines: list, line: int, href: str) -> tuple[object | None, str]:
    """The page line holding the link (at or after `line`: markdown-it may start a paragraph
    earlier) and its text with the link replaced by its words — or, for a reference link, its
    definition line escaped, so that it shows as text and defines nothing."""
    for out in lines[max(line - 1, 0):line + 20]:
        for form in dict.fromkeys((href, unquote(href))):  # markdown-it %-encodes the href
            # (the link's words may hold brackets: '[var a = ['1']](#…)')
            pattern = r"(?<![\\!])\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?" + re.escape(form) \
                + r">?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
            plain = re.sub(pattern, lambda m: m.group(1), out.text, count=1)
            if plain != out.text:
                return out, plain
    for out in lines:  # a reference link: its definition ('[label]: target') is kept as text
        for form in dict.fromkeys((href, unquote(href))):
            m = re.match(r"^(\s{0,3})\[(?=[^\]]+\]:\s*<?" + re.escape(form) + r">?(?:\s|$))", out.text)
            if m:
                return out, out.text[:m.end(1)] + "\\" + out.text[m.end(1):]
    return None, ""


def _retarget(lines: list, line: int, href: str, new: str) -> bool:
    """Replace the target of the link `(href)` at or after `line` by `new`."""
    for out in lines[max(line - 1, 0):line + 20]:
        for form in dict.fromkeys((href, unquote(href))):
            changed = out.text.replace(f"]({form})", f"]({new})", 1)
            if changed != out.text:
                out.text = changed
                return True
    return False


def localise_images(pages: list, source: str, assets: list[tuple[Path, str]], docs: str = "docs") -> list[Diagnostic]:
    """Images of the imported pages: a local image that exists beside the source document is
    copied with the chapter (recorded in `assets`, the link unchanged); one that does not exist
    is escaped to text (`!\\[alt](src)`) and reported, so the pages pass the check: the report names
    where to copy the file (under `docs`, the folder the pages are written to) and what to change
    on the page to make it an image again."""
    base = Path(source).parent
    diags: list[Diagnostic] = []
    for page in pages:
        if "![" not in page.text and "<img" not in page.text.lower():  # no image: no parse
            continue
        parsed = parse_page(page.text, Path(page.rel), page.rel, page.rel, "topic")
        for image in parsed.images:
            src = image.href.strip()
            if not src or "://" in src or src.startswith(("data:", "/", "#")):
                continue
            path = unquote(src.split("#")[0].split("?")[0])
            found = (base / path).resolve()
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
            chapter = page.rel.split("/")[0]
            if found.is_file() and rel.startswith(chapter + "/"):
                if (found, rel) not in assets:
                    assets.append((found, rel))
                continue
            out, escaped = _escape_image(page.lines, image.line, image.href)
            if out is None:
                continue
            out.text = escaped
            html = "&lt;img" in escaped and "!\\[" not in escaped
            shown, restore = ("'&lt;img'", "write '<img' for '&lt;img'") if html else ("'!\\['", "delete the backslash of '!\\['")
            docs_dir = docs.rstrip("/") or "."
            diags.append(Diagnostic(source, out.src[0] if out.src else 1, 1, "QI016",
                                    f"image '{unquote(src)}' is not beside the source document: kept as text on "
                                    f"{posixpath.join(docs_dir, page.rel)}, written {shown} so that the book builds; to "
                                    f"restore the image, copy the file into "
                                    f"{posixpath.join(docs_dir, posixpath.dirname(rel))}/ and {restore} there",
                                    Severity.WARNING))
    return diags


def _escape_image(lines: list, line: int, src: str) -> tuple[object | None, str]:
    """The page line holding the image `src` (Markdown, its target bare or in `<…>`, or `<img>`)
    and its text with the image turned into visible text."""
    for out in lines[max(line - 1, 0):line + 20]:
        for form in dict.fromkeys((src, unquote(src))):
            escaped = re.sub(r"(?<!\\)!\[([^\[\]]*)\]\((?=\s*<?" + re.escape(form) + ")", r"!\\[\1](", out.text, count=1)
            if escaped == out.text:
                escaped = re.sub(r"<img\b(?=[^>]*" + re.escape(form) + ")", "&lt;img", out.text, count=1, flags=re.I)
            if escaped != out.text:
                return out, escaped
    return None, ""
