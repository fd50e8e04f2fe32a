"""Documents that only look like questions (set 11's negatives, issue 14): each must import as
no questions. Each test failed before this round.

- A generated README: its sections ('## Description', '## Installation', '## License', …), two of
  ten asking ('## How to Contribute', '## Questions?'), under opening lines that mention questions
  only as a guide for the author ('Use the following questions as a guide:'). The opening prose
  names no Q&A as a title does: the sections stay sections.
- An essay whose title asks rhetorically after a column word and a colon ('# 杂谈：我们为什么需要读书学习',
  no question mark), over a poem, prose and a reading list. '面试官：…？' titles one question with
  its mark; a column's word before a rhetorical title does not.
"""

from __future__ import annotations

from qabook.importer import plan_import

README = """# title
## Description

Provide a short description of your project. Use the following questions as a guide:

- What was my motivation? to learn
- Why did I build this project? for fun
- What problem does it solve? none

## Installation

What are the steps required to install your project? Run the installer.

## Usage

Provide instructions and examples for use.

## Credits

List your collaborators.

## License

No license.

## Features

It has a few features.

## How to Contribute

Open a pull request.

## Tests

Run the tests with the test runner.

## Questions?
If you have any questions, email me.
"""

ESSAY = """# 随笔：我们为什么需要读书学习

> 要说这世界有多少本书
> 仿佛这世间来过多少个人就有多少本书

## 浅谈

人类还不具备直接下载知识技能到大脑的能力。

一切知识技能都需要通过缓慢而长期地学习和训练获得。

## 扩展阅读

- 读书节目
  - [2020 世界读书日 节目](https://example.org/a)
  - [读书到底有什么用呢？](https://example.org/b)
  - [我们为什么要读书？](https://example.org/c)
- 短篇小说
  - [乡村教师 - 刘慈欣](https://example.org/d)
"""

ASKED = """# 面试官：说说 new 操作符具体干了什么？

new 操作符创建一个对象，把它的原型指向构造函数的 prototype，再执行构造函数。

## 流程

先创建空对象，再绑定原型，最后返回对象。
"""


def test_readme_sections_under_a_guide_sentence_are_no_questions() -> None:
    assert plan_import(README, "README.md", chapter="c").question_count == 0


def test_an_essay_titled_by_a_column_word_and_a_rhetorical_question_is_no_question() -> None:
    assert plan_import(ESSAY, "essay.md", chapter="c").question_count == 0


def test_an_interviewer_asking_with_its_mark_is_still_one_question() -> None:
    assert plan_import(ASKED, "new.md", chapter="c").question_count == 1
