"""A PDF's file name keeps the book's whole words (trial 6: 大模型面试题学习站 gave
`da-mo-xing-mian-shi-ti-xue.pdf`, cut inside 学习): Chinese and English titles and a very long
one, each as a reader downloading it sees it, and the file a `qabook pdf` writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import qabook
from qabook.pdfnames import MAX_STEM, book_pdf, book_slug, chapter_pdf, title_words

SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize("title, name", [
    ("大模型面试题学习站", "damoxing-mianshi-ti-xuexi-zhan"),  # 学习 whole, 站 kept
    ("大模型：从理论到实践的应用", "damoxing-cong-lilun-dao-shijian-de-yingyong"),
    ("My question book", "my-question-book"),
    ("Café Interview Questions — 2024 edition", "cafe-interview-questions-2024-edition"),
    ("深度学习与自然语言处理面试宝典", "shenduxuexi-yu-ziranyuyanchuli-mianshi-baodian"),
])
def test_the_whole_title_in_whole_words(title: str, name: str) -> None:
    assert book_slug(title) == name
    assert SAFE.match(name)


def test_a_very_long_title_stops_at_a_whole_word() -> None:
    title = ("Distributed systems interview questions: consensus, replication, partitioning, "
             "transactions, clocks, failure detectors and everything else an engineer is asked about")
    stem = book_slug(title)
    words = title_words(title)
    assert len(stem) <= MAX_STEM and SAFE.match(stem)
    kept = stem.split("-")
    assert kept == words[:len(kept)] and len(kept) < len(words)  # a prefix of whole words, none cut
    assert len(chapter_pdf(stem, "a-long-chapter-folder-name").encode()) < 255
    long_zh = "大模型面试题学习站" * 12
    zh = book_slug(long_zh)
    assert len(zh) <= MAX_STEM and zh.split("-") == title_words(long_zh)[:len(zh.split("-"))]


def test_nothing_to_spell_is_book() -> None:
    assert book_slug("") == book_slug(None) == book_slug("!!! ???") == "book"


def test_the_pdf_a_new_chinese_book_prints_is_named_after_its_whole_title(tmp_path: Path) -> None:
    assert qabook("new", "book", "--title", "大模型面试题学习站", cwd=tmp_path).returncode == 0
    r = qabook("pdf", "--book", "--out", str(tmp_path / "out"), cwd=tmp_path / "book")
    assert r.returncode == 0, r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [book_pdf("damoxing-mianshi-ti-xuexi-zhan")]
