"""Parsed pages kept on disk between runs of `qabook check`, so that a check reads again only the
pages that changed since the last one (a book of 10,000 pages parses in seconds; stating its
files takes a tenth of one).

The cache lives in the user's cache folder (`$XDG_CACHE_HOME/qabook`, else `~/.cache/qabook`;
never in the project), one folder per docs folder and working directory (diagnostics name files
relative to it), in one file per top-level folder of the docs (a chapter), so a save rewrites
the chapter's file only. Entries are the parser's own results (`qabook.book.ParseCache`: a
page, or the diagnostic of a page that cannot be read) with the file's (mtime_ns, size); pages
changed in the last two seconds are not kept (their next change might not move the timestamp). A cache
that cannot be read — written by another version, damaged, unreadable — is as if there were
none; one that cannot be written is simply not written. Nothing here ever stops a check.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from qabook import __version__
from qabook.book import ParseCache
from qabook.model import Page
from qabook.staging import atomic_file

#: Bumped when the parser's results change shape, so that older caches are not read.
FORMAT = 4
#: Pages modified less than this long before a save are not kept: a file's timestamp moves in
#: ticks, so a second edit of the same size within one would look unchanged (git's "racy" files).
RACY_NS = 2_000_000_000


def folder(docs_dir: Path, base: Path | None = None, known_blocks: frozenset[str] | None = None) -> Path:
    """This docs folder's cache, for diagnostics relative to `base` (default: the working folder)
    and the block types the project renders (they change what the parser reports)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qabook" / "pages"
    key = "\0".join([str(docs_dir.resolve()), str((base or Path.cwd()).resolve()), __version__, str(FORMAT),
                     sys.version.split()[0], ",".join(sorted(known_blocks or ()))])
    return root / hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _shard(display: str, docs_display: str) -> str:
    """The cache file of a page: its top-level folder under the docs (or the docs' own files)."""
    rel = display[len(docs_display) + 1:] if display.startswith(docs_display + "/") else display
    return _shard_name(rel.split("/", 1)[0] if "/" in rel else "")


@lru_cache(maxsize=4096)
def _shard_name(top: str) -> str:
    return hashlib.sha256(top.encode("utf-8")).hexdigest()[:16] + ".pickle"


def load(where: Path) -> ParseCache:
    """Every entry of the cache at `where` ({} when there is none or it cannot be read)."""
    cache: ParseCache = {}
    try:
        files = sorted(where.glob("*.pickle"))
    except OSError:
        return cache
    enabled = gc.isenabled()
    gc.disable()  # unpickling builds many small objects; collecting meanwhile only costs time
    try:
        for path in files:
            try:
                entries = pickle.loads(path.read_bytes())
            except Exception:  # noqa: BLE001 - any damage: that part is read from the pages again
                continue
            if isinstance(entries, dict):
                cache.update(entries)
    finally:
        if enabled:
            gc.enable()
    # The entries live as long as the book does: out of the collector's sight, it does not walk
    # them again on each collection the check's own allocations trigger (0.4 CPU-s at 10,000 pages).
    gc.freeze()
    return cache


def save(where: Path, cache: ParseCache, before: ParseCache, docs_display: str, touched: set[str] = frozenset()) -> None:
    """Write the files of the cache whose entries changed since `before` (what `load` gave) or
    are `touched` (a page given its findings since); entries of files no longer in the book
    (not in `cache`) are dropped with their file's."""
    changed = {k for k, v in cache.items() if before.get(k) is not v} | (before.keys() - cache.keys()) | touched
    if not changed:
        return
    wanted = {_shard(key, docs_display) for key in changed}
    shards: dict[str, dict] = {}
    recent = time.time_ns() - RACY_NS
    for key, value in cache.items():
        name = _shard(key, docs_display)
        if name in wanted and value[0][0] < recent:  # a file changed just now could change again within its tick
            stamp, result = value
            if isinstance(result, Page):  # kept without its path (load_book sets it from the listing):
                result = replace(result, path=None)  # a Path is slow to unpickle, 10,000 of them a third of a load
            shards.setdefault(name, {})[key] = (stamp, result)
    try:
        where.mkdir(parents=True, exist_ok=True)
        for name in wanted:
            target = where / name
            entries = shards.get(name)
            if not entries:
                target.unlink(missing_ok=True)
                continue
            with atomic_file(target) as part, open(part, "wb") as out:  # whole or not at all
                pickle.dump(entries, out, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, RecursionError):
        return  # no cache this time; the check itself is done
