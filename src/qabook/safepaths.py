"""Refuse output paths that would destroy an author's files.

A build replaces its site folder wholesale and an import replaces a chapter folder, so both
must never point at the sources, the project, a parent of either, `/` or the home folder.
Each check returns an error text (for a one-line message, exit 2) or None when the path is safe.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def _inside(path: Path, folder: Path) -> bool:
    """path is folder or below it."""
    return path == folder or folder in path.parents


def _protected(root: Path) -> list[tuple[Path, str]]:
    home = Path(os.path.expanduser("~")).resolve()
    return [(Path("/").resolve(), "the file-system root"), (home, "your home folder"),
            (root.resolve(), "the project folder")]


def site_dir_problem(site_dir: Path, docs_dir: Path, root: Path) -> str | None:
    """Why `site_dir` may not be replaced by a build, or None.

    Refused: the docs folder, anything inside it or containing it; the project folder and its
    parents; `/`; the home folder and its parents; an existing folder that holds files but does
    not look like a built site (no index.html or 404.html).
    """
    site = site_dir.resolve()
    docs = docs_dir.resolve()
    if _inside(site, docs) or _inside(docs, site):
        where = "is" if site == docs else "is inside" if docs in site.parents else "contains"
        return (f"site folder {site_dir} {where} the docs folder {docs_dir}: building there would "
                "delete your pages; choose a folder outside it (default: site)")
    for folder, name in _protected(root):
        if _inside(folder, site):
            what = "is" if site == folder else "contains"
            return (f"site folder {site_dir} {what} {name} ({folder}): building there would replace it; "
                    "choose a folder of its own, such as site/")
    if site.is_file() or site.is_symlink():
        return f"site folder {site_dir} is a file or a link, not a folder: choose another --site-dir"
    if site.is_dir() and any(site.iterdir()) and not any((site / n).exists() for n in ("index.html", "404.html")):
        return (f"site folder {site_dir} holds files but is not a built site (no index.html): "
                "a build replaces the whole folder; empty it yourself or choose another --site-dir")
    return None


def out_dir_problem(out_dir: Path, root: Path) -> str | None:
    """Why an import may not write chapters under `out_dir`, or None."""
    out = out_dir.resolve()
    for folder, name in _protected(root):
        if _inside(folder, out):
            what = "is" if out == folder else "contains"
            return (f"--out {out_dir} {what} {name} ({folder}): chapters go into the docs folder, "
                    "for example --out docs")
    if out.exists() and not out.is_dir():
        return f"--out {out_dir} is not a folder"
    return None


def chapter_problem(name: str) -> str | None:
    """Why `name` is not a chapter folder name (one plain path segment), or None."""
    shown = repr(name)
    if not name.strip():
        return f"chapter name {shown} is blank: give a folder name such as llm"
    if name in (".", "..") or name.strip(". ") == "":
        return f"chapter name {shown} is not a folder name: give one such as llm"
    if "/" in name or "\\" in name:
        return f"chapter name {shown} holds a path separator: a chapter is one folder directly under --out"
    bad = [ch for ch in name if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")]
    if bad:
        return f"chapter name {shown} holds a control or invisible character ({bad[0]!r}): use letters, digits, -"
    if name != name.strip():
        return f"chapter name {shown} starts or ends with white space: remove it"
    if name.startswith("."):
        return f"chapter name {shown} starts with '.': hidden folders are not published"
    return None
