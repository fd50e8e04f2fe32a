"""Files that hold one question (issue 14, sixth round): a quiz tool's one-question file (the
question, then its choices with one ticked) and an interview note whose only title asks, with
its answer in sections under it. One unit with an explicit answer is a question: the import
gives it its page instead of 'no questions found'.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

ONE_CHOICE = """# Networking basics

How many bits are in a byte?

- 4
- 16
- [x] 8
- 32"""

ONE_NOTE = """# ✅为什么 HashMap 不是线程安全的？

> 编号：0107 ｜ 分类：集合

---

## 速记

- 多个线程同时 put 时，可能互相覆盖对方写入的数据。
- JDK 7 扩容时采用头插法，并发扩容可能形成环形链表。

### 数据覆盖

- 两个线程算出同一个桶，都发现桶为空，先后写入，后者覆盖前者。

### 扩容死循环

```text
线程 A: e = 3, next = 7
线程 B: 完成扩容，7 -> 3
线程 A: 继续，3 -> 7 -> 3 ...
```

- JDK 8 改为尾插法，不再成环，但数据覆盖仍在。
"""


def test_one_question_with_a_ticked_choice(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "byte.q.md", ONE_CHOICE)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    assert len(pages) == 1
    question = page_block(pages[0], "question")
    assert question.startswith("How many bits are in a byte?")
    assert "- 16" in question and "- 8" in question and "[x]" not in question  # the choices, unticked
    assert page_block(pages[0], "answer") == "8"
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_one_question_whose_title_asks_over_its_answer_sections(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "0107.md", ONE_NOTE)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused (the sections read as an article's)
    assert len(pages) == 1
    assert "为什么 HashMap 不是线程安全的？" in page_block(pages[0], "question")
    answer = page_block(pages[0], "answer")
    assert "后者覆盖前者" in answer and "尾插法" in answer
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
