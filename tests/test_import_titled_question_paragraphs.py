"""Questions written as plain paragraphs, each ending in '？', each followed by the author's own
answer, in a document whose title names them ('# 操作系统思考题', '# Review questions') (issue 14
item 1). Without answer labels a person still reads the questions: the title says what they are.
An article whose title does not name its questions keeps its rhetorical '…?' paragraphs as prose.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

_PAIRS = (
    ("为什么操作系统大多用 C 语言实现？", "C 语言贴近硬件，又比汇编容易移植和维护。"),
    ("进程和线程的主要区别是什么？", "进程拥有独立的地址空间，线程共享所属进程的地址空间。"),
    ("虚拟内存解决了哪些问题？", "它让每个进程看到连续的地址空间，并允许内存超额使用。"),
    ("微内核相比单体内核有什么利弊？", "微内核更可靠、易扩展，但进程间通信的开销更大。"),
)

THOUGHTS = "# 操作系统概述思考题\n\n" + "".join(f"{q}\n\n> {a}\n> 参考课件第一章。\n\n" for q, a in _PAIRS)
ESSAY = "# 我为什么喜欢写操作系统\n\n" + "".join(f"{q}\n\n> {a}\n> 参考课件第一章。\n\n" for q, a in _PAIRS)


def test_asking_paragraphs_under_a_title_naming_questions_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "thoughts.md", THOUGHTS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]
    assert "C 语言实现" in page_block(pages[0], "question")
    assert "贴近硬件" in page_block(pages[0], "answer")  # the answer is hidden until revealed


def test_asking_paragraphs_in_an_essay_stay_prose(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "essay.md", ESSAY)
    assert len(pages) == 0 and r.returncode == 1, r.stdout + r.stderr


# a question followed by what its answer should do, no '？' at its end (set 11 zh/07)
TASKED = ("# 操作系统概述思考题\n\n" + "".join(f"{q}\n\n> {a}\n> 参考课件第一章。\n\n" for q, a in _PAIRS[:2])
          + "请总结你认为操作系统应该具有的特征有什么？并对其特征进行简要阐述。\n\n> 并发、共享、虚拟和异步。\n\n"
          + "".join(f"{q}\n\n> {a}\n\n那为什么还要学汇编？请看下面的分析。\n\n> 启动代码离不开它。\n\n" for q, a in _PAIRS[2:]))


def test_a_question_that_goes_on_with_what_to_answer_is_a_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "tasked.md", TASKED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]
    assert "简要阐述" in page_block(pages[2], "question") and "并发" in page_block(pages[2], "answer")
    # a question the answer asks itself, pointing below, is that answer's text
    assert "请看下面的分析" in page_block(pages[3], "answer")
