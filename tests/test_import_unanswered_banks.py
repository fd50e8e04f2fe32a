"""Banks of questions still waiting for their answers (set 14, issue 14): a bank whose questions
are not answered yet is still a bank (tests/corpus/README.md: 'an item whose answer is missing
still counts') — an outline of topics is not. Each test of a bank failed before this round.

- Interview questions as numbered headings ('### 1.数组的方法有哪些？'), the first few answered, the
  rest bare, one number skipped: most of them ask, some written as questions. Each is a question,
  the gap said at its line; the same numbered headings naming topics (an outline) stay text.
- A sheet titled as one ('# Practice Question', '# Interview Questions') whose numbered run, in
  headings or a lazily numbered list, is the whole document: tasks ('## 1. Create a yaml…') or
  prompts ('1. We have a game…', '1. Write a method…'), none answered. Each is one; numbered setup
  steps under a title that names no questions stay text.
"""

from __future__ import annotations

from qabook.importer import plan_import

INTERVIEW = """### 1.数组的方法有哪些？

- push
- pop
- map

### 2.深浅拷贝的区别

浅拷贝只复制一层，深拷贝递归复制。

### 3.线程与进程的区别是什么

进程是资源分配的单位，线程是调度的单位。

### 4.如何看待组件的耦合性

### 5.跨域的解决方案

### 6.闭包的优劣有哪些

### 7.Proxy的使用方法

### 9.怎样实现一个水平、垂直居中的盒子

### 10.css初始化的作用是什么？

### 11.为什么组件中的 data 是函数

### 12.移动端适配方案
"""

OUTLINE = """### 1.数据结构的定义

### 2.两类物理存储方式及特点

### 3.算法的五个特性

### 4.时间复杂度

### 5.线性表的顺序存储

### 6.单链表的插入与删除

### 7.栈与队列的应用
"""


def test_numbered_interview_headings_mostly_unanswered_are_each_a_question() -> None:
    plan = plan_import(INTERVIEW, "面经.md", chapter="c")
    assert plan.question_count == 11  # before: no questions found (QI001)
    gaps = [d for d in plan.diagnostics if d.code == "QI011"]
    assert [d.line for d in gaps] == [INTERVIEW.split("\n").index("### 9.怎样实现一个水平、垂直居中的盒子") + 1]


def test_numbered_topic_headings_of_an_outline_are_no_questions() -> None:
    assert plan_import(OUTLINE, "复习.md", chapter="c").question_count == 0


PRACTICE = """# Practice Question

## 1. Create a yaml for a job that calculates the value of pi

## 2. Create an Nginx pod and attach an EmptyDir volume to it.

## 3. Add a label to a node as "arch=gpu"

```
kubectl label node worker-1 arch=gpu
```

## 4. Create a Role in the "conference" namespace to grant read access to pods.

## 5. Deploy nginx with extra security using a PodSecurityPolicy

    apiVersion: policy/v1beta1
    kind: PodSecurityPolicy

## 6. Create a config map from a file.

## 7. Create a ResourceQuota for the namespace "quota-namespace"
"""

PROMPTS = """# Interview Questions

1. Find a path through space. Supplied with a
list of 2d coordinates find the shortest route
from the first coordinate to the last one.

1. You have an array of towers and an array of zombies.
Towers need to fire at the closest zombie.

2. Our app receives data in CSV format. Your job is
to write a system to convert the CSV into an array.
Walk me through your solution.

3. We have a game built on a grid of any dimensions.
I'd like to hear three approaches to manage the board.

4. Write a method that copies an object without
any external libraries.

5. What is the significance of wrapping the content
of a JavaScript file in a function block?

6. If we run the code below what will appear
in the console:

```
var text = 'outside';
```

---

1. Given an array of values you need to map the
values to a range of colors.
"""

STEPS = """# Setup

1. Install Python 3.12 from the website.
2. Clone the repository into your home folder.
3. Run the bootstrap script.
4. Open the project in your editor.
5. Start the development server.
6. Open the page in your browser.
"""


def test_a_practice_sheets_numbered_tasks_without_answers_are_each_a_question() -> None:
    """'# Practice Question' over '## N. Create …' headings, none answered, none asking: each task
    is one of the sheet's questions."""
    assert plan_import(PRACTICE, "practice.md", chapter="c").question_count == 7  # before: QI001


def test_interview_prompts_in_a_lazily_numbered_list_are_each_a_question() -> None:
    """'# Interview Questions' over '1. 1. 2. 3. …' items wrapped without indent, no answers: half
    of them ask or set a task ('Write a method…'), the others set a scene ('We have a game…') the
    interviewer asks about; each item is one."""
    assert plan_import(PROMPTS, "interview.md", chapter="c").question_count == 8  # before: QI001


def test_numbered_setup_steps_are_no_questions() -> None:
    assert plan_import(STEPS, "setup.md", chapter="c").question_count == 0
