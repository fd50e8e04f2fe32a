"""The checker sees what the renderer renders: same questions, answers and explanations per page.

Whenever `qabook check` finds no error in a page, Python-Markdown with mkdocs.yml's extensions
must render exactly the blocks the parser found. The cases below once passed the check and
rendered with a part missing (HTML comments, indented options, look-alike fences, nesting);
each is now a finding at its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from qabook.diagnostics import Severity
from qabook.rules import RULES
from qafuzz import check_page, checked_counts, errors, render_page, rendered_counts

PAGES = sorted((FIXTURES / "rules").glob("*.md"))
HEAD = "---\nid: sample\n---\n\n# 标题\n\n/// question\n请解释什么是大模型？\n///\n\n"
ANSWER = "/// answer\n大模型指的是参数很多的模型。\n///\n\n"
EXPLANATION = "/// explanation\n参数多，表示能力强。\n///\n"


def expects_no_error(fixture: Path) -> bool:
    """The fixture's `.expected` lists warnings at most: the build renders it."""
    expected = fixture.with_suffix(".expected")
    codes = expected.read_text(encoding="utf-8").split()[1::2] if expected.exists() else []
    return all(RULES[code].severity is Severity.WARNING for code in codes)


#: The fixtures the check lets through (every good one, and bad ones with a warning only); the
#: others stop the build, so there is nothing rendered to compare (tests/test_rules.py checks them).
RENDERED = [p for p in PAGES if expects_no_error(p)]


@pytest.mark.parametrize("fixture", RENDERED, ids=[p.stem for p in RENDERED])
def test_fixture_pages_agree(fixture: Path) -> None:
    text = fixture.read_text(encoding="utf-8")
    page, found = check_page(text)
    assert page is not None and not errors(found), found
    assert checked_counts(page) == rendered_counts(render_page(text))


def codes(text: str) -> set[str]:
    return {d.code for d in errors(check_page(text)[1])}


@pytest.mark.parametrize("text, code, line", [
    # a comment around a whole block: the answer disappears
    (HEAD + "<!--\n" + ANSWER + "-->\n\n" + EXPLANATION, "QA024", 11),
    # '<!--' in one block, '-->' in the next: the explanation is swallowed by the answer
    (HEAD + "/// answer\n答案。\n<!-- 待补充\n///\n\n/// explanation\n解析 -->\n///\n", "QA024", 13),
    # an unclosed <div> takes the rest of the page as raw HTML
    (HEAD + "<div>\n\n" + ANSWER + EXPLANATION, "QA024", 11),
    # an indented first line is read as block options: the answer is shown as plain text
    (HEAD + "/// answer\n    大模型指的是参数很多的模型。\n///\n\n" + EXPLANATION, "QA025", 12),
    # full-width slashes, no-break space, zero-width space in a fence line
    (HEAD + "／／／ answer\n答案。\n///\n\n" + EXPLANATION, "QA026", 11),
    (HEAD + "///\u00a0answer\n答案。\n///\n\n" + EXPLANATION, "QA026", 11),
    (HEAD + ANSWER + "\u200b/// explanation\n解析。\n///\n", "QA026", 15),
    # found by fuzzing: an indented fence after a list item opens a block inside the list item
    (HEAD + "/// answer\n答案：\n\n* 一\n* 二\n\n    /// answer\n补充。\n///\n", "QA026", 17),
    # found by fuzzing: a fence after a quote or list marker opens a block inside it
    (HEAD + "> /// answer\n\n" + ANSWER + EXPLANATION, "QA026", 11),
    (HEAD + "- /// answer\n\n" + ANSWER + EXPLANATION, "QA026", 11),
    (HEAD + "1. /// answer\n\n" + ANSWER + EXPLANATION, "QA026", 11),
    (HEAD + "> - /// answer\n\n" + ANSWER + EXPLANATION, "QA026", 11),
    (HEAD + ">\t/// answer\n\n" + ANSWER + EXPLANATION, "QA026", 11),
    # an answer inside the question block
    (HEAD.replace("？\n///\n", "？\n") + ANSWER + "///\n\n" + EXPLANATION, "QA028", 10),
])
def test_hidden_parts_are_findings(text: str, code: str, line: int) -> None:
    page, found = check_page(text)
    html = render_page(text)
    assert rendered_counts(html) != {"question": 1, "answer": 1, "explanation": 1} or code == "QA028"
    hits = [d for d in found if d.code == code]
    assert hits and hits[0].line == line, found


