"""A bank of bold numbered questions with one item the author wrote without the bold (measure10
zh/08: `**6、谈谈…跳跃表的理解。**` then `6、谈谈Redis的单线程模型。` then `**7、…**`). A person sees
one more question — the same numbered shape, asking, in the sequence (its number taken twice) —
not the answer of the bold question above it. Numbered points written plainly under a bold
question, stating its answer, stay that answer.
"""

from __future__ import annotations

from qabook.importer import plan_import

BANK = """### 缓存面试题（4.17）

**1、谈谈 Redis 和 Memcached 的区别。**（redis-all.md）

**2、为什么要用 Redis 做缓存？**（https://example.org/a）

**3、Redis 为什么那么快？**（https://example.org/b）

**4、谈谈 Redis 的过期删除策略。**（redis-all.md）

4、谈谈 Redis 的单线程模型。（redis-all.md）

**5、谈谈 Redis 的内存淘汰机制。**（redis-all.md）

**6、Redis 如何实现分布式锁？**（https://example.org/c）
"""

ANSWERED = """### 缓存面试题

**1、Redis 为什么那么快？**

1、数据都在内存里。

2、单线程，没有锁的开销。

**2、谈谈 Redis 的过期删除策略。**

惰性删除加定期删除。

**3、Redis 如何实现分布式锁？**

SET key value NX PX 30000。

**4、谈谈 Redis 的持久化。**

RDB 快照与 AOF 日志。
"""


def test_a_numbered_item_without_the_others_bold_is_one_more_question() -> None:
    plan = plan_import(BANK, "cache.md", chapter="c")
    titles = [p.title for p in plan.pages[1:]]
    assert plan.question_count == 7, titles
    assert any(t.startswith("谈谈 Redis 的单线程模型") for t in titles), titles


def test_plain_numbered_points_under_a_bold_question_stay_its_answer() -> None:
    plan = plan_import(ANSWERED, "cache.md", chapter="c")
    assert plan.question_count == 4, [p.title for p in plan.pages[1:]]
