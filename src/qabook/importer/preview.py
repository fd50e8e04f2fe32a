"""`qabook import --preview`: one self-contained HTML page showing how a document would be split.

Every source line, numbered, coloured by where the import puts it: the question, its answer,
its explanation, or the chapter page (text that belongs to no question); a tag at each
question's first line, the warnings under their lines, the counts and the template on top.
The document is untrusted: every character of it is escaped, the page loads nothing (a
Content-Security-Policy of `default-src 'none'`), and it needs no server and no script.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from qabook.diagnostics import one_line, said_once
from qabook.i18n import available, t
from qabook.importer.pagelines import code_flags
from qabook.importer.plan import ImportPlan, document_language

ROLES = ("question", "answer", "explanation", "chapter", "markup")
_COLOURS = {"question": "#dbeafe", "answer": "#dcfce7", "explanation": "#fef3c7", "chapter": "#f3f4f6",
            "markup": "#ffffff"}
_EDGES = {"question": "#2563eb", "answer": "#16a34a", "explanation": "#d97706", "chapter": "#9ca3af",
          "markup": "#e5e7eb"}


def line_roles(plan: ImportPlan, owners: dict[int, int] | None = None) -> tuple[dict[int, str], dict[int, int]]:
    """For each 1-based source line: where the import puts it, and the question number that
    starts at it (for the tags); `owners`, when given, gets each topic line's question number.
    A topic page's title is its one `# ` line outside code, before its blocks (a `# comment` in
    an answer's code is code, not a question)."""
    roles: dict[int, str] = {}
    starts: dict[int, int] = {}
    number = 0
    for page in plan.pages:
        topic = not page.rel.endswith("/index.md")
        if topic:
            number += 1
        part = None
        titled = tagged = False  # this page's title seen; this page's question tagged
        for out, code in zip(page.lines, code_flags(page.lines)[0]):
            text = out.text.strip()
            m = None if code else re.match(r"^/// (question|answer|explanation)\b", text)
            title = topic and not code and not titled and part is None and text.startswith("# ")
            titled = titled or title
            if topic and m:
                part = m.group(1)
            elif topic and not code and text == "///":
                part = None
            role = "chapter" if not topic else (part or ("question" if title else "markup"))
            if m or (topic and not code and text == "///"):
                role = "markup"  # the label or fence line the part came from
            for n in out.src:
                roles.setdefault(n, role)
                if topic and owners is not None:
                    owners.setdefault(n, number)
                # the tag goes on the title's source line, else (a title made from a labelled
                # question part: '**Q1: …?**') on the question's first source line
                if (title or (topic and part == "question" and not m)) and n not in starts and not tagged:
                    starts[n] = number
                    tagged = True
    return roles, starts


#: What the import writes into a part the source left empty: the note is no answer.
_NOTES = frozenset(t(language, key) for language in available() for key in ("import.missing_answer", "import.empty_part"))


def given(plan: ImportPlan, kind: str) -> int:
    """How many questions the source gives a `kind` part ('answer', 'explanation') that says
    something: a block that holds only the note the import wrote in its place (the source gives
    no answer, or only a comment) or a placeholder with that note ('TODO') counts as none, as a
    person counting the answers would."""
    count = 0
    for page in plan.pages[1:]:
        inside, said, noted = False, False, False
        for out, code in zip(page.lines, code_flags(page.lines)[0]):
            text = out.text.strip()
            if not code and text.startswith("/// "):
                inside = text.split()[1] == kind
            elif not code and text == "///":
                inside = False
            elif inside and text in _NOTES:
                noted = True
            elif inside and text:
                said = True
        count += said and not noted
    return count


def moved_parts(lines: list[str], roles: dict[int, str], owners: dict[int, int], starts: dict[int, int]) -> dict[int, int]:
    """{line: question number} for the first line of each answer or explanation that stands away
    from its question — after another question's lines or the chapter's (an answer key at the end:
    `1. B`, `2. C`): the preview says which question each answers. A part that goes on from its
    question's own lines needs no tag."""
    away: dict[int, int] = {}
    previous: int | None = None  # the question the last non-blank line went to (None: the chapter page)
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        owner = owners.get(n)
        if owner is not None and owner != previous and n not in starts and roles.get(n) in ("answer", "explanation"):
            away[n] = owner
        if roles.get(n) != "markup" or owner is None:
            previous = owner
    return away


