"""A quiz whose questions open with a tag naming their kind (`【单选题】…`, `【判断题】…`,
`[Multiple choice] …`), each over its choices as a task list with the right one ticked (issue 14
item 1, set 8). The tag says "this is a question" as `Q:` does: a statement to judge asks as much
as a stem that ends in '？', so every tagged paragraph is one question, its ticked choice the answer.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

TAGGED = """---
title: 网页基础测试
---

【单选题】下列说法错误的是：

- [ ] 段落用 `<p>` 表示。
- [x] 图片必须写 alt 属性。
- [ ] 链接用 `<a>` 表示。

> alt 属性建议写上，但不是必须的。

【判断题】`<br>` 元素是空元素。

- [x] 正确
- [ ] 错误

【单选题】有序列表用哪个元素包围？

- [ ] `<ul>`
- [x] `<ol>`

【判断题】HTML 只有两种列表。

- [ ] 正确
- [x] 错误
"""

ENGLISH = """# Networking check

[Multiple choice] Which layer routes packets between networks.

- [ ] Link
- [x] Network
- [ ] Transport

[True/False] UDP guarantees delivery.

- [ ] True
- [x] False

[Multiple choice] Which port does HTTPS use by default.

- [x] 443
- [ ] 80
"""

NOT_KINDS = """# 会议纪要

【注意】下周一停电，请提前保存文件。

- [x] 通知全员
- [ ] 备份服务器

【提醒】周五前提交周报。

- [ ] 张三
- [x] 李四

【通知】新同事入职。

- [x] 准备工位
- [ ] 开通账号
"""


def test_kind_tagged_paragraphs_over_ticked_choices_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "quiz.md", TAGGED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]
    first = pages[0].read_text(encoding="utf-8")
    assert "【单选题】" in page_block(pages[0], "question") and "- [ ] 图片必须写 alt 属性。" in first
    assert page_block(pages[0], "answer").startswith("图片必须写 alt 属性。")  # the ticked choice, then the note
    assert "alt 属性建议写上" in page_block(pages[0], "answer")
    assert page_block(pages[1], "answer").startswith("正确")  # a statement to judge is a question too
    assert page_block(pages[3], "answer").startswith("错误")


def test_english_kind_tags(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "check.md", ENGLISH)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3, [p.name for p in pages]
    assert page_block(pages[1], "answer").startswith("False")


def test_other_bracket_tags_are_no_questions(tmp_path: Path) -> None:
    """Minutes with '【注意】' / '【提醒】' over task lists: tags that name no kind of question."""
    r, pages = import_document(tmp_path, "minutes.md", NOT_KINDS)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
