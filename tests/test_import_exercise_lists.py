"""A lesson that ends in exercises: numbered lists right under a heading that names them
('### Exercises: Level 1', '## 练习'), tasks more than questions ('Create an empty tuple') and no
answers (issue 14 item 1, set 8). Each item is one exercise, its answer missing (QI004, the page
says so); a list numbered '1.' '1.' '1.' is counted as Markdown counts it, not taken for duplicates.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

LESSON = """# Day 6: Tuples

## Creating a tuple

A tuple is an ordered, unchangeable collection.

```py
empty = ()
```

## Joining tuples

```py
both = first + second
```

## Exercises: Day 6

### Exercises: Level 1

1. Create an empty tuple
2. Create a tuple with the names of your friends
3. How many friends are in it?

### Exercises: Level 2

1. Unpack the first friend from the tuple
1. Join two tuples and assign the result to a variable
1. Check whether a name is in the tuple
"""

STEPS = """# Day 6: Tuples

## Creating a tuple

A tuple is an ordered, unchangeable collection.

## Setting up

1. Install Python
2. Open a terminal
3. Start the interpreter
"""


def test_numbered_lists_under_an_exercises_heading_are_exercises(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "day6.md", LESSON)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 6, [p.name for p in pages]
    assert page_block(pages[0], "question") == "Create an empty tuple"
    assert "QI002" not in r.stdout + r.stderr  # '1.' '1.' '1.' is no duplicate numbering
    assert "QI037" not in r.stdout + r.stderr  # a task is how an exercise is written: no note each time
    assert "QI004" in r.stdout + r.stderr  # no answers: said, the page says so


def test_numbered_steps_under_another_heading_stay_a_lesson(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "setup.md", STEPS)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr

WORKOUT = """# Week 1 plan

Warm up for ten minutes before every session.

## Exercises

1. Squats 3×10
2. Push-ups 3×12
3. Lunges 3×10 each leg
4. Plank 3×45 s

## Notes

Rest 90 seconds between sets. Drink water.
"""


def test_a_workout_plans_exercises_are_no_questions(tmp_path: Path) -> None:
    # the heading word names movements here: the items are a name and a measure, nothing to answer
    r, pages = import_document(tmp_path, "week1.md", WORKOUT)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
    assert "QI001" in r.stdout + r.stderr


WORKSHEET = """# Linear equations

## Exercises

1. Solve 3x + 5 = 11
2. Simplify (x+1)^2
3. Factor x^2 - 1
"""


def test_short_tasks_on_a_formula_are_still_exercises(tmp_path: Path) -> None:
    # the mirror of the workout plan: short items, yet each sets a formula to work on
    r, pages = import_document(tmp_path, "algebra.md", WORKSHEET)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3, [p.name for p in pages]
