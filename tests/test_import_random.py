"""Random documents built from the shapes the importer knows (and ones that trip it up): whatever
it writes keeps every line once and passes the check with no error, under every option set."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qabook.check import check_docs
from qabook.importer import plan_import, write_plan
from qabook.importer.options import ImportOptions, merge

PIECES = [
    "# Title", "## 1. What is X?", "### Q: Why?", "**2. How?**", "**2. How?**\nglued answer", "**答案：** 文本",
    "**答案**：文本", "### 答案：", "**解析：**", "Answer: yes", "Q: what?", "A: that",
    "<details><summary>Show</summary>", "</details>", "<details>", "```py", "```", "---", "- item",
    "1. What is it?", "   indented answer", "plain text", "[link](other.md)", "[a](#missing)",
    "| a | b |\n|---|---|\n| 1 | 2 |", "> quote", "#### 100.", "## 第 3 题", "##### 题目 4：标题",
    "/// answer", "///", "/// danger | t", "\ufeffBOM", "\t\ttabbed", "**Q1：问题？**", "A1：答案", "<!-- c -->",
    "![img](pic.png)", "$$x$$", "### What is Z?",
]
OPTION_SETS = [{}, {"bold_questions": True}, {"question_heading": 2}, {"details_answers": True},
               {"question_pattern": "Q"}]


def random_document(rng: random.Random) -> str:
    text = "\n\n".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
    return text.replace("\n\n", "\n") if rng.random() < 0.3 else text


@pytest.mark.parametrize("seed", range(12))
def test_random_documents_import_to_pages_that_pass_the_check(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    for trial in range(25):
        text = random_document(rng)
        options = rng.choice(OPTION_SETS)
        plan = plan_import(text, "random.md", chapter="c", options=merge(ImportOptions(), **options))
        if not plan.pages:
            assert plan.has_errors  # QI001
            continue
        owners: dict[int, int] = {}
        for page in plan.pages:
            for out in page.lines:
                for n in out.src:
                    owners[n] = owners.get(n, 0) + 1
        lines = text.split("\n")
        assert all(owners.get(n) == 1 for n, line in enumerate(lines, 1) if line.strip()), (options, text)
        docs = tmp_path / f"t{trial}"
        write_plan(plan, docs)
        errors = [d for d in check_docs(docs) if d.is_error]
        assert errors == [], (options, text, errors)
