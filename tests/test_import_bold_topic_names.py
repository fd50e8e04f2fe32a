"""Bold topic names among bold one-line questions (issue 14, round 13): a long bank of
`**What is X?**` lines, answers below each, with `**Data types**` lines between the groups, a line
of introduction under some of them. The topic names are group headings on the chapter page, not
questions (`template._topic_names`); a statement-form question with its answer stays a question.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block


def _pages(tmp_path: Path) -> list[Path]:
    """Every question page (import_document lists only the first nine: '0*.md')."""
    return sorted((tmp_path / "docs" / "c").glob("[0-9]*.md"))

TOPICS = ["Basics", "Data types", "Functions"]


def _bank(statement: str = "") -> str:
    out = ["# Python interview questions", ""]
    n = 0
    for t, topic in enumerate(TOPICS):
        out += [f"**{topic}**", ""]
        if t:
            out += [f"The questions on {topic.lower()} come up in most interviews.", ""]
        for _ in range(7):
            n += 1
            out += [f"**What does example {n} print?**", "", f"It prints {n}, because the loop stops there.", ""]
        if statement and t == 1:  # a question written as a statement, in the middle of a group
            out += [statement, "", "A list can change after it is made: append, remove, sort.", "",
                    "A tuple cannot, so it can be a dictionary key.", ""]
    return "\n".join(out)


def test_bold_topic_names_between_bold_questions_are_group_headings(tmp_path: Path) -> None:
    r, _ = import_document(tmp_path, "py.md", _bank())
    pages = _pages(tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    titles = [page_block(p, "question") for p in pages]
    assert len(titles) == 21, titles  # before: 23, 'Data types' and 'Functions' counted (they hold a line)
    assert all(t.startswith("What does example") for t in titles)
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "**Data types**" in chapter and "come up in most interviews" in chapter
    assert "**Functions**" not in page_block(pages[13], "answer")


def test_a_statement_question_with_its_answer_stays_a_question(tmp_path: Path) -> None:
    r, _ = import_document(tmp_path, "py.md", _bank("**Difference between a list and a tuple**"))
    pages = _pages(tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    titles = [page_block(p, "question") for p in pages]
    assert titles[14] == "Difference between a list and a tuple", titles
    assert len(titles) == 22
