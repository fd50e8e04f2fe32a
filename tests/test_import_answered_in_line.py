"""Answers written in the question's own line (issue 14 item 1), in exam sheets that mix forms.

A review sheet: fill-ins whose blanks the author filled in, underlined and bold (`<u>**内核**</u>`,
`**<u>80</u>**`), choices whose letter stands in the stem (`…的是【 B 】`, `（ C）`) over the choices
written side by side on one line (`A.IP    **B.TCP**    C.ARP    D.ICMP`), then short-answer
headings (`### 2. …`) whose answers are numbered steps (`1. ip addr …`). A person sees one question
per fill-in, per choice and per heading; the steps are answers, not questions. On the page the
learner sees the blanks empty and the choices unmarked; the fills and the marked choice are the answer.

A written test: numbered choices with `( C )` in the line, then `- 请简述…？` bullets under `## 简答题`
with their answers in fences and `- 请实现…` tasks under `## 编程题` without answers, after the sheet's
instructions as bullets under `### 说明` (`- 请在本文档中作答`): the bullets in the sections named for
a kind of question are questions, the instructions are not.

Guard: numbered headings over steps (`### 1. 安装` over `1. apt-get update`) after a quiz stay the
chapter's text (they neither ask nor stand in a section named for questions).
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

from qabook.importer import plan_import

REVIEW = """# 网络复习题

## 一、填空题

1. TCP 的全称是 <u>**传输控制协议**</u> ，UDP 的全称是 **<u>用户数据报协议</u>** 。
2. HTTP 默认端口是 **<u>80</u>** ，HTTPS 默认端口是 **<u>443</u>** 。
3. 查看路由表的命令是 **<u>route</u>** 。

   查看 ARP 缓存的命令是 **<u>arp -a</u>** 。
4. DNS 把 **<u>域名</u>** 解析为 IP 地址。

## 二、选择题

1. 下面属于传输层协议的是【 B 】

   A.IP    **B.TCP**    C.ARP    D.ICMP

2. 用于测试连通性的命令是【C】

   A.ls 		B.cd 		**C.ping** 		D.cat

3. 子网掩码 255.255.255.0 对应的前缀是（ C）

   A./8 		B./16 		**C./24** 		D./32

4. 以下哪个是私有地址【 A 】

   **A.192.168.1.1**    B.8.8.8.8

   C.1.1.1.1    D.114.114.114.114

## 三、简答题

### 1. 简述 TCP 三次握手的过程。

客户端发送 SYN，服务端回复 SYN+ACK，客户端再发送 ACK。

### 2. 静态地址怎样配置？

**在 Linux 上把 eth0 配置为 192.168.1.10/24，写出完整的命令。**

 1. ip addr flush dev eth0
 2. ip addr add 192.168.1.10/24 dev eth0
 3. ip link set eth0 up

### 3. 抓包分析

**用 tcpdump 抓取 80 端口的数据包并保存到文件，写出命令。**

 1. tcpdump -i eth0 port 80 -w web.pcap
 2. tcpdump -r web.pcap
"""

WRITTEN = """# 后端笔试题

### 说明
- 请在本文档中作答，完成后发给面试官，
- 编程题请提交到仓库
---
## 选择题
1. 下列哪个不是 HTTP 方法？ ( C )
   A. GET
   B. POST
   C. FETCH
   D. PUT

2. 下列哪个端口是 MySQL 的默认端口？ ( A )
   A. 3306
   B. 6379
   C. 5432
   D. 27017

3. 下列哪个不是关系型数据库？ ( D )
   A. MySQL
   B. PostgreSQL
   C. SQLite
   D. Redis

4. 下列哪个命令查看进程？ ( B )
   A. ls
   B. ps
   C. cd
   D. rm

---

## 简答题
- 请简述进程和线程的区别？
  ```markdown
  进程是资源分配的单位，线程是调度的单位。
  ```
- 请简述数据库索引的作用。
  ```markdown
  索引让查询不必扫描整张表，代价是写入变慢、占用空间。
  ```
- 请简述 TCP 和 UDP 的区别？
  ```markdown
  TCP 面向连接、可靠；UDP 无连接、开销小。
  ```
- 请写出事务的四个特性。
  ```markdown
  原子性、一致性、隔离性、持久性。
  ```

## 编程题
【注意】
  1. 不要使用第三方库
  2. 注意代码规范

【问题】
- 请实现一个 LRU 缓存。

- 请实现一个线程安全的计数器。
"""

STEPS = """# 部署小测验

1. 下面哪个命令启动容器？（ A ）
   A. docker run
   B. docker ps
2. 下面哪个命令列出镜像？（ A ）
   A. docker images
   B. docker rm
3. 哪个文件描述镜像的构建？（ B ）
   A. Makefile
   B. Dockerfile
