"""Documents that are not Q&A (issue 14, fourth round): a project README, a talk outline with
rhetorical headings, a tutorial with one 'Why …?' section, a contributing guide with an agenda
list. A person sees at a glance that they hold no questions; `qabook import` must refuse them
(QI001, exit 1, nothing written) and say which reading it turned down and why — while the real
banks that look like them (a FAQ whose headings ask, a titled bank) still import.
"""

from __future__ import annotations

from pathlib import Path

from conftest import qabook


def refused(doc: str, tmp_path: Path) -> str:
    src = tmp_path / "doc.md"
    src.write_text(doc, encoding="utf-8")
    out = tmp_path / "docs"
    r = qabook("import", str(src), "--out", str(out), "--chapter", "c")
    said = r.stdout + r.stderr
    assert r.returncode != 0, said
    assert "QI001" in said and "no questions found" in said, said
    assert not (out / "c").exists() or not any((out / "c").iterdir()), said  # nothing written
    return said


def imported(doc: str, tmp_path: Path) -> int:
    src = tmp_path / "doc.md"
    src.write_text(doc, encoding="utf-8")
    out = tmp_path / "docs"
    r = qabook("import", str(src), "--out", str(out), "--chapter", "c")
    assert r.returncode == 0, r.stdout + r.stderr
    return len([p for p in (out / "c").glob("*.md") if p.name != "index.md"])


README = """# pagetool

Turn your interview questions and exam notes into a small website. Each page is built from
Markdown; a search box finds any word.

## Install

```bash
pip install pagetool
```

## Usage

Run `pagetool build` in a folder of Markdown files. The site appears in `site/`.

| option | what it does |
| --- | --- |
| `--out DIR` | where the site goes |
| `--strict` | stop on the first warning |

## Configuration

Settings live in `pagetool.yml`; every key has a default.

### Themes

Pick `light` or `dark`.

## Contributing

Open an issue first, then a pull request with a test.

## License

MIT.
"""


def test_a_readme_whose_sections_do_not_ask_is_refused_with_the_reason(tmp_path: Path) -> None:
    """Its opening prose mentions 'interview questions', its headings are sections: before, each
    of its five sections became a question."""
    said = refused(README, tmp_path)
    assert "level-2 headings" in said and "none of them asks" in said, said
    assert "--question-pattern" in said, said  # how to steer when the author knows better


def test_the_same_sections_under_a_title_that_names_a_faq_and_headings_that_ask_still_import(tmp_path: Path) -> None:
    doc = README.replace("# pagetool", "# pagetool FAQ").replace("## Install", "## How do I install it?") \
        .replace("## Usage", "## How do I build a site?").replace("## Configuration", "## Where do settings live?") \
        .replace("## Contributing", "## How can I contribute?").replace("## License", "## What is the license?")
    assert imported(doc, tmp_path) == 5


TALK = """# 2021.12.31 技术分享

### 为什么要开发插件
1. 想要提升开发体验
2. 现有插件不能满足需求

### 为什么要开发 vscode 插件
免费开源，生态丰富，官方维护

### vscode 插件有哪些能力
太多了，有空可以仔细阅读 [能力](https://code.visualstudio.com/api)

### 开发

1. 安装 terminal 工具
```bash
npm install -g yo generator-code
```
2. 生成一个模版
```bash
yo code
```
3. 打包
```bash
vsce package
```
4. 发包
```bash
vsce publish
```
"""


def test_a_talk_outline_with_rhetorical_headings_and_a_date_title_is_refused(tmp_path: Path) -> None:
    """Three of four headings open with a question word, none is written as a question and nothing
    is labelled: an outline. Before, each heading was a question; and a title opening with a date
    ('2021.12.31') was read as a question number, making the whole talk one question."""
    said = refused(TALK, tmp_path)
    assert "none is written as a question" in said, said


def test_the_same_outline_written_as_questions_imports(tmp_path: Path) -> None:
    doc = TALK.replace("### 为什么要开发插件", "### 为什么要开发插件？").replace("### 为什么要开发 vscode 插件",
                                                                      "### 为什么要开发 vscode 插件？")
    assert imported(doc, tmp_path) >= 3


TUTORIAL = """# Deploy a Flask app behind nginx

This tutorial shows how to serve a Flask application with uWSGI and nginx on CentOS.

## Why put nginx in front of uWSGI?

nginx serves static files fast and hands the rest to uWSGI.

## Install the packages

```bash
sudo yum install nginx python-pip
sudo pip install uwsgi
```

Then create the service file and start it.
"""


