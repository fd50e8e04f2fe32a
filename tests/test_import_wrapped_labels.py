"""Questions whose numbered label stands in a wrapper (issue 14, set 13): a lab's self-check writes
each question as `>>Q1: …<<` (Katacoda's marker; Python-Markdown shows its words in a quote inside a
quote), under a heading of its own, with the answer as `=== 6443` or as radio choices, `(*)` the
right one and `()` the others. A person sees a numbered question per heading; the headings are the
sections they stand in. Each test failed on the importer before its change.
"""

from __future__ import annotations

import re

from qabook.importer import plan_import


def _pages(text: str, name: str = "lab.md"):
    plan = plan_import(text, name)
    return plan, [p for p in plan.pages if p.questions]


def _block(text: str, kind: str) -> str:
    m = re.search(rf"^/// {kind}\b.*?\n(.*?)^///$", text, re.S | re.M)
    return m.group(1).strip() if m else ""


LAB = """Welcome to the lab. The cluster is yours for an hour.

# Environment

Wait for the nodes to be ready before you start.

# Nodes
>>Q1: How many worker nodes does the cluster have?<<
=== 3

Hint: list them with `kubectl get nodes`.

# Version
>>Q2: Which Kubernetes version is installed? <<
(*) 1.18.0
() 1.14.0
() 1.16.2

Hint: `kubectl version`

# Namespaces
>>Q3: Are there pods in the default namespace? <<
() Yes
(*) No
"""


def test_wrapped_question_labels_are_the_questions_and_their_headings_sections():
    plan, pages = _pages(LAB)
    assert plan.question_count == 3
    assert [p.title for p in pages] == ["How many worker nodes does the cluster have?",
                                        "Which Kubernetes version is installed?",
                                        "Are there pods in the default namespace?"]
    assert not any("<<" in p.text or ">Q" in p.text for p in pages)  # the wrapper is no word of the question


def test_the_marked_radio_choice_is_the_answer_and_the_choices_show_unmarked():
    plan, pages = _pages(LAB)
    question, answer = _block(pages[1].text, "question"), _block(pages[1].text, "answer")
    assert "(*)" not in question and question.count("()") == 3  # the learner sees three plain choices
    assert answer.startswith("1.18.0")
    question, answer = _block(pages[2].text, "question"), _block(pages[2].text, "answer")
    assert "(*)" not in question and "No" in question and answer.startswith("No")  # (its choices under the line)


def test_an_exact_answer_line_is_the_answer():
    plan, pages = _pages(LAB)
    question, answer = _block(pages[0].text, "question"), _block(pages[0].text, "answer")
    assert "===" not in question and "3" not in question
    assert answer.startswith("3")
    # the hint the lab gives stays under its word, after the answer; the word titles no answer block
    assert "**Hint:**" in answer and "kubectl get nodes" in answer and "/// answer\n" in pages[0].text


NOTICES = """# Launcher FAQ

---

### Q: How do I install plugins?

Open the plugin installer and pick one.

---

### Q: Why can't I find a plugin?

It may not be updated for this patch yet.

---

### Q: All my plugins stopped working

Send us your log file.

---

### Do not expect plugin updates on patch day

The developers have jobs; things are updated when they can be.

---

### Remember that patches can break plugins

Disable them and wait for updates.
"""


def test_a_notice_written_as_a_rule_among_labelled_entries_is_no_question():
    # 'Do not …' tells the reader a rule; it states no problem to solve, and it has no 'Q:' as the entries do
    plan, pages = _pages(NOTICES)
    assert [p.title for p in pages] == ["How do I install plugins?", "Why can't I find a plugin?",
                                        "All my plugins stopped working"]
    chapter = next(p for p in plan.pages if not p.questions)
    assert "Do not expect plugin updates on patch day" in chapter.text


BRACKETED = """# Lab check

Answer each question before you look.

[Q1] How many worker nodes does the cluster have?

Three: run `kubectl get nodes` to see them.

[Q2] Which port does the API server listen on?

6443, as `kubectl cluster-info` shows.

[Q3] Which DNS server runs in the cluster?

CoreDNS.
"""


def test_a_numbered_label_in_brackets_numbers_the_questions():
    plan, pages = _pages(BRACKETED)
    assert [p.title for p in pages] == ["How many worker nodes does the cluster have?",
                                        "Which port does the API server listen on?",
                                        "Which DNS server runs in the cluster?"]
    assert _block(pages[1].text, "answer").startswith("6443")
