"""import → build always works: what the build would refuse, or what would swallow the page,
is neutralised at import time — kept visible as text, with a warning at its source line — so
that a hostile plain document imports and builds with no hand edits (without relying on any
render-time sanitiser)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import empty_book, qabook
from qabook.importer import plan_import

DEEP_QUOTE = "> " * 101 + "deep quote"
DEEP_LIST = "\n".join("  " * k + f"- level {k}" for k in range(100)) + "\n" + "  " * 101 + "- deep list"
HOSTILE = f"""# Security quiz

## 1. What does this page do?

<script>alert(1)</script>

<img src="https://example.org/x.png" onerror="alert(2)">

[click me](javascript:alert(3))

<style>body {{ display: none }}</style>

## 2. What is an iframe?

<iframe src="https://example.org"></iframe>

<a href="javascript:alert(4)">run</a>

<textarea>
Everything after this would be swallowed.

## 3. What is deep nesting?

{DEEP_QUOTE}

{DEEP_LIST}

## 4. What is a title tag?

<title>never closed
<xmp>raw
<noembed>x

## 5. What is plaintext?

<plaintext>the rest of the page
"""


def imported_and_checked(tmp_path: Path, name: str, text: str, chapter: str) -> tuple[str, Path]:
    """Import `text` (as file `name`) into an empty book, as a user would, and check the book: the
    import's messages and the chapter's folder. Both commands must succeed."""
    project = empty_book(tmp_path)
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    imported = qabook("import", str(source), "--out", str(project / "docs"), "--chapter", chapter)
    out = imported.stdout + imported.stderr
    assert imported.returncode == 0, out
    check = qabook("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    return out, project / "docs" / chapter


def test_hostile_document_imports_every_question_and_says_what_it_did() -> None:
    plan = plan_import(HOSTILE, "hostile.md", chapter="h")
    assert plan.question_count == 5 and not plan.has_errors
    notes = {(d.line, d.code) for d in plan.diagnostics}
    lines = HOSTILE.split("\n")
    for what in ("<script>", "onerror", "javascript:alert(3)", "<style>", "<iframe", "javascript:alert(4)", "<textarea>",
                 "deep quote", "deep list", "<title>", "<xmp>", "<noembed>", "<plaintext>"):
        line = next(n for n, text in enumerate(lines, 1) if what in text)
        assert any(n == line and code in ("QI016", "QI017", "QI023") for n, code in notes), (what, line, sorted(notes))
    text = "\n".join(p.text for p in plan.pages)
    for kept in ("alert(1)", "onerror", "javascript:alert(3)", "display: none", "never closed", "the rest of the page",
                 "deep quote", "deep list"):
        assert kept in text, kept  # lossless: kept as text, never dropped


def test_hostile_document_imports_then_builds_and_shows_it_as_text(tmp_path: Path) -> None:
    project = empty_book(tmp_path)
    source = tmp_path / "hostile.md"
    source.write_text(HOSTILE, encoding="utf-8")
    imported = qabook("import", str(source), "--out", str(project / "docs"), "--chapter", "h")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    build = qabook("build", "--no-pdf", cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    site = project / "site" / "h"
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in site.glob("*/index.html")}
    first = next(v for k, v in pages.items() if k.startswith("01-"))
    assert "<script>alert(1)" not in first and "onerror=" not in re.sub(r"&[a-z]+;", "", first).replace(
        "onerror=&quot;", "") or "&lt;img" in first
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first  # shown as text
    assert "[click me](javascript:alert(3))" in html.unescape(re.sub(r"<[^>]+>", "", first))
    last = next(v for k, v in pages.items() if k.startswith("05-"))
    assert "<plaintext" not in last.lower().replace("&lt;plaintext", "")
    for page in pages.values():  # nothing swallowed: every page still ends with the site's own scripts
        assert page.rstrip().endswith("</html>")


def test_a_finding_the_cleaner_has_no_rule_for_still_imports_to_a_page_that_passes_the_check(tmp_path: Path) -> None:
    """Whatever the sanitiser refuses (here a style holding a script URL, on a tag's second line)
    is made text at import time with a note, so the imported book passes `qabook check`."""
    out, chapter = imported_and_checked(
        tmp_path, "styled.md",
        "# Quiz\n\n## 1. What is a style?\n\nAnswer: <span style=\"background:url(javascript:alert(5))\">x</span>\n\n"
        "## 2. What is a tag over two lines?\n\nAnswer: <span\nstyle=\"background:url(javascript:alert(6))\">y</span>\n", "s")
    assert out.count("QI023") >= 2, out
    text = "".join(p.read_text(encoding="utf-8") for p in chapter.glob("*.md"))
    assert "alert(5)" in text and "alert(6)" in text  # kept, as text


def test_a_tag_in_backticks_inside_an_html_block_is_made_text_at_its_line(tmp_path: Path) -> None:
    """Inside a raw HTML block (a README's `<details>` table of contents) backticks are text, so
    `` `<script>` `` there is a raw element: the check names its line (it named the title line), and
    the importer makes it text, so the imported book passes the check (it failed)."""
    out, chapter = imported_and_checked(
        tmp_path, "readme.md", "# Interview\n\n<details>\n<summary>Contents</summary>\n\n"
        "* What are `defer` and `async` on a `<script>` tag?\n</details>\n\n"
        "### What is the DOM?\n\nThe document's tree.\n\n### What are `defer` and `async`?\n\nLoad order.\n", "r")
    assert "readme.md:6:1: QI023" in out, out
    assert "`&lt;script>`" in (chapter / "index.md").read_text(encoding="utf-8")


def test_a_link_to_an_app_scheme_is_kept_as_text_and_the_book_passes_the_check(tmp_path: Path) -> None:
    """`[Open in IntelliJ](jetbrains://…)`, `[Settings](ms-settings:display)` and a reference link defined
    as `[s]: ms-settings:sound`: the site keeps only
    web links, so the check refused them (QA070); the import keeps their words, says why at the
    line, and the book passes the check (a page with no `<` was not even looked at)."""
    out, chapter = imported_and_checked(
        tmp_path, "ide.md", "# IDE FAQ\n\n## 1. How do I open the project?\n\nClick [Open in IntelliJ]"
        "(jetbrains://idea/checkout/git?url=x).\n\n## 2. Where are the display settings?\n\nOpen [Settings](ms-settings:display), "
        "or read [the guide](https://example.org/guide), or [sound][s].\n\n[s]: ms-settings:sound\n", "i")
    assert "ide.md:5:1: QI023 a 'jetbrains:' URL in href= opens something outside the web" in out, out
    assert "ide.md:9:1: QI023 a 'ms-settings:' URL" in out and "link:" not in out, out
    assert "ide.md:11:1: QI023 a 'ms-settings:' URL" in out, out  # a reference link's definition
    text = "".join(p.read_text(encoding="utf-8") for p in chapter.glob("0*.md"))
    assert "Open in IntelliJ" in text and "[the guide](https://example.org/guide)" in text  # words kept; web links stay links


def test_the_same_app_link_written_twice_is_kept_as_text_both_times(tmp_path: Path) -> None:
    """A Windows FAQ repeats a step, `[ms-settings:display](ms-settings:display)`, on two lines of one
    answer: the check placed both findings at the first line's link *text*, so the import escaped the
    first link only and the book failed the check (QA070). Each finding is now placed at its link's
    target: both lines are kept as text and named, and the book passes."""
    step = "1. 按下 Win + I，或打开 [ms-settings:display](ms-settings:display) 即可\n"
    out, chapter = imported_and_checked(
        tmp_path, "win.md", "# Windows 常见问题\n\n## 1. 如何打开显示设置？\n\n" + step + "\n答案：同上。\n\n" + step
        + "\n## 2. 如何打开声音设置？\n\n答案：在任务栏右键音量图标。\n", "w")
    assert "win.md:5:1: QI023 a 'ms-settings:' URL" in out and "win.md:9:1: QI023 a 'ms-settings:' URL" in out, out
    page = next(chapter.glob("01-*.md")).read_text(encoding="utf-8")
    assert page.count("[ms-settings:display]\\(ms-settings:display)") == 2, page


def test_a_reference_link_to_a_page_outside_the_book_keeps_its_words(tmp_path: Path) -> None:
    """A docs FAQ defines its links at the bottom (`[nodeLinker]: settings/node-modules.md#x`): the
    inline links to files outside the book became text, the reference one stayed a link to nowhere
    and the book failed the check (QA051). Its definition is now kept as text, with QI013 at its line."""
    out, _ = imported_and_checked(
        tmp_path, "faq.md", "# FAQ\n\n## Why does my build fail?\n\nTry the [`nodeLinker: hoisted`] setting or read "
        "[the guide](guide.md).\n\n[`nodeLinker: hoisted`]: settings/node-modules.md#nodelinker\n\n"
        "## How do I update?\n\nRun `pnpm up`.\n", "f")
    assert "faq.md:7:1: QI013 link to 'settings/node-modules.md#nodelinker'" in out, out


def test_a_fence_in_a_list_item_closed_at_the_items_indent_stays_closed(tmp_path: Path) -> None:
    """An explanation's code written as a list item (`- ```py` … `  ````): the importer read the
    item's closing line as a new fence left open, added a closing '```' at the end of the page, and
    the check refused it (a puzzle collection, outside set 4)."""
    out, chapter = imported_and_checked(
        tmp_path, "puzzles.md", "# Puzzles\n\n### ▶ All-true-ation\n\n```py\n>>> all([])\nTrue\n```\n\n"
        "#### Explanation:\n\n- `all` is equivalent to\n\n- ```py\n  def all(xs):\n      return True\n  ```\n\n"
        "- `all([])` is `True`.\n\n---\n\n### ▶ The surprising comma\n\n```py\n>>> f(1,)\n```\n\n"
        "#### Explanation:\n\n- A trailing comma is allowed.\n", "p")
    assert "QI014" not in out, out
    first = next(chapter.glob("01-*.md")).read_text(encoding="utf-8")
    assert first.count("```") == 4, first  # the two fences as written, none added


def test_a_list_items_unclosed_fence_and_deep_heading_are_kept_as_text(tmp_path: Path) -> None:
    """A long interview README: inside numbered items, a `##### Singleton` heading (QA060 once the
    item is a page) and a code fence the source never closes before its item ends (QA023); the check
    refused the import. It now writes the heading one level below its parent and the fence's marks as text,
    says so at each line, and the book passes the check."""
    text = ("# JS\n\n1. ### What is a closure?\n\n    A function with its scope.\n\n    8. **Singleton:**\n\n"
            "       Instantiated once.\n\n        ##### Singleton with Closure\n        ```javascript\n"
            "        const s = 1;\n        ```\n\n2. ### What is structuredClone?\n\n      A deep copy.\n\n"
            "        ```javascript\n           const o = {\n  },\n};\n\n    const c = structuredClone(o);\n\n"
            "3. ### What is hoisting?\n\n     Declarations move up.\n")
    out, _ = imported_and_checked(tmp_path, "js.md", text, "j")
    assert "js.md:11:1: QI023 heading level 5 after level 1 skips a level, which the build refuses: written as " \
           "level 2" in out, out
    assert "js.md:20:1: QI023 code fence '```javascript' is never closed inside its list item" in out, out


def test_a_table_of_contents_slugged_by_another_tool_points_at_the_questions(tmp_path: Path) -> None:
    """A contents list made by an editor plug-in keeps `=` in its anchors (`#…var-a-=-1…`) and its
    link text holds brackets (`var a = ['1']`): the link matched neither slug, was not made text
    either, and the check refused the chapter page (QA052). Anchors are matched on their words."""
    title = "有一个大数组,var a = ['1', '2', ...];请去重"
    text = (f"# 前端面试\n\n- [{title}](#有一个大数组var-a-=-1-2-请去重)\n- [什么是闭包？](#什么是闭包)\n\n"
            f"### {title}\n\n答案：用 Set。\n\n### 什么是闭包？\n\n答案：函数和它的作用域。\n")
    out, chapter = imported_and_checked(tmp_path, "fe.md", text, "f")
    index = (chapter / "index.md").read_text(encoding="utf-8")
    assert "(01-" in index and "=-1-2" not in index, index
