"""Notes that mix self-answered '## N. …?' sections with a numbered A–D quiz and its one-line key
right under it (trial 7): the quiz's questions are questions too, and the key answers the quiz
(the numbered run nearest before it, whose numbers it lists), never the sections further up.
"""

from __future__ import annotations

import re

from conftest import block

from qabook.importer import ImportOptions, plan_import

_NOTES = """# Git notes for the interview

## 1. What does `git fetch` do?

It downloads objects and refs from the remote without touching your work tree.

## 2. How do you undo the last commit but keep its changes?

```bash
git reset --soft HEAD~1
```

## 3. What is a fast-forward merge?

The branch pointer simply moves ahead: no merge commit is made.

## Self test

1. Which command shows the commits of a branch?
   A. git show-branch-only
   B. git log
   C. git status
   D. git tag

2. Which file lists the paths Git should not track?
   A. .gitconfig
   B. .gitattributes
   C. .gitignore
   D. .git/HEAD

3. What does `git stash pop` do after applying the stash?
   A. Keeps the stash
   B. Pushes it to the remote
   C. Drops the stash entry
   D. Creates a branch

Answer key: 1-B, 2-C, 3-C
"""


def _questions(plan):
    return [p for p in plan.pages[1:]]


def test_quiz_beside_sections_is_read_and_keyed_to_the_quiz():
    plan = plan_import(_NOTES, "notes.md")
    pages = _questions(plan)
    assert plan.question_count == 6, [p.title for p in pages]
    assert [block(p.text, "answer") for p in pages[:3]][0].startswith("It downloads objects")
    quiz = pages[3:]
    assert [p.title for p in quiz][0].startswith("Which command shows the commits")
    assert [block(p.text, "answer") for p in quiz] == ["B", "C", "C"]
    # the sections keep their own answers: no key entry was given to them
    assert "git reset --soft" in block(pages[1].text, "answer")
    assert "Answer key" not in "".join(block(p.text, "answer") for p in pages[:3])
    chapter = plan.pages[0].text
    assert "B. .gitattributes" not in chapter  # the options went with their question


def test_named_key_answers_the_run_right_above_it():
    plan = plan_import(_NOTES, "notes.md", options=ImportOptions(answer_key=re.compile("^Answer key")))
    pages = _questions(plan)
    assert block(pages[1].text, "answer").startswith("```bash")
    assert [block(p.text, "answer") for p in pages[3:]] == ["B", "C", "C"]


def test_quiz_without_key_is_said_at_its_line():
    text = _NOTES.replace("Answer key: 1-B, 2-C, 3-C\n", "")
    plan = plan_import(text, "notes.md")
    assert plan.question_count == 3
    line = text.splitlines().index("1. Which command shows the commits of a branch?") + 1
    said = [d for d in plan.diagnostics if d.code == "QI041"]
    assert [d.line for d in said] == [line]
    assert "answer key" in said[0].message
