"""`qabook import --preview`: the header counts what a person would call the answers and the
explanations (issue 14 item 3). A question the source leaves unanswered gets an answer block on its
page saying so, and a 'TODO' left for an answer gets that note too: neither is an answer, so the
header does not count them (set 10 zh/09 showed '19 个答案' where 9 of the 19 had none).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHROMIUM, open_preview

BANK = """# Python warm-up

## 1. What does `yield` do?

**Answer:** It pauses the function and hands a value to the caller.

**Explanation:** The function's state is kept until the next `next()`.

## 2. Why is `0.1 + 0.2 != 0.3`?

**Answer:** Floats are binary fractions.

## 3. What is the GIL?

## 4. When would you use `__slots__`?

**Answer:** TODO
"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_the_preview_header_counts_only_the_answers_the_source_gives(tmp_path: Path, browser) -> None:
    page = open_preview(browser, tmp_path, "warmup.md", BANK, width=1000)
    counts = page.locator("header .counts").first
    assert counts.is_visible()
    said = [s.inner_text() for s in counts.locator("span").all()]
    # four questions; two answered (no answer for 3, only a placeholder for 4); one explanation
    assert said[:3] == ["4 questions", "2 answers", "1 explanation"], said
    page.screenshot(path=str(tmp_path / "preview-counts.png"))
    page.close()
