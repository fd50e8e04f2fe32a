"""Which heading levels carry questions when a document mixes them (issue 14, items 1 and 2): a
heading is a question by what it looks like — it asks, or is answered under it — whatever its
level; a group heading holds questions and says nothing of its own; and a heading that asks,
answered under it, is never left on the chapter page without a warning at its line.
Each document is one a person writes; each test failed on the importer before `levels.py`.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document
from qabook.importer import plan_import


def titles(plan) -> list[str]:
    return [p.title for p in plan.pages if p.questions]


def at(plan, code: str) -> list[int]:
    return sorted(d.line for d in plan.diagnostics if d.code == code)


# main questions at ###, each with its own answer, then follow-ups at ##### answered in <details>
FOLLOW_UPS = """# 网络

### 什么是三次握手？

客户端发 SYN，服务器回 SYN+ACK，客户端再回 ACK。

##### 可以两次握手吗？
<details>
<summary>展开</summary>

不可以：服务器无法确认客户端收到了它的序列号。
</details>

##### 初始序列号是什么？
<details>
<summary>展开</summary>

每个方向随机选的第一个序号。
</details>

### 什么是四次挥手？

双方各发一次 FIN，各回一次 ACK。

##### 为什么要等 2MSL？
<details>
<summary>展开</summary>

保证最后的 ACK 能到达，旧报文在网络中消失。
</details>

### TCP 如何实现流量控制？

接收方在每个 ACK 里通告自己的窗口大小。

### 参考

