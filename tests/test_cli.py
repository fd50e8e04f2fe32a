"""The `qabook` command as a user runs it: exit codes, output formats, help, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, qabook
from qabook.cli import cli, main, rules_markdown

#: A committed document to import (the seed itself is in ../shared/, absent from users' clones).
SAMPLE = FIXTURES / "import" / "bold-numbered-groups.md"
GOOD = (FIXTURES / "rules" / "good_complete.md").read_text(encoding="utf-8")


def make_book(root: Path, page: str | bytes = GOOD) -> Path:
    docs = root / "docs"
    (docs / "ch").mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "ch" / "index.md").write_text("# 第一章\n\n- [页](page.md)\n", encoding="utf-8")
    data = page if isinstance(page, bytes) else page.encode("utf-8")
    (docs / "ch" / "page.md").write_bytes(data)
    return docs


def test_check_clean_book_exits_0(tmp_path: Path) -> None:
    make_book(tmp_path)
    r = qabook("check", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == "" and "0 error(s)" in r.stderr


def test_check_findings_exit_1_with_compiler_style_lines(tmp_path: Path) -> None:
    make_book(tmp_path, GOOD.replace("/// answer\n大模型指的是参数很多的模型。\n///\n", ""))
    r = qabook("check", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.splitlines() == ["docs/ch/page.md:7:1: QA031 question 1 has no answer: "
                                     "add a '/// answer' block after the question"]


def test_check_warning_only_passes_unless_strict(tmp_path: Path) -> None:
    make_book(tmp_path, GOOD.replace("/// explanation\n参数多，表示能力强。\n///\n", ""))
    assert qabook("check", cwd=tmp_path).returncode == 0
    assert qabook("check", "--strict", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("data", [b"\x00\x00binary", "# 标题\n".encode("gbk") + b"\xff\xfe", b""])
def test_check_bad_bytes_never_traceback(tmp_path: Path, data: bytes) -> None:
    make_book(tmp_path, data)
    r = qabook("check", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert re.match(r"docs/ch/page\.md:\d+:\d+: QA00[12] ", r.stdout)


def test_check_json_and_github_formats(tmp_path: Path) -> None:
    make_book(tmp_path, GOOD.replace("id: sample", "id: Bad Id"))
    data = json.loads(qabook("check", "--format", "json", cwd=tmp_path).stdout)
    assert data == [{"path": "docs/ch/page.md", "line": 2, "column": 1, "code": "QA011",
                     "message": data[0]["message"], "severity": "error"}]
    gh = qabook("check", "--format", "github", cwd=tmp_path).stdout
    assert gh.startswith("::error file=docs/ch/page.md,line=2,col=1,title=QA011::")


def test_check_paths_filter(tmp_path: Path) -> None:
    docs = make_book(tmp_path, GOOD.replace("id: sample", "id: Bad Id"))
    (docs / "other.md").write_text("# 其他\n\n### 跳级\n", encoding="utf-8")
    assert "other.md" in qabook("check", cwd=tmp_path).stdout
    only = qabook("check", "docs/other.md", cwd=tmp_path).stdout
    assert only.splitlines() == [line for line in only.splitlines() if line.startswith("docs/other.md:")] != []


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert qabook("check", "--format", "xml", cwd=tmp_path).returncode == 2
    assert qabook("check", cwd=tmp_path).returncode == 2  # no docs folder
    make_book(tmp_path)
    r = qabook("check", "nope.md", cwd=tmp_path)
    assert r.returncode == 2 and "no such file" in r.stderr
    assert qabook("import", "missing.md", cwd=tmp_path).returncode == 2
    assert qabook("frobnicate", cwd=tmp_path).returncode == 2


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert qabook("import", str(SAMPLE), "--chapter", "llm", "--out", str(out)).returncode == 0
    page = out / "llm" / "01-shen-me-shi-guo-ni-he.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n作者的修改\n", encoding="utf-8")
    again = qabook("import", str(SAMPLE), "--chapter", "llm", "--out", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    assert "作者的修改" in page.read_text(encoding="utf-8")
    (out / "llm" / "figure.png").write_bytes(b"png")
    assert qabook("import", str(SAMPLE), "--chapter", "llm", "--out", str(out), "--force").returncode == 0
    assert "作者的修改" not in page.read_text(encoding="utf-8")
    assert (out / "llm" / "figure.png").read_bytes() == b"png"  # non-Markdown files are kept


def test_import_dry_run_writes_nothing(tmp_path: Path) -> None:
    r = qabook("import", str(SAMPLE), "--dry-run", "--out", str(tmp_path / "docs"))
    assert r.returncode == 0 and not (tmp_path / "docs").exists()
    # the list is what was asked for: on stdout, as --explain and the findings (2>/dev/null keeps it)
    assert r.stdout.count("would write") == 4 and "would write" not in r.stderr


def test_import_avoids_ids_used_by_other_chapters(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    qabook("import", str(SAMPLE), "--chapter", "a", "--out", str(out))
    qabook("import", str(SAMPLE), "--chapter", "b", "--out", str(out))
    r = qabook("check", "--docs-dir", str(out))
    assert "QA012" not in r.stdout and r.returncode == 0, r.stdout


@pytest.mark.parametrize("data, code", [(b"", 2), (b"\x00bin", 2), ("题目".encode("gbk") + b"\xff", 2)])
def test_import_bad_input(tmp_path: Path, data: bytes, code: int) -> None:
    src = tmp_path / "in.md"
    src.write_bytes(data)
    r = qabook("import", str(src), "--out", str(tmp_path / "docs"))
    assert r.returncode == code and "Traceback" not in r.stderr and r.stderr.strip()
    assert not (tmp_path / "docs").exists()


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 20, name
        assert f"qabook {name}" in readme, f"README does not mention 'qabook {name}'"
        assert main([name, "--help"]) == 0


def test_rules_markdown_is_up_to_date() -> None:
    assert (ROOT / "RULES.md").read_text(encoding="utf-8") == rules_markdown(), \
        "RULES.md is stale: run `qabook rules --markdown > RULES.md`"


def test_a_new_books_gitignore_keeps_what_its_commands_write_out_of_git(tmp_path: Path) -> None:
    """`qabook new`, `git init`, then what the README and guide have a person run in the book
    folder: preview an import, import, build, print a chapter to `pdfs/`, export the deck and the
    JSON. `git status` then shows the book's sources and nothing the commands wrote."""
    import subprocess

    assert qabook("new", "book", "--language", "en", "--empty", cwd=tmp_path).returncode == 0
    book = tmp_path / "book"
    subprocess.run(["git", "init", "-q"], cwd=book, check=True)
    for args in (("import", str(SAMPLE), "--chapter", "quiz", "--preview"),
                 ("import", str(SAMPLE), "--chapter", "quiz"),
                 ("build", "--no-pdf"),
                 ("pdf", "--chapter", "quiz", "--out", "pdfs"),
                 ("export", "anki", "--out", "book.apkg"),
                 ("export", "json", "--out", "book.json")):
        r = qabook(*args, cwd=book)
        assert r.returncode == 0, (args, r.stdout + r.stderr)
    assert list(book.glob("*.preview.html")) and list((book / "pdfs").glob("*.pdf")) and (book / "site").is_dir()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=book,
                            capture_output=True, text=True, check=True).stdout.split("\n")
    untracked = sorted(line[3:] for line in status if line)
    sources = {".gitignore", "mkdocs.yml", "scripts/build"}
    assert all(p in sources or p.startswith("docs/") for p in untracked), untracked


