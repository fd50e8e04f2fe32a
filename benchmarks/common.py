"""Shared pieces of the benchmarks: building sites, driving Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402,F401
from conftest import copy_project  # noqa: E402,F401


def run(*cmd: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr[-3000:]}")


def plain_material_config(project: Path, documented_separator: bool = False) -> Path:
    """mkdocs.yml as plain Material would have it: its own search plugin (zh, jieba), no qabook.
    With documented_separator, the separator Material's Chinese-search guide asks for."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    search = "  - search:\n      lang: zh\n"
    if documented_separator:
        search += "      separator: '[\\s\\u200b\\-]'\n"
    # qabook's entry, with its options if it has any (`- qabook` or `- qabook:` and indented lines)
    text, found = re.subn(r"^  - qabook:?\n(?:      .*\n|\s*#.*\n)*", "", text, flags=re.M)
    assert found == 1, "mkdocs.yml: no `- qabook` plugin entry to take out"
    text = text.replace("plugins:\n", "plugins:\n" + search, 1)
    text = text.replace("  custom_dir: overrides\n", "")
    text = text.replace("extra_javascript:\n  - assets/qabook.js\n", "")
    config = project / ("mkdocs-plain-sep.yml" if documented_separator else "mkdocs-plain.yml")
    config.write_text(text, encoding="utf-8")
    return config
