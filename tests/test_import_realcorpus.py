"""The importer on the real public documents of tests/corpus/ (zh and en), with no options.

Each `dev` file: the question count equals the hand count of INDEX.tsv (a known miss is an
honest strict xfail with its reason), the import never crashes, every non-blank line is kept
in exactly one page with its words, and the pages pass `qabook check` with no error.
The `holdout` files stand for documents nobody here has seen: nobody working on the importer
looks at them one by one, so they are only measured together (`test_holdout_and_overall…`),
whose messages give counts, never a file.
"""

from __future__ import annotations

import dataclasses

import pytest

from qabook.importer import plan_import
from realcorpus import Row, lost_lines, rows, run

ROWS = rows()
DEV = [r for r in ROWS if r.split == "dev"]
HOLDOUT = [r for r in ROWS if r.split != "dev"]
pytestmark = pytest.mark.skipif(not ROWS, reason="tests/corpus/*/INDEX.tsv not found")

#: Known misses on dev files, with what would be needed (strict: a fix makes them pass, and then
#: they must come off this list).
MISSES: dict[str, str] = {}
#: Files whose import passes everything but the check, with why.
CHECK_MISSES: dict[str, str] = {}  # a dev file whose import the check refuses, and why
SHARE = 0.90


def _id(row: Row) -> str:
    return f"{row.lang}/{row.file}"


@pytest.mark.parametrize("row", DEV, ids=_id)
def test_dev_file_count_matches_the_hand_count(row: Row) -> None:
    if _id(row) in MISSES:
        pytest.xfail(MISSES[_id(row)]) if run(row, check=False).count != row.expected else pytest.fail(
            f"{_id(row)} now imports right: take it off MISSES")
    outcome = run(row, check=False)
    assert not outcome.crashed, outcome.crashed
    assert outcome.count == row.expected


@pytest.mark.parametrize("row", DEV, ids=_id)
def test_dev_file_imports_lossless_and_passes_the_check(row: Row) -> None:
    outcome = run(row)
    assert not outcome.crashed, outcome.crashed
    assert outcome.lost == [], f"lines not kept exactly once with their words: {outcome.lost[:10]}"
    if _id(row) in CHECK_MISSES:
        assert outcome.check_errors, f"{_id(row)} now passes the check: take it off CHECK_MISSES"
        pytest.xfail(CHECK_MISSES[_id(row)])
    assert outcome.check_errors == 0


def test_holdout_files_import_without_crash_or_loss() -> None:
    """Measured together only: the messages give counts, never a file."""
    assert len(ROWS) >= 60, f"the corpus holds {len(ROWS)} documents; 60 are wanted"
    outcomes = [run(row, check=False) for row in HOLDOUT]
    assert sum(1 for o in outcomes if o.crashed) == 0, "a holdout file crashed the importer"
    lost = sum(1 for o in outcomes if o.lost)
    assert lost == 0, f"{lost} holdout file(s) lose lines"


def test_holdout_imports_pass_the_check() -> None:
    failing = sum(1 for row in HOLDOUT if run(row).check_errors)
    assert failing == 0, f"{failing} holdout file(s) import to pages that fail the check"


def test_overall_exact_count_share_is_at_least_90_percent() -> None:
    exact_holdout = sum(1 for row in HOLDOUT if run(row, check=False).count == row.expected)
    exact_dev = sum(1 for row in DEV if run(row, check=False).count == row.expected)
    share = (exact_dev + exact_holdout) / len(ROWS)
    assert share >= SHARE, (f"exact counts {exact_dev + exact_holdout}/{len(ROWS)} ({share:.0%}; dev {exact_dev}/"
                            f"{len(DEV)}, holdout {exact_holdout}/{len(HOLDOUT)}), wanted ≥ {SHARE:.0%}")


def test_a_lost_number_is_a_lost_line() -> None:
    """The loss check reads numbers too: an import that drops '1024' from an answer is caught
    (it compared words only, and a changed figure passed)."""
    text = "## 1. How big is a KiB?\n\n答案：1024 bytes.\n\n## 2. And a MiB?\n\n答案：1024 KiB.\n"
    plan = plan_import(text, "sizes.md", chapter="c")
    assert plan.question_count == 2 and lost_lines(text, plan) == []
    page = next(p for p in plan.pages if "1024 bytes" in p.text)
    line = next(o for o in page.lines if "1024 bytes" in o.text)
    page.lines[page.lines.index(line)] = dataclasses.replace(line, text=line.text.replace("1024", "124"))
    assert lost_lines(text, plan) == [3]
