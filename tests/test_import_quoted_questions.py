"""Questions quoted under the line they ask about (issue 14, set 13): an interview-preparation
article lists a résumé's lines, and under each the questions it may bring, as a blockquote whose
paragraphs open `问题1：`, `问题2：` … (`quoted.py`); then lists of questions led into by a line that
names them ('**技术要点**部分可能产生的问题：'). Before, the document was refused as "prompts, not a
bank": the quote was one block, nested inside its list item, and the lists had no heading naming
questions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

from qabook.importer import plan_import

RESUME = """## 面试准备

### 专业技能

简历里的每句话在面试时都可能产生问题。

1. 熟练使用 Python 进行开发，熟悉常用设计模式。

   > 问题1：你所指的良好的编程习惯是什么。
   >
   > 问题2：你在项目中用到过哪些设计模式？

2. 能够使用 NumPy 完成科学运算。

3. 熟悉 MySQL 和 Redis。

   > 问题1：你知道哪些和 MySQL 优化相关的知识？
   >
   > 问题2：Redis 实现消息队列的原理是什么？
   >
   > 问题3：有没有遇到过缓存雪崩？

### 项目经验

**项目职责**部分可能产生的问题：

1. 每个迭代周期是多长？
2. 一共写了多少个接口？

**技术要点**部分可能产生的问题：

1. 用户令牌是如何生成的？
2. 如何发现性能瓶颈？
"""

TALK = """# Preparing for the system design round

Each line of your résumé can bring questions. Two of them:

> Question 1: How would you shard the users table?
>
> Question 2: What happens when the cache node fails?

Practise them aloud.

> Question 1: Why did you pick Kafka over RabbitMQ?
>
> Question 2: How do you replay a topic after a bug?
"""

QUOTED_ANSWER = """# 面试记录

> 问题1：什么是 GIL？
>
> 答：CPython 的全局解释器锁，同一时刻只有一个线程执行字节码。

> 问题2：什么是协程？
>
> 答：用户态的轻量线程，由程序自己切换。
"""

LED_IN_ONLY = """# 周报

本周的工作总结如下。

**下周**可能产生的问题：

1. 接口什么时候联调？
2. 测试环境谁来维护？
"""


def test_quoted_questions_under_resume_lines_and_lists_led_in_as_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "resume.md", RESUME)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [page_block(p, "question") for p in pages] == [
        "你所指的良好的编程习惯是什么。", "你在项目中用到过哪些设计模式？",
        "你知道哪些和 MySQL 优化相关的知识？", "Redis 实现消息队列的原理是什么？", "有没有遇到过缓存雪崩？",
        "每个迭代周期是多长？", "一共写了多少个接口？",
        "用户令牌是如何生成的？", "如何发现性能瓶颈？"]
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    # the résumé's lines, the one with no question under it too, stay on the chapter page, not in an answer
    assert "熟练使用 Python" in chapter and "能够使用 NumPy" in chapter and "熟悉 MySQL" in chapter
    assert all("NumPy" not in p.read_text(encoding="utf-8") for p in pages)
    # each résumé line's questions, and each list after its lead-in, number from 1 again: no warning
    assert "QI002" not in r.stdout + r.stderr and "QI009" not in r.stdout + r.stderr
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_top_level_quotes_of_numbered_question_labels() -> None:
    plan = plan_import(TALK, "talk.md", chapter="c")
    assert [p.title for p in plan.pages[1:]] == [
        "How would you shard the users table?", "What happens when the cache node fails?",
        "Why did you pick Kafka over RabbitMQ?", "How do you replay a topic after a bug?"]


def test_a_quoted_question_with_its_answer_is_not_split() -> None:
    plan = plan_import(QUOTED_ANSWER, "gil.md", chapter="c")
    assert plan.question_count == 2
    assert "全局解释器锁" in plan.pages[1].text and "用户态" in plan.pages[2].text


def test_lists_led_in_as_questions_with_no_other_question_stay_prompts() -> None:
    plan = plan_import(LED_IN_ONLY, "weekly.md", chapter="c")
    assert plan.question_count == 0  # a note's open points: the lead-in alone does not make a bank


def test_quotes_indented_under_two_digit_items_lose_their_marks() -> None:
    text = ("# 面试准备\n\n9. 熟悉 Git。\n\n    > 问题1：你们用哪种分支策略？\n    >\n    > 问题2：如何回滚一次发布？\n\n"
            "10. 熟悉 Docker。\n\n    > 问题1：如何写 Dockerfile？\n    >\n    > 问题2：镜像为什么要分层？\n")
    plan = plan_import(text, "ops.md", chapter="c")
    assert [p.title for p in plan.pages[1:]] == ["你们用哪种分支策略？", "如何回滚一次发布？", "如何写 Dockerfile？", "镜像为什么要分层？"]
    assert all(">" not in p.text.split("/// question", 1)[1] for p in plan.pages[1:])
    assert "10. 熟悉 Docker。" in plan.pages[0].text


def test_one_quoted_question_under_an_item_among_others() -> None:
    text = ("# 简历解读\n\n1. 熟悉 Git。\n\n   > 问题1：你们用哪种分支策略？\n   >\n   > 问题2：如何回滚？\n   >\n"
            "   > 问题3：rebase 和 merge 有什么区别？\n\n"
            "2. 熟悉 Docker。\n\n   > 问题1：如何写 Dockerfile？\n\n"
            "3. 熟悉 Redis。\n\n   > 问题1：缓存雪崩是什么？\n   >\n   > 问题2：如何预热缓存？\n   >\n"
            "   > 问题3：Redis 如何持久化？\n\n"
            "4. 熟悉 Linux。\n\n   > 问题1：如何查看端口占用？\n   >\n   > 问题2：如何查找大文件？\n")
    plan = plan_import(text, "cv.md", chapter="c")
    assert [p.title for p in plan.pages[1:]] == [
        "你们用哪种分支策略？", "如何回滚？", "rebase 和 merge 有什么区别？", "如何写 Dockerfile？",
        "缓存雪崩是什么？", "如何预热缓存？", "Redis 如何持久化？", "如何查看端口占用？", "如何查找大文件？"]


def test_quoted_questions_wrapped_in_nested_quote_marks_are_each_a_question(tmp_path: Path) -> None:
    # '>> 问题4：…<<' a paragraph each (a Katacoda-style wrapper): three questions, not the first with
    # the next two as its answer (review31: each paragraph's number is read as its quote's will be)
    text = ("# 面试记录\n\n>> 问题4：什么是 GIL？<<\n>>\n>> 问题5：什么是协程？<<\n>>\n"
            ">> 问题6：什么是闭包？<<\n")
    r, pages = import_document(tmp_path, "wrapped.md", text)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [page_block(p, "question") for p in pages] == ["什么是 GIL？", "什么是协程？", "什么是闭包？"]
    assert all("<<" not in p.read_text(encoding="utf-8") for p in pages)
