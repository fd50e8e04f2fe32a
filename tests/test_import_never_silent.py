"""Never silently wrong: documents a person writes, imported with no options. Either the import
is right, or a warning says where it may be wrong (at the source line), and `--explain` shows
the template chosen, its score and the runner-up. Each of these failed on the importer before
template inference (it imported them wrong with 0 findings, or refused them).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import block, qabook
from qabook.importer import plan_import


def at(plan, code: str) -> list[int]:
    return sorted(d.line for d in plan.diagnostics if d.code == code)


QA_ADJACENT = """# Python quick questions

Q: What does `yield` do?
A: It turns the function into a generator.

```python
def gen():
    yield 1
```

| call | result |
|------|--------|
| next(g) | 1 |

Q: What is a decorator?
A: A function that wraps another function.
"""


def test_q_then_a_on_the_very_next_line_puts_the_answer_and_its_code_in_the_answer() -> None:
    plan = plan_import(QA_ADJACENT, "faq.md", chapter="py")
    assert plan.question_count == 2
    first = plan.pages[1].text
    assert block(first, "question") == "What does `yield` do?"
    answer = block(first, "answer")
    assert answer.startswith("It turns the function into a generator.")  # the 'A:' label is gone
    assert "```python" in answer and "| next(g) | 1 |" in answer
    assert "A:" not in first and not at(plan, "QI004")


def test_code_right_under_a_bold_question_line_is_its_answer() -> None:
    doc = ("# 面试题\n\n**问题1：如何反转一个列表？**\n\n```python\nxs[::-1]\n```\n\n"
           "**问题2：如何去重？**\n\n用 `set`，或 `dict.fromkeys` 保序。\n")
    plan = plan_import(doc, "q.md", chapter="q")
    assert plan.question_count == 2
    first = plan.pages[1].text
    assert block(first, "question") == "如何反转一个列表？"
    assert block(first, "answer") == "```python\nxs[::-1]\n```"
    assert not at(plan, "QI004")


def test_a_second_question_inside_an_answer_is_reported_at_its_line() -> None:
    doc = ("# 数据库\n\n## 1. 什么是索引？\n\n**答案：** 一种加速查找的数据结构。\n\n"
           "**题目：** 什么是事务？\n\n**答案：** 一组要么全做要么全不做的操作。\n\n"
           "## 2. 什么是锁？\n\n**答案：** 控制并发访问的机制。\n\n## 3. 什么是视图？\n\n**答案：** 一个保存的查询。\n")
    plan = plan_import(doc, "db.md", chapter="db")
    # '**题目：** 什么是事务？' and its '**答案：**' sit in question 1's answer: a labelled pair, read as
    # a question of its own since round 13 (it was one more part of question 1, QI020), and said so
    assert plan.question_count == 4
    assert at(plan, "QI012") == [7] and not at(plan, "QI020")


def test_an_answer_like_line_in_the_question_block_is_reported() -> None:
    doc = ("# Web\n\n## 1. What is HTTP?\n\n**Question:** Explain it in one line.\n\n"
           "Answer (short): a request/response protocol.\n\n**Explanation:** It runs over TCP.\n\n"
           "## 2. What is a cookie?\n\n**Question:** Say what it stores.\n\n**Answer:** A small piece of state.\n")
    plan = plan_import(doc, "web.md", chapter="web")
    assert at(plan, "QI021") == [7]


def test_a_question_with_no_answer_but_code_in_its_question_block_is_reported() -> None:
    doc = ("# Drills\n\n## 1. Sort a list\n\n**Question:** Sort `xs` in place.\n\n```python\nxs.sort()\n```\n\n"
           "## 2. Reverse a list\n\n**Question:** Reverse `xs`.\n\n**Answer:** `xs.reverse()`\n")
    plan = plan_import(doc, "d.md", chapter="d")
    assert 3 in at(plan, "QI004") and at(plan, "QI021") == [7]


def test_numbering_that_skips_repeats_or_goes_back_is_reported() -> None:
    doc = ("# Networking\n\n**1.** What is a socket?\n\nAn endpoint.\n\n**2.** What is a port?\n\nA number.\n\n"
           "**2.** What is a host?\n\nA machine.\n\n**5.** What is DNS?\n\nNames to addresses.\n\n"
           "**3.** What is TCP?\n\nA reliable stream.\n")
    plan = plan_import(doc, "n.md", chapter="n")
    assert plan.question_count == 5
    assert at(plan, "QI002") == [11]  # 2 again
    assert at(plan, "QI011") == [15, 19]  # 2 → 5 jumps; 5 → 3 goes back
    assert any("goes back from 5 to 3" in d.message for d in plan.diagnostics)


WEAK = """# Exercises

### Arrays

1. How do you read the third element?
2. How do you append an element?

??? success "Answers"
    1. `xs[2]`
    2. `xs.append(v)`

### Lists

1. How do you insert at the front?
2. How do you remove the last element?

