"""What an import must not leave behind (issue 14, round 13): a code fence its author never
closed must not swallow the questions after it; an answer key's heading whose entries all went
to their questions must not stand empty on the chapter page; `--explain` on a question read from
front matter names the line it came from. Each failed on the importer before this round.
"""

from __future__ import annotations

from pathlib import Path

from conftest import block, qabook
from qabook.importer import plan_import

UNCLOSED = """# Python notes

**Q:** How do I print in Python?

**A:** Use print:

```python
print("hi")

**Q:** How do I read a file?

**A:** Use open().

## Loops

**Q:** How do I loop over a list?

**A:** Use a for loop.
"""


def test_a_fence_never_closed_does_not_swallow_the_questions_after_it() -> None:
    """The ``` under the first answer is never closed: it held the rest of the document, so the
    import read one question (with the other two as its code). The questions after it start the way
    the document starts its questions outside the fence (`**Q:**`, `##`): the fence ends before them."""
    plan = plan_import(UNCLOSED, "notes.md", chapter="c")
    assert plan.question_count == 3  # before: 1
    first = plan.pages[1].text
    assert block(first, "answer") == 'Use print:\n\n```python\nprint("hi")\n```'
    assert block(plan.pages[2].text, "answer") == "Use open()."
    assert "## Loops" in plan.pages[0].text
    assert [d.line for d in plan.diagnostics if d.code == "QI014"] == [7]  # still said, at the fence


CODE_COMMENTS = """# Shell notes

## How do I list files?

Use `ls -l`.

## How do I count lines?

```sh
wc -l notes.txt

# count words too
wc -w notes.txt
"""


def test_a_fence_never_closed_keeps_its_comment_lines_as_code() -> None:
    """A `# comment` inside an unclosed shell fence is no heading the document uses for its
    questions (a level-1 line is its title or a comment): the fence keeps it."""
    plan = plan_import(CODE_COMMENTS, "sh.md", chapter="c")
    assert plan.question_count == 2
    assert "# count words too\nwc -w notes.txt\n```" in block(plan.pages[2].text, "answer")


QUIZ = """# Networking quiz

1. Which port does HTTPS use?
   - A. 21
   - B. 443
2. Which protocol does ping use?
   - A. ICMP
   - B. UDP

"""
QUIZ_WITH_KEY = QUIZ + """## Answers

1. B
2. A

## Further reading

- RFC 9110
"""


def test_an_answer_keys_heading_does_not_stay_empty_on_the_chapter_page(tmp_path: Path) -> None:
    """The key's entries moved into their questions' answers; its heading stood alone on the chapter
    page ('## Answers' over nothing). It opens the first answer now, and a section after the key
    stays as written."""
    plan = plan_import(QUIZ_WITH_KEY, "quiz.md", chapter="c")
    chapter = plan.pages[0].text
    assert "Answers" not in chapter  # before: '## Answers' and nothing under it
    assert "## Further reading" in chapter and "RFC 9110" in chapter
    assert block(plan.pages[1].text, "answer") == "B" and block(plan.pages[2].text, "answer") == "A"
    source = tmp_path / "quiz.md"
    source.write_text(QUIZ_WITH_KEY, encoding="utf-8")
    assert qabook("import", str(source), "--out", str(tmp_path / "docs"), "--chapter", "c").returncode == 0
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


QUIZ_WITH_NAMED_KEY = QUIZ + """### Correct Answers
1. B
2. A
"""


def test_a_key_heading_that_says_more_than_answers_keeps_its_words() -> None:
    """'### Correct Answers' over the key: its entries went to their questions and the heading
    opened the first answer, its word 'Correct' shown nowhere (a lost line, found on an outside
    quiz). The heading's words title the first answer block now, where its line goes; a bare
    '## Answers' says nothing the block does not and still titles nothing."""
    from realcorpus import lost_lines

    plan = plan_import(QUIZ_WITH_NAMED_KEY, "quiz.md", chapter="c")
    assert plan.question_count == 2
    assert "Correct" not in plan.pages[0].text
    assert "/// answer | Correct Answers\nB\n///" in plan.pages[1].text
    assert block(plan.pages[2].text, "answer") == "A"
    assert lost_lines(QUIZ_WITH_NAMED_KEY, plan) == []  # before: [10]
    bare = plan_import(QUIZ_WITH_KEY, "quiz.md", chapter="c")
    assert "/// answer\nB\n///" in bare.pages[1].text


KEY_WITH_NOTE = QUIZ + """## 答案

1. B
2. A

---

Scores are out of two, checked by the course team.
"""


def test_a_key_heading_over_more_than_its_entries_stays() -> None:
    plan = plan_import(KEY_WITH_NOTE, "quiz.md", chapter="c")
    chapter = plan.pages[0].text
    assert "## 答案" in chapter and "checked by the course team" in chapter
    assert block(plan.pages[1].text, "answer") == "B"


FRONT_TITLED = """---
title: Why does my build fail with QA011?
---

Because a page holds a question block outside a chapter.

Move the page into a chapter folder.
"""


def test_explain_names_the_front_matter_line_of_the_question(tmp_path: Path) -> None:
    source = tmp_path / "qa011.md"
    source.write_text(FRONT_TITLED, encoding="utf-8")
    r = qabook("import", str(source), "--dry-run", "--explain", "--chapter", "c")
    assert "question has no lines" not in r.stdout and "question    no lines" not in r.stdout, r.stdout
    assert "Q1 line 2: Why does my build fail with QA011?" in r.stdout, r.stdout
    assert "question    line 2  [the front matter's title]" in r.stdout, r.stdout
