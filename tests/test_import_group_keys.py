"""Answer keys written one per group at the end of a quiz (issue 14, set 13): `## Answers` over
`### Beginner Level Answers` (1.–3.), `### Advanced Level Answers` (4.–6.), `### True or False Answers`
(7.–8.), `### Fill in the Blank Answers`, while the questions' numbering goes on across the groups and a
group the keys do not number (scenarios) stands between them. A person matches each entry to the
question of its number; a key's heading names answers, it asks nothing. Each test failed on the
importer before its change.
"""

from __future__ import annotations

import re

from qabook.importer import plan_import

QUIZ = """# Git Quiz

## Beginner Level

### Question 1
What command initializes a repository?

A) `git start`
B) `git init`

### Question 2
How do you stage a file?

A) `git stage`
B) `git add`

### Question 3
What does `git status` show?

A) The log
B) The working tree's state

## Advanced Level

### Question 4
What does `git reflog` show?

A) Remote branches
B) Where HEAD has been

### Question 5
What does `git bisect` do?

A) Binary search for a bad commit
B) Splits a commit

### Question 6
What does `git revert` make?

A) A new commit that undoes one
B) A deleted commit

## Scenarios

### Scenario 1
You committed to the wrong branch. What do you do?

A) Delete the repository
B) Create a branch here, reset the other

### Scenario 2
You need to fix a bug while your changes are unfinished. What do you do?

A) `git stash`, fix, `git stash pop`
B) Delete the changes

## True or False

### Question 7
True or False: `git pull` is `git fetch` then `git merge`.

### Question 8
True or False: deleting a branch deletes its commits.

## Fill in the Blank

### Question 9
To see who changed each line: `git ___ file.txt`

### Question 10
To list every branch: `git branch ___`

---

## Answers

### Beginner Level Answers
1. B - `git init`
2. B - `git add`
3. B - the working tree's state

### Advanced Level Answers
4. B - where HEAD has been
5. A - a binary search
6. A - a new commit

### Scenario-Based Answers
Scenario 1: B - branch, then reset
Scenario 2: A - stash

### True or False Answers
7. True - pull fetches and merges
8. False - only the pointer goes

### Fill in the Blank Answers
9. `blame`
10. `-a`
"""


def _answer(text: str) -> str:
    m = re.search(r"^/// answer\b.*?\n(.*?)^///$", text, re.S | re.M)
    return m.group(1).strip() if m else ""


def test_each_groups_key_answers_the_questions_it_numbers():
    plan = plan_import(QUIZ, "quiz.md")
    pages = [p for p in plan.pages if p.questions]
    assert plan.question_count == 12
    answers = {p.title: _answer(p.text) for p in pages}
    assert "`git init`" in answers["What command initializes a repository?"]
    assert "where HEAD has been" in answers["What does `git reflog` show?"]
    assert "pull fetches and merges" in answers["True or False: `git pull` is `git fetch` then `git merge`."]
    assert "`blame`" in answers["To see who changed each line: `git ___ file.txt`"]  # a key's heading of four words
    missing = [d.line for d in plan.diagnostics if d.code == "QI004"]
    assert all(QUIZ.split("\n")[n - 1].startswith("### Scenario") for n in missing)  # (named, not numbered)


def test_a_keys_heading_that_names_a_kind_of_question_is_no_question():
    plan = plan_import(QUIZ, "quiz.md")
    assert not any("Answers" in p.title for p in plan.pages if p.questions)


PRACTICE = QUIZ + """
---

## Practice Exercises

### Exercise 1: Branch Management
```bash
# Create three branches, commit on each, merge them into main
git init practice && cd practice
```

### Exercise 2: Time Travel
```bash
# Reset two commits back, then find them again with the reflog
git reset --hard HEAD~2
```

### Exercise 3: Collaboration
```bash
# Two clones, conflicting changes, one merge
git clone practice dev1
```
"""


def test_practice_after_the_quizs_answers_stays_chapter_text_and_says_so():
    # the quiz is over where its answers are given; tasks titled by a topic after them are the reader's
    # practice (the document's count: the 12 quiz items), and the importer says where it read them so
    plan = plan_import(PRACTICE, "quiz.md")
    assert plan.question_count == 12
    said = [d for d in plan.diagnostics if d.code == "QI042"]
    assert len(said) == 1 and PRACTICE.split("\n")[said[0].line - 1] == "### Exercise 1: Branch Management"
    chapter = next(p for p in plan.pages if not p.questions)
    assert "Exercise 2: Time Travel" in chapter.text


MATCHING = """# Git Quiz

## Basics

### Question 1
What command initializes a repository?

A) `git start`
B) `git init`

### Question 2
How do you stage a file?

A) `git stage`
B) `git add`

### Question 3
What does `git status` show?

A) The log
B) The working tree's state

## Scenarios

### Scenario 1
You committed to the wrong branch. What do you do?

A) Delete the repository
B) Create a branch here, reset the other

### Scenario 2
You need to fix a bug while your changes are unfinished. What do you do?

A) `git stash`, fix, `git stash pop`
B) Delete the changes

### Scenario 3
A secret was pushed to a shared branch. What comes first?

A) Rotate the secret
B) Rewrite the history

## Command Matching

Match the command to its purpose:

### Commands:
A) `git reflog`
B) `git bisect start`
C) `git stash pop`

### Purposes:
1. Start a binary search for a buggy commit
2. Apply and drop the latest stash
3. View where HEAD has been

---

## Answers

### Basics Answers
1. B - `git init`
2. B - `git add`
3. B - the working tree's state

### Command Matching Answers
A-3, B-1, C-2
"""


def test_a_matching_item_in_two_named_parts_is_one_question_showing_both():
    plan = plan_import(MATCHING, "quiz.md")
    pages = [p for p in plan.pages if p.questions]
    assert plan.question_count == 7
    question = re.search(r"^/// question\b.*?\n(.*?)^///$", pages[6].text, re.S | re.M).group(1)
    assert "`git reflog`" in question and "View where HEAD has been" in question  # both lists, before revealing
    assert "HEAD has been" not in _answer(pages[6].text)


def test_a_matching_item_in_two_parts_named_in_chinese_is_one_question_showing_both():
    """'### 命令：' / '### 用途：' are parts named with a colon as 'Commands:' / 'Purposes:' are
    (`shapes.part_name`): the second part is the question's too, not its answer."""
    plan = plan_import(MATCHING.replace("### Commands:", "### 命令：").replace("### Purposes:", "### 用途："), "quiz.md")
    pages = [p for p in plan.pages if p.questions]
    assert plan.question_count == 7
    question = re.search(r"^/// question\b.*?\n(.*?)^///$", pages[6].text, re.S | re.M).group(1)
    assert "`git reflog`" in question and "View where HEAD has been" in question
    assert "HEAD has been" not in _answer(pages[6].text)
