"""Questions written in inline HTML (issue 14, sixth round): a page pasted from a blog or a
README written in HTML — `<b>N. question</b><br>` lines with answers as text and `<ul>` lists,
`<h3>question?</h3>` headings with the answer on the next line — reads as its Markdown twin
would: one question per bold line or heading, the HTML kept in the answer.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

BOLD_HTML = """<b>Frequently asked SQL interview questions</b><br>
A short list to revise before an interview.

<b>1. What is a primary key?</b><br>
A column, or a set of columns, whose values identify each row of a table.
<ul>
<li><strong>Unique</strong>: no two rows share it.</li>
<li><strong>Not null</strong>: every row has one.</li>
</ul>
<b>2. what is a foreign key ? </b>
<p>A column that refers to the primary key of another table.
It keeps the two tables consistent.
</p>
<b>3. What is the difference between WHERE and HAVING?</b><br>
WHERE filters rows before grouping; HAVING filters groups after it.
"""

HEADING_HTML = """<h1>Git questions</h1>
<h3>What does git fetch do?</h3>
It downloads the remote's new commits without touching your branch.

<h3>What does git pull do?</h3>
A fetch followed by a merge (or a rebase) into the current branch.

<h3>How do you undo the last commit but keep its changes?</h3>
<code>git reset --soft HEAD~1</code>
"""


def test_bold_html_lines_are_questions_like_bold_markdown(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "sql.md", BOLD_HTML)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    questions = [page_block(p, "question") for p in pages]
    assert questions == ["What is a primary key?", "what is a foreign key ?",
                         "What is the difference between WHERE and HAVING?"], questions
    assert "<li><strong>Unique</strong>" in page_block(pages[0], "answer")
    assert "what is a foreign key" not in page_block(pages[0], "answer")
    assert "refers to the primary key" in page_block(pages[1], "answer")
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "A short list to revise" in chapter
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_html_headings_with_the_answer_on_the_next_line(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "git.md", HEADING_HTML)
    assert r.returncode == 0, r.stdout + r.stderr
    questions = [page_block(p, "question") for p in pages]
    assert len(pages) == 3, questions
    assert page_block(pages[0], "answer") == "It downloads the remote's new commits without touching your branch."
    assert "git reset --soft" in page_block(pages[2], "answer")
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
