"""Questions inside fenced divs (issue 14 item 1, outside set measure7 en/02): a lesson written for
Pandoc, the Carpentries' Workbench, Quarto or MyST keeps each exercise in a box — `:::: challenge`
with its `## Title` first inside and its solution in a nested `::: solution` — between tutorial
sections (`## Conditionals`) and note boxes (`::: callout` with a heading of its own, even one that
asks). A reader sees one question per challenge box: its heading is the title, a `## Hint` box
inside is part of the answer, a box with no solution has its text as the question and no answer;
the tutorial sections and the callouts are the lesson, on the chapter page (`fencediv.py`).
The same with Quarto's attribute form (`::: {.exercise}` over a `::: {.callout-tip}` titled
`## Solution`). The mirror: one challenge box alone is no template of boxes.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

LESSON = """---
title: Making Choices
---

:::::::::::::::::::::::::::::::::::::::: questions

- How can my programs do different things based on data values?

::::::::::::::::::::::::::::::::::::::::::::::::::

## Conditionals

We can ask Python to take different actions with an `if` statement.

```python
if num > 100:
    print('greater')
```

:::::::::::::::::::::::::::::::::::::::::  callout

## Why does indentation matter?

The body of the `if` is the indented block.

::::::::::::::::::::::::::::::::::::::::::::::::::

## Checking our Data

Now that we have seen how conditionals work, we check the data.

:::::::::::::::::::::::::::::::::::::::  challenge

## How Many Paths?

Which of the following would be printed?

1. A
2. C

:::::::::::::::  solution

## Solution

C gets printed: only the third condition is true.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

## Combining Tests

`and` is only true if both parts are true.

:::::::::::::::::::::::::::::::::::::::  challenge

## Close Enough

Write a condition that prints `True` if `a` is within 10% of `b`.

:::::::::::::::  solution

## Hint

There is a built-in function `abs`.

:::::::::::::::::::::::::

:::::::::::::::  solution

## Solution

`print(abs(a - b) <= 0.1 * abs(b))`

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

:::::::::::::::::::::::::::::::::::::::  challenge

## What Is Truth?

Explain which values Python takes for true.

::::::::::::::::::::::::::::::::::::::::::::::::::
"""

QUARTO = """# Working with files

## Wildcards

The `*` character matches any number of characters.

::: {.exercise}
## Exercise

List every file in `/usr/bin` that starts with the letter 'c'.

::: {.callout-tip collapse="true"}
## Solution

`ls /usr/bin/c*`
:::
:::

## History

The up arrow repeats a command.

::: {.exercise}
## Exercise

Rerun the command that listed the `.sh` files.

::: {.callout-tip collapse="true"}
## Solution

Type `history`, then `!` and its number.
:::
:::
"""


def test_each_challenge_box_is_one_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "lesson.md", LESSON)
    assert r.returncode == 0, r.stderr
    assert "import: 3 questions" in r.stdout + r.stderr
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert ["# How Many Paths?" in texts[0], "# Close Enough" in texts[1], "# What Is Truth?" in texts[2]] == [True] * 3
    assert "Which of the following would be printed?" in page_block(pages[0], "question")
    assert "C gets printed" in page_block(pages[0], "answer")
    close = page_block(pages[1], "answer")
    assert "abs" in close and "Hint" in close  # the hint box is part of the answer
    assert "within 10%" in page_block(pages[1], "question")
    assert "Explain which values" in page_block(pages[2], "question")  # no solution: its text is the task
    assert "Explain which values" not in page_block(pages[2], "answer")
    for text in texts:
        assert ":::" not in text  # the boxes' fences are not shown as text
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    for lesson in ("Conditionals", "Why does indentation matter?", "## Checking our Data", "`and` is only true"):
        assert lesson in chapter  # tutorial sections and callouts stay the lesson's text


def test_quarto_exercise_boxes_with_a_solution_callout(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "files.md", QUARTO)
    assert r.returncode == 0, r.stderr
    assert "import: 2 questions" in r.stdout + r.stderr
    assert "starts with the letter 'c'" in page_block(pages[0], "question")
    assert "ls /usr/bin/c*" in page_block(pages[0], "answer")
    assert "history" in page_block(pages[1], "answer")
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "The up arrow repeats a command." in chapter


MYST = """# Lecture 7: Arc length

## In-Class Practice

Try each problem before opening its solution.

:::{exercise}
:label: l07-practice-1
Find the length of the astroid for $0 \\le t \\le 2\\pi$.
:::

:::{solution} l07-practice-1
:class: dropdown
The length is 6.
:::

:::{exercise} Polar curves
:label: l07-practice-2
Find the length of the cardioid $r = 1 + \\cos\\theta$.
:::

:::{solution} l07-practice-2
:class: dropdown
The length is 8.
:::

## Summary

Arc length integrates speed.
"""


def test_myst_exercise_with_its_solution_box_after_it(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "arc.md", MYST)
    assert r.returncode == 0, r.stderr
    assert "import: 2 questions" in r.stdout + r.stderr
    assert "Find the length of the astroid" in page_block(pages[0], "question")
    assert "The length is 6." in page_block(pages[0], "answer")  # the solution box after it
    assert "The length is 6." not in page_block(pages[0], "question")
    assert "# Polar curves" in pages[1].read_text(encoding="utf-8")  # the opener's own title
    assert "The length is 8." in page_block(pages[1], "answer")
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Arc length integrates speed." in chapter and "The length is" not in chapter


def test_one_box_alone_is_no_template(tmp_path: Path) -> None:
    one = LESSON.split(":::::::::::::::::::::::::::::::::::::::  challenge\n\n## Close Enough")[0]
    r, _ = import_document(tmp_path, "one.md", one)
    assert "fenced divs" not in r.stdout + r.stderr


SHARP_TITLES = """# Languages

:::: challenge

## Learn C#

Which keyword declares a class in C#?

::: solution

`class`.

:::

::::

:::: challenge

## Learn F#

Which keyword binds a value in F#?

::: solution

`let`.

:::

::::
"""


def test_a_box_title_ending_in_a_sharp_keeps_it(tmp_path: Path) -> None:
    # a closing run of '#' counts only after a space: '## Learn C#' is titled 'Learn C#'
    r, pages = import_document(tmp_path, "langs.md", SHARP_TITLES)
    assert r.returncode == 0, r.stdout + r.stderr
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert len(texts) == 2 and "# Learn C#\n" in texts[0] and "# Learn F#\n" in texts[1], texts