??? success "Answers"
    1. `xs.insert(0, v)`
    2. `xs.pop()`

### Maps

1. How do you read a missing key safely?
2. How do you count words?

??? success "Answers"
    1. `d.get(k)`
    2. `Counter(words)`
"""


def test_a_weak_template_is_reported_with_the_runner_up() -> None:
    """Numbered sub-questions answered together under a topic heading: the topic or the items?"""
    plan = plan_import(WEAK, "ex.md", chapter="ex")
    weak = [d for d in plan.diagnostics if d.code == "QI022"]
    assert len(weak) == 1 and weak[0].line == 3  # at the first question (the topic heading won)
    assert "another reading fits about as well" in weak[0].message and "list items" in weak[0].message


def test_explain_shows_the_template_its_score_and_the_runner_up(tmp_path: Path) -> None:
    source = tmp_path / "ex.md"
    source.write_text(WEAK, encoding="utf-8")
    out = qabook("import", str(source), "--dry-run", "--explain").stdout
    assert re.search(r"question starts: .+\n  template score: \d+\.\d\d \(ask [\d.]+, labelled [\d.]+", out), out
    assert re.search(r"\n  runner-up: .+ \d+\.\d\d \(ask", out), out


def test_refused_only_when_nothing_repeats_like_a_question() -> None:
    story = ("# My interview story\n\n## 1. Background\n\nI studied maths.\n\n## 2. Preparation\n\n"
             "I read two books.\n\n## 3. The day\n\nIt went well.\n")
    refused = plan_import(story, "s.md")
    assert refused.question_count == 0 and at(refused, "QI001") == [1]
    numbered = plan_import("# 练习\n\n**1.** 什么是闭包？\n\n函数和其环境。\n\n**2.** 什么是原型？\n\n对象的模板。\n", "l.md")
    assert numbered.question_count == 2 and not numbered.has_errors


MIXED_KEY = """# Python 面试复习

Q: Python 中的 GIL 是什么？
A: 全局解释器锁，同一时刻只有一个线程执行字节码。

Q: 列表和元组有什么区别？
A: 列表可变，元组不可变。

## 小测验

1. 下列哪个是不可变类型？
A. list
B. dict
C. tuple
D. set

2. Python 中用哪个关键字定义函数？
A. func
B. def
C. function
D. lambda

## 答案

1. C
2. B
"""


def test_an_answer_key_after_a_numbered_quiz_answers_the_quiz_not_the_q_lines_above_it() -> None:
    """Found by a new user: `Q:`/`A:` questions, then a numbered quiz, then its key. The key's
    answers went, by position, to the first `Q:` questions (a stray 'C' under the GIL answer)
    and the quiz said its answers were missing — with no warning."""
    plan = plan_import(MIXED_KEY, "mixed.md", chapter="py")
    assert plan.question_count == 4
    texts = [p.text for p in plan.pages[1:]]
    assert block(texts[0], "answer") == "全局解释器锁，同一时刻只有一个线程执行字节码。"
    assert block(texts[1], "answer") == "列表可变，元组不可变。"
    assert block(texts[2], "answer") == "C" and "C. tuple" in block(texts[2], "question")
    assert block(texts[3], "answer") == "B"
    assert not at(plan, "QI004") and not at(plan, "QI032")


NUMBERED_KEY = """# Quiz

1. What is 2+2?

Answer: 4, because two and two make four.

2. What is the capital of France?

Answer: Paris.

3. Which is a prime?

A. 4
B. 6
C. 7

## Answers

1. 4
2. Paris
3. C
"""


def test_a_key_that_also_answers_questions_with_answers_of_their_own_is_read_and_said() -> None:
    """Numbered questions, most answered under them, and a key at the end for all: it was
    refused ('no questions found', the key's items taken for questions). The key now answers
    the one without an answer, and where it adds to an answer of its own a warning says so."""
    plan = plan_import(NUMBERED_KEY, "quiz.md", chapter="q")
    assert plan.question_count == 3
    texts = [p.text for p in plan.pages[1:]]
    assert block(texts[2], "answer") == "C"
    assert at(plan, "QI032") == [19, 20]


def test_a_title_with_brackets_in_code_keeps_them_as_written_on_the_chapter_page() -> None:
    """Found by a new user: the chapter page's link to ``len([1, 2, 3])`` showed
    `len(\\[1, 2, 3\\])`, backslashes and all (brackets were escaped inside the code span too).
    Brackets outside code are still escaped, so the link's words stay one link."""
    from qafuzz import render_page

    plan = plan_import(MIXED_KEY.replace("2. Python 中用哪个关键字定义函数？", "2. `len([1, 2, 3])` 与 [a] 的结果是？"),
                       "mixed.md", chapter="py")
    html = render_page(plan.pages[0].text)
    assert "<code>len([1, 2, 3])</code> 与 [a] 的结果是？</a>" in html, html
    assert "\\[" not in html
