"""A question's title keeps every word of its source line: only the numbering the document
uses for its questions is taken off, never a number that begins the question's own text."""

from __future__ import annotations

from pathlib import Path

from conftest import qabook


def test_a_number_that_begins_a_numbered_question_stays_in_its_title(tmp_path: Path) -> None:
    source = tmp_path / "probability.md"
    source.write_text("# Self-assessment\n\n"
                      "1. What is the probability of two heads in two tosses of a fair coin?\n\n"
                      "2. 3 coins are tossed at once. What is the probability of exactly 2 heads?\n\n"
                      "3. 2.5 kg of sugar costs 10 yuan. What does 1 kg cost?\n\n"
                      "4. Why is the probability of an event never above 1?\n", encoding="utf-8")
    r = qabook("import", str(source), "--chapter", "ch", "--out", str(tmp_path / "docs"))
    assert r.returncode == 0, r.stderr
    pages = sorted((tmp_path / "docs" / "ch").glob("0*.md"))
    titles = [next(line for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("# ")) for p in pages]
    assert titles[1] == "# 3 coins are tossed at once. What is the probability of exactly 2 heads?"
    assert titles[2] == "# 2.5 kg of sugar costs 10 yuan. What does 1 kg cost?"
    assert len(pages) == 4
