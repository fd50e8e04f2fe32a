"""An interview note kept in a hurry (measure10 zh/09): `##` headings, most asking with `？`, some
written the way interviewers name a point (`## 平滑重启的原理`, `## 线程的优点：`), several not
answered yet; and, between them, a question written as a plain paragraph with its answer under
`答：`, and one at the end. A person sees every heading as an item — a heading that names a point
of a subject is asked as much as one ending in `？`, first in the note or right after a short
answer — and the plain `…？` line over `答：` as one more question, so the note's last `…？`
paragraph after an answer too.
"""

from __future__ import annotations

from qabook.importer import plan_import

NOTE = """操作系统笔记

## 平滑重启的原理

```
kill -USR2 `cat /run/php-fpm.pid`
```

## 用户态和核心态有什么区别？

## 什么是进程？

系统进行资源分配和调度的一个独立单位。

## 线程的优点：

易于调度

开销比进程小

## 线程间通信的方式？

锁机制

信号量机制

协程和线程有什么区别？

答：协程的调度在用户态，切换成本低；线程的调度要进入内核态。

## 进程和线程的区别？

## 操作系统由哪些部分组成？

## 操作系统的换页方法？

## Cache 替换算法有哪些？

FIFO 算法

LRU 算法

## 操作系统的内存管理有哪几种方式？

1、块式管理

2、页式管理



压力测试的工具有哪些？

ab

sysbench
"""


def _titles(text: str) -> list[str]:
    return [p.title for p in plan_import(text, "os.md", chapter="c").pages[1:]]


def test_a_heading_naming_a_point_first_in_the_note_is_an_item() -> None:
    titles = _titles(NOTE)
    assert titles[0] == "平滑重启的原理", titles


def test_a_heading_naming_a_point_after_a_short_answer_is_no_lead_in() -> None:
    titles = _titles(NOTE)
    assert any(t.startswith("线程的优点") for t in titles), titles


def test_a_paragraph_that_asks_over_an_answer_label_is_one_more_question() -> None:
    titles = _titles(NOTE)
    assert "协程和线程有什么区别？" in titles, titles
    assert len(titles) == 12, titles


def test_then_its_other_paragraphs_that_ask_after_an_answer_are_questions_too() -> None:
    """The note writes a question as a plain paragraph (over `答：`): its last `…？` paragraph,
    after the last heading's answer and answered under it, is one more; in a note that never does,
    a paragraph asking inside an answer is that answer's text."""
    titles = _titles(NOTE)
    assert titles[-1] == "压力测试的工具有哪些？", titles
    unlabelled = _titles(NOTE.replace("答：协程", "协程"))
    assert "压力测试的工具有哪些？" not in unlabelled, unlabelled
