"""A textbook chapter's opening quiz whose question numbers are links to their answers
('**[1](ch01.md#q1a).** Which …?'), numbered choices under each, the exam objectives listed above
it ('1.3 Compare physical interface…') (issue 14 item 1). A person reads the linked number as the
question's number and the objectives as the chapter's outline, not as questions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

CHAPTER = """# Chapter 2

## Addressing

This chapter covers the following exam topics:

2.0 IP Connectivity

2.4 Compare static routing with dynamic routing protocols

2.4.a Default route

2.4.b Network route and host route

### Self-check quiz

Take the quiz before you read the chapter; the answers follow it.

**[1](ch02.md#q2_1a).** Which of the following are private IPv4 ranges? (Choose two answers.)

1. 10.0.0.0/8
2. 8.8.8.0/24
3. 192.168.0.0/16
4. 1.1.1.0/24

**[2](ch02.md#q2_2a).** How many usable host addresses does a /30 subnet hold?

1. 1
2. 2
3. 4
4. 6

**[3](ch02.md#q2_3a).** Which field of the IPv4 header stops a packet from looping forever?

1. Checksum
2. Time to live
3. Identification
4. Protocol

**[4](ch02.md#q2_4a).** Which address does a host use to reach hosts outside its own subnet?

1. Its broadcast address
2. Its default gateway
3. Its loopback address
4. The network address

## Answers

**[1](appc.md#q2_1)** A and C

**[2](appc.md#q2_2)** B

**[3](appc.md#q2_3)** B

**[4](appc.md#q2_4)** B
"""


def test_a_linked_question_number_numbers_the_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ch02.md", CHAPTER)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]  # the four quiz questions; the objectives are no questions
    assert "/30 subnet" in page_block(pages[1], "question")
    index = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Compare static routing with dynamic routing protocols" in index