@pytest.mark.parametrize("char, name", [
    ("\u00a0", "U+00A0 NO-BREAK SPACE"), ("\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\u3000", "U+3000 IDEOGRAPHIC SPACE"),
])
def test_lookalike_message_names_the_character(char: str, name: str) -> None:
    _, found = check_page(HEAD + f"///{char}answer\n答案。\n///\n")
    (hit,) = [d for d in found if d.code == "QA026"]
    assert name in hit.message and "'/// answer'" in hit.message and hit.column == 4


def test_fullwidth_block_type_is_named() -> None:
    _, found = check_page(HEAD + "/// ａｎｓｗｅｒ\n答案。\n///\n")
    (hit,) = [d for d in found if d.code == "QA022"]
    assert "ASCII" in hit.message


def test_comments_inside_one_block_and_in_code_are_fine() -> None:
    text = (HEAD + "/// answer\n答案。\n<!-- 待补充：\n更多例子 -->\n///\n\n<!-- 解析稍后补充 -->\n\n"
            "/// explanation\n```html\n<!-- 代码里的注释\n```\n-->\n///\n")
    page, found = check_page(text)
    assert not errors(found)
    assert checked_counts(page) == rendered_counts(render_page(text)) == {"question": 1, "answer": 1,
                                                                         "explanation": 1}


def test_indented_fence_up_to_three_spaces_is_a_block() -> None:
    text = HEAD + "   /// answer\n答案。\n   ///\n\n" + EXPLANATION
    page, found = check_page(text)
    assert not errors(found)
    assert checked_counts(page) == rendered_counts(render_page(text))


def test_tabs_count_as_spaces_like_the_renderer() -> None:
    text = HEAD + "///\tanswer\n答案。\n///\n\n" + EXPLANATION
    assert not codes(text)
    bad = HEAD + "/// answer\n\t大模型指的是参数很多的模型。\n///\n\n" + EXPLANATION
    assert "QA025" in codes(bad) and rendered_counts(render_page(bad))["answer"] == 0


def test_valid_block_options_are_fine() -> None:
    text = HEAD + "/// answer\n    open: true\n答案。\n///\n\n" + EXPLANATION
    page, found = check_page(text)
    assert not errors(found)
    assert rendered_counts(render_page(text))["answer"] == 1


@pytest.mark.parametrize("meta, line", [("title: 123", 3), ("tags: 基础概念", 3), ("id: 7", 2),
                                        ("tags: [1, 2]", 3)])
def test_front_matter_types_the_build_rejects(meta: str, line: int) -> None:
    text = HEAD.replace("id: sample\n", f"id: sample\n{meta}\n" if not meta.startswith("id") else f"{meta}\n")
    _, found = check_page(text + ANSWER + EXPLANATION)
    hits = [d for d in found if d.code == "QA014"]
    assert [d.line for d in hits] == [line]


def test_deep_nesting_is_a_finding_before_the_renderer_fails() -> None:
    deep = "\n".join("  " * i + "- 层" for i in range(500))
    text = HEAD + ANSWER + "/// explanation\n" + deep + "\n///\n"
    _, found = check_page(text)
    (hit,) = [d for d in found if d.code == "QA027"]
    assert hit.line == 16 + 101 and "100" in hit.message
    with pytest.raises(RecursionError):
        render_page(text)


