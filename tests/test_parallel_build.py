"""The build on several cores writes exactly what the build on one writes: every file, every byte.

Pages are read, converted and rendered in forked workers (qabook.parallel_build); what they
hand back (each page's HTML, title, contents, qabook's search and print data, Material's tags)
must make the same site as MkDocs' own serial loop. No timing is asserted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from genbook import generate  # noqa: E402

pytestmark = pytest.mark.slow

BUILD = r"""
import sys
from mkdocs.config import load_config
from qabook.parallel_build import build
site, jobs = sys.argv[1], int(sys.argv[2])
config = load_config("mkdocs.yml", site_dir=site)
config.plugins["qabook"].config["pdf"] = False
build(config, jobs=jobs, min_pages=0)
"""


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _build(project: Path, site: Path, jobs: int) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}  # the same dates in both sites
    r = subprocess.run([sys.executable, "-c", BUILD, str(site), str(jobs)], cwd=project, env=env,
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]


def test_parallel_and_serial_builds_write_the_same_files(tmp_path: Path) -> None:
    project = tmp_path / "book"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    # three chapters of one-question topics with code and formulas, tags on every page,
    # and a chapter of pages with several questions
    generate(project / "docs", 45, 1, per_chapter=15)
    generate(project / "more", 30, 10, seed=7, per_chapter=3)
    shutil.move(project / "more" / "c000", project / "docs" / "c900")
    shutil.copy2(ROOT / "docs" / "tags.md", project / "docs" / "tags.md")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    _build(project, serial, 1)
    _build(project, parallel, 2)
    one, two = _files(serial), _files(parallel)
    assert len(one) > 100 and "tags/index.html" in one and "search/qabook/meta.js" in one
    assert sorted(one) == sorted(two)
    differ = [path for path in one if one[path] != two[path]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:5]}"
