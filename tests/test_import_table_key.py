"""A table whose rows are the questions and whose answers are listed by number after it (issue 14,
fourth round): a quiz kept as '| # | Question |' then '## Answers' / '1. …'. Imported as a person
does; each question's page must show its own answer, not 'answer missing'.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

QUIZ = """# Networking quiz

| # | Question |
| --- | --- |
| 1 | What does DNS resolve? |
| 2 | Which port does HTTPS use by default? |
| 3 | What is the difference between TCP and UDP? |
| 4 | What does TTL limit in an IP packet? |

## Answers

1. Names to addresses.
2. Port 443.
3. TCP is connection-oriented and reliable; UDP is neither.
4. The number of hops.
"""


def test_answers_listed_after_a_table_of_questions_reach_their_rows(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "quiz.md", QUIZ)
    said = r.stdout + r.stderr
    assert r.returncode == 0, said
    assert "QI004" not in said, said  # before: every question 'has no answer'
    assert len(pages) == 4
    assert [page_block(p, "answer") for p in pages] == [
        "Names to addresses.", "Port 443.", "TCP is connection-oriented and reliable; UDP is neither.",
        "The number of hops."]
    index = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Port 443" not in index  # the key's entries moved into their questions, not left on the chapter page
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