def test_html_block_with_markdown_attribute_is_not_hidden() -> None:
    text = HEAD + '<div markdown="1">\n\n' + ANSWER + "</div>\n\n" + EXPLANATION
    page, found = check_page(text)
    assert "QA024" not in {d.code for d in found}
    assert rendered_counts(render_page(text))["answer"] == checked_counts(page)["answer"] == 1


def test_fence_after_list_marker_that_crashes_the_renderer_is_an_error() -> None:
    """Found by fuzzing: pymdownx.blocks before 13 recurses without end on this (13.x renders
    it); either way the check stops it first, so no build ever reaches the renderer with it."""
    text = "- /// answer\n/// question\n- a\n- b\n"
    assert "QA026" in codes(HEAD + text)
    try:
        render_page(HEAD + text)
    except RecursionError:
        pass  # the pymdown-extensions 10.x behaviour the rule was made for


def test_indented_code_fence_is_read_like_the_renderer() -> None:
    """Found by the fuzzer: pymdownx.superfences drops an indented fence at its first
    less-indented line and closes a fence only at its own indent; the checker reads it so."""
    text = HEAD + "/// answer\n答案。\n///\n\n/// question\n问题二？\n///\n\n/// answer\n\n  ```python\n/// explanation\n```\n///\n"
    page, found = check_page(text)
    assert errors(found) or checked_counts(page) == rendered_counts(render_page(text))


def test_fence_right_after_a_list_marker_is_inline_code_not_an_unclosed_fence() -> None:
    """`- ```python` is no fence to the renderer: the item's backticks pair with the indented
    closing line as a code span. The checker said QA023 (never closed) and refused the page."""
    for item in ("- ```python\n  x = 1\n  ```\n- 二\n", "1. ```python\n   x = 1\n   ```\n", "- ```python\n  x = 1\n```\n"):
        text = HEAD + "/// answer\n" + item + "///\n\n" + EXPLANATION
        page, found = check_page(text)
        assert not errors(found), [(d.line, d.code) for d in found]
        assert checked_counts(page) == rendered_counts(render_page(text))


def test_a_fence_never_closed_is_text_and_hides_no_block_after_it() -> None:
    """The renderer shows an unclosed fence as text, so the blocks after it are read as blocks."""
    text = HEAD + "/// answer\n答案\n```python\nx = 1\n///\n\n" + EXPLANATION
    page, found = check_page(text)
    assert [d.code for d in errors(found)] == ["QA023"], [(d.line, d.code) for d in found]
    assert checked_counts(page) == rendered_counts(render_page(text)) == {"question": 1, "answer": 1, "explanation": 1}


def test_a_fence_header_the_renderer_refuses_is_reported_at_that_line() -> None:
    """Found in a real document (`` ```c ++ ``): superfences takes no such header, so the code shows as
    text (its `#include` lines as headings); the checker took it for a fence and said nothing."""
    text = HEAD + "/// answer\n```c ++\n\n#include <cstdio>\nint main() {}\n```\n///\n\n" + EXPLANATION
    page, found = check_page(text)
    assert [(d.line, d.code) for d in errors(found)] == [(12, "QA023")] and "'```c'" in errors(found)[0].message
    assert "<h1" in render_page(text)  # what the finding is about: #include became a heading


def test_a_quote_marker_alone_inside_quoted_code_is_a_blank_line_of_it() -> None:
    """Found in an outside set (an Obsidian solution callout): a `>` line alone inside a quoted
    fence is a blank line of the code to superfences; the checker dropped the fence there and
    said QA023 (never closed) on a page that renders its code."""
    quoted = "> [!success]- Solution\n> ```python\n> age = 16\n>\n> if age >= 18:\n>     print(1)\n> ```\n"
    text = HEAD + "/// answer\n" + quoted + "///\n\n" + EXPLANATION
    page, found = check_page(text)
    assert not errors(found), [(d.line, d.code) for d in found]
    assert "if</span>" in render_page(text)  # the renderer shows it as code
    assert checked_counts(page) == rendered_counts(render_page(text))
