"""Where things are: the mkdocs.yml to use and the docs folder it names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qabook.book import read_config


@dataclass(frozen=True)
class Project:
    config_file: Path | None  # None when there is no mkdocs.yml
    docs_dir: Path
    site_dir: Path
    root: Path


def find_project(config_file: Path | None = None, docs_dir: Path | None = None) -> Project:
    if config_file is None and Path("mkdocs.yml").exists():
        config_file = Path("mkdocs.yml")
    config = read_config(config_file) if config_file else {}
    root = config_file.resolve().parent if config_file else Path.cwd()
    docs = docs_dir or root / str(config.get("docs_dir") or "docs")
    site = root / str(config.get("site_dir") or "site")
    return Project(config_file, Path(docs), Path(site), root)
