"""Things taken for questions that are not, and questions lost in the page's furniture (issue 14,
item 1; set measure10 neg/02, neg/03, neg/04, en/03, en/06). Each document is one a person writes;
each test failed on the importer before the change it names.
"""

from __future__ import annotations

from qabook.importer import plan_import

from test_import_heading_levels import titles


# release notes of a product named for Q&A (`template._ABOUT_QA_RE`): the title names release notes
RELEASE_NOTES = """# Quizly Q&A release notes

This page lists the fixes shipped in Quizly Q&A.

## March 2024

### Editor fixes

- Saving a question no longer drops its tags
- The answer box keeps its draft after a reload

### Search fixes

- Search finds answers by their code
- Results no longer repeat a question

## February 2024

### Editor fixes

- Images paste into answers again

### Search fixes

- The question count is right after a delete
"""


def test_release_notes_of_a_qa_product_are_no_questions() -> None:
    plan = plan_import(RELEASE_NOTES, "notes.md", chapter="c")
    assert plan.question_count == 0, titles(plan)


# a docs site's README: an outline of links to its question pages (`furniture.outline_headings`)
LINK_OUTLINE = """
## 入门

- [简历制作](intro/cv.md)
- [面试流程](intro/process.md)

## 面试题

### 测试技术

- [测试基础](questions/test/basics.md)
- [前端测试](questions/test/frontend.md)
- 安全测试

### 开发技术

- [Java](questions/dev/java.md)
- [数据库](questions/dev/db.md)

## 面经

- [面试经验](experiences/exp.md)
"""


def test_an_outline_of_links_to_question_pages_asks_nothing() -> None:
    plan = plan_import(LINK_OUTLINE, "README.md", chapter="c")
    assert plan.question_count == 0, titles(plan)


# a fill-in template: bracketed slots where the questions and answers will go (`shapes.placeholder_slot`)
SLOTS = """# Knowledge Check Template

### Key Concepts Check
1. **Concept 1**: [Question about key concept]
   - Answer: [Expected answer]

2. **Concept 2**: [Question about key concept]
   - Answer: [Expected answer]

3. **Concept 3**: [Question about key concept]
   - Answer: [Expected answer]
"""


def test_a_template_of_bracketed_slots_is_not_yet_a_qa() -> None:
    plan = plan_import(SLOTS, "template.md", chapter="c")
    assert plan.question_count == 0, titles(plan)
    assert any(d.code == "QI026" for d in plan.diagnostics)


def test_a_bracketed_value_is_a_real_answer() -> None:
    text = SLOTS.replace("[Expected answer]", "[1, 2, 3]", 1).replace("[Expected answer]", "Recursion", 1)
    assert plan_import(text, "quiz.md", chapter="c").question_count == 3


# the same questions asked again in another form, each with its own answer label (`detect`: not a list again)
ASKED_AGAIN = """# Questions and Answers

## Q: What is Markdown?
**A:** A lightweight markup language.

## Q: How do I make a list?
**A:** Start each line with a hyphen.

## Q: Can I embed images?
**A:** Yes, with an exclamation mark before a link.

# Questions and Answers

> **Q:** What is Markdown?
>
> **A:** A lightweight markup language.

---

> **Q:** How do I make a list?
>
> **A:** Start each line with a hyphen.

---

> **Q:** Can I embed images?
>
> **A:** Yes, with an exclamation mark before a link.
"""


def test_questions_asked_and_answered_again_in_quotes_count_again() -> None:
    plan = plan_import(ASKED_AGAIN, "sampler.md", chapter="c")
    assert plan.question_count == 6, titles(plan)


# a deck whose first card follows a '<br><br>' line glued on top of it (`readview._spacing`)
BREAKS = """<div align="center">
  <h1>Atomic Commits</h1>
</div>

<br><br>
Question 1.
Prefix for having fixed a bug.

<details><summary><b>Answer</b></summary>

fixed:

</details>
<br><br>

Question 2.
Prefix for having added a feature.

<details><summary><b>Answer</b></summary>

feat:

</details>
<br><br>

Question 3.
Prefix for having updated something.

<details><summary><b>Answer</b></summary>

update:

</details>
"""


def test_a_card_under_a_line_of_breaks_is_a_card() -> None:
    plan = plan_import(BREAKS, "deck.md", chapter="c")
    assert plan.question_count == 3, titles(plan)


# a project's FAQ: questions written as questions, among sections that name a part of the page, a
# guide's steps led in by a colon and a heading over mirror links (`template.parts_named`, `leads_in`)
PROJECT_FAQ = """# Frequently Asked Questions (FAQ)

### What is this project about?
It installs the suite on Linux with a few commands.

### Who maintains this project?
Two maintainers and the community.

---

## How to Use This Guide:

1. Check that your distribution is supported.
2. Choose a Wine manager.
3. Follow the guide for it.

## Usage

### Which versions are supported?
Versions 1 and 2 of each program.

### 🧪 Tested Methods

| Distro | Wine | Lutris |
|--------|------|--------|
| Debian | yes  | yes    |
| Fedora | yes  | no     |

Click on a mark for more context.

### 📚 Guides
- [Wine](Guides/Wine.md) (recommended)
- [Lutris](Guides/Lutris.md)
- [Bottles](Guides/Bottles.md)

### Use these if the main mirrors are down
- https://gitlab.com/example/mirror
- https://gitlab.com/example/binaries

## Help

### How do I get support?
Post a question in the issues.

### Where can I report issues?
In the issue tracker or on the chat.

### How can I contribute?
Open a pull request.
"""


def test_sections_among_faq_questions_stay_chapter_text() -> None:
    plan = plan_import(PROJECT_FAQ, "FAQ.md", chapter="c")
    assert titles(plan) == ["What is this project about?", "Who maintains this project?", "Which versions are supported?",
                            "How do I get support?", "Where can I report issues?", "How can I contribute?"]
