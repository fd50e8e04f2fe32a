"""What a person still saw wrong after the set-9 round (issue 14), each as they would meet it:
a numbered quiz quoted line by line keeps its number in the title, the group tags of a question
bank keep its back-to-top links, a `<details>` answer loses the line breaks written as a `<br>`
opening a line or as the end of the block the text follows, a page of `<details>` tasks under a
topic heading is refused, an answerless bank gets one QI021 per question, a short exercise
('Why?', 'Sort numbers') is not one. Each test failed on the importer before its change.
"""

from __future__ import annotations

import re

from qabook.importer import plan_import


def _pages(text: str, name: str = "doc.md"):
    plan = plan_import(text, name)
    return plan, [p for p in plan.pages if p.questions]


def _block(text: str, kind: str) -> str:
    m = re.search(rf"^/// {kind}\b.*?\n(.*?)^///$", text, re.S | re.M)
    return m.group(1).strip() if m else ""


QUOTED_QUIZ = """# CSS knowledge test

Put an `x` between the brackets of your answer.

> 1 - Which of these selectors has the highest specificity?
  [ ] body > div
  [x] #app
  [ ] .container

> 2 - Which pattern groups multiple selectors together?
  [ ] +
  [x] ,
  [ ] >

> 3 - What is the default flex-direction?
  [x] row
  [ ] column
"""


def test_a_quoted_numbered_questions_title_is_its_words_not_its_number():
    plan, pages = _pages(QUOTED_QUIZ)
    assert [p.title for p in pages] == ["Which of these selectors has the highest specificity?",
                                        "Which pattern groups multiple selectors together?",
                                        "What is the default flex-direction?"]
    assert "1 - Which" in pages[0].text  # the question as written keeps its number


BACK_TO_TOP = """# Back-end interview questions

## <a name='toc'>Table of Contents</a>

* [Design Patterns](#patterns)
* [Databases](#databases)
* [Security](#security)

### [[↑]](#toc) <a name='patterns'>Design Patterns</a>

#### Globals

Why are global objects evil?

#### Inversion of Control

What is inversion of control and how does it help?

### [[↑]](#toc) <a name='databases'>Databases</a>

#### Migrations

How would you migrate a live database with no downtime?

#### Indexes

When does an index slow a query down?

### [Databases](#databases) and more [↑ top](#toc)

#### Transactions

What does isolation level 'serializable' promise?
"""


def test_a_back_to_top_link_is_no_word_of_a_questions_group():
    plan, pages = _pages(BACK_TO_TOP)
    assert len(pages) == 5
    tags = [re.search(r"^tags: (.*)$", p.text, re.M).group(1) for p in pages]
    assert tags[:4] == ['["Design Patterns"]'] * 2 + ['["Databases"]'] * 2
    assert tags[4] == '["Databases and more"]'  # a link that is words of the heading stays (as its words)
    assert not any("↑" in t or "#toc" in t for t in tags)


DETAILS_BREAKS = """## DNS

<details>
<summary>What is a name server?</summary><br><b>

A server that answers DNS queries.
<br>It holds the zone's records.
<br>It is asked by resolvers.
</b></details>

<details>
<summary>What is an A record?</summary><br><b>

It maps a name to an IPv4 address.
</b></details> The AAAA record maps a name to IPv6.

<details>
<summary>What does this page print?</summary>

```html
<p>one
<br>two</p>
```
</details><br>Both lines, one under the other.
"""


def test_a_break_opening_a_line_or_after_a_details_block_stays_a_break():
    plan, pages = _pages(DETAILS_BREAKS)
    answers = [_block(p.text, "answer") for p in pages]
    assert answers[0] == ("A server that answers DNS queries.<br>\nIt holds the zone's records.<br>\n"
                          "It is asked by resolvers.")
    assert answers[1] == "It maps a name to an IPv4 address.<br>\nThe AAAA record maps a name to IPv6."
    # code is as written: no break added inside the fence nor on its closing line
    assert answers[2] == "```html\n<p>one\n<br>two</p>\n```\nBoth lines, one under the other."


PODS = """# Core Concepts

## Pods

<details><summary>Create an nginx pod with the image nginx:1.25 in the namespace web</summary>
<p>

```
kubectl run nginx --image=nginx:1.25 -n web
```

</p>
</details>

<details><summary>List all the pods in all namespaces</summary>
<p>

```
kubectl get pods --all-namespaces
```

</p>
</details>

<details><summary>Get the YAML of the nginx pod without the cluster's fields</summary>
<p>

```
kubectl get pod nginx -o yaml > nginx.yaml
```

</p>
</details>

<details><summary>Delete the nginx pod at once</summary>
<p>

```
kubectl delete pod nginx --grace-period=0 --force
```

</p>
</details>
"""


