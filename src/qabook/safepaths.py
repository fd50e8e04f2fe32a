"""Refuse output paths that would destroy an author's files.

A build replaces its site folder wholesale and an import replaces a chapter folder, so both
must never point at the sources, the project, a parent of either, `/` or the home folder; a
build replaces only a folder qabook itself published (it holds `SITE_MARKER`). Exports and PDFs
never land on the sources. Each check returns an error text (for a one-line message, exit 2)
or None when the path is safe. Where a path belongs to a book, the book is found from the path
(the nearest folder above it with a `mkdocs.yml`), not from the current directory.
"""

from __future__ import annotations

import json
import os
import unicodedata
import zipfile
from pathlib import Path
from typing import Callable

#: Written into every site `qabook build` publishes: the one proof that a folder is qabook's to replace.
SITE_MARKER = ".qabook-site"
SITE_MARKER_TEXT = ("This folder was published by `qabook build`, which replaces what it published on the next build\n"
                    "(entries whose names start with '.' are kept, as MkDocs keeps them, and so is anything added\n"
                    "here by hand, such as a CNAME: it is not in the list below).\n")
_PUBLISHED = "published: "


def marker_text(site: Path) -> str:
    """The marker for a site folder as qabook fills it: the text above and the names of the
    top-level entries qabook published there (what a later build may replace)."""
    names = sorted(e.name for e in site.iterdir() if e.name != SITE_MARKER)
    return SITE_MARKER_TEXT + _PUBLISHED + json.dumps(names, ensure_ascii=False) + "\n"


