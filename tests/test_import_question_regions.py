"""Shapes read where they repeat as questions, each in a small document written as a person
meets it: a '?' inside a link's address asks nothing; a list template judged on the region that
asks, not averaged with the tips lists above it; `<details>` tasks under a section named for
them; numbered questions in blockquotes with their `[ ]` choices; an outline of categories under
a title about questions is no Q&A.
"""

from __future__ import annotations

from qabook.importer import plan_import


def count(text: str) -> int:
    return plan_import(text, "doc.md", chapter="ch").question_count


EDITOR = "https://example.org/quiz-editor/?code=%23%23%23%20What%27s%20the%20capital%20of%20Germany%3F%0A%0A-%20%5Bx%5D" * 8


def syntax_docs(title: str) -> str:
    """A quiz tool's syntax page: section headings that link to an editor, each over a fenced example."""
    out = ["# Quiz types and syntax", "", "Quizzes are written in a markdown-like syntax.", ""]
    for kind in ("Multiple choice question", "Single choice question", "Sequence"):
        out += [f"## {kind} ([editor]({EDITOR}))" if title == "link" else f"## {kind}?", "",
                f"{kind} items use task lists:", "", "```markdown", "### What's the capital of Germany?", "",
                "- [x] Berlin", "- [ ] Paris", "```", ""]
    return "\n".join(out)


def test_a_question_mark_in_a_links_address_asks_nothing():
    # the editor's address holds '?code=…': the headings only name the kinds of question
    assert count(syntax_docs("link")) == 0
    # the same headings written as questions are questions (the reading is still there)
    assert count(syntax_docs("asked")) == 3


def outline(title: str) -> str:
    """Four category headings, each over a lead-in line and topic bullets; none asks."""
    out = [f"# {title}", ""]
    for name, topics in (("Technical Skills", ["Projects regarded by management", "Weaknesses and improvement"]),
                         ("Past Performance", ["Past achievements", "Past failures and lessons learned"]),
                         ("Self-awareness", ["Preventing problems from recurring", "Learning from failures"]),
                         ("Operational Values", ["Readiness for the new job", "Values in an employer"])):
        out += [f"## {name}", f"Focus on {name.lower()}:"] + [f"- {t}" for t in topics] + [""]
    return "\n".join(out)


def test_a_title_about_questions_names_no_collection_of_them():
    # 'Question Categories', 'Quiz types and syntax': pages about questions, their sections no questions
    assert count(outline("Interview Question Categories")) == 0
    assert count(outline("Quiz types and syntax")) == 0
    # a title that names the questions themselves makes the same sections its questions
    assert count(outline("Interview Questions")) == 4
