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
