"""Exercises numbered within their chapter: `## Exercise 4.1: Even or Odd` … `## Exercise 4.15: …`
(measure6 e01). A person reads exercises 1 to 15 of chapter 4; the importer read every one as
number 4, and warned fourteen times that question 4 was used twice (QI002).
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document

TOPICS = ["Even or Odd", "Positive or Negative", "Grade Letter", "Leap Year", "Voting Age", "Largest of Three"]
SHEET = "# Level 4: Conditionals\n\n" + "".join(
    f"## Exercise 4.{n}: {title}\n\n**Task:** Write a program for {title.lower()}.\n\n"
    f"**Solution:** use an `if` statement that compares the input, case {n}.\n\n"
    for n, title in enumerate(TOPICS, 1))


def test_exercises_numbered_within_a_chapter_are_numbered_one_by_one(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "level4.md", SHEET)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert len(pages) == len(TOPICS), [p.name for p in pages]
    assert "QI002" not in out, out  # no number 'used twice'
    assert "QI011" not in out, out  # and no jump
