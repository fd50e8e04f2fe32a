"""A book chapter of numbered questions under numbered sections, one of which is itself a question
answered directly, with no sub-question under it ('## 3.2 How do you choose a learning rate?'
between '## 3.1 …' and '## 3.3 …') (issue 14 item 1). A person reads it as one of the chapter's
questions; an asking heading after the last question ('## Still have questions?') stays an outro.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document

CHAPTER = """# Chapter 3 Training

## 3.1 Basics

### 3.1.1 What is an epoch?

One pass over the whole training set.

### 3.1.2 Why shuffle the data between epochs?

So that batches do not repeat the same order and bias the gradient.

## 3.2 How do you choose a learning rate?

Start from a range test: raise the rate each batch and pick one a little below where the loss
stops falling.

## 3.3 Regularisation

### 3.3.1 What does dropout do?

It zeroes random activations during training so units cannot rely on each other.

### 3.3.2 Why does weight decay help?

It keeps weights small, which smooths the function the model learns.

## Still have questions?

Open an issue in the book's repository.
"""


def test_a_section_that_asks_between_the_groups_is_a_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "training.md", CHAPTER)
    assert r.returncode == 0, r.stdout + r.stderr
    names = [p.name for p in pages]
    assert len(pages) == 5, names
    assert any("how-do-you-choose" in n for n in names), names
    assert not any("still-have" in n for n in names), names  # the outro stays on the chapter page
    assert "QI030" in r.stdout + r.stderr  # a warning at the line: the importer chose
