"""Banks of open questions with no answers that a person reads as questions at a glance, though the
importer refused them (set 11, importer33). Each test failed on the importer before this change.

- Eight topic sections (`# Spring IOC`, `# Spring AoP`…), each nothing but a numbered list of
  questions, the numbering restarting per section, and no title naming a Q&A: the document is its
  questions and nothing else, over three topics or more — a bank (answers to come), not prompts a
  writer keeps in mind inside a piece of writing (`asklists._whole_bank`). Before: refused, "prompts,
  not a bank of questions". A short note of two topics' questions stays refused
  (`test_import_grouped_sequences`).
- `Questions:` then `Q1) …` to `Q10) …` on consecutive lines, no blank line between them and no
  answers: one paragraph to Markdown, ten questions to a person (`gaps.numbered_question_lines`).
  Before: refused, no shape repeats.
"""

from __future__ import annotations

from qabook.importer import plan_import

TOPICS = {
    "Spring 基础": ["什么是 Spring 框架？", "Spring 包含的模块都有哪些？", "Spring 与 Spring Boot 之间有什么关系？"],
    "Spring IoC": ["谈谈自己对于 Spring IoC 的了解", "什么是 Spring Bean？", "@Component 和 @Bean 的区别是什么？",
                   "Bean 的作用域有哪些?"],
    "Spring AOP": ["谈谈自己对于 AOP 的了解", "Spring AOP 和 AspectJ AOP 有什么区别？"],
    "Spring 事务": ["Spring 管理事务的方式有几种？", "Spring 事务中的隔离级别有哪几种?"],
}


def _bank(topics: dict[str, list[str]]) -> str:
    doc = []
    for topic, questions in topics.items():
        doc += [f"# {topic}", ""] + [f"{n}. {q}" for n, q in enumerate(questions, 1)] + [""]
    return "\n".join(doc)


def test_a_file_of_only_question_lists_over_several_topics_is_a_bank() -> None:
    plan = plan_import(_bank(TOPICS), "spring.md", chapter="c")
    assert plan.question_count == 11  # before: 0, refused as prompts
    titles = [p.title for p in plan.pages[1:]]
    assert titles[0] == "什么是 Spring 框架？" and titles[3] == "谈谈自己对于 Spring IoC 的了解"  # one that does not ask too
    assert titles[-1] == "Spring 事务中的隔离级别有哪几种?"


def test_the_same_questions_beside_prose_stay_prompts() -> None:
    """Prose among the sections: the questions are a writer's prompts in a piece of writing."""
    text = _bank(TOPICS).replace("# Spring IoC\n", "# Spring IoC\n\n" + "\n\n".join(
        f"Write about {w} in a paragraph of your own, with an example from the project you work on."
        for w in ("beans", "scopes", "injection", "lifecycles", "factories", "proxies", "events")) + "\n")
    assert plan_import(text, "spring.md", chapter="c").question_count == 0


OPEN = "Questions:\n" + "\n".join(f"Q{n}) {q}" for n, q in enumerate((
    "What is a Pod in Kubernetes and why might you place a sidecar container next to your application?",
    "Explain the roles of `Deployment`, `ReplicaSet`, and `Service` and how they work together.",
    "Describe a safe rollout strategy for a new API version.",
    "When would you choose `StatefulSet` over `Deployment`?",
    "Trap question: what happens to ephemeral Pod-local files when a Pod reschedules to another node?"), 1)) + "\n"


def test_numbered_questions_one_per_line_of_a_paragraph_are_questions() -> None:
    plan = plan_import(OPEN, "open.md", chapter="c")
    assert plan.question_count == 5  # before: 0, one paragraph
    titles = [p.title for p in plan.pages[1:]]
    assert titles[1].startswith("Explain the roles of") and titles[4].startswith("Trap question:")
    assert "Questions:" in plan.pages[0].text  # the lead line stays on the chapter page


def test_a_lone_numbered_question_word_in_a_paragraph_is_no_cut() -> None:
    """One `Q1)` line inside a paragraph is no run of questions: the paragraph stays whole."""
    text = "# Notes\n\nThe survey had open questions.\nQ1) asked what people use.\nMost said a notebook.\n"
    assert plan_import(text, "notes.md", chapter="c").question_count == 0
