"""A blog post imported with no options into a new book (trial10's 'Deep Learning Interviews'
summary): its YAML front matter names the chapter and stays out of the page's text, an answer
label left in a quote under a figure is reported at its line, and an answer that is only a
picture on another host is reported before the site shows an empty answer box.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import qabook
from qabook.importer import plan_import
from realcorpus import lost_lines

POST = """---
layout:     post
title:      Summary of "Deep Learning Interviews"
date:       2023-08-10
tags:
    - Deep Learning
---

这篇文章是对《Deep Learning Interviews》的一个总结。

## Chapter 2—Logistic Regression

> 问题：什么是“odds of success”?
>
> 答案：成功的概率和失败的概率的比值。

> 问题：什么是二项分布的期望？
>
> 答案：![](https://pic.imgdb.cn/item/64d453831ddac507ccdedd90.jpg)

> 问题：逻辑回归的输出如何转化成概率分布？
>
> 答案：加一个softmax层。

## Chapter 6—Deep Learning: NN Ensembles

> ![](figure-20.png)
>
> 答案：Stacking. In stacking, we first predict using several base learners.
"""


def _import(tmp_path: Path):
    book = tmp_path / "book"
    made = qabook("new", str(book), "--language", "zh", "--empty")
    assert made.returncode == 0, made.stdout + made.stderr
    source = tmp_path / "post.md"
    source.write_text(POST, encoding="utf-8")
    run = qabook("import", str(source), cwd=book)
    assert run.returncode == 0, run.stdout + run.stderr
    return book, run


def test_the_front_matter_names_the_chapter_and_is_no_text_of_its_page(tmp_path: Path) -> None:
    book, _ = _import(tmp_path)
    chapter = book / "docs" / "summary-of-deep-learning-interviews"
    assert chapter.is_dir(), sorted(p.name for p in (book / "docs").iterdir())
    page = (chapter / "index.md").read_text(encoding="utf-8")
    assert '# Summary of "Deep Learning Interviews"' in page
    shown = re.sub(r"<!--.*?-->", "", page, flags=re.S)
    assert "layout:" not in shown and "2023-08-10" not in shown, page
    assert "## Chapter 2—Logistic Regression" in page  # the first '##' stays a section of the page
    plan = plan_import(POST, "post.md")
    assert plan.title == 'Summary of "Deep Learning Interviews"'
    assert lost_lines(POST, plan) == []  # the front matter's lines kept (in the comment)


def test_an_answer_label_in_a_quote_under_a_figure_is_reported_at_its_line(tmp_path: Path) -> None:
    _, run = _import(tmp_path)
    line = POST.split("\n").index("> 答案：Stacking. In stacking, we first predict using several base learners.") + 1
    assert re.search(rf"post\.md:{line}:1: QI007 答案 outside any question", run.stdout + run.stderr), run.stdout + run.stderr


def test_an_answer_that_is_only_a_remote_image_is_reported_at_its_line(tmp_path: Path) -> None:
    _, run = _import(tmp_path)
    line = POST.split("\n").index("> 答案：![](https://pic.imgdb.cn/item/64d453831ddac507ccdedd90.jpg)") + 1
    out = run.stdout + run.stderr
    assert re.search(rf"post\.md:{line}:1: QI043 the answer of '什么是二项分布的期望？' is only an image on another host", out), out
    assert out.count("QI043") == 1, out  # the answers written out are not reported
