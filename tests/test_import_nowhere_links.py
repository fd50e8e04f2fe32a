"""Questions written inside links that lead nowhere (set 11, issue 14): an interview bank lists
its questions as paragraphs `[[0.数据库范式有哪些？]]()` — a link with an empty target whose words
keep a wiki link's brackets — numbered from 0 and again from 0 in each section. The reader sees
numbered questions and nothing to follow; the importer saw links. The same words as links to real
pages are a list of links (read by their own rules, not changed here). Each test failed before
this round.
"""

from __future__ import annotations

from qabook.importer import plan_import
from qabook.importer.shapes import nowhere_link_words
from conftest import block

BANK = """# 数据库面试题

整理了常见的数据库面试题。

## Mysql 面试题

[[0.数据库范式有哪些？分别对应什么场景？]]()

[[1.什么是内联接、外连接、交叉连接]]()

[[2.varchar和char的区别]]()

[[3.视图是什么？为什么需要视图？]]()

## Oracle 面试题

[[0.如何删除表中的一条重复数据]]()

[[1.oracle分析函数有哪些？]]()

[[2.数据库出现死锁，怎么解决？]]()
"""


def test_numbered_questions_in_links_to_nowhere_are_questions() -> None:
    plan = plan_import(BANK, "bank.md", chapter="c")
    assert plan.question_count == 7, plan.explanation
    first = plan.pages[1].text
    assert "# 数据库范式有哪些？分别对应什么场景？" in first
    assert "数据库范式有哪些" in block(first, "question")
    assert "]]()" not in first  # the reader's words, not the dead link


def test_a_link_to_nowhere_reads_as_its_words_and_a_real_link_stays() -> None:
    assert nowhere_link_words("[[0.数据库范式有哪些？]]()") == "0.数据库范式有哪些？"
    assert nowhere_link_words("**[3. What is a view?]()**") == "**3. What is a view?**"
    assert nowhere_link_words("[3. What is a view?](views.md)") == "[3. What is a view?](views.md)"
    assert nowhere_link_words("[[a]]() and more") == "[[a]]() and more"
