"""Headings that are only an exercise's number (issue 14, round 11): a textbook solutions page,
`## 4.2-1`, `## 4.2-2`, … each over the exercise quoted and its worked answer. It was refused
('no questions found': the headings read as unnumbered sections none of which asks); a person
sees one exercise per number. A changelog's version headings, which count down, stay refused.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

SOLUTIONS = """## 4.2-1

> Use Strassen's method to compute the product of two 2 by 2 matrices. Show your work.

The seven products are $P_1 = 6$, $P_2 = 8$ and so on; summing them gives the result.

## 4.2-2

> Write pseudocode for Strassen's algorithm.

```text
STRASSEN(A, B)
    if n == 1: return A * B
```

## 4.2-3 ★

> How would you modify Strassen's algorithm to multiply n by n matrices in which n is not an exact power of 2?

Pad the matrices with zeros up to the next power of 2; the running time stays $\\Theta(n^{\\lg 7})$.
"""

CHANGELOG = """## 2.1.0

Added the export command and a dark theme.

## 2.0.1

Fixed a crash on empty files.

## 2.0.0

Dropped Python 3.8; the configuration file moved to TOML.
"""


def test_headings_that_are_only_exercise_numbers_are_exercises(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ch4.md", SOLUTIONS)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    assert len(pages) == 3
    assert "Use Strassen's method" in page_block(pages[0], "question")
    assert "seven products" in page_block(pages[0], "answer")
    assert "STRASSEN(A, B)" in page_block(pages[1], "answer")
    assert "not an exact power of 2?" in page_block(pages[2], "question")  # the starred one too
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_changelog_of_version_headings_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "CHANGELOG.md", CHANGELOG)
    assert r.returncode == 1 and not pages
    assert "QI001" in r.stdout + r.stderr
