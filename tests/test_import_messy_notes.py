"""A new user's own notes, written as a person writes them (trial 6): mixed `##`/`###`/`####`
headings, one `Q:`/`A:` pair among bold questions, a numbered quiz with its answer key at the
end and a line of prose after it, a table, code, an image, a `<script>`. Each test below is one
thing that import got wrong on such a file (the whole file: `fixtures/import/messy-trial6.md`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM, block, open_preview, qabook
from qabook.diagnostics import MANY, Diagnostic, Severity, format_text
from qabook.importer import plan_import

MESSY = (Path(__file__).parent / "fixtures" / "import" / "messy-trial6.md").read_text(encoding="utf-8")


def topics(plan):
    return plan.pages[1:]


def tags(page) -> str:
    return next((line for line in page.text.splitlines() if line.startswith("tags:")), "")


def by_title(plan, words: str):
    return next(p for p in topics(plan) if words in p.title)


SKIPPED_LEVEL = """# Systems notes

## Concurrency

#### The GIL

**What is the GIL?**

A lock that lets one thread run bytecode at a time.

**When does threading still help?**

For I/O-bound work.

## Memory

**What is reference counting?**

Each object counts the references to it.
"""


def test_a_heading_that_skips_a_level_still_tags_the_questions_under_it() -> None:
    plan = plan_import(SKIPPED_LEVEL, "notes.md", chapter="sys")
    assert plan.question_count == 3
    gil, threads, refs = topics(plan)
    # before: both tagged 'Concurrency', the nearest '##', although '#### The GIL' encloses them
    assert tags(gil) == 'tags: ["The GIL"]' and tags(threads) == 'tags: ["The GIL"]'
    assert tags(refs) == 'tags: ["Memory"]'  # a '##' closes the '####' above it


def test_the_messy_file_tags_its_gil_questions_with_their_own_heading() -> None:
    plan = plan_import(MESSY, "messy-trial6.md", chapter="py")
    assert tags(by_title(plan, "What is the GIL")) == 'tags: ["The GIL"]'
    assert tags(by_title(plan, "list and a tuple")) == 'tags: ["Data types"]'


def _bank(n: int) -> str:
    """`n` bold questions with their answers; only the first explained (notes half written)."""
    out = ["# Notes", ""]
    for k in range(1, n + 1):
        out += [f"**What does step {k} do?**", "", f"It runs part {k}.", ""]
        if k == 1:
            out += ["**Explanation:** the first one was explained.", ""]
    return "\n".join(out)


HINT = "say so once in mkdocs.yml"


def test_the_long_hint_of_a_missing_explanation_is_printed_once() -> None:
    plan = plan_import(_bank(4), "notes.md", chapter="n")
    qi005 = [d for d in plan.diagnostics if d.code == "QI005"]
    assert len(qi005) == 3 and all(HINT in d.message for d in qi005)  # each finding whole (json, the page)
    printed = [line for line in format_text(plan.diagnostics).splitlines() if "QI005" in line]
    # before: the same two-line hint printed three times
    assert len(printed) == 3 and HINT in printed[0]
    first = qi005[0].line
    assert all(HINT not in line and line.endswith(f"(what to do: as at line {first})") for line in printed[1:])
    assert "'What does step 3 do?' has no explanation" in printed[1]  # which question, still said


def test_many_missing_explanations_end_in_one_line_that_counts_them(tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text(_bank(12), encoding="utf-8")
    r = qabook("import", str(source), "--dry-run", cwd=tmp_path)
    printed = [line for line in r.stderr.splitlines() + r.stdout.splitlines() if "QI005" in line]
    assert HINT in printed[0] and sum(HINT in line for line in printed) == 1
    assert len(printed) == MANY + 1, printed  # the first MANY, then one line for the other five
    assert "5 more like these (lines " in printed[-1]
    assert "import: 12 questions, 0 error(s), 11 warning(s)" in r.stderr  # the count is every finding


def test_a_message_said_once_still_names_its_file_when_another_file_said_it() -> None:
    a = Diagnostic("a.md", 3, 1, "QA032", "question 1 has no explanation: add a block after the answer, or, if the "
                                          "book does without them, say so once", Severity.WARNING)
    b = Diagnostic("b.md", 5, 1, "QA032", a.message.replace("question 1", "question 2"), Severity.WARNING)
    lines = format_text([a, b]).splitlines()
    assert lines[0] == str(a)
    assert lines[1] == "b.md:5:1: QA032 question 2 has no explanation (what to do: as at a.md:3)"


LONE_PAIR_IN_CHAPTER_TEXT = """# Git notes

