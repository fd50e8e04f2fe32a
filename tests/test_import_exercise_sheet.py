"""An exercise sheet (issue 14 item 1): its title names exercises ('# 习题', '# Exercises'), and its
tasks are numbered paragraphs, one by one, most of them setting a task or asking, none answered.
A person reads each as one exercise; the same numbered paragraphs under a title that names no
exercises are an article's steps.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

SHEET = """# 第五章 习题

1．编写一个类 Account，表示银行账户，包括存款、取款和查询余额的方法。

2.声明一个接口 Shape，包含求面积的方法，并用 Circle 和 Square 实现它。

3.多态与重载有何不同？请举例说明。

4.用两个线程交替打印 1 到 100 的数字。

    Thread a = new Thread(...);

5.统计一个文本文件中每个单词出现的次数，按次数从多到少输出。
"""

STEPS = """# 搭建开发环境

1．下载 JDK 安装包。

2.运行安装程序，选择安装目录。

3.配置环境变量 JAVA_HOME 与 PATH。

4.打开终端检查 java -version 的输出。

5.安装 IDE 并新建项目。
"""


def test_numbered_tasks_under_a_title_that_names_exercises_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "习题.md", SHEET)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5
    assert "多态与重载" in page_block(pages[2], "question")


def test_numbered_steps_under_another_title_stay_an_article(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "环境.md", STEPS)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
