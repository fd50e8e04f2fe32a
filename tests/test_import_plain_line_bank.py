"""Questions written with no markup at all (issue 14, round 13): each a line of its own ending in
'?', its answer in the paragraphs under it — or indented under it with a tab, glued to it. Both
were refused ('no questions found'): a paragraph that asks was a question only under a label or a
title that names the questions. A bank that is nothing else — no heading at all, each question
alone with a blank line above it, their units most of the document and short — is read as one (`template.plain_bank`,
`indented.py`); an article's rhetorical questions among its sections stay refused.
"""

from __future__ import annotations

from conftest import block
from qabook.importer import plan_import

PLAIN = """Networking review

What is a socket?

An endpoint for sending and receiving data.
It has an address and a port.

Why does TCP need a handshake?

To agree on initial sequence numbers.

What does DNS do?

It turns names into addresses.
"""


def test_plain_question_lines_with_answers_under_them_are_a_bank() -> None:
    plan = plan_import(PLAIN, "net.md", chapter="c")
    assert plan.question_count == 3  # before: refused
    assert block(plan.pages[1].text, "question") == "What is a socket?"
    assert block(plan.pages[1].text, "answer") == "An endpoint for sending and receiving data.\nIt has an address and a port."
    assert "Networking review" in plan.pages[0].text


TABBED = "Java 面试复习\n\n什么是JVM？\n\tJVM 是 Java 虚拟机。\n\t它执行字节码。\n\n什么是GC？\n\t垃圾回收，自动释放内存。\n\n" \
         "什么是类加载？\n\t把 class 文件读入内存。\n"


def test_answers_indented_under_their_question_line_are_answers_written_flush() -> None:
    """The tab-indented lines continue the question's paragraph in Markdown (shown as text): they
    are its answer, written at the line start so that the page shows text, not a code block."""
    plan = plan_import(TABBED, "java.md", chapter="c")
    assert plan.question_count == 3  # before: refused
    first = plan.pages[1].text
    assert block(first, "question") == "什么是JVM？"
    assert block(first, "answer") == "JVM 是 Java 虚拟机。\n它执行字节码。"
    assert "\t" not in first


ARTICLE = """# Why we moved to Postgres

We ran MySQL for six years. This is the story of the move.

## The trigger

Why now?

Our largest table had outgrown what our replicas could follow, and the team spent a day a week on it.

## What we tried

Could we shard?

We tried, and the application code grew a second data layer we did not want.

## The move

Was it worth it?

Yes: the replica lag is gone and the on-call load halved.
"""


def test_an_articles_rhetorical_questions_among_its_sections_stay_refused() -> None:
    plan = plan_import(ARTICLE, "blog.md", chapter="c")
    assert plan.question_count == 0
