"""Small HTML rewrites for rendered topic pages (no MkDocs import: used by the plugin and PDF)."""

from __future__ import annotations

import re
from html import escape

from qabook.i18n import t

QUESTION_DIV_RE = re.compile(r'<div class="admonition question">\s*<p class="admonition-title">([^<]*)</p>')


def anchor_questions(html: str, language: str | None = None) -> str:
    """Give each question block its stable anchor q1, q2 … and a copy-link control."""
    counter = 0
    label = escape(t(language, "question.copy_link"), quote=True)

    def repl(m: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        anchor = f"q{counter}"
        return (f'<div class="admonition question" id="{anchor}">'
                f'<p class="admonition-title">{m.group(1)} {counter}'
                f'<a class="qa-link headerlink" href="#{anchor}" title="{label}" '
                f'aria-label="{label}" data-qa-anchor="{anchor}">¶</a></p>')

    return QUESTION_DIV_RE.sub(repl, html)
