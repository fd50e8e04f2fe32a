"""Reading notes whose headings are written with a tab after the marks (`##<TAB>What is …?`, a
heading in Python-Markdown and CommonMark alike) and whose third answer asks on in a list, each
item a question with its answer indented under it (`-<TAB>How many … ?` over `   <TAB>One # …`)
(measure10 en/12). A person sees each follow-up as a question of its own, as a follow-up heading
(`### 📌 **Follow-up:** …?`) is one; its answer is text on the page, not code. A list of questions
with nothing under them, or a list that is the whole answer, is the answer's text.
"""

from __future__ import annotations

from qabook.importer import plan_import

NOTES = (
    "# Learning Markdown\n\n\n"
    "##\tWhat is Markdown?\n   \n"
    "\u2022\tA markup language for adding formatting to plain text.\n\n"
    "##\tWhat symbol will create a heading in Markdown?\n   \n"
    "\u2022\t# is the symbol used for creating a heading in Markdown.\n\n"
    "-\tHow many do you need to create the largest heading?\n   \n"
    "   \tOne # is used to create the largest heading (# Heading level 1)\n\n"
    "-\tHow many do you need to create the smallest heading?\n   \n"
    "      Six # are used to create the smallest heading (###### Heading level 6)\n\n"
    "##\tHow do you create a link with Markdown?\n   \n"
    "\u2022\tBrackets around the name, then the address in parentheses.\n"
)


def _plan(text: str):
    return plan_import(text, "read01.md", chapter="c")


def test_asking_items_with_indented_answers_after_an_answer_are_follow_up_questions() -> None:
    plan = _plan(NOTES)
    titles = [p.title for p in plan.pages[1:]]
    assert titles == ["What is Markdown?", "What symbol will create a heading in Markdown?",
                      "How many do you need to create the largest heading?",
                      "How many do you need to create the smallest heading?",
                      "How do you create a link with Markdown?"], titles
    largest = plan.pages[3].text
    assert "\nOne # is used to create the largest heading" in largest, largest  # flush: text, not code
    assert "# is the symbol used" in plan.pages[2].text  # the heading's own answer stays with it
    assert sum(d.code == "QI012" for d in plan.diagnostics) == 2


def test_asking_items_with_nothing_under_them_are_the_answers_text() -> None:
    text = NOTES.replace("   \n   \tOne # is used to create the largest heading (# Heading level 1)\n", "") \
                .replace("   \n      Six # are used to create the smallest heading (###### Heading level 6)\n", "")
    plan = _plan(text)
    assert plan.question_count == 3, [p.title for p in plan.pages[1:]]


def test_a_list_that_is_the_whole_answer_stays_the_answer() -> None:
    text = NOTES.replace("\u2022\t# is the symbol used for creating a heading in Markdown.\n\n", "")
    plan = _plan(text)
    assert plan.question_count == 3, [p.title for p in plan.pages[1:]]
