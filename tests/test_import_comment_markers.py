"""Cards marked by HTML comments (issue 14, round 13): a label word alone in a comment
(`<!-- QUESTION -->`, `<!-- ANSWER -->`, `<!-- 答案 -->`) is a label no reader sees, and a
comment naming a card's side (`<!-- front -->` under the front, `<!-- back -->`) divides it from
its back (`labels.py`, `dividers.py`). A card's metadata lines (`difficulty: Hard`, `tags: …`)
stay in its question; its title is the line that asks.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

MARKED_CARDS = """---
title: Capacity estimation
---
<!-- QUESTION -->
difficulty: Hard
tags: traffic, scalability

How do you estimate requests per second for a large system?

<!-- ANSWER -->
Daily requests divided by 86 400 seconds, times a peak factor.

<!-- END -->

<!-- QUESTION -->
difficulty: Medium
tags: storage

How does storage growth shape the database design?

<!-- ANSWER -->
It decides partitioning, replication and backups.

<!-- END -->

<!-- QUESTION -->
difficulty: Easy
tags: caching

Why does the cache hit rate matter?

<!-- ANSWER -->
Only the misses reach the database.

<!-- END -->
"""

ZH_MARKED = """# 操作系统

<!-- 题目 -->
进程和线程的区别是什么？

<!-- 答案 -->
进程是资源分配的单位，线程是调度的单位。

<!-- 题目 -->
什么是死锁？

<!-- 答案 -->
两个以上的进程互相等待对方占有的资源，谁也无法继续。
"""

FRONT_BACK = """## Binary search: first occurrence

How do you find the first position of a value in a sorted array with duplicates?

<!-- front -->

---

### Core idea

When the middle element equals the target, remember it and keep searching the left half.

### Complexity

O(log n) time, O(1) space.

<!-- back -->
"""

NOT_CARDS = """# Project notes

<!-- front -->
Ideas for the front page of the site.

## Layout

A header, a list of posts and a footer.

## Colours

Blue and grey.
"""


def test_question_and_answer_comments_mark_each_card(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "cards.md", MARKED_CARDS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    first = pages[0].read_text(encoding="utf-8")
    assert "# How do you estimate requests per second for a large system?" in first  # not 'difficulty: Hard'
    assert "difficulty: Hard" in page_block(pages[0], "question")  # the card's metadata stays with it
    assert page_block(pages[0], "answer").startswith("Daily requests divided by 86 400 seconds")
    assert "How does storage growth" not in page_block(pages[0], "answer")
    assert page_block(pages[2], "answer").startswith("Only the misses reach the database.")
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_chinese_label_words_in_comments(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "os.md", ZH_MARKED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [page_block(p, "question") for p in pages] == ["进程和线程的区别是什么？", "什么是死锁？"]
    assert page_block(pages[1], "answer") == "两个以上的进程互相等待对方占有的资源，谁也无法继续。"


def test_front_comment_under_a_card_that_asks(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "card.md", FRONT_BACK)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, its sections read as an article
    assert len(pages) == 1
    assert page_block(pages[0], "question").startswith("How do you find the first position")
    assert "keep searching the left half" in page_block(pages[0], "answer")


def test_a_side_comment_over_text_that_does_not_ask_divides_nothing(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "notes.md", NOT_CARDS)
    assert r.returncode == 1 and pages == []
