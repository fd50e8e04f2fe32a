"""Headings and their sequences, as an outside set (set 8) showed them (issue 14 item 1):

- a bank numbered '一、' … whose first question is an h1 like the title and whose second is written
  '## 二 …' (a space for the 、): the numbering goes on across the levels, so it is question 二, not
  text inside question 一's answer;
- a FAQ whose last question sits at the group headings' level and answers with a sentence, a
  list of links and a closing sentence: it says something, so it is a question;
- a daily-question README whose later questions are quoted ('> 第 152 题：…' after a date line):
  each continues the '第 N 题：' paragraphs' sequence, its quote's other lines stating it;
- a tutorial whose only question headings are its intro and an outro ('## 还有其他问题？'): an
  article, no Q&A.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import import_document, page_block

SPACED_NUMERAL = """# Go 语法面试题

# 一 new 和 make 的区别？

new 只分配内存，make 还会初始化 slice、map 和 channel。

## 二 Printf、Sprintf 与 Fprintf 的区别是什么？

Printf 写到标准输出，Sprintf 返回字符串，Fprintf 写到给定的 io.Writer。

## 三、数组与切片的区别？

数组长度固定，是值类型；切片是对底层数组的引用，可以增长。

## 四、说说 go 语言中的协程？

协程由 Go 运行时调度，开销很小。
"""


def test_a_numeral_followed_by_a_space_goes_on_with_the_sequence(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "go.md", SPACED_NUMERAL)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]
    assert "Fprintf" in page_block(pages[1], "question")
    assert "Fprintf" not in page_block(pages[0], "answer")  # not folded into question 一's answer


LINKS_ANSWER = """# 部署常见问题

## 硬件 FAQ

### 支持哪些操作系统？

支持主流 Linux 发行版。

### 对服务器硬件有什么要求？

开发环境 8 核 16 GB 即可，生产环境见配置表。

## 安装 FAQ

### 为什么修改了配置文件却没有生效？

需要重启对应的组件，配置才会生效。

### 如何单独记录慢查询日志？

在配置文件里设置慢查询日志的路径。

## 支持在公有云上部署吗？

支持在以下云上部署：

