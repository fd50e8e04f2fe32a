"""A reader without JavaScript reaches every chapter and topic through the navigation: each page
links its chapter page, which holds the chapter's topics, and the home page holds every chapter.
For readers with JavaScript the shared scripts add the rest to a topic page (nav/book.js the other
chapters, nav/<n>.js the chapter's other topics): a page's size does not grow with its chapter."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from conftest import built_chapters

CHAPTERS = 3
TOPICS = 4


def topic_title(c: int, t: int) -> str:
    return f"第{c}章的主题{t}"


@pytest.fixture(scope="module")
def book_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A book of three chapters of four one-question topics, built by `qabook build`."""
    return built_chapters(tmp_path_factory.mktemp("navbook"), CHAPTERS, TOPICS, topic_title, lambda c, t: f"问题 {c}-{t}")


class _NavLinks(HTMLParser):
    """The links of the primary navigation as the HTML holds them (what scripts add is absent)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside <nav class="md-nav--primary"> (nested <nav>s counted)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "nav" and (self.depth or "md-nav--primary" in (values.get("class") or "")):
            self.depth += 1
        elif tag == "a" and self.depth and values.get("href") is not None:
            self.links.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def nav_links(site: Path, url: str) -> set[str]:
    """Site-relative URLs of the pages the navigation of the page at `url` links to."""
    parser = _NavLinks()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    out = set()
    for href in parser.links:
        target = urlparse(urljoin("http://site/" + url, href))
        if target.netloc == "site":
            out.add(target.path.lstrip("/"))
    return out


def book_pages() -> set[str]:
    return {f"c{c}/" for c in range(1, CHAPTERS + 1)} | {
        f"c{c}/{t:02d}-t{c}{t}/" for c in range(1, CHAPTERS + 1) for t in range(1, TOPICS + 1)}


def test_without_javascript_the_navigation_reaches_every_chapter_and_topic(book_site: Path) -> None:
    # every topic's navigation links to its chapter page, whose navigation links every topic
    for c in range(1, CHAPTERS + 1):
        chapter = {f"c{c}/{t:02d}-t{c}{t}/" for t in range(1, TOPICS + 1)}
        assert chapter <= nav_links(book_site, f"c{c}/"), c
        for url in chapter:
            assert f"c{c}/" in nav_links(book_site, url), url
    # and following the navigation's links alone from one topic reaches the whole book
    seen, todo = set(), ["c2/02-t22/"]
    while todo:
        url = todo.pop()
        if url in seen or not (book_site / url / "index.html").is_file():
            continue
        seen.add(url)
        todo += sorted(nav_links(book_site, url) - seen)
    assert book_pages() <= seen, sorted(book_pages() - seen)


def test_a_topic_page_does_not_carry_its_chapters_other_topics(book_site: Path) -> None:
    """The chapter's topics are in its shared script, once, not in each of its pages."""
    scripts = book_site / "assets/qabook/nav"
    book = (scripts / "book.js").read_text(encoding="utf-8")
    assert all(f'"c{c}/","第 {c} 章"]' in book for c in range(1, CHAPTERS + 1))
    assert "主题" not in book
    chapter_scripts = sorted(p.name for p in scripts.iterdir() if p.name != "book.js")
    assert len(chapter_scripts) == CHAPTERS
    for c in range(1, CHAPTERS + 1):
        topic = f"c{c}/01-t{c}1/"
        html = (book_site / topic / "index.html").read_text(encoding="utf-8")
        script = re.search(r'<script src="\.\./\.\./assets/qabook/nav/(\d+\.js)"></script>', html)
        assert script, topic
        data = (scripts / script.group(1)).read_text(encoding="utf-8")
        for t in range(1, TOPICS + 1):
            assert f'"c{c}/{t:02d}-t{c}{t}/","{topic_title(c, t)}"]' in data
            assert (topic_title(c, t) in html) == (t == 1), (topic, t)  # its own title only


def _visible_nav_link(page, name: str):  # noqa: ANN001, ANN202 - Playwright's page
    """The navigation's link named `name` (study mode may add a badge after the name)."""
    return page.locator("nav.md-nav--primary a.md-nav__link").filter(has_text=re.compile(rf"^\s*{name}(?!\d)"))


