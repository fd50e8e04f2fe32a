"""Small HTML rewrites for rendered topic pages (no MkDocs import: used by the plugin and PDF)."""

from __future__ import annotations

import re

QUESTION_DIV_RE = re.compile(r'<div class="admonition question">\s*<p class="admonition-title">([^<]*)</p>')


def anchor_questions(html: str) -> str:
    """Give each question block its stable anchor q1, q2 … and a copy-link control."""
    counter = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        anchor = f"q{counter}"
        return (f'<div class="admonition question" id="{anchor}">'
                f'<p class="admonition-title">{m.group(1)} {counter}'
                f'<a class="qa-link headerlink" href="#{anchor}" title="复制本题链接" '
                f'aria-label="复制本题链接" data-qa-anchor="{anchor}">¶</a></p>')

    return QUESTION_DIV_RE.sub(repl, html)
