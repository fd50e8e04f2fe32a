"""Every check rule, on fixtures: a bad page yields its code at the right line, a good one nothing.

Page fixtures live in tests/fixtures/rules/: `bad_*.md` / `good_*.md`, each with an optional
`.expected` file of `line:col CODE` lines (a good page may still carry a warning it documents).
Each page is checked as a topic of a one-chapter book whose chapter page links it.
Cross-page rules (ids, chapters, navigation, unreadable files, symbolic links) are whole books in
tests/fixtures/books/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from qabook.check import check_docs
from qabook.diagnostics import Severity
from qabook.rules import RULES

PAGES = sorted((FIXTURES / "rules").glob("*.md"))
INDEX = "---\ntitle: 第一章\n---\n\n# 第一章\n\n- [页面](page.md)\n"


def book_with_page(tmp_path: Path, text: str | bytes) -> Path:
    docs = tmp_path / "docs"
    (docs / "ch").mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n\n[第一章](ch/index.md)\n", encoding="utf-8")
    (docs / "ch" / "index.md").write_text(INDEX, encoding="utf-8")
    page = docs / "ch" / "page.md"
    page.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return docs


def findings(docs: Path, base: Path) -> list[str]:
    return [f"{d.path}:{d.line}:{d.column} {d.code}" for d in check_docs(docs, base=base)]


@pytest.mark.parametrize("fixture", PAGES, ids=[p.stem for p in PAGES])
def test_rule_fixture(fixture: Path, tmp_path: Path) -> None:
    docs = book_with_page(tmp_path, fixture.read_text(encoding="utf-8"))
    expected_file = fixture.with_suffix(".expected")
    expected = expected_file.read_text(encoding="utf-8").split() if expected_file.exists() else []
    expected = [f"docs/ch/page.md:{pos} {code}" for pos, code in zip(expected[::2], expected[1::2])]
    assert sorted(findings(docs, tmp_path)) == sorted(expected)


#: Whole books for the rules that need more than one page (ids, chapters, navigation, unreadable
#: files, symbolic links): `<name>/docs/` (and `mkdocs.yml`), with `<name>/expected` holding one
#: `path:line:col CODE` line per finding.
BOOKS = sorted(p for p in (FIXTURES / "books").iterdir() if p.is_dir())


def book_expected(book: Path) -> list[str]:
    return (book / "expected").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("book", BOOKS, ids=[p.name for p in BOOKS])
def test_book_fixture(book: Path, tmp_path: Path) -> None:
    root = tmp_path / "book"
    shutil.copytree(book, root, symlinks=True)
    config = root / "mkdocs.yml"
    found = check_docs(root / "docs", config if config.exists() else None, base=root)
    assert sorted(f"{d.path}:{d.line}:{d.column} {d.code}" for d in found) == sorted(book_expected(book))


def test_every_rule_has_a_failing_fixture() -> None:
    """Each code is expected by a bad page fixture or a bad book fixture, which the tests above check."""
    covered = {code for p in (FIXTURES / "rules").glob("bad_*.expected") for code in p.read_text().split()[1::2]}
    covered |= {line.split()[-1] for book in BOOKS if book.name.startswith("bad_") for line in book_expected(book)}
    covered |= {"QA004"}  # a FIFO or a non-UTF-8 name cannot be committed: tests/test_trust.py makes them
    assert sorted(set(RULES) - covered) == []


def test_rules_have_docs() -> None:
    for rule in RULES.values():
        assert rule.code.startswith("QA") and rule.name and rule.summary and rule.bad and rule.good
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert not rule.summary.endswith(".")


def test_only_the_documented_rules_are_warnings() -> None:
    warnings = {code for code, r in RULES.items() if r.severity is Severity.WARNING}
    assert warnings == {"QA004", "QA032", "QA054", "QA071"}  # skipped special file; missing explanation; remote image; markup the site drops


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01\x02PNG", "binary file"),
    ("# 标题\n\n/// question\n题目\n///\n".encode("gbk"), "not valid UTF-8"),
])
def test_unreadable_pages(tmp_path: Path, data: bytes, message: str) -> None:
    docs = book_with_page(tmp_path, data)
    diags = check_docs(docs, base=tmp_path)
    hits = [d for d in diags if d.code == "QA001"]
    assert len(hits) == 1 and message in hits[0].message and hits[0].path == "docs/ch/page.md"


def test_non_utf8_position(tmp_path: Path) -> None:
    docs = book_with_page(tmp_path, "# 标题\n\n第三行".encode("utf-8") + b" \xff\n")
    (hit,) = [d for d in check_docs(docs, base=tmp_path) if d.code == "QA001"]
    assert (hit.line, hit.column) == (3, 11)


def test_empty_page(tmp_path: Path) -> None:
    docs = book_with_page(tmp_path, "  \n\n")
    assert [d.code for d in check_docs(docs, base=tmp_path) if d.path.endswith("page.md")] == ["QA002"]


def test_duplicate_id_across_chapters(tmp_path: Path) -> None:
    good = (FIXTURES / "rules" / "good_complete.md").read_text(encoding="utf-8")
    docs = book_with_page(tmp_path, good)
    (docs / "ch2").mkdir()
    (docs / "ch2" / "index.md").write_text(INDEX, encoding="utf-8")
    (docs / "ch2" / "page.md").write_text(good, encoding="utf-8")
    diags = check_docs(docs, base=tmp_path)
    assert [(d.path, d.line, d.code) for d in diags] == [("docs/ch2/page.md", 2, "QA012")]
    assert "docs/ch/page.md" in diags[0].message


def test_findings_are_sorted_and_all_reported(tmp_path: Path) -> None:
    text = (FIXTURES / "rules" / "bad_QA023_fence.md").read_text(encoding="utf-8") + "\n/// answer\n"
    docs = book_with_page(tmp_path, text)
    diags = check_docs(docs, base=tmp_path)
    assert diags == sorted(diags) and len(diags) == 3


def test_front_matter_does_not_shift_lines(tmp_path: Path) -> None:
    """The same broken answer is reported at its own line, with and without long front matter."""
    body = "# 标题\n\n/// question\n问？\n///\n\n/// answer\n\n///\n"
    short = book_with_page(tmp_path / "a", "---\nid: a\n---\n" + body)
    long = book_with_page(tmp_path / "b", "---\nid: b\ntags:\n  - x\n  - y\n---\n" + body)
    line = lambda docs: [d.line for d in check_docs(docs) if d.code == "QA033"]  # noqa: E731
    assert line(short) == [10] and line(long) == [13]


def test_fixture_folder_is_not_stale() -> None:
    for exp in (FIXTURES / "rules").glob("*.expected"):
        assert exp.with_suffix(".md").exists(), exp
    shutil.which("true")


@pytest.mark.parametrize("text", ["Interview questions", "dns/01-what-is-dns.md", "DNS: self check", "C++ [basics]",
                                  "123", "true", "No", "第一章 大模型", "a, b", "What's new?", "Tor & Pi-hole", "x #y",
                                  "1.5", "- dash", "!tag", "*star", "ends with space ", '"quoted"'])
def test_qa050s_nav_line_reads_back_as_written(text: str) -> None:
    """QA050's line to paste under `nav:` is YAML that gives back the chapter's title and paths."""
    import yaml

    from qabook.rules.navigation import _yaml_scalar

    scalar = _yaml_scalar(text)
    assert yaml.safe_load(f"- {scalar}: [{scalar}, {scalar}]") == [{text: [text, text]}]
