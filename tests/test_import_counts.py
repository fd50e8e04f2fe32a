"""Where one question ends and the next begins: the right count, not twice and not half.

Each test imports a document a person writes, through the real `qabook import` command, and
checks the number of questions, what each holds, and the warning at the line where the importer
had to choose (issue 14 items 1 and 2).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import block, qabook


def _import(tmp_path: Path, text: str, *extra: str):
    source = tmp_path / "source.md"
    source.write_text(text, encoding="utf-8")
    run = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--chapter", "c", *extra)
    assert run.returncode == 0, run.stderr
    pages = sorted(p for p in (tmp_path / "docs" / "c").glob("*.md") if p.name != "index.md")
    return run, pages


def _count(run) -> int:
    return int(re.search(r"import: (\d+) questions?", run.stdout + run.stderr).group(1))


RUN_ON = """# Cloud fundamentals — practice test

### 1 . Which service stores secrets and certificates for your applications?

- [ ] Blob Storage
- [x] Key Vault
- [ ] Monitor

<details><summary>Explanation</summary>

Key Vault keeps secrets, keys and certificates.

</details>

### 2 . A team runs simulations on pre-configured virtual machines in a lab-like environment.

### As their consultant, which service would you recommend?

- [x] DevTest Labs
- [ ] Virtual Desktop

<details><summary>Explanation</summary>

DevTest Labs gives lab environments with templates and quotas.

</details>

### 3 . Yes or No: a resource can connect to resources in other resource groups.

- [x] Yes
- [ ] No

<details><summary>Explanation</summary>

Resource groups organise resources; they do not isolate their networks.

</details>
"""


def test_a_title_over_two_headings_is_one_question(tmp_path: Path) -> None:
    run, pages = _import(tmp_path, RUN_ON)
    assert len(pages) == 3 and _count(run) == 3
    second = pages[1].read_text(encoding="utf-8")
    h1 = next(line for line in second.splitlines() if line.startswith("# "))
    assert "lab-like environment" in h1 and "which service would you recommend?" in h1
    assert "DevTest Labs" in block(second, "question")
    assert "DevTest Labs gives lab environments" in block(second, "answer")
    # the importer chose: it says so at the heading it joined
    assert re.search(r"source\.md:17:1: QI028 .*line 15", run.stdout + run.stderr)


LETTERED = """# JavaScript interview questions

## Question 1. What does `typeof null` return?

<details><summary><b>Answer</b></summary>

`"object"`, a bug kept for compatibility.

</details>

## Question 2a. What is the difference between these two declarations?

```javascript
var foo = function () {};
function bar() {}
```

<details><summary><b>Answer</b></summary>

`foo` is a function expression, assigned at run time; `bar` is hoisted whole.

</details>

## Question 2b. What is the output of the following?

```javascript
console.log(typeof bar);
function bar() {}
```

<details><summary><b>Answer</b></summary>

`function`

</details>

## Question 3. How do you empty an array?

<details><summary><b>Answer</b></summary>

`arr.length = 0`

</details>
"""


def test_lettered_parts_of_one_number_are_questions_of_their_own(tmp_path: Path) -> None:
    run, pages = _import(tmp_path, LETTERED)
    assert len(pages) == 4 and _count(run) == 4
    texts = [p.read_text(encoding="utf-8") for p in pages]
    titles = [next(line for line in t.splitlines() if line.startswith("# ")) for t in texts]
    assert titles[1] == "# What is the difference between these two declarations?"  # not 'a. What is …'
    assert titles[2] == "# What is the output of the following?"
    assert "hoisted whole" in block(texts[1], "answer") and "hoisted whole" not in texts[2]
    assert "var foo" in block(texts[1], "question")


GROUPED_FAQ = """# FAQ

## Installation

#### The build of the native extension fails

Install a C compiler first (`build-essential` on Debian), then run the install again.

#### Which Python version should I use?

3.10 or later; older versions lack the syntax the package uses.

#### Where does the configuration file live?

In `~/.config/tool/config.toml`; create it if it is missing.

## Running

#### Can I run it without a GPU?

Yes, on the CPU; it is slower but gives the same results.

#### Why is the output garbled in the terminal?

Your terminal is not in UTF-8; set `LANG=C.UTF-8`.

## Docker

#### Pulling the official image is very slow

