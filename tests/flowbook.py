"""A copy of the project with one more chapter, `flow`: an introduction on its chapter page
and topics of several questions (the seed's topics have one each). For the study flow, the
search landing in study mode and the chapter PDF's introduction."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project

INTRO = "这一章的引言：先读这段话，再按顺序做题。它只写在章节页上。"
EXPLANATION_ONLY = "蜂鸟悬停定律"  # a phrase only in an explanation (never in a question or answer)

CHAPTER = f"""---
title: "学习流程"
---

# 学习流程

{INTRO}

<!-- qabook:pdf -->

- [三道题](01-san-dao-ti.md)
- [两道题](02-liang-dao-ti.md)
"""


def _topic(page_id: str, title: str, questions: list[tuple[str, str, str]]) -> str:
    out = [f"---\nid: {page_id}\ntags: [流程]\n---\n\n# {title}\n"]
    for q, a, e in questions:
        out.append(f"/// question\n{q}\n///\n\n/// answer\n{a}\n///\n\n/// explanation\n{e}\n///\n")
    return "\n".join(out)


TOPICS = {
    "01-san-dao-ti.md": _topic("san-dao-ti", "三道题", [
        ("第一题：什么是梯度？", "梯度是函数增长最快的方向。", "沿负梯度方向下降。"),
        ("第二题：什么是学习率？", "学习率是每一步的步长。", f"太大会发散，这里提到{EXPLANATION_ONLY}。"),
        ("第三题：什么是批量大小？", "批量大小是一步所用的样本数。", "它影响梯度的噪声。"),
    ]),
    "02-liang-dao-ti.md": _topic("liang-dao-ti", "两道题", [
        ("第四题：什么是过拟合？", "模型记住了训练数据的噪声。", "用正则化缓解。"),
        ("第五题：什么是欠拟合？", "模型太简单，学不到规律。", "增加容量。"),
    ]),
}


def make_flow_book(dest: Path) -> Path:
    project = copy_project(dest)
    chapter = project / "docs" / "flow"
    chapter.mkdir()
    (chapter / "index.md").write_text(CHAPTER, encoding="utf-8")
    for name, text in TOPICS.items():
        (chapter / name).write_text(text, encoding="utf-8")
    return project
