"""The author's word for every shape (`--question-pattern` on any line, `--split-on`,
`--answer-key`, the same in `--rules`) and `--preview`, the page that shows the split before
anything is written — opened in Chromium as an author would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CHROMIUM, block, open_preview, qabook
from qabook.importer import plan_import
from qabook.importer.options import ImportOptions, load_rules, merge


PLAIN_PROBLEMS = """# Drills

Drill 1: heat rate at 40% efficiency

2150 kcal/kWh.

- Drill 2: efficiency at heat rate 2500

  34.4 %.

Drill 3: the unit of heat rate

kcal/kWh.
"""


def test_question_pattern_matches_plain_paragraphs_and_list_items() -> None:
    assert plan_import(PLAIN_PROBLEMS, "d.md").question_count == 0  # nothing asks: refused on its own
    plan = plan_import(PLAIN_PROBLEMS, "d.md", chapter="d", options=merge(ImportOptions(), question_pattern=r"Drill \d+:"))
    assert [p.title for p in plan.pages[1:]] == ["heat rate at 40% efficiency", "efficiency at heat rate 2500",
                                                 "the unit of heat rate"]
    assert block(plan.pages[2].text, "answer") == "34.4 %."


SEPARATED = """# Cards

Photosynthesis
turns light into chemical energy.

<!-- next -->

Mitochondria
make ATP.

<!-- next -->

Ribosome
makes proteins.
"""


def test_split_on_a_separator_line() -> None:
    plan = plan_import(SEPARATED, "c.md", chapter="c", options=merge(ImportOptions(), split_on=r"^<!-- next -->$"))
    assert [p.title for p in plan.pages[1:]] == ["Photosynthesis", "Mitochondria", "Ribosome"]
    assert block(plan.pages[2].text, "answer") == "make ATP."
    assert "<!-- next -->" not in block(plan.pages[1].text, "answer")


KEYED = """# Quiz

1. Which port does HTTP use?
2. Which port does HTTPS use?
3. Which port does SSH use?

## Key

1. 80
2. 443
3. 22
"""


def test_answer_key_under_a_heading_the_author_names() -> None:
    plain = plan_import(KEYED, "k.md", chapter="k")  # '## Key' is no answer word: the questions stand unanswered
    assert plain.question_count == 3 and all("no answer" in block(p.text, "answer") for p in plain.pages[1:])
    assert "## Key" in plain.pages[0].text and "2. 443" in plain.pages[0].text
    plan = plan_import(KEYED, "k.md", chapter="k", options=merge(ImportOptions(), answer_key=r"^Key$"))
    assert plan.question_count == 3
    assert [block(p.text, "answer") for p in plan.pages[1:]] == ["80", "443", "22"]
    # its entries all went to their questions: the heading opens the first answer instead of standing
    # empty on the chapter page (its line is kept, on that page)
    assert "Key" not in plan.pages[0].text
    assert 7 in {n for o in plan.pages[1].lines for n in o.src}


def test_rules_file_holds_split_on_and_answer_key(tmp_path: Path) -> None:
    opts = load_rules("split_on: '^<!-- next -->$'\nanswer_key: '^Key$'\n", "r.yml")
    assert opts.split_on.pattern == "^<!-- next -->$" and opts.answer_key.pattern == "^Key$"
    source = tmp_path / "k.md"
    source.write_text(KEYED, encoding="utf-8")
    rules = tmp_path / "r.yml"
    rules.write_text("answer_key: '^Key$'\n", encoding="utf-8")
    r = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--chapter", "k", "--rules", str(rules))
    assert r.returncode == 0 and "import: 3 questions" in r.stderr, r.stderr


@pytest.mark.parametrize("args, message", [
    (["--split-on", "("], "--split-on"),
    (["--answer-key", "[a"], "--answer-key"),
])
def test_bad_patterns_are_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    source = tmp_path / "k.md"
    source.write_text(KEYED, encoding="utf-8")
    r = qabook("import", str(source), "--out", str(tmp_path / "docs"), *args)
    assert r.returncode == 2 and message in r.stderr and "not a valid regular expression" in r.stderr


MESSY = """# 面试题 <script>alert('title')</script>

前言：这些题来自网络。

**1.** 什么是闭包？

闭包是函数和其词法环境的组合。

**解析：** 它让函数记住定义时的变量。

**2.** 事件循环是什么？

<img src=x onerror="alert('img')">

**3.** let 和 var 的区别？

答：let 有块级作用域。
"""


def test_preview_writes_one_page_and_says_where(tmp_path: Path) -> None:
    source = tmp_path / "messy.md"
    source.write_text(MESSY, encoding="utf-8")
    r = qabook("import", str(source), "--preview", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    target = tmp_path / "messy.preview.html"
    assert f"preview: wrote {target}" in r.stderr and not (tmp_path / "docs").exists()  # nothing else written
    page = target.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;title&#x27;)" in page  # the text is escaped
    assert 'onerror="alert' not in page
    assert "default-src 'none'" in page and not re.search(r"""(src|href)=["']?https?:""", page)
    assert re.search(r'class="counts"><span class="question">3 道题</span><span class="answer">3 个答案', page)  # zh text
    assert '<div class="l answer" id="L7">' in page  # the unlabelled answer of question 1
    assert '<div class="l explanation" id="L9">' in page and '<div class="l chapter" id="L3">' in page


