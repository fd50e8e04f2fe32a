"""Documents nobody tuned on (issue 14, third round): shapes met in real documents outside the
corpus, written here as a person writes them, imported as a person does (`qabook import`, then
`qabook check`), and asserted on what the person would see: the pages and the messages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CHROMIUM, block, open_preview, qabook
from qabook.importer import plan_import

QUESTIONS = ["What is a process", "What is a thread", "Why use a mutex", "How does paging work",
             "What is a deadlock", "How is a semaphore used", "What is virtual memory", "Why do caches help",
             "What is a context switch", "How does fork work", "What is a zombie process", "What is thrashing",
             "How does DNS resolve a name", "What is TCP slow start", "Why is UDP used for video",
             "What is a socket"]


def titles(root: Path) -> list[str]:
    out = []
    for page in sorted(root.glob("0*.md")) + sorted(root.glob("1*.md")):
        m = re.search(r"^# (.*)$", page.read_text(encoding="utf-8"), re.M)
        out.append(m.group(1) if m else "")
    return out


def style_change_doc(change_at: int, first: str, then: str) -> str:
    """A bank whose question lines change shape at question `change_at` (its numbering goes on)."""
    out = ["# Systems interview questions", ""]
    for n, q in enumerate(QUESTIONS, 1):
        line = (first if n < change_at else then).format(n=n, q=q)
        out += [line, "", f"The answer to '{q.lower()}' is this sentence.", ""]
    return "\n".join(out)


def import_ok(doc: str, tmp_path: Path, name: str = "bank.md") -> tuple[str, Path]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / name
    src.write_text(doc, encoding="utf-8")
    r = qabook("import", str(src), "--out", str(tmp_path / "docs"), "--chapter", "c")
    assert r.returncode == 0, r.stdout + r.stderr
    check = qabook("check", "--docs-dir", str(tmp_path / "docs"))
    assert check.returncode == 0, check.stdout
    return r.stdout + r.stderr, tmp_path / "docs" / "c"


def test_labelled_bold_lines_then_bare_numbered_lines_are_one_numbered_bank(tmp_path: Path) -> None:
    """'**Q1. …?**' for the first dozen, then '13. …?': the numbering holds the units together;
    before, questions 13–16 were lost into the answer of question 12."""
    doc = style_change_doc(13, "**Q{n}. {q}?**", "{n}. {q}?")
    out, chapter = import_ok(doc, tmp_path)
    assert titles(chapter) == [q + "?" for q in QUESTIONS]
    twelfth = sorted(chapter.glob("12-*.md"))[0].read_text(encoding="utf-8")
    assert block(twelfth, "answer") == "The answer to 'what is thrashing' is this sentence."
    # never silent: the change of shape is named at its line, once
    line = doc.split("\n").index("13. How does DNS resolve a name?") + 1
    assert re.findall(r":(\d+):1: QI025", out) == [str(line)]


def test_a_heading_level_that_changes_mid_document(tmp_path: Path) -> None:
    """'### 1. …?' … '### 8. …?', then '#### 9. …?': every question its own page, one note
    (not one 'hidden question' warning per question)."""
    doc = style_change_doc(9, "### {n}. {q}?", "#### {n}. {q}?")
    out, chapter = import_ok(doc, tmp_path)
    assert len(titles(chapter)) == len(QUESTIONS)
    assert out.count("QI025") == 1 and "QI012" not in out


def test_bare_numbered_lines_before_labelled_headings(tmp_path: Path) -> None:
    doc = style_change_doc(6, "{n}. {q}?", "### Question {n}: {q}?")
    out, chapter = import_ok(doc, tmp_path)
    assert titles(chapter) == [q + "?" for q in QUESTIONS]
    assert out.count("QI025") == 1


def test_two_numbered_lists_that_do_not_continue_each_other_stay_apart() -> None:
    """A second list that restarts at 1 is not a continuation: the mechanism needs the numbers."""
    doc = style_change_doc(9, "### {n}. {q}?", "#### {n}. {q}?")
    renumbered = re.sub(r"^#### (\d+)\.", lambda m: f"#### {int(m[1]) - 8}.", doc, flags=re.M)
    plan = plan_import(renumbered, "bank.md", chapter="c")
    assert not [d for d in plan.diagnostics if d.code == "QI025"]


CODE_COMMENTS = """# Shell questions

