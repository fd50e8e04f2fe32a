"""A list of one-line questions beside a bank of answered ones (issue 14 item 1, outside set
measure7 en/01): '### Simple Questions' over bold bullets with no answers, then the bank's
`<details>` questions. The list's heading names its items questions, and the bank shows the
document is a Q&A, so each item is a question (its answer missing), prompts ('Tell me about…')
too. A list inside an answer is the answer's points; a list under a heading that names no
questions stays chapter text.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

BANK = """# Test your ops skills

## Introduction

### Simple Questions

- <b>What did you learn this week?</b>
- <b>Tell me about the last project you finished.</b>
- <b>Which tool do you install first on a new laptop?</b>
- <b>Describe the setup of your homelab.</b>

### Useful links

- [The manual](https://example.org/manual)
- [The wiki](https://example.org/wiki)

## Junior

<details>
<summary><b>What is a process?</b></summary><br>

A running program with its own memory.

- What does it own? Memory and file descriptors.
- What is its id? A number the kernel gives it.

</details>

<details>
<summary><b>What does <code>chmod 644</code> do?</b></summary><br>

Owner reads and writes, others read.

</details>

<details>
<summary><b>Why use a swap partition?</b></summary><br>

To page out memory under pressure.

</details>
"""


def test_a_named_list_of_questions_beside_a_bank_is_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ops.md", BANK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 7, [p.name for p in pages]  # 4 simple questions + 3 <details> questions
    assert "What did you learn this week?" in page_block(pages[0], "question")
    assert "原文" not in page_block(pages[0], "answer")  # an English document: the note is in English
    process = next(p for p in pages if "process" in p.name)
    assert "What is its id?" in page_block(process, "answer")  # a list inside an answer stays the answer's
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "The manual" in chapter  # the links under 'Useful links' are chapter text


def test_questions_to_ask_someone_else_beside_a_bank_stay_chapter_text(tmp_path: Path) -> None:
    text = BANK.replace("### Simple Questions", "### Questions to ask the interviewer")
    r, pages = import_document(tmp_path, "ops.md", text)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3, [p.name for p in pages]
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "What did you learn this week?" in chapter


TASK = """<details>
<summary><b>The client reports a grade B in the TLS scanner. Prepare a checklist of best practice for the configuration.</b></summary><br>

Useful resources:

- [Getting a perfect score](https://example.org/perfect-score)
- [Small suggestions](https://example.org/suggestions)
- [How do you score A+ on every category?](https://example.org/a-plus)

</details>

"""


MORE = "".join(f"""<details>
<summary><b>What does signal {n} do?</b></summary><br>

It is signal number {n}.

</details>

""" for n in (1, 2, 9))


def test_a_details_task_answered_only_by_pointers_is_a_question(tmp_path: Path) -> None:
    text = BANK.replace("<details>\n<summary><b>Why use", TASK + "<details>\n<summary><b>Why use") + "\n" + MORE
    r, _ = import_document(tmp_path, "ops.md", text)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = sorted((tmp_path / "docs" / "c").glob("[0-9]*.md"))
    assert len(pages) == 11, [p.name for p in pages]  # 4 simple + 7 <details>, the task one of them
    task = next(p for p in pages if "checklist" in page_block(p, "question"))
    assert "perfect-score" in page_block(task, "answer")
    chmod = next(p for p in pages if "chmod" in p.name)
    assert "checklist" not in chmod.read_text(encoding="utf-8")  # not merged into the question before it
