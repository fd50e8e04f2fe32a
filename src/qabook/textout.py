"""Text into markup: the one function every title, tag and site name goes through.

A title (a heading, front-matter `title:`, a chapter's name), a tag or `site_name` is text: a
reader sees `<img onerror=…>` written out, never an element. `html_text` escapes it for HTML
(pages, templates through the `qabook_text` filter, print pages and PDFs, Anki fields);
`markdown_text` for Markdown that qabook generates (the home page's chapter table, print pages);
`title_text` for `<title>`, kept as Material writes it but for `<` (the `qabook_title` filter).
"""

from __future__ import annotations

import html
import re

#: What Python-Markdown lets a backslash escape (`<` and `&` become entities instead), parentheses
#: aside: with `[` escaped they open nothing, and `\(` opens a formula for pymdownx.arithmatex.
_MARKDOWN_PUNCTUATION_RE = re.compile(r"([\\`*_{}\[\]#+\-.!])")


def html_text(text: object) -> str:
    """Text as HTML: `<`, `>`, `&` and quotes escaped (safe in content and in attribute values)."""
    return html.escape(str(text), quote=True)


def title_text(text: object) -> str:
    """Text for `<title>` as Material writes it (`&` and quotes as they are), but for `<`, written
    `&lt;`: the element's text ends only at `</title`, so nothing else can end it, and the browser
    shows the same characters."""
    return str(text).replace("<", "&lt;")


def markdown_text(text: object) -> str:
    """Text inside generated Markdown: Markdown punctuation backslash-escaped, and `<`, `&` written
    as entities, so `*`, `[` or `<img …>` in a title stay characters."""
    text = html.escape(str(text).replace("\n", " "), quote=False)
    return _MARKDOWN_PUNCTUATION_RE.sub(r"\\\1", text)
