"""An article that ends in a quiz written in the shape of its sections (issue 14 item 1): the
sections are `### Topic` headings, the quiz is a run of `### What …?` headings over `- [x]` /
`- [ ]` choices. A person sees the quiz at a glance, beside the open questions listed before it; the sections stay on the
chapter page.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

_SECTIONS = "".join(
    f"### {topic}\n\n{topic} is covered in this part of the guide. We explain how it works, when to use it and "
    "which pitfalls to avoid in everyday code.\n\n```python\nprint('example')\n```\n\n"
    for topic in ("Installing the toolchain", "Project layout", "Virtual environments", "Dependency pins",
                  "Running the tests", "Packaging a wheel", "Publishing a release"))

_QUIZ = """## Review

### Knowledge check

- What does a lock file record that a requirements range does not?
- Why should a project build its wheel in a clean environment?
- How would you check that a release installs on a fresh machine?

## Quiz

### Which file pins the exact versions a project was tested with?

- [x] A lock file
- [ ] The README
- [ ] The changelog

> **Explanation:** a lock file records every resolved version.

### What does a virtual environment isolate?

- [x] The installed packages of one project
- [ ] The operating system
- [ ] The network

### Which command runs the test suite here?

- [ ] python setup.py
- [x] pytest
- [ ] pip freeze

### True or False: a wheel must be rebuilt for every Python patch release.

- [ ] True
- [x] False
"""



ARTICLE = "# Python packaging in practice\n\nA short guide.\n\n" + _SECTIONS + _QUIZ



def test_a_closing_quiz_in_the_shape_of_the_sections_is_imported(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "packaging.md", ARTICLE)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 7, [p.name for p in pages]  # the three open questions and the four of the quiz
    q = page_block(pages[3], "question")
    assert "pins the exact versions" in q and "The README" in q, q  # the choices are shown with the stem
    index = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Virtual environments" in index  # the article's sections stay on the chapter page

    first = ARTICLE.split("\n").index("### Which file pins the exact versions a project was tested with?") + 1
    assert f"packaging.md:{first}:1: QI034" in r.stdout + r.stderr  # a warning at the line: the importer chose
    explained = qabook("import", str(tmp_path / "packaging.md"), "--dry-run", "--explain", "--out", str(tmp_path / "x"))
    assert "a run of 4 that ask" in explained.stdout + explained.stderr  # --explain says what it chose
