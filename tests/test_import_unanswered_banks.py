"""Banks of questions still waiting for their answers (set 14, issue 14): a bank whose questions
are not answered yet is still a bank (tests/corpus/README.md: 'an item whose answer is missing
still counts') — an outline of topics is not. Each test of a bank failed before this round.

- Interview questions as numbered headings ('### 1.数组的方法有哪些？'), the first few answered, the
  rest bare, one number skipped: most of them ask, some written as questions. Each is a question,
  the gap said at its line; the same numbered headings naming topics (an outline) stay text.
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
