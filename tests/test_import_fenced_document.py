"""Notes pasted whole between two ``` lines (set 12): `Q1) …` / `ANS: …` pairs inside one code fence
that is the whole document. Markdown shows it as code, so nothing is imported, but the refusal says
what it saw — the fence and its lines — how many questions the text inside holds, and how to import
them: delete the two fence lines. A fence that holds a program, or one with text outside it, gets
no such note.
"""

from __future__ import annotations

from qabook.importer import plan_import

_INSIDE = """Q1) What does git fetch do?
ANS: It downloads objects and refs from the remote.

Q2) What is a fast-forward merge?
ANS : The branch pointer moves ahead, no merge commit.

Q3) When does Git make a merge commit?
ANS: When both branches have commits of their own.
"""


def _qi001(plan) -> str:
    return next(d.message for d in plan.diagnostics if d.code == "QI001")


def test_a_document_wrapped_in_one_fence_says_how_to_import_it():
    plan = plan_import("```\n" + _INSIDE + "```\n", "notes.md")
    assert plan.question_count == 0
    message = _qi001(plan)
    assert "one code fence (lines 1–10)" in message and "3 question(s)" in message
    assert "delete the fence lines 1 and 10" in message
    assert plan_import(_INSIDE, "notes.md").question_count == 3  # what the note promises


def test_a_program_or_a_fence_among_text_gets_no_such_note():
    assert "code fence" not in _qi001(plan_import("```python\n" + _INSIDE + "```\n", "notes.md"))
    assert "code fence" not in _qi001(plan_import("Some notes.\n\n```\n" + _INSIDE + "```\n", "notes.md"))
