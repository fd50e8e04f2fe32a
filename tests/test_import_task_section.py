"""A course project's README whose exercises are numbered headings one by one under a section
titled 'Tasks' (few of them ask, none is answered): each is an exercise, as the section's title
says. A project plan with the same shape, none of its tasks written as a question, stays refused."""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, qabook

README = """# 0x02. Shell basics

In this project you practise the commands every shell user needs.

## Learning objectives

- How to move between directories
- How to list files

## Tasks

### 0. Where am I? (mandatory)
- Write a script that prints the absolute path of the current directory.
- File in the repository: `0-current_working_directory`

---

### 1. Files here (mandatory)
- Write a script that lists the files of the current directory.
- File in the repository: `1-listit`

---

### 2. Back home (mandatory)
- Write a script that changes the working directory to the user's home.
- File in the repository: `2-bring_me_home`

---

### 3. Hidden files (mandatory)
- Write a script that lists all files, hidden ones too, in long format.
- File in the repository: `3-listfiles`

---

### 4. Permissions (mandatory)
- Write a script that makes the file `hello` executable by its owner.
- File in the repository: `4-has_execute_permissions`
"""

PLAN = README.replace("### 0. Where am I? (mandatory)", "### 0. Print the directory (mandatory)")


def test_numbered_headings_under_a_tasks_section_are_its_exercises(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "shell.md", README)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5
    assert "Where am I?" in pages[0].read_text(encoding="utf-8")
    assert "absolute path" in pages[0].read_text(encoding="utf-8")
    assert "Permissions" in pages[4].read_text(encoding="utf-8")
    assert "executable" in pages[4].read_text(encoding="utf-8")
    assert "Learning objectives" not in "".join(p.read_text(encoding="utf-8") for p in pages)


def test_a_tasks_section_where_nothing_asks_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "plan.md", PLAN)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr


def test_explain_says_the_section_named_the_exercises(tmp_path: Path) -> None:
    source = tmp_path / "shell.md"
    source.write_text(README, encoding="utf-8")
    r = qabook("import", str(source), "--dry-run", "--explain", "--out", str(tmp_path / "docs"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "under a section that names them as exercises or tasks" in r.stdout + r.stderr
