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


REVIEW_HTML = """<ul>

<li><b>
R1. What is the difference between a host and an end system?
</b></li>
<p>
Answer:<br/>
There is none: laptops, phones and web servers are all hosts.
</p>

<li><b>
R2. Why are standards important for protocols?
</b></li>
<p>
Answer:<br/>
They let systems built by different people work together.
</p>

<li><b>
R3. Suppose one link runs at 2 Mbps and users send at 1 Mbps.<br/>
a. How many users can circuit switching support?<br/>
b. With packet switching, when does queueing begin?
</b></li>
<p>
Answer:<br/>
a. Two users.<br/>
b. When three or more send at once.
</p>

<li><b>
R4. List four kinds of access network.
</b></li>
<p>
Answer:<br/>
Dial-up, DSL, cable and fibre to the home.
</p>

</ul>
"""


def test_bold_html_items_written_over_several_lines_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "review.md", REVIEW_HTML)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4
    assert "host and an end system" in pages[0].read_text(encoding="utf-8")
    assert "work together" in page_block(pages[1], "answer")
    third = pages[2].read_text(encoding="utf-8")
    assert "How many users" in third and "queueing begin" in third and "Two users" in page_block(pages[2], "answer")
    assert "Dial-up" in page_block(pages[3], "answer")