def test_details_tasks_under_a_topic_heading_are_a_question_bank():
    # no heading says 'Questions': the <details> blocks, a task each over its hidden answer, say it
    plan, pages = _pages(PODS)
    assert [p.title for p in pages] == ["Create an nginx pod with the image nginx:1.25 in the namespace web",
                                        "List all the pods in all namespaces",
                                        "Get the YAML of the nginx pod without the cluster's fields",
                                        "Delete the nginx pod at once"]
    assert "kubectl delete pod nginx" in _block(pages[3].text, "answer")


README_NOTES = """# fastgrep

A grep that is fast. It reads files in parallel and prints the lines that match, coloured.

## Install

Pick the notes for your system.

<details><summary>Linux and other Unix systems</summary>

Download the release for your system from the releases page, unpack it and put the `fastgrep`
binary on your PATH. You may need to mark it executable first.

```
chmod +x fastgrep
```
</details>

<details><summary>macOS with Homebrew</summary>

Tap the project's formula and install it; Homebrew keeps it up to date.

```
brew install fastgrep/tap/fastgrep
```
</details>

<details><summary>Windows 10 or later</summary>

Download the zip from the releases page and unpack it into a folder on your PATH.
</details>

<details><summary>Click to expand the build notes</summary>

You need Rust 1.70 or later. Clone the repository and run the build in release mode.

```
cargo build --release
```
</details>

## Usage

Run `fastgrep PATTERN [PATH…]`. With no path it reads the current folder.

## Changelog

<details><summary>Click to expand</summary>

- 1.2.0: parallel reading of directories
- 1.1.0: colour output
- 1.0.0: first release
</details>
"""


def test_a_readmes_install_notes_and_changelog_in_details_are_no_questions():
    plan, pages = _pages(README_NOTES)
    assert not pages
    assert any(d.code == "QI001" for d in plan.diagnostics)


PRACTICE = """# Backend interview questions

Questions to practise with a friend. There are no answers here: talk them through.

## Design

#### Globals
Why are global objects evil? Can you show it with a code example?

#### Inversion of control
How does inversion of control improve the design of code?

#### Law of Demeter
What does the Law of Demeter forbid?
* a train of calls
* a friend's friend

## Snippets

#### Closures
What is the output of this function?
```js
for (var i = 0; i < 3; i++) setTimeout(() => console.log(i));
```

#### Type erasure
What does this snippet print, and why?
```java
if (li.getClass() == lf.getClass()) System.out.println("Equal");
```
"""


def test_a_bank_of_questions_to_practise_is_said_once_to_have_no_answers():
    plan, pages = _pages(PRACTICE)
    assert len(pages) == 5
    qi021 = [d for d in plan.diagnostics if d.code == "QI021"]
    assert len(qi021) == 1, [str(d) for d in qi021]  # before: one a question, 'is that the answer?'
    assert qi021[0].line == 15 and "none of the 5 questions has an answer" in qi021[0].message
    assert "lines 15, 22, 28" in qi021[0].message
    assert "```js" in _block(pages[3].text, "question")  # what the question shows stays in it
    # (a document whose questions have answers still says it at each one that has none and holds code:
    # test_import_never_silent's test_a_question_with_no_answer_but_code_in_its_question_block_is_reported)


SHORT_EXERCISES = """# Networking

Read chapter 3 first.

## Exercises

1. Why?
2. 解释 TCP
3. Sort ports
4. 画出握手
5. Ping localhost
6. Trace routes
"""

GYM = """# Week 2

Warm up for ten minutes.

## Exercises

1. Squats
2. Lunges
3. Push-ups
4. 深蹲 3组
5. 平板支撑 30秒
"""


def test_short_items_that_ask_or_instruct_under_exercises_are_exercises():
    plan, pages = _pages(SHORT_EXERCISES)
    assert [p.title for p in pages] == ["Why?", "解释 TCP", "Sort ports", "画出握手", "Ping localhost", "Trace routes"]
    # a plan's movements, named alone or with a measure, are still nothing to answer
    plan, pages = _pages(GYM)
    assert not pages and any(d.code == "QI001" for d in plan.diagnostics)
