"""A docs page that keeps its quizzes in MkDocs admonitions (set 12): each `## ` section introduces
one `!!! exercise choice "Title"` box — its stem and `- [x]` choices indented under it, a nested
`!!! answer` — and some sections between them are prose about writing quizzes. What repeats as a
question is the box, not the section: the boxes are the questions, the sections (those with no box
too) stay on the chapter page. The box's class words before its quoted title (`exercise choice`)
are classes, as Python-Markdown reads them; the quoted title is the box's title.
"""

from __future__ import annotations

from conftest import block

from qabook.importer import plan_import
from qabook.importer.elements import Element
from qabook.importer.shapes import shape_of

_PAGE = """# Quiz examples

Each example below shows one kind of question.

## Capitals

The simplest form, one right answer:

!!! exercise choice "Europe"

    Which city is the capital of Portugal?

    - [ ] Porto
    - [x] Lisbon
    - [ ] Braga

    !!! answer
        Lisbon has been the capital since the 13th century.

## Writing good distractors

Wrong options should look plausible to someone who has not learned the topic.

- Keep them the same length as the right one
- Avoid jokes

## Rivers

A harder one:

!!! exercise choice "Longest rivers"

    Which river flows through Budapest?

    - [x] Danube
    - [ ] Rhine
    - [ ] Elbe

    !!! answer
        The Danube divides Buda from Pest.

## Mountains

!!! exercise choice "Peaks"

    Which range holds Mont Blanc?

    - [ ] Pyrenees
    - [x] Alps

    !!! answer
        Mont Blanc is the highest peak of the Alps.

## Theme support

The boxes take the site's colours, in light and dark mode.
"""


def test_the_boxes_are_the_questions_not_the_sections():
    plan = plan_import(_PAGE, "examples.md")
    assert plan.question_count == 3
    titles = [p.title for p in plan.pages[1:]]
    assert titles == ["Europe", "Longest rivers", "Peaks"]
    first = plan.pages[1].text
    assert "Which city is the capital of Portugal?" in block(first, "question")
    assert "Lisbon has been the capital" in block(first, "answer")
    chapter = plan.pages[0].text
    for prose in ("## Writing good distractors", "Avoid jokes", "## Theme support", "light and dark mode"):
        assert prose in chapter


def test_class_words_before_a_quoted_title_are_classes():
    line = '!!! exercise choice "Longest rivers"'
    shape = shape_of(Element("paragraph", 0, 1, line, 0, 1), lines=[line])
    assert shape.box == "adm" and shape.title == "Longest rivers" and shape.asking
