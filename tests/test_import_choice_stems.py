"""A quiz written as unnumbered paragraphs, each stem right over its choices (issue 14 item 1):
'…该进程应转变为（）状态。' over '- [x] 就绪', '- [ ] 等待', a statement over '- [ ] 对' and '- [x] 错',
each followed by a '>	解释：' quote, the sections headed '##单选题' with no space after the marks.

A person sees one question per stem: the choices under it say so, whatever the stem ends with (a
blank to fill, a full stop). '##单选题' is a heading to Python-Markdown, which MkDocs renders with
(CommonMark would want a space): it names a section, it is no question. A to-do list under a
line that does not ask stays a to-do list.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from conftest import import_document, page_block

_CHOICE = (
    ("若当前进程因时间片用完而让出处理机时，该进程应转变为（）状态。", ("就绪", "等待", "运行"), 0),
    ("时间片轮转调度算法是为了（）", ("先来先服务", "多个终端都能得到及时响应", "紧急事件优先处理"), 1),
    ("下面的调度算法中哪个是公平的（）。", ("FCFS 先来先服务", "SPN 短进程优先", "RR 轮循"), 2),
)
_JUDGE = (
    ("作业调度选择一个作业装入主存后，该作业占用处理器必须由作业控制来决定。", False),
    ("在作业调度时，要想兼顾等待时间和计算时间，可选取响应比高者优先算法。", True),
    ("轮循算法的时间量子越大越好。（错）", False),
)


def _choice(stem: str, choices: tuple[str, ...], right: int) -> str:
    boxes = "".join(f"- [{'x' if k == right else ' '}]\t{c}\n" for k, c in enumerate(choices))
    return f"{stem}\n{boxes}\n>\t解释：因为第 {right + 1} 项才符合调度的定义。\n\n"


def _judge(stem: str, true: bool) -> str:
    return f"{stem}\n- [{'x' if true else ' '}] 对\n- [{' ' if true else 'x'}] 错\n\n>\t解释：见课件第八讲。\n\n"


QUIZ = ("# CPU调度\n\n##单选题\n\n---\n\n" + "".join(_choice(*q) for q in _CHOICE)
        + "---\n\n##判断题\n\n---\n\n" + "".join(_judge(*q) for q in _JUDGE))

TODO = ("# 项目计划\n\n这个工具把问答文档导入成书。\n\n## 路线图\n\n已经完成的和接下来要做的功能。\n- [x] 导入 Markdown\n"
        "- [ ] 导出 PDF\n- [ ] 手机端阅读\n\n## 贡献\n\n欢迎提交补丁。\n- [ ] 写测试\n- [ ] 写文档\n\n## 许可\n\nMIT\n")


def test_a_heading_glued_to_its_marks_is_a_heading_to_python_markdown() -> None:
    assert "<h2>单选题</h2>" in markdown.markdown("##单选题\n")  # the reference MkDocs renders with


def test_stems_over_their_choices_are_questions_and_glued_headings_name_sections(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "sched.md", QUIZ)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == len(_CHOICE) + len(_JUDGE), [p.name for p in pages]
    titles = [p.read_text(encoding="utf-8").split("\n# ", 1)[1].split("\n", 1)[0] for p in pages]
    assert not any("单选题" in t or "判断题" in t for t in titles), titles  # section headings, no questions
    first, judged = pages[0], pages[len(_CHOICE)]
    # each question filed under its section's heading, as the reader sees it
    assert 'tags: ["单选题"]' in first.read_text(encoding="utf-8")
    assert 'tags: ["判断题"]' in judged.read_text(encoding="utf-8")
    assert "- [ ] 就绪" in page_block(first, "question")  # the choices shown, none ticked before the reveal
    assert "就绪" in page_block(first, "answer")
    assert "- [ ] 对" in page_block(judged, "question") and "- [ ] 错" in page_block(judged, "question")
    assert page_block(judged, "answer").startswith("错")  # the ticked verdict is the answer


def test_a_to_do_list_under_a_line_that_does_not_ask_is_no_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "plan.md", TODO)
    assert pages == [] and r.returncode == 1, r.stdout + r.stderr
