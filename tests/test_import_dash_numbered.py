"""Exercise headings numbered chapter-dash-exercise ('4-1: Pizzas', setext or ATX), one per problem
with its code (issue 14 item 1): the numbers go on one by one, so they are a problem set, read
as such instead of refused as an article's sections.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

SOLUTIONS = """---
title: Solutions - Chapter 4
---

4-1: Pizzas
---

Think of three pizzas and print a sentence about each.

```python
for pizza in ['margherita', 'funghi', 'diavola']:
    print(f"I like {pizza} pizza.")
```

4-2: Animals
---

Print the name of three animals that share a trait.

```python
for animal in ['cat', 'lynx', 'tiger']:
    print(animal)
```

4-3: Counting to Twenty
---

Use a for loop to print the numbers from 1 to 20.

```python
for n in range(1, 21):
    print(n)
```
"""


def test_dash_numbered_exercise_headings_with_code_are_a_problem_set(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "chapter_4.md", SOLUTIONS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    assert "range(1, 21)" in page_block(pages[2], "answer")
    assert "range(1, 21)" not in page_block(pages[2], "question")
