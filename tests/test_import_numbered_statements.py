"""Numbered questions written as statements (issue 14, sixth round): in a bank whose questions
the author numbered 1, 2, 3…, an item that tells ('Contrast how…', 'Design a small
experiment…', 'Adapt the program so that…') is one of the questions, as the numbering says,
not part of the answer before it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

STUDY_LIST = """# Unit 3: Cells — review questions

1. What are the main parts of a eukaryotic cell?

2. Which organelle makes most of the cell's ATP?

3. Why are cell membranes called selectively permeable?

4. Contrast how plant and animal cells store energy.

5. What is the role of the ribosome?

6. How does diffusion differ from active transport?

7. Design a simple experiment to show osmosis in a potato slice.

8. What happens to a red blood cell placed in pure water?
"""

SELF_TEST = """# Chapter 1 self test
**1. What is a compiler?**

A program that translates source code into another language.

**2. Which keyword declares a constant?**

`final`

**3. Adapt the greeting program so that it prints the user's name three times.**

[Greeting program](https://example.org/greeting.java)

**4. What does the main method return?**

Nothing: it is `void`.

**5. Why must a class name match its file name?**

The compiler looks the class up by its file.

# Chapter 2 self test
**1. What is a primitive type?**

A type whose values are not objects.

**2. Is a char a number?**

Yes, a 16-bit unsigned one.

**3. Write a loop that prints the even numbers up to twenty.**

[Even numbers](https://example.org/even.java)

**4. When is a cast needed?**

When a value is narrowed.

"""


def test_a_numbered_study_list_keeps_its_statement_items(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "cells.md", STUDY_LIST)
    assert r.returncode == 0, r.stdout + r.stderr
    questions = [page_block(p, "question").strip() for p in pages]
    assert len(pages) == 8, questions  # before: 6 (items 4 and 7 glued to the item before them)
    assert "Contrast how plant and animal cells store energy." in questions
    assert "Design a simple experiment to show osmosis in a potato slice." in questions
    assert "Contrast" not in page_block(pages[2], "answer")
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_numbered_task_among_bold_questions_is_a_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "self-test.md", SELF_TEST)
    assert r.returncode == 0, r.stdout + r.stderr
    questions = [page_block(p, "question").strip() for p in pages]
    assert len(pages) == 9, questions  # before: 8 (task 3 of chapter 1 read as the answer of question 2)
    adapt = next(p for p in pages if page_block(p, "question").startswith("Adapt the greeting program"))
    assert "Greeting program" in page_block(adapt, "answer")
    two = next(p for p in pages if page_block(p, "question") == "Which keyword declares a constant?")
    assert "Adapt" not in page_block(two, "answer")
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
