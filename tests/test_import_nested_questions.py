"""Questions written one list level down (issue 14, round 13): a top-level item per topic, the
questions as its sub-items, each answer a deeper bullet or an indented paragraph (`nested.py`).
Before, only the top-level items were read: the topics, or nothing.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

TOPICS = """# Backend interview prep

1. **Microservices:**
   - **Q: What is the role of a service registry?**
     - A: It keeps the list of running services and where they are.

   - **Q: How does an API gateway help security?**
     - A: It checks authentication in one place for every service.

2. **Databases:**
   - **Q: When would you choose a NoSQL store?**
     - A: For data without a fixed schema, at a scale one server cannot hold.

   - **Q: What is a covering index?**
     - A: An index that holds every column a query reads.

   - **Q: How do you find a slow query?**

     Read the slow query log, then the plan of each query it names.
"""

ZH_TOPICS = """# 前端面试题

- **HTML**
  - 什么是语义化标签？
    - 用 `header`、`nav`、`article` 这类标签表达内容的含义。
  - `<!DOCTYPE>` 有什么作用？
    - 告诉浏览器用标准模式渲染页面。
- **CSS**
  - 盒模型有哪两种？
    - 标准盒模型和 IE 盒模型（`box-sizing: border-box`）。
  - BFC 是什么？
    - 块级格式化上下文，内部的布局不影响外部。
"""

ANSWERS_NESTED = """# Networking

- What is a subnet mask?
  - It says which bits of an address name the network.
  - The rest name the host.
- What does ARP do?
  - It finds the hardware address for an IP address.
- Why use DHCP?
  - Addresses are handed out without configuring each host.
"""

DESIGN_NOTE = """# K23 design discussion

## 1. The pivot

- The session had been doing defensive tracker work.
- Two open questions:
  - **Q1:** Is there a conditioning signal between the state cells and every bar? Answered by a block table.
  - **Q2:** Does the strategy work once the clocks are fixed? Answered by a re-run.
- The model layer answers Q1 only.

## 2. Conventions

- Input: one bar's block features.
"""

NOTES = """# Release checklist

- **Before the release**
  - Update the changelog.
  - Tag the commit.
- **After the release**
  - Announce it on the list.
  - Close the milestone.
"""


def test_topic_items_over_nested_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "prep.md", TOPICS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [page_block(p, "question") for p in pages] == [
        "What is the role of a service registry?", "How does an API gateway help security?",
        "When would you choose a NoSQL store?", "What is a covering index?", "How do you find a slow query?"]
    assert "keeps the list of running services" in page_block(pages[0], "answer")
    assert "Databases" not in page_block(pages[1], "answer")  # the next topic ends the question before it
    assert "slow query log" in page_block(pages[4], "answer")  # an indented paragraph as the answer
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "**Microservices:**" in chapter and "**Databases:**" in chapter  # group names on the chapter page
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_unlabelled_nested_questions_under_bullet_topics(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "fe.md", ZH_TOPICS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [page_block(p, "question") for p in pages] == [
        "什么是语义化标签？", "`<!DOCTYPE>` 有什么作用？", "盒模型有哪两种？", "BFC 是什么？"]
    assert "标准模式" in page_block(pages[1], "answer")


def test_a_question_item_whose_sub_items_answer_it_is_not_split(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "net.md", ANSWERS_NESTED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [page_block(p, "question") for p in pages] == [
        "What is a subnet mask?", "What does ARP do?", "Why use DHCP?"]
    assert "The rest name the host." in page_block(pages[0], "answer")


def test_nested_items_that_do_not_ask_stay_a_list(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "release.md", NOTES)
    assert r.returncode == 1 and pages == []  # a checklist: no questions, nothing written


def test_one_bullet_of_a_note_over_two_open_questions_is_no_bank(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "k23.md", DESIGN_NOTE)
    assert r.returncode == 1 and pages == [], r.stdout  # one such item in its list: not the document's template
