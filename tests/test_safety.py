"""Never destroy an author's files: dangerous output paths are refused before anything is touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import old_sites_removed, qabook
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
    assert r.returncode == 2 and "did not publish" in r.stderr, r.stderr
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


# --- A folder qabook did not make is never replaced (issue 16, second round) -----------------

def _pages_checkout(folder: Path) -> None:
    """A GitHub Pages checkout: a git repository with Jekyll files and a published index.html."""
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (folder / ".nojekyll").write_text("", encoding="utf-8")
    (folder / "CNAME").write_text("book.example.org\n", encoding="utf-8")
    (folder / "_config.yml").write_text("theme: minima\n", encoding="utf-8")
    (folder / "_posts").mkdir()
    (folder / "_posts" / "2026-01-01-hello.md").write_text("# hello\n", encoding="utf-8")
    (folder / "index.html").write_text("<h1>my blog</h1>\n", encoding="utf-8")


def _custom_dir(folder: Path) -> None:
    """A theme's custom_dir: it holds a 404.html, as Material's overrides often do."""
    (folder / "partials").mkdir(parents=True)
    (folder / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    (folder / "404.html").write_text("{% extends 'main.html' %}\n", encoding="utf-8")
    (folder / "partials" / "footer.html").write_text("<footer>mine</footer>\n", encoding="utf-8")


def _hand_made(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<p>made by hand</p>\n", encoding="utf-8")
    (folder / "style.css").write_text("p { color: red }\n", encoding="utf-8")


@pytest.mark.parametrize("name, make", [("gh-pages", _pages_checkout), ("overrides", _custom_dir),
                                        ("www", _hand_made)])
def test_build_refuses_a_folder_qabook_did_not_publish(tmp_path: Path, name: str, make) -> None:
    root = _project(tmp_path)
    make(root / name)
    before = _snapshot(tmp_path)
    r = qabook("build", "--no-pdf", "--site-dir", name, cwd=root)
    assert r.returncode == 2, r.stderr
    assert "did not publish" in r.stderr and "Traceback" not in r.stderr
    assert len([line for line in r.stderr.splitlines() if line.strip()]) == 1, r.stderr  # one sentence
    assert _snapshot(tmp_path) == before


def test_a_site_qabook_published_keeps_its_hidden_entries_on_rebuild(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "docs" / "stale.txt").write_text("published once\n", encoding="utf-8")
    assert qabook("build", "--no-pdf", "--site-dir", "public", cwd=root).returncode == 0
    site = root / "public"
    assert (site / ".qabook-site").is_file() and (site / "stale.txt").is_file()
    (root / "docs" / "stale.txt").unlink()  # no longer in the book
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    r = qabook("build", "--no-pdf", "--site-dir", "public", cwd=root)
    assert r.returncode == 0, r.stderr
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").exists() and (site / ".qabook-site").is_file()
    assert not (site / "stale.txt").exists() and (site / "index.html").is_file()  # what qabook published is replaced
    assert old_sites_removed(root) == []  # (the previous site, removed after the build returned)
    assert not list(root.glob(".public-*"))  # nothing left beside it


def test_a_file_put_by_hand_into_a_published_site_survives_a_rebuild_with_a_note(tmp_path: Path) -> None:
    """GitHub's custom-domain setting writes CNAME into the published folder: the next build keeps
    it (and anything else qabook did not publish there) and says so, naming the docs/ way."""
    root = _project(tmp_path)
    assert qabook("build", "--no-pdf", "--site-dir", "public", cwd=root).returncode == 0
    site = root / "public"
    (site / "CNAME").write_text("book.example.org\n", encoding="utf-8")
    (site / "google1234.html").write_text("google-site-verification\n", encoding="utf-8")
    for _ in range(2):  # and again: still not qabook's, still kept
        r = qabook("build", "--no-pdf", "--site-dir", "public", cwd=root)
        assert r.returncode == 0, r.stderr
        assert (site / "CNAME").read_text(encoding="utf-8") == "book.example.org\n"
        assert (site / "google1234.html").is_file() and (site / "index.html").is_file()
        assert "kept CNAME" in r.stderr and "docs/" in r.stderr, r.stderr


def test_an_empty_folder_or_one_with_only_hidden_entries_may_become_the_site(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "out" / ".git").mkdir(parents=True)
    (root / "out" / ".git" / "HEAD").write_text("x\n", encoding="utf-8")
    r = qabook("build", "--no-pdf", "--site-dir", "out", cwd=root)
    assert r.returncode == 0, r.stderr
    assert (root / "out" / ".git" / "HEAD").read_text(encoding="utf-8") == "x\n"
    assert (root / "out" / "index.html").is_file()


@pytest.mark.parametrize("kind, out", [("json", "docs/ch/page.md"), ("anki", "mkdocs.yml"),
                                       ("json", "docs/book.json"), ("json", "notes.json"),
                                       ("anki", "docs"), ("json", "overrides/x.json")])
def test_export_never_writes_onto_sources_or_files_it_did_not_make(tmp_path: Path, kind: str, out: str) -> None:
    root = _project(tmp_path)
    (root / "notes.json").write_text('{"mine": true}\n', encoding="utf-8")
    (root / "overrides").mkdir()
    before = _snapshot(tmp_path)
    r = qabook("export", kind, "--out", out, cwd=root)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "--out" in r.stderr
    assert _snapshot(tmp_path) == before


def test_export_replaces_its_own_earlier_export(tmp_path: Path) -> None:
    root = _project(tmp_path)
    for kind, name in (("json", "book.json"), ("anki", "book.apkg")):
        assert qabook("export", kind, "--out", name, cwd=root).returncode == 0
        r = qabook("export", kind, "--out", name, cwd=root)
        assert r.returncode == 0, r.stderr
    assert not list(root.glob(".book.*part"))


def test_a_failed_export_leaves_the_previous_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qabook import cli
    from qabook.export import jsonbook

    root = _project(tmp_path)
    assert qabook("export", "json", "--out", "book.json", cwd=root).returncode == 0
    good = (root / "book.json").read_bytes()
    assert len(good) > 100

    def broken(book, out, title=None, language=None):
        out.write_text('{"schema_version": 1, "chap', encoding="utf-8")
        raise RuntimeError("disk hiccup half-way")

    monkeypatch.setattr(jsonbook, "export_json", broken)
    monkeypatch.setattr("qabook.export.export_json", broken)
    monkeypatch.chdir(root)
    with pytest.raises(RuntimeError):
        cli.main(["export", "json", "--out", "book.json"])
    assert (root / "book.json").read_bytes() == good
    assert not list(root.glob(".book.json.*"))


def test_pdf_out_among_the_sources_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path)
    before = _snapshot(tmp_path)
    r = qabook("pdf", "--out", "docs/ch", cwd=root)
    assert r.returncode == 2 and "--out" in r.stderr, r.stderr
    assert _snapshot(tmp_path) == before


def test_import_from_the_parent_cannot_replace_the_books_docs(tmp_path: Path) -> None:
    """`qabook import --out pj --chapter docs --force`, run from pj's parent, replaced pj/docs."""
    root = _project(tmp_path)
    (tmp_path / "src.md").write_text(SOURCE, encoding="utf-8")
    before = _snapshot(tmp_path)
    r = qabook("import", "src.md", "--out", root.name, "--chapter", "docs", "--force", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert _snapshot(tmp_path) == before


def test_import_force_does_not_replace_a_tree_of_pages_or_a_project(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (tmp_path / "src.md").write_text(SOURCE, encoding="utf-8")
    guide = root / "docs" / "guide"
    (guide / "deep").mkdir(parents=True)
    (guide / "deep" / "page.md").write_text("# mine\n", encoding="utf-8")
    before = _snapshot(tmp_path)
    r = qabook("import", str(tmp_path / "src.md"), "--out", "docs", "--chapter", "guide", "--force", cwd=root)
    assert r.returncode == 2 and "flat" in r.stderr, r.stderr
    assert _snapshot(tmp_path) == before


def test_a_site_built_by_plain_mkdocs_with_the_plugin_may_be_rebuilt_by_qabook(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = _project(tmp_path)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", "site"], cwd=root, capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    assert (root / "site" / ".qabook-site").is_file()
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0, r.stderr
