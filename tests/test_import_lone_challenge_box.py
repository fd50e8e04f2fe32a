"""One Pandoc `::: exercise` box with its `::: solution` inside, among ordinary '## N.' questions
(trial 7): the box is one question of its own (its class word says so), the table before it stays
with the question above, and no `:::` fence line shows on any page. Alone in a file, it imports too.
"""

from __future__ import annotations

from conftest import block

from qabook.importer import plan_import

_BOX = """::: exercise
**Exercise:** Print the ten largest files under `/srv`.

::: solution
```bash
du -a /srv | sort -n -r | head -n 10
```
:::
:::
"""

_NOTES = """# Shell notes

## 1. What does `umask 022` mean?

New files lose write permission for group and others.

## 2. Compare `cp` and `rsync`

| | cp | rsync |
|---|---|---|
| resumes | no | yes |
| remote | no | yes |

rsync is the tool for large trees.

""" + _BOX


def test_lone_box_is_its_own_question_and_no_fence_shows():
    plan = plan_import(_NOTES, "notes.md")
    assert plan.question_count == 3
    second, box = plan.pages[2], plan.pages[3]
    assert "| resumes | no | yes |" in block(second.text, "answer")
    assert "Print the ten largest files" in block(box.text, "question")
    assert "du -a /srv" in block(box.text, "answer")
    for page in plan.pages:
        assert not any(line.strip().startswith(":::") for line in page.text.splitlines()), page.rel


def test_lone_box_alone_is_one_question():
    plan = plan_import("# Drill\n\n" + _BOX, "drill.md")
    assert plan.question_count == 1
    assert "du -a /srv" in block(plan.pages[1].text, "answer")