def preview_html(source_text: str, plan: ImportPlan) -> str:
    """The preview page for `source_text` imported as `plan`."""
    lines = source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    owners: dict[int, int] = {}
    roles, starts = line_roles(plan, owners)
    away = moved_parts(lines, roles, owners, starts)
    language = document_language(source_text)
    notes: dict[int, list[str]] = {}
    for d, said in said_once(plan.diagnostics, fold=False):  # a long hint the findings share said once,
        # each finding still at its own line (the printed list folds the many of one code into one line)
        notes.setdefault(d.line, []).append(said.removeprefix(f"{one_line(d.path)}:{d.line}:{d.column}: "))
    counts = Counter(roles.get(n, "") for n, line in enumerate(lines, 1) if line.strip())
    answers, explanations = given(plan, "answer"), given(plan, "explanation")
    summary = [
        ("question", t(language, "preview.questions", n=plan.question_count)),
        ("answer", t(language, "preview.answers", n=answers)),
        ("explanation", t(language, "preview.explanations", n=explanations)),
        ("chapter", t(language, "preview.chapter_lines", n=counts["chapter"])),
    ]
    warnings = sum(1 for d in plan.diagnostics if not d.is_error)
    errors = sum(1 for d in plan.diagnostics if d.is_error)
    # where questions start, in words and the document's language (`explain.layout`); --explain has the scores
    how = [plan.explanation[0].removeprefix(f"{plan.source}: ")] if plan.explanation else []
    rows = []
    for n, line in enumerate(lines, 1):
        role = roles.get(n, "" if not line.strip() else "chapter")
        tag = f'<span class="tag">Q{starts[n]}</span>' if n in starts else ""
        if n in away:  # an answer key's entry, or a part written away from its question: whose it is
            tag += f'<span class="tag copy">→ {t(language, f"block.{roles[n]}")} Q{away[n]}</span>'
        if plan.copied.get(n):  # an answer written on the question's line, or a key's entries
            tag += '<span class="tag copy">→ ' + ", ".join(f"{t(language, 'block.answer')} Q{k}" for k in plan.copied[n]) + "</span>"
        rows.append(f'<div class="l {role}" id="L{n}"><span class="n">{n}</span>{tag}'
                    f'<code>{html.escape(line) or " "}</code></div>')
        for note in notes.get(n, []):
            rows.append(f'<div class="note" role="note"><span class="n"></span>⚠ {html.escape(note)}</div>')
    css = "\n".join([
        "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#111827;background:#fff}",
        "header{position:sticky;top:0;background:#fff;border-bottom:1px solid #e5e7eb;padding:12px 16px;z-index:1}",
        "h1{font-size:18px;margin:0 0 6px}.counts span{display:inline-block;margin:2px 10px 2px 0;padding:2px 8px;"
        "border-radius:4px;border-left:4px solid}",
        ".how{color:#374151;font-size:12px;margin:4px 0 0;white-space:pre-wrap}",
        "main{padding:8px 0}.l,.note{display:flex;gap:8px;padding:0 16px 0 0;border-left:6px solid transparent}",
        ".l code{white-space:pre-wrap;word-break:break-word;font:13px/1.45 ui-monospace,monospace}",
        ".n{min-width:4.5em;text-align:right;color:#6b7280;font:12px/1.6 ui-monospace,monospace;user-select:none}",
        ".tag{background:#1d4ed8;color:#fff;border-radius:3px;padding:0 5px;font-size:12px;height:1.4em;white-space:nowrap}",
        ".tag.copy{background:#15803d}",
        ".note{background:#fef2f2;color:#991b1b;font-size:12px;border-left-color:#dc2626}",
        *(f".{r},.counts .{r}{{background:{_COLOURS[r]};border-left-color:{_EDGES[r]}}}" for r in ROLES),
    ])
    head = "".join(f'<span class="{role}">{html.escape(text)}</span>' for role, text in summary)
    head += f'<span class="markup">{html.escape(t(language, "preview.findings", warnings=warnings, errors=errors))}</span>'
    legend = (f'<span class="question">{t(language, "block.question")}</span>'
              f'<span class="answer">{t(language, "block.answer")}</span>'
              f'<span class="explanation">{t(language, "block.explanation")}</span>'
              f'<span class="chapter">{t(language, "preview.chapter")}</span>'
              f'<span class="markup">{t(language, "preview.markup")}</span>')
    return (
        "<!doctype html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{html.escape(t(language, 'preview.title', source=plan.source))}</title><style>{css}</style></head><body>"
        f"<header><h1>{html.escape(t(language, 'preview.title', source=plan.source))}</h1>"
        f'<div class="counts">{head}</div><div class="counts">{legend}</div>'
        f'<div class="how">{html.escape(chr(10).join(how))}</div></header>'
        f"<main>{''.join(rows)}</main></body></html>\n"
    )
