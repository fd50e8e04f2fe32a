"""One numbered sequence of questions running across section headings (set 10, issue 14): the
sections are groups over the questions, not questions. Each test failed on the importer before
this round.

- A bank of questions with no answers yet, written as one ordered list numbered 1, 2, 3… that
  goes on across `##`/`###` section headings (an interview list by topic): each item is a question,
  the headings its groups. Before, each section became one question holding its list.
- A bank that changes shape half-way while its numbering goes on: `#### N.` headings with
  `Answer:` and numbered points in some answers, then, under a group heading, plain `N. question`
  items with their answers as bullets under them (indented three spaces, then four), then
  `Answer:` lines. Before, the answers' own `1.`–`3.` points hid the sequence, only the items that
  open a list of their own were found, and the last group stayed on the chapter page.
- Question headings decorated with an emoji before their bold number (`## 🔥 **18. Explain …**`),
  each with a follow-up heading under it: the number is the question's, so the last one, which
  does not ask, is still question 18. Before, the emoji hid the numbering and the last pair, not
  asking at the tail of an unnumbered run, was left on the chapter page.
"""

from __future__ import annotations

from qabook.importer import plan_import

UNANSWERED = """# Operating System Interview Questions

## Processes

1. What is a process? What states can it be in?
2. What is the difference between a process and a thread?
3. How does a context switch work?

## Memory

4. What is virtual memory?
5. What is paging? Why is it used?

### Caches

6. What is a TLB?
7. What happens on a page fault?

## Files

8. What is an inode?
9. How is a file descriptor shared after fork?
"""


def test_an_unanswered_list_numbered_across_sections_is_one_question_per_item() -> None:
    plan = plan_import(UNANSWERED, "os.md", chapter="c")
    assert plan.question_count == 9  # before: 3, one per '##' section
    titles = [p.title for p in plan.pages[1:]]
    assert titles[0] == "What is a process? What states can it be in?"
    assert titles[5] == "What is a TLB?"
    chapter = plan.pages[0].text
    assert "## Processes" in chapter and "### Caches" in chapter  # the groups stay on the chapter page
    assert 'tags: ["Caches"]' in plan.pages[6].text


STEPS = """# Setting up the lab

## Before you start

1. Install Python 3.11.
2. Clone the repository.
3. Create a virtual environment.

## Building

4. Run the build script.
5. Open the site in a browser.
6. Check that the search box works.
"""


def test_numbered_steps_across_sections_stay_an_article() -> None:
    plan = plan_import(STEPS, "lab.md", chapter="c")
    assert plan.question_count == 0


NOTES = """# Reading notes, week 3

## Processes

1. What is a process? What states can it be in?
2. What is the difference between a process and a thread?
3. How does a context switch work?

## Memory

4. What is virtual memory?
5. What is paging? Why is it used?
6. What is a TLB?
"""


def test_questions_a_note_keeps_in_mind_are_not_made_a_bank_by_their_sequence() -> None:
    """The same list under a title that names no Q&A: prompts in a note, as before (refused)."""
    plan = plan_import(NOTES, "notes.md", chapter="c")
    assert plan.question_count == 0


SHIFTING = """# Basic Networking Interview Questions

#### 1. What is a protocol?
Answer:
A set of rules for exchanging messages.

#### 2. What are the layers of the TCP/IP model?
Answer:
1. Link: frames on one network.
2. Internet: packets between networks.
3. Transport: streams between programs.

#### 3. What is a port?
Answer: A number that names a program's endpoint on a host.

#### 4. What is a socket?
Answer: An address and a port, opened by a program.

#### 5. What is latency?
Answer: The time a message takes to arrive.

#### 6. What is bandwidth?
Answer: How much data a link carries per second.

#### 7. What is a router?
Answer: A device that forwards packets between networks.

#### 8. What is a switch?
Answer: A device that forwards frames inside one network.

#### 9. What is ARP?
Answer:
1. A host asks who has an address.
2. The owner answers with its MAC address.

#### Medium-Level Networking Interview Questions

10. What is the difference between TCP and UDP?
   - TCP is reliable and ordered; UDP sends datagrams without either.
11. What does DNS do?
   - It turns names into addresses.
12. What is NAT?
    - It rewrites addresses at the edge of a network.
13. Why does TCP need a handshake?
    - Both sides agree on their sequence numbers first.
14. What is a subnet mask?
    - It tells which part of an address names the network.

#### Advanced Networking Interview Questions

15. How does TCP congestion control work?
 Answer: It grows the window until loss, then backs off.
16. What is BGP?
 Answer: The protocol networks use to announce their routes to each other.
"""


def test_a_bank_that_changes_shape_while_its_numbering_goes_on_keeps_every_question() -> None:
    plan = plan_import(SHIFTING, "net.md", chapter="c")
    assert plan.question_count == 16  # before: 12 (12 held 13–14, 15–16 on the chapter page)
    pages = plan.pages[1:]
    assert pages[9].title == "What is the difference between TCP and UDP?"
    assert "Internet: packets between networks." in pages[1].text  # the answer's points stay its answer
    assert "It rewrites addresses" in pages[11].text and "Why does TCP" not in pages[11].text
    assert "It grows the window" in pages[14].text and "What is BGP" not in pages[14].text
    chapter = plan.pages[0].text
    assert "## Medium-Level Networking Interview Questions" in chapter and "## Advanced Networking" in chapter


EMOJI = """# 💻 Operating System Interview Questions and Answers

---

## ✅ **1. What is an Operating System?**
- Software that manages the hardware for programs.

### 📌 **Follow-up:** Can you name some operating systems?
- Linux, Windows, macOS.

---

## ⚙️ **2. What is a system call?**
- A request a program makes to the kernel.

### 📌 **Follow-up:** What happens when `fork()` is called?
- The process is copied.

---

## 🔥 **3. What is virtual memory?**
- Memory addresses mapped onto RAM and disk.

### 📌 **Follow-up:** Why is paging used?
- Fixed-size pages avoid external fragmentation.

---

## 🚦 **4. What is a deadlock?**
- Processes each waiting for a resource another one holds.

### 📌 **Follow-up:** How can deadlocks be prevented?
- By breaking one of the four conditions.

---

## 🔒 **5. What is a mutex?**
- A lock only one thread holds at a time.

### 📌 **Follow-up:** How does a mutex differ from a semaphore?
- A semaphore counts.

---

## ⏱️ **6. Explain the concept of CPU scheduling.**
- The scheduler decides which process runs next.

### 📌 **Follow-up:** How does Shortest Job Next work?
- It runs the shortest job first.

---
"""


def test_an_emoji_before_a_bold_number_does_not_hide_the_questions_number() -> None:
    plan = plan_import(EMOJI, "os.md", chapter="c")
    assert plan.question_count == 12  # before: 10 (the last pair on the chapter page)
    titles = [p.title for p in plan.pages[1:]]
    assert "Explain the concept of CPU scheduling." in titles[10], titles
    assert "Shortest Job Next" in titles[11], titles
    assert "CPU scheduling" not in plan.pages[0].text.split("](")[0]
