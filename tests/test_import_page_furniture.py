"""The page's own furniture is no question (issue 14, item 1; set measure9 zh/11, en/10, en/01):
a bank's list of its questions written again with their answers further down, a table of
contents of in-page links under a heading at the questions' level, and a number that is a word of
a heading's title ('7 Wonders of the World') rather than the heading's number. Each document is one
a person writes; each test failed on the importer before `furniture.py` / `shapes.counted_titles`.
"""

from __future__ import annotations

from qabook.importer import plan_import

from test_import_heading_levels import titles


def _chapter(plan) -> str:
    return plan.pages[0].text


# a Linux bank: the questions listed first under '## 题目', then each again with its answer
LISTED_FIRST = """# Linux 面试题

## 题目

1、绝对路径用什么符号表示？

2、怎么查看当前进程？

3、怎么清屏？怎么退出当前命令？

4、建立软链接的命令。

5、Grep 命令有什么用？如何忽略大小写？

## 开炮

### 1、绝对路径用什么符号表示？

绝对路径以 / 开头。

### 2、怎么查看当前进程？

用 ps 命令。

### 3、怎么清屏？怎么退出当前命令？

clear 清屏，Ctrl+C 退出当前命令。

### 4、建立软链接的命令。

ln -s 源文件 链接名。

### 5、Grep 命令有什么用？如何忽略大小写？

grep 按模式搜索文本，-i 忽略大小写。
"""


def test_questions_listed_first_then_answered_are_counted_once() -> None:
    plan = plan_import(LISTED_FIRST, "linux.md", chapter="c")
    assert plan.question_count == 5, titles(plan)
    assert all("源文件" not in t for t in titles(plan))
    assert "怎么清屏？怎么退出当前命令？" in _chapter(plan)  # the list stays on the chapter page, as written
    q3 = next(p for p in plan.pages if p.questions and "清屏" in p.title)
    assert "Ctrl+C" in q3.text  # the answered copy is the question, with its answer


def test_a_list_of_other_questions_beside_the_bank_stays_a_group_of_its_own() -> None:
    # the same document, its list asking other things: a second group of questions, unanswered
    other = LISTED_FIRST.split("## 开炮")
    listed = other[0].replace("绝对路径用什么符号表示", "什么是 inode").replace("怎么查看当前进程", "什么是僵尸进程") \
        .replace("怎么清屏？怎么退出当前命令", "什么是守护进程").replace("建立软链接的命令", "什么是管道") \
        .replace("Grep 命令有什么用？如何忽略大小写", "什么是信号")
    plan = plan_import(listed + "## 开炮" + other[1], "linux.md", chapter="c")
    assert plan.question_count == 10, titles(plan)


# a bank of open questions with no answers: a table of contents of in-page links under '##',
# group headings at '###' and one topic heading per question at '####' over its question paragraph
CONTENTS = """Back-End Interview Questions
============================

A list of questions to start a conversation with a candidate.

## Where are the answers?
I didn't include any: most questions are open-ended.

## <a name='toc'>Table of Contents</a>

* [Questions about Design Patterns](#patterns)
  * [Globals Are Evil](#globals-are-evil)
  * [Inversion of Control](#inversion-of-control)
  * [3 Worst Defects](#3-worst-defects)
* [Questions about Databases](#databases)
  * [ACID](#acid)
  * [Schema Migrations](#schema-migrations)
  * [10 Years](#10-years)

### [[↑]](#toc) <a name='patterns'>Questions about Design Patterns:</a>
#### Globals Are Evil
Why are global and static objects evil? Can you show it with a code example?

#### Inversion of Control
Tell me about Inversion of Control and how it improves the design of code.

#### 3 worst defects
What are the 3 worst defects of your preferred language?

### [[↑]](#toc) <a name='databases'>Questions about Databases:</a>
#### ACID
What does ACID mean, and which of its properties would you relax first?

#### Schema Migrations
How would you migrate a schema without downtime?

#### 10 years
Where do you see the database world in 10 years?
"""


def test_a_table_of_contents_is_no_question_and_swallows_none() -> None:
    plan = plan_import(CONTENTS, "backend.md", chapter="c")
    assert plan.question_count == 6, titles(plan)
    assert not any("Table of Contents" in t or "answers" in t for t in titles(plan))
    assert "[Globals Are Evil]" in _chapter(plan) or "Globals Are Evil" in _chapter(plan)
    assert "3 worst defects" in titles(plan)  # a number that is a word of the title stays in it
    assert "10 years" in titles(plan)


def test_a_heading_over_a_few_links_that_asks_is_still_a_question() -> None:
    # 'Where can I read more?' answered by links to places in the page: a question, not an index
    text = CONTENTS.replace("## <a name='toc'>Table of Contents</a>", "## Where can I read more?")
    plan = plan_import(text, "backend.md", chapter="c")
    assert "Where can I read more?" in titles(plan)


