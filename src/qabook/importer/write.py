"""Put an import plan on disk: all pages of a chapter appear at once, or none do."""

from __future__ import annotations

import shutil
from pathlib import Path

from qabook.importer.plan import ImportPlan
from qabook.staging import (discard_dir, make_staging_dir, owned_name, remove_abandoned, remove_stale, replace_dir,
                            restore_aside)


class ChapterExistsError(Exception):
    """The chapter folder already holds pages and --force was not given."""


def write_plan(plan: ImportPlan, out_dir: Path, force: bool = False, leftovers: list[str] | None = None) -> Path:
    """Write the chapter folder under out_dir; with force, replace the pages of an existing one
    (files that are not Markdown, such as images, are carried over). The replaced folder is
    removed as a replaced site is (`staging.discard_dir`): out of the way at once, by a process
    of its own, what a killed removal left finished by the next import; what cannot be removed
    is added to `leftovers`, each with its reason."""
    target = out_dir / plan.chapter
    if target.exists() and any(target.iterdir()) and not force:
        raise ChapterExistsError(f"{target} already exists: use --force to replace its pages")
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = f".{plan.chapter}.import-"
    left = restore_aside(out_dir, f"{prefix}old-", target)  # left by an import that was killed
    left += remove_abandoned(out_dir, f"{prefix}gone-")  # a removal cut short
    remove_stale(out_dir, prefix)
    staging = make_staging_dir(out_dir, prefix)
    try:
        for page in plan.pages:
            path = staging / Path(page.rel).relative_to(plan.chapter)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.text, encoding="utf-8")
        for found, rel in plan.assets:  # images beside the source document
            dest = staging / Path(rel).relative_to(plan.chapter)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(found, dest)
        if target.exists():
            for extra in target.rglob("*"):
                if extra.is_file() and extra.suffix.lower() != ".md":
                    dest = staging / extra.relative_to(target)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(extra, dest)
            old = target.with_name(f"{owned_name(prefix + 'old-')}x")
            replace_dir(staging, target, old)
            left += discard_dir(old, f"{prefix}gone-")
        else:
            staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if leftovers is not None:
        leftovers += left
    return target
