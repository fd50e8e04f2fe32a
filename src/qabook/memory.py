"""A one-off build's memory: what it has let go, given back to the system; pages held packed.

CPython hands a freed object of more than 512 bytes (a page's HTML) back to the C allocator,
which keeps it for later C allocations; the small objects that come next (the search index's
terms and postings) live in CPython's own arenas, so the freed pages stayed resident and the
process's peak was their sum. `give_back()` asks glibc to return free heap pages now
(`malloc_trim`); elsewhere (another C library, no ctypes) it does nothing.

`Packed`: a page's HTML held compressed where a one-off build must hold every page at once
(between converting and rendering, and until the print pages and study cards are written);
`PackedItems`: a page's search documents so, until the search index reads them, and MkDocs'
table of contents of a page, until the page is rendered.
"""

from __future__ import annotations

import ctypes
import pickle
import ctypes.util
import weakref
import zlib
from collections.abc import Sized
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def give_back() -> bool:
    """Free heap memory returned to the system; whether the C library could."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True


class Packed:
    """Text held compressed (zlib, level 1, of its UTF-8) by a build that holds every page of
    the book at once but reads each page's HTML once or twice: a page's HTML (≈ 90 KB as a
    Python string of Chinese text and formulas) takes ≈ 15 KB so. `str(packed)` is the text
    again; the last text unpacked is kept (the study cards and print pages read a page's
    questions one after the other), so slicing it (`packed[a:b]`) costs one unpacking a page."""

    __slots__ = ("data", "__weakref__")

    def __init__(self, text: str) -> None:
        self.data = zlib.compress(text.encode("utf-8"), 1)

    def __str__(self) -> str:
        last = _LAST
        if last[0] is not None and last[0]() is self:
            return last[1]
        text = zlib.decompress(self.data).decode("utf-8")
        last[0], last[1] = weakref.ref(self), text
        return text

    def __getitem__(self, key: slice) -> str:
        return str(self)[key]

    def __len__(self) -> int:
        return len(str(self))

    def __reduce__(self):
        return (_packed_from, (self.data,))


_LAST: list = [None, ""]  # (weak reference to the Packed last unpacked, its text)


def _packed_from(data: bytes) -> Packed:
    packed = Packed.__new__(Packed)
    packed.data = data
    return packed


def packed_or_text(text: str | None, pack: bool) -> "str | Packed | None":
    """`text` packed when `pack` (and it is text), else as it is."""
    return Packed(text) if pack and isinstance(text, str) else text


def packed_or_items(items: Any, pack: bool) -> Any:
    """`items` (a list, or a sized collection such as MkDocs' table of contents) packed when
    `pack` and something is in it, else as they are."""
    return PackedItems(items) if pack and isinstance(items, Sized) and not isinstance(items, (str, bytes)) \
        and len(items) else items


class PackedItems:
    """Objects (a page's search documents; its table of contents) held pickled and compressed
    (zlib, level 1) by a build that holds every page of the book at once until one step reads
    them all: iterating (or `unpacked()`) unpickles them afresh each time (nothing is kept), so a
    reader that goes over the book several times holds one page's objects at a time."""

    __slots__ = ("data", "count")

    def __init__(self, items: Any) -> None:
        self.data = zlib.compress(pickle.dumps(items, pickle.HIGHEST_PROTOCOL), 1)
        self.count = len(items)

    def __iter__(self):
        return iter(self.unpacked())

    def unpacked(self) -> Any:
        """The items as they were packed (their own class: e.g. MkDocs' table of contents), afresh."""
        return pickle.loads(zlib.decompress(self.data))

    def __len__(self) -> int:
        return self.count