4. 哪个命令查看容器日志？（ B ）
   A. docker top
   B. docker logs
5. 哪个参数把端口映射到主机？（ A ）
   A. -p
   B. -v

## 附：部署步骤

### 1. 安装

 1. apt-get update
 2. apt-get install docker.io

### 2. 启动

 1. systemctl start docker
 2. systemctl enable docker
"""


def _titles(text: str) -> list[str]:
    plan = plan_import(text, "sheet.md", chapter="c")
    return [pg.title for pg in plan.pages if pg.questions]


def test_fill_ins_choices_and_step_answered_headings_are_one_question_each() -> None:
    plan = plan_import(REVIEW, "review.md", chapter="c")
    assert plan.question_count == 4 + 4 + 3, [pg.rel for pg in plan.pages]


def test_filled_blanks_are_emptied_and_their_words_are_the_answer(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "review.md", REVIEW)
    assert r.returncode == 0, r.stdout + r.stderr
    first = pages[0]
    question, answer = page_block(first, "question"), page_block(first, "answer")
    assert "传输控制协议" not in question and "<u>" not in question, question  # the blank shown empty
    assert "传输控制协议" in answer and "用户数据报协议" in answer, answer
    third = pages[2]  # the paragraph that goes on with a blank is the question's too
    assert "arp -a" not in page_block(third, "question") and "arp -a" in page_block(third, "answer")


def test_choices_side_by_side_stay_in_the_question_and_the_stems_letter_is_the_answer(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "review.md", REVIEW)
    assert r.returncode == 0, r.stdout + r.stderr
    choice = pages[4]  # '下面属于传输层协议的是【 B 】'
    question, answer = page_block(choice, "question"), page_block(choice, "answer")
    assert "A.IP" in question and "D.ICMP" in question, question  # the learner sees the choices first
    assert "【 B 】" not in question and "**B.TCP**" not in question, question  # nothing marks the answer
    assert "B.TCP" in answer, answer
    split = pages[7]  # choices over two lines: 'A.… B.…', then 'C.… D.…'
    assert "D.114.114.114.114" in page_block(split, "question")
    assert "192.168.1.1" in page_block(split, "answer")


def test_question_bullets_under_kind_sections_are_questions_not_the_instructions() -> None:
    titles = _titles(WRITTEN)
    assert len(titles) == 4 + 4 + 2, titles
    assert not any("作答" in t or "提交" in t for t in titles), titles


def test_numbered_headings_over_steps_after_a_quiz_stay_chapter_text() -> None:
    titles = _titles(STEPS)
    assert len(titles) == 5, titles
    assert not any(t in ("安装", "启动") or "apt-get" in t or "systemctl" in t for t in titles), titles


def test_a_task_set_in_bold_under_a_topic_title_is_the_question(tmp_path: Path) -> None:
    r, _ = import_document(tmp_path, "review.md", REVIEW)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = sorted((tmp_path / "docs" / "c").glob("[0-9]*.md"))  # (eleven pages: '10-…', '11-…' too)
    capture = pages[10]  # '### 3. 抓包分析' over '**用 tcpdump 抓取…写出命令。**', then the steps
    question, answer = page_block(capture, "question"), page_block(capture, "answer")
    assert "用 tcpdump 抓取 80 端口" in question, question  # the learner reads the task before revealing
    assert "tcpdump -i eth0" in answer and "tcpdump -i eth0" not in question, answer


def test_a_bold_lead_in_of_an_answer_stays_the_answer() -> None:
    text = ("# 面试题\n\n## 1. 分布式锁的实现\n\n**分布式锁实现方式：**\n\n* 基于 Redis：SET NX PX\n* 基于 ZooKeeper：临时顺序节点\n\n"
            "## 2. 缓存穿透怎么解决？\n\n布隆过滤器，或缓存空值。\n\n## 3. 什么是幂等？\n\n同一请求执行多次结果相同。\n")
    plan = plan_import(text, "bank.md", chapter="c")
    page = next(pg for pg in plan.pages if pg.questions and "分布式锁" in pg.title)
    body = "\n".join(o.text for o in page.lines)
    question = body.split("/// question", 1)[1].split("///", 1)[0]
    assert "实现方式" not in question, body


def test_underlined_words_are_a_blank_only_when_filled_in_bold_on_the_underline() -> None:
    from qabook.importer.shapes import asks
    assert asks("HTTP 默认端口是 **<u>80</u>** ，HTTPS 默认端口是 <u>**443**</u> 。")
    assert asks("DNS 把 <u>      </u> 解析为 IP 地址。")  # a blank still empty
    assert not asks("**指令系统**<u>属于</u>**计算机软件**的范畴。")  # two bold words round an underlined one
    assert not asks("如果有一个操作数是<u>布尔值</u>，则先将其转换为数值。")  # underlined emphasis
