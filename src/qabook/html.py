"""Small HTML rewrites for rendered topic pages (no MkDocs import: used by the plugin and PDF)."""

from __future__ import annotations

import html as html_lib
import re
from html import escape

from qabook.i18n import t
from qabook.vocabulary import parts

#: A question block as rendered; more classes may follow (a block option `attrs: {class: hard}`).
QUESTION_DIV_RE = re.compile(r'<div class="admonition question((?: [^"<>]*)?)">\s*<p class="admonition-title">([^<]*)</p>')


def anchor_questions(html: str, language: str | None = None) -> str:
    """Give each question block its stable anchor q1, q2 … and a copy-link control."""
    counter = 0
    label = escape(t(language, "question.copy_link"), quote=True)
    copied = escape(t(language, "question.copied"), quote=True)

    def repl(m: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        anchor = f"q{counter}"
        return (f'<div class="admonition question{m.group(1)}" id="{anchor}">'
                f'<p class="admonition-title" role="heading" aria-level="2">{m.group(2)} {counter}'
                f'<a class="qa-link headerlink" href="#{anchor}" title="{label}" '
                f'aria-label="{label}" data-qa-anchor="{anchor}" data-copied="{copied}" data-search-exclude>¶</a></p>')

    return QUESTION_DIV_RE.sub(repl, html)


def hidden_parts_unsearched(html: str) -> str:
    """Collapsed parts (answer, explanation: `element == "details"` in the vocabulary) marked
    `data-search-exclude`, for Material's search beside qabook: its index would otherwise show
    the answer's text in a result's preview before the learner tries. The attribute goes after
    the class, so what reads `<details class="answer">` still reads it."""
    return _hidden_parts_re().sub(r"\1 data-search-exclude\2", html)


def _hidden_parts_re() -> re.Pattern[str]:
    names = "|".join(re.escape(b.name) for b in parts() if b.element == "details")
    return re.compile(rf'(<details class="(?:{names})(?: [^"<>]*)?")([^>]*>)')


_ANCHORED_RE = re.compile(r'<div class="admonition question(?: [^"<>]*)?" id="(q\d+)">\s*<p class="admonition-title"[^>]*>(.*?)</p>(.*?)</div>',
                          re.S)


def _plain(fragment: str) -> str:
    text = re.sub(r'<span class="qa-math"[^>]*aria-label="([^"]*)"[^>]*>.*?</span>', r" \1 ", fragment, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", html_lib.unescape(text)).strip()


def question_outline(html: str, language: str | None = None, width: int = 28) -> list[tuple[str, str]]:
    """(anchor, label) per anchored question, for a page's table of contents: 'Question 2: How…'
    ('题目 2：怎样…' in a Chinese book: the separator is the locale's, `toc.question`)."""
    out = []
    for m in _ANCHORED_RE.finditer(html):
        title = _plain(re.sub(r"<a [^>]*>.*?</a>", "", m.group(2), flags=re.S))
        text = _plain(m.group(3))
        chars = list(text)
        short = "".join(chars[:width]) + ("…" if len(chars) > width else "")
        out.append((m.group(1), t(language, "toc.question", label=title, text=short) if short else title))
    return out
