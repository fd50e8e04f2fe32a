"""A chapter's print page keeps its questions once, in the chapter's study cards: print.js puts
each part back where the page holds a slot, the same HTML as before, also from file://."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import qabook
from test_images import png

TOPICS = 3
LONG = "这是一段足够长的文字，用来确认打印页里的题目和答案来自本章的学习卡片，而不是在磁盘上再存一份"


def question(t: int) -> str:
    return f"第{t}题：{LONG}？"


def answer(t: int) -> str:
    return f"第{t}题的答案：{LONG}。"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One chapter of three one-question topics (question, answer with code, explanation)."""
    root = tmp_path_factory.mktemp("printcards")
    assert qabook("new", str(root / "book"), "--empty", cwd=root).returncode == 0
    folder = root / "book" / "docs" / "c1"
    folder.mkdir(parents=True)
    links = []
    for t in range(1, TOPICS + 1):
        links.append(f"- [主题 {t}](0{t}-t{t}.md)")
        (folder / f"0{t}-t{t}.md").write_text(
            f"---\nid: t{t}\n---\n\n# 主题 {t}\n\n/// question\n{question(t)}\n///\n\n"
            f"/// answer\n{answer(t)}\n\n```python\nprint({t})\n```\n///\n\n"
            f"/// explanation\n第{t}题的解析：{LONG}。\n///\n", encoding="utf-8")
    (folder / "img").mkdir()
    (folder / "img" / "arch.png").write_bytes(png())
    (folder / "index.md").write_text("# 第 1 章\n\n<!-- qabook:pdf -->\n\n本章的架构图：\n\n![架构图](img/arch.png)\n\n"
                                     + "\n".join(links) + "\n", encoding="utf-8")
    built = qabook("build", "--no-pdf", cwd=root / "book")
    assert built.returncode == 0, built.stderr + built.stdout
    return root / "book" / "site"


def test_the_print_page_file_leaves_its_questions_to_the_cards(site: Path) -> None:
    page = (site / "c1" / "print" / "index.html").read_text(encoding="utf-8")
    cards = "".join(p.read_text(encoding="utf-8") for p in (site / "assets/qabook/study-cards").glob("*.js"))
    for t in range(1, TOPICS + 1):
        assert answer(t) not in page and question(t) not in page  # kept once, in the cards
        assert answer(t) in cards and question(t) in cards
        assert f'data-qa-card="t{t}#q1"' in page
    assert "print.js" in page and "study-cards/" in page


@pytest.mark.browser
def test_print_page_from_file_shows_and_prints_every_question(browser, site: Path, tmp_path: Path) -> None:
    """Opened from disk (file://, no server), as a reader does with a downloaded site."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "c1" / "print" / "index.html").as_uri())
    for t in range(1, TOPICS + 1):
        for text in (question(t), answer(t), f"print({t})"):
            assert page.get_by_text(text, exact=False).first.is_visible(), text
    assert page.locator("template[data-qa-card]").count() == 0
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "c1.pdf"), format="A4")
    page.close()
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(tmp_path / "c1.pdf"), "-"], capture_output=True,
                                             text=True, check=True).stdout)
    for t in range(1, TOPICS + 1):
        assert answer(t) in text and question(t) in text
    assert not errors, errors


@pytest.mark.browser
def test_a_topics_print_and_cards_are_reached_from_its_chapter(browser, site: Path) -> None:
    """Chapter page → "print this chapter" → the topic's section; and the topic's card in a review."""
    from browser import serve

    with serve(site) as url:
        page = browser.new_page()
        page.goto(url + "c1/")
        page.get_by_role("link", name="打印本章").click()
        page.wait_for_url("**/c1/print/")
        section = page.locator("section.qa-print-topic", has=page.locator("h2#t2"))
        assert section.get_by_text(answer(2)).is_visible()
        page.goto(url + "c1/02-t2/")
        assert page.get_by_text(answer(2)).count() == 1  # the topic page keeps its own copy
        page.close()


@pytest.mark.browser
def test_a_picture_on_the_chapter_page_shows_on_its_print_page(browser, site: Path) -> None:
    """Found by a new user: the chapter page's picture (`img/arch.png`, written for `c1/`) was
    copied as written into `c1/print/`, where the browser asked for `c1/print/img/arch.png`: a
    broken image on screen and in the printed chapter. Its topic links went nowhere the same way."""
    from browser import serve

    with serve(site) as url:
        page = browser.new_page()
        page.goto(url + "c1/print/")
        picture = page.locator("section.qa-print-intro img[alt='架构图']")
        picture.scroll_into_view_if_needed()
        assert picture.is_visible()
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), picture.get_attribute("src")
        page.locator("section.qa-print-intro a", has_text="主题 2").click()
        page.wait_for_url("**/c1/02-t2/")
        page.close()
