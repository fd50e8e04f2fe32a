"""A repeated block of label lines is one question (issue 14 item 1, outside set measure7 en/06):
a quiz file that writes every part under a bold label line of its own — `__Practice Question__`,
then maybe `__Question Options__`, `__Suggested Answers__`, maybe `__Explain Your Answer__` — is
one question per block, the first label opening it and the others its parts (`cycles.py`), not
one question per label line. The same with the vocabulary's own words alone on their lines
(`**Question**` / `**Answer**`). The mirror: bold lines that are the questions themselves, each
written once, are no cycle.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

DECK = """__Type__

Multiple Choice

__Practice Question__

Which planet is closest to the Sun?

A. Venus
B. Mercury
C. Mars

__Suggested Answers__

- A
- B - Correct
- C

__Practice Question__

Pick the even numbers.

A. 2
B. 3
C. 4

__Question Options__

any

__Suggested Answers__

- A - Correct
- B
- C - Correct

__Practice Question__

What does HTTP stand for?

A. Hypertext Transfer Protocol
B. High Transfer Text Process

__Suggested Answers__

- A - Correct
- B

__Explain Your Answer__

true

__Practice Question__

Which of these is a prime number?

A. 4
B. 6
C. 7

__Suggested Answers__

- A
- B
- C - Correct

__Explain Your Answer__

true
"""

PLAIN_WORDS = (DECK.replace("__Practice Question__", "**Question**").replace("__Suggested Answers__", "**Answer**")
               .replace("__Question Options__", "**Options**").replace("__Explain Your Answer__", "**Explanation**")
               .replace("__Type__", "**Type**"))

BOLD_BANK = """# Networking checks

**What does TCP guarantee that UDP does not?**

Ordered, reliable delivery.

**Answer**

Retransmission and ordering.

**Why does DNS use UDP?**

One small request and reply.

**Answer**

Less overhead than a connection.

**What is a subnet mask for?**

It splits an address into network and host.

**Answer**

Routing decisions.
"""


def test_a_block_of_label_lines_is_one_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "deck.md", DECK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]
    first, second, third = (pages[k] for k in range(3))
    assert "closest to the Sun" in page_block(first, "question") and "B - Correct" in page_block(first, "answer")
    assert "any" in page_block(second, "question")  # the options written before the answer are the question's
    assert "C - Correct" in page_block(second, "answer")
    assert page_block(third, "explanation") == "true"
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Multiple Choice" in chapter  # the label before the first block stays on the chapter page


def test_the_vocabulary_words_alone_on_their_lines_cycle_too(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "deck.md", PLAIN_WORDS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]
    assert "Pick the even numbers" in page_block(pages[1], "question")


def test_explain_names_the_cycle(tmp_path: Path) -> None:
    source = tmp_path / "deck.md"
    source.write_text(DECK, encoding="utf-8")
    r = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--dry-run", "--explain")
    assert "Practice Question ×4 (question, a block of label lines repeated" in r.stdout, r.stdout
    assert "Suggested Answers ×4 (answer" in r.stdout, r.stdout


def test_bold_lines_that_are_the_questions_are_no_cycle(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "bank.md", BOLD_BANK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3, [p.name for p in pages]
    assert "Why does DNS use UDP?" in pages[1].read_text(encoding="utf-8")
