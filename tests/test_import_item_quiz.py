"""A quiz written as a numbered list (issue 14 item 1): each item asks and holds its choices as a
nested list ('- a. …' or an unticked task list, the stem wrapped over several lines). A person reads
a quiz at a glance; numbered steps with a to-do list under them stay instructions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

LETTERED = """# Statistics warm-up

1. Which measure of centre resists outliers best?
    - a. The median.
    - b. The mean.
    - c. The range.

2. What does a p-value of 0.03 tell you?
    - a. The data would be unusual if the null hypothesis held.
    - b. The null hypothesis is false with probability 0.97.
    - c. The effect is large.

3. What is the variance of a constant?
    - a. Zero.
    - b. One.
    - c. The constant itself.

## Answers

1. a
2. a
3. a
"""

WRAPPED = """1.  When you split a data set before fitting a model, which part
    should the scaler learn its mean and standard deviation from,
    if the test score is to mean anything?
    - [ ] The full data set
    - [ ] The training part
    - [ ] The test part
2.  You tune three hyperparameters on a small grid. Which search
    visits every combination?
    - [ ] Random search
    - [ ] Grid search
3.  A model scores 0.99 on training data and 0.61 on test data.
    What is the most likely cause?
    - [ ] Underfitting
    - [ ] Overfitting
    - [ ] A wrong metric
"""

STEPS = """# Setting up the lab machine

1. Install the toolchain.
    - [ ] compiler
    - [ ] debugger
2. Clone the course repository.
    - [ ] fork it first
    - [ ] clone your fork
3. Run the smoke test.
    - [ ] build
    - [ ] run
"""


def test_numbered_items_over_lettered_choices_are_a_quiz(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "warmup.md", LETTERED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    q = page_block(pages[1], "question")
    assert "p-value" in q and "- b. The null hypothesis" in q, q  # the choices are shown with the stem
    assert page_block(pages[1], "answer").startswith("a"), page_block(pages[1], "answer")


def test_wrapped_stems_over_unticked_choices_are_a_quiz(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "tuning.md", WRAPPED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    q = page_block(pages[2], "question")
    assert "most likely cause?" in q and "[ ] Overfitting" in q, q


def test_numbered_steps_with_a_todo_list_stay_instructions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "lab.md", STEPS)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
