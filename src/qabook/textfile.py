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
    encoding: str = "utf-8"  # what the bytes were read as (another only with `any_encoding`)


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


#: Where charset-normalizer finds several encodings about as likely (short texts in Latin
#: scripts read well in many code pages), the one documents are most often in wins: the
#: defaults of the web's locales (WHATWG), most used first.
COMMON_ENCODINGS = ("utf_16", "utf_16_le", "utf_16_be", "gb18030", "gbk", "gb2312", "big5", "cp1252",
                    "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949", "cp1251", "cp1250", "latin_1")
#: What an encoding is read as: its superset, so that no character of the family is refused.
SUPERSET = {"gbk": "gb18030", "gb2312": "gb18030", "cp932": "shift_jis", "euc_kr": "cp949"}


def _legacy(data: bytes) -> tuple[str, str] | None:
    """The text and encoding name of bytes in another encoding than UTF-8 (GBK/GB18030, Big5,
    Shift-JIS, UTF-16, Windows-1252…): a UTF-16 byte order mark says it, however short the text;
    otherwise as charset-normalizer judges them. None when it cannot tell, or when what it finds
    is no better than noise."""
    from charset_normalizer import from_bytes

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if sum(b >= 0x80 for b in data) < 16:
        return None  # a handful of bytes outside ASCII fit some code page whatever they are: no telling
    found = list(from_bytes(data))
    if not found or found[0].encoding in ("utf_8", "ascii") or found[0].chaos > 0.2:
        return None
    close = {m.encoding for m in found if m.chaos <= found[0].chaos + 0.05}
    encoding = next((e for e in COMMON_ENCODINGS if e in close), found[0].encoding)
    encoding = SUPERSET.get(encoding, encoding)
    try:
        return data.decode(encoding), encoding.replace("_", "-").upper()
    except (UnicodeDecodeError, LookupError):
        return None


def read_text(path: Path, display: str, code: str = "QA001", *, any_encoding: bool = False) -> TextFile | Diagnostic:
    """Return the decoded text, or a diagnostic saying why the file cannot be read. With
    `any_encoding` (a document to import, whose pages are written in UTF-8), bytes that are not
    UTF-8 are read in the encoding they are in when it can be told; the book's own pages must be
    UTF-8 (MkDocs reads them so)."""
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
        legacy = _legacy(data) if any_encoding else None
        if legacy:
            return TextFile(path, display, _lines(legacy[0].lstrip("\ufeff")), legacy[1])
        return Diagnostic(display, 1, 1, code, "UTF-16 text: save the file as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _position(data, nul)
        return Diagnostic(display, line, col, code, "binary file (NUL byte): expected UTF-8 Markdown text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = _legacy(data)  # a page that must be UTF-8: named, so the author knows what the editor did
        if legacy and any_encoding:
            return TextFile(path, display, _lines(legacy[0]), legacy[1])
        line, col = _position(data, exc.start)
        looks = f"; the bytes read as {legacy[1]}" if legacy else ""
        return Diagnostic(
            display, line, col, code,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}{looks}): save the file as UTF-8",
        )
    return TextFile(path, display, _lines(text))


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
