"""A second run of questions after the last answer, in another shape (set 11, issue 14): a study
note asks three questions as `### 1.…？` headings, each answered under '答案解析：', then goes on with
plain paragraphs `1.请指出…？` — the numbering restarted, each with its code and its own '答案：'.
The last heading's unit runs to the end of the file, so the paragraphs sat inside its answer. A
person sees new questions: an answer does not go on with questions that carry answers of their
own. Numbered points inside an answer, with no answer of their own, stay the answer's. Each test
of a second run failed before this round.
"""

from __future__ import annotations

from qabook.importer import plan_import
from conftest import block

NOTE = """### 1.下面代码编译能通过吗？

```
func main()
{
}
```

答案解析：编译错误，大括号不能放在单独的一行。

### 2.下面这段代码输出什么？

```
fmt.Println(len("go"))
```

答案解析：输出 2。

1.请指出下面代码的错误？

```
var one int
```

答案：变量声明但是未使用。

2.下面代码输出什么？

```
fmt.Println(1 + 1)
```

答案：输出 2。

3.下面代码输出什么？

```
fmt.Println("a" + "b")
```

输出 ab，字符串可以相加。
"""

POINTS = """### 1. 如何排查内存泄漏？

答案：按下面的步骤：

1.先用 pprof 看堆的分配？

2.再对比两次快照。

3.最后找到持有引用的地方。

### 2. 什么是逃逸分析？

答案：编译器决定变量分配在栈还是堆上。
"""


def test_questions_with_their_own_answers_after_the_last_answer_are_questions() -> None:
    plan = plan_import(NOTE, "note.md", chapter="c")
    assert plan.question_count == 5, plan.explanation
    fourth = plan.pages[3].text
    assert "# 请指出下面代码的错误？" in fourth and "var one int" in block(fourth, "question")
    assert "变量声明但是未使用" in block(fourth, "answer")
    assert "请指出下面代码的错误" not in plan.pages[2].text
    assert "输出 ab" in block(plan.pages[5].text, "answer")  # the last one's answer, unlabelled


def test_numbered_points_inside_an_answer_stay_the_answer() -> None:
    plan = plan_import(POINTS, "note.md", chapter="c")
    assert plan.question_count == 2, plan.explanation
    assert "先用 pprof" in block(plan.pages[1].text, "answer")
