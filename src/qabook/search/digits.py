"""Whole numbers as printable text: the index's posting lists (qabook.search.index) and the
expansion tables' lists of excepted documents (qabook.search.expand); read by qasearch.js's
`decode`.

Each number is written in a code of printable ASCII without `"` and `\\` (91 symbols), so a
JSON string holds it unescaped: its last digit base 46 (symbols 0–45) after its higher digits
base 45 (symbols 46–90), so 0–45 take one character and 46–2,069 two. Half the bytes of a JSON
list of numbers, and a browser reads a string far faster than an array literal. Each number's
characters do not depend on its neighbours' (a list can be written as it comes).
"""

from __future__ import annotations

from array import array
from typing import Iterable

DIGITS = "".join(chr(c) for c in range(0x23, 0x7F) if c != 0x5C)
LAST, HIGH = 46, 45


def code(v: int) -> str:
    """One number's characters."""
    if v < 0:
        raise ValueError(f"a posting holds {v}: only whole numbers ≥ 0 are written")
    v, last = divmod(v, LAST)
    high = ""
    while v:
        v, d = divmod(v, HIGH)
        high = DIGITS[LAST + d] + high
    return high + DIGITS[last]


CODES = [code(v) for v in range(LAST * HIGH * HIGH)]  # every number of one to three characters
BYTE_CODES = [c.encode("ascii") for c in CODES]


def encode_numbers(values: "array | list[int] | range") -> str:
    """Numbers (a posting list: delta, weight, delta, weight, …) as text (`DIGITS`); decoded by
    qasearch.js's `decode`."""
    if len(values) and min(values) < 0:
        raise ValueError(f"a posting holds {min(values)}: only whole numbers ≥ 0 are written")
    try:
        return "".join(map(CODES.__getitem__, values))
    except IndexError:  # a number of four characters or more (a delta over 93,149 documents)
        return "".join(CODES[v] if v < len(CODES) else code(v) for v in values)


def decode_numbers(text: str) -> list[int]:
    """encode_numbers' numbers again (for tests and tools)."""
    out, acc = [], 0
    for ch in text:
        d = DIGITS.index(ch)
        if d >= LAST:
            acc = acc * HIGH + d - LAST
        else:
            out.append(acc * LAST + d)
            acc = 0
    return out


def encode_ids(ids: Iterable[int]) -> str:
    """Ascending document numbers as text: the first, then each one's distance from the one
    before (`encode_numbers`); qasearch.js's `parseTarget` adds them up again."""
    deltas, last = [], 0
    for i in ids:
        if i < last:
            raise ValueError(f"document numbers out of order: {i} after {last}")
        deltas.append(i - last)
        last = i
    return encode_numbers(deltas)


def decode_ids(text: str) -> list[int]:
    """encode_ids' numbers again (for tests and tools)."""
    out, last = [], 0
    for d in decode_numbers(text):
        last += d
        out.append(last)
    return out


_BYTE_DIGIT = {ord(ch): k for k, ch in enumerate(DIGITS)}


def first_number(flat: bytes) -> tuple[int, int]:
    """(where the first number in `flat`, encoded text as bytes, ends; the number): how a
    posting list made in two halves is joined (qabook.search.index)."""
    acc = 0
    for k, byte in enumerate(flat):
        d = _BYTE_DIGIT[byte]
        if d < LAST:
            return k + 1, acc * LAST + d
        acc = acc * HIGH + d - LAST
    raise ValueError("no whole number in the postings")
