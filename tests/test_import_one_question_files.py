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


# Files that are one question a person sees at a glance without any label (`wholedoc.one_asked`,
# issue 14, round 11): an FAQ entry in a file of its own, a single flash card, a question page
# whose title states its topic. Each was refused ('no questions found') before.

ONE_FAQ_ENTRY = """## 安装脚本运行后提示“下载失败”怎么办？

```bash
curl -fsSL https://example.org/install.sh | sudo bash
```

处理方法：

- 检查代理设置，确认能访问下载地址。
- 换用离线安装包，把它放进 `resources/` 目录后重新运行脚本。
"""

ONE_CARD = """How does `Array.prototype.flat()` treat holes in an array?
?

```javascript
[1, , 3].flat();    // [1, 3]: holes are removed
[[1, , 2]].flat();  // [1, 2]
```

It skips empty slots at every depth it flattens.
"""

ONE_QUESTION_PAGE = """---
title: Rotate secrets without downtime
level: senior
---

# Rotate secrets without downtime

How would you rotate a database password used by forty running services without an outage?

## Answer guide

- Support two valid credentials at once, so old and new overlap.
- Roll the new one out service by service and watch the error rate.
- Revoke the old credential only when no connection uses it.

## Further reading

- [Secret rotation patterns](https://example.org/rotation)
"""

ONE_ARTICLE = """## Release checklist

Tag the release, build the wheels and upload them.

- Update the changelog.
- Bump the version.
"""


def test_an_faq_entry_alone_in_its_file(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "download.md", ONE_FAQ_ENTRY)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused (a single question never repeats)
    assert len(pages) == 1
    assert "下载失败”怎么办？" in page_block(pages[0], "question")
    answer = page_block(pages[0], "answer")
    assert "curl -fsSL" in answer and "离线安装包" in answer
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_single_flash_card_with_a_lone_question_mark_between_front_and_back(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "flat.md", ONE_CARD)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused (the '?' divider never repeated)
    assert len(pages) == 1
    assert page_block(pages[0], "question") == "How does `Array.prototype.flat()` treat holes in an array?"
    answer = page_block(pages[0], "answer")
    assert answer.startswith("```javascript") and "skips empty slots" in answer
    assert "\n?\n" not in pages[0].read_text(encoding="utf-8")  # the divider is no part of either
    explained = qabook("import", str(tmp_path / "flat.md"), "--chapter", "c", "--dry-run", "--explain").stdout
    assert "its first block asks" in explained or "divider" in explained or "once, under a card's front" in explained


def test_a_question_page_whose_title_states_its_topic(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "rotate.md", ONE_QUESTION_PAGE)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused (the sections read as an article's)
    assert len(pages) == 1
    question = page_block(pages[0], "question")
    assert question == "How would you rotate a database password used by forty running services without an outage?"
    answer = page_block(pages[0], "answer")
    assert "two valid credentials" in answer and "Revoke the old" in answer
    assert "How would you rotate" not in answer  # the question is not shown again in the hidden answer
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Rotate secrets without downtime" in chapter  # the title, kept on the chapter page
    explained = qabook("import", str(tmp_path / "rotate.md"), "--chapter", "c", "--dry-run", "--explain").stdout
    assert "its title, the question under it, and an answer labelled after it" in explained
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_one_section_note_that_asks_nothing_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "release.md", ONE_ARTICLE)
    assert r.returncode == 1 and not pages
    assert "QI001" in r.stdout + r.stderr


FRONT_TITLED = """---
title: "Why does my build pass locally but fail on CI?"
tags: [ci, builds]
aliases:
  - "CI-only failures"
---

Most often the CI machine starts from a clean checkout: files you generated by hand, or that
your editor keeps, are not there.

Compare the two environments:

- the tool versions (`node --version`, `python --version`);
- the environment variables the build reads;
- the files ignored by Git but present on your disk.
"""

FRONT_ANNOUNCED = """---
title: "Our new CI runners are live"
tags: [ci]
---

From today every build runs on the new machines, twice as fast as the old ones.
"""


def test_a_file_whose_question_is_only_its_front_matter_title(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ci-only.md", FRONT_TITLED)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused (no heading, nothing repeats)
    assert len(pages) == 1
    assert page_block(pages[0], "question") == "Why does my build pass locally but fail on CI?"
    answer = page_block(pages[0], "answer")
    assert answer.startswith("Most often the CI machine") and "ignored by Git" in answer
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "CI-only failures" in chapter  # the front matter, kept as written on the chapter page
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_post_whose_front_matter_title_does_not_ask_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "runners.md", FRONT_ANNOUNCED)
    assert r.returncode == 1 and not pages
