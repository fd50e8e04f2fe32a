"""A new user's own notes, written as a person writes them (trial 6): mixed `##`/`###`/`####`
headings, one `Q:`/`A:` pair among bold questions, a numbered quiz with its answer key at the
end and a line of prose after it, a table, code, an image, a `<script>`. Each test below is one
thing that import got wrong on such a file (the whole file: `fixtures/import/messy-trial6.md`).
"""

from __future__ import annotations

from pathlib import Path

from conftest import block
from qabook.importer import plan_import

MESSY = (Path(__file__).parent / "fixtures" / "import" / "messy-trial6.md").read_text(encoding="utf-8")


def topics(plan):
    return plan.pages[1:]


def tags(page) -> str:
    return next((line for line in page.text.splitlines() if line.startswith("tags:")), "")


def by_title(plan, words: str):
    return next(p for p in topics(plan) if words in p.title)


SKIPPED_LEVEL = """# Systems notes

## Concurrency

#### The GIL

**What is the GIL?**

A lock that lets one thread run bytecode at a time.

**When does threading still help?**

For I/O-bound work.

## Memory

**What is reference counting?**

Each object counts the references to it.
"""


def test_a_heading_that_skips_a_level_still_tags_the_questions_under_it() -> None:
    plan = plan_import(SKIPPED_LEVEL, "notes.md", chapter="sys")
    assert plan.question_count == 3
    gil, threads, refs = topics(plan)
    # before: both tagged 'Concurrency', the nearest '##', although '#### The GIL' encloses them
    assert tags(gil) == 'tags: ["The GIL"]' and tags(threads) == 'tags: ["The GIL"]'
    assert tags(refs) == 'tags: ["Memory"]'  # a '##' closes the '####' above it


def test_the_messy_file_tags_its_gil_questions_with_their_own_heading() -> None:
    plan = plan_import(MESSY, "messy-trial6.md", chapter="py")
    assert tags(by_title(plan, "What is the GIL")) == 'tags: ["The GIL"]'
    assert tags(by_title(plan, "list and a tuple")) == 'tags: ["Data types"]'
