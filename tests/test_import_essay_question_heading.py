"""An essay whose first section is headed by a question about questions (set 12): `## What is a
question?` then `## Bad Question` over long paragraphs of prose, under a front matter that calls it
an essay. That heading names questions, but it is the first of the sections, not the document's
title: one of two headings asks, so they are an article's sections and nothing is imported. A
title above the sections that names the collection (`# Practice questions`) still makes its
sections questions.
"""

from __future__ import annotations

from qabook.importer import plan_import

_PROSE = ("Asking well is a skill. " * 12).strip()

_ESSAY = f"""---
layout: essay
title: "On asking for help"
---
## What is a question?
{_PROSE} Why do we ask at all, and what do we expect back?

## Bad Question
{_PROSE} A plea for help with no detail gets no useful answer.

# Smart Question
{_PROSE}
"""


def test_an_essays_question_heading_is_no_title():
    plan = plan_import(_ESSAY, "essay.md")
    assert plan.question_count == 0
    assert any(d.code == "QI001" and "the first of them" in d.message for d in plan.diagnostics)


def test_a_title_that_names_questions_still_counts():
    text = "# Practice questions\n\n" + _ESSAY.split("---\n", 2)[2].replace("# Smart Question", "## Smart Question")
    plan = plan_import(text, "practice.md")
    assert plan.question_count == 3
