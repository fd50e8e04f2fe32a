"""A quiz whose answer is the one choice written with another bullet (issue 14, round 13): a
lesson's closing quiz of `Q: …?` lines over `- …` choices, the right one written `* …`, a `>`
quote explaining it (`marked.odd_bullet`). The reader of the rendered page cannot see the mark:
the page shows the choices alike and the marked one in the hidden answer, the explanation after it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

QUIZ = """# Logarithms

A logarithm answers "what power?".

# Quiz
Q: What is log10(0.01)?
- 2
- -0.01
* -2
- 0.2
> 0.01 = 10^-2, so the answer is -2.

Q: How many decibels is a hundredfold voltage gain?
- 20 dB
* 40 dB
- 100 dB
> 20 × log10(100) = 40.
"""

STEPS = """# Release notes

Q: Which release comes next?
A: Version 2.4, in May.

Q: What do we do before tagging a release?
- update the changelog
- run the tests
* never push on a Friday
- tag the commit
"""


def test_the_choice_with_the_other_bullet_is_the_answer(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "quiz.md", QUIZ)
    assert r.returncode == 0, r.stdout + r.stderr
    question, answer = page_block(pages[0], "question"), page_block(pages[0], "answer")
    assert question.splitlines()[-4:] == ["- 2", "- -0.01", "- -2", "- 0.2"], question  # alike: no mark left
    assert answer.startswith("-2"), answer
    assert "so the answer is -2" in answer
    assert page_block(pages[1], "answer").startswith("40 dB")


def test_one_answer_list_that_mixes_bullets_is_no_mark(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "steps.md", STEPS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "* never push on a Friday" in page_block(pages[1], "answer")  # one unit only: no quiz format