- [Google Cloud GKE](https://example.com/gke)
- [AWS EKS](https://example.com/eks)
- [Azure AKS](https://example.com/aks)

此外，也已在其他几家国内云上线。
"""


def test_a_last_question_answered_around_a_list_of_links_is_a_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "faq.md", LINKS_ANSWER)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]
    assert "AWS EKS" in page_block(pages[-1], "answer")



def test_a_last_question_answered_around_links_in_indented_sentences_is_a_question(tmp_path: Path) -> None:
    # the same answer written with a hard line break (two trailing spaces) and indented sentences
    text = LINKS_ANSWER.replace("此外，也已在其他几家国内云上线。", "  此外，也已在其他几家国内云上线。  ")
    r, pages = import_document(tmp_path, "faq.md", text)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]
    assert "AWS EKS" in page_block(pages[-1], "answer")

QUOTED_NUMBERED = """# 每日一题

## 今日面试题

第 5 题：实现一个 debounce 函数

解析：[第 5 题](https://example.com/issues/5)

## 最近汇总

第 4 题：实现一个 throttle 函数

解析：[第 4 题](https://example.com/issues/4)

2019-12-31

> 第 3 题：二分查找如何定位左边界和右边界
>
> 不使用数组 API，查找有序数列最先出现和最后出现的位置

解析：[第 3 题](https://example.com/issues/3)

2019-11-25

> 第 2 题：用最简洁的代码实现 indexOf 方法

解析：[第 2 题](https://example.com/issues/2)

2019-11-21

> 第 1 题：Vue 的 computed 和 watch 有什么区别？

解析：[第 1 题](https://example.com/issues/1)
"""


def test_quoted_numbered_questions_go_on_with_the_paragraphs(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "daily.md", QUOTED_NUMBERED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]
    third = page_block(pages[2], "question")
    assert "二分查找" in third and "不使用数组 API" in third  # the quote's other lines state the question
    assert "indexOf" not in page_block(pages[1], "answer") + page_block(pages[1], "explanation")


RHETORICAL = """# 简介

这是一个用于构建用户界面的框架。

## 什么是 Vue？

Vue 是一款用于构建用户界面的 JavaScript 框架。它基于标准 HTML、CSS 和 JavaScript 构建，
并提供了一套声明式的、组件化的编程模型。

## 渐进式框架

Vue 是一个框架，也是一个生态。其功能覆盖了大部分前端开发常见的需求。

## 单文件组件

在大多数启用了构建工具的项目中，我们可以使用一种类似 HTML 格式的文件来书写组件。

## 还有其他问题？

请查看我们的常见问题页面。

## 选择你的学习路径

不同的开发者有不同的学习方式。
"""


RHETORICAL_EN = """# Getting started

This guide walks through the first steps with the tool.

## What is Taskly?

Taskly is a small command that keeps your to-do list in a plain text file, one task a line.

## Installing

Download the binary for your platform and put it on your PATH.

## Configuring

Write a config file in your home folder with the path of the list.

## Still have questions?

Ask on the forum, we answer within a day.

## Next steps

Read the reference for every command.
"""


@pytest.mark.parametrize("text", [RHETORICAL, RHETORICAL_EN], ids=["zh", "en"])
def test_a_tutorial_with_an_intro_and_an_outro_question_is_no_qa(tmp_path: Path, text: str) -> None:
    r, pages = import_document(tmp_path, "intro.md", text)
    assert pages == [], [p.name for p in pages]
    assert r.returncode == 1, r.stdout + r.stderr


TOPIC_OVER_QUESTIONS = """# 组合式 API 常见问答

## 什么是组合式 API？

组合式 API 是一系列 API 的集合，让我们可以用函数的方式书写组件。它包括响应式 API、生命周期钩子和依赖注入。

```js
const count = ref(0)
function increment() { count.value++ }
onMounted(() => console.log(`初始值为 ${count.value}`))
```

虽然这套 API 的风格是基于函数的组合，但组合式 API 并不是函数式编程。

## 为什么要有组合式 API？

### 更好的逻辑复用

组合式 API 最基本的优势是它使我们能够通过组合函数来实现更加简洁高效的逻辑复用。

### 更灵活的代码组织

同一个逻辑关注点相关的代码被归为了一组。

## 与选项式 API 的关系

### 取舍

选项式 API 确实在一定程度上提供了规范；组合式 API 则更自由。

### 组合式 API 是否覆盖了所有场景？

是的，有状态的逻辑都能用组合式 API 写出来。

### 选项式 API 会被废弃吗？

不会，我们没有这样的计划。

## 与 Class API 的关系

我们不再推荐在 Vue 3 中使用 Class API，因为组合式 API 为逻辑复用和代码组织提供了更好的方案。

## 和 React Hooks 的对比

组合式 API 提供了和 React Hooks 相同级别的逻辑组织能力，但它们之间有着一些重要的区别。
React Hooks 在组件每次更新时都会重新调用，组合式 API 的 setup() 只调用一次。
"""


def test_questions_written_under_a_topic_heading_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "faq.md", TOPIC_OVER_QUESTIONS)
    assert r.returncode == 0, r.stdout + r.stderr
    titles = [p.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0] for p in pages]
    # the topic keeps its own answer (取舍); its two question sub-headings are questions; the
    # reasons under the question '为什么要有组合式 API？' stay its answer's outline
    assert titles == ["什么是组合式 API？", "为什么要有组合式 API？", "与选项式 API 的关系", "组合式 API 是否覆盖了所有场景？",
                      "选项式 API 会被废弃吗？", "与 Class API 的关系", "和 React Hooks 的对比"], titles
    assert "更灵活的代码组织" in page_block(pages[1], "answer")


NUMBERED_CHAPTER = """# 第十章 强化学习

## 10.1 强化学习的主要特点？

强化学习是在尝试的过程中学习在特定情境下选择哪种行动可以得到最大的回报。

### 10.1.1 定义

强化学习是智能体以试错的方式进行学习，通过与环境交互获得的奖赏指导行为。

## 10.2 强化学习应用实例

游戏、机器人控制、推荐系统和自动驾驶都用到了强化学习。

## 10.3 强化学习和监督式学习的区别

监督式学习有标注好的数据，强化学习只有奖励信号。

### 10.3.1 训练数据的区别：

监督式学习的样本彼此独立，强化学习的样本前后相关。

### 10.3.2 反馈的区别：

强化学习的奖励可能延迟很久才到来。

## 10.4 强化学习主要有哪些算法？

蒙特卡罗方法、时间差分学习和策略梯度等。

## 10.5 深度迁移强化学习算法

迁移学习和强化学习的结合是深度强化学习的一种主要思路。

## 10.6 分层深度强化学习算法

分层强化学习将最终目标分解为多个子任务来学习层次化的策略。

## 10.7 深度记忆强化学习算法

在模型中加入外部的记忆网络部件和反馈控制机制。

## 10.8 强化学习开源框架

TensorFlow Agents、Roboschool 和 Coach 都是常用的框架。
"""


def test_a_numbered_sequence_is_the_questions_and_its_sub_numbers_their_parts(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ch10.md", NUMBERED_CHAPTER)
    assert r.returncode == 0, r.stdout + r.stderr
    titles = [p.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0] for p in pages]
    # 10.1 … 10.8, the topic-named ones between and after the asking ones too
    assert titles[1:3] == ["强化学习应用实例", "强化学习和监督式学习的区别"] and len(pages) == 8, titles
    assert "定义" in page_block(pages[0], "answer")  # '10.1.1' is a part of 10.1's answer
    assert "反馈的区别" in page_block(pages[2], "answer")
