"""Import, then a strict build, as an author runs them (trial9 item 10): a document whose
questions have answers but few or no explanations imports cleanly, and a `--strict` build then
stops on QA032 for each question without one. The import cannot write explanations the source
does not hold: it says that the strict build will stop, and which lines of mkdocs.yml declare
explanations optional (qabook never edits mkdocs.yml). Pasting them, the build passes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import qabook

pytestmark = pytest.mark.slow

#: a FAQ with answers and, for one question of three, an explanation under the author's label
MYTHS = """# Myths

## AI understands language

**Reality:** It predicts the next token.

**Why it matters:** Fluency is not understanding.

## Bigger models are smarter

**Reality:** Not always: data and training matter as much.

## Temperature controls creativity

**Reality:** It changes how the next token is sampled.
"""

#: question and answer only, as most English FAQs are
FAQ = """# FAQ

**Q: How do I reset my password?**

A: Use the link on the sign-in page.

**Q: Can I change my user name?**

A: Yes, once a month, under Settings.
"""


def _advice(output: str) -> list[str]:
    """The import's lines about a strict build: its first line and any indented lines under it."""
    lines = output.splitlines()
    at = next((i for i, line in enumerate(lines) if "--strict" in line), None)
    assert at is not None, f"the import does not say that a --strict build stops:\n{output}"
    block = []
    for line in lines[at + 1:]:
        if not line.startswith("  "):
            break
        block.append(line)
    return [lines[at], *block]


def test_a_site_s_strict_build_after_an_import_with_one_explanation_missing(tmp_path: Path) -> None:
    """A stranger's MkDocs site with a bare `- qabook` (as trial9's): the import says where and
    what to write; written there, `mkdocs build --strict` passes."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Myths\ntheme:\n  name: material\nplugins:\n  - search\n"
                                         "  - qabook\n", encoding="utf-8")
    (tmp_path / "myths.md").write_text(MYTHS, encoding="utf-8")
    r = qabook("import", "myths.md", "--chapter", "myths", "--question-heading", "2", "--label", "answer=Reality",
               "--label", "explanation=Why it matters", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    first, *yaml = _advice(r.stderr)
    assert "2 of the 3 questions have no explanation" in first and "QA032" in first, first
    at = re.search(r"in place of '- qabook' at mkdocs\.yml:(\d+)", first)
    assert at, first
    build = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    before = subprocess.run(build, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert before.returncode != 0 and "QA032" in before.stderr  # as the import said
    lines = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    n = int(at.group(1))
    assert lines[n - 1] == "  - qabook"
    lines[n - 1:n] = yaml  # the person pastes what the import printed, where it said
    (tmp_path / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = subprocess.run(build, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert after.returncode == 0, after.stderr
    assert "QA032" not in after.stderr


def test_a_new_book_s_strict_build_after_an_import_without_explanations(tmp_path: Path) -> None:
    """`qabook new --empty`, import a question-and-answer FAQ, `qabook build --strict`: the import
    names the line of mkdocs.yml where `optional: [explanation]` goes; added, the build passes.
    A second import into the book that now says so prints nothing about it."""
    assert qabook("new", "book", "--empty", cwd=tmp_path).returncode == 0
    book = tmp_path / "book"
    (tmp_path / "faq.md").write_text(FAQ, encoding="utf-8")
    r = qabook("import", "../faq.md", "--chapter", "faq", cwd=book)
    assert r.returncode == 0, r.stderr
    [first] = _advice(r.stderr)
    assert "none of the 2 questions has an explanation" in first, first
    at = re.search(r"add 'optional: \[explanation\]' under '- qabook:' at mkdocs\.yml:(\d+)", first)
    assert at, first
    before = qabook("build", "--strict", "--no-pdf", cwd=book)
    assert before.returncode != 0 and "QA032" in before.stdout + before.stderr
    lines = (book / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    n = int(at.group(1))
    assert lines[n - 1].lstrip().startswith("- qabook:")
    lines.insert(n, "      optional: [explanation]")  # under it, as its other options are
    (book / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = qabook("build", "--strict", "--no-pdf", cwd=book)
    assert after.returncode == 0, after.stdout + after.stderr
    again = qabook("import", "../faq.md", "--chapter", "faq2", cwd=book)
    assert again.returncode == 0 and "--strict" not in again.stderr, again.stderr


def test_a_kind_other_than_explanation_that_the_vocabulary_expects(tmp_path: Path, monkeypatch) -> None:
    """A book cannot make a kind expected (its `optional:` only lowers a need), but the vocabulary
    can: a `hint` added to it as EXPECTED (as test_plugin_package adds one) is what QA032 asks for,
    so the import's advice names the hint and `optional: [hint]`, read from the rule's own check."""
    from types import SimpleNamespace

    from qabook import vocabulary
    from qabook.cli import _strict_build_advice
    from qabook.vocabulary import BlockKind, Need

    monkeypatch.setattr(vocabulary, "BLOCKS", vocabulary.BLOCKS + (BlockKind("hint", "details", Need.EXPECTED, 0.5),))
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: FAQ\nplugins:\n  - qabook:\n      home: true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    topic = "# Passwords\n\n" + "".join(
        f"## Q{n}\n\n/// question\nHow {n}?\n///\n\n/// answer\nSo.\n///\n\n/// explanation\nBecause.\n///\n\n"
        + (f"/// hint\nLook.\n///\n\n" if n == 1 else "") for n in (1, 2))
    plan = SimpleNamespace(pages=[SimpleNamespace(rel="faq/01-passwords.md", text=topic)], question_count=2,
                           title="FAQ")
    advice = _strict_build_advice(plan, tmp_path / "docs")
    assert advice is not None and "1 of the 2 questions has no hint" in advice, advice
    assert "explanation" not in advice and "add 'optional: [hint]' under '- qabook:' at mkdocs.yml:3" in advice
