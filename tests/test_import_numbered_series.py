"""Numbered question sequences as an outside set (set 12) showed them (issue 14):

- a bank of `#### NN` headings, some only the number with the question on the next line (its
  choices in a fence, `正确答案：` under them): every heading is a question of the sequence, the bare
  ones titled by their first line of words, never by a line of their code;
- headings that name a series before a question word and its number (`## Python Quiz 0001`,
  `# **CKAD – Q01: …**`): numbered as `Quiz 1` is, so the sequence is the template — and the
  document's title, an H1 like each task's H1 but unnumbered, stays a title;
- a numbered heading whose number skips one (`### 43、讲讲…` after 41, before 44), its answer only a
  link: one of the sequence, not text inside the question before it;
- a list of links to other pages whose link texts end in 问题 (`**[安装问题](…)** - …`): a hub of
  links, not questions tagged with their kind.
"""

from __future__ import annotations

from qabook.importer import plan_import


def plan(text: str, name: str = "doc.md"):
    return plan_import(text, name, chapter="c")


def questions(p) -> list[str]:
    return [pg.text for pg in p.pages[1:]]  # pages[0] is the chapter page


BARE_NUMBERS = """# C 语言选择题

#### 01 在（）情况下适宜采用 inline 定义内联函数

```
A 函数体含有循环语句
B 函数代码少、频繁调用
```

正确答案：B

#### 02

下面叙述不正确的是（）

```
A 派生类一般都用公有派生
B 父类的公有成员在派生类中仍然是公有的
```

正确答案：B

#### 03

```c
int a = 5;
printf("%d", a++ + ++a);
```

```
A 11
B 12
```

正确答案：B

#### 04 以下程序的输出结果是（）

```
A 1
B 2
```

正确答案：A

#### 05 *

哪个操作符不能被重载？

```
A ::
B +
```

正确答案：A
"""


def test_headings_that_are_only_their_number_are_questions_of_the_sequence() -> None:
    p = plan(BARE_NUMBERS)
    assert p.question_count == 5, p.explanation[:3]
    pages = questions(p)
    assert "下面叙述不正确的是" in pages[1]
    assert "a++ + ++a" in pages[2] and "正确答案" not in p.pages[0].text  # no answer left on the chapter page
    assert "哪个操作符不能被重载" in pages[4]
    # a bare heading over code and choices is titled by its heading, not by a line of its program
    assert pages[2].split("\n# ", 1)[1].split("\n", 1)[0] == "03"


PYTHON_QUIZ = """# Correct Answers for Python Quizzes

## Python Quiz 0001
Are the following statements valid in Python 3?

`a, b = 0 ** 3, 0 / 3` <br>

a) Yes<br>
b) No

**The correct answer is a) Yes**

Tuple unpacking assigns both values.

## Python Quiz 0002
In Python, which letter is used to represent imaginary numbers?

a) i<br>
b) j<br>

**The correct answer is b) j**

## Python Quiz 0003
In Python, a set can contain duplicate items.<br>
Please select 'True' if you think the statement is correct, or 'False' if it is incorrect.

a) True<br>
b) False<br>

**The correct answer is b) False**

## Python Quiz 0004
What is the output of the following code?<br>
```python
print(6 % -10)
```

a) -6<br>
b) -4<br>

**The correct answer is b) -4**

The modulo takes the sign of the divisor: 6 - (-10 * -1) = -4.

## Python Quiz 0005
Is there a way in Python to delete an element from a tuple?

a) Yes<br>
b) No<br>

**The correct answer is b) No**

Tuples are immutable: convert to a list, remove the element, convert back.

## Python Quiz 0006
Do you know which command correctly lists all installed Python packages?

a) pip list<br>
b) pip --list<br>

**The correct answer is a) pip list**

Note: pip freeze prints the same packages in the requirements format.
"""


