"""Read a Markdown file as text, turning bad bytes into a diagnostic instead of a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qabook.diagnostics import Diagnostic


@dataclass(frozen=True)
class TextFile:
    path: Path
    display: str  # the path as shown in diagnostics
    text: str


def read_text(path: Path, display: str, code: str = "QA001") -> TextFile | Diagnostic:
    """Return the decoded text, or a diagnostic saying why the file cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Diagnostic(display, 1, 1, code, f"cannot read file: {exc.strerror or exc}")
    if b"\x00" in data[:8192]:
        return Diagnostic(display, 1, 1, code, "binary file (NUL bytes): expected UTF-8 Markdown text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return Diagnostic(
            display, line, col, code,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8",
        )
    return TextFile(path, display, text.replace("\r\n", "\n").replace("\r", "\n"))
