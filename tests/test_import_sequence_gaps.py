"""An exam paper converted from PDF: the numbered questions a person reads one by one, though
Markdown reads some of them as text. `6.(10 points)` has no space after its dot, so it is no list
item; `8.(8 points)` sits on the line right under the paragraph before it, and a list that does
not start at 1 cannot interrupt a paragraph (measure6 z05: problems 41 and 43–47 were buried in
the answer of 42). The numbers the questions' sequence skips are found where they are written,
each with a QI036 warning; an answer's own `1.`–`3.` list never becomes questions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

PAPER = """# Networks final exam, 2021

# Part A. Multiple choice

1. Which layer routes packets between networks?

A. link

B. network

C. transport

2. Which protocol resolves an IP address to a MAC address?

A. ARP

B. DNS

C. DHCP

3. What does TCP's three-way handshake establish?

A. a route

B. a connection

C. a checksum

4. Which port does HTTPS use by default?

A. 80

B. 443

C. 8080

5. What does a switch learn from the frames it forwards?

A. source MAC addresses

B. IP routes

C. port numbers

# Part B. Problems

6.(10 points) A link of 10 Mbit/s carries 1500-byte frames. How long does one frame take to send?

Show the computation.

7. (12 points) A host sends a file over a path of three routers.

(1) What is the end-to-end delay?
(2) Which hop dominates it?
(3) How would you shorten it?

Give each step.
8.(8 points) Why does slow start double the window each round trip?

9.(9 points) Explain how a NAT box rewrites an outgoing packet.

Draw the table it keeps.
"""


def test_numbers_markdown_reads_as_text_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "exam.md", PAPER)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert len(pages) == 9, [p.name for p in pages]
    text = [p.read_text(encoding="utf-8") for p in pages]
    assert "A link of 10 Mbit/s" in text[5]
    assert "slow start" in text[7] and "slow start" not in text[6]  # the glued line is its own question
    assert "Which hop dominates it?" in text[6]  # the answer's own numbered list stays in question 5
    assert "NAT box" in text[8] and "Draw the table" in text[8]
    assert "slow start" not in page_block(pages[6], "answer")
    assert out.count("QI036") == 3, out  # 6, 8 and 9: a warning at each line the importer chose


def test_an_answers_own_numbered_steps_are_no_questions(tmp_path: Path) -> None:
    steps = "".join(f"{n}.step {n} of the lookup\n" for n in range(1, 11))  # '10.step 10': the number after 9
    r, pages = import_document(tmp_path, "exam.md", PAPER.replace("Draw the table it keeps.\n", "Draw the table it keeps.\n" + steps))
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert len(pages) == 9, [p.name for p in pages]
    assert "10.step 10 of the lookup" in page_block(pages[8], "answer")
    assert out.count("QI036") == 3, out