def test_a_tutorial_with_one_question_heading_is_refused(tmp_path: Path) -> None:
    """One section of two asks: nothing repeats like a question. Before: two questions."""
    said = refused(TUTORIAL, tmp_path)
    assert "only one of the 2 asks" in said, said


GUIDE = """Contributing guidelines
====

## Branch naming
* For features - feat/issue-name
* For bugfixes - bug/issue

## Coding style
* Indentation - 2 spaces
* Max width - 80 chars

We also have a weekly meeting, which consists of the following:
* What have you done this week
* What are you going to do next week
"""


def test_an_agenda_list_opening_with_question_words_is_not_a_list_of_questions(tmp_path: Path) -> None:
    """Two one-line items that open with 'What' and carry no question mark: an agenda. Before,
    they became two questions with no answer."""
    refused(GUIDE, tmp_path)


def test_a_knowledge_check_list_still_imports(tmp_path: Path) -> None:
    doc = GUIDE.replace("* What have you done this week\n* What are you going to do next week",
                        "* What is a feature branch?\n* Why squash commits before merging?\n* How wide may a line be?")
    doc = doc.replace("We also have a weekly meeting, which consists of the following:", "## Knowledge check")
    assert imported(doc, tmp_path) == 3


def test_terms_defined_before_the_follow_up_questions_are_not_questions(tmp_path: Path) -> None:
    """An interview note: five '### term' definitions, then '## Follow-up questions' with seven
    '### …?' questions. Before, the terms made five more questions (12 instead of 7); now they stay
    on the chapter page, every line kept."""
    terms = "".join(f"### {t}\n\nWhat {t} names, in one sentence.\n\n" for t in
                    ("project_id", "thread_id", "run_id", "checkpoint_id", "checkpoint_ns"))
    asks = "".join(f"### {q}?\n\n{a}\n\n" for q, a in (
        ("How do a checkpoint and memory differ", "One is run state, the other verified facts."),
        ("Why can thread_id not equal project_id", "A project has many independent tasks."),
        ("Why split logical and physical thread ids", "Two projects may use the same task name."),
        ("Why not isolate projects by checkpoint_ns", "The framework gives it another meaning."),
        ("Why refuse to start an existing thread", "Reducers would merge two tasks."),
        ("Is SQLite fit for production", "For one process, yes; not for many instances."),
        ("Does a checkpoint make tools run once", "No: side effects need idempotency keys.")))
    doc = f"# Module 5: checkpoints, explained for an interview\n\n## The identifiers\n\n{terms}## Follow-up questions\n\n{asks}"
    assert imported(doc, tmp_path) == 7
    index = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "What checkpoint_ns names, in one sentence." in index


def test_explain_names_the_reading_turned_down_and_why(tmp_path: Path) -> None:
    src = tmp_path / "doc.md"
    src.write_text(TUTORIAL, encoding="utf-8")
    r = qabook("import", str(src), "--out", str(tmp_path / "docs"), "--chapter", "c", "--explain")
    said = r.stdout + r.stderr
    assert "the closest: level-2 headings" in said and "(an article's sections: only one of the 2 asks)" in said, said


def test_a_component_page_with_a_faq_section_imports_the_question_under_it(tmp_path: Path) -> None:
    """A component's documentation (sections, code, an API table) with '## 常见问题' holding one
    '### …？': its other headings are sections, the FAQ section says where the question is. Before:
    refused (or, before this round, every section a question)."""
    doc = """# Icon 图标

### 介绍

基于字体的图标集，可以通过 Icon 组件使用。

## 代码演示

### 基础用法

```html
<van-icon name="close" />
```

### 图标颜色

```html
<van-icon name="chat" color="red" />
```

## 常见问题

### 开发者工具上提示 Failed to load font 是什么情况？

这个是开发者工具本身的问题，可以忽略。

## API

| 参数 | 说明 |
| --- | --- |
| name | 图标名称 |
"""
    assert imported(doc, tmp_path) == 1
    page = next((tmp_path / "docs" / "c").glob("01-*.md")).read_text(encoding="utf-8")
    assert "# 开发者工具上提示 Failed to load font 是什么情况？" in page and "可以忽略" in page
    assert "图标名称" not in page  # the API table after the FAQ stays on the chapter page
