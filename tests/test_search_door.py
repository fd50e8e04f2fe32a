"""Adding `plugins: [- qabook]` as guide/your-mkdocs-site.md shows to a site that had no `plugins:` key
drops MkDocs' implicit `search`: qabook's search then serves the site and Material's (with the
theme's search.share and search.suggest) is gone (trial10, issue 14 item 6). The build says so
once, at INFO (a `--strict` build still passes), naming the features and the line that keeps
Material's; a site that lists `- search`, or sets `search: true`, hears nothing. Fails without the
change (no such line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

YML = """\
site_name: Team notes
theme:
  name: material
  features:
    - search.share
    - search.suggest
plugins:
{plugins}
"""
TOPIC = """\
---
id: dns
---

# What is DNS?

/// question
What does DNS do?
///

/// answer
It maps names to addresses.
///

/// explanation
A resolver asks the name servers.
///
"""

SAID = "qabook's search serves this site"


def _build(tmp_path: Path, plugins: str) -> str:
    (tmp_path / "docs" / "faq").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Team notes\n\nOrdinary page.\n", encoding="utf-8")
    (tmp_path / "docs" / "faq" / "index.md").write_text("# FAQ\n\n- [What is DNS?](dns.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "faq" / "dns.md").write_text(TOPIC, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(YML.format(plugins=plugins), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stderr


def test_adding_qabook_alone_says_once_that_its_search_replaces_materials(tmp_path: Path) -> None:
    log = _build(tmp_path, "  - qabook:\n      pdf: false")
    said = [line for line in log.splitlines() if SAID in line]
    assert len(said) == 1 and said[0].startswith("INFO"), log
    assert "search.share, search.suggest" in said[0] and "add '- search' under plugins" in said[0]
    assert (tmp_path / "site" / "search" / "qabook").is_dir()  # and it is so


@pytest.mark.parametrize("plugins", ["  - search\n  - qabook:\n      pdf: false",
                                     "  - qabook:\n      pdf: false\n      search: true"])
def test_a_site_that_chose_its_search_hears_nothing(tmp_path: Path, plugins: str) -> None:
    assert SAID not in _build(tmp_path, plugins)
