"""A troubleshooting table (issue 14, round 11): `| Symptom | Likely cause | Fix |`, one problem a
row. It was refused ('no questions found'); a person reads each row as a question and its answer
(`tables._trouble_columns`, the header words in `vocabulary.TROUBLE_COLUMNS`). A log whose first
column is a timestamp stays refused.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

TROUBLE = """# Printer troubleshooting

| Symptom | Likely cause | Fix |
| --- | --- | --- |
| Pages come out blank | The cartridge tape was never removed | Take the cartridge out and pull off the orange tape |
| `Error 0x61011bed` on the panel | The print head is not seated | Lift the lid, press the head down until it clicks |
| Streaks across every page | The nozzles are clogged | Run *Clean print head* twice from the maintenance menu |
"""

LOG = """# Deploy log

| Timestamp | Error | Attempt | Resolution |
| --- | --- | --- | --- |
| 2026-03-28 09:50 | rsync path misuse | 1 | reran with an absolute path |
| 2026-03-28 10:05 | npm ci timeout | 2 | retried on the mirror |
| 2026-03-28 10:40 | lint failure | 1 | fixed two imports |
"""


def test_each_row_of_a_troubleshooting_table_is_a_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "printer.md", TROUBLE)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    assert [page_block(p, "question") for p in pages] == [
        "Pages come out blank", "`Error 0x61011bed` on the panel", "Streaks across every page"]
    assert page_block(pages[1], "answer") == "Lift the lid, press the head down until it clicks"
    assert page_block(pages[1], "explanation") == "The print head is not seated"  # the cause, not shown with the symptom
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_log_of_errors_and_resolutions_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "deploy.md", LOG)
    assert r.returncode == 1 and not pages
    assert "QI001" in r.stdout + r.stderr
