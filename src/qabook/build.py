"""`qabook build`: check, then MkDocs into a staging folder, then swap it in for site/.

A failed check or build leaves the previous site exactly as it was. The swap is two renames
in one folder (old site aside, new site in), so the site is never half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qabook.book import load_book
from qabook.check import check_book
from qabook.config import Project
from qabook.diagnostics import Diagnostic
from qabook.model import Book
from qabook.safepaths import site_dir_problem
from qabook.staging import (FolderLock, LockHeld, die_with_parent, make_readable, make_staging_dir,
                            owned_name, remove_stale, replace_dir, restore_aside)

Progress = Callable[[str], None]


class UnsafePathError(Exception):
    """The site folder would replace the author's files; nothing was touched."""


@dataclass
class BuildResult:
    ok: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reason: str = ""
    site_dir: Path | None = None


def run_mkdocs(project: Project, out_dir: Path, offline: bool, no_pdf: bool, strict: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["QABOOK_ALREADY_CHECKED"] = "1"
    if no_pdf:
        env["QABOOK_NO_PDF"] = "1"
    if offline:
        env["QABOOK_DIRECTORY_URLS"] = "false"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(out_dir)]
    if project.config_file:
        cmd += ["--config-file", str(project.config_file)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, env=env, text=True, capture_output=True, cwd=project.root,
                          preexec_fn=die_with_parent)


def mkdocs_failure(proc: subprocess.CompletedProcess[str]) -> str:
    """The lines of a failed MkDocs run that say why, without its traceback."""
    lines = (proc.stderr or proc.stdout or "").strip().splitlines()
    said = [ln for ln in lines if ln.startswith(("ERROR", "Aborted", "Error:"))]
    if not said and lines:
        said = [lines[-1]]  # the exception line that closes a traceback
    return "\n".join(said[-8:]) + "\n(run `mkdocs build -v` for the details)"


def swap_in(staging: Path, site_dir: Path) -> None:
    """The new site in place of the old in one atomic exchange; the old one is then removed."""
    old = site_dir.with_name(f"{owned_name('.' + site_dir.name + '-old-')}x")
    replace_dir(staging, site_dir, old)
    shutil.rmtree(old, ignore_errors=True)


def build_site(project: Project, site_dir: Path | None = None, *, offline: bool = False,
               pdf: bool = True, strict: bool = False, progress: Progress = lambda s: None,
               after_pages: Callable[[Path, Book], str | None] | None = None) -> BuildResult:
    """Check, build into a staging folder, run `after_pages` (the PDFs) on it, swap it in.

    `after_pages(staging, book)` gets the book the check read, and returns an error text to
    abort the build, or None. One build at a time per site folder (a lock beside it); staging
    folders left by a killed build are removed first.
    """
    site_dir = site_dir or project.site_dir
    problem = site_dir_problem(site_dir, project.docs_dir, project.root)
    if problem:
        raise UnsafePathError(problem)
    site_dir = site_dir.resolve()
    progress(f"checking {project.docs_dir}")
    book = load_book(project.docs_dir, project.config_file)
    diags = check_book(book)
    if any(d.is_error for d in diags) or (strict and diags):
        return BuildResult(False, diags, "the check found errors: the previous site is unchanged")
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with FolderLock(site_dir.parent, f".{site_dir.name}.lock"):
            restore_aside(site_dir.parent, f".{site_dir.name}-old-", site_dir)
            remove_stale(site_dir.parent, f".{site_dir.name}-build-")
            return _build_locked(project, site_dir, book, diags, offline, pdf, strict, progress, after_pages)
    except LockHeld as exc:
        return BuildResult(False, diags, str(exc))
    except OSError as exc:
        where = exc.filename or site_dir
        return BuildResult(False, diags, f"cannot write {where}: {exc.strerror or exc}: the previous site is unchanged")


def _build_locked(project: Project, site_dir: Path, book: Book, diags: list[Diagnostic], offline: bool,
                  pdf: bool, strict: bool, progress: Progress,
                  after_pages: Callable[[Path, Book], str | None] | None) -> BuildResult:
    staging = make_staging_dir(site_dir.parent, f".{site_dir.name}-build-")
    try:
        progress("building pages with MkDocs")
        proc = run_mkdocs(project, staging, offline, not pdf, strict)
        if proc.returncode != 0:
            return BuildResult(False, diags, f"mkdocs build failed: the previous site is unchanged\n{mkdocs_failure(proc)}")
        if after_pages:
            error = after_pages(staging, book)
            if error:
                return BuildResult(False, diags, f"{error}: the previous site is unchanged")
        make_readable(staging)
        swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    progress(f"site ready in {site_dir}")
    return BuildResult(True, diags, site_dir=site_dir)
