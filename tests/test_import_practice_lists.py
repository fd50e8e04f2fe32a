"""A guide with one section of practice questions (issue 14 item 1): lists of one-line questions,
unanswered, under headings that sort them ('### About the design') inside a heading that names
them ('## Common interview questions'). A person reads them as questions at a glance; the
guide's other lists (advice, steps) stay on the chapter page.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

GUIDE_EN = """# Preparing your project story

Most interviews spend ten minutes on one project you built. Prepare it like a talk.

## What to prepare

1. **Scope**: what the project did and for whom.
2. **Your part**: the decisions that were yours.
3. **Numbers**: what changed, measured.

## Common interview questions

### About the design

- "Can you walk me through the architecture?"
- "Why did you pick PostgreSQL over MongoDB?"
- "What would you change if you started again?"

### About the team

- "How did you split the work?"
- "What did you do when a reviewer disagreed with you?"

## After the interview

Write down what you were asked while you still remember it.
"""

GUIDE_ZH = """# 项目经验准备

## 准备策略

1. **技术含量高**：有一定的技术挑战
2. **结果可量化**：有明确的数据支撑

## 常见面试问题

### 技术类

- “请介绍你做过的最有挑战的项目”
- “项目中最大的技术难点是什么？”
- “如果重做这个项目，你会如何改进？”

### 协作类

- “你在团队中承担什么角色？”
- “如何保证项目按时交付？”
"""


def test_questions_under_a_heading_that_names_them_two_levels_up(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "story.md", GUIDE_EN)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5
    assert "PostgreSQL" in page_block(pages[1], "question")
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Your part" in chapter  # the advice stays the guide's text


def test_a_quoted_request_asks_like_the_questions_beside_it(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "项目.md", GUIDE_ZH)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5
    assert "请介绍你做过的最有挑战的项目" in page_block(pages[0], "question")


CHECKS = """# Closures: review and knowledge checks

## Capturing

Review questions:

- True/False: a closure keeps a reference to the variables it captures, not a copy.
- What does a counter built from a closure print after three calls?
- Why can a loop with `var` surprise you when it creates callbacks?

## Memory

Review questions:

- T/F: a closure that is no longer reachable keeps its captured variables alive.
- When does a closure hold memory longer than you expect?
"""


def test_statements_to_judge_true_or_false_ask(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "closures.md", CHECKS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5
    assert page_block(pages[0], "question").startswith("True/False: a closure keeps")
    assert page_block(pages[3], "question").startswith("T/F: a closure that is no longer reachable")
