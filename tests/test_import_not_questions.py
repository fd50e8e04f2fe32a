"""What is not a question (issue 14, items 1 and 2): a person sees at a glance that a progress log's
`| Question | Answer |` status check, a README's example of the table format it reads, a tip box
over a deck of cards and a guide's questions to ask the interviewer are not questions to study.
`qabook import` must not count them — and say why when it refuses — while the real decks that look
like them (a FAQ kept as a table under `## FAQ`, the cards under the tip box, a knowledge check)
still import.
"""

from __future__ import annotations

from pathlib import Path

from conftest import qabook


def run(doc: str, tmp_path: Path, *args: str) -> tuple[int, str, int]:
    """Exit code, what was said, and the number of question pages written."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "doc.md"
    src.write_text(doc, encoding="utf-8")
    out = tmp_path / "docs"
    r = qabook("import", str(src), "--out", str(out), "--chapter", "c", *args)
    pages = [p for p in (out / "c").glob("*.md") if p.name != "index.md"] if (out / "c").exists() else []
    return r.returncode, r.stdout + r.stderr, len(pages)


PROGRESS_LOG = """# Migration log

## Session 2026-05-02

### Done
- moved the billing service to the new cluster
- rewrote the deploy scripts for the staging hosts
- kept the old cron jobs running until the cut-over

### Checks

| Step | Command | Result |
|------|---------|--------|
| build | `make build` | ok |
| tests | `make test` | 412 passed |
| lint | `make lint` | ok |

Notes on the cut-over: the queue drained in four minutes, two retries, no message lost.
The dashboards were re-pointed after the DNS change and the alerts muted for the window.

### Errors

| Time | Error | Fix |
|------|-------|-----|
| 10:40 | wrong path in rsync | absolute path |

## Reboot check

| Question | Answer |
|----------|--------|
| Where am I? | Cut-over done |
| Where am I going? | Remove the old cluster |
| What have I learned? | The queue drains faster than expected |
"""

SMALL_FAQ_TABLE = """# Installing pagetool

## 1. Download

Fetch the archive from the releases page and unpack it anywhere.

```bash
tar xf pagetool.tar.gz
```

## 2. Configure

Copy `pagetool.example.yml` to `pagetool.yml` and set the output folder.
Every key has a default; only `out` is required.

## 3. Run

Run `pagetool build`; the site appears in the output folder. The first build
downloads nothing and takes a few seconds on a laptop.

## Frequently asked questions

| Question | Answer |
|----------|--------|
| **Is pagetool free?** | Yes, under the MIT licence. |
| **Does it need a network?** | No, everything is local. |
| **Which Python do I need?** | 3.10 or newer. |
"""


def test_a_small_question_table_in_a_log_is_refused_and_said(tmp_path: Path) -> None:
    code, said, pages = run(PROGRESS_LOG, tmp_path)
    assert code != 0 and pages == 0, said
    assert "QI001" in said and "table of questions at line" in said and "small part of the document" in said, said


def test_a_faq_table_under_a_faq_heading_still_imports(tmp_path: Path) -> None:
    code, said, pages = run(SMALL_FAQ_TABLE, tmp_path)
    assert code == 0 and pages == 3, said


CARDS = """# Flashcards: queues

Read the question, answer in your head, then open the card.

!!! tip "How to use these cards"
    First pass: open every card. Later passes: only the ones you missed.

??? question "1. What does a dead-letter queue hold?"
    **Messages that failed every retry.**

    They wait there for a person to look at them.

??? question "2. Is delivery exactly once by default?"
    **No: at least once.**

    Handlers must be idempotent.

??? question "3. What does a visibility timeout do?"
    **It hides a message that a worker took, until the worker is done or the time runs out.**
"""


def test_a_tip_box_over_the_cards_is_not_a_card(tmp_path: Path) -> None:
    code, said, pages = run(CARDS, tmp_path)
    assert code == 0 and pages == 3, said


INTERVIEWER = """# Questions to ask at the end of your interview

The interviewer will ask whether you have questions. Have some ready: they show what you care about.

## Best questions to ask about the team

- What is the team working on right now?
- How do you decide what to build next?
- How is on-call shared?

## Best questions to ask about the role

- What does a typical day look like?
- What would you want me to solve in my first month?
- How is success measured here?

## Best questions to ask about the company