## Branches

**How do I create a branch?**

Run `git switch -c name`.

**How do I delete a branch?**

Run `git branch -d name`.

## Odds and ends

Q: How do I undo the last commit but keep its changes?
A: `git reset --soft HEAD~1`.

## Remotes

**How do I add a remote?**

Run `git remote add origin URL`.
"""


def test_a_lone_q_and_a_pair_among_bold_questions_is_one_more_question() -> None:
    plan = plan_import(LONE_PAIR_IN_CHAPTER_TEXT, "git.md", chapter="git")
    # before: 3 questions, the pair left on the chapter page with a QI007 'A outside any question'
    assert plan.question_count == 4 and "QI007" not in {d.code for d in plan.diagnostics}
    undo = by_title(plan, "undo the last commit")
    assert block(undo.text, "answer") == "`git reset --soft HEAD~1`."
    assert tags(undo) == 'tags: ["Odds and ends"]'


def test_a_lone_q_and_a_pair_after_an_answer_does_not_put_that_answer_in_the_question() -> None:
    plan = plan_import(MESSY, "messy-trial6.md", chapter="py")
    copy = by_title(plan, "How do you copy a dict")
    # before: the dict question's answer and its code were its *question* block, the pair its answer
    assert block(copy.text, "question") == "How do you copy a dict?"
    assert "copy.deepcopy(d)" in block(copy.text, "answer") and "import copy" in block(copy.text, "answer")
    compare = by_title(plan, "What does `is` compare")
    assert block(compare.text, "answer") == "Identity (the same object), not equality."
    # read out of the dict question's answer: said at its line, as a numbered line found there is
    assert [d.line for d in plan.diagnostics if d.code == "QI012"] == [24]


EXAMPLE_DIALOGUE = """# HR questions

<details><summary>1、你为什么离职？</summary>

实话实说，但不要抱怨前公司。

</details>

<details><summary>2、你的职业规划是什么？</summary>

面试官常这样问，可以这样回答：

问：你准备在我们这家单位做多久？

答：至少三年。

</details>

<details><summary>3、你有什么问题要问我们？</summary>

问团队和业务。

</details>
"""


def test_an_example_pair_inside_a_questions_details_stays_its_answer() -> None:
    plan = plan_import(EXAMPLE_DIALOGUE, "hr.md", chapter="hr")
    assert plan.question_count == 3
    assert "问：你准备在我们这家单位做多久？" in block(topics(plan)[1].text, "answer")


def test_a_detached_answer_label_says_how_to_make_it_a_question() -> None:
    # (a line that asks over the 'A:' is a lone pair as 'Q:' is: test_a_question_line_over_an_answer_label_…)
    text = LONE_PAIR_IN_CHAPTER_TEXT.replace("Q: How do I undo the last commit but keep its changes?",
                                             "Undoing the last commit but keeping its changes.")
    plan = plan_import(text, "git.md", chapter="git")
    told = [d.message for d in plan.diagnostics if d.code == "QI007"]
    assert told and "start that line with 'Q:'" in told[0]


def test_a_question_line_over_an_answer_label_is_one_more_question() -> None:
    text = LONE_PAIR_IN_CHAPTER_TEXT.replace("Q: How do I undo", "How do I undo")
    plan = plan_import(text, "git.md", chapter="git")
    assert plan.question_count == 4 and "QI007" not in {d.code for d in plan.diagnostics}
    undo = by_title(plan, "undo the last commit")
    assert block(undo.text, "answer") == "`git reset --soft HEAD~1`."


def test_prose_after_a_quizs_last_list_question_stays_on_the_chapter_page() -> None:
    plan = plan_import(MESSY, "messy-trial6.md", chapter="py")
    falsy = by_title(plan, "Is `None` falsy")
    # before: 'I usually do this quiz on the train…' was the question block of 'Is `None` falsy?'
    assert block(falsy.text, "question") == "Is `None` falsy?"
    assert block(falsy.text, "answer").startswith("Yes")
    chapter = plan.pages[0].text
    assert chapter.index("(09-is-none-falsy.md)") < chapter.index("I usually do this quiz on the train")
    assert "QI040" not in {d.code for d in plan.diagnostics}  # the key answers it: nothing uncertain


UNKEYED_QUIZ = """# Warm-up

