"""A deck of cards kept as headings under category and sub-category headings (set 10, issue 14):
the numbering restarts per section, some sections write their cards one level up or down, a card
may come without its number, and one numbered card was left without its prompt. Each test failed
on the importer before this round.
"""

from __future__ import annotations

from qabook.importer import plan_import

DECK = """# devops cards

Flash cards for the topics below.

### Usage

Read the question, answer it aloud, then read on.

## Table of Contents

- [Cloud](#cloud)
- [Linux](#linux)
- [Security](#security)

## Cloud

### Amazon Web Services

### What is [Amazon S3](https://example.org/s3)?

Object storage behind a web service.

### What is [Amazon EC2](https://example.org/ec2)?

Virtual machines on demand.

### Infrastructure-as-code

#### 1. What is [Terraform](https://example.org/tf)?

A tool that applies declared infrastructure.

#### 2. What is [Ansible](https://example.org/ansible)?

A tool that configures machines over SSH.

#### 3. List the kinds of Terraform blocks.

- resource
- data
- module

### Kubernetes

#### 1. What is a [pod](https://example.org/pod)?

The smallest deployable unit: one or more containers.

#### 2. What is a [node](https://example.org/node)?

A machine that runs pods.

## Linux

### Distributions

#### 1. What is [Debian](https://example.org/debian)?

A distribution built by volunteers.

#### 2. What is [Alpine](https://example.org/alpine)?

A small distribution built on musl.

### Utilities

Lorem ipsum.

## Security

### 1. What is the [OAuth 2.0 framework](https://example.org/oauth)?

A standard for delegated authorization.

### Describe the OAuth [abstract protocol flow](https://example.org/flow).

The client asks the owner for a grant, trades it for a token, and presents the token.

### 2. 

```
+--------+          +---------------+
| Client |--(A)---->| Authorization |
+--------+          +---------------+
```

### 3. What is an OAuth scope?

A limit on what a token may access.
"""


def _titles(plan) -> list[str]:
    return [p.title for p in plan.pages[1:]]


def test_unnumbered_cards_under_a_sub_category_are_cards() -> None:
    """'### What is [Amazon S3](…)?' cards come first, under their sub-category, unnumbered: before,
    they stayed on the chapter page (QI038) because they stand before the first numbered card."""
    plan = plan_import(DECK, "deck.md", chapter="c")
    titles = _titles(plan)
    assert any("Amazon S3" in t for t in titles), titles
    assert any("Amazon EC2" in t for t in titles), titles
    assert "### Amazon Web Services" in plan.pages[0].text  # the sub-category stays a group


def test_an_unnumbered_card_among_numbered_ones_is_a_card() -> None:
    plan = plan_import(DECK, "deck.md", chapter="c")
    assert any(t.startswith("Describe the OAuth") for t in _titles(plan)), _titles(plan)


def test_a_numbered_card_without_its_prompt_is_no_question_and_is_said() -> None:
    """'### 2. ' over only a diagram asks the learner nothing: a card whose front the author never
    wrote. It stays on the chapter page, diagram and all, with a QI003 warning at its line."""
    plan = plan_import(DECK, "deck.md", chapter="c")
    assert plan.question_count == 12, _titles(plan)  # before: 10 (S3, EC2, Describe missing; '2.' counted)
    assert not any(t.strip() in ("2.", "2", "Question 2") for t in _titles(plan))
    assert "| Client |--(A)---->|" in plan.pages[0].text
    line = DECK.split("\n").index("### 2. ") + 1
    assert any(d.code == "QI003" and d.line == line for d in plan.diagnostics), plan.diagnostics


BOOK = """# JavaScript Interview Questions

A collection of questions to prepare for interviews.

## Want a printed copy? Want some flashcards?

- Write to me and I will send one.

## Question 1. What is a closure?

A function with the variables of the scope it was made in.

## Question 2. What is hoisting?

Declarations are moved to the top of their scope.

## Question 3. What does `this` refer to?

The object a function is called on.

# Coding Questions

## Scopes

### 1. What does this print?

```js
var a = 1; { var a = 2; } console.log(a);
```

It prints 2: `var` has no block scope.

### 2. What does this print?

```js
let b = 1; { let b = 2; } console.log(b);
```

It prints 1.

## Types

### 3. What does this print?

```js
console.log(typeof null);
```

It prints "object".

## Arrays

### 4. What does this print?

```js
console.log([1, 2, 3].length);
```

It prints 3.
"""


def test_a_question_under_the_title_before_the_first_question_is_the_preamble() -> None:
    """A reading at two levels (`## Question N.` and `### N.`): the `## Want …?` under the book's
    title, before the first question, is its preamble, though the document has a second level-1
    heading (`# Coding Questions`) — not a card."""
    plan = plan_import(BOOK, "js.md", chapter="c")
    assert plan.question_count == 7, [p.title for p in plan.pages]  # before the guard: 8
    assert "Want a printed copy?" in plan.pages[0].text
