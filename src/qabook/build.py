"""`qabook build`: check, then MkDocs into a staging folder, then swap it in for site/.

A failed check or build leaves the previous site exactly as it was. The swap is two renames
in one folder (old site aside, new site in), so the site is never half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qabook.book import load_book
from qabook.check import check_book
from qabook.config import Project
from qabook.diagnostics import Diagnostic
from qabook.model import Book

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    ok: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reason: str = ""
    site_dir: Path | None = None


def start_mkdocs(project: Project, out_dir: Path, offline: bool, no_pdf: bool, strict: bool) -> subprocess.Popen[str]:
    """`mkdocs build` into out_dir, started in the background (output captured)."""
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
    return subprocess.Popen(cmd, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=project.root)


def swap_in(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def build_site(project: Project, site_dir: Path | None = None, *, offline: bool = False,
               pdf: bool = True, strict: bool = False, progress: Progress = lambda s: None,
               after_pages: Callable[[Path, Book], str | None] | None = None) -> BuildResult:
    """Check, build into a staging folder, run `after_pages` (the PDFs) on it, swap it in.

    The check runs while MkDocs builds (two cores at work); if it finds errors, the MkDocs
    process is stopped and its staging folder removed, as if it had never started.
    `after_pages(staging, book)` gets the book the check read, and returns an error text to
    abort the build, or None.
    """
    site_dir = (site_dir or project.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    proc = None
    try:
        progress(f"checking {project.docs_dir}, building pages with MkDocs")
        proc = start_mkdocs(project, staging, offline, not pdf, strict)
        book = load_book(project.docs_dir, project.config_file)
        diags = check_book(book)
        if any(d.is_error for d in diags) or (strict and diags):
            return BuildResult(False, diags, "the check found errors: the previous site is unchanged")
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            tail = "\n".join((stderr or stdout).strip().splitlines()[-15:])
            return BuildResult(False, diags, f"mkdocs build failed: the previous site is unchanged\n{tail}")
        if after_pages:
            error = after_pages(staging, book)
            if error:
                return BuildResult(False, diags, f"{error}: the previous site is unchanged")
        swap_in(staging, site_dir)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.communicate()
        shutil.rmtree(staging, ignore_errors=True)
    progress(f"site ready in {site_dir}")
    return BuildResult(True, diags, site_dir=site_dir)
