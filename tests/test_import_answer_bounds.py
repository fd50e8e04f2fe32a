"""Where a question's answer is and where it ends (issue 14, the second outside measurement,
part B): shapes written here as a person writes them, imported with `qabook import` as a person
does, and asserted on the pages and messages the person sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import import_document, page_block, qabook

CARDS = [("Is a commercial licence covered by copyright?", "Yes, by the author's copyright."),
         ("May you copy software under a commercial licence?", "One backup copy only."),
         ("May you modify freeware?", "No: the author keeps that right."),
         ("May you decompile shareware?", "No."),
         ("Is open source software free of any licence?", "No: it has a licence that grants rights."),
         ("May you sell copies of GPL software?", "Yes, with its source."),
         ("The GPL in one sentence", "Share the source of what you share.")]  # a front that does not ask


@pytest.mark.parametrize("divider", ["?", "Answer"])
def test_flash_cards_split_by_a_line_that_repeats_between_front_and_back(tmp_path: Path, divider: str) -> None:
    """Spaced-repetition cards: the front, a lone divider line ('?' in Obsidian's cards, or a bare
    'Answer'), the back. Nothing lists the divider: it repeats under every front. Before, the
    document was refused ('no questions found')."""
    doc = ["---", "tags: [flashcards]", "---", "## Licences", ""]
    for front, back in CARDS:
        doc += [front, divider, back, "", ""]
    run, pages = import_document(tmp_path, "licences.md", "\n".join(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(pages) == len(CARDS)
    for page, (front, back) in zip(pages, CARDS):
        assert page_block(page, "question") == front
        assert page_block(page, "answer") == back  # the divider is no part of the answer
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_repeated_closing_line_under_prose_is_no_divider(tmp_path: Path) -> None:
    """The closing ':::' of a docs site's warnings repeats as often, glued under text and followed
    by text, but not under questions: the guide stays refused."""
    doc = ["# Install guide", ""]
    for step in ("Download the archive.", "Unpack it anywhere.", "Run the installer.", "Restart the shell."):
        doc += ["## " + step.split()[0], "", ":::warning", step, ":::", "", "Then go on.", ""]
    run, pages = import_document(tmp_path, "guide.md", "\n".join(doc))
    assert run.returncode == 1 and not pages
    assert "QI001" in run.stdout + run.stderr


VIDEOS = [("What happens on a page fault?", "BV1a"), ("How does a system call reach the kernel?", "BV1b"),
          ("Processes and threads compared", "BV1c"), ("The reactor model in network servers", "BV1d"),
          ("Why do we need virtual memory?", "BV1e"), ("Raft, animated", "BV1f")]


def test_numbered_headings_whose_only_answer_is_their_link(tmp_path: Path) -> None:
    """A list of interview questions answered by videos: '#### 3. [question](video)' and nothing
    under it. Each is a question; what it links to is its answer (the page's title and question are
    the words; the answer is the link). Before, the document was refused."""
    doc = ["# Operating systems interview questions, answered on video", ""]
    for n, (q, video) in enumerate(VIDEOS, 1):
        doc += [f"#### {n}. [{q}](https://videos.example.org/{video}/?from=list)", ""]
    run, pages = import_document(tmp_path, "videos.md", "\n".join(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(pages) == len(VIDEOS)
    for page, (q, video) in zip(pages, VIDEOS):
        text = page.read_text(encoding="utf-8")
        assert f"\n# {q}\n" in text
        assert page_block(page, "question") == q
        assert page_block(page, "answer") == f"[{q}](https://videos.example.org/{video}/?from=list)"
    assert "QI004" not in run.stdout + run.stderr  # the link is an answer, not a missing one
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_reading_list_of_linked_items_is_no_question_bank(tmp_path: Path) -> None:
    """Numbered list items that are only links (further reading), some of them asking, stay text."""
    doc = ["# Notes on my job search", "", "## Background", "", "I studied physics, then moved to software.", "",
           "## Further reading", ""]
    for n, (q, video) in enumerate(VIDEOS, 1):
        doc += [f"{n}. [{q}](https://blog.example.org/{video})"]
    run, pages = import_document(tmp_path, "notes.md", "\n".join(doc) + "\n")
    assert run.returncode == 1 and not pages


EXERCISES = [("Convert to a string", "Complete the code so that it returns the number in base 36.",
              "return n.____(36);", "return n.toString(36);"),
             ("Parse a number", "Complete the code so that it parses `s` in base `b`.",
              "return ____(s, b);", "return parseInt(s, b);"),
             ("Truthiness", "What does this print, and why?", "console.log(Boolean([]));",
              "console.log(Boolean([])); // true: an array is an object")]


def test_one_details_answer_key_after_exercises_answers_each_by_number(tmp_path: Path) -> None:
    """A lesson's exercises ('### Exercise N: title', a task, code with blanks), then one
    '<details><summary>Answers</summary>' holding 'Exercise N:' and the completed code. The key's
    entries are answers, never questions; the code under each exercise is its task. Before, each
    key entry became a question of its own (with no answer) and the tasks were read as answers."""
    doc = ["# Type conversion", "", "Numbers, strings and booleans convert into each other.", "", "## Exercises", ""]
    for n, (title, task, blank, _) in enumerate(EXERCISES, 1):
        doc += [f"### Exercise {n}: {title}", "", task, "", "```javascript", blank, "```", ""]
    doc += ["<details>", "<summary>Answers</summary>", ""]
    for n, (*_, solution) in enumerate(EXERCISES, 1):
        doc += [f"Exercise {n}:", "", "```javascript", solution, "```", ""]
    doc += ["</details>", ""]
    run, pages = import_document(tmp_path, "lesson.md", "\n".join(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(pages) == len(EXERCISES)
    for page, (title, task, blank, solution) in zip(pages, EXERCISES):
        assert f"\n# {title}\n" in page.read_text(encoding="utf-8")
        assert page_block(page, "question") == f"{task}\n\n```javascript\n{blank}\n```"
        assert page_block(page, "answer") == f"```javascript\n{solution}\n```"
    said = run.stdout + run.stderr
    assert "QI024" not in said and "QI019" not in said  # every key line placed, each entry matched
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_details_under_each_question_stay_that_questions_answer(tmp_path: Path) -> None:
    """'**Question N:** …' each with its own '<details><summary>Answer</summary>' holding a
    numbered list of points: each details is one question's answer, not a key for all."""
    doc = ["# Self test", ""]
    for n, (title, task, *_) in enumerate(EXERCISES, 1):
        doc += [f"**Question {n}:** {task}", "", "<details>", "<summary>Answer</summary>", "",
                f"1. First point about {title.lower()}.", f"2. Second point about {title.lower()}.", "",
                "</details>", ""]
    run, pages = import_document(tmp_path, "self-test.md", "\n".join(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(pages) == len(EXERCISES)
    for page, (title, *_) in zip(pages, EXERCISES):
        assert f"First point about {title.lower()}." in page_block(page, "answer")
        assert f"Second point about {title.lower()}." in page_block(page, "answer")


FAQ = [("How do I get access to the repository?", "Ask an owner for the 'write' role."),
       ("Why does the sidebar show no entries?", None),
       ("How do I preview a page?", "Run the local server and open the address it prints."),
       ("Why is my table shown as text?", "Leave a blank line before it."),
       ("How do I add a picture?", "Put it beside the page and link it.")]


def test_labelled_cases_inside_one_faq_answer_are_its_content(tmp_path: Path) -> None:
    """A docs FAQ: '### Q: …?' headings, a bold '**A: …**' lead under each. One answer lists
    three troubleshooting cases as '**Question 1: …**' with a fenced cause and fix. Those are that
    answer's content (they do not look like the document's questions: not headings, bunched in
    one answer); before, they became three questions and their FAQ entry was lost."""
    doc = ["# Frequently asked questions", "", "## Access", ""]
    for q, a in FAQ:
        doc += [f"### Q: {q}", ""]
        if a:
            doc += [f"**A: {a}**", "", "That is all there is to it.", ""]
            continue
        doc += ["**A: Check the sidebar file**", "", "#### Common cases", ""]
        for n, (case, fix) in enumerate((("Menu missing", "create _sidebar.md"), ("Links dead", "fix the paths"),
                                         ("Wrong levels", "indent with spaces")), 1):
            doc += [f"**Question {n}: {case}**", "```text", f"Fix: {fix}", "```", ""]
    run, pages = import_document(tmp_path, "faq.md", "\n".join(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    assert [p.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0] for p in pages] == [q for q, _ in FAQ]
    sidebar = page_block(pages[1], "answer")
    for case in ("Menu missing", "Links dead", "Wrong levels", "Fix: indent with spaces"):
        assert case in sidebar


PROMPTS = ["What does it do?", "Who needs it?", "What does it cost?", "What could go wrong?"]


def test_a_list_of_prompts_with_no_answer_slot_is_refused_saying_why(tmp_path: Path) -> None:
    """A writer's template: prose, then a bullet list of questions to keep in mind while writing.
    No answers, no links to one, and the title names no Q&A: prompts, not a bank. Refused
    (QI001), and the message says which list was turned down and why."""
    doc = ["# Concept page", "", "Explain one idea per section.", "", "## Section", "",
           "Questions you could keep in mind while writing:", ""]
    doc += [f"- {p}" for p in PROMPTS] + ["", "## Another section", "", "Add more sections as needed.", ""]
    run, pages = import_document(tmp_path, "template.md", "\n".join(doc))
    assert run.returncode == 1 and not pages
    said = run.stdout + run.stderr
    assert "QI001" in said and "(first: 'What does it do?', line 9)" in said and "prompts, not a bank" in said


@pytest.mark.parametrize("title, item", [("# Chapter 3 study questions", "- {p}"),
                                         ("# Concept page", "- [{p}](https://example.org/answers#{n})")])
def test_unanswered_questions_that_show_they_are_a_bank_are_kept(tmp_path: Path, title: str, item: str) -> None:
    """The same list is a bank when the title names one, or when each item links to its answer."""
    doc = [title, "", "Explain one idea per section.", ""]
    doc += [item.format(p=p, n=n) for n, p in enumerate(PROMPTS)] + [""]
    run, pages = import_document(tmp_path, "bank.md", "\n".join(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(pages) == len(PROMPTS)


def test_field_labels_that_open_with_a_question_word_do_not_ask(tmp_path: Path) -> None:
    """A project note: '- Purpose: …', '- How: … Examples:' with a nested list. 'How:' is a field's
    label, the text after it tells; before, the two items were imported as two questions."""
    doc = ["# Quiz sync tool", "- Purpose: Turn the notes I write into review cards that I keep for years.",
           "- How: A small command syncs every note of a folder into the card deck. Examples:",
           "  1. {The} capital (a hidden word becomes a blank)", "  2. Spanish nouns ending in -or, el or la? (a question card)",
           "     - el amor", "     - el dolor", "  3. SLO: __service level objective__ (an abbreviation)", ""]
    run, pages = import_document(tmp_path, "note.md", "\n".join(doc))
    assert run.returncode == 1 and not pages
    assert "QI001" in run.stdout + run.stderr
