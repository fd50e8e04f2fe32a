"""A lesson's notes that hold a quiz (trial 9, issue 14): a self-check whose items offer choices written
`A: …` / `B: …` (or `A：` over code) above a `<details>` answer, then the lesson, whose numbered lists
ask a few questions and go on with steps ('5. 接下来讲解 axios 语法' over the lesson's code). A person
sees choices A and B in the question and the `<details>` as the answer; and sees the steps as the
lesson, as a list of steps that asks nowhere is. Each test failed before the fix: 'A:' was read as the
answer label (the choices went into the hidden answer, the letter dropped, a lone 'A：' vanished), and
the steps became questions with the lesson's code as their answers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import import_document, page_block

QUIZ = """# 入门

## 知识点自测

1. 如下对象取值的方式哪个正确?

   ```js
   let obj = { name: '黑马' }
   ```

   A: obj.a

   B: obj()a

   <details>
   <summary>答案</summary>
   <ul>
   <li>A选项正确</li>
   </ul>
   </details>

2. 以下哪套代码可以实现对象属性的简写？

   A：

   ```js
   let obj = { username: username }
   ```

   B：

   ```js
   let obj = { username: user }
   ```

   <details>
   <summary>答案</summary>
   <ul>
   <li>答案是A</li>
   </ul>
   </details>

3. 数组转字符串并指定拼接符的是哪个?

   A：arr.join()

   B：arr.split()

   <details>
   <summary>答案</summary>
   <ul>
   <li>答案是A</li>
   </ul>
   </details>
"""


def test_letter_lines_a_b_are_choices_in_the_question_and_the_details_is_the_answer(tmp_path: Path) -> None:
    run, pages = import_document(tmp_path, "day01.md", QUIZ)
    assert run.returncode == 0 and len(pages) == 3, run.stdout + run.stderr
    for page in pages:
        question, answer = page_block(page, "question"), page_block(page, "answer")
        assert ("A: obj.a" in question or "A：" in question) and ("B: obj()a" in question or "B：" in question), question
        assert "答案" not in question and "<summary>" not in answer and "B" not in answer.replace("答案是", ""), answer
        assert "<li>" in answer, answer
    assert "A：arr.join()" in page_block(pages[2], "question")


def test_a_person_who_means_a_as_the_answer_label_still_gets_it(tmp_path: Path) -> None:
    faq = "## FAQ\n\n### 1. What is DNS?\n\nA: the internet's phone book.\n\n### 2. What is a port?\n\nA: a number.\n"
    run, pages = import_document(tmp_path, "faq.md", faq)
    assert len(pages) == 2 and page_block(pages[0], "answer") == "the internet's phone book.", run.stdout


LESSON = """# Lesson 1

### 讲解

1. 什么是 AJAX ?

   * 使用浏览器的 XMLHttpRequest 对象与服务器通信

2. 什么是服务器？

   * 可以暂时理解为提供数据的一台电脑

3. 为何学 AJAX ?

   * 现在我们的数据可以从服务器上进行获取

4. 接下来讲解 axios 语法

   ```js
   axios({ url: '目标资源地址' }).then((result) => {})
   ```

### 讲解 2

1. 什么是 URL ？

   * 统一资源定位符

2. URL 的组成?

   * 协议，域名，资源路径

3. 为什么要认识 URL ?

   * 为了和服务器有效沟通

4. 接下来做个需求，访问新闻列表的 URL 网址，打印新闻数据

   ```js
   axios({ url: 'http://hmajax.itheima.net/api/news' })
   ```
"""


def test_steps_after_a_lists_questions_are_the_lesson_and_said(tmp_path: Path) -> None:
    run, pages = import_document(tmp_path, "lesson.md", LESSON)
    said = run.stdout + run.stderr
    assert len(pages) == 6, said
    titles = [p.read_text(encoding="utf-8") for p in pages]
    assert not any("接下来" in t for t in titles), "a step became a question or went into an answer"
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "4. 接下来讲解 axios 语法" in chapter and "axios({ url: 'http://hmajax" in chapter, chapter
    assert "lesson.md:17:1: QI033 the list's last item is read as chapter text" in said, said


def test_a_link_in_a_question_line_is_its_words_in_the_chapter_pages_topic_link(tmp_path: Path) -> None:
    run, pages = import_document(tmp_path, "lesson.md", LESSON.replace(
        "1. 什么是 AJAX ?", "1. 什么是 AJAX ? [mdn](https://developer.mozilla.org/zh-CN/docs/Web/Guide/AJAX)"))
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    topic = next(line for line in chapter.splitlines() if "什么是 AJAX" in line)
    assert topic.startswith("- [什么是 AJAX ? mdn](") and "mozilla" not in topic and "\\[" not in topic, topic


SECTIONS = """# 第一天

## 一、概念

