"""What the service worker may keep, and the version that tells one build from the next.

The worker caches only files of this site that a reader needs: every HTML page, what the pages
load (scripts, stylesheets, pictures; what the stylesheets load in turn), and the files qabook's
scripts fetch as they go (the search index, the study cards). Downloads a page only links to
(PDFs, the Anki deck) and files nothing refers to are left out. Each file has a revision (a hash
of its bytes), and the book's version is the hash of all of them: a rebuild that changes one
answer changes that page's revision and the version, so the worker installed from the new
`sw.js` fetches that page again and keeps every unchanged file it already has.

Pure: reads the built site, imports nothing from MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

#: where the worker reads the list of files (written beside the other qabook assets)
LIST = "assets/qabook/offline.json"
#: What a first visit may fetch beyond the pages' own scripts and styles: the search index and
#: the study cards join the shell, in that order, while the shell stays within this (a phone on
#: a mobile network); beyond it they are kept when first used, and with the whole book.
SHELL_BUDGET = 5_000_000
WORKER = "sw.js"

_TAG_RE = re.compile(r"<(img|script|source|video|audio|track|link|image|use|input)\b[^>]*>", re.I)
_ATTR_RE = re.compile(r"""\b(src|href|srcset|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_REL_RE = re.compile(r"""\brel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
#: <link rel=…> values whose href a page loads (not canonical, alternate, next …)
_LOADED_RELS = {"stylesheet", "icon", "shortcut", "manifest", "preload", "modulepreload", "apple-touch-icon"}
_CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)""")


def resolve(ref: str, base: str) -> str | None:
    """A URL written in the site file at path `base` → the site path it names (a folder URL names
    its index.html), or None when it leaves the site: another host, an absolute path, data:."""
    ref = html.unescape(ref).strip()
    if not ref or ref.startswith(("#", "data:", "blob:", "javascript:", "mailto:", "tel:")):
        return None
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    path = unquote(parts.path)
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
    if joined == ".." or joined.startswith("../"):
        return None
    if path.endswith("/") or joined == ".":
        joined = "index.html" if joined == "." else joined + "/index.html"
    return joined


def page_references(text: str, base: str) -> set[str]:
    """Site paths an HTML page loads (scripts, stylesheets, icons, pictures, media)."""
    found: set[str] = set()
    for tag in _TAG_RE.finditer(text):
        name, whole = tag.group(1).lower(), tag.group(0)
        if name == "link":
            rel = _REL_RE.search(whole)
            rels = set((next(g for g in rel.groups() if g is not None) if rel else "").lower().split())
            if not rels & _LOADED_RELS:
                continue
        elif name == "input" and 'type="image"' not in whole.lower():
            continue
        for attr in _ATTR_RE.finditer(whole):
            kind, value = attr.group(1).lower(), next(g for g in attr.groups()[1:] if g is not None)
            if kind == "href" and name not in ("link", "image", "use"):
                continue
            candidates = [c.strip().split()[0] for c in value.split(",") if c.strip()] if kind == "srcset" else [value]
            for c in candidates:
                path = resolve(c, base)
                if path:
                    found.add(path)
    return found


def css_references(text: str, base: str) -> set[str]:
    """Site paths a stylesheet loads (url(…): fonts, pictures)."""
    return {p for m in _CSS_URL_RE.finditer(text)
            if (p := resolve(next(g for g in m.groups() if g is not None), base))}


def revision(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


@dataclass
class OfflinePlan:
    """The list the service worker reads (`LIST`), and the version written into `sw.js`."""
    files: dict[str, tuple[int, str]] = field(default_factory=dict)  # path → (bytes, revision)
    shell: list[str] = field(default_factory=list)  # cached at the first visit
    titles: dict[str, str] = field(default_factory=dict)  # HTML page → its title
    offline_page: str = ""  # shown for a page that is not saved, with no network
    version: str = ""

    @property
    def size(self) -> int:
        return sum(size for size, _ in self.files.values())

    def shell_size(self) -> int:
        return sum(self.files[p][0] for p in self.shell)

    def to_json(self) -> str:
        data = {"version": self.version, "offline": self.offline_page, "shell": self.shell,
                "files": {p: [s, r] for p, (s, r) in self.files.items()}, "titles": self.titles}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def plan_offline(site: Path, *, pages: dict[str, str], page_refs: Iterable[str], shell_pages: list[str],
                 shell_files: Iterable[str], offline_page: str, exclude: tuple[str, ...] = (),
                 optional: Iterable[Iterable[str]] = (), budget: int = SHELL_BUDGET) -> OfflinePlan:
    """Everything the offline book may cache, read from the built `site`.

    pages: every HTML page (site path → title); page_refs: what their content loads (pictures);
    shell_pages: pages cached at the first visit (home, review, quiz, the offline page) — what
    they load is cached with them, as every page loads the same scripts and styles; shell_files:
    more files for the first visit (scripts loaded later, icons); optional: groups of files (the
    search index, the study cards) that join the shell in order while it stays within `budget`
    bytes, else are cached when first used; exclude: path prefixes never cached (downloads)."""
    files: dict[str, tuple[int, str]] = {}

    def add(path: str) -> bytes | None:
        """Record a file of the site (None when it is not one, or is never cached)."""
        if path in files or path.startswith(exclude) or path in (LIST, WORKER):
            return None
        try:
            data = (site / path).read_bytes()
        except OSError:  # a folder, or missing: nothing to cache
            return None
        files[path] = (len(data), revision(data))
        return data

    def add_all(paths: Iterable[str]) -> list[str]:
        """Record files and what the stylesheets among them load; the paths recorded."""
        out = []
        for path in paths:
            data = add(path)
            if data is not None and path.endswith(".css"):
                out += add_all(sorted(css_references(data.decode("utf-8", "replace"), path)))
            if path in files:
                out.append(path)
        return out

    shell: list[str] = []
    for page in shell_pages:
        data = add(page)
        if data is not None:
            shell += [page, *add_all(sorted(page_references(data.decode("utf-8", "replace"), page)))]
    shell += add_all(shell_files)
    for group in optional:
        paths = add_all(list(group))
        if sum(files[p][0] for p in dict.fromkeys(shell + paths)) <= budget:
            shell += paths
    add_all(sorted(pages))
    add_all(sorted(set(page_refs)))
    plan = OfflinePlan(files=dict(sorted(files.items())), shell=list(dict.fromkeys(shell)),
                       titles={p: t for p, t in sorted(pages.items()) if p in files}, offline_page=offline_page)
    digest = hashlib.blake2b(digest_size=8)
    for path, (_, rev) in plan.files.items():
        digest.update(f"{path}\0{rev}\n".encode())
    digest.update("\n".join(plan.shell).encode())
    plan.version = digest.hexdigest()
    return plan


def worker_script(plan: OfflinePlan, code: str) -> str:
    """sw.js: the worker's code (assets/offline-sw.js) with this build's version in front, so
    the browser sees a new worker after every build that changed a file."""
    config = json.dumps({"version": plan.version, "list": LIST}, separators=(",", ":"))
    return f"self.QABOOK_OFFLINE = {config};\n{code}"