def test_headings_naming_a_series_before_quiz_and_its_number_are_the_questions() -> None:
    p = plan(PYTHON_QUIZ)
    assert p.question_count == 6, p.explanation[:3]
    pages = questions(p)
    assert "a set can contain duplicate items" in pages[2]  # the statement to judge, one quiz of its own
    assert "print(6 % -10)" in pages[3]


CKAD_TASKS = """# ✅ **CKAD Practice Exam – 3 Scenario-Based Tasks**

_Cluster is preconfigured. Work in namespace `default`._

---

# **CKAD – Q01: Convert Hardcoded Env Vars into a Secret**

A Deployment named **billing-api** holds two plaintext environment variables.

**Task:**

1. Create a Secret named `billing-secret`.
2. Load the variables with `valueFrom.secretKeyRef`.

---

# **CKAD – Q02: Fix a Broken Ingress**

An Ingress named **store-ingress** routes to the wrong port.

**Task:**

1. Correct the Ingress rules so that `/shop` forwards to `store-svc:8080`.

---

# **CKAD – Q03: Create a Canary Deployment**

A Deployment named **web** serves version 1.

**Task:**

1. Create `web-canary` with one replica of version 2.
2. Send a tenth of the traffic to it.
"""


def test_the_title_h1_over_tasks_numbered_after_their_series_is_no_task() -> None:
    p = plan(CKAD_TASKS)
    assert p.question_count == 3, p.explanation[:3]
    assert "Cluster is preconfigured" in p.pages[0].text
    assert "billing-secret" in questions(p)[0]


SKIPPED_NUMBER = """# JS 基础面试题

### 39、this 指向的四种情况？

函数调用、方法调用、构造调用、apply/call/bind。

### 40、数组的常用方法有哪些？

push、pop、shift、unshift、slice、splice。

### 41、Math 的常用方法有哪些？

Math.max、Math.min、Math.ceil、Math.floor。

### 43、讲讲 JavaScript 的垃圾回收机制

[赠你 13 张图，助你 20 分钟打败了「V8 垃圾回收机制」](https://example.com/v8-gc)

### 44、JS 中有哪些不同类型的弹出框？

Alert、Confirm、Prompt。

### 45、什么是 BOM？

浏览器对象模型。
"""


def test_a_numbered_heading_after_a_skipped_number_is_one_of_the_sequence() -> None:
    p = plan(SKIPPED_NUMBER)
    assert p.question_count == 6, p.explanation[:3]
    assert "垃圾回收机制" in questions(p)[3]
    assert "垃圾回收机制" not in questions(p)[2]  # not text in question 41's answer


LINK_HUB = """# 🛠️ 故障排除

遇到问题？这里提供了常见问题的解决方案和故障排除指南。

## 🔍 常见问题

- **[安装问题](/troubleshooting/installation.html)** - 安装过程中的常见问题
- **[配置问题](/troubleshooting/configuration.html)** - 配置相关的故障排除
- **[网络问题](/troubleshooting/network.html)** - 网络连接和代理问题
- **[性能问题](/troubleshooting/performance.html)** - 性能优化和调优

## 📋 故障排除步骤

### 1. 收集信息
- 错误信息截图
- 系统日志

### 2. 基础检查
- 服务状态检查
- 网络连接测试
"""


def test_links_whose_text_ends_in_a_question_word_are_a_hub_not_questions() -> None:
    p = plan(LINK_HUB)
    assert p.question_count == 0, p.explanation[:3]


def test_a_kind_tag_still_names_its_question() -> None:
    # (the twin of the hub: a tag, not a link's text, before a question that asks)
    p = plan("# 练习\n\n[单选题] 以下哪个是合法的标识符？\n\nA. 1a\nB. a1\n\n[单选题] 以下哪个关键字声明常量？\n\n"
             "A. const\nB. var\n\n[判断题] Python 的列表是可变的。\n\n答案：正确\n")
    assert p.question_count == 3, p.explanation[:3]