## 1. How do you find large files?

```bash
# the ten largest files under the current folder
du -ah . | sort -rh | head -n 10
# sizes are human-readable
```

## 2. How do you count lines in a file?

```python
# a comment in Python
print(sum(1 for _ in open("f.txt")))
```
"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_preview_tags_questions_not_comment_lines_in_code(tmp_path: Path, browser) -> None:
    """'# a comment' inside an answer's code is code: the preview shows no question tag on it
    (it showed 'Q1', 'Q2'… on every comment line of a fence)."""
    page = open_preview(browser, tmp_path, "shell.md", CODE_COMMENTS)
    tags = page.locator(".tag")
    assert [tags.nth(k).inner_text() for k in range(tags.count())] == ["Q1", "Q2"]
    assert page.locator("#L3 .tag").is_visible() and page.locator("#L11 .tag").is_visible()
    comment = page.locator("#L6")  # '# the ten largest files …'
    assert comment.is_visible() and "the ten largest files" in comment.inner_text()
    assert comment.locator(".tag").count() == 0
    assert "answer" in (comment.get_attribute("class") or "")  # coloured as the answer it belongs to
    page.close()


SKELETON = """# 面试题模板

### 1. 什么是进程？

**答案：** 待补充

### 2. 什么是线程？

**答案：** 待补充

### 3. 进程和线程有什么区别？

**答案：**（在此填写）
"""

IN_PROGRESS = """# Operating systems bank

Q1: What is a process?
A: A program in execution, with its own address space.

Q2: What is a thread?
A: TODO

Q3: What is a mutex?
A: TBD
"""


def test_a_skeleton_whose_answers_are_all_placeholders_is_refused(tmp_path: Path) -> None:
    """Every answer '待补充' / '（在此填写）': a template, not a Q&A — nothing written, and the
    message says why (it used to import three questions whose answers read '待补充')."""
    src = tmp_path / "template.md"
    src.write_text(SKELETON, encoding="utf-8")
    r = qabook("import", str(src), "--out", str(tmp_path / "docs"))
    assert r.returncode == 1 and not (tmp_path / "docs").exists()
    assert "template" in r.stderr and "QI001" not in r.stdout
    assert re.search(r"template\.md:3:1: QI026 .*every answer of the 3 question\(s\) is a placeholder", r.stdout)


def test_a_bank_in_progress_keeps_its_questions_and_says_which_answers_are_placeholders(tmp_path: Path) -> None:
    out, chapter = import_ok(IN_PROGRESS, tmp_path, "bank.md")
    assert titles(chapter) == ["What is a process?", "What is a thread?", "What is a mutex?"]
    assert re.findall(r":(\d+):1: QI026", out) == ["6", "9"]  # at the two questions, not the written one
    second = sorted(chapter.glob("02-*.md"))[0].read_text(encoding="utf-8")
    answer = block(second, "answer")
    assert answer.startswith("TODO") and "gives no answer" in answer  # kept, and the page says it
    first = sorted(chapter.glob("01-*.md"))[0].read_text(encoding="utf-8")
    assert "gives no answer" not in block(first, "answer")


def test_words_that_only_look_like_placeholders_are_answers() -> None:
    doc = IN_PROGRESS.replace("A: TODO", "A: Todo lists are a classic first app; a thread is a unit of execution.")
    plan = plan_import(doc.replace("A: TBD", "A: xxx is not a lock; a mutex is."), "bank.md", chapter="c")
    assert plan.question_count == 3 and not [d for d in plan.diagnostics if d.code == "QI026"]


