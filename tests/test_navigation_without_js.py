"""A reader without JavaScript reaches every chapter and topic through the navigation: each page
holds its chapter's topics, the home page every chapter; the shared script (nav/book.js) only
adds the other chapters to a page for readers with JavaScript."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from conftest import qabook

CHAPTERS = 3
TOPICS = 4


def topic_title(c: int, t: int) -> str:
    return f"第{c}章的主题{t}"


@pytest.fixture(scope="module")
def book_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A book of three chapters of four one-question topics, built by `qabook build`."""
    root = tmp_path_factory.mktemp("navbook")
    made = qabook("new", str(root / "book"), "--empty", cwd=root)
    assert made.returncode == 0, made.stderr
    project = root / "book"
    docs = project / "docs"
    for c in range(1, CHAPTERS + 1):
        folder = docs / f"c{c}"
        folder.mkdir(parents=True)
        links = []
        for t in range(1, TOPICS + 1):
            name = f"{t:02d}-t{c}{t}.md"
            links.append(f"- [{topic_title(c, t)}]({name})")
            (folder / name).write_text(
                f"---\nid: t{c}-{t}\n---\n\n# {topic_title(c, t)}\n\n/// question\n问题 {c}-{t}？\n///\n\n"
                f"/// answer\n答案 {c}-{t}。\n///\n", encoding="utf-8")
        (folder / "index.md").write_text(f"# 第 {c} 章\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    built = qabook("build", "--no-pdf", cwd=project)
    assert built.returncode == 0, built.stderr + built.stdout
    return project / "site"


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
    # every topic's navigation links to every other topic of its chapter, itself
    for c in range(1, CHAPTERS + 1):
        chapter = {f"c{c}/{t:02d}-t{c}{t}/" for t in range(1, TOPICS + 1)}
        for url in chapter:
            assert chapter <= nav_links(book_site, url), url
    # and following the navigation's links alone from one topic reaches the whole book
    seen, todo = set(), ["c2/02-t22/"]
    while todo:
        url = todo.pop()
        if url in seen or not (book_site / url / "index.html").is_file():
            continue
        seen.add(url)
        todo += sorted(nav_links(book_site, url) - seen)
    assert book_pages() <= seen, sorted(book_pages() - seen)


def test_the_shared_script_adds_only_the_other_chapters(book_site: Path) -> None:
    script = (book_site / "assets/qabook/nav/book.js").read_text(encoding="utf-8")
    assert all(f'"c{c}/","第 {c} 章"]' in script for c in range(1, CHAPTERS + 1))
    assert "主题" not in script  # the topics are in the pages themselves
    assert sorted(p.name for p in (book_site / "assets/qabook/nav").iterdir()) == ["book.js"]


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
        for t in range(1, TOPICS + 1):  # the chapter's topics are on screen, in order
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

        # with JavaScript, the same page shows the other chapters too, each once
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url + "c2/02-t22/")
        for c in range(1, CHAPTERS + 1):
            assert _visible_nav_link(page, f"第 {c} 章").count() == 1
            assert _visible_nav_link(page, f"第 {c} 章").is_visible()
        for t in range(1, TOPICS + 1):
            assert _visible_nav_link(page, topic_title(2, t)).count() == 1
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