def test_a_preview_made_in_the_docs_folder_is_never_published(tmp_path: Path) -> None:
    """An author who keeps the document in docs/ and runs `--preview` there: the page goes beside
    mkdocs.yml, the line says where, and a plain `mkdocs build` publishes no preview."""
    import subprocess
    import sys

    r = qabook("new", "mybook", "--language", "en", "--empty", "--title", "My book", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    book = tmp_path / "mybook"
    (book / "docs" / "messy.md").write_text(MESSY, encoding="utf-8")
    (book / "docs" / "notes").mkdir()
    for where in (book / "docs", book / "docs" / "notes"):
        r = qabook("import", str(book / "docs" / "messy.md"), "--preview", cwd=where)
        assert r.returncode == 0, r.stderr
        assert (f"preview: wrote {book / 'messy.preview.html'} (beside mkdocs.yml: in the docs folder the site "
                "would publish it) (3 questions") in r.stderr, r.stderr
    assert not list((book / "docs").rglob("*.preview.html"))
    r = qabook("import", str(book / "docs" / "messy.md"), "--preview", cwd=book)  # beside mkdocs.yml: as it is
    assert f"preview: wrote {book / 'messy.preview.html'} (3 questions" in r.stderr, r.stderr
    (book / "docs" / "messy.md").unlink()
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=book, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not list((book / "site").rglob("*preview*")), sorted((book / "site").rglob("*preview*"))


def test_preview_marks_every_line_of_many_findings_of_one_code() -> None:
    # ten questions with no answer: ten QI004 findings; the printed list folds those past the sixth
    # into one counting line, the preview still shows a note under each question's line
    from qabook.importer.preview import preview_html
    text = "# Quiz\n\n" + "".join(f"## {n}. What is item {n}?\n\n" for n in range(1, 11))
    plan = plan_import(text, "quiz.md", chapter="c")
    lines = sorted(d.line for d in plan.diagnostics if d.code == "QI004")
    assert len(lines) == 10, [str(d) for d in plan.diagnostics]
    page = preview_html(text, plan)
    for n in lines:
        row = re.search(rf'<div class="l [a-z]+" id="L{n}">.*?</div>(?P<notes>(?:<div class="note".*?</div>)*)', page)
        assert row and "QI004" in row["notes"], n

@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_preview_shows_the_split_in_a_browser(tmp_path: Path, browser) -> None:
    """Opened from disk as an author would: coloured spans visible, tags at each question, no
    request leaves the page and no script runs."""
    requests, dialogs = [], []

    def listen(page) -> None:
        page.on("request", lambda req: requests.append(req.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page = open_preview(browser, tmp_path, "messy.md", MESSY, listen=listen)
    tags = page.locator(".tag")
    assert tags.count() == 3 and tags.nth(0).is_visible() and tags.nth(0).inner_text() == "Q1"
    answer = page.locator("#L7")
    assert answer.is_visible() and "闭包是函数" in answer.inner_text()
    colour = answer.evaluate("el => getComputedStyle(el).backgroundColor")
    question = page.locator("#L5").evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != question and colour != "rgba(0, 0, 0, 0)"
    box = answer.bounding_box()
    hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.l').id",
                        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit == "L7"  # nothing covers it
    assert "3 道题" in page.locator("header").inner_text()
    assert dialogs == [] and [u for u in requests if not u.startswith("file:")] == []
    page.screenshot(path=str(tmp_path / "preview.png"))
    page.close()


def test_titles_are_whole_and_keep_their_inline_markdown(tmp_path: Path) -> None:
    """A long question is the whole H1 (only the slug is short); `*args` in code and **kwargs
    survive as written, and the built page shows them."""
    long = ("What do `*args` and `**kwargs` mean in a Python function definition, and when would you "
            "use each of them in a real program?")
    doc = f"# Python\n\nQ: {long}\nA: Extra positional and keyword arguments.\n\nQ: What does `yield` do?\nA: It pauses.\n"
    plan = plan_import(doc, "py.md", chapter="py")
    first = plan.pages[1]
    assert f"\n# {long}\n" in first.text and first.title == long
    assert first.rel == "py/01-what-do-args-and-kwargs-mean-in.md"  # the slug stays short
    assert f"[{long}](01-what-do-args-and-kwargs-mean-in.md)" in plan.pages[0].text


def test_a_link_to_a_file_outside_the_book_keeps_its_words_as_plain_text() -> None:
    doc = ("# Notes\n\nSee [the setup guide](../setup.md) first.\n\n## 1. What is a venv?\n\n"
           "An isolated environment; see [how to make one](venv.md#make).\n\n## 2. What is pip?\n\nThe installer.\n")
    plan = plan_import(doc, "n.md", chapter="n")
    assert "See the setup guide first." in plan.pages[0].text
    assert "An isolated environment; see how to make one." in plan.pages[1].text
    assert "](" not in plan.pages[1].text.split("/// answer", 1)[1] and "\\[" not in plan.pages[1].text
    notes = [d for d in plan.diagnostics if d.code == "QI013"]
    assert [(d.line, "'venv.md#make'" in d.message or "'../setup.md'" in d.message) for d in notes] == [(3, True), (7, True)]
