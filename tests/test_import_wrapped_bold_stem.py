"""A quiz whose bold question lines are hard-wrapped (set 14, issue 14): '**1. What do we do to a
statement that is immediately after an if' / 'statement to run it only when the if is true?**' is
one bold line a person reads, written over two. It is a question like its one-line siblings, and
all its lines are the question's, not the start of its answer.
"""

from __future__ import annotations

from qabook.importer import plan_import

QUIZ = """# Chapter 3 quiz

**1. What do we do to a Python statement that is immediately after an if
statement to indicate that it runs only when the if statement is true?**

    1) Start the statement with a "#" character
    2) Indent the line below the if statement

_Answer is 2) Indent the line below the if statement_

**2. Which of these operators is not a comparison operator?**

    1) !=
    2) =

_Answer is 2) =_

**3. What is the Python reserved word that we use in two-way if tests?**

    1) else
    2) switch

_Answer is 1) else_

**4. What will the following code print out?**

    1) Small
    2) Nothing

_Answer is 1) Small_
"""


def test_a_bold_question_wrapped_over_two_lines_is_one_question() -> None:
    plan = plan_import(QUIZ, "quiz3.md", chapter="c")
    assert plan.question_count == 4  # before: 3, the wrapped one left on the chapter page
    first = next(p for p in plan.pages if p.rel != "c/index.md" and any(3 in o.src for o in p.lines))
    question = [o for o in first.lines if 4 in o.src]
    assert question and question[0].text.startswith("# ")  # its second line is the question's title, not its answer
    assert "indicate that it runs only when the if statement is true?" in question[0].text


def test_the_same_quiz_with_bold_questions_asked_for_reads_the_same() -> None:
    """`--bold-questions` reads a bold line as the automatic reading does: the wrapped one is one
    of the four (before: its first line is no bold line to the option, and the quiz read as 3 with
    the wrapped stem in the chapter text — review31 item 2: two `first_line`s)."""
    from qabook.importer.options import ImportOptions

    plan = plan_import(QUIZ, "quiz3.md", chapter="c", options=ImportOptions(bold_questions=True))
    assert plan.question_count == 4
