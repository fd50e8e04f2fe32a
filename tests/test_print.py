"""Printing, as a reader does it: Ctrl+P on a topic, the chapter's print page, the PDF links."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project, qabook

pytestmark = pytest.mark.browser

BOOK = "damoxing-mianshi-ti-xuexi-zhan"


def print_to_pdf(browser, url: str, out: Path) -> tuple[int, str]:
    """Chromium's print path (print media, as Ctrl+P), A4; returns (pages, text)."""
    page = browser.new_page()
    page.goto(url, wait_until="networkidle")
    page.pdf(path=str(out), format="A4")
    page.close()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), text


def test_ctrl_p_on_a_one_question_topic_is_one_page(browser, site_url: str, tmp_path: Path) -> None:
    pages, text = print_to_pdf(browser, site_url + "llm/01-shen-me-shi-da-mo-xing/", tmp_path / "t.pdf")
    assert pages == 1 and "大模型指的是" in text


def test_print_page_titles_once_intro_kept_hint_not_printed(browser, tmp_path: Path) -> None:
    from browser import serve

    project = copy_project(tmp_path)
    index = project / "docs" / "llm" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n## 学习建议\n\n先读前三个主题，再做练习。\n", encoding="utf-8")
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    with serve(project / "site") as url:
        pages, text = print_to_pdf(browser, url + "llm/print/", tmp_path / "c.pdf")
        page = browser.new_page()
        page.goto(url + "llm/print/")
        headings = page.eval_on_selector_all(".md-content h1, .md-content h2", "hs => hs.map(h => h.innerText.trim())")
        page.close()
    titled = [h for h in headings if h.startswith("什么是大模型？")]  # (a study badge may follow)
    assert len(titled) == 1, headings  # each topic title once
    flat = re.sub(r"\s+", "", text)
    assert "先读前三个主题，再做练习。" in flat  # the chapter page's own content
    assert "Ctrl+P" not in flat  # the on-screen hint is not printed
    assert "大模型指的是" in flat


def test_print_button_with_no_pdf_and_offline(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert qabook("build", "--no-pdf", "--offline", cwd=project).returncode == 0
    chapter = (project / "site" / "llm" / "index.html").read_text(encoding="utf-8")
    assert '<a class="md-button" href="print.html" data-search-exclude="">打印本章</a>' in chapter
    assert (project / "site" / "llm" / "print.html").is_file()
    assert ".pdf" not in chapter  # no PDF was made, so none is linked


def test_pdfs_are_named_after_book_and_chapter(built_site: Path) -> None:
    assert sorted(p.name for p in (built_site / "pdf").glob("*.pdf")) == [f"{BOOK}-llm.pdf", f"{BOOK}.pdf"]
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'download="{BOOK}-llm.pdf"' in home


def test_card_slots_give_back_the_same_html() -> None:
    """printbook.slot_cards: a part is slotted only where it stands whole between tags, and
    filling the slots (as print.js does) gives back every byte."""
    from html import unescape

    from qabook.printbook import slot_cards

    long = "<p>" + "答案" * 60 + "</p>"
    page = (f'<section><h2 title="{long}">x</h2><div class="admonition question"><p class="admonition-title">问</p>\n'
            f'{long}\n</div><details class="answer" open><summary>答</summary>{long}</details>'
            f'<p>{long}</p></section>')
    parts = [("t1#q1", "q", long), ("t1#q1", "a", long), ("t1#q2", "q", long), ("t1#q2", "a", "<p>短</p>")]
    slotted = slot_cards(page, parts)
    assert slotted.count("<template") == 3  # the attribute's copy is left; the short part is not worth it
    assert f'title="{long}"' in slotted
    cards = {(k, p): text for k, p, text in parts}
    filled = re.sub(r'<template data-qa-card="([^"]*)" data-qa-part="(\w)"></template>',
                    lambda m: cards[(unescape(m.group(1)), m.group(2))], slotted)
    assert filled == page


def test_print_page_without_javascript_says_what_to_do(browser, built_site: Path, site_url: str,
                                                      tmp_path: Path) -> None:
    """The print page's questions come from the chapter's cards by print.js: with JavaScript off
    the reader is told at the top what to do (turn it on, or take the chapter's PDF, which this
    build wrote), on screen and on paper, and the hint's promise of every answer is not shown."""
    from urllib.parse import urljoin, urlsplit

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "llm/print/")
    assert page.locator("template[data-qa-card]").count() > 0  # the questions' parts are left to the cards
    note = page.locator(".qa-print-nojs")
    assert note.is_visible() and "JavaScript" in note.inner_text()
    assert note.bounding_box()["y"] < page.locator(".qa-print-topic").first.bounding_box()["y"]  # at the top
    assert not page.locator(".qa-print-hint").is_visible()
    pdf = urlsplit(urljoin(page.url, note.locator("a").get_attribute("href"))).path.lstrip("/")
    assert pdf == f"pdf/{BOOK}-llm.pdf" and (built_site / pdf).is_file()
    page.pdf(path=str(tmp_path / "nojs.pdf"), format="A4")
    context.close()
    text = subprocess.run(["pdftotext", str(tmp_path / "nojs.pdf"), "-"], capture_output=True, text=True).stdout
    assert "JavaScript" in text  # a printed empty page says why

    page = browser.new_page()
    page.goto(site_url + "llm/print/", wait_until="networkidle")
    assert page.locator(".qa-print-hint").is_visible() and page.locator(".qa-print-nojs").count() == 0
    assert page.locator("template[data-qa-card]").count() == 0
    page.close()