### 小结

1. AJAX 有什么用？

   <details>
   <summary>答案</summary>
   浏览器和服务器之间通信
   </details>

2. AJAX 如何学？

   <details>
   <summary>答案</summary>
   先掌握 axios 库使用
   </details>

## 二、URL

### 小结

1. URL 是什么？

   <details>
   <summary>答案</summary>
   统一资源定位符
   </details>

2. URL 由哪几部分组成？

   <details>
   <summary>答案</summary>
   协议，域名，资源路径
   </details>

2. URL 的作用？

   <details>
   <summary>答案</summary>
   定位资源
   </details>
"""


def test_numbering_that_starts_again_in_each_section_is_normal_and_not_warned(tmp_path: Path) -> None:
    run, pages = import_document(tmp_path, "day.md", SECTIONS)
    said = run.stdout + run.stderr
    assert len(pages) == 5, said
    assert "QI009" not in said and "number 1 is used twice" not in said, said
    # a number written twice within one section is still said
    assert "day.md:39:1: QI002 question number 2 is used twice (first at line 32)" in said, said



HEADING_IN_AN_ANSWER = """# Bank

### 1. What is a process?

A program running.

### 2. What is a thread?

A path of execution inside a process.

#### Summary

Threads share their process's memory.

### 2. What is a coroutine?

A function that can pause.
"""


def test_a_heading_inside_an_answer_starts_no_section(tmp_path: Path) -> None:
    """'#### Summary' inside question 2's answer is part of that answer, not a new section: a
    number written twice around it is still said (review: it had silenced QI002)."""
    run, pages = import_document(tmp_path, "bank.md", HEADING_IN_AN_ANSWER)
    said = run.stdout + run.stderr
    assert len(pages) == 3, said
    assert "bank.md:15:1: QI002 question number 2 is used twice (first at line 7)" in said, said

CHM = """# ConcurrentHashMap

### Q1：为什么 key/value 不能为 null？

A：并发场景下无法区分不存在与值为 null。

### Q2：扩容时还能读写吗？

A：可以，ForwardingNode 保证读走新表。

### Q3：size 怎么算？

A：baseCount 加上各个 CounterCell。
"""


def test_the_preview_says_where_questions_start_in_the_documents_language_without_jargon(tmp_path: Path) -> None:
    from conftest import qabook

    source = tmp_path / "chm.md"
    source.write_text(CHM, encoding="utf-8")
    run = qabook("import", str(source), "--preview", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "chm.preview.html").read_text(encoding="utf-8")
    head = page[page.index('<div class="how">'):page.index("</header>")]
    assert "第 3 级标题" in head and "Q1：" in head and "第 3 行" in head, head
    assert not any(w in head for w in ("wordN", "level-3", "template score", "runner-up", "numbered")), head
    said = qabook("import", str(source), "--explain", "--dry-run", cwd=tmp_path).stdout
    assert said.splitlines()[0].endswith("每道题从第 3 级标题（「### …」）开始，写法如「Q1：…」；第一道在第 3 行：「为什么 key/value 不能为 null？」。")


@pytest.mark.parametrize("first, then, mark", [
    # a link in the question line (trial9's `1. 什么是 AJAX ? [mdn](https://…)`): its title reads 'mdn'
    ("1. 什么是 AJAX ? [mdn](https://developer.mozilla.org/zh-CN/docs/Glossary/AJAX)\n\n   答案 1。",
     "{n}. 第 {n} 题问什么？\n\n   答案 {n}。", "1."),
    # bold words in the question: the title reads them plain
    ("1. 什么是 **MVC** 模式？\n\n   答案 1。", "{n}. 第 {n} 题问什么？\n\n   答案 {n}。", "1."),
    # the title's words repeat the mark's
    ("### Q1：`Q1` 是什么？\n\nA：答案 1。", "### Q{n}：第 {n} 题问什么？\n\nA：答案 {n}。", "Q1："),
    ("### 题目 1：题目 1 为什么错了？\n\n答案：答案 1。", "### 题目 {n}：第 {n} 题问什么？\n\n答案：答案 {n}。", "题目 1："),
])
def test_explain_says_how_the_first_question_line_is_written(tmp_path: Path, first: str, then: str, mark: str) -> None:
    """`--explain`'s first line says how a question line is written before its words, from where
    the importer found those words, even when the line's text is not the title's (a link) or the
    title repeats the mark."""
    from conftest import qabook

    source = tmp_path / "quiz.md"
    source.write_text("# 小测\n\n" + "\n\n".join([first, then.format(n=2), then.format(n=3)]) + "\n", encoding="utf-8")
    said = qabook("import", str(source), "--explain", "--dry-run", cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    line = said.stdout.splitlines()[0]
    assert f"写法如「{mark}…」" in line, said.stdout[:600]
