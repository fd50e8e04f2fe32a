"""Memory a one-off build has let go, given back to the system.

CPython hands a freed object of more than 512 bytes (a page's HTML) back to the C allocator,
which keeps it for later C allocations; the small objects that come next (the search index's
terms and postings) live in CPython's own arenas, so the freed pages stayed resident and the
process's peak was their sum. `give_back()` asks glibc to return free heap pages now
(`malloc_trim`); elsewhere (another C library, no ctypes) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


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
