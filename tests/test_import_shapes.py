"""The importer on shapes real documents have, each in a small fixture written for the test
(tests/fixtures/import/): what it finds, what it reports and where, and that the pages it
writes pass the check. Also the author's options (`--explain`, `--question-heading`, …).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, block, qabook
from qabook.check import check_docs
from qabook.importer import plan_import, write_plan
from qabook.importer.options import ImportOptions, OptionsError, load_rules, merge

IMPORT = FIXTURES / "import"
OPTIONS = IMPORT / "options"
SHAPES = sorted(p.stem for p in IMPORT.glob("*.md"))


def plan_of(name: str, options: ImportOptions | None = None, folder: Path = IMPORT):
    path = folder / f"{name}.md"
    return plan_import(path.read_text(encoding="utf-8"), path.name, chapter="ch", options=options)


def codes_at(plan) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in plan.diagnostics}


def page(plan, n: int) -> str:
    return plan.pages[n].text  # pages[0] is the chapter page


def assert_every_line_once(name: str, plan) -> None:
    lines = (IMPORT / f"{name}.md").read_text(encoding="utf-8").split("\n")
    owners: dict[int, int] = {}
    for p in plan.pages:
        for out in p.lines:
            for n in out.src:
                owners[n] = owners.get(n, 0) + 1
    for n, line in enumerate(lines, 1):
        if line.strip():
            assert owners.get(n) == 1, f"{name}:{n} {line!r} is in {owners.get(n, 0)} pages"


@pytest.mark.parametrize("name", SHAPES)
def test_imported_pages_pass_the_check_and_keep_every_line(name: str, tmp_path: Path) -> None:
    plan = plan_of(name)
    assert plan.question_count > 0 and not plan.has_errors
    assert_every_line_once(name, plan)
    write_plan(plan, tmp_path)
    errors = [d for d in check_docs(tmp_path) if d.is_error]
    assert errors == [], errors


def test_glued_bold_question_is_a_question() -> None:
    """'**2. …?**⏎Although …' in one paragraph: question 2, its answer the glued line."""
    plan = plan_of("glued-bold-question")
    assert plan.question_count == 3
    assert block(page(plan, 2), "question") == "Is Vue a framework or a library?"
    assert block(page(plan, 2), "answer").startswith("Although it is often called a library")
    assert "Although" not in page(plan, 1)
    assert not {c for c, _ in codes_at(plan)} & {"QI011", "QI012"}


def test_numbering_gap_and_hidden_question_are_reported_at_their_lines() -> None:
    plan = plan_of("numbering-gap")
    assert ("QI012", 11) in codes_at(plan)  # '**3. 为什么需要隔离级别？**' inside question 2
    assert ("QI011", 18) in codes_at(plan)  # 4 → 7
    assert plan.question_count == 5
    assert block(page(plan, 3), "answer").startswith("因为并发事务")
    assert "隔离级别" not in page(plan, 2)


@pytest.mark.parametrize("name, titles", [
    ("q-prefix-headings", ["What is a socket?", "Why does TCP need a three-way handshake?", "How is UDP different?"]),
    ("wen-prefix-headings", ["进程和线程有什么区别？", "什么是虚拟内存？"]),
    ("q-number-headings", ["What is a generator?", "What does `with` do?", "What is the GIL?"]),
    ("question-n-headings", ["What is a goroutine?", "What is a channel?"]),  # '## Question 1' + text
    ("paren-numbered-headings", ["什么是 JVM？", "什么是 GC？", "什么是类加载器？"]),  # '## 1)', '## 3) **…**'
    ("asking-headings", ["What is ownership?", "Why does the borrow checker exist?", "How do lifetimes work?"]),
    ("q-dot-labels", ["What is Docker?", "What is an image?"]),  # **Q1.** … / **A1.** …
    ("wenti-huida-labels", ["什么是闭包？", "什么是原型链？"]),  # **问题：** / **回答：**
    ("mianshiti-n-labels", ["什么是 Redis？", "什么是 Kafka？"]),  # **面试题 1：…**
    ("q-dash-details", ["leaderboard", "closures"]),  # '### Q1 — title' and <details> answers
    ("list-items-with-details", ["Is a monolith in a container cloud native?", "What makes an app cloud native?"]),
    ("list-item-questions", ["What does `set -e` do?", "How do you loop over files?", "Why quote variables?",
                             "What is a here-document?"]),  # '1. …?' list items, answers below
])
def test_prefixed_question_headings(name: str, titles: list[str]) -> None:
    plan = plan_of(name)
    assert [p.title for p in plan.pages[1:]] == titles
    assert all(f"\n# {t}\n" in p.text for p, t in zip(plan.pages[1:], titles))
    assert all(block(p.text, "answer") and "**" not in block(p.text, "question") for p in plan.pages[1:])


def test_list_item_answers_are_dedented_not_code() -> None:
    text = page(plan_of("list-item-questions"), 4)
    answer = block(text, "answer")
    assert answer.startswith("A block of text fed") and "\n```sh\ncat <<END\n" in answer
    assert "\n1. It ends at the delimiter line.\n2. Quoting" in answer


def test_prefixed_headings_leave_other_sections_on_the_chapter_page() -> None:
    plan = plan_of("q-prefix-headings")
    assert "See the RFCs." in page(plan, 0)
    assert "See the RFCs." not in page(plan, 3)


def test_english_labels_and_colon_outside_or_inside_heading_make_the_same_blocks() -> None:
    for name, answer, explanation in [
        ("q-number-headings", "A function that yields values lazily.", "It keeps its frame"),
        ("wen-prefix-headings", "进程是资源分配的单位", "同一进程的线程共享地址空间"),  # **答**：
        ("labels-in-headings", "域名系统", "解析过程会逐级查询"),  # ### 答案： / ### 解析：
    ]:
        text = page(plan_of(name), 1)
        assert block(text, "answer").startswith(answer), name
        assert block(text, "explanation").startswith(explanation), name
        assert "**Answer:**" not in text and "答案：" not in text and "**答**" not in text


def test_bold_q_line_glued_to_its_answer() -> None:
    text = "# K8s\n\n**Q: What is a pod?**\nThe smallest unit.\n\n**Q: What is a node?**\nA machine.\n"
    plan = plan_import(text, "glued.md", chapter="ch")
    assert [p.title for p in plan.pages[1:]] == ["What is a pod?", "What is a node?"]
    assert block(page(plan, 1), "question") == "What is a pod?"
    assert block(page(plan, 1), "answer") == "The smallest unit."


def test_details_with_any_summary_is_the_answer() -> None:
    plan = plan_of("details-any-summary")
    # 'Click to reveal' and 'Show me' only say the answer is inside: the blocks keep their default title
    assert "/// answer\n" in page(plan, 1) and "Click to reveal" not in page(plan, 1)
    assert block(page(plan, 1), "answer") == "`git reset --soft HEAD~1`"
    assert "/// answer\n" in page(plan, 2) and "Show me" not in page(plan, 2)
    assert "<details" not in page(plan, 1) + page(plan, 2)


def test_no_explanations_anywhere_is_one_note_and_a_cut_off_question_still_builds(tmp_path: Path) -> None:
    plan = plan_of("english-no-explanations")
    qi005 = [d for d in plan.diagnostics if d.code == "QI005"]
    assert len(qi005) == 1 and qi005[0].line == 3
    missing = [d for d in plan.diagnostics if d.code == "QI004"]
    assert [(d.line, d.severity.value) for d in missing] == [(15, "warning")]
    assert block(page(plan, 4), "answer") == "*(The source gives no answer to this question.)*"
    write_plan(plan, tmp_path)
    findings = check_docs(tmp_path)
    assert {d.code for d in findings} == {"QA032"} and not any(d.is_error for d in findings)


def test_table_of_contents_points_to_the_question_pages() -> None:
    plan = plan_of("toc-and-sibling-links")
    chapter = page(plan, 0)
    assert "[缓存穿透](01-shen-me-shi-huan-cun-chuan-tou.md)" in chapter
    assert "[雪崩](02-shen-me-shi-huan-cun-xue-beng.md)" in chapter
    assert " · 下一篇 · " in chapter and ("QI013", 3) in codes_at(plan)  # beside the source: its words as text
    assert "[上文](index.md#缓存面试题)" in page(plan, 1)  # the H1 stayed on the chapter page
    assert 'id: "100"' in page(plan, 3)


def test_file_cut_off_inside_code_is_closed_and_reported() -> None:
    plan = plan_of("truncated-in-code")
    assert ("QI014", 9) in codes_at(plan)
    assert block(page(plan, 2), "answer") == "```sh\nwc -l notes.txt\n```"


def test_missing_answer_note_follows_the_document_language() -> None:
    plan = plan_of("faq-and-orphans")
    assert "原文没有给出这道题的答案" in page(plan, 2)


# -- the author decides ----------------------------------------------------------------

def test_plain_headings_with_french_labels_import_with_options(tmp_path: Path) -> None:
    """Plain headings and French labels: the author's options import it. (Detection reads it too
    now, from the labelled parts both units share — `shared.py`; it was refused before.)"""
    src = OPTIONS / "french-plain-headings.md"
    auto = qabook("import", str(src), "--out", str(tmp_path / "a"), "--chapter", "fr")
    auto_pages = sorted((tmp_path / "a" / "fr").glob("0*.md"))
    assert auto.returncode == 0 and len(auto_pages) == 2, auto.stdout + auto.stderr
    assert block(auto_pages[0].read_text(encoding="utf-8"), "explanation") == "elle garde ses variables vivantes."
    ok = qabook("import", str(src), "--out", str(tmp_path / "b"), "--chapter", "fr", "--question-heading", "2",
                "--label", "answer=Réponse", "--label", "explanation=Pourquoi")
    assert ok.returncode == 0, ok.stderr + ok.stdout
    pages = sorted((tmp_path / "b" / "fr").glob("0*.md"))
    assert [p.name for p in pages] == ["01-les-fermetures.md", "02-le-hissage.md"]
    text = pages[0].read_text(encoding="utf-8")
    assert block(text, "answer") == "une fonction qui capture son environnement."
    assert block(text, "explanation") == "elle garde ses variables vivantes."
    check = qabook("check", "--docs-dir", str(tmp_path / "b"))
    assert check.returncode == 0, check.stdout


def test_rules_file_holds_the_same_options(tmp_path: Path) -> None:
    r = qabook("import", str(OPTIONS / "french-plain-headings.md"), "--out", str(tmp_path), "--chapter", "fr",
               "--rules", str(OPTIONS / "french-plain-headings.yml"))
    assert r.returncode == 0, r.stderr + r.stdout
    assert "import: 2 questions, 0 error(s), 0 warning(s)" in r.stderr


def test_explain_shows_the_pattern_labels_and_each_part() -> None:
    r = qabook("import", str(OPTIONS / "french-plain-headings.md"), "--dry-run", "--explain",
               "--rules", str(OPTIONS / "french-plain-headings.yml"))
    out = r.stdout
    assert "question starts: your options: level-2 headings" in out
    assert "labels found: Réponse ×2, Pourquoi ×2" in out
    shared = qabook("import", str(OPTIONS / "french-plain-headings.md"), "--dry-run", "--explain").stdout
    assert "2 question(s)" in shared and "2 level-2 heading(s) (first at line 3: 'Les fermetures')" in shared
    assert "Réponse ×2 (answer, a labelled part most units of a template share" in shared, shared
    assert re.search(r"Q1 line 3: Les fermetures\n\s+question\s+line 3 .*\n\s+answer\s+lines 5–6\s+\[label 'Réponse' "
                     r"at line 5\]\n\s+explanation\s+lines 7–8", out), out
    auto = qabook("import", str(IMPORT / "numbering-gap.md"), "--dry-run", "--explain").stdout
    assert "question starts: level-3 headings numbered 'N.'" in auto and "Q3 (no. 3) line 11" in auto
    assert re.search(r"template score: \d+\.\d+ \(ask 1\.00", auto), auto
    assert "runner-up:" in auto


def test_question_pattern_on_bold_lines() -> None:
    auto = plan_of("problem-lines", folder=OPTIONS)  # 'Problem N' is a question word: found with no option
    assert [p.title for p in auto.pages[1:]] == ["Reverse a string", "Sum a list"]
    opts = merge(ImportOptions(), question_pattern=r"Problem \d+")
    plan = plan_of("problem-lines", opts, OPTIONS)
    assert [p.title for p in plan.pages[1:]] == ["Reverse a string", "Sum a list"]
    assert "Test the empty case." in page(plan, 2)  # '**Remember**' is not a question: it stays in 2


def test_question_pattern_on_lines_that_start_bold() -> None:
    """'**Drill 1.** Efficiency 40%. Heat rate?': the pattern matches the line's text."""
    plan = plan_of("drill-lines", merge(ImportOptions(), question_pattern=r"Drill \d+\."), OPTIONS)
    assert [p.title for p in plan.pages[1:]] == ["Efficiency 40%. Heat rate?", "Heat rate 2500. Efficiency?"]
    assert block(page(plan, 1), "answer") == "860 / 0.4 = 2150"


