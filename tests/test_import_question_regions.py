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


INTERVIEW_NOTES = """\
---
title: "General interview questions and how to answer"
---

## General Tips
1. Stay honest.
2. Use research to guide your answer.
3. Convey healthy enthusiasm.
4. Be prepared.
5. Take your time answering.

## How to Prepare
1. Research the company.
2. Practice your answers.
3. Study the job description.
4. Plan your attire the night before.
5. Bring copies of your resume.
6. Prepare smart questions.

## Questions
### General
1. Tell me about yourself.
\t- Start with a summary of your background
\t- Then your key achievements
2. Why do you want to work here?
3. What is your greatest achievement?
4. Where do you see yourself in 5 years?
5. What motivates you?
6. How do you give feedback?
7. Tell me about your proudest professional accomplishment.

### Behavioral
1. Tell me about a time you failed.
2. Give me an example of a time you had to prioritize tasks.
3. How do you handle conflict with a peer?
4. Tell me about a time you disagreed with a supervisor.
5. Walk me through a project you led.
"""


def test_a_list_template_is_judged_where_it_asks():
    # eleven numbered tips above '## Questions' would pull the list's share of asking items down to
    # half: the template is judged on its questions' runs, the tips stay chapter text
    plan = plan_import(INTERVIEW_NOTES, "notes.md", chapter="ch")
    assert plan.question_count == 12
    titles = [p.title for p in plan.pages[1:]]
    assert not any("honest" in t or "Research" in t for t in titles)
    chapter = plan.pages[0].text
    assert "Stay honest." in chapter and "Bring copies of your resume." in chapter


def test_interview_prompts_addressed_to_the_answerer_ask():
    from qabook.importer.shapes import asks
    assert asks("Tell me about yourself.")
    assert asks("Walk me through a project you led.")
    assert not asks("Telling the story of a project")


def details_tasks(section: str, summaries: list[str]) -> str:
    out = ["# Observability (18%)", "", "## Practice questions based on these concepts", "",
           "* Understand LivenessProbes and ReadinessProbes", "* Understand Container Logging", "",
           f"## {section}", ""]
    for summary in summaries:
        out += [f"<details><summary>{summary}</summary>", "<p>", "", "```", "kubectl get pods -o wide",
                "kubectl describe pod nginx", "```", "</p>", "</details>", ""]
    return "\n".join(out)


TASKS = ["Create an nginx pod with containerPort 80 and verify it", "List all the events sorted by timestamp",
         "Get the memory and CPU usage of all the pods", "Copy the logs of the busybox pod to a file"]


def test_details_tasks_under_a_section_named_for_them_are_questions():
    # imperative summaries over a hidden answer, in '## Questions': four tasks a learner answers
    assert count(details_tasks("Questions", TASKS)) == 4
    # <details> that title something else (a release's notes) stay text, as before
    assert count(details_tasks("Release notes", ["v1.2.0", "v1.1.0", "v1.0.1", "v1.0.0"])) == 0


ZW = "\u200b"  # a zero-width space: the line shows blank
QUOTED_QUIZ = f"""\
# Knowledge test
{ZW}
## Multiple Choice
Replace the space between the `[ ]` with an `x` for your answer:
{ZW}
> Which of these countries has the largest population?
  [ ] USA
  [x] India
{ZW}
=====================
{ZW}
# Multiple Choice
> 1 - Which of these selectors has the highest specificity?
  [ x ] body > div#app
  [ ] .container #app
  [ ] *
{ZW}
> 2 - Which pattern groups multiple selectors together?
  [ ] +
  [ x ] ,
  [ ] >
{ZW}
> 3 - What is the default flex-direction?
  [ ] column
  [ x ] row
{ZW}
> 4 - Which of these properties apply to flex items? (Select all that apply)
  [ ] flex-flow
  [ x ] order
  [ x ] flex-grow
"""


def test_numbered_questions_in_blockquotes_with_bare_boxes():
    # lines of a zero-width space read as the blank lines they look like: each '> N - …' its own quote,
    # a quiz's questions; the unnumbered quote above the rule is the instructions' example
    plan = plan_import(QUOTED_QUIZ, "quiz.md", chapter="ch")
    assert plan.question_count == 4
    first, several = plan.pages[1].text, plan.pages[4].text
    question, answer = first.split("/// answer")
    assert "[ ] body > div#app" in question and "[ x ]" not in question  # shown unticked
    assert "body > div#app" in answer
    question, answer = several.split("/// answer")
    assert "[ x ]" not in question and "- order" in answer and "- flex-grow" in answer
    assert "Which of these countries" in plan.pages[0].text  # the example stays with the instructions
