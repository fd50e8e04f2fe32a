"""A numbered list of exercises rated by a tag (issue 14 item 1, outside set measure7 en/04): each item
opens with a difficulty tag of one small scale — `[E]`, `[M]`, `[H]` — some items are topic stems
(`44. Activation functions.`) over indented numbered sub-questions, each tagged too; no answers,
the numbering goes on from an earlier chapter. A reader counts the tagged lines: each is one
exercise (whether it asks with '?' or says 'Write …'), the stems are group names. The mirror: a
changelog whose items carry `[Added]` / `[Fixed]` tags asks nothing and stays no question
(`shapes.rating_tag`, `template` feature `rated`, `nested`).
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

RATED = """### 8.3 Training neural networks

41. [E] When building a neural network, should you overfit or underfit it first?
42. [E] Write the vanilla gradient update.
43. Neural network in simple NumPy.
    26. [E] Write the forward and backward pass for a two-layer network.
    27. [M] Implement vanilla dropout for the forward and backward pass.
44. Activation functions.
    28. [E] Draw the graphs for sigmoid, tanh and ReLU.
    29. [E] Pros and cons of each activation function.
    30. [E] Is ReLU differentiable? What to do when it is not?
45. [E] What is the motivation for skip connections?
46. [M] Gradient descent vs SGD vs mini-batch SGD.
47. [H] Why would we use epochs instead of sampling data with replacement?
"""

CHANGELOG = """# Changelog

## 2.1.0

1. [Added] A dark theme for the reader.
2. [Fixed] The search box keeps its focus.
3. [Changed] Pages load their fonts lazily.
4. [Fixed] Links to anchors scroll to the heading.
"""


def test_each_rated_line_is_one_exercise(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "training.md", RATED)
    assert r.returncode == 0, r.stderr
    assert "import: 10 questions" in r.stdout + r.stderr
    questions = [page_block(p, "question") for p in pages]
    assert any("Write the vanilla gradient update." in q for q in questions)
    assert any("Pros and cons of each activation function." in q for q in questions)
    assert not any(q.strip() == "Activation functions." for q in questions)  # a stem names a group
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Activation functions." in chapter


def test_a_tagged_changelog_asks_nothing(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "CHANGELOG.md", CHANGELOG)
    assert not pages
    assert "import: 0 questions" in r.stdout + r.stderr