- [RFC 793](https://www.rfc-editor.org/rfc/rfc793)
"""


def test_main_questions_above_their_follow_ups_are_questions_too() -> None:
    plan = plan_import(FOLLOW_UPS, "net.md", chapter="net")
    assert titles(plan) == ["什么是三次握手？", "可以两次握手吗？", "初始序列号是什么？", "什么是四次挥手？",
                            "为什么要等 2MSL？", "TCP 如何实现流量控制？"]
    first = next(p for p in plan.pages if p.title == "什么是三次握手？")
    text = "\n".join(o.text for o in first.lines)
    assert "SYN+ACK" in text and "可以两次握手" not in text  # its own answer, up to its first follow-up
    assert at(plan, "QI030") == [3]  # said once, at the first main question
    assert all(d.code != "QI038" for d in plan.diagnostics)


# ### items under bodiless ## topic groups; some ## items are questions themselves (an answer label,
# or an answer still to be written), one of them over a ### item of its own
TOPICS = """# 自然语言处理

## 列出几种文本特征提取算法

答：文档频率、信息增益、互信息、TF-IDF

## RNN

### RNN 为什么会梯度消失？

连乘的雅可比矩阵范数小于一。

### RNN 为什么会梯度爆炸？

- [ ] TODO

## 深度学习如何提取query特征？

- [ ] TODO

### 如何比较文本的相似度？

- 余弦相似度
- 词向量

## ELMO

- [ ] TODO

## LSTM

### LSTM 怎么能解决梯度消失问题？

门控让梯度沿细胞状态流动。

## 参考资料

- [NLP 面试题](https://example.org/nlp)
"""


def test_items_among_bodiless_groups_are_questions_and_the_groups_are_not() -> None:
    plan = plan_import(TOPICS, "nlp.md", chapter="nlp")
    assert titles(plan) == ["列出几种文本特征提取算法", "RNN 为什么会梯度消失？", "RNN 为什么会梯度爆炸？",
                            "深度学习如何提取query特征？", "如何比较文本的相似度？", "ELMO",
                            "LSTM 怎么能解决梯度消失问题？"]
    chapter = next(p for p in plan.pages if not p.questions)
    text = "\n".join(o.text for o in chapter.lines)
    assert "## RNN" in text and "## LSTM" in text and "参考资料" in text  # groups and references stay


# an FAQ of #### entries under ## groups (and ### subgroups) that ends with two questions written at the
# groups' level
TRAILING = """# Tool FAQ

## Definitions

#### What is a plugin?

A script the tool loads at start-up.

#### What is a theme?

A script that sets the prompt.

## How do I...?

#### How do I install the tool?

Run the installer script.

#### How do I update the tool?

Run `tool update`.

## Common problems

### Installation

#### I can't reach the installer

Download it by hand from the mirror.

### Prompt issues

#### Why is my prompt slow?

A plugin runs `git status` on every prompt.

## Other problems

#### Why does `kill-word` stop at a dash?

The `WORDCHARS` variable decides what a word is.

## Why is `AUTO_PUSHD` set by default?

Because most people expect `cd` to remember where they were.

## Why shouldn't I install the tool as root?

A broken config would lock you out of the root shell.
"""


def test_trailing_questions_at_the_groups_level_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "faq.md", TRAILING)
    assert r.returncode == 0, r.stdout + r.stderr
    names = [p.name for p in pages]
    assert len(pages) == 9, names
    assert any("auto-pushd" in n for n in names) and any("shouldn-t-i-install" in n for n in names), names
    assert not any("definitions" in n or "other-problems" in n for n in names), names
    assert "faq.md:43:1: QI030 " in r.stdout  # said at the line, for the author to check


# ### questions under ## groups; the last group's entries all state rather than ask, each a
# sentence with its answer: a person reads them as the group's questions
LAST_GROUP = """# Career Q&A

## Applying

### What is the application process like?

An online form, then a recruiter call.

### Does GPA matter for the resume screen?

Less than projects and experience.

## Interviews

### How many rounds are there?

Usually three.

### Is there a system design round for interns?

No.

## Career

### I'd like your advice on what to prioritise in my last two years of school.

Projects you can talk about in depth.

### Just wanted to hear your opinion on how much LeetCode matters.

It matters for the screen, not after it.
"""


def test_a_last_group_whose_entries_state_is_still_questions() -> None:
    plan = plan_import(LAST_GROUP, "career.md", chapter="career")
    assert len(titles(plan)) == 6, titles(plan)
    assert titles(plan)[-1].startswith("Just wanted to hear")


# a heading that asks, answered under it, in a shape nothing reads as a question: left on the
# chapter page, and said so at its line (it used to go there silently)
LEFT = """# Shell quiz

**1. What does `set -e` do?**

Answer: the script stops at the first failing command.

**2. What does `set -u` do?**

Answer: an unset variable is an error.

**3. What does `set -x` do?**

Answer: each command is printed before it runs.

## What does `set -o pipefail` change?

A pipeline fails when any of its commands fails, not only the last one.
"""


def test_an_asking_heading_left_on_the_chapter_page_is_named_at_its_line() -> None:
    plan = plan_import(LEFT, "quiz.md", chapter="quiz")
    assert len(titles(plan)) == 3, titles(plan)
    assert at(plan, "QI038") == [15]


# group headings over questions, with an intro sentence each and none asking, and a preamble
# section: nothing above the questions' level is taken, and nothing is warned about
GROUPS_WITH_INTROS = """# Git interview questions

## How to use this list

Read a question, answer aloud, then open the answer.

## Basics

The everyday commands.

### What does `git add` do?

It stages changes for the next commit.

### What is a commit?

A snapshot of the staged tree with its parents.

## Branching

Working on several lines at once.

### What is a branch?

A movable name for a commit.

### What does `git rebase` do?

It replays commits on a new base.
"""


def test_group_headings_with_an_intro_and_a_preamble_stay_on_the_chapter_page() -> None:
    plan = plan_import(GROUPS_WITH_INTROS, "git.md", chapter="git")
    assert len(titles(plan)) == 4, titles(plan)
    assert not at(plan, "QI030") and not at(plan, "QI038")


# a numbered question whose body holds three sub-questions, each with its own 问/答: kept as one
# question (a judgement), and said once at each later sub-question, naming how many there are
SUB_QUESTIONS = """# Java 基础

### 1.以下代码输出什么？

答：`true`。

### 2.垃圾回收

2.1

问：第几行的对象可以被回收？

答：第 3 行。

2.2

问：第几行的内存空间可以被回收？

答：第 2 行和第 4 行。

2.3

问：这段代码中哪个对象最后被回收？

答：cobj 指向的对象。

### 3.String 和 StringBuffer 有什么区别？

答：前者不可变。
"""


def test_sub_questions_inside_one_question_are_said_once_each_with_their_count() -> None:
    plan = plan_import(SUB_QUESTIONS, "java.md", chapter="java")
    assert len(titles(plan)) == 3, titles(plan)
    overlaps = [d for d in plan.diagnostics if d.code == "QI020"]
    assert [d.line for d in overlaps] == [17, 23]
    assert all("one of 3 question labels" in d.message for d in overlaps), overlaps
    assert not at(plan, "QI018")  # not twice at the same line


# a follow-up written one level down inside an answer, in a reading of two levels (#### entries and
# the '## Why …?' questions): it stays in the answer above it, and a warning says so at its line
# (a guard: the importer said so before, QI018, and must go on saying so)
FOLLOW_UP_INSIDE = """# Tool FAQ

## Definitions

#### What is a plugin?

A script the tool loads at start-up.

#### What is a theme?

A script that sets the prompt.

## How do I...?

#### How do I install the tool?

Run the installer script.

##### How do I install it on Windows?

Use WSL, then run the installer there.

#### How do I update the tool?

Run `tool update`.

## Why is `AUTO_PUSHD` set by default?

Because most people expect `cd` to remember where they were.

## Why shouldn't I install the tool as root?

A broken config would lock you out of the root shell.
"""


def test_a_heading_that_asks_inside_an_answer_is_named_at_its_line() -> None:
    plan = plan_import(FOLLOW_UP_INSIDE, "faq.md", chapter="faq")
    assert len(titles(plan)) == 6, titles(plan)
    assert at(plan, "QI018") == [19]


# numbered topic headings over most of the document, numbering restarting in each '#' part, none
# asking, each answered — a textbook and an interview sheet look alike, so they stay sections; but
# one labelled question read beside them must not pass for the whole document in silence
def _part(name: str, topics: int, extra: str = "") -> str:
    return f"# {name}\n\n" + "".join(
        f"## {n} {name} topic {chr(64 + n)}\n\nWhat to say about topic {n}, in two sentences. It goes on a little.\n\n"
        + (extra if n == 2 else "") for n in range(1, topics + 1))


TOPIC_SHEET = ("**Contents**\n\n- [Python](#python)\n- [Systems](#systems)\n\n"
               + _part("Python", 6, "问：生成器和列表有什么区别？\n\n答：生成器按需产生值。\n\n")
               + _part("Systems", 5) + _part("Databases", 4) + _part("Networks", 5))


def test_a_small_reading_beside_a_shape_over_most_of_the_document_is_named() -> None:
    plan = plan_import(TOPIC_SHEET, "sheet.md", chapter="sheet")
    assert titles(plan) == ["生成器和列表有什么区别？"]
    found = [d for d in plan.diagnostics if d.code == "QI039"]
    assert [d.line for d in found] == [8], found
    assert "20 of them" in found[0].message
    assert "--question-heading 2" in found[0].message


# a textbook chapter: numbered sections ('## 1.2 为什么需要多道程序设计？' among topic-named ones),
# each teaching in prose before its questions, numbered '### 问题 N' one by one through the chapter:
# the sections are the book's, not questions (the numbered-level rule of `levels.py` reads a level
# numbered '10.1' … '10.10' as one sequence of entries only when the questions are its parts)
TEXTBOOK = """# 第一章 操作系统引论

## 1.1 操作系统的目标

操作系统是配置在计算机硬件上的第一层软件，它管理硬件资源，并为用户提供方便的接口。

### 问题 1：操作系统的主要目标是什么？

答：方便性、有效性、可扩充性和开放性。

### 问题 2：什么是有效性？

答：提高系统资源的利用率和系统的吞吐量。

## 1.2 为什么需要多道程序设计？

单道批处理系统中，内存中只有一道作业，CPU 常常空闲等待 I/O。

### 问题 3：多道程序设计有哪些优点？

答：资源利用率高，系统吞吐量大。

### 问题 4：多道程序设计有什么缺点？

答：平均周转时间长，无交互能力。

## 1.3 什么是分时系统？

分时系统把处理机的运行时间分成很短的时间片，轮流分配给各联机作业使用。

### 问题 5：分时系统有哪些特征？

答：多路性、独立性、及时性和交互性。

### 问题 6：时间片太大会怎样？

答：分时系统退化为先来先服务。

## 1.4 本章小结

本章介绍了操作系统的目标、多道程序设计和分时系统，下一章讨论进程。
"""


def test_a_textbooks_numbered_sections_over_its_numbered_questions_stay_sections() -> None:
    plan = plan_import(TEXTBOOK, "os.md", chapter="os")
    assert titles(plan) == ["操作系统的主要目标是什么？", "什么是有效性？", "多道程序设计有哪些优点？",
                            "多道程序设计有什么缺点？", "分时系统有哪些特征？", "时间片太大会怎样？"], titles(plan)
    assert not at(plan, "QI030")
