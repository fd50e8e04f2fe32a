"""A question block must hold the statement its title announces (issue 14 item 2, "never silently
wrong"): a ticked task list under a stem with an explanation after it, a bold 'Question N' with the
text and choices below it, a short title over a quoted '题目' statement. Imported as a person does,
the learner reads the statement and unticked choices first and finds the answer only on revealing.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

TICKED = """# C 语言选择题

### 1. 下面程序的输出是（）
```c
int a = 5;
printf("%d", a++ + ++a);
```

- [ ] A. 10
- [ ] B. 11
- [x] C. 12
- [ ] D. 未定义行为

### 2. 关于 static 局部变量，说法正确的是（）
- [ ] A. 每次调用都重新初始化
- [x] B. 只初始化一次，值在调用之间保留
- [ ] C. 存放在栈上
- [ ] D. 不能取地址

> **说明**：static 局部变量存放在静态存储区，程序开始前初始化一次。

### 3. sizeof(char) 的值是（）
- [x] A. 1
- [ ] B. 2
- [ ] C. 4
- [ ] D. 取决于平台
"""


def test_ticked_choices_are_shown_unticked_and_the_tick_is_the_answer(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "choice.md", TICKED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    for page, right in zip(pages, ("C. 12", "B. 只初始化一次，值在调用之间保留", "A. 1")):
        q, a = page_block(page, "question"), page_block(page, "answer")
        assert "[x]" not in q.lower() and "- [ ] A." in q, q  # the learner sees the choices, none ticked
        assert right in a and a.startswith(right), a
    first = page_block(pages[0], "question")
    assert "printf" in first and "printf" not in page_block(pages[0], "answer")  # the stem's code is the question's
    assert "静态存储区" in page_block(pages[1], "answer")  # the explanation kept, after the ticked choice


NUMBERED = """# Networking practice exam

The answers are at the bottom of the page.

### Domain 1: Addressing

**Question 1**
A host has the address 192.168.1.77/26. Which network does it belong to?

A) 192.168.1.0
B) 192.168.1.64
C) 192.168.1.128
D) 192.168.1.192

**Question 2**
Which protocol resolves an IPv4 address to a MAC address?

A) DNS
B) DHCP
C) ARP
D) ICMP

**Question 3**
How many usable hosts does a /30 network have?

A) 1
B) 2
C) 4
D) 6

## Answer Key and Explanations

### Domain 1: Addressing

**2. C) ARP**
*Explanation:* ARP maps an IPv4 address to the hardware address on the local link.

**1. B) 192.168.1.64**
*Explanation:* A /26 splits the last octet into blocks of 64; 77 falls in the block starting at 64.

**3. B) 2**
*Explanation:* Four addresses, minus the network and broadcast addresses.
"""


def test_a_bare_question_number_gets_its_statement_and_choices_as_the_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "exam.md", NUMBERED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    q = page_block(pages[1], "question")
    assert "Which protocol resolves an IPv4 address" in q and "C) ARP" in q, q  # before: only 'Question 2'
    a = page_block(pages[1], "answer")
    assert a.startswith("C) ARP") and "maps an IPv4 address" in a, a  # the key's entry 2, matched by number
    assert page_block(pages[0], "answer").startswith("B) 192.168.1.64")
    assert "**" not in a
    text = pages[1].read_text(encoding="utf-8")
    assert "# Which protocol resolves an IPv4 address to a MAC address?" in text  # the title is the statement
    explained = qabook("import", str(tmp_path / "exam.md"), "--explain", "--out", str(tmp_path / "x"), "--chapter", "x")
    assert "(first: 'Question 1')" in explained.stdout + explained.stderr  # it said (first: '')


QUOTED = """# 大数据面试题

## 1. 相同URL
> **题目**: 给定 a、b 两个文件，各存放 50 亿个 url，内存限制 4G，找出共同的 url？

> 方案1：分而治之，按 hash(url)%1000 拆成小文件，再逐对比较。

## 2. Query排序
> **题目**: 10 个文件，每个 1G，每行是一个 query，按 query 的频度排序。
>
> 方案1：按 hash(query)%10 重新分到 10 个文件，用 hash_map 统计后归并排序。

## 3. Top K
> **题目**: 1G 大小的文件，每行一个词，内存 1M，返回频数最高的 100 个词。

> 方案1：分治 + 小顶堆。
"""


def test_a_quoted_statement_labelled_as_the_question_is_the_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "bigdata.md", QUOTED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    for page in pages:
        q, a = page_block(page, "question"), page_block(page, "answer")
        assert "题目" in q and "题目" not in a, (q, a)  # before: the statement went to the answer
        assert "方案1" in a and "方案1" not in q


AZURE = """# AZ-900 practice

### 1. Which service stores certificates and secrets?

- [ ] Azure Bastion
- [x] Azure Key Vault
- [ ] Azure Active Directory

<details>
<summary>Explanation</summary>

Key Vault keeps keys in hardware security modules.

</details>

### 2. Which service gives private RDP to virtual machines?

- [x] Azure Bastion
- [ ] Azure Key Vault
- [ ] Azure Firewall

<details>
<summary>Explanation</summary>

Bastion connects over TLS from the portal.

</details>
"""


def test_a_ticked_choice_before_a_details_explanation_is_not_shown_on_the_front(tmp_path: Path) -> None:
    """A practice exam's choices are a task list with the right one ticked, and its explanation is in
    a `<details>` after them: the choices stayed in the question block with the tick, so the learner
    saw the answer before trying (outside set 3, e07). They are shown unticked; the ticked one opens
    the answer, before the explanation."""
    r, pages = import_document(tmp_path, "az900.md", AZURE)
    assert r.returncode == 0 and len(pages) == 2, r.stdout + r.stderr
    for page, right in zip(pages, ("Azure Key Vault", "Azure Bastion")):
        q, a = page_block(page, "question"), page_block(page, "answer")
        assert "[x]" not in q and f"- [ ] {right}" in q, q
        assert a.startswith(right), a
