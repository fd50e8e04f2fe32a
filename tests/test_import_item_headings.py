"""Questions written as headings inside numbered list items (issue 14 item 1, outside set measure7
en/09): `1. ### What is X?` with its answer under it — unindented (the list ends, the next item
starts a list of its own) or indented in the item — among plain numbered items that are an
answer's steps (`1. It tests small units.`). A reader sees the heading: the heading items are the
questions, the plain items their answers' points; an item with nothing but a 'Back to Top' link is
a question whose answer is missing (shapes: an item's heading is its form, `template._key`).
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

UNINDENTED = """# Front End Questions

## Table of Contents

- [1 What does client-side mean?](#what-does-client-side-mean)
- [2 Why do we use unit testing?](#why-do-we-use-unit-testing)
- [3 What is a CDN?](#what-is-a-cdn)
- [4 How does DNS work?](#how-does-dns-work)

1. ### What does client-side mean?

Everything that runs in the user's browser.

2. ### Why do we use unit testing?

Benefits of unit testing:

1. It tests small units of code on their own.
2. It makes code easier to read.
3. It speeds up deployment.

3. ### What is a CDN?

A network of servers that caches content near the user.

4. ### How does DNS work?

It turns a name into an address, asking resolvers in turn.
"""

INDENTED = """# MFC Interview Questions

## General Questions

1. ### What is a message map?

   A table that maps window messages to member functions.

   **[Back to Top](#mfc-interview-questions)**

2. ### What is SDI?

   **[Back to Top](#mfc-interview-questions)**

3. ### What is MDI?

   **[Back to Top](#mfc-interview-questions)**

4. ### How do you convert an SDI application to MDI?

   Change the document template class and the frame window.

   **[Back to Top](#mfc-interview-questions)**
"""


def test_heading_items_are_the_questions_and_plain_items_their_steps(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "front.md", UNINDENTED)
    assert r.returncode == 0, r.stderr
    assert "import: 4 questions" in r.stdout + r.stderr
    assert page_block(pages[0], "question") == "What does client-side mean?"
    answer = page_block(pages[1], "answer")
    assert "small units of code" in answer and "speeds up deployment" in answer
    assert "###" not in pages[2].read_text(encoding="utf-8")


def test_indented_answers_some_missing(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "mfc.md", INDENTED)
    assert r.returncode == 0, r.stderr
    assert "import: 4 questions" in r.stdout + r.stderr
    assert "member functions" in page_block(pages[0], "answer")
    assert page_block(pages[1], "question") == "What is SDI?"
