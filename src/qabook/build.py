"""`qabook build`: check, then MkDocs into a staging folder, then swap it in for site/.

A failed check or build leaves the previous site exactly as it was. The swap is one atomic
exchange of two folders (qabook.staging.replace_dir), so the site is never half-written.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from qabook.book import PROCESS_CACHE
from qabook.check import check_cached_book
from qabook.config import Project
from qabook.cpus import available_cores
from qabook.mkdocs_run import MkdocsBuild, MkdocsProcess
from qabook.diagnostics import Diagnostic
from qabook.safepaths import SITE_MARKER, marker_text, published_entries, site_dir_problem
from qabook.progress import Progress
from qabook.staging import (FolderLock, LockHeld, carry_hidden, discard_dir, make_readable, make_staging_dir,
                            owned_name, remove_abandoned, remove_stale, replace_dir, restore_aside, uninterrupted)



class UnsafePathError(Exception):
    """The site folder would replace the author's files; nothing was touched."""


@dataclass
class BuildResult:
    ok: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reason: str = ""
    site_dir: Path | None = None
    leftovers: list[str] = field(default_factory=list)  # what could not be removed, with the reason
    kept: list[str] = field(default_factory=list)  # what the user put in the site folder, kept or replaced


def swap_in(staging: Path, site_dir: Path) -> tuple[list[str], list[str]]:
    """The new site in place of the old in one atomic exchange. Of the old site, the hidden
    entries (`.git`, `.nojekyll`) and the top-level entries qabook did not publish there (a
    `CNAME` added by hand: not in the old marker's list) move into the new site; the rest is
    removed: by a process of its own (`discard_dir`), the command does not wait for it. The new
    site is marked as qabook's (`SITE_MARKER`, with what it published).
    Returns (what could not be removed, notes on what of the user's was kept or replaced)."""
    (staging / SITE_MARKER).write_text(marker_text(staging), encoding="utf-8")
    published = published_entries(site_dir) if site_dir.is_dir() else None
    old = site_dir.with_name(f"{owned_name('.' + site_dir.name + '-old-')}x")
    replace_dir(staging, site_dir, old)
    if not old.exists():
        return [], []
    carry_hidden(old, site_dir, skip=(SITE_MARKER,))
    notes = []
    if published is not None:
        for entry in sorted(old.iterdir()):
            if entry.name.startswith(".") or entry.name in published:
                continue
            if os.path.lexists(site_dir / entry.name):
                notes.append(f"{entry.name} (put in the site folder by hand) is now published from the book and was "
                             "replaced by the book's own")
            else:
                entry.rename(site_dir / entry.name)
                notes.append(f"kept {entry.name}: it was put in the site folder by hand, not published by qabook "
                             "(to publish it with the book, put it in docs/)")
    return discard_dir(old, gone_prefix(site_dir)), notes


def _silent(message: str) -> None:
    """No progress said."""


def gone_prefix(site_dir: Path) -> str:
    """The name start of a previous site being removed after a build (`.site-gone-<pid>-x`)."""
    return f".{site_dir.name}-gone-"


def build_site(project: Project, site_dir: Path | None = None, *, offline: bool = False,
               pdf: bool = True, strict: bool = False, jobs: int | None = None,
               progress: Progress | None = None, quiet: bool = False) -> BuildResult:
    """Check, build into a staging folder (MkDocs, with the PDFs made by the plugin), swap it in.

    The check parses the book on every core; MkDocs then runs in a child process forked with
    the parsed pages, rendering pages on every core too (qabook.parallel_build). A check that
    finds errors starts no MkDocs at all. One build at a time per site folder (a lock beside
    it); staging folders left by a killed build are removed first, and so is what a killed or
    failed removal of an earlier previous site left (`.site-gone-*`). `progress` is told each
    step, in the MkDocs process too (how many pages converted and rendered, then the files
    written after them: qabook.progress; None: nothing said; where MkDocs' process is spawned,
    not forked, a module-level function); `quiet`: MkDocs' own messages only when they warn.
    """
    site_dir = site_dir or project.site_dir
    problem = site_dir_problem(site_dir, project.docs_dir, project.root)
    if problem:
        raise UnsafePathError(problem)
    site_dir = site_dir.resolve()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with FolderLock(site_dir.parent, f".{site_dir.name}.lock"):
            left = restore_aside(site_dir.parent, f".{site_dir.name}-old-", site_dir, keep_hidden=True)
            left += remove_abandoned(site_dir.parent, gone_prefix(site_dir))  # a removal cut short
            remove_stale(site_dir.parent, f".{site_dir.name}-build-")
            result = _build_locked(project, site_dir, offline, pdf, strict, jobs or available_cores(), progress,
                                   quiet)
            result.leftovers[:0] = left
            return result
    except LockHeld as exc:
        return BuildResult(False, [], str(exc))
    except OSError as exc:
        where = exc.filename or site_dir
        return BuildResult(False, [], f"cannot write {where}: {exc.strerror or exc}: the previous site is unchanged")


def _build_locked(project: Project, site_dir: Path, offline: bool, pdf: bool, strict: bool, jobs: int,
                  told: Progress | None, quiet: bool) -> BuildResult:
    progress = told or _silent
    staging = make_staging_dir(site_dir.parent, f".{site_dir.name}-build-")
    mkdocs = None
    try:
        progress(f"checking {project.docs_dir}")
        _, diags = check_cached_book(project, jobs=jobs, cache=PROCESS_CACHE)  # only changed pages parsed
        if any(d.is_error for d in diags) or (strict and diags):
            return BuildResult(False, diags, "the check found errors: the previous site is unchanged")
        progress("building pages with MkDocs" + (" and PDFs" if pdf else "") + f" ({jobs} processes)")
        # forked now, MkDocs starts with the pages the check parsed (PROCESS_CACHE)
        job = MkdocsBuild(project.config_file, staging, strict=strict, directory_urls=False if offline else None,
                          plugin_options={"check": False, "pdf": pdf, "jobs": jobs}, jobs=jobs, built_site=site_dir,
                          progress=told, quiet=quiet)
        mkdocs = MkdocsProcess(job)
        failure = mkdocs.wait()
        mkdocs = None
        if failure:
            return BuildResult(False, diags, f"mkdocs build failed: the previous site is unchanged\n{failure}")
        make_readable(staging)
        with uninterrupted():  # the last step: the new site in place, the old one removed
            left, kept = swap_in(staging, site_dir)
    finally:
        with uninterrupted():  # (after a Ctrl+C: a second one leaves nothing half-removed)
            if mkdocs is not None:
                mkdocs.stop()  # and every process under it: nothing writes into the staging folder any more
            shutil.rmtree(staging, ignore_errors=True)
    progress(f"site ready in {site_dir}")
    return BuildResult(True, diags, site_dir=site_dir, leftovers=left, kept=kept)