# a flash-card deck: '##' fronts, some questions, some topics; one front opens with a count
DECK = """## Oldest known written language?

Sumerian language

Attested from c. 3000 BC in Mesopotamia.

## Concept of **yin** and _yang_

Yin & Yang
: A concept of dualism: opposite forces may be complementary.

## Examples of lost cities

- Atlantis
- Carthage
- Troy

## 7 Wonders of the World

| **Wonder** | **Place** |
| --- | --- |
| Great Pyramid of Giza | Egypt |
| Hanging Gardens | Babylon (Iraq) |
| Colossus of Rhodes | Greece |

## How to say hello in Japanese, Korean and Chinese

- Japanese: こんにちは (Konnichiwa)
- Korean: 안녕하세요 (Annyeonghaseyo)
- Chinese: 你好 (Nǐ hǎo)
"""


def test_a_card_whose_front_opens_with_a_count_is_a_card() -> None:
    plan = plan_import(DECK, "deck.md", chapter="c")
    assert plan.question_count == 5, titles(plan)
    assert "7 Wonders of the World" in titles(plan)


def test_numbered_sections_keep_their_numbers() -> None:
    # '## 1 Introduction', '## 2 Setup': numbers that follow one another number the sections
    text = "# Guide\n\n" + "".join(f"## {n} {t}\n\nWhat to know about {t.lower()}.\n\n" for n, t in
                                   ((1, "Introduction"), (2, "Setup"), (3, "Usage"))) + \
        "".join(f"## {t}?\n\n{t} is answered here.\n\n" for t in ("Why X", "How Y", "What Z", "Where W", "Who V", "When U"))
    from qabook.importer.elements import split_elements
    from qabook.importer.readview import parse_view
    from qabook.importer.shapes import counted_titles, shape_of
    lines = text.split("\n")
    els = split_elements(parse_view(lines))
    shapes = counted_titles(els, [shape_of(el, lines=lines) for el in els], lines=lines)
    numbered = [sh.numbering.number for sh in shapes if sh.numbering]
    assert numbered == [1, 2, 3]


# '###' questions that ask as a rule; one '###' is a sentence leading in to the list under it
LEAD_IN = """## I/O

### Java IO 流了解吗？

IO 即 Input/Output，输入和输出。数据的传输过程类似于水流，因此称之为 IO 流。

### Java IO 流的40多个类都是从如下4个抽象类基类中派生出来的。
- InputStream/Reader：所有的输入流的基类。
- OutputStream/Writer：所有输出流的基类。

### I/O 流为什么要分为字节流和字符流？

字符流由虚拟机将字节转换得到，这个过程耗时，且不知道编码时容易乱码。

### 什么是 NIO？

同步非阻塞的 I/O 模型。

### BIO 和 NIO 有什么区别？

BIO 一个连接一个线程，NIO 一个线程管多个连接。

### 什么是 AIO？

异步非阻塞的 I/O 模型。
"""


def test_a_heading_that_leads_in_to_a_list_goes_on_with_the_answer_before_it() -> None:
    plan = plan_import(LEAD_IN, "io.md", chapter="c")
    assert plan.question_count == 5, titles(plan)
    io = next(p for p in plan.pages if p.questions and p.title.startswith("Java IO 流了解吗"))
    assert "InputStream/Reader" in io.text  # the lead-in and its list are that answer's
    assert "40多个类" in io.text


def test_a_problem_stated_in_a_heading_stays_a_question() -> None:
    # a statement that names a problem (no pointer to what follows) is an FAQ's entry
    text = LEAD_IN.replace("### Java IO 流的40多个类都是从如下4个抽象类基类中派生出来的。", "### 读取大文件时内存溢出。")
    plan = plan_import(text, "io.md", chapter="c")
    assert plan.question_count == 6, titles(plan)


def _parts(page) -> tuple[str, str]:
    text = page.text
    question = text.split("/// question", 1)[1].split("///", 1)[0]
    answer = text.split("/// answer", 1)[1].split("///", 1)[0] if "/// answer" in text else ""
    return question, answer


def test_topic_titles_over_the_questions_they_ask_show_the_question_before_revealing() -> None:
    plan = plan_import(CONTENTS, "backend.md", chapter="c")
    globals_ = next(p for p in plan.pages if p.questions and p.title == "Globals Are Evil")
    question, answer = _parts(globals_)
    assert "Why are global and static objects evil?" in question
    assert "Why are global" not in answer  # the answer block says the source gives none


def test_topic_titles_over_their_answers_keep_the_answers() -> None:
    # the same shape, each topic answered in a statement: the text under the title is the answer
    text = "\n".join(line if not line.rstrip().endswith("?") or line.startswith("#") else
                     line.rstrip("?") + " is explained in the handbook." for line in CONTENTS.split("\n"))
    plan = plan_import(text, "backend.md", chapter="c")
    acid = next(p for p in plan.pages if p.questions and p.title == "ACID")
    question, answer = _parts(acid)
    assert "handbook" in answer and "handbook" not in question


def test_a_readme_without_a_title_is_no_deck() -> None:
    # headings from the first line on, short sections, one asking: a project's README, not cards
    text = "".join(f"## {h}\n\n{body}\n\n" for h, body in (
        ("Installation", "Run `pip install foo`."), ("Usage", "Call `foo.run()` with a path."),
        ("Why another tool?", "Because the others were slow."), ("Configuration", "Edit `foo.toml`."),
        ("License", "MIT.")))
    plan = plan_import(text, "README.md", chapter="c")
    assert plan.question_count <= 1, titles(plan)
