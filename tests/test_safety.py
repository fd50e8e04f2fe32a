"""Never destroy an author's files: dangerous output paths are refused before anything is touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import qabook
from test_cli import make_book


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    make_book(root)
    (root / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: material\nplugins:\n  - qabook\n",
                                     encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("site_dir", ["docs", ".", "..", "docs/ch", "/", "~", ".git"])
def test_build_refuses_a_site_dir_that_would_replace_sources(tmp_path: Path, site_dir: str) -> None:
    root = _project(tmp_path)
    before = _snapshot(tmp_path)
    home = {"HOME": str(root.parent)}
    target = str(root.parent) if site_dir == "~" else site_dir
    r = qabook("build", "--no-pdf", "--site-dir", target, cwd=root, env=home)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "site ready" not in r.stderr
    assert "site folder" in r.stderr
    assert _snapshot(tmp_path) == before


def test_build_refuses_site_dir_docs_from_mkdocs_yml(tmp_path: Path) -> None:
    root = _project(tmp_path)
    cfg = root / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "site_dir: docs\n", encoding="utf-8")
    before = _snapshot(root)
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 2 and "docs folder" in r.stderr, r.stderr
    assert _snapshot(root) == before


def test_build_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "notes").mkdir()
    (root / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    r = qabook("build", "--no-pdf", "--site-dir", "notes", cwd=root)
    assert r.returncode == 2 and "not a built site" in r.stderr, r.stderr
    assert (root / "notes" / "todo.txt").read_text(encoding="utf-8") == "keep me\n"


SOURCE = "# 书\n\n#### 1. 什么是模型？\n\n**题目：** 什么是模型？\n\n**答案：** 一个函数。\n\n**解析：** 参数化的。\n"


@pytest.mark.parametrize("chapter", [".", "..", " ", "", "a/b", "../x", "a\nb", "a\u200bb", ".hidden"])
def test_import_refuses_a_chapter_that_is_not_one_plain_folder_name(tmp_path: Path, chapter: str) -> None:
    root = _project(tmp_path)
    (tmp_path / "src.md").write_text(SOURCE, encoding="utf-8")
    before = _snapshot(tmp_path)
    r = qabook("import", str(tmp_path / "src.md"), "--chapter", chapter, "--out", "docs", "--force", cwd=root)
    assert r.returncode == 2, r.stderr
    assert "chapter name" in r.stderr and "Traceback" not in r.stderr
    assert _snapshot(tmp_path) == before
    assert not [p for p in root.rglob(".*import-*")]


@pytest.mark.parametrize("out", [".", "..", "/", "~"])
def test_import_refuses_an_out_folder_that_is_the_project_or_above(tmp_path: Path, out: str) -> None:
    root = _project(tmp_path)
    (tmp_path / "src.md").write_text(SOURCE, encoding="utf-8")
    before = _snapshot(tmp_path)
    target = str(root.parent) if out == "~" else out
    r = qabook("import", str(tmp_path / "src.md"), "--chapter", "ok", "--out", target, "--force", cwd=root,
               env={"HOME": str(root.parent)})
    assert r.returncode == 2 and "--out" in r.stderr, r.stderr
    assert _snapshot(tmp_path) == before


def test_a_normal_site_dir_and_import_still_work(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (tmp_path / "src.md").write_text(SOURCE, encoding="utf-8")
    r = qabook("import", str(tmp_path / "src.md"), "--chapter", "models", "--out", "docs", cwd=root)
    assert r.returncode == 0, r.stderr
    assert (root / "docs" / "models" / "index.md").is_file()
    assert os.path.isdir(root / "docs" / "ch")
