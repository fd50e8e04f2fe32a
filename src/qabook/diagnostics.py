"""Diagnostic records and their output formats (text, json, github)."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import asdict, dataclass, replace
from typing import Iterable


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding at a place in a file; sorts by (path, line, column, code)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{one_line(self.path)}:{self.line}:{self.column}: {self.code} {one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def one_line(text: str) -> str:
    """Control characters (a newline in a file name, say) shown escaped: one finding, one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _property(value: str) -> str:
    """A GitHub workflow-command property value (file=…, title=…), escaped as GitHub documents."""
    return (value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(":", "%3A").replace(",", "%2C"))


#: A tail at least this long, said by every finding of one code, is said once (`said_once`).
LONG_TAIL = 60
#: Past this many findings of one code, the rest are one line that counts them (`said_once`).
MANY = 6
_CLAUSE_RE = re.compile(r": |; | — |, or, ")


def _shared_tail(messages: list[str]) -> str:
    """The longest end the messages share, from a clause's start (': add it after…'), or ''."""
    first = messages[0]
    n = 0
    while n < len(first) and all(len(m) > n and m[-1 - n] == first[-1 - n] for m in messages):
        n += 1
    tail = first[len(first) - n:] if n else ""
    cut = _CLAUSE_RE.search(tail)
    tail = tail[cut.start():] if cut else ""
    return tail if len(tail) >= LONG_TAIL else ""


def said_once(diags: Iterable[Diagnostic], fold: bool = True) -> list[tuple[Diagnostic, str]]:
    """Each finding with the line that prints it, a long hint said once: when every finding of one
    code ends with the same long tail (what to do, `QI005`'s or `QA032`'s 'add it after the answer,
    or, if the book does without them…'), the first says it, the next ones point to it ('as at
    line 9'), and past `MANY` of them one line counts the rest and names their lines. The findings
    themselves are unchanged (`--format json` lists each, whole). `fold=False`: no counting line,
    each finding keeps a line of its own (the preview marks every line a finding is at)."""
    diags = list(diags)
    by_code: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_code.setdefault(d.code, []).append(d)
    tails = {code: _shared_tail([d.message for d in ds]) for code, ds in by_code.items() if len(ds) > 1}
    said: dict[str, int] = {}  # code → how many of its findings came so far
    out: list[tuple[Diagnostic, str]] = []
    for d in diags:
        tail, ds = tails.get(d.code, ""), by_code[d.code]
        i = said[d.code] = said.get(d.code, -1) + 1
        if not tail or i == 0:
            out.append((d, str(d)))
            continue
        first = ds[0]
        where = f"line {first.line}" if first.path == d.path else f"{one_line(first.path)}:{first.line}"
        many = fold and len(ds) > MANY + 1
        if many and i > MANY:
            continue
        if many and i == MANY:
            rest = ds[MANY:]
            lines = ", ".join(f"{one_line(r.path)}:{r.line}" if r.path != d.path else str(r.line) for r in rest[:12])
            more = ", …" if len(rest) > 12 else ""
            message = f"{len(rest)} more like these (lines {lines}{more}): what to do as at {where}"
        else:
            message = f"{d.message[:len(d.message) - len(tail)]} (what to do: as at {where})"
        out.append((d, str(replace(d, message=message))))
    return out


def format_text(diags: Iterable[Diagnostic]) -> str:
    """One line a finding, a long hint they share said once (`said_once`)."""
    return "".join(f"{line}\n" for _, line in said_once(diags))


def format_json(diags: Iterable[Diagnostic]) -> str:
    rows = [{**asdict(d), "severity": d.severity.value} for d in diags]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def format_github(diags: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands, so findings annotate the pull request."""
    out = []
    for d in diags:
        kind = "error" if d.is_error else "warning"
        msg = d.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        out.append(f"::{kind} file={_property(d.path)},line={d.line},col={d.column},title={d.code}::{msg}\n")
    return "".join(out)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github}


def summary(diags: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diags)
    warnings = len(diags) - errors
    return f"{errors} error(s), {warnings} warning(s)"