def near_miss_doc(sixth: str) -> str:
    """Ten bold questions '**Q{n}: …?**' with 'Answer:' lines; the sixth written another way."""
    out = ["# OS interview questions", ""]
    for n, q in enumerate(QUESTIONS[:10], 1):
        out += [sixth.format(n=n, q=q) if n == 6 else f"**Q{n}: {q}?**", "", f"Answer: about {q.lower()}.", ""]
    return "\n".join(out)


def test_a_question_line_with_another_bullet_fills_the_gap_in_the_numbering(tmp_path: Path) -> None:
    """'- **Q6: …?**' (a list item) or '6. …?' (a bare numbered line) among bold 'Q' lines: the
    numbering 5 → 7 has a gap and the line with the missing number is there — it is question 6
    (it was dropped into the answer of question 5)."""
    for k, sixth in enumerate(("- **Q{n}: {q}?**", "{n}. {q}?")):
        out, chapter = import_ok(near_miss_doc(sixth), tmp_path / str(k))
        assert titles(chapter) == [q + "?" for q in QUESTIONS[:10]], sixth
        fifth = sorted(chapter.glob("05-*.md"))[0].read_text(encoding="utf-8")
        assert QUESTIONS[5].lower() not in fifth.lower()
        assert re.findall(r":(\d+):1: QI012", out) == ["23"]  # said at the line


def test_a_point_of_an_answers_own_list_is_not_a_question() -> None:
    """Question 6 is missing; the answer of question 5 lists six points, the sixth asking: a
    point of a list is not promoted (only a line that opens its own list or paragraph)."""
    doc = near_miss_doc("REMOVED").replace("REMOVED\n\nAnswer: about how is a semaphore used.\n\n", "")
    points = "\n".join(f"{k}. point {k} of the answer" for k in range(1, 6)) + "\n6. Why does it deadlock?\n"
    doc = doc.replace("Answer: about what is a deadlock.\n", "Answer: about what is a deadlock.\n\n" + points)
    plan = plan_import(doc, "bank.md", chapter="c")
    assert plan.question_count == 9
    assert [d for d in plan.diagnostics if d.code == "QI011"]  # the gap is reported, not filled


STATEMENTS = """# Interview questions

A few questions I was asked this year.

## Explain the event loop

The call stack runs; the queue waits.

## What is hoisting?

Declarations are processed before the code runs.

## Closures in JavaScript

A function keeps the scope it was made in.

## Prototype inheritance

Objects delegate to their prototype.

## Summary

Good luck with your interviews.
"""

DECISION = """# Decision: no paid ads yet

## The call

No paid ads until the funnel converts.

## Why not now

- No conversion data.
- A trust sale, a low-trust channel.

## What we do now instead

Outbound, partnerships and content.

## How it works later

Retargeting first, then video.

## Trip-wire

Review on 2026-12-01.
"""


def test_statement_headings_are_questions_and_a_summary_is_not(tmp_path: Path) -> None:
    """Statement-form questions ('Explain …', 'Closures in JavaScript') under an interview
    title; the trailing '## Summary' names a part of the document: it stays on the chapter page
    (it was imported as a fifth question)."""
    out, chapter = import_ok(STATEMENTS, tmp_path)
    assert titles(chapter) == ["Explain the event loop", "What is hoisting?", "Closures in JavaScript",
                               "Prototype inheritance"]
    index = (chapter / "index.md").read_text(encoding="utf-8")
    assert "Summary" in index and "Good luck with your interviews." in index


def test_headings_that_tell_do_not_ask(tmp_path: Path) -> None:
    """'What we do now instead', 'How it works later': a question word followed by its subject
    tells; a decision record with such headings is no Q&A (it was imported as 5 questions)."""
    src = tmp_path / "decision.md"
    src.write_text(DECISION, encoding="utf-8")
    r = qabook("import", str(src), "--out", str(tmp_path / "docs"))
    assert r.returncode == 1 and not (tmp_path / "docs").exists()
    assert "QI001" in r.stdout


