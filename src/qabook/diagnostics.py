"""Diagnostic records and their output formats (text, json, github)."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass
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


def format_text(diags: Iterable[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in diags)


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
