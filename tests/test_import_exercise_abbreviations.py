"""A textbook's exercise solutions numbered with the abbreviated word (`## Ex1.1`, `## Ex 1.2`,
`## Prob. 3`) are one exercise per heading (issue 14 item 1, outside set measure7 zh/08): the
abbreviation says "exercise" as the full word does. A heading that is only a link to the
solution's file (`## [Ex1.3](./ex1_3.cpp)`) is answered by that link; code right under a
heading that only numbers the exercise is its answer, and the heading stays its title. An
exercise heading with nothing under it still counts (its answer is missing), unless its title
says the exercises are left out (`## Ex 1.23 1.24 1.25 *ignore*`).
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

SOLUTIONS = """# Chapter 1

**第一章习题解答**

## Ex1.1
```c++
int main() { return 0; }
```

## Ex1.2
```c++
int main() { return -1; }
```
返回值为 255。

## [Ex1.3](./ex1_3.cpp)

## Ex1.4
解释下面程序片段是否合法
```c++
std::cout << "a" << v1;
          << "b";
```
**答**：不合法，第二条语句缺少左侧运算对象。

## Ex1.5
```
求 -100 到 100 的和，结果为 0。
```

## Ex1.6

## Ex 1.7 1.8 *ignore*
"""


def test_abbreviated_exercise_headings_are_exercises(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ch1.md", SOLUTIONS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 6, [p.name for p in pages]  # Ex1.6 waits for its answer; 1.7 and 1.8 are left out
    first = pages[0].read_text(encoding="utf-8")
    assert "# Ex1.1" in first  # the heading titles it, not the first line of its code
    assert "return 0" in page_block(pages[0], "answer")
    assert "Ex1.3" in page_block(pages[2], "answer")  # the link is the answer (its file named in QI013)
    assert "原文没有" not in page_block(pages[2], "answer")
    assert "原文没有" in page_block(pages[5], "answer")  # '## Ex1.6' alone: the page says the answer is missing
    assert "合法" in page_block(pages[3], "question") and "不合法" in page_block(pages[3], "answer")


def test_words_that_only_begin_like_the_abbreviation_are_not_numbers(tmp_path: Path) -> None:
    from qabook.importer.shapes import numbering

    assert numbering("Example 3") is None and numbering("Exit 3") is None
    assert numbering("Ex1.17").number == 17 and numbering("Prob. 4: rates").title == "rates"
