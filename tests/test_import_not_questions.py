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
