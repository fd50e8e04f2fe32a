"""Statements to judge written as a task list under a true/false heading, the box the author's
verdict ('## 判断' over '- [x] 知识产权包括…', '- [ ] 计算机网络中…'), read beside the bank's other
questions (issue 14 item 1, set 8): each statement is a question, its answer the verdict (ticked:
正确/True, unticked: 错误/False) and the note under it. The same statements again after a '---', boxes
left empty for practice, are a copy: not counted twice. A to-do list under another heading stays text.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

BANK = """# 题库

## 单项选择

1.   下列中断不属于外中断的是 C。
     1.   A、磁盘操作引起的中断
     2.   B、键盘操作引起的中断
     3.   **C、除数为零引起的中断**

2.   计算机由五部分构成，其中 C 和运算器组成中央处理器。
     1.   A、存储器
     2.   B、寄存器
     3.   **C、控制器**

3.   按存储介质的材料来分类，磁带存储器属于 C。
     1.   A、半导体存储器
     2.   B、主存储器
     3.   **C、磁表面存储器**

4.   在典型的层次化存储系统中，B 一般位于中央处理机内。
     1.   A、高速缓存、主存储器
     2.   **B、寄存器、高速缓存**
     3.   C、寄存器、主存储器

5.   计算机系统是一个软、硬件结合的复杂的多层次系统，A 实现其功能。
     1.   **A、外层依赖内层**
     2.   B、内层依赖外层
     3.   C、各层独立

6.   遵纪守法指的是要遵守职业纪律和与职业相关的 C。
     1.   A、刑法、民法
     2.   B、保密法
     3.   **C、法律、法规、商业道德**

## 待办

-   [x] 整理第一章
-   [ ] 整理第二章
-   [ ] 整理第三章

## 判断

-   [x] 知识产权包括著作权和工业产权两部分。
-   [ ] 计算机网络中，每台计算机是相互依赖的。

>   计算机网络中的计算机是相互独立的。

-   [ ] **指令系统**属于计算机软件的范畴。

---

-   [ ] 知识产权包括著作权和工业产权两部分。
-   [ ] 计算机网络中，每台计算机是相互依赖的。
-   [ ] 指令系统属于计算机软件的范畴。
"""


def test_task_list_statements_under_a_true_false_heading(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "bank.md", BANK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 9, [p.name for p in pages]  # 6 choices + 3 statements, the copy and the to-do list not
    assert page_block(pages[6], "question") == "知识产权包括著作权和工业产权两部分。"
    assert page_block(pages[6], "answer") == "正确"
    second = page_block(pages[7], "answer")
    assert second.startswith("错误") and "相互独立" in second  # the verdict, then the note under it
    assert page_block(pages[8], "answer") == "错误"
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "整理第一章" in chapter and "-   [ ] 知识产权包括著作权和工业产权两部分。" in chapter  # the copy stays there
