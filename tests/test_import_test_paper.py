"""A test paper (set 11, issue 14): its title names an exam ('# 第二次考试'), its questions are
numbered headings one by one — some name only the kind of question ('#### 1.判断题') with the
statement to judge on the next line, one is numbered with a Chinese comma ('#### 3，'), one is a
task's name over its code — and none is answered. A person reads one question per number, and
the statement under a kind heading as what it asks. The same numbered headings under a title
that names no exam or questions are a tutorial's sections. Each test failed before this round.
"""

from __future__ import annotations

from qabook.importer import plan_import
from conftest import block

PAPER = """# 第三次考试
内容：函数与模块
共5题，50分。

#### 1.判断题
python 的函数可以返回多个值。

#### 2. 请写出定义默认参数的方式


#### 3， 从`os`模块中导入`path`的写法为？


#### 4. 运算
```py
a = 7 // 2
```
a 的值是什么？

#### 5.判断题
模块只会被导入一次。
"""

TUTORIAL = """# 函数与模块

#### 1. 定义函数
用 def 定义一个函数。

#### 2. 默认参数
参数可以有默认值。

#### 3. 导入模块
用 import 导入一个模块。

#### 4. 运算
```py
a = 7 // 2
```
整除的结果是整数。
"""


def _plan(text: str):
    return plan_import(text, "paper.md", chapter="c")


def test_a_test_paper_is_one_question_per_number() -> None:
    plan = _plan(PAPER)
    assert plan.question_count == 5, plan.explanation
    titles = [p.text for p in plan.pages[1:]]
    assert "从`os`模块中导入`path`的写法为？" in titles[2]  # '3，' numbers a question of its own
    assert "请写出定义默认参数的方式" not in titles[2]


def test_the_statement_under_a_kind_heading_is_the_question() -> None:
    plan = _plan(PAPER)
    first = plan.pages[1].text
    assert "python 的函数可以返回多个值。" in block(first, "question")
    assert "# 判断题：python 的函数可以返回多个值。" in first  # the kind kept in the title, with what it asks
    assert "python 的函数可以返回多个值" not in block(first, "answer")


def test_the_same_headings_under_a_tutorial_title_stay_sections() -> None:
    assert _plan(TUTORIAL).question_count == 0