KEYED_QUIZ = """# Networking quiz

**1. Which layer does IP work at?**

- A. Link
- B. Network
- C. Transport

**2. Which protocol resolves names?**

- A. DNS
- B. ARP
- C. TCP

**3. Which port does HTTPS use?**

- A. 80
- B. 443
- C. 22

## Quiz answers

1. B — IP is the network layer.
2. A — DNS resolves names.
3. B — 443.
"""


def test_a_heading_that_ends_in_an_answer_word_opens_the_key(tmp_path: Path) -> None:
    """'## Quiz answers' ('面试题答案：', 'Answer Key') over numbered answers: each goes to its
    question, and the choices stay in the question (they were the hidden 'answer' before)."""
    out, chapter = import_ok(KEYED_QUIZ, tmp_path)
    first = sorted(chapter.glob("01-*.md"))[0].read_text(encoding="utf-8")
    assert "- B. Network" in block(first, "question")
    assert block(first, "answer") == "B — IP is the network layer."
    third = sorted(chapter.glob("03-*.md"))[0].read_text(encoding="utf-8")
    assert block(third, "answer") == "B — 443."


LAB_SHEET = """# Slip 4: Operating systems practical

## Question 1: Simulate FIFO page replacement [15 Marks]

### Problem Statement
Write a program that simulates FIFO page replacement for a reference string.

### Sample Output
Total page faults: 9

## Question 2: Demonstrate fork() [15 Marks]

### Problem Statement
Write a program in which the parent waits for its child.

## Question 3: Viva questions [5 Marks]

### Q1. What is a page fault?
**Answer:** An access to a page that is not in memory.

### Q2. What is Belady's anomaly?
**Answer:** More frames giving more faults, under FIFO.

### Q3. What does fork() return?
**Answer:** 0 to the child, the child's pid to the parent.

## Further practice

Try the same with LRU.
"""


def test_tasks_beside_a_group_heading_over_questions(tmp_path: Path) -> None:
    """'## Question 1/2: task' then '## Question 3: Viva' over '### Q1.'–'### Q3.': the tasks
    are questions too, 'Question 3' is the viva's group heading (only the viva was imported)."""
    out, chapter = import_ok(LAB_SHEET, tmp_path)
    assert titles(chapter) == ["Simulate FIFO page replacement [15 Marks]", "Demonstrate fork() [15 Marks]",
                               "What is a page fault?", "What is Belady's anomaly?", "What does fork() return?"]
    index = (chapter / "index.md").read_text(encoding="utf-8")
    assert "Viva questions" in index and "Further practice" in index  # group heading and a section stay
    task = sorted(chapter.glob("01-*.md"))[0].read_text(encoding="utf-8")
    assert "Total page faults: 9" in task
    assert "QI022" not in out  # the template the tasks come from is part of the reading, not its rival


FENCE_WORDS = """# C 面试题

### 1. 下面代码输出什么？

```c ++
int main() { printf("%d", 1 + 1); }
```

**答案：** 2

### 2. 这段代码有什么问题？

```js example from the book
let x = 1; let x = 2;
```

**答案：** 重复声明。
"""


def test_a_fence_the_site_would_show_as_text_is_written_so_it_shows_code(tmp_path: Path) -> None:
    """'```c ++' and '```js example from the book' are text to the site (QA023 at check): the
    import writes '```c++' and '```js title="example from the book"' and says so; check passes."""
    out, chapter = import_ok(FENCE_WORDS, tmp_path)  # import_ok runs `qabook check`: 0 errors
    first = sorted(chapter.glob("01-*.md"))[0].read_text(encoding="utf-8")
    second = sorted(chapter.glob("02-*.md"))[0].read_text(encoding="utf-8")
    assert "```c++\n" in first and '```js title="example from the book"\n' in second
    assert re.findall(r":(\d+):1: QI023", out) == ["5", "13"]


