"""A bank still being written (issue 14): numbered `## N.` headings, each asking over its choices
or code with its answer hidden in a `<details>` (`答案`, then `解析`), and after the last answered
one a run of numbers set out and never filled (`## 106. `, `## 107. ` … with nothing under them),
more of them than the questions. A person counts the questions that are there and reads past the
empty numbers; the whole document is not one question from its first heading.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

_ASKED = [
    ("以下哪个关键字用于声明常量？", "- A. var\n- B. const\n- C. let\n- D. static", "B", "常量用 const 声明。"),
    ("下面的代码输出什么？", "```go\nfmt.Println(len(\"你好\"))\n```", "6", "len 返回字节数，一个汉字占 3 个字节。"),
    ("切片的零值是 nil，是否正确？", "- A. 正确\n- B. 错误", "A", ""),
    ("关于 defer，下面说法正确的是？", "- A. 先进后出\n- B. 先进先出", "A", "多个 defer 按栈的顺序执行。"),
    ("map 是并发安全的吗？", "- A. 是\n- B. 否", "B", "并发读写 map 需要加锁或使用 sync.Map。"),
]


def _question(n: int, title: str, body: str, answer: str, why: str) -> str:
    explained = f"**解析：**\n\n{why}\n\n" if why else ""
    return (f"## {n}. {title}\n\n{body}\n\n<details>\n<summary>答案</summary>\n<div>\n\n**答：{answer}**\n\n"
            f"{explained}</div>\n</details>\n\n")


BANK = ("> 目录\n>\n" + "".join(f"> * [{101 + k}\\. {t}](#{101 + k})\n" for k, (t, *_) in enumerate(_ASKED)) + "\n"
        + "".join(_question(101 + k, *q) for k, q in enumerate(_ASKED))
        + "".join(f"## {n}. \n\n" for n in range(106, 114)))


def test_empty_numbers_after_the_questions_do_not_make_the_document_one_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "go-quiz.md", BANK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]  # the five questions; the eight empty numbers are not questions
    assert "以下哪个关键字用于声明常量" in pages[0].read_text(encoding="utf-8")
    assert "map 是并发安全的吗" in pages[4].read_text(encoding="utf-8")
    assert "sync.Map" in page_block(pages[4], "explanation")
    assert "多个 defer" not in page_block(pages[0], "explanation")  # the first question's answer is its own
    explained = qabook("import", str(tmp_path / "go-quiz.md"), "--dry-run", "--explain", "--out", str(tmp_path / "x"))
    assert "whole document is one question" not in explained.stdout + explained.stderr


def test_numbers_marked_to_be_written_do_not_make_the_document_one_question(tmp_path: Path) -> None:
    # the same bank, its unwritten numbers saying so ('## 106. 待补充'): the five numbered questions
    # that ask and carry their answers repeat inside it, a person sees them and not one question
    bank = BANK.replace("## 106. \n", "## 106. 待补充\n").replace("## 107. \n", "## 107. 待补充\n")
    for n in range(108, 114):
        bank = bank.replace(f"## {n}. \n", f"## {n}. 待补充\n")
    r, pages = import_document(tmp_path, "go-quiz.md", bank)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]
    assert "以下哪个关键字用于声明常量" in pages[0].read_text(encoding="utf-8")
    assert "多个 defer" not in page_block(pages[0], "explanation")
