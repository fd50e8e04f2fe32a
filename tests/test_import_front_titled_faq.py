"""A docs site's FAQ page (issue 14, set 13): front matter `title: 问答`, then `##` entries most of
which are no question — a topic ('排除实体父类属性'), an exception message as its heading
('`Cause: org.apache.ibatis.type.TypeException…`'), a version ('3.x数据库关键字如何处理？') — each over
its answer. The front matter's title is the page's title as the site shows it: naming a FAQ, it
titles the document as a first heading does (`template.titled_by`); a version a heading opens with
('3.x') numbers no question (`shapes.numbering`). Before, the first entry was the only question
and the rest its explanation (QI018). A page whose front matter names its subject with another Q&A
word ('Exercises and Solutions', a docs page about an exercise directive), or no Q&A at all, stays
an article.
"""

from __future__ import annotations

from qabook.importer import plan_import

FAQ = """---
title: 问答
permalink: /pages/f84a74/
---

[[toc]]

## 如何排除非表中字段？

使用 `transient` 修饰：

```java
private transient String noColumn;
```

## 排除实体父类属性

用 `@TableField(exist = false)` 标注父类属性。

## 出现 `Invalid bound statement (not found)` 异常

检查 mapper 的 xml 是否被打包，`mapperLocations` 是否配置正确。

## `Cause: org.apache.ibatis.type.TypeException:Error setting null for parameter #1`

配置 `jdbcTypeForNull=NULL`：

```yaml
mybatis-plus:
  configuration:
    jdbc-type-for-null: 'null'
```

## 3.x数据库关键字如何处理？

在注解里给字段名加上转义符。

## 项目启动速度缓慢

关闭不需要的自动配置。
"""

ABOUT_EXERCISES = """---
title: Exercises and Solutions
---

There are two directives to add exercises and solutions to your documents.

## Exercise Directive

Write the exercise in a fenced block:

```{exercise}
Write a function `factorial`.
```

## Solution Directive

Give the label of the exercise it solves.

## Referencing Exercises

Use the `{ref}` role with its label.
"""

GUIDE = FAQ.replace("title: 问答", "title: 使用指南")


def test_a_front_matter_faq_page_has_one_question_per_entry() -> None:
    plan = plan_import(FAQ, "faq.md", chapter="c")
    assert [p.title for p in plan.pages[1:]] == [
        "如何排除非表中字段？", "排除实体父类属性", "出现 `Invalid bound statement (not found)` 异常",
        "`Cause: org.apache.ibatis.type.TypeException:Error setting null for parameter #1`",
        "3.x数据库关键字如何处理？", "项目启动速度缓慢"]
    assert "jdbc-type-for-null" in plan.pages[4].text and "转义符" in plan.pages[5].text
    assert not any(d.code == "QI018" for d in plan.diagnostics)


def test_a_page_about_exercises_or_a_guide_stays_an_article() -> None:
    assert plan_import(ABOUT_EXERCISES, "exercise.md", chapter="c").question_count == 0
    # without the FAQ title only its headings that ask are read (the entries are a FAQ by its title)
    assert plan_import(GUIDE, "guide.md", chapter="c").question_count < 6