def test_a_fence_with_words_inside_a_quoted_explanation_is_written_so_it_shows_code(tmp_path: Path) -> None:
    """'> ```c ++' in a quoted explanation was left as written (only top-level fences were mended), so
    the page failed the check (QA023)."""
    doc = FENCE_WORDS.replace("**答案：** 2\n", "**答案：** 2\n\n> 解析：\n>\n> ```c ++\n> int x = 1 + 1;\n> ```\n")
    out, chapter = import_ok(doc, tmp_path)  # import_ok runs `qabook check`: 0 errors
    assert "> ```c++\n" in sorted(chapter.glob("01-*.md"))[0].read_text(encoding="utf-8")
    assert re.findall(r":(\d+):1: QI023", out) == ["5", "13", "19"]  # the quoted fence is line 13



def test_a_fence_closed_a_little_indented_is_closed_where_the_author_meant(tmp_path: Path) -> None:
    """'```' closed by ' ```' (one space in): CommonMark closes it there, the site does not, so the
    rest of the page showed as code and the chapter page failed the check (QA023). The import writes
    the closer at the start of its line and says so at its source line."""
    text = ("# 思考题\n\n评分说明：\n```\n  + 采分点：说明优缺点\n  - 没有涉及（0分）\n ```\n\n"
            "## 1. 什么是最先匹配？\n\n答案：从头找第一个够大的空闲块。\n\n## 2. 什么是最佳匹配？\n\n答案：找最小的够大的块。\n")
    out, chapter = import_ok(text, tmp_path)  # import_ok runs `qabook check`: 0 errors
    assert "\n```\n\n" in (chapter / "index.md").read_text(encoding="utf-8")
    assert re.findall(r":(\d+):1: QI023", out) == ["7"]

GROUP_KEYS = """### 主题：缓存的原理与面试题

#### 1. 基本原理

1. **局部性**：程序倾向于访问最近访问过的数据。
2. **分层**：越快的存储越小。

#### 2. 典型面试题

##### 面试题：

1. 什么是缓存穿透？
2. 如何防止缓存雪崩？
3. 缓存和数据库如何保持一致？

##### 编程题：

1. 实现一个 LRU 缓存。
2. 实现一个带过期时间的缓存。

#### 3. 答案

##### 面试题答案：

1. 查询不存在的数据，每次都落到数据库。
2. 过期时间加随机值，并做限流。
3. 先更新数据库，再删除缓存。

##### 编程题答案：

1. 哈希表加双向链表：

```python
from collections import OrderedDict
```

2. 每个键记下过期时刻，读取时检查。
"""


def test_keys_one_per_group_answer_their_own_group(tmp_path: Path) -> None:
    """Two lists of questions (面试题 1–3, 编程题 1–2), then '面试题答案：' and '编程题答案：': each key
    answers its own group, and the outline's points before them are not questions (before: 4
    sections imported as questions; with the key headings read, 7 with the outline)."""
    out, chapter = import_ok(GROUP_KEYS, tmp_path)
    assert titles(chapter) == ["什么是缓存穿透？", "如何防止缓存雪崩？", "缓存和数据库如何保持一致？",
                               "实现一个 LRU 缓存。", "实现一个带过期时间的缓存。"]
    third = sorted(chapter.glob("03-*.md"))[0].read_text(encoding="utf-8")
    assert block(third, "answer") == "先更新数据库，再删除缓存。"
    lru = sorted(chapter.glob("04-*.md"))[0].read_text(encoding="utf-8")
    assert block(lru, "answer").startswith("哈希表加双向链表") and "OrderedDict" in block(lru, "answer")
    assert "局部性" in (chapter / "index.md").read_text(encoding="utf-8")