def published_entries(site: Path) -> frozenset[str] | None:
    """The top-level names the marker of `site` says qabook published; None when the marker
    has no list (written by an older qabook: then all of the folder counts as published)."""
    try:
        text = (site / SITE_MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        if line.startswith(_PUBLISHED):
            try:
                names = json.loads(line[len(_PUBLISHED):])
            except ValueError:
                return None
            return frozenset(n for n in names if isinstance(n, str))
    return None
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


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
    parents; `/`; the home folder and its parents; an existing folder that holds anything but
    hidden entries and was not published by qabook (no `SITE_MARKER`): a GitHub Pages checkout,
    a theme's `custom_dir`, a hand-made folder.
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
    if site.is_dir() and not (site / SITE_MARKER).is_file():
        try:
            own = sorted(e.name for e in site.iterdir() if not e.name.startswith("."))
        except OSError as exc:
            return f"site folder {site_dir} cannot be read ({exc.strerror or exc}): choose another --site-dir"
        if own:
            shown = ", ".join(own[:3]) + (", …" if len(own) > 3 else "")
            return (f"site folder {site_dir} holds files qabook did not publish ({shown}; no {SITE_MARKER} "
                    "marker): a build replaces the whole folder, so it is refused; choose a new or empty "
                    "folder (default: site), or move those files away yourself (a GitHub Pages checkout: keep only its "
                    ".git there; a CNAME belongs in docs/)")
    return None


def book_root(path: Path) -> Path | None:
    """The nearest folder at or above `path` that holds a mkdocs.yml: the book `path` belongs to."""
    path = path.resolve()
    for folder in (path, *path.parents):
        if any((folder / name).is_file() for name in CONFIG_NAMES):
            return folder
    return None


def _docs_dir_of(root: Path) -> Path:
    from qabook.config import load_project

    config = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    return load_project(config).docs_dir.resolve() if config else (root / "docs").resolve()


def unpublished_folder(folder: Path) -> Path:
    """Where a file the site must never publish (the import's `--preview` page) goes when it
    would be written in `folder`: `folder` itself, or — when `folder` is in a book's docs
    folder, whose every file MkDocs copies into the site — the book's own folder, beside its
    mkdocs.yml."""
    folder = folder.resolve()
    root = book_root(folder)
    if root is not None and _inside(folder, docs := _docs_dir_of(root)) and not _inside(root, docs):
        return root
    return folder


def _sources(root: Path) -> list[tuple[Path, str]]:
    """What of a book an output may never be written onto or into."""
    out = [(_docs_dir_of(root), "the docs folder")]
    out += [((root / n).resolve(), "the book's configuration") for n in CONFIG_NAMES if (root / n).exists()]
    for name in ("overrides", "src", "scripts", "tests", ".git"):
        if (root / name).is_dir():
            out.append(((root / name).resolve(), f"the project's {name}/ folder"))
    return out


def out_dir_problem(out_dir: Path, root: Path) -> str | None:
    """Why an import may not write chapters under `out_dir`, or None.

    `root` is the current folder; the book `out_dir` belongs to (found from the path) is
    protected as well, so `--out pj` from pj's parent is refused like `--out .` inside pj.
    """
    out = out_dir.resolve()
    book = book_root(out)
    protected = _protected(root) + ([(book, "the book's project folder")] if book else [])
    for folder, name in protected:
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


def chapter_target_problem(target: Path) -> str | None:
    """Why the chapter folder `target` may not be (re)placed by an import, or None.

    Refused: the docs folder of the book it sits in, a folder that holds a mkdocs.yml, and a
    folder holding sub-folders of pages (a chapter is flat; that is somebody's tree)."""
    target = target.resolve()
    book = book_root(target.parent)
    if book and target == _docs_dir_of(book):
        return (f"chapter folder {target} is the docs folder of the book in {book}: a chapter is a folder "
                f"inside it, for example --out {_docs_dir_of(book)} --chapter NAME")
    if not target.is_dir():
        return None
    for name in CONFIG_NAMES:
        if next(target.rglob(name), None) is not None:
            return f"chapter folder {target} holds a {name}: it is a project, not a chapter; choose another --chapter"
    nested = next((p for p in target.rglob("*.md") if p.parent != target), None)
    if nested is not None:
        return (f"chapter folder {target} holds folders of pages ({nested.relative_to(target)}): an imported "
                "chapter is one flat folder, so this one is not replaced; choose another --chapter")
    return None


def output_file_problem(out: Path, kind: str, magic: Callable[[Path], bool]) -> str | None:
    """Why an export of `kind` may not be written to the file `out`, or None.

    Never inside a book's sources (docs folder, configuration, overrides/, src/ …), never a
    folder, and an existing file only when it is itself an earlier export of this kind
    (`magic` says so): anything else is somebody's file."""
    path = out.resolve()
    book = book_root(path.parent)
    if book:
        for folder, name in _sources(book):
            if _inside(path, folder):
                return (f"--out {out} is inside {name} ({folder}): an export never goes among the sources; "
                        f"write it elsewhere, for example {book / ('book.' + kind)}")
    if path.is_dir():
        return f"--out {out} is a folder: give a file name, for example {out / ('book.' + kind)}"
    if path.exists() or path.is_symlink():
        if path.is_symlink() or not path.is_file() or not magic(path):
            return (f"--out {out} exists and is not an earlier {kind} export of qabook: it is not overwritten; "
                    "give a new file name or move that file away")
    if not path.parent.is_dir():
        return f"--out {out}: cannot write there: the folder {out.parent} does not exist"
    return None


def is_apkg(path: Path) -> bool:
    """An Anki package: a zip holding an Anki collection."""
    try:
        with zipfile.ZipFile(path) as z:
            return any(n.startswith("collection.anki2") for n in z.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def is_book_json(path: Path) -> bool:
    """A qabook JSON export: an object with `schema_version` and `chapters`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and "schema_version" in data and isinstance(data.get("chapters"), list)


def pdf_dir_problem(out_dir: Path) -> str | None:
    """Why PDFs may not be written into `out_dir`, or None: never among a book's sources."""
    path = out_dir.resolve()
    book = book_root(path)
    if book:
        for folder, name in _sources(book):
            if _inside(path, folder):
                return (f"--out {out_dir} is inside {name} ({folder}): PDFs never go among the sources; "
                        "the default is site/pdf")
    if path.exists() and not path.is_dir():
        return f"--out {out_dir} is a file, not a folder"
    return None
