"""Study notes with a few question headings among their sections (issue 14, sixth round): the
author's notes on a topic, a handful of '### …？' questions answered among ordinary sections, and a
list of questions left open at the end. The asking headings are the questions, the sections the
chapter's text — while a tutorial with one 'why' heading and a talk outline whose headings only
open with a question word stay refused.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

NOTES = """# 操作系统笔记

## 进程与线程

进程是资源分配的单位，线程是调度的单位。

### 上下文切换

保存寄存器、切换页表、恢复寄存器。

### 进程和线程的区别是什么？

进程拥有独立的地址空间；线程共享进程的地址空间，切换代价更小。

## 内存管理

分页把虚拟地址映射到物理页框。

### 为什么需要虚拟内存？

让每个进程以为自己独占整个地址空间，也便于隔离与按需调页。

### 分段

按逻辑单位划分地址空间。

### 页面置换算法

- FIFO
- LRU
- Clock

## 待整理

### 死锁产生的四个必要条件是什么
### 线程池的参数如何设置
### 协程调度的过程
### 用户态切到内核态是靠中断还是靠系统调用
"""

TUTORIAL = """# 部署 Flask 应用

## 写在前面

本文记录一次部署过程。

## 为什么要用 nginx 反向代理?

静态文件交给 nginx，动态请求交给 uwsgi。

## 安装

```bash
apt install nginx
```

## 配置

编辑 /etc/nginx/sites-enabled/app。
"""

OUTLINE = """# 技术分享

### 为什么要开发插件

提高团队效率。

### 为什么要开发 vscode 插件

大家都在用 vscode。

### vscode 插件有哪些能力

代码片段、命令、视图。

### 开发

```bash
npm install -g yo generator-code
```
"""


def test_question_headings_among_sections_are_the_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "os.md", NOTES)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    questions = [page_block(p, "question") for p in pages]
    assert questions == ["进程和线程的区别是什么？", "为什么需要虚拟内存？", "死锁产生的四个必要条件是什么",
                         "线程池的参数如何设置", "协程调度的过程", "用户态切到内核态是靠中断还是靠系统调用"], questions
    assert "独立的地址空间" in page_block(pages[0], "answer")
    assert "LRU" not in page_block(pages[1], "answer")  # the next section is not its answer
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "上下文切换" in chapter and "LRU" in chapter
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_a_tutorial_and_a_talk_outline_stay_refused(tmp_path: Path) -> None:
    for name, text in (("deploy.md", TUTORIAL), ("talk.md", OUTLINE)):
        r, pages = import_document(tmp_path, name, text, chapter=name[:-3])
        assert r.returncode == 1 and not pages, (name, r.stdout + r.stderr)
        assert "QI001" in r.stderr + r.stdout