TITLE_AS_H2 = """## Java 面试题

本文整理了常见的 Java 面试题。

## JVM 的内存结构

堆、栈、方法区、程序计数器。

## 垃圾回收算法

标记清除、复制、标记整理。

## 类加载机制

加载、验证、准备、解析、初始化。
"""


def test_a_title_written_like_the_questions_is_not_a_question(tmp_path: Path) -> None:
    """The document's title is a '##' heading like its statement-form questions: 'Java 面试题'
    names the collection, it stays on the chapter page (it was imported as question 1)."""
    out, chapter = import_ok(TITLE_AS_H2, tmp_path)
    assert titles(chapter) == ["JVM 的内存结构", "垃圾回收算法", "类加载机制"]
    assert "本文整理了常见的 Java 面试题。" in (chapter / "index.md").read_text(encoding="utf-8")


INDENTED_FENCE = """# JS quiz

### 1. What does this print?

 ```javascript
var x = 1;
console.log(x);
```

**Answer:** 1

### 2. What is `typeof null`?

**Answer:** "object"
"""


def test_a_fence_indented_more_than_its_code_is_written_at_the_line_start(tmp_path: Path) -> None:
    """' ```javascript' with its code at column 0 (GitHub shows code): the site would show the
    fence and the code as text, and the next '```' would open a fence never closed. The import
    writes the fence at the line's start and says so; check passes."""
    out, chapter = import_ok(INDENTED_FENCE, tmp_path)
    first = sorted(chapter.glob("01-*.md"))[0].read_text(encoding="utf-8")
    assert "\n```javascript\nvar x = 1;" in first
    assert re.findall(r":(\d+):1: QI023", out) == ["5"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_preview_tags_every_question_and_shows_the_change_of_shape(tmp_path: Path, browser) -> None:
    """A bank of labelled '**Q1. …?**' lines then '13. …?': every question has its tag (the
    labelled ones had none: their title is made from the question part, not a line of its own),
    and the QI025 note stands under the first line of the new shape."""
    doc = style_change_doc(13, "**Q{n}. {q}?**", "{n}. {q}?")
    page = open_preview(browser, tmp_path, "bank.md", doc)
    tags = page.locator(".tag")
    assert [tags.nth(k).inner_text() for k in range(tags.count())] == [f"Q{n}" for n in range(1, 17)]
    line = doc.split("\n").index("13. How does DNS resolve a name?") + 1
    assert page.locator(f"#L{line} .tag").inner_text() == "Q13"
    note = page.locator(f"#L{line} + .note")
    note.scroll_into_view_if_needed()
    assert note.is_visible() and "QI025" in note.inner_text()
    page.close()


def test_a_heading_inside_a_quote_or_a_list_item_does_not_break_the_pages_heading_levels(tmp_path: Path) -> None:
    """'> #### Note' in an answer and '- ### Step' in a list are headings to Markdown too: they were
    left as they were, so the topic page held an H4 under its H1 and failed the check (QA060). In a
    topic page they become bold lines like any heading inside a block; on the chapter page they
    follow its levels."""
    doc = ("# Networking\n\n> ### About these notes\n> Collected from lectures.\n\n## 1. What is a socket?\n\n"
           "答案：一个通信端点。\n\n> #### Note\n> 也叫套接字。\n\n## 2. How is a connection opened?\n\n答案：\n\n"
           "- #### Step one\n  SYN\n- #### Step two\n  SYN-ACK\n")
    out, chapter = import_ok(doc, tmp_path)  # import_ok runs `qabook check`: 0 errors
    first, second = (p.read_text(encoding="utf-8") for p in sorted(chapter.glob("0*.md")))
    assert "> **Note**" in first and "- **Step one**" in second and "- **Step two**" in second
    assert "> ## About these notes" in (chapter / "index.md").read_text(encoding="utf-8")
