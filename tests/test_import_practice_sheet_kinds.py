"""A practice sheet whose sections name the kind of their questions (set 11 zh/09, issue 14 item 1):
'## 1. 概念题' over numbered questions with their answers indented under them, '## 2. 填空题' over
numbered statements whose blanks the author filled in (`\\_\\_\\_print\\_\\_`, underscores escaped so
that they show), '## 3. 编程题' over '### 3.1 定义变量' headings, each a '要求：' and its code.

A person counts every item: a filled blank shows as one ('___print__'), and a section named for
programming problems says its numbered headings are problems though none asks. A section that
names no kind of question ('## 3. 附录' over '### 3.1 …') keeps its numbered headings as text.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

CONCEPTS = (
    ("在 Python 中，`print` 函数是用来做什么的？", "输出代码运行的结果"),
    ("如何在 Python 中声明一个变量？请给出一个例子。", "`a = 1`"),
    ("什么是 Python 中的注释？", "以 `#` 开头、解释器不执行的文字"),
)
BLANKS = (
    r"在 Python 中，\_\_\_print\_\_ 函数用于打印一个变量的值。",
    r"在 Python 中，我们可以使用 my_var = \_\_10\_\_\_ 来创建一个值为 10 的变量。",
    r"如果我们有两个变量 `a` 和 `b`，可以使用 print(a, \_\_\_b\_\_) 打印它们的值。",
)
TASKS = (
    ("定义和输出变量", "定义一个变量 greeting，值为 `\"Hello\"`，然后打印它。", "greeting = 'Hello'\nprint(greeting)"),
    ("变量的赋值", "定义 number 为 10，再把它赋给 copy_number，打印两者。", "number = 10\ncopy_number = number"),
    ("变量的覆盖", "把 food 先设为 apple，再改为 banana，打印 food。", "food = 'apple'\nfood = 'banana'"),
)
SHEET = ("# Variable & Print\n\n## 1. 概念题\n\n"
         + "".join(f"{k}. {q}\n\n    {a}\n\n" for k, (q, a) in enumerate(CONCEPTS, 1))
         + "## 2. 填空题\n\n" + "".join(f"{k}. {b}\n\n" for k, b in enumerate(BLANKS, 1))
         + "## 3. 编程题\n\n" + "".join(f"### 3.{k} {t}\n\n要求：{r}\n\n```python\n{c}\n```\n\n"
                                       for k, (t, r, c) in enumerate(TASKS, 1)))


def test_filled_blanks_and_programming_problems_are_the_sheets_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "practice.md", SHEET)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == len(CONCEPTS) + len(BLANKS) + len(TASKS), [p.name for p in pages]
    assert "print" in page_block(pages[len(CONCEPTS)], "question")  # the first fill-in, its blank as written
    last = pages[-1].read_text(encoding="utf-8")
    assert "变量的覆盖" in last and "food = 'banana'" in last


def test_numbered_headings_under_a_section_naming_no_kind_stay_text(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "practice.md", SHEET.replace("## 3. 编程题", "## 3. 附录"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == len(CONCEPTS) + len(BLANKS), [p.name for p in pages]
    assert "food = 'banana'" not in "".join(p.read_text(encoding="utf-8") for p in pages)
