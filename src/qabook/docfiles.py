"""Which files under docs/ a build can use: regular files (or links to them) whose names are UTF-8.

A FIFO, socket or device would hang or break the build when read, and a name in another
encoding cannot be written into a URL, a page or JSON: such entries are reported (QA004) and
skipped by the check, the exports and the plugin alike.
"""

from __future__ import annotations

import os
import stat


def name_problem(name: str) -> str | None:
    """Why a file or folder name cannot be used, or None (Python keeps undecodable bytes as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: rename it (UTF-8, as URLs need)"
    return None


def kind_problem(path: str) -> str | None:
    """Why the entry at `path` is not a file the build can read, or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a broken link: QA003's business
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    return f"{kind}, not a file: skipped (reading it would hang or break the build); remove it from docs/"


def printable(path: str) -> str:
    """A path as it can be printed, whatever bytes its name holds."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
