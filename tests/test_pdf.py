"""PDFs read back with poppler (pdftotext, pdffonts, pdfinfo) and pypdf (the outline)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, needs_shared, read_seed
from qabook.pdf import PdfJob, render_all

SEED_TEXT = read_seed()
PARTS = re.findall(r"\*\*(题目|答案|解析)：\*\*\s*(.+)", SEED_TEXT)  # first line of each part, in order


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=["damoxing-mianshi-ti-xuexi-zhan-llm.pdf", "damoxing-mianshi-ti-xuexi-zhan.pdf"])
def pdf(request: pytest.FixtureRequest, built_site: Path) -> Path:
    return built_site / "pdf" / request.param


@needs_shared
def test_every_question_answer_and_explanation_in_order(pdf: Path) -> None:
    text = squash(pdftotext(pdf))
    assert len(PARTS) == 24
    position = 0
    for label, first_line in PARTS:
        needle = squash(re.sub(r"\*\*", "", first_line))[:30]
        found = text.find(needle, position)
        assert found >= 0, f"{label} '{needle}' missing or out of order in {pdf.name}"
        position = found
    # the list items of the answers too (they follow their answer's first line)
    for item in re.findall(r"^\d+\. \*\*(.+?)：\*\* (.+)$", SEED_TEXT, flags=re.M):
        assert squash(item[1])[:20] in text


def test_labels_expanded_and_no_site_chrome(pdf: Path) -> None:
    text = pdftotext(pdf)
    assert text.count("答案") >= 8 and text.count("解析") >= 8 and text.count("题目 1") >= 8
    assert "搜索" not in text and "Made with" not in text


def test_cjk_fonts_embedded_not_type3(pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in out.splitlines()[2:] if line.strip()]
    cjk = [r for r in rows if "CJK" in r]
    assert cjk, out
    assert all(r.split()[-5] == "yes" for r in cjk), out  # the 'emb' column
    assert not any("Type 3" in r for r in rows), out


def test_no_blank_pages(pdf: Path) -> None:
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                           text=True, check=True).stdout).group(1))
    assert pages >= 4
    for n in range(1, pages + 1):
        assert pdftotext(pdf, "-f", str(n), "-l", str(n)).strip(), f"page {n} of {pdf.name} is blank"


def test_page_numbers_and_contents(pdf: Path) -> None:
    text = pdftotext(pdf)
    pages = len(PdfReader(pdf).pages)
    assert re.search(rf"\b2\s*/\s*{pages}\b", text) and re.search(rf"\b{pages}\s*/\s*{pages}\b", text)
    contents = text.split("目录", 1)[1].split("\f", 1)[0]
    assert re.search(r"什么是大模型？\s*\.{3,}\s*\d+", contents)


def _titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            out += _titles(item, depth + 1)
        else:
            out.append((depth, item.title))
    return out


def test_outline_chapter_topic_question(pdf: Path) -> None:
    titles = _titles(PdfReader(pdf).outline)
    assert titles[0] == (0, "大模型：从理论到实践的应用")
    topics = [t for d, t in titles if d == 1]
    assert topics[:2] == ["什么是大模型？", "大模型的工作原理是什么？"] and len(topics) == 8
    assert [t for d, t in titles if d == 2].count("题目 1") == 8


def test_covers_name_the_book_once_and_count_what_they_hold(built_site: Path) -> None:
    """The book's cover: its name once (it said it three times: above the title, as the title and
    as the subtitle), then what it holds; a chapter's: the book above the chapter's title. Every
    page after the cover names the book in its running header."""
    book, chapter = (built_site / "pdf" / f"damoxing-mianshi-ti-xuexi-zhan{s}.pdf" for s in ("", "-llm"))
    cover = pdftotext(book, "-f", "1", "-l", "1")
    assert cover.count("大模型面试题学习站") == 1 and squash("1 章 · 8 个主题 · 8 道题") in squash(cover), cover
    cover = pdftotext(chapter, "-f", "1", "-l", "1")
    assert cover.count("大模型面试题学习站") == 1 and "大模型：从理论到实践的应用" in cover, cover
    assert squash("8 个主题 · 8 道题") in squash(cover)
    for pdf in (book, chapter):
        assert pdftotext(pdf, "-f", "2", "-l", "2").lstrip().startswith("大模型面试题学习站")


def test_pdfs_are_readable_by_a_web_server(built_site: Path) -> None:
    for pdf in (built_site / "pdf").iterdir():  # the PDFs, and the study exports published beside them
        assert pdf.suffix in (".pdf", ".apkg", ".json") and pdf.stat().st_mode & 0o044 == 0o044, pdf


def test_a_failing_chapter_is_named_and_leaves_no_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    good = PdfJob("ok", "<p>好</p>", tmp_path / "ok.pdf", tmp_path.as_uri() + "/", str(tmp_path))
    bad = PdfJob("broken", "<p>坏</p>", blocker / "broken.pdf", tmp_path.as_uri() + "/", str(tmp_path))
    messages: list[str] = []
    errors = render_all([good, bad], 1, messages.append)
    assert len(errors) == 1 and errors[0].startswith("broken: ")
    assert (tmp_path / "ok.pdf").exists() and any("ok" in m for m in messages)
    assert not list(tmp_path.rglob("*.part"))


def test_cli_pdf_single_chapter_letter(tmp_path: Path) -> None:
    from conftest import qabook

    r = qabook("pdf", "--chapter", "llm", "--paper", "Letter", "--out", str(tmp_path), cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damoxing-mianshi-ti-xuexi-zhan-llm.pdf"]
    assert "pdf 1/1: llm" in r.stderr
    info = subprocess.run(["pdfinfo", str(tmp_path / "damoxing-mianshi-ti-xuexi-zhan-llm.pdf")], capture_output=True, text=True).stdout
    assert "612 x 792" in info  # US Letter in points
    assert qabook("pdf", "--chapter", "nope", "--out", str(tmp_path), cwd=ROOT).returncode == 2


def _links(pdf: Path) -> list[str]:
    """Every link of a PDF: '#name' for a place inside it, else its URI."""
    out = []
    for page in PdfReader(pdf).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            out.append(str(action["/URI"]) if action and "/URI" in action else "#" + str(annot.get("/Dest")))
    return out


def test_links_between_pages_lead_inside_the_pdf_never_to_the_authors_disk(tmp_path: Path) -> None:
    """A topic's link to another topic (and to one of its questions) leads to it inside the PDF;
    a link to a page or file the PDF does not hold keeps its words only: WeasyPrint made each a
    file: link into the author's docs folder (file:///home/…/docs/01-x.md), dead for a reader."""
    from conftest import copy_project, qabook

    project = copy_project(tmp_path)
    topic = project / "docs" / "llm" / "02-da-mo-xing-de-gong-zuo-yuan.md"
    (project / "docs" / "llm" / "notes.txt").write_text("笔记", encoding="utf-8")
    topic.write_text(topic.read_text(encoding="utf-8").replace("/// answer\n", (
        "/// answer\n先读[上一题](01-shen-me-shi-da-mo-xing.md#q1)和[那一页](01-shen-me-shi-da-mo-xing.md)，"
        "[本页的题](#q1)，[笔记](notes.txt)，[首页](../index.md)，[外站](https://example.org/x)。\n\n"), 1), encoding="utf-8")
    r = qabook("pdf", "--out", str(tmp_path / "out"), cwd=project)
    assert r.returncode == 0, r.stderr
    for pdf in (tmp_path / "out").glob("*.pdf"):
        links = _links(pdf)
        assert not [u for u in links if u.startswith("file:")], (pdf.name, links)
        assert {"#shen-me-shi-da-mo-xing-q1", "#shen-me-shi-da-mo-xing", "#da-mo-xing-de-gong-zuo-yuan-q1",
                "https://example.org/x"} <= set(links), (pdf.name, links)
        text = squash(pdftotext(pdf))
        assert "先读上一题和那一页，本页的题，笔记，首页，外站。" in text  # every link's words kept


def test_chapter_and_book_pdfs_render_each_topic_once() -> None:
    """plan_jobs shares rendered topics between a chapter's PDF and the book's."""
    from qabook.book import load_book
    from qabook.config import find_project
    from qabook.pdf import plan_jobs

    project = find_project(ROOT / "mkdocs.yml")
    book = load_book(project)
    calls: list[str] = []
    import qabook.pdf as pdf_module

    real = pdf_module.markdown_renderer

    def counting(p):
        render = real(p)
        return lambda text: (calls.append(text), render(text))[1]

    pdf_module.markdown_renderer = counting
    try:
        jobs = plan_jobs(project, book, ROOT / "site" / "pdf", None, False)
    finally:
        pdf_module.markdown_renderer = real
    assert [j.name for j in jobs] == ["llm", "book"]
    assert len(calls) == len(book.topics) + len(book.chapters) == 9  # each topic and chapter page once
    assert all("大模型指的是具有数百万" in j.html for j in jobs)


def test_titles_in_contents_and_bookmarks_are_text_not_markdown() -> None:
    from qabook.parser import parse_page

    page = parse_page("# `constructor` 属性与 **原型**\n", Path("t.md"), "ch/t.md", "t.md", "topic")
    assert page.title == "constructor 属性与 原型"
