"""Numbered headings of which only some ask (issue 14, round 13): a note numbers its sections and
its questions in one sequence (`### 1. Overview`, `### 2. Installation`, `### 3. Why …?` …
`### 8. Further reading`). Which starts are questions is judged by the document's own majority:
the starts between the edges ask as a rule, so the short, unasking starts that open or close the
sequence are its sections (chapter page), though numbered; one between asking starts stays a
question however it is written.
"""

from __future__ import annotations

from qabook.importer import plan_import

NOTES = """# Docker notes

### 1. Overview

Docker packages applications in containers.

### 2. Installation

Use the convenience script on Linux.

### 3. Why are containers lighter than VMs?

They share the host kernel.

### 4. What is an image layer?

A read-only diff of the filesystem.

### 5. Volumes

They live outside the container's writable layer.

### 6. What is the difference between CMD and ENTRYPOINT?

ENTRYPOINT is the program; CMD gives its default arguments.

### 7. How do containers talk to each other?

Over a user-defined bridge network.

### 8. Further reading

The official docs.
"""


def test_numbered_sections_at_the_edges_of_numbered_questions_are_sections() -> None:
    plan = plan_import(NOTES, "docker.md", chapter="c")
    titles = [p.title for p in plan.pages[1:]]
    # before: 'Installation' was question 1 (numbered between 1 and 3)
    assert titles == ["Why are containers lighter than VMs?", "What is an image layer?", "Volumes",
                      "What is the difference between CMD and ENTRYPOINT?", "How do containers talk to each other?"]
    chapter = plan.pages[0].text
    assert "Installation" in chapter and "convenience script" in chapter and "Overview" in chapter
    assert not [d for d in plan.diagnostics if d.code == "QI011"]  # the sections take no question number


QUIZ = """# Git quiz

### 1. Branches

What does `git branch -d` refuse to delete?

**Answer:** a branch not merged yet.

### 2. What does `git stash` keep?

**Answer:** uncommitted changes.

### 3. What is a fast-forward merge?

**Answer:** moving the branch pointer, no merge commit.

### 4. What does `git rebase` rewrite?

**Answer:** the commits' parents, so their ids.
"""


def test_a_numbered_start_with_its_answer_labelled_stays_a_question() -> None:
    plan = plan_import(QUIZ, "git.md", chapter="c")
    assert plan.question_count == 4