@pytest.mark.browser
def test_a_reader_without_javascript_goes_from_topic_to_topic_and_chapter_to_chapter(
        browser, book_site: Path) -> None:
    from browser import serve

    with serve(book_site) as url:
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url + "c2/02-t22/")
        assert _visible_nav_link(page, topic_title(2, 2)).is_visible()  # the page itself, under its chapter
        assert not _visible_nav_link(page, topic_title(2, 4)).count()  # (the other topics come from the script)
        _visible_nav_link(page, "第 2 章").click()  # its chapter page lists every topic, in order
        assert page.url == url + "c2/"
        for t in range(1, TOPICS + 1):
            assert _visible_nav_link(page, topic_title(2, t)).is_visible(), topic_title(2, t)
        tops = [page.locator("nav.md-nav--primary").get_by_text(topic_title(2, t)).bounding_box()["y"]
                for t in range(1, TOPICS + 1)]
        assert tops == sorted(tops)
        _visible_nav_link(page, topic_title(2, 4)).click()
        assert page.url == url + "c2/04-t24/"
        assert page.locator("h1").inner_text().strip(" ¶\n") == topic_title(2, 4)
        # the other chapters: by the home page, whose navigation lists them all
        assert not _visible_nav_link(page, "第 3 章").count()  # (they come from the script)
        page.locator("nav.md-nav--primary a.md-nav__link").first.click()
        assert page.url == url
        for c in range(1, CHAPTERS + 1):
            assert _visible_nav_link(page, f"第 {c} 章").is_visible()
        _visible_nav_link(page, "第 3 章").click()
        assert page.url == url + "c3/"
        _visible_nav_link(page, topic_title(3, 1)).click()
        assert page.locator("h1").inner_text().strip(" ¶\n") == topic_title(3, 1)
        context.close()

        # with JavaScript, the same page shows the other chapters and the chapter's other topics,
        # each once, in order, and they lead where they say
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url + "c2/02-t22/")
        for c in range(1, CHAPTERS + 1):
            assert _visible_nav_link(page, f"第 {c} 章").count() == 1
            assert _visible_nav_link(page, f"第 {c} 章").is_visible()
        for t in range(1, TOPICS + 1):
            assert _visible_nav_link(page, topic_title(2, t)).count() == 1
            assert _visible_nav_link(page, topic_title(2, t)).is_visible()
        tops = [_visible_nav_link(page, topic_title(2, t)).bounding_box()["y"] for t in range(1, TOPICS + 1)]
        assert tops == sorted(tops)
        _visible_nav_link(page, topic_title(2, 4)).click()
        page.wait_for_url(url + "c2/04-t24/")
        _visible_nav_link(page, "第 1 章").click()
        page.wait_for_url(url + "c1/")
        context.close()


@pytest.mark.parametrize("directory_urls", [True, False], ids=["x/", "x.html"])
def test_the_chapters_links_are_what_materials_url_filter_writes(directory_urls: bool, tmp_path: Path) -> None:
    """The links made once per chapter and folder are, for every page, what the template's
    `url` filter writes, also for a page inside another page's folder (any order of pages)."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Section
    from mkdocs.structure.pages import Page
    from mkdocs.utils import normalize_url

    from qabook.plugin.navigation import chapter_nav

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "use_directory_urls": directory_urls, "docs_dir": str(tmp_path)})

    def page(src: str, title: str) -> Page:
        return Page(title, File(src, str(tmp_path), str(tmp_path / "site"), directory_urls), config)

    pages = [page("c1/index.md", "C1")] + [page(f"c1/t{i}.md", f"T{i}") for i in range(4)] \
        + [page("c1/t0/deep.md", "Deep"), page("c1/t3/deeper/deepest.md", "Deepest")]
    section = Section("C1", pages)
    for order in (pages, pages[::-1]):
        for current in order:
            html = "".join(links for links, child, _ in chapter_nav(section, current))
            written = re.findall(r'href="([^"]*)"', html)
            assert written == [normalize_url(p.url, current) for p in pages[1:] if p is not current], current.url
            assert [child for _, child, _ in chapter_nav(section, current) if child] == ([] if current is pages[0] else [current])
