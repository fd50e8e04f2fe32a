"""Questions and answers written inside blockquotes (issue 14, round 13): `> **Q:** …`, a `>` line,
`> **A:** …` — one quote per pair. The quotes were no shape at all (the importer saw an empty
'quote' block): a file of them was refused, and after `## Q:` entries they stayed chapter text.
A quote whose first line carries a question label is read as a question with its answer, the `>`
marks taken off; a quote that only cites something stays as written.
"""

from __future__ import annotations

from conftest import block
from qabook.importer import plan_import

GIT_FAQ = """# Git FAQ

Answers to what new team members ask.

> **Q:** How do I undo the last commit?
>
> **A:** Use `git reset --soft HEAD~1`: the changes stay staged.

> **Q:** How do I see what changed?
>
> **A:** Run:
>
> ```sh
> git diff
> ```

> **Q:** Why is my branch behind?
>
> **A:** Someone pushed first; pull, then push again.
"""


def test_quoted_question_answer_pairs_are_questions() -> None:
    plan = plan_import(GIT_FAQ, "git.md", chapter="c")
    assert plan.question_count == 3  # before: refused, 'no questions found'
    second = plan.pages[2].text
    assert block(second, "question") == "How do I see what changed?"
    assert block(second, "answer") == "Run:\n\n```sh\ngit diff\n```"  # the '>' marks taken off
    assert "Answers to what new team members ask." in plan.pages[0].text


MIXED = """# Markdown help

## Q: What is Markdown?
**A:** A lightweight markup language.

## Q: How do I make a list?
**A:** Start lines with `-`.

## Q: How do I make a link?
**A:** `[text](url)`.

# The same, as cards

> **Q:** Can I embed images?
>
> **A:** Yes: `![alt](src)`.

---

> **Q:** Can I write tables?
>
> **A:** Yes, with pipes.

> Markdown was created by John Gruber in 2004.
"""


def test_a_second_group_of_quoted_pairs_joins_the_headings() -> None:
    plan = plan_import(MIXED, "md.md", chapter="c")
    assert plan.question_count == 5  # before: 3, the quoted pairs left on the chapter page
    assert block(plan.pages[4].text, "answer") == "Yes: `![alt](src)`."
    assert "> Markdown was created by John Gruber in 2004." in plan.pages[0].text + plan.pages[5].text
