"""The importer on real documents, read in place from ../shared/corpus (never copied here).

For each file: the question count of INDEX.tsv, every non-blank line kept in exactly one page,
and the file's anomalies reported as diagnostics at the right lines, never a traceback.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, HAVE_SHARED, SEED, copy_project, needs_shared, qabook
from qabook.check import check_docs
from qabook.importer import plan_import, write_plan
from qabook.importer.units import generic_title

pytestmark = needs_shared

INDEX: dict[str, dict[str, str]] = {}
if HAVE_SHARED:
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8") as _index:
        INDEX = {row["file"]: row for row in csv.DictReader(_index, delimiter="\t")}
CORPUS_FILES = sorted(INDEX) or ["corpus-absent"]  # one named skip per test, not an empty parameter set

# (code, line) pairs each file must report; the anomalies INDEX.tsv lists, found by reading the files.
EXPECTED_FINDINGS: dict[str, set[tuple[str, int]]] = {
    "02-datacenter-security-reliability.md": set(),
    "04-css-quiz-ch39-details.md": {("QI006", 527), ("QI013", 528)},  # chapter navigation after the last question
    "05-spring-framework-quiz.md": {("QI013", 475)},  # link to a file beside the source
    "06-spring-boot-poldichen-dupnum.md": {("QI002", 26), ("QI003", 215),  # '#### 2.' twice; '#### 100.'
                                           ("QI016", 206)},  # an image that is not beside the file
    "09-ip-strategy-bold-numbered.md": set(),  # numbering restarts in its own section 二: normal, no finding
    "10-ip-strategy-h5-timu-n.md": {("QI008", 990), ("QI010", 11)},  # titles 16 = 23; merged 答案解析
    "13-aigi-kuaishou-article-faq-Q1.md": set(),
    "17-en-devinterview-fibonacci.md": set(),
    "20-ip-risk-unanswered-questions.md": {("QI004", 24), ("QI004", 26), ("QI004", 71), ("QI004", 73),
                                           ("QI004", 109), ("QI004", 111), ("QI007", 55), ("QI007", 93),
                                           ("QI007", 143)},
    "22-ppo-orphan-code-block.md": {("QI006", 76)},  # orphan 源代码示例 + 解析 after the last question
    "26-0voice-mianjing-narrative.md": {("QI001", 1)},  # no Q&A at all
    "27-mybatis-plus-quiz-daan-only.md": set(),
}
# Codes a file may report beyond the expected ones (and nothing else).
ALLOWED_EXTRA = {"QI005"}  # missing 解析: true of every unlabelled-answer document
MISSING_EXPLANATION = {  # QI005 counts: questions with an answer but no explanation
    "09-ip-strategy-bold-numbered.md": 20, "20-ip-risk-unanswered-questions.md": 1,
    # no question of the document has one: a single summary note, not one per question
    "05-spring-framework-quiz.md": 1, "06-spring-boot-poldichen-dupnum.md": 1,
    "13-aigi-kuaishou-article-faq-Q1.md": 1, "17-en-devinterview-fibonacci.md": 1,
    "27-mybatis-plus-quiz-daan-only.md": 1,
}

LABEL_RE = re.compile(r"^(?:题目描述|题目|面试题|问题\s*\d*|答案解析|正确答案|参考答案|答案|解析|Question|Answer|Solution|Explanation|Q\d*|A\d*)\s*(?:[：:.]\s*|$)", re.I)


def core_text(line: str) -> str:
    """What must survive of a source line: its words, without Markdown marks, labels or numbering
    (a generic `<summary>Show answer</summary>` says nothing: the block's default title says it)."""
    summary = re.fullmatch(r"\s*(?:<[^>]+>\s*)*<summary[^>]*>(?P<text>.*?)</summary>(?:\s*<[^>]+>)*\s*", line, re.I)
    if summary and generic_title(re.sub(r"<[^>]+>", "", summary["text"])):
        return ""
    text = re.sub(r"</?(?:details|summary|br|div|p|a|img|span|b|strong|em|i)\b[^>]*>", "", line, flags=re.I)
    text = re.sub(r"\]\([^)]*\)", "]", text.replace("**", "")).strip()  # link targets may be retargeted
    text = re.sub(r"^#{1,6}\s*", "", text)
    text = re.sub(r"^[✅📖]\s*", "", text)
    if line.lstrip().startswith(("#", "**")):  # question numbering: "1.", "题目 1：", "第 1 题"
        text = re.sub(r"^(?:\d+\s*[.．、]\s*|题目\s*\d+\s*[：:]\s*|第\s*\d+\s*题\s*)(?=\S)", "", text)
    text = LABEL_RE.sub("", text)
    return re.sub(r"\s+", "", text)


def assert_lossless(source: str, plan) -> None:
    lines = source.replace("\r\n", "\n").split("\n")
    owners: dict[int, list[str]] = {}
    for page in plan.pages:
        for out in page.lines:
            for n in out.src:
                owners.setdefault(n, []).append(page.rel)
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        pages = owners.get(n, [])
        assert len(pages) == 1, f"line {n} {line!r} lands in {len(pages)} pages: {pages}"
        if re.fullmatch(r"\s*=+\s*", line):  # a setext underline: markup, now '##'
            continue
        page = next(p.text for p in plan.pages if p.rel == pages[0])
        page = re.sub(r"\]\([^)]*\)", "]", page.replace("**", "").replace("\\[", "["))
        page_text = re.sub(r"[\s\[\]]+", "", page)  # a link outside the book keeps only its words (QI013)
        assert re.sub(r"[\[\]]", "", core_text(line)) in page_text, f"line {n} {line!r}: its text is not in {pages[0]}"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_question_count_matches_index(name: str) -> None:
    plan = plan_import((CORPUS / name).read_text(encoding="utf-8"), name)
    expected = int(re.match(r"\d+", INDEX[name]["n_questions"]).group())
    assert plan.question_count == expected


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_line_kept_once(name: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    plan = plan_import(text, name)
    if plan.question_count == 0:  # nothing found: nothing is written (QI001), so nothing is lost
        assert plan.pages == []
        return
    assert_lossless(text, plan)


def test_seed_is_lossless_and_complete() -> None:
    text = SEED.read_text(encoding="utf-8")
    plan = plan_import(text, "seed")
    assert plan.question_count == 8
    assert plan.diagnostics == []
    assert_lossless(text, plan)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_anomalies_are_reported(name: str) -> None:
    plan = plan_import((CORPUS / name).read_text(encoding="utf-8"), name)
    found = {(d.code, d.line) for d in plan.diagnostics}
    assert EXPECTED_FINDINGS[name] <= found
    expected_codes = {c for c, _ in EXPECTED_FINDINGS[name]} | ALLOWED_EXTRA
    if name.startswith("09-"):  # '合并两个有序链表' is asked twice in group 二
        expected_codes.add("QI008")
    assert {d.code for d in plan.diagnostics} <= expected_codes, plan.diagnostics
    assert Counter(d.code for d in plan.diagnostics)["QI005"] == MISSING_EXPLANATION.get(name, 0)
    assert all(d.path == name and d.line >= 1 for d in plan.diagnostics)


def test_lossless_check_can_fail() -> None:
    """The lossless assertion catches a dropped line (so the tests above mean something)."""
    text = SEED.read_text(encoding="utf-8")
    plan = plan_import(text, "seed")
    answer_page = plan.pages[1]
    victim = next(o for o in answer_page.lines if o.src and "数百万" in o.text)
    answer_page.lines.remove(victim)
    with pytest.raises(AssertionError):
        assert_lossless(text, plan)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_cli_import_then_check_passes(name: str, tmp_path: Path) -> None:
    """The pages the importer writes pass the check with no error; no question: nothing written."""
    docs = tmp_path / "docs"
    result = qabook("import", str(CORPUS / name), "--out", str(docs), "--chapter", "c")
    assert "Traceback" not in result.stderr
    if any(c == "QI001" for c, _ in EXPECTED_FINDINGS[name]):
        assert result.returncode == 1 and not docs.exists()
        assert "--explain" in result.stderr and "--question-pattern" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    check = qabook("check", "--docs-dir", str(docs))
    assert "Traceback" not in check.stderr
    assert check.returncode == 0 and "check: 0 error(s)" in check.stderr, check.stdout


def test_corpus_imported_as_one_book_builds_with_no_hand_edits(tmp_path: Path) -> None:
    """Every corpus file that holds questions, imported as chapters of one book, then `qabook build`."""
    project = copy_project(tmp_path)
    shutil.rmtree(project / "docs" / "llm")
    with_questions = [name for name in CORPUS_FILES if int(re.match(r"\d+", INDEX[name]["n_questions"]).group())]
    for k, name in enumerate(with_questions, 1):
        result = qabook("import", str(CORPUS / name), "--out", str(project / "docs"), "--chapter", f"c{k:02d}")
        assert result.returncode == 0, result.stderr
    check = qabook("check", cwd=project)
    assert check.returncode == 0 and "check: 0 error(s)" in check.stderr, check.stdout
    build = qabook("build", "--no-pdf", cwd=project)
    assert build.returncode == 0, build.stderr + build.stdout
    chapters = sorted(p.parent.name for p in (project / "site").glob("c*/index.html"))
    assert chapters == [f"c{k:02d}" for k in range(1, len(with_questions) + 1)]


def test_imported_unanswered_questions_pass_the_check_and_say_so(tmp_path: Path) -> None:
    """A question with no answer is a warning at its source line; its page still passes the check
    and tells the reader, in the document's language, that the answer is missing."""
    name = "20-ip-risk-unanswered-questions.md"
    plan = plan_import((CORPUS / name).read_text(encoding="utf-8"), name, chapter="risk")
    assert all(d.severity.value == "warning" for d in plan.diagnostics if d.code == "QI004")
    write_plan(plan, tmp_path)
    diags = check_docs(tmp_path)
    assert not [d for d in diags if d.is_error], diags
    noted = [p for p in (tmp_path / "risk").glob("*.md") if "原文没有给出这道题的答案" in p.read_text(encoding="utf-8")]
    assert len(noted) == 6
