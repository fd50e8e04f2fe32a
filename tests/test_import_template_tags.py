"""Collapsible blocks written as a template engine's tags (issue 14, round 13): a page kept for
Hugo or Jekyll hides its answers in `{{< expand "Answer" >}}` … `{{< /expand >}}` or titles its
FAQ entries `{{% details title="…?" %}}` … `{{% /details %}}`; a reader of the rendered page sees
`<details>` blocks, and the importer reads them as it reads `<details>` (`shortcodes.py`). Other
tags (`{{< alert >}}`, `{{< figure >}}`) are text: never a question, never lost.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

from qabook.importer.shortcodes import read_lines

EXPAND_CARDS = """---
title: "集合练习"
---

## 第一章 集合

----

已知集合 $A = \\{1, 2\\}$，则 $A$ 的子集个数为（ ）。

A. 2

B. 3

C. 4

{{< expand "答案和解析" >}}
【答案】C

{{< alert theme="warning" >}}
**空集是任何集合的子集。**
{{< /alert >}}
{{< /expand >}}

----

空集是任何集合的真子集吗？

{{< expand "答案和解析" >}}
【答案】不是：空集不是它自己的真子集。
{{< /expand >}}

----

## 第二章 不等式

----

已知 $a > b > 0$，比较 $a^2$ 与 $b^2$ 的大小。

{{< expand "答案和解析" >}}
【答案】$a^2 > b^2$
{{< /expand >}}

----
"""

DETAILS_FAQ = """# Blog export

This tool exports a blog to Markdown.

## Install

Run `pip install blog-export`.

## Usage

Run `blog-export URL`.

## FAQ

{{% details title="Does it work with any blog?" closed="true" %}}
Yes. It reads the blog's sitemap and fetches every post.
{{% /details %}}

{{% details title="Which model does it use?" closed="true" %}}
GPT-4o by default; change `API_MODEL` to use another one.
{{% /details %}}

{{% details title="Is it open source?" closed="true" %}}
Yes, under the MIT licence.
{{% /details %}}
"""

INLINE_EXPAND = """# Tutorial 4 - Synchronization

Write a timer program that starts one thread per request, at most five at a time.

Why is the memory allocated before the thread starts?
{{< expand "Answer" >}} Each thread needs its own structure, released by the thread itself. {{< /expand >}}

Why is sem_trywait used and not sem_wait?
{{< expand "Answer" >}} To know at once that the limit is reached and print the refusal. {{< /expand >}}

What limits the alarms to five?
{{< expand "Answer" >}} The semaphore. {{< /expand >}}
"""


def test_expand_tags_hide_each_cards_answer(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "sets.md", EXPAND_CARDS)
    assert r.returncode == 0, r.stdout + r.stderr  # before: 4 questions, the chapter heading one of them
    assert len(pages) == 3, [page_block(p, "question") for p in pages]
    assert page_block(pages[0], "question").startswith("已知集合")
    assert "C. 4" in page_block(pages[0], "question")
    answer = page_block(pages[0], "answer")
    assert "【答案】C" in answer and "{{< alert" in answer and "空集是任何集合的子集" in answer  # other tags: text
    assert "expand" not in answer  # the tag is the block, not its text
    assert page_block(pages[1], "answer") == "【答案】不是：空集不是它自己的真子集。"
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "第二章 不等式" in chapter  # the heading between two breaks names a group of cards
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_details_tags_titled_with_questions_are_a_faq(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "export.md", DETAILS_FAQ)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, the sections read as an article
    assert [page_block(p, "question") for p in pages] == [
        "Does it work with any blog?", "Which model does it use?", "Is it open source?"]
    assert page_block(pages[1], "answer") == "GPT-4o by default; change `API_MODEL` to use another one."
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "pip install blog-export" in chapter
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_an_expand_tag_on_the_line_under_the_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "sync.md", INLINE_EXPAND)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused
    assert [page_block(p, "question") for p in pages] == [
        "Why is the memory allocated before the thread starts?", "Why is sem_trywait used and not sem_wait?",
        "What limits the alarms to five?"]
    assert "released by the thread itself" in page_block(pages[0], "answer")


def test_only_closed_collapsible_tags_outside_code_are_read() -> None:
    lines = ['{{< expand "Answer" >}}', "never closed", "```", '{% details "Q?" %}', "{% enddetails %}", "```",
             '{{< figure src="a.png" >}}', '{{< spoiler "Why?" >}}', "Because.", "{{< /spoiler >}}"]
    out = read_lines(lines)
    assert out[0] == lines[0]  # no closing tag: text
    assert out[3:5] == lines[3:5]  # inside a code fence: the code
    assert out[6] == lines[6]  # not a collapsible
    assert out[7:10] == ["<details><summary>Why?</summary>", "Because.", "</details>"]


MARKUP_DOCS = """# Details

Collapsible content using the HTML5 `<details>` element.

## Syntax

```tpl
{{%/* details "Title" [open] */%}}
Markdown content
{{%/* /details */%}}
```

## Example

{{% details "What version is required?" %}}
Version 1.2 or later.
{{% /details %}}

{{% details "How do I override the theme?" open %}}
Create matching files in your project's `layouts/` directory.
{{% /details %}}

## Parameters

`title` (or first positional argument)
: The summary text shown when collapsed.
"""


def test_collapsibles_shown_as_an_example_of_markup_are_no_faq(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "details.md", MARKUP_DOCS)
    assert r.returncode == 1 and pages == [], r.stdout + r.stderr  # a docs page: how the markup looks
    r, pages = import_document(tmp_path, "faq.md", MARKUP_DOCS.replace("# Details", "# Details FAQ"))
    assert r.returncode == 0 and len(pages) == 2  # a page titled as a FAQ: the same blocks are its questions
