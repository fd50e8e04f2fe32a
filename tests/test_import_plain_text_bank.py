"""A bank kept as plain text (issue 14, round 11): no Markdown at all, each question the last line
of the block above its answer, a blank line and the answer after it (`tailasks.py`). It was
refused ('no questions found'); a person sees a question at every such line. Prose whose
paragraphs end in a rhetorical question stays refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import import_document, page_block, qabook

PLAIN_BANK = """Git warm-up
What does git stash do?

It shelves the changes of the working tree so you can switch branches.
Apply them again with git stash pop.
How do you undo the last commit but keep its changes?

Run git reset --soft HEAD~1: the commit goes, its changes stay staged.
Explain the difference between merge and rebase.

Merge joins two histories with a merge commit.
Rebase replays your commits on top of the other branch: a straight history.
Why would a push be rejected?

Someone pushed first: fetch, integrate their commits, then push again.
"""

RHETORICAL_PROSE = """We moved our build to a new runner last spring, and the first week was rough: caches
were cold, images were pulled again and again, and the queue grew every morning. Was it worth it?

The answer took a month to see. Build times fell by half once the caches were warm,
and the flaky network errors went away. What changed most?

Mostly the habits of the team, who now look at the dashboard before they merge.
"""


def test_a_plain_text_bank_reads_each_closing_question_line_as_a_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "git.md", PLAIN_BANK)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    assert [page_block(p, "question") for p in pages] == [
        "What does git stash do?", "How do you undo the last commit but keep its changes?",
        "Explain the difference between merge and rebase.", "Why would a push be rejected?"]
    first, second = page_block(pages[0], "answer"), page_block(pages[1], "answer")
    assert "shelves the changes" in first and "git stash pop" in first and "undo the last" not in first
    assert "git reset --soft" in second
    out = r.stdout + r.stderr
    assert re.search(r"git\.md:2:1: QI031 ", out)  # said once, at the first question line
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_prose_whose_paragraphs_end_in_a_rhetorical_question_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "runner.md", RHETORICAL_PROSE)
    assert r.returncode == 1 and not pages
    assert "QI001" in r.stdout + r.stderr
