"""A course's self checks (issue 14, sixth round): '# Chapter N Self Check' sections of
'**N. question**' bold paragraphs, the numbering restarting in each, the first chapter mostly
answered and the next not yet, a third of the questions written as tasks ('Create…', 'Rewrite…'), one
question going on in a second bold paragraph after its code. The numbering the author kept is
what says where questions start: every numbered paragraph is a question, answered or not.
"""

from __future__ import annotations

from pathlib import Path

from conftest import block, qabook

SELF_CHECK = """# Chapter 4 Self Check

**1. What is the difference between a class and an object?**

A class is a template; an object is an instance of it.

**2. How is a class defined?**

With the keyword `class`, its name and a body in braces.

**3. Create a class Counter with one field and a method that increments it.**

```java
class Counter { int n; void inc() { n++; } }
```

**4. What name does a constructor have?**

**5. If a method returns no value, what must its return type be?**
```void```

**6. Rewrite Counter so that its field cannot be read from outside.**

# Chapter 5 Self Check

**1. How do you declare an array of ten ints?**

**2. Change the sort of the last example so that it sorts strings.**

**3. Is it an error to index an array with a negative value?**

**4. What does the show( ) method declare its mask as? It is shown here:**

```java
long mask = 1;
```

**Change this declaration so that it uses local variable type inference.**

**5. Can a String control a switch statement?**

**6. Modify the cipher class so that it uses an eight-character key.**
"""


def test_numbered_self_checks_import_every_question(tmp_path: Path) -> None:
    source = tmp_path / "self-check.md"
    source.write_text(SELF_CHECK, encoding="utf-8")
    r = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--chapter", "c")
    assert r.returncode == 0, r.stdout + r.stderr
    pages = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "docs" / "c").glob("[0-9]*.md"))]
    questions = [block(p, "question") for p in pages]
    assert len(pages) == 12, questions  # before: refused (half of them unanswered, a third tasks)
    assert questions[2].startswith("Create a class Counter")
    assert block(pages[2], "answer").startswith("```java")
    assert questions[7].startswith("Change the sort")
    mask = pages[9]
    assert "Change this declaration" in block(mask, "question")  # the question goes on after its code
    assert "long mask = 1;" in block(mask, "question")
    assert "Change this declaration" not in block(mask, "answer")
    assert "```void```" in block(pages[4], "answer")  # inline code on its own line: no fence to close
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