Use a registry mirror close to you, or build the image locally from the Dockerfile.
"""


def test_an_answered_statement_under_a_group_heading_is_an_entry_not_the_documents_head_or_tail(tmp_path: Path) -> None:
    run, pages = _import(tmp_path, GROUPED_FAQ)
    assert _count(run) == 6 and len(pages) == 6
    first = pages[0].read_text(encoding="utf-8")
    assert first.splitlines()[first.splitlines().index("---", 1) + 2] == "# The build of the native extension fails"
    assert "build-essential" in block(first, "answer")
    last = pages[-1].read_text(encoding="utf-8")
    assert "# Pulling the official image is very slow" in last and "registry mirror" in block(last, "answer")


REPEATED_KEY = """# Quiz: Git basics

Answer true or false, then check the key at the end.

## Questions

### Level 1: Remember

**Question 1**: Remember - Basic

`git init` creates a new repository in the current folder.

- [ ] True
- [ ] False

---

**Question 2**: Remember - Basic

`git clone` only copies the newest commit of a repository.

- [ ] True
- [ ] False

---

### Level 2: Apply

**Question 3**: Apply - Intermediate

`git rebase` rewrites the commits it moves.

- [ ] True
- [ ] False

---

## Answer Key

### Level 1: Remember

**Question 1**: Remember - Basic

**Answer**: **True**

**Explanation**: it writes a `.git` folder with an empty history.

---

**Question 2**: Remember - Basic

**Answer**: **False**

**Explanation**: a clone holds the whole history unless you ask for a shallow one:

- `git clone --depth 1` copies only the newest commit

---

### Level 2: Apply

**Question 3**: Apply - Intermediate

**Answer**: **True**

**Explanation**: the moved commits get new ids.
"""


def test_an_answer_key_that_repeats_the_question_labels_answers_them_and_is_not_counted_again(tmp_path: Path) -> None:
    run, pages = _import(tmp_path, REPEATED_KEY)
    assert _count(run) == 3 and len(pages) == 3
    second = pages[1].read_text(encoding="utf-8")
    assert "only copies the newest commit" in block(second, "question")
    assert "- [ ] True" in block(second, "question")
    answer = block(second, "answer")
    assert "**False**" in answer and "--depth 1" in answer and "**True**" not in answer
    assert "**True**" in block(pages[2].read_text(encoding="utf-8"), "answer")


STRAYS = """# Troubleshooting FAQ

## Connection issues

### Why does the client say "connection refused"?

The server is not listening yet: start it with `tool serve`, then connect again.

#### The handshake failed after an upgrade

Delete `~/.tool/known_hosts`; the server's key changed with the upgrade.

### How do I use a proxy?

Set `HTTPS_PROXY` before starting the client.

## Sync issues on Windows

On Windows the sync stops when the path is longer than 260 characters. Enable long paths in the
registry (`LongPathsEnabled = 1`) and restart.

## Updates

### How do I update to the newest version?

Run `tool self-update`.

### Can I go back to an older version?

Yes: `tool self-update --version 1.2.3`.

## Still have questions?

Ask on the [forum](https://forum.example.org).
"""


def test_entries_at_another_level_are_questions_when_they_state_a_problem_and_are_answered(tmp_path: Path) -> None:
    run, pages = _import(tmp_path, STRAYS)
    out = run.stdout + run.stderr
    assert _count(run) == 6 and len(pages) == 6
    titles = [next(line for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("# ")) for p in pages]
    assert "# The handshake failed after an upgrade" in titles  # one level down, after an answer
    assert "# Sync issues on Windows" in titles  # one level up, a group with no entry, answered itself
    assert not any("Still have questions" in t for t in titles)  # an outro that asks is no entry
    first = pages[0].read_text(encoding="utf-8")
    assert "known_hosts" not in first and "start it with" in block(first, "answer")
    assert re.search(r"source\.md:9:1: QI030 ", out) and re.search(r"source\.md:17:1: QI030 ", out)


def test_a_section_over_problems_is_no_entry(tmp_path: Path) -> None:
    doc = STRAYS.replace("## Still have questions?", "## Known issues\n\nSee the tracker for what is being fixed.\n\n"
                         "### 高频问题\n\n下面是大家最常问的几个。\n")
    run, pages = _import(tmp_path, doc)
    assert _count(run) == 6  # 'Known issues', '高频问题': a section over problems, not a problem
