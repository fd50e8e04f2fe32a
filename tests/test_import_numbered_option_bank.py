"""An exam bank written as one numbered list per range heading ('### 1-3' over '1.' – '3.', '### 4-6'
…), each stem a statement with its answer letter filled in, over its choices written as a nested
numbered list ('1.   A、…'), the right one in bold, letter and all ('4.   **D、…**'), maybe an
explanation after them (issue 14 item 1, set 8). Each item is one question, its choices in the
question (shown alike), the bold one its answer; the range headings are group headings, no questions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

BANK = """# 题库

## 单项选择

### 1-3

1.   计算机系统是一个软、硬件结合的复杂的多层次系统，在外三层软件中，A 实现其功能。
     1.   **A、外层依赖内层**
     2.   B、内层依赖外层
     3.   C、内外层互相依赖
     4.   D、各层独立

2.   当运算结果超过了定点数表示范围时，则产生 C。

     1.   A、进位
     2.   B、移位
     3.   **C、溢出**
     4.   D、舍弃

     ```
     解析：溢出是指计算结果超出了所能表示的范围。
     ```

3.   在典型的层次化存储系统中，B 一般位于中央处理机内。
     1.   A、高速缓存、主存储器
     2.   **B、寄存器、高速缓存**
     3.   C、寄存器、主存储器
     4.   D、主存储器、辅助存储器

### 4-6

4.   按存储介质的材料来分类，磁带存储器属于 C。
     1.   A、半导体存储器
     2.   B、主存储器
     3.   **C、磁表面存储器**
     4.   D、光存储器

5.   计算机由五部分构成，其中 C 和运算器组成中央处理器。
     1.   A、存储器
     2.   B、寄存器
     3.   **C、控制器**
     4.   D、加法器

6.   下列中断不属于外中断的是 C。
     1.   A、磁盘操作引起的中断
     2.   B、键盘操作引起的中断
     3.   **C、除数为零引起的中断**
     4.   D、打印机引起的中断
"""


def test_numbered_items_over_numbered_choices_one_in_bold(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "bank.md", BANK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 6, [p.name for p in pages]  # no page for '### 1-3' or '### 4-6'
    question = page_block(pages[0], "question")
    assert "1.   A、外层依赖内层" in question and "**" not in question  # the choices shown alike
    assert page_block(pages[0], "answer") == "A、外层依赖内层"
    assert page_block(pages[1], "answer").startswith("C、溢出")
    assert "解析：溢出" in page_block(pages[1], "answer")  # the explanation follows the marked choice
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "1-3" in chapter and "4-6" in chapter  # the range headings group the questions on the chapter page
