"""A deck whose cards each start at a heading and put the same lone mark between front and back
(issue 14 item 1: the template every unit shares): the mark is the document's divider even with
blank lines around it and fronts that do not ask. A mark that is not one per section (a poem's
stanza breaks) stays text.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

DECK = """# Git deck

## Undo the last commit, keep the changes

The command, and what it leaves in the index.

%

`git reset --soft HEAD~1`: the changes stay staged.

##

Rename the current branch

%

`git branch -m new-name`

## Show who last changed each line

For one file.

%

`git blame FILE`
"""

POEM = """# Three short poems

## Winter

snow on the roof

%

the kettle sings

%

nobody calls

## Spring

mud on the boots

%

a window open
"""


def test_a_lone_mark_once_in_every_card_divides_front_and_back(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "git.md", DECK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    for page, back in zip(pages, ("git reset --soft", "git branch -m", "git blame")):
        assert back in page_block(page, "answer") and back not in page_block(page, "question")
        assert "%" not in page_block(page, "answer")
    assert "Rename the current branch" in page_block(pages[1], "question")


def test_a_mark_repeated_inside_sections_stays_text(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "poems.md", POEM)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
