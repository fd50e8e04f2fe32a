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


#: Larger files are refused rather than read into memory (a Q&A book is a few MB at most).
MAX_BYTES = 64 * 1024 * 1024


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _looks_utf16(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:4096]
    return len(sample) >= 8 and (sample[1::2].count(0) > len(sample) * 0.4 or sample[0::2].count(0) > len(sample) * 0.4)


def read_text(path: Path, display: str, code: str = "QA001") -> TextFile | Diagnostic:
    """Return the decoded text, or a diagnostic saying why the file cannot be read."""
    try:
        info = path.stat()
        if not path.is_file():
            return Diagnostic(display, 1, 1, code, "not a regular file (a device, pipe or folder): expected a Markdown file")
        if info.st_size > MAX_BYTES:
            return Diagnostic(display, 1, 1, code, f"file too large ({info.st_size // 2**20} MiB; at most "
                                                   f"{MAX_BYTES // 2**20} MiB): split it into several files")
        data = path.read_bytes()
    except OSError as exc:
        return Diagnostic(display, 1, 1, code, f"cannot read file: {exc.strerror or exc}")
    except RecursionError:  # a symlink loop on some systems
        return Diagnostic(display, 1, 1, code, "cannot read file: too many levels of symbolic links")
    if _looks_utf16(data):
        return Diagnostic(display, 1, 1, code, "UTF-16 text: save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _position(data, nul)
        return Diagnostic(display, line, col, code, "binary file (NUL byte): expected UTF-8 Markdown text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        return Diagnostic(
            display, line, col, code,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8",
        )
    return TextFile(path, display, text.replace("\r\n", "\n").replace("\r", "\n"))
