"""The real site, built by `qabook build` from a copy of the project (not a stub)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import copy_project, needs_shared, qabook, read_seed, start_serve, stop_serve


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", "", "".join(parser.parts))


def topic_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "llm").glob("*/index.html") if re.match(r"\d\d-", p.parent.name))


def test_eight_topic_pages_with_question_and_collapsed_blocks(built_site: Path) -> None:
    pages = topic_pages(built_site)
    assert len(pages) == 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert len(re.findall(r'<div class="admonition question" id="q1">', html)) == 1, page
        assert re.search(r'<details class="answer">\s*<summary>答案</summary>', html), page
        assert re.search(r'<details class="explanation">\s*<summary>解析</summary>', html), page
        assert "<details class=\"answer\" open" not in html  # collapsed until the reader opens it
        assert html.index('class="admonition question"') < html.index('class="answer"') < html.index('class="explanation"')


@needs_shared
def test_every_sentence_of_the_seed_is_in_the_site(built_site: Path) -> None:
    pages = topic_pages(built_site) + [built_site / "llm" / "index.html"]
    site_text = "".join(visible_text(p.read_text(encoding="utf-8")) for p in pages)
    seed = read_seed()
    sentences = [s for s in re.split(r"[。！？\n]", re.sub(r"\*\*[^*]*：\*\*|^#+ (\d+\. )?|\*\*", "", seed, flags=re.M))
                 if len(s.strip()) > 3]
    assert len(sentences) > 60
    missing = [s for s in sentences if re.sub(r"\s+|^\d+\.", "", s.strip()) not in site_text]
    assert missing == []


def test_home_and_chapter_pages(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "全书 1 章、8 个主题、8 道题" in home
    assert 'href="pdf/damoxing-mianshi-ti-xuexi-zhan.pdf" download="damoxing-mianshi-ti-xuexi-zhan.pdf"' in home and 'href="pdf/damoxing-mianshi-ti-xuexi-zhan-llm.pdf"' in home
    chapter = (built_site / "llm" / "index.html").read_text(encoding="utf-8")
    assert chapter.count('href="01-shen-me-shi-da-mo-xing/"') >= 1
    assert 'href="../pdf/damoxing-mianshi-ti-xuexi-zhan-llm.pdf"' in chapter and '<a class="md-button" href="print/" data-search-exclude="">打印本章</a>' in chapter
    # the chapter's nav section is titled by its chapter page, not by the folder name "llm"
    assert re.search(r'<a href="llm/" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*'
                     r'大模型：从理论到实践的应用', home)
    # in the chapter's own pages, and in the navigation script every other topic page shares
    assert re.search(r'<a href="\./" class="md-nav__link[^"]*"><span class="md-ellipsis">大模型：从理论到实践的应用',
                     chapter)
    assert '"llm/","大模型：从理论到实践的应用"]' in (built_site / "assets/qabook/nav/book.js").read_text(encoding="utf-8")


def test_print_chapter_page_holds_the_chapter_expanded(built_site: Path) -> None:
    html = (built_site / "llm" / "print" / "index.html").read_text(encoding="utf-8")
    assert html.count('<details class="answer" open') == 8
    assert html.count('<details class="explanation" open') == 8


def test_no_google_fonts_or_cdn(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', html), page


def test_broken_page_is_refused_and_previous_site_stays(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    site = project / "site"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    (site / "marker.txt").write_text("previous site", encoding="utf-8")
    page = project / "docs" / "llm" / "03-ru-he-xun-lian-da-mo-xing.md"
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    closer = max(i for i, line in enumerate(lines) if line == "///")  # the explanation's closing fence
    page.write_text("\n".join(lines[:closer] + lines[closer + 1:]), encoding="utf-8")
    result = qabook("build", "--no-pdf", cwd=project)
    assert result.returncode == 1
    assert re.search(r"docs/llm/03-ru-he-xun-lian-da-mo-xing\.md:\d+:1: QA020 block 'explanation' is never closed",
                     result.stdout)
    assert "previous site is unchanged" in result.stderr
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous site"
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file() and p.name != "marker.txt"} == before
    assert not list(project.glob(".site-*"))  # no staging folder left behind


def test_a_good_build_replaces_the_site_whole(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs" / "stale.txt").write_text("published once", encoding="utf-8")
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    assert (project / "site" / "stale.txt").exists()
    (project / "docs" / "stale.txt").unlink()  # gone from the book: gone from the site
    (project / "site" / "index.html").write_text("old site", encoding="utf-8")
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    assert not (project / "site" / "stale.txt").exists()
    assert (project / "site" / "index.html").read_text(encoding="utf-8") != "old site"
    assert (project / "site" / "llm" / "index.html").exists()
    assert ".pdf\"" not in (project / "site" / "index.html").read_text(encoding="utf-8")  # no PDF made, none linked


def test_mkdocs_strict_build_passes_on_committed_content(tmp_path: Path) -> None:
    import subprocess
    import sys

    project = copy_project(tmp_path)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                       cwd=project, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_plugin_reports_findings_inside_mkdocs(tmp_path: Path) -> None:
    """`mkdocs build --strict` fails on a broken page, naming it: the plugin runs the same check."""
    import subprocess
    import sys

    project = copy_project(tmp_path)
    page = project / "docs" / "llm" / "01-shen-me-shi-da-mo-xing.md"
    text = page.read_text(encoding="utf-8")
    line = text.split("\n").index("/// answer") + 1
    page.write_text(text.replace("/// answer", "/// answr"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                       cwd=project, capture_output=True, text=True)
    assert r.returncode == 1
    assert f"docs/llm/01-shen-me-shi-da-mo-xing.md:{line}:4: QA022 unknown block type 'answr'" in r.stderr


def test_chapter_page_lists_topics_with_question_counts(built_site: Path) -> None:
    html = (built_site / "llm" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'href="0\d-[^"]+/">[^<]+</a> <span class="qa-count" data-search-exclude(?:="")?>· 1 题</span>', html)) == 8


def test_tags_page_lists_topics_by_tag(built_site: Path) -> None:
    html = (built_site / "tags" / "index.html").read_text(encoding="utf-8")
    section = html.split('<h2 id="tag:安全与隐私">', 1)[1].split("<h2", 1)[0]
    assert re.findall(r"<a href=\"([^\"]+)\"", section) == ["../llm/07-da-mo-xing-de-an-quan-xing/"]


def test_site_url_is_used_for_canonical_links(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    r = qabook("build", "--no-pdf", cwd=project, env={"QABOOK_SITE_URL": "https://example.org/book/"})
    assert r.returncode == 0, r.stderr
    html = (project / "site" / "llm" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/book/llm/">' in html
    assert "https://example.org/book/llm/01-shen-me-shi-da-mo-xing/" in (project / "site" / "sitemap.xml").read_text()


def test_serve_shows_findings_and_serves_the_site(tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    project = copy_project(tmp_path)
    page = project / "docs" / "llm" / "02-da-mo-xing-de-gong-zuo-yuan.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/// explanation", "/// explanation\n", 1)
                    .replace("id: da-mo-xing-de-gong-zuo-yuan", "id: Bad"), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = start_serve(project, port)
    try:
        body = ""
        for _ in range(120):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/llm/", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "大模型：从理论到实践的应用" in body
    finally:
        out, err = stop_serve(proc)
    assert (out + err).count("docs/llm/02-da-mo-xing-de-gong-zuo-yuan.md:2:1: QA011") == 1, out + err


def test_reading_order_home_chapters_then_other_pages(built_site: Path) -> None:
    def next_of(page: str) -> str:
        html = (built_site / page).read_text(encoding="utf-8")
        return re.search(r'md-footer__link--next"[^>]*aria-label="下一页: ([^"]*)"', html).group(1)

    assert next_of("index.html") == "大模型：从理论到实践的应用"
    assert next_of("llm/index.html") == "什么是大模型？"
    assert next_of("llm/08-da-mo-xing-de-fa-zhan-qu/index.html") == "标签"