#: What a reader sees only on a screen: the study badges, ¶ links, qabook's buttons and hints.
SCREEN_ONLY = ("新题", "¶", "打印本章", "下载本章 PDF", "显示答案", "Ctrl+P")


@pytest.mark.parametrize("javascript", [True, False])
def test_paper_holds_no_screen_control(browser, tmp_path: Path, javascript: bool) -> None:
    """Printed as a person prints (Chromium, print media): a topic page that links another topic
    and has a heading in its answer, its chapter page with a heading of its own, the chapter's
    print page. On screen they show badges, ¶ links and buttons; on paper none of these, and every
    question's number, answer and explanation."""
    from browser import serve

    project = copy_project(tmp_path)
    chapter = project / "docs" / "llm"
    index = chapter / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n## 学习建议\n\n先读前三个主题。\n", encoding="utf-8")
    topic = chapter / "02-da-mo-xing-de-gong-zuo-yuan.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace(
        "/// answer\n", "/// answer\n先复习[什么是大模型](01-shen-me-shi-da-mo-xing.md#q1)。\n\n## 自注意力\n\n", 1),
        encoding="utf-8")
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    context = browser.new_context(java_script_enabled=javascript)
    with serve(project / "site") as url:
        for path, must in [("llm/02-da-mo-xing-de-gong-zuo-yuan/", ["题目 1", "自注意力机制允许模型", "输出序列中的每个元素"]),
                           ("llm/", ["学习建议"]),
                           ("llm/print/", ["题目 1", "大模型指的是", "自注意力机制允许模型", "学习建议"])]:
            page = context.new_page()
            page.goto(url + path, wait_until="networkidle")
            screen = page.locator(".md-content").inner_text()
            page.pdf(path=str(tmp_path / "p.pdf"), format="A4")
            page.close()
            paper = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True,
                                   check=True).stdout
            if javascript:
                assert "新题" in screen or path == "llm/print/" and "¶" in screen, (path, screen)
            assert [s for s in SCREEN_ONLY if s in paper] == [], (path, paper)
            flat = re.sub(r"\s+", "", paper)
            if javascript or path != "llm/print/":  # without JavaScript the print page says why it is empty
                assert all(re.sub(r"\s+", "", m) in flat for m in must), (path, paper)
    context.close()