def test_a_book_with_no_chapter_gets_no_empty_pdf_or_export(tmp_path: Path) -> None:
    """`qabook new --empty`, then `qabook pdf` and `qabook export` before any import: no chapter
    holds a topic, so there is nothing to print or export. As a build does, the commands write
    no empty PDF, deck or JSON: they say why (naming a page of questions outside any chapter)
    and what they did not write, exit 1, and leave a file already there as it was."""
    assert qabook("new", "book", "--language", "en", "--empty", cwd=tmp_path).returncode == 0
    book = tmp_path / "book"
    earlier = '{"schema_version": 1, "chapters": [], "kept": true}'
    (book / "book.json").write_text(earlier, encoding="utf-8")  # an earlier export
    for loose in (None, "faq.md"):
        if loose:  # a Q&A page at the top of docs/: a topic of no chapter
            (book / "docs" / loose).write_text(GOOD, encoding="utf-8")
        runs = {"pdf": qabook("pdf", cwd=book), "anki": qabook("export", "anki", "--out", "book.apkg", cwd=book),
                "json": qabook("export", "json", "--out", "book.json", cwd=book)}
        for kind, r in runs.items():
            assert r.returncode == 1, (kind, r.stdout + r.stderr)
            said = r.stderr.strip()
            assert "Traceback" not in said and len(said.splitlines()) == 1, said
            assert "no chapter holds a topic" in said and ("docs/faq.md is a topic of no chapter" in said) == bool(loose)
            assert said.startswith("Error: nothing to " + ("print" if kind == "pdf" else "export")), said
        assert "no PDF written to site/pdf" in runs["pdf"].stderr
        assert "book.apkg not written" in runs["anki"].stderr
        assert "book.json not written (the file there is left as it is)" in runs["json"].stderr
        assert not (book / "site").exists() and not (book / "book.apkg").exists()
        assert (book / "book.json").read_text(encoding="utf-8") == earlier


def test_chapters_come_in_folder_order_or_in_the_order_nav_lists_them(tmp_path: Path) -> None:
    """Two chapters imported `zeta` first, then `alpha`: the home page's chapter table lists them
    by folder name (as MkDocs' navigation does); with a `nav:` in mkdocs.yml that lists zeta's
    pages first, the table, the navigation and the whole book follow it."""
    def table_and_nav(book: Path) -> tuple[list[str], list[str]]:
        html = (book / "site" / "index.html").read_text(encoding="utf-8")
        table = html[html.index("<table"):html.index("</table>")]
        side = html[html.index("md-nav--primary"):]
        chapters = [m for m in re.findall(r'href="([a-z-]+)/"', side) if m in ("zeta", "alpha")]
        return re.findall(r'href="([a-z-]+)/"', table), list(dict.fromkeys(chapters))

    assert qabook("new", "book", "--language", "en", "--empty", cwd=tmp_path).returncode == 0
    book = tmp_path / "book"
    for chapter in ("zeta", "alpha"):
        r = qabook("import", str(SAMPLE), "--chapter", chapter, cwd=book)
        assert r.returncode == 0, r.stderr
    assert qabook("build", "--no-pdf", cwd=book).returncode == 0
    table, nav = table_and_nav(book)
    assert table[:2] == ["alpha", "zeta"] and nav == ["alpha", "zeta"], (table, nav)
    pages = sorted(p.relative_to(book / "docs").as_posix() for p in (book / "docs").rglob("*.md"))
    listed = ["index.md"] + [p for p in pages if p.startswith("zeta/")] + [p for p in pages if p.startswith("alpha/")]
    with (book / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("nav:\n" + "".join(f"  - {p}\n" for p in listed))
    r = qabook("build", "--no-pdf", cwd=book)
    assert r.returncode == 0, r.stderr
    table, nav = table_and_nav(book)
    assert table[:2] == ["zeta", "alpha"] and nav == ["zeta", "alpha"], (table, nav)