def test_a_heading_that_starts_like_a_choice_is_asked_once() -> None:
    """'### 2. A.C.I.D properties.' and its answer: the heading is the question, written once (its
    'A.' is not a choice that would put the title before it again)."""
    text = "# Databases\n\n### 1. Union VS Join.\nUnion needs compatible tables.\n\n" \
           "### 2. A.C.I.D properties. Level of isolation.\nA – stands for atomicity.\n"
    plan = plan_import(text, "db.md", "db", options=merge(ImportOptions(), question_heading=3))
    assert block(page(plan, 2), "question") == "A.C.I.D properties. Level of isolation."
    assert block(page(plan, 2), "answer") == "A – stands for atomicity."


def test_bold_questions_makes_every_bold_line_a_question() -> None:
    plan = plan_of("problem-lines", merge(ImportOptions(), bold_questions=True), OPTIONS)
    assert [p.title for p in plan.pages[1:]] == ["Problem 1 — Reverse a string", "Problem 2 — Sum a list", "Remember"]


def test_details_answers_option_opens_the_answer_at_details() -> None:
    auto = plan_of("details-no-summary", folder=OPTIONS)
    assert "Think about it first." in block(page(auto, 1), "answer")
    plan = plan_of("details-no-summary", merge(ImportOptions(), details_answers=True), OPTIONS)
    assert block(page(plan, 1), "question") == "Think about it first."
    assert block(page(plan, 1), "answer") == "Four."


