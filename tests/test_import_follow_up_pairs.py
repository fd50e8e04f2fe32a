"""An interview bank whose answers end in a follow-up (measure10 zh/10): each `## N. …？` has its
`### 答案要点`, then `### 追问` over `**Q: …？**` and `A:` with its own answer. A learner grades the
follow-up on its own, as a follow-up heading (`### 📌 **Follow-up:** …?`) is one card — one pair or
three alike: three follow-ups, one in each of three questions, are no template of their own.
A question labelled right under its heading, nothing said before it, is that heading's question.
"""

from __future__ import annotations

from qabook.importer import plan_import


def _question(n: int, follow_up: bool) -> str:
    text = (f"## {n}. 如何设计第 {n} 种批处理任务？\n\n**考察点**：容错\n\n### 答案要点\n\n"
            f"1. 记录状态\n2. 失败重试\n\n```python\nrun_{n}()\n```\n\n")
    if follow_up:
        text += f"### 追问\n\n**Q: 第 {n} 种任务之间有依赖怎么办？**\n\nA:\n1. 用 DAG 表示依赖\n2. 拓扑排序\n\n"
    return text + "---\n\n"


BANK = "# 面试题\n\n" + "".join(_question(n, n <= 3) for n in range(1, 6))


def test_follow_up_pairs_in_three_questions_are_three_more_questions() -> None:
    plan = plan_import(BANK, "batch.md", chapter="c")
    titles = [p.title for p in plan.pages[1:]]
    assert plan.question_count == 8, titles
    assert titles[1] == "第 1 种任务之间有依赖怎么办？", titles
    follow = plan.pages[2].text
    assert "拓扑排序" in follow and "run_1" not in follow, follow
    assert "拓扑排序" not in plan.pages[1].text
    assert sum(d.code == "QI012" for d in plan.diagnostics) == 3


def test_a_labelled_question_right_under_its_heading_is_that_question() -> None:
    bank = "# 面试题\n\n" + "".join(f"## {n}. 第 {n} 题\n\n**Q: 第 {n} 种任务怎么重试？**\n\nA: 指数退避。\n\n"
                                     for n in range(1, 5))
    plan = plan_import(bank, "batch.md", chapter="c")
    assert plan.question_count == 4, [p.title for p in plan.pages[1:]]