## Questions to think about

1. Why do we index a table?
2. What does a transaction guarantee?
3. When would you denormalise?

Think about each one for a minute before the next chapter.

## Next steps

Read chapter 2.
"""


def test_prose_after_an_unanswered_list_is_chapter_text_with_a_warning_at_its_line() -> None:
    plan = plan_import(UNKEYED_QUIZ, "warmup.md", chapter="w")
    assert plan.question_count == 3
    last = topics(plan)[-1]
    assert "Think about each one" not in last.text and "Think about each one" in plan.pages[0].text
    warned = [d for d in plan.diagnostics if d.code == "QI040"]
    assert [d.line for d in warned] == [9] and "indent it under the item" in warned[0].message


ANSWERS_UNDER_EACH = """# Warm-up

1. Why do we index a table?

To find rows without reading them all.

2. What does a transaction guarantee?

All or nothing.

3. When would you denormalise?

When reads matter more than writes.
"""


def test_answers_written_unindented_under_each_item_stay_answers() -> None:
    plan = plan_import(ANSWERS_UNDER_EACH, "warmup.md", chapter="w")
    assert [block(p.text, "answer") for p in topics(plan)] == [
        "To find rows without reading them all.", "All or nothing.", "When reads matter more than writes."]
    assert "QI040" not in {d.code for d in plan.diagnostics}


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_the_preview_says_which_question_each_key_line_answers(tmp_path: Path, browser) -> None:
    """Opened from disk as the author would: each line of the answer key at the end carries a
    '→ Answer Qn' tag beside it (before: green, with nothing saying whose answer it is)."""
    page = open_preview(browser, tmp_path, "messy-trial6.md", MESSY, width=1100, height=900)
    lines = MESSY.split("\n")
    keyed = {n: lines[n - 1] for n in range(1, len(lines) + 1) if lines[n - 1] in ("1. `yield`", "2. `0`", "3. Yes")}
    questions = {line.split(". ", 1)[1]: n for n, line in enumerate(lines, 1) if line[:3] in ("1. ", "2. ", "3. ")
                 and line.endswith("?")}
    assert len(keyed) == 3 and len(questions) == 3
    tags = {}
    for n in keyed:
        row = page.locator(f"#L{n}")
        tag = row.locator(".tag")
        assert tag.count() == 1 and tag.is_visible(), n
        tags[n] = tag.inner_text()
    number = {n: page.locator(f"#L{q}").locator(".tag").inner_text() for q, n in
              ((q, q) for q in questions.values())}
    # each key line names the tag of the question it answers: '1. `yield`' → the question tagged at '1. Which …'
    for n, text in keyed.items():
        asked = next(q for q in questions.values() if lines[q - 1].startswith(text[:3]))
        assert tags[n] == f"→ Answer {number[asked]}", (n, tags[n])
    # the answer's own lines right under its question carry no such tag
    assert page.locator(f"#L{lines.index('Floats are binary fractions; use `math.isclose`.') + 1} .tag").count() == 0
    page.screenshot(path=str(tmp_path / "preview.png"))
    page.close()


BANNER_OVER_QUESTION_HEADINGS = """# Top Fibonacci interview questions

## Basics

#### All answers are also on the website

## 1. What is the Fibonacci sequence?

Each number is the sum of the two before it.

## 2. How do you compute it without recursion?

Keep the last two numbers in a loop.

## Harder ones

## 3. What is Binet's formula?

A closed form with the golden ratio.
"""


def test_a_deeper_heading_above_a_question_heading_does_not_enclose_it() -> None:
    plan = plan_import(BANNER_OVER_QUESTION_HEADINGS, "fib.md", chapter="fib")
    assert plan.question_count == 3
    # the '####' banner closes at the '## 1.' question heading; the '##' group above it still names it
    assert [tags(p) for p in topics(plan)] == ['tags: ["Basics"]', 'tags: ["Basics"]', 'tags: ["Harder ones"]']


def test_what_follows_a_key_written_as_a_list_is_not_its_last_answer() -> None:
    plan = plan_import(MESSY, "messy-trial6.md", chapter="py")
    falsy = by_title(plan, "Is `None` falsy")
    # before: the '<script>' line after the key's '3. Yes' was in that answer
    assert block(falsy.text, "answer") == "Yes"
    assert "&lt;script>" in plan.pages[0].text
