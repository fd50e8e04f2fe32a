"""Fuzzing with hypothesis: generated and mutated Q&A documents through import, check and rendering.

Properties: nothing raises; import is lossless (every non-blank line lands in exactly one page);
when the check reports no error for a page, the checker and the renderer (Python-Markdown with
mkdocs.yml's extensions) see the same number of questions, answers and explanations.

Documents start from the committed fixtures (tests/fixtures/import, tests/fixtures/rules) and,
when present, the seed and corpus of ../shared/. A bounded number of examples runs with the
suite; a longer run: `QABOOK_FUZZ_EXAMPLES=5000 scripts/test tests/test_fuzz.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, FIXTURES, HAVE_SHARED, SEED, needs_shared
from qafuzz import check_page, checked_counts, errors, render_page, rendered_counts
from qabook.importer import plan_import

EXAMPLES = int(os.environ.get("QABOOK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="QABOOK_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _texts(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


PAGE_SEEDS = _texts(sorted((FIXTURES / "rules").glob("*.md")))
DOC_SEEDS = _texts(sorted((FIXTURES / "import").glob("*.md")))
SHARED_SEEDS = _texts([SEED, *sorted(CORPUS.glob("[0-9]*.md"))]) if HAVE_SHARED else []

#: Lines that make or break structure: block fences and their look-alikes, comments, code fences.
#: Not yet: `<div markdown="1">` left open twice hides blocks the checker still counts (md_in_html).
FRAGMENTS = [
    "", "", "", "# 标题", "## 小节", "正文一行。", "- 列表项", "    缩进的一行", "> 引用",
    "/// question", "/// answer", "/// explanation", "///", "//// question", "////",
    "/// question | 题目", "/// Answer", "  /// answer", "    /// answer", "/// note", "/// details | 更多",
    "<!--", "-->", "<!-- 注释 -->", "  <!--", "文字 <!--", "--> 文字", "<!-- /// answer -->",
    "```", "```python", "~~~", "    ```", "<div>", "</div>", "<details>", "</details>",
    "/// answer\u00a0", "///\u200b", "／／／ answer", "\u200b/// question", "///\u3000explanation",
    "> /// answer", "- /// answer", "1. /// question", "<!-->", "--!>", "<p>", "</p>",
    "---", "id: x", "***", "1. 第一", "**答案**：是", "问题1：什么是大模型？", "答案：是。", "解析：因为。",
]


def _mutate(draw, lines: list[str]) -> list[str]:
    lines = list(lines)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "insert", "delete", "duplicate", "indent"]))
        at = draw(st.integers(0, len(lines)))
        if op == "insert" or not lines:
            lines.insert(at, draw(st.sampled_from(FRAGMENTS)))
        elif op == "delete":
            del lines[min(at, len(lines) - 1)]
        elif op == "duplicate":
            lines.insert(at, lines[min(at, len(lines) - 1)])
        else:
            i = min(at, len(lines) - 1)
            lines[i] = draw(st.sampled_from(["  ", "    ", "\t"])) + lines[i]
    return lines


@st.composite
def mutated(draw, seeds: list[str], window: int = 120) -> str:
    """A seed (a window of at most `window` lines of it) with a few lines inserted, removed or indented."""
    lines = draw(st.sampled_from(seeds)).split("\n")
    if len(lines) > window:
        start = draw(st.integers(0, len(lines) - window))
        lines = lines[start:start + window]
    return "\n".join(_mutate(draw, lines))


@st.composite
def generated(draw) -> str:
    """A page built from scratch out of structural fragments."""
    head = "---\nid: fuzz\n---\n\n# 标题\n\n" if draw(st.booleans()) else ""
    return head + "\n".join(draw(st.lists(st.sampled_from(FRAGMENTS), max_size=40)))


def assert_agree(text: str) -> None:
    """The check never raises; a page it passes renders without raising and with the blocks the
    checker counted. (A page with errors is never rendered: the build checks first.)"""
    page, found = check_page(text)
    if page is None or errors(found):
        return
    html = render_page(text)
    assert checked_counts(page) == rendered_counts(html), (text, found, html)


def assert_lossless(text: str, plan) -> None:
    """Every non-blank input line lands in exactly one output page (the importer's promise;
    its text may be escaped or re-indented there: the corpus tests compare the words too)."""
    owners: dict[int, int] = {}
    for page in plan.pages:
        for out in page.lines:
            for n in out.src:
                owners[n] = owners.get(n, 0) + 1
    lines = text.replace("\r\n", "\n").split("\n")
    lost = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and owners.get(n) != 1]
    assert lost == [], lost


def assert_import_ok(text: str) -> None:
    plan = plan_import(text, "fuzz")
    if any(d.code == "QI001" for d in plan.diagnostics):  # no question found: nothing is written
        return
    assert_lossless(text, plan)
    for planned in plan.pages[1:4]:  # the first topic pages: checked and rendered too
        assert_agree(planned.text)


@FUZZ
@given(mutated(PAGE_SEEDS))
def test_mutated_rule_fixtures(text: str) -> None:
    assert_agree(text)


@FUZZ
@given(generated())
def test_generated_pages(text: str) -> None:
    assert_agree(text)


@FUZZ
@given(st.one_of(mutated(DOC_SEEDS), generated()))
def test_import_of_mutated_documents(text: str) -> None:
    assert_import_ok(text)


@needs_shared
@FUZZ
@given(st.data())
def test_mutated_seed_and_corpus(data: st.DataObject) -> None:
    text = data.draw(mutated(SHARED_SEEDS))
    assert_import_ok(text)
    assert_agree(text)


GOOD_PAGES = _texts(sorted((FIXTURES / "rules").glob("good_*.md")))


@pytest.mark.parametrize("text", GOOD_PAGES[:3])
def test_agreement_can_fail(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The agreement property catches a renderer that drops an answer (so the fuzzing means something)."""
    import qafuzz

    monkeypatch.setattr(qafuzz, "_RENDERED", {**qafuzz._RENDERED, "answer": qafuzz.re.compile("(?!)")})
    page, found = check_page(text)
    if page is None or errors(found) or not checked_counts(page)["answer"]:
        pytest.skip("fixture has errors or no answer")
    with pytest.raises(AssertionError):
        assert_agree(text)


def test_long_first_heading_is_kept_whole() -> None:
    """Found by fuzzing: a chapter heading longer than the title limit lost its end on import."""
    heading = "数学模型和公式 & 详细讲解 & 举例说明（Detailed Explanation and Examples of Mathematical Models and Formulas）"
    text = f"前言一行。\n\n#### 4. {heading}\n\n##### 4.1 问题一？\n\n答案：是。\n"
    plan = plan_import(text, "fuzz")
    if any(d.code == "QI001" for d in plan.diagnostics):  # no question found: nothing is written
        return
    assert_lossless(text, plan)
    assert f"# 4. {heading}\n" in plan.pages[0].text and plan.title.endswith("…")


def test_multiline_setext_heading_becomes_one_heading_line() -> None:
    """Found by fuzzing: a setext heading over several lines became an ATX heading with line breaks."""
    text = "# 第一章\n\n前言。\n\n**Matrix Representation**:\n$$\nF(n)\n$$\n= \n\n#### 1. 问题一？\n\n答案：是。\n"
    plan = plan_import(text, "fuzz")
    if any(d.code == "QI001" for d in plan.diagnostics):  # no question found: nothing is written
        return
    assert_lossless(text, plan)
    heading = next(o for o in plan.pages[0].lines if o.text.startswith("## "))
    assert "\n" not in heading.text and "F(n)" in heading.text