- Where will the company be in two years?
- How are decisions about the product made?
- What would make you leave?
"""

KNOWLEDGE_CHECK = """# Queues, lesson 3

A queue decouples the sender from the worker. The sender puts a message; a worker takes it later.

## Knowledge check

- What is a dead-letter queue?
- Why must handlers be idempotent?
- What does a visibility timeout do?
"""


def test_questions_to_ask_the_interviewer_are_refused_and_said(tmp_path: Path) -> None:
    code, said, pages = run(INTERVIEWER, tmp_path)
    assert code != 0 and pages == 0, said
    assert "questions to ask someone else" in said, said


def test_a_knowledge_check_list_still_imports(tmp_path: Path) -> None:
    code, said, pages = run(KNOWLEDGE_CHECK, tmp_path)
    assert code == 0 and pages == 3, said


RULES_THEN_QUIZ = """# Git quiz

## How this quiz works

1. Answer every question before you look at the key
   - Write your letter on paper
2. Do not use a search engine during the quiz
   - The point is to see what you remember
3. Keep to ten minutes in all

## Questions

1. Which command records staged changes?
   - A) `git add`
   - B) `git commit`
   - C) `git push`
2. Which command shows the history?
   - A) `git log`
   - B) `git status`
   - C) `git diff`
3. What does `git stash` do?
   - A) Deletes changes
   - B) Shelves changes for later
   - C) Pushes changes
4. Which command creates a branch?
   - A) `git branch name`
   - B) `git init name`
   - C) `git tag name`

## Answer key

1. B
2. A
3. B
4. A
"""


def test_a_numbered_list_of_rules_before_the_quiz_is_read_past_and_said(tmp_path: Path) -> None:
    code, said, pages = run(RULES_THEN_QUIZ, tmp_path)
    assert code == 0 and pages == 4, said
    assert "doc.md:5:1: QI033 " in said and "list of rules or steps" in said, said
    code, said, _ = run(RULES_THEN_QUIZ, tmp_path / "explained", "--explain", "--dry-run")
    assert "read past: the numbered list at line 5 (3 items)" in said, said


SO_WHAT = """
## About Shelf
Shelf is a small demo project I wrote to learn the framework: a bookshelf you can tag and search.

## So What Is It?
A web application that keeps a list of books with tags and notes, and a small API beside it.

## So What's The Point?
To practise the usual techniques of application development beyond reading the documentation.

## Features
- Books, tags and notes with their relations
- A search box over titles and tags

## Screenshots
<p><img src="./shots/list.png" width="400"></p>
"""


def test_rhetorical_headings_that_name_nothing_are_not_questions(tmp_path: Path) -> None:
    code, said, pages = run(SO_WHAT, tmp_path)
    assert code != 0 and pages == 0, said
    assert "QI001" in said, said


DECORATED_CHAPTER = """# Chapter 8: extending the cluster

**In one sentence**: the cluster's real power is that you can add your own resource types and controllers.

---

## 1. First: why are the built-in resources not enough?

They solve generic orchestration; a database cluster, a message topic or a model deployment needs more.

---

## 2. Custom resources: a new type as data

A definition registers a new kind; the cluster stores and validates its objects.

---

## 3. Defining is only half: someone has to act on it

A controller watches the objects and makes the world match them, over and over.

---

## 4. Why is declarative plus a controller the right way to extend?

Because every extension then behaves like the built-in ones: the same loop, the same tools.

---

## Exercise

**Q**: Writing a controller is hard to get right. How does the ecosystem make it easier?

**Answer**: With controller frameworks that handle watching, queues, retries and status, so that an
author writes only the reconcile step.
"""


def test_a_chapters_sections_give_way_to_its_one_labelled_exercise(tmp_path: Path) -> None:
    """The '---' between headed sections only decorates them (no 'blocks after breaks' reading), and
    the numbered sections, two of them rhetorical questions and none answered under a label, give way
    to the exercise the author labelled Q / Answer — said at the line (QI022) and by --explain."""
    code, said, pages = run(DECORATED_CHAPTER, tmp_path)
    assert code == 0 and pages == 1, said
    assert "QI022" in said, said
    code, said, _ = run(DECORATED_CHAPTER, tmp_path / "explained", "--explain", "--dry-run")
    assert "first blocks after '---'" not in said, said
    assert "question starts: paragraphs with a question label" in said and "gave way" in said, said
