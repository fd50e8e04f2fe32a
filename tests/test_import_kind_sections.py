"""A study note that outlines its topics, then lists problems under a section named for their kind
(measure10 zh/06): `# 数据结构` and `# 算法` over bullet lists of topics (栈, 队列, 排序…), then
`# 算法题` over `##` problems, most of them asking, few answered (a statement in a fence, reference
links). A person sees the problems as the questions — the section's title names them, as `【单选题】`
names its question — and the outline as the chapter's text; not one question titled by the first
heading because one problem labels its statement (`题目：`).
"""

from __future__ import annotations

from qabook.importer import plan_import

NOTE = """
# 数据结构

- 栈
- 队列
- 链表

# 算法

- 排序
- 递归
- 二分查找

# 算法题

!> 力扣上有的题目，这里不列出。

## 如何判断链表有环？

## 求数组 [1, 2, 3] 的全部子集

## 两个字符串互为旋转

题目：

```
s1 = "abcdefg"，s2 = "defgabc"，判断任意两个字符串是否满足这样的关系。
```

参考资料：

- [旋转字符串](https://leetcode.cn/problems/rotate-string/)

## 一百万个整数里怎样找出最大的十个？

## 爬楼梯每次一步或两步，十级台阶有几种走法？

- [递归解法](https://example.org/stairs)
"""


def test_problems_under_a_section_named_for_their_kind_are_questions() -> None:
    plan = plan_import(NOTE, "algorithms.md", chapter="c")
    titles = [p.title for p in plan.pages[1:]]
    assert plan.question_count == 5, titles
    assert titles[0] == "如何判断链表有环？", titles
    assert "两个字符串互为旋转" in titles, titles
    chapter = "\n".join(o.text for o in plan.pages[0].lines)
    assert "- 栈" in chapter and "- 二分查找" in chapter, chapter  # the outline is the chapter's text


def test_a_kind_section_with_one_problem_under_it_is_no_section_of_questions() -> None:
    """The word names the kind; one asking heading under it is still no bank (nothing repeats)."""
    text = NOTE.split("## 两个字符串")[0].replace("## 求数组 [1, 2, 3] 的全部子集\n", "")
    plan = plan_import(text, "algorithms.md", chapter="c")
    assert plan.question_count <= 1, [p.title for p in plan.pages]