@pytest.mark.parametrize("args, message", [
    (["--question-pattern", "("], "not a valid regular expression"),
    (["--label", "hint=Tip"], "expected question=WORD"),
    (["--question-heading", "9"], "9"),
])
def test_bad_options_are_one_line_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    r = qabook("import", str(IMPORT / "numbering-gap.md"), "--out", str(tmp_path), *args)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr


@pytest.mark.parametrize("text, message", [
    ("question_level: 2\n", "unknown option"),
    ("labels: {hint: [Tip]}\n", "unknown label kind"),
    ("question_heading: seven\n", "1 to 6"),
    ("- a\n", "mapping"),
    ("a: [\n", "not valid YAML"),
])
def test_bad_rules_files(text: str, message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        load_rules(text, "rules.yml")


def test_the_import_guide_documents_explain_and_the_options() -> None:
    """The import guide (linked from the README's front door) names every steering option."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(guide/importing.md)" in readme
    guide = (ROOT / "guide" / "importing.md").read_text(encoding="utf-8")
    for word in ("--explain", "--question-heading", "--question-pattern", "--bold-questions", "--label",
                 "--details-answers", "--rules", "--split-on", "--answer-key", "--preview"):
        assert word in guide, word


def test_unlabelled_answer_then_an_explanation_label() -> None:
    """'## 1. Q?' ⏎ answer text ⏎ '**Explanation:** …': the text is the answer, the label starts the explanation."""
    doc = "# Book\n\n## 1. What is A?\n\nA is a.\n\n**Explanation:** because.\n\n## 2. What is C?\n\nC.\n"
    plan = plan_import(doc, "mixed.md", chapter="c")
    first = plan.pages[1].text
    assert "/// answer\nA is a.\n///" in first and "/// explanation\nbecause.\n///" in first
    assert not [d for d in plan.diagnostics if d.code == "QI005" and d.line == 3]


def test_a_question_looking_line_inside_an_answer_is_never_silent() -> None:
    doc = ("# Book\n\n## 1. What is A?\n\nA is a.\n\n1. **What is B?**\n\nB is b.\n\n"
           "## 2. What is C?\n\nC.\n\n```\n1. What is code?\n```\n")
    plan = plan_import(doc, "mixed.md", chapter="c")
    asking = [(d.code, d.line) for d in plan.diagnostics if d.code == "QI018"]
    assert asking == [("QI018", 7)]  # not the line inside code


CHOICES = """# Quiz

### 1. Which port does HTTP use?
A. 21
B. 80
C. 443

<details><summary>Show answer</summary>

B

</details>

### 2. Which port does SSH use?

(A) 21
(B) 22

<details><summary>点击查看答案</summary>

B

</details>

### 3. Which port does FTP use?

<details><summary>Hint: think of the oldest</summary>

21

</details>
"""


def rendered(text: str) -> str:
    """A written page as the site shows it (the project's block extensions, no MkDocs)."""
    import markdown

    from qabook.render import markdown_extensions
    names, configs = markdown_extensions({}, "en")
    body = text.split("---\n", 2)[2]  # MkDocs splits the front matter off first
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(body)


def test_choices_one_a_line_stay_one_a_line_and_a_generic_summary_is_no_title() -> None:
    plan = plan_import(CHOICES, "quiz.md", chapter="ch")
    assert plan.question_count == 3
    first, second, third = (rendered(page(plan, n)) for n in (1, 2, 3))
    # each choice is its own paragraph, not 'A. 21 B. 80 C. 443' run together
    assert re.findall(r"<p>([ABC]\. \d+)</p>", first) == ["A. 21", "B. 80", "C. 443"], first
    assert re.findall(r"<p>(\([AB]\) \d+)</p>", second) == ["(A) 21", "(B) 22"], second
    # 'Show answer' / '点击查看答案' say nothing: the block keeps its default title; a summary that says something stays
    for html in (first, second):
        assert "Show answer" not in html and "点击查看答案" not in html
        assert re.search(r"<summary>\s*Answer\s*</summary>", html), html
    assert "Hint: think of the oldest" in third


QUESTION_TABLE = """# Networking flash cards

| Question | Answer |
|---|---|
| Which port does HTTP use? | 80 |
| Which port does SSH use? | 22 |
| What does DNS stand for? | Domain Name System |

## Settings

| Option | Description |
|---|---|
| `--port` | The port to listen on |
| `--host` | The host name |
"""


def test_a_table_whose_rows_are_questions_is_one_question_a_row_and_a_settings_table_is_not() -> None:
    plan = plan_import(QUESTION_TABLE, "cards.md", chapter="ch")
    assert [p.title for p in plan.pages[1:]] == ["Which port does HTTP use?", "Which port does SSH use?",
                                                 "What does DNS stand for?"]
    assert block(page(plan, 3), "question") == "What does DNS stand for?"
    assert block(page(plan, 3), "answer") == "Domain Name System"
    chapter = plan.pages[0].text
    assert "| Question | Answer |" in chapter and "| `--port` | The port to listen on |" in chapter
    assert "Which port does HTTP use? |" not in chapter  # the row went to its page
    settings = QUESTION_TABLE.split("## Settings", 1)[1]
    assert plan_import("# Settings\n" + settings, "s.md", chapter="ch").question_count == 0


ONE_QUESTION_IN_SECTIONS = """# 面试官：说说 new 操作符具体干了什么？

## 一、是什么

`new` 创建一个对象。

## 二、流程

四步。

## 三、手写 new 操作符

```js
function mynew() {}
```
"""


def test_an_asking_title_over_sections_that_do_not_ask_is_one_question() -> None:
    plan = plan_import(ONE_QUESTION_IN_SECTIONS, "new.md", chapter="ch")
    assert plan.question_count == 1
    assert page(plan, 1).splitlines()[4] == "# 面试官：说说 new 操作符具体干了什么？"
    answer = block(page(plan, 1), "answer")
    assert "四步。" in answer and "function mynew" in answer
    # sections that ask are questions of their own, under a title that asks too
    asking = ONE_QUESTION_IN_SECTIONS.replace("一、是什么", "一、是什么？").replace("二、流程", "二、流程是怎样的？") \
        .replace("三、手写 new 操作符", "三、如何手写 new 操作符？")
    assert plan_import(asking, "new.md", chapter="ch").question_count == 3


DEFINITIONS = """# FAQ

What is it?

: A tool.

What was the inspiration?
: Several things.

Why the name?
: It was short.
"""


def test_a_definition_right_under_its_term_still_answers_it() -> None:
    plan = plan_import(DEFINITIONS, "faq.md", chapter="ch")
    assert [p.title for p in plan.pages[1:]] == ["What is it?", "What was the inspiration?", "Why the name?"]
    assert "Several things." in block(page(plan, 2), "answer")


OPEN_TASKS = """# Anonymous classes

## Interview Questions

1. **What is an anonymous class?**
   A class without a name.

2. **When would you use one?**
   For a one-time implementation.

3. **Can one extend a class?**
   Yes.

4. **Can it be generic?**
   Yes, with the type given where it is made.

5. **You need a callback for an asynchronous call. How would you write it?**

6. **Implement a Runnable that sleeps for a second.**

7. **Create a Comparator over two fields.**

8. **Design an event system with anonymous listeners.**
"""


def test_unanswered_tasks_among_open_questions_are_questions() -> None:
    # 'Create a Comparator…' neither asks nor holds an answer, but nor do its neighbours: a bank of
    # open tasks, each one a question (only where answers are the rule does an empty start stand out)
    plan = plan_import(OPEN_TASKS, "tasks.md", chapter="ch")
    assert plan.question_count == 8
    assert plan.pages[7].title == "Create a Comparator over two fields."


LIST_UNDER_A_LINE = """# ConcurrentHashMap

### Q1：为什么 key/value 不能为 null？

A：并发场景下无法区分：
- get 返回 null 是不存在？
- 还是 value 本身为 null？

---

### Q2：扩容时还能读写吗？

A：可以。ForwardingNode 保证：
1. 读走新表
2. 写协助迁移

### Q3：size() 是否准确？

A：不是强一致，只是近似值。
- 这一行紧接在一个列表项后面
继续写的文字
- 仍是同一个列表
"""


def test_a_list_right_under_a_line_stays_a_list() -> None:
    """GitHub (and the author's editor) shows a list that starts right under a line of text as a
    list; Python-Markdown, which the site uses, runs it into the line ('…： - get … - 还是 …'). The
    page gets a blank line before such a list, so the site shows what the author saw; a list
    already under way (a line continuing an item) is left as it is."""
    plan = plan_import(LIST_UNDER_A_LINE, "chm.md", chapter="ch")
    assert plan.question_count == 3
    first, second, third = (rendered(page(plan, n)) for n in (1, 2, 3))
    assert re.findall(r"<li>(.*?)</li>", first) == ["get 返回 null 是不存在？", "还是 value 本身为 null？"], first
    assert re.findall(r"<li>(.*?)</li>", second) == ["读走新表", "写协助迁移"], second
    assert "- " not in re.sub(r"<pre>.*?</pre>", "", first + second, flags=re.S)
    assert len(re.findall(r"<li>", third)) == 2 and "<ul>" in third, third


def test_a_separator_between_questions_is_no_rule_under_the_answer() -> None:
    """`---` between two questions separates them in the source; the topic page does not end
    on a rule under its answer (one was drawn under every answer of trial9's chm.md)."""
    plan = plan_import(LIST_UNDER_A_LINE, "chm.md", chapter="ch")
    first = page(plan, 1)
    assert first.rstrip().endswith("///"), first
    assert "<hr" not in rendered(first)
