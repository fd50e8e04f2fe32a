"""qabook at home in a stranger's MkDocs site (issue 14, item 6): only what is Q&A is qabook's.

The project (tests/stranger_site.py) is a Material site with tabs, Material's search with
`search.suggest` and `search.highlight`, its own palette, font and footer, ordinary pages in
several folders, one Q&A folder and one Q&A page beside ordinary pages. It is built with plain
`mkdocs build --strict`, and once more without qabook: what a reader sees on the ordinary pages
must be the same in both.
"""

from __future__ import annotations

import difflib
import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import qabook, start_serve, stop_serve
from stranger_site import CHAPTER_PAGES, MKDOCS_YML, ORDINARY, QA, TOPICS, page_url, stranger_project

pytestmark = pytest.mark.slow

SHOTS = Path("/tmp/qabook-home-shots")


def mkdocs_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True)


def without_qabook(mkdocs_yml: str) -> str:
    return mkdocs_yml.replace("  - qabook\n", "")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The stranger's site with qabook, without it, and with qabook's search instead of Material's."""
    root = tmp_path_factory.mktemp("stranger")
    variants = {"qabook": MKDOCS_YML, "plain": without_qabook(MKDOCS_YML),
                "qabook-search": MKDOCS_YML.replace("  - search\n", "")}
    out = {}
    for name, yml in variants.items():
        project = stranger_project(root / name, yml)
        r = mkdocs_build(project)
        assert r.returncode == 0, f"{name}: {r.stderr[-3000:]}"
        out[name] = project
        out[name + "-log"] = r.stderr  # type: ignore[assignment]
    return out


def article(site: Path, rel: str) -> str:
    html = (site / page_url(rel) / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article[^>]*>(.*?)</article>", html, re.S).group(1)


#: What frames a page: Material's header, tabs, primary navigation (sidebar) and footer.
FRAME = {"header": r'<header class="md-header.*?</header>', "tabs": r'<nav class="md-tabs".*?</nav>',
         "navigation": r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")',
         "footer": r'<footer class="md-footer">.*?</footer>'}


def frame(site: Path, rel: str) -> dict[str, str]:
    """A page's frame as its reader gets it: scripts left out (qabook moves Material's inline
    scripts into files of the same code; the browser test compares what they do), and
    whitespace collapsed (it shows nothing)."""
    html = (site / page_url(rel) / "index.html").read_text(encoding="utf-8")
    out = {}
    for name, pattern in FRAME.items():
        found = re.search(pattern, html, re.S)
        assert found, (rel, name)
        part = re.sub(r"<script\b.*?</script>", "", found.group(0), flags=re.S)
        out[name] = re.sub(r"\s*(<[^>]*>)\s*", r"\1", re.sub(r"\s+", " ", part))
    return out


def test_plain_mkdocs_strict_build_has_no_findings_and_no_pdfs_of_ordinary_pages(sites) -> None:
    """The chapter page lists no topic (MkDocs' navigation does): no QA050 in a site that is not
    the book; the log says which marker would link the PDFs that nothing links."""
    log = sites["qabook-log"]
    assert not re.search(r"\bQA\d{3}\b", log), log  # strict passed; no finding anywhere
    # the whole book's PDF holds only the Q&A chapters: the hint names it and its title
    assert re.search(r"INFO .*no page links the PDFs in pdf/ of the chapters of docs/interview/index\.md "
                     r"and acme-handbook\.pdf \(the site's Q&A chapters in one PDF, titled 'Acme Handbook: "
                     r"questions and answers'\): write <!-- qabook:pdf --> on a chapter page.* on the home page "
                     r"for a table of the chapters with every PDF \(which makes the home page qabook's\)$", log, re.M), log
    assert "qabook's search" not in log  # beside Material's search, qabook's stays out: no warning
    check = qabook("check", cwd=sites["qabook"])
    assert check.returncode == 0 and "0 error(s), 0 warning(s)" in check.stderr, check.stdout + check.stderr
    pdfs = sorted(p.name for p in (sites["qabook"] / "site" / "pdf").glob("*.pdf"))
    assert pdfs == ["acme-handbook-interview.pdf", "acme-handbook.pdf"]
    # opened, the whole PDF says what it holds: the site's questions, not the handbook
    from pypdf import PdfReader

    whole = PdfReader(sites["qabook"] / "site" / "pdf" / "acme-handbook.pdf")
    assert whole.metadata.title == "Acme Handbook: questions and answers"
    cover = " ".join(whole.pages[0].extract_text().split())
    assert cover.startswith("Acme Handbook: questions and answers Chapters: 1 · topics: 2 · questions: 2"), cover
    chapter = PdfReader(sites["qabook"] / "site" / "pdf" / "acme-handbook-interview.pdf")
    assert chapter.metadata.title == "Interview questions"  # a chapter's: the chapter, the site's name above it
    assert (sites["qabook"] / "site" / "interview" / "print" / "index.html").is_file()
    for folder in ("getting-started", "guides", "reference"):
        assert not (sites["qabook"] / "site" / folder / "print").exists()


def test_ordinary_pages_are_what_they_would_be_without_qabook(sites) -> None:
    """The ordinary pages' content, and every page's header, tabs, navigation and footer: the
    section of the Q&A folder keeps MkDocs' title ("Interview"), not its page's H1."""
    for rel in ORDINARY:
        assert article(sites["qabook"] / "site", rel) == article(sites["plain"] / "site", rel), rel
    for rel in [*ORDINARY, *QA]:
        with_qabook, without = frame(sites["qabook"] / "site", rel), frame(sites["plain"] / "site", rel)
        for part in FRAME:
            assert with_qabook[part] == without[part], (rel, part, with_qabook[part])
    assert re.search(r'<a href="interview/" class="md-tabs__link">Interview</a>', frame(sites["qabook"] / "site",
                                                                                       "index.md")["tabs"])


def html_title(site: Path, rel: str) -> str:
    html = (site / page_url(rel) / "index.html").read_text(encoding="utf-8")
    return re.search(r"<title>.*?</title>", html, re.S).group(0)


def test_every_pages_title_is_materials(sites) -> None:
    """<title> byte for byte as plain Material writes it, a front-matter `title:` first (about.md:
    'Who we are & what we keep', not its H1 'About')."""
    for rel in [*ORDINARY, *QA]:
        assert html_title(sites["qabook"] / "site", rel) == html_title(sites["plain"] / "site", rel), rel
    assert html_title(sites["qabook"] / "site", "about.md") == "<title>Who we are & what we keep - Acme Handbook</title>"


def test_materials_search_shows_questions_never_their_answers(sites) -> None:
    """Beside Material's search, its index holds each question but not its answer or explanation
    (a result's preview would give the answer away), nor the question's ¶ copy-link; the
    ordinary pages' entries are those of the site without qabook."""
    def index(name: str) -> list[dict]:
        return json.loads((sites[name] / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]

    docs, plain = index("qabook"), index("plain")
    every = " ".join(d["title"] + " " + d["text"] for d in docs)
    for question, answer, explanation in [
            ("How long does a deploy take?", "About six minutes", "runs the canary"),
            ("What does the GIL protect?", "internal state", "reference counting"),
            ("When does a LEFT JOIN return more rows?", "kept with NULLs", "drops unmatched rows")]:
        assert question in every
        assert answer not in every and explanation not in every, (answer, explanation)
    assert "¶" not in every
    qa_urls = {page_url(rel) for rel in QA}
    ordinary = [d for d in docs if d["location"].split("#")[0] not in qa_urls]
    assert ordinary == [d for d in plain if d["location"].split("#")[0] not in qa_urls]
    # the answer is marked where Material's search reads it; qabook's own search (no Material
    # search) indexes answers itself, its pages unmarked
    marked = '<details class="answer" data-search-exclude>'
    assert marked in article(sites["qabook"] / "site", "guides/faq.md")
    assert '<details class="answer">' in article(sites["qabook-search"] / "site", "guides/faq.md")


def test_a_site_with_its_own_nav_gets_one_finding_a_chapter_with_the_line_to_paste(tmp_path: Path) -> None:
    """A nav in mkdocs.yml that leaves out the Q&A folder: one QA050 for the chapter (not one a
    page), holding the nav line; pasted as it is, the strict build passes. mkdocs.yml is never
    rewritten by qabook."""
    nav = ("nav:\n  - index.md\n  - Getting started: [getting-started/index.md, getting-started/install.md,"
           " getting-started/configure.md]\n  - Guides: [guides/deploy.md, guides/monitoring.md, guides/faq.md]\n"
           "  - reference/api.md\n  - reference/changelog.md\n  - About us: about.md\n")
    project = stranger_project(tmp_path / "p", MKDOCS_YML + nav)
    yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 1
    found = re.findall(r"docs/(\S+): QA050 (.*)", r.stderr)
    assert len(found) == 1, r.stderr
    where, message = found[0]
    assert where == "interview/index.md:1:1", where
    line = re.search(r"add this line under 'nav:' there: (- .*)$", message).group(1)
    assert line == "- Interview questions: [interview/index.md, interview/01-python.md, interview/02-sql.md]"
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == yml
    (project / "mkdocs.yml").write_text(yml + "  " + line + "\n", encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 0 and "QA050" not in r.stderr, r.stderr
    # the page's front-matter title, not its nav title, is its <title>, as in Material
    assert html_title(project / "site", "about.md") == "<title>Who we are & what we keep - Acme Handbook</title>"
    # a nav that lists part of the chapter: the finding names the pages its section lacks
    (project / "mkdocs.yml").write_text(yml + "  - Interview: [interview/index.md]\n", encoding="utf-8")
    r = mkdocs_build(project)
    assert re.findall(r"QA050 (.*)", r.stderr) == [
        "2 page(s) of chapter 'interview' are not in the nav of mkdocs.yml: add them to its section there: "
        "[interview/01-python.md, interview/02-sql.md]"], r.stderr


def test_pages_the_author_keeps_out_of_the_nav_get_no_qa050(tmp_path: Path) -> None:
    """MkDocs' `not_in_nav` names pages left out of the nav on purpose: a Q&A folder or page it
    matches gets no QA050, and a chapter of which it matches one page is asked only for the others.
    Plain `mkdocs build --strict`, as the author runs it."""
    nav = ("nav:\n  - index.md\n  - Getting started: [getting-started/index.md, getting-started/install.md,"
           " getting-started/configure.md]\n  - Guides: [guides/deploy.md, guides/monitoring.md]\n"
           "  - reference/api.md\n  - reference/changelog.md\n  - About us: about.md\n")
    project = stranger_project(tmp_path / "p", MKDOCS_YML + nav + "not_in_nav: |\n  /interview/\n  guides/faq.md\n")
    r = mkdocs_build(project)
    assert r.returncode == 0 and "QA050" not in r.stderr, r.stderr
    (project / "mkdocs.yml").write_text(MKDOCS_YML + nav + "not_in_nav: |\n  *-sql.md\n  faq.md\n", encoding="utf-8")
    r = mkdocs_build(project)
    assert re.findall(r"docs/(\S+): QA050 (.*)", r.stderr) == [(
        "interview/index.md:1:1", "the 2 page(s) of chapter 'interview' are not in the nav of mkdocs.yml: add this "
        "line under 'nav:' there: - Interview questions: [interview/index.md, interview/01-python.md]")], r.stderr


def test_ordinary_pages_linked_from_the_repository_root_are_the_sites_own(tmp_path: Path) -> None:
    """Sites often publish their README or CONTRIBUTING through a symbolic link in docs/ to the
    repository's root (MkDocs follows it): in a site that is not only a book those are the site's
    own ordinary pages: no QA003, and a nav listing them is not told they do not exist. Plain
    `mkdocs build --strict`, as the author runs it; the linked page is published."""
    project = stranger_project(tmp_path / "p")
    (project / "CONTRIBUTING.md").write_text("# Contributing\n\nOpen a pull request.\n", encoding="utf-8")
    (project / "docs" / "contributing.md").symlink_to("../CONTRIBUTING.md")
    nav = ("nav:\n  - index.md\n  - Getting started: [getting-started/index.md, getting-started/install.md,"
           " getting-started/configure.md]\n  - Guides: [guides/deploy.md, guides/monitoring.md, guides/faq.md]\n"
           "  - reference/api.md\n  - reference/changelog.md\n  - About us: about.md\n  - contributing.md\n"
           "  - Interview questions: [interview/index.md, interview/01-python.md, interview/02-sql.md]\n")
    (project / "mkdocs.yml").write_text(MKDOCS_YML + nav, encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 0 and "QA003" not in r.stderr and "QA050" not in r.stderr, r.stderr
    assert "Open a pull request." in (project / "site" / "contributing" / "index.html").read_text(encoding="utf-8")


def test_import_into_a_site_with_a_nav_prints_the_line_to_paste(tmp_path: Path) -> None:
    """`qabook import` into a project whose mkdocs.yml has a nav prints the new chapter's nav
    line (mkdocs.yml untouched); pasted, the site builds with --strict."""
    nav = ("nav:\n  - index.md\n  - guides/faq.md\n  - Interview: [interview/index.md, interview/01-python.md,"
           " interview/02-sql.md]\n")  # the ordinary pages left out: MkDocs' INFO, no finding of qabook's
    project = stranger_project(tmp_path / "p", MKDOCS_YML + nav)
    source = tmp_path / "dns.md"
    source.write_text("# DNS self-check\n\n" + "".join(
        f"## Q{i}. What is record type {kind}?\n\n**Answer:** It maps a name to {what}.\n\n"
        f"**Explanation:** {kind} records are looked up by resolvers.\n\n"
        for i, (kind, what) in enumerate([("A", "an IPv4 address"), ("AAAA", "an IPv6 address"),
                                          ("CNAME", "another name")], 1)), encoding="utf-8")
    yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    r = qabook("import", str(source), "--chapter", "dns-self-check", cwd=project)
    assert r.returncode == 0, r.stderr
    line = re.search(r"import: mkdocs\.yml has a nav: add this line under 'nav:' there \(qabook does not edit it\): "
                     r"(- .*)", r.stderr).group(1)
    assert line.startswith("- DNS self-check: [dns-self-check/index.md, dns-self-check/01-"), line
    assert line.count(".md") == 4, line
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == yml
    (project / "mkdocs.yml").write_text(yml + "  " + line + "\n", encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 0 and "QA050" not in r.stderr, r.stderr


def test_a_finding_on_a_qa_page_is_reported_and_fails_strict(tmp_path: Path) -> None:
    """The Q&A pages stay checked, the one beside ordinary pages too."""
    project = stranger_project(tmp_path / "p")
    faq = project / "docs" / "guides" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("id: deploy-faq\n", ""), encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 1
    assert re.findall(r"docs/\S+: QA\d{3}", r.stderr) == ["docs/guides/faq.md:1:1: QA011"]
    # a build --strict will throw away spends no time on PDFs
    assert "no PDFs and no exports: this --strict build logged 1 warning(s) or error(s)" in r.stderr, r.stderr
    assert "pdf 1/" not in r.stderr and not list((project / "site").glob("pdf/*"))


def test_a_chapter_page_asks_for_its_list_of_topics(tmp_path: Path) -> None:
    """`<!-- qabook:topics -->`: the chapter page lists its topics (linked, with their question
    counts), in the site and in the chapter's print page."""
    yml = "site_url: https://handbook.acme.example/\n" + MKDOCS_YML  # the sitemap names pages by it
    project = stranger_project(tmp_path / "p", yml.replace("  - qabook\n", "  - qabook:\n      pdf: false\n"))
    index = project / "docs" / "interview" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n<!-- qabook:pdf -->\n\n<!-- qabook:topics -->\n",
                     encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 0, r.stderr
    html = article(project / "site", "interview/index.md")
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="qa-count" data-search-exclude(?:="")?>· (\d+ question)</span></li>', html) == [
        ("01-python/", "What is the GIL?", "1 question"), ("02-sql/", "INNER versus LEFT JOIN", "1 question")]
    for href in ("01-python/", "02-sql/"):
        assert (project / "site" / "interview" / href / "index.html").is_file()
    printed = (project / "site" / "interview" / "print" / "index.html").read_text(encoding="utf-8")
    intro = re.search(r'<section class="qa-print-intro">(.*?)</section>', printed, re.S).group(1)
    assert re.search(r"What is the GIL\?</a> <span[^>]*>· 1 question", intro) and "INNER versus LEFT JOIN</a>" in intro
    from qabook.book import load_book
    from qabook.config import find_project
    from qabook.pdf import plan_jobs

    found = find_project(project / "mkdocs.yml")
    (job,) = [j for j in plan_jobs(found, load_book(found), tmp_path / "pdf", None, False) if j.name == "interview"]
    assert re.search(r'<a href="#python-gil">What is the GIL\?</a>', job.html)  # the PDF's links lead inside it
    # Material's search finds the topics on their own pages, never in the generated list or its
    # counts; the sitemap lists the reader's pages, not the generated print, review and quiz pages
    import json

    docs = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for doc in docs:
        assert "1 question" not in doc["text"], doc
        if doc["location"].startswith("interview/") and not doc["location"].startswith("interview/0"):
            assert "What is the GIL" not in doc["text"] + doc["title"], doc
    assert any("What is the GIL" in d["title"] for d in docs)
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert any(loc.endswith("interview/01-python/") for loc in locs), locs
    assert not [loc for loc in locs if re.search(r"/(print|review|quiz)/$", loc)], locs


def _serve(site: Path):
    from browser import serve

    return serve(site)


def _visit(page, url: str, errors: list[str]) -> None:
    errors.clear()
    page.goto(url, wait_until="networkidle")


def _reader(browser, viewport: dict[str, int], **extra):
    context = browser.new_context(viewport=viewport, **extra)
    # the stranger's web font (Lato) comes from Google: answered here with an empty stylesheet
    context.route(re.compile(r"^https://fonts\.(googleapis|gstatic)\.com/"),
                  lambda route: route.fulfill(status=200, content_type="text/css", body=""))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return context, page, errors


STUDY_CONTROLS = ".qa-reveal, .qa-toolbar, .qa-progress, .qa-grades, .qa-study-bar"


@pytest.mark.browser
@pytest.mark.parametrize("variant", ["qabook", "qabook-search"])
def test_a_reader_in_the_strangers_site(sites, browser, variant: str) -> None:
    """Every page: no console error, no failed request, the site's footer and font as without
    qabook; study controls on every Q&A page and nowhere else; an answer revealed by a click."""
    looks = {}
    with _serve(sites["plain"] / "site") as url:
        context, page, errors = _reader(browser, {"width": 1280, "height": 800})
        for rel in ORDINARY:
            page.goto(url + page_url(rel), wait_until="networkidle")
            looks[rel] = (page.locator(".md-footer-meta").inner_text(),
                          page.evaluate("getComputedStyle(document.body).fontFamily"),
                          page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor"))
        context.close()
    with _serve(sites[variant] / "site") as url:
        context, page, errors = _reader(browser, {"width": 1280, "height": 800})
        for rel in [*ORDINARY, *QA]:
            page.goto(url + page_url(rel) + ("?h=deploy" if rel == "guides/deploy.md" else ""),
                      wait_until="networkidle")
            look = (page.locator(".md-footer-meta").inner_text(),
                    page.evaluate("getComputedStyle(document.body).fontFamily"),
                    page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor"))
            assert look == looks["about.md"], f"{rel}: {look}"
            controls = page.locator(STUDY_CONTROLS)
            if rel in TOPICS:
                assert page.locator(".qa-reveal").first.is_visible(), rel
            elif rel in CHAPTER_PAGES:
                assert page.locator(".qa-progress").first.is_visible(), rel
            else:
                assert controls.count() == 0, rel
                assert page.locator(".qa-badge, .qa-findings, .qa-progress-slot").count() == 0, rel
        assert errors == []
        page.goto(url + page_url("guides/faq.md"), wait_until="networkidle")
        answer = page.get_by_text("About six minutes from merge to traffic.")
        assert not answer.is_visible()
        page.locator(".qa-reveal").first.click()
        assert answer.is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{variant}__faq-desktop.png"), full_page=True)
        # search: Material's (suggest, highlight) beside qabook, or qabook's alone — both find
        # an ordinary page and the Q&A page
        page.goto(url + page_url("about.md"), wait_until="networkidle")
        page.locator("label.md-header__button[for='__search']").click() \
            if not page.locator(".md-search__input").is_visible() else None
        page.locator(".md-search__input").click()
        page.keyboard.type("deploy")
        results = page.locator(".md-search-result__item, .md-search-result__list > li")
        results.first.wait_for()
        text = page.locator(".md-search-result").inner_text()
        assert "Deployment FAQ" in text and "Deploy a service" in text, text
        page.screenshot(path=str(SHOTS / f"{variant}__search-desktop.png"))
        assert errors == []
        context.close()
        # a phone: the Q&A page beside ordinary pages, tapped
        context, page, errors = _reader(browser, {"width": 390, "height": 844}, has_touch=True, is_mobile=True)
        page.goto(url + page_url("guides/faq.md"), wait_until="networkidle")
        page.locator(".qa-reveal").first.tap()
        assert page.get_by_text("About six minutes from merge to traffic.").is_visible()
        page.screenshot(path=str(SHOTS / f"{variant}__faq-phone.png"), full_page=True)
        # the breadcrumbs (navigation.path) are the site's navigation: no study badge in them,
        # nothing cut off at the screen's edge (a chapter's "Mastered 0/2" was, at 390 px)
        for rel in ("interview/index.md", "interview/01-python.md"):
            page.goto(url + page_url(rel), wait_until="networkidle")
            path = page.locator(".md-path")
            assert path.is_visible() and "Interview" in path.inner_text(), rel
            assert path.locator(".qa-badge").count() == 0, rel
            assert path.evaluate("p => p.scrollWidth <= p.clientWidth"), rel
        page.goto(url + page_url("guides/deploy.md"), wait_until="networkidle")
        assert page.locator(STUDY_CONTROLS).count() == 0
        page.screenshot(path=str(SHOTS / f"{variant}__deploy-phone.png"), full_page=True)
        assert errors == []
        context.close()


#: Records what a page's scripts write: storage, IndexedDB, cookies, Cache Storage, service workers.
RECORD_WRITES = """
(() => {
  const log = [];
  Object.defineProperty(window, "__writes", {value: log});
  for (const m of ["setItem", "removeItem", "clear"]) {
    const real = Storage.prototype[m];
    Storage.prototype[m] = function (...a) {
      log.push((this === window.localStorage ? "localStorage." : "sessionStorage.") + m + " " + (a[0] ?? ""));
      return real.apply(this, a);
    };
  }
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...a) { log.push("indexedDB.open " + a[0]); return open.apply(this, a); };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(document, "cookie", {get() { return cookie.get.call(document); },
    set(v) { log.push("cookie " + String(v).split("=")[0]); cookie.set.call(document, v); }});
  if (window.caches) {
    const cacheOpen = caches.open.bind(caches);
    caches.open = (name) => { log.push("caches.open " + name); return cacheOpen(name); };
  }
  if (navigator.serviceWorker) {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...a) => { log.push("serviceWorker.register " + a[0]); return register(...a); };
  }
})();
"""

#: The page's DOM as it stands, without the script and stylesheet elements themselves.
DOM = """() => {
  const copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll("script, link[rel=stylesheet]").forEach((e) => e.remove());
  return copy.outerHTML.replace(/\\s+/g, " ").replace(/> </g, "><");
}"""


def _ordinary_page_as_read(browser, url: str, rel: str) -> tuple[str, list[str], set[str]]:
    """An ordinary page loaded, then the keys study mode answers on a topic page pressed (j, k,
    ?, 1, space): its DOM, what its scripts wrote, the paths it requested."""
    context, page, errors = _reader(browser, {"width": 1280, "height": 800})
    context.add_init_script(RECORD_WRITES)
    requested: set[str] = set()
    page.on("request", lambda r: requested.add(urllib.parse.urlsplit(r.url).path)
            if r.url.startswith(url) else None)
    page.goto(url + page_url(rel), wait_until="networkidle")
    page.locator("article").click(position={"x": 5, "y": 5})
    for key in ("j", "k", "?", "1", " "):
        page.keyboard.press(key)
    page.wait_for_load_state("networkidle")
    dom, writes = page.evaluate(DOM), page.evaluate("window.__writes")
    context.close()
    assert errors == [], errors
    return dom, writes, requested


def _changed_lines(before: str, after: str) -> list[str]:
    """The lines of a DOM (one element a line) that differ, as a diff shows them."""
    a, b = before.replace("><", ">\n<").splitlines(), after.replace("><", ">\n<").splitlines()
    return [line for line in difflib.unified_diff(a, b, lineterm="", n=0) if line[:1] in "+-"][:20]


@pytest.mark.browser
def test_qabooks_files_are_inert_on_an_ordinary_page(sites, browser) -> None:
    """Material links `extra_css` / `extra_javascript` on every page, so an ordinary page loads
    qabook's stylesheets and scripts too: they must do nothing there — the same DOM after load
    and after a reader's keys, the same storage writes, and no request but the files linked."""
    pages = ["index.md", "about.md", "guides/deploy.md", "getting-started/install.md"]
    with _serve(sites["plain"] / "site") as url:
        plain = {rel: _ordinary_page_as_read(browser, url, rel) for rel in pages}
    with _serve(sites["qabook"] / "site") as url:
        for rel in pages:
            dom, writes, requested = _ordinary_page_as_read(browser, url, rel)
            assert dom == plain[rel][0], (rel, _changed_lines(plain[rel][0], dom))
            assert writes == plain[rel][1], rel
            html = (sites["qabook"] / "site" / page_url(rel) / "index.html").read_text(encoding="utf-8")
            here = "/" + page_url(rel)
            linked = {urllib.parse.urljoin(here, href) for href in
                      re.findall(r'(?:src|href)="([^"]*assets/qabook/[^"]*)"', html)}
            assert linked and requested - plain[rel][2] <= linked, (rel, sorted(requested - plain[rel][2] - linked))


def test_live_preview_findings_box_only_on_the_page_with_findings_and_not_searched(tmp_path: Path) -> None:
    """`qabook serve`: the findings panel of the Q&A page with an error of its own (what its
    event stream tells it first) holds that error, no other page's does, no page's text holds
    a box and Material's search index never holds it; each finding printed once."""
    project = stranger_project(tmp_path / "p")
    faq = project / "docs" / "interview" / "02-sql.md"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text[: text.index("/// answer")], encoding="utf-8")  # a question with no answer
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = start_serve(project, port)
    base = f"http://127.0.0.1:{port}/"

    def get(path: str) -> str:
        return urllib.request.urlopen(base + path, timeout=5).read().decode()

    try:
        for _ in range(240):
            try:
                get("")
                break
            except OSError:
                time.sleep(0.5)
        def panel(rel: str) -> str:  # what the page hears first on its event stream: its findings panel
            query = urllib.parse.quote("/" + page_url(rel))
            with urllib.request.urlopen(f"{base}.qabook/events?page={query}", timeout=30) as stream:
                for line in stream:
                    if line.startswith(b"data: "):
                        return json.dumps(json.loads(line[6:])["findings"], ensure_ascii=False)
            return ""

        assert "docs/interview/02-sql.md:7:1: QA031" in panel("interview/02-sql.md")
        for rel in [*ORDINARY, "interview/01-python.md", "guides/faq.md", "interview/index.md"]:
            assert "QA031" not in panel(rel), rel
        for rel in ["interview/02-sql.md", *ORDINARY]:
            assert "qa-findings" not in get(page_url(rel)), rel  # nothing in the page's text
        assert "qabook check" not in get("search/search_index.json")
    finally:
        out, err = stop_serve(proc)
    assert (out + err).count("docs/interview/02-sql.md:7:1: QA031") == 1, out + err


# -- small doors (issue 14, item 7) ------------------------------------------------------------

ENGLISH_QA = Path(__file__).parent / "fixtures" / "import" / "english-no-explanations.md"


def test_new_empty_then_import_leaves_no_example_and_its_build_script_finds_its_qabook(tmp_path: Path) -> None:
    import os

    assert qabook("new", "book", "--language", "en", "--empty", cwd=tmp_path).returncode == 0
    book = tmp_path / "book"
    assert qabook("import", str(ENGLISH_QA), "--chapter", "k8s", cwd=book).returncode == 0
    assert sorted(p.name for p in (book / "docs").iterdir()) == ["index.md", "k8s"]
    env = {k: v for k, v in os.environ.items() if k != "QABOOK"} | {"PATH": "/usr/bin:/bin"}  # no qabook on PATH
    r = subprocess.run(["./scripts/build", "--no-pdf"], cwd=book, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert len(list((book / "site" / "k8s").glob("0*/index.html"))) == 4  # the imported topics
    # the qabook it was made with gone, none on PATH: it says how to get one (not from PyPI)
    r = subprocess.run(["./scripts/build", "--no-pdf"], cwd=book, capture_output=True, text=True,
                       env=env | {"QABOOK": str(tmp_path / "gone" / "qabook")})
    assert r.returncode == 2 and "pip install /path/to/qabook; it is not on PyPI" in r.stderr, r.stderr


def test_a_book_declares_explanations_optional_once(tmp_path: Path) -> None:
    """One option, read from the vocabulary: no QI005 at import, no QA032 at check and build;
    and the import's messages are in the document's language (no '(解析)' in an English one)."""
    qabook("new", "book", "--language", "en", "--empty", cwd=tmp_path)
    book = tmp_path / "book"
    r = qabook("import", str(ENGLISH_QA), "--chapter", "k8s", cwd=book)
    assert "QI005" in r.stdout + r.stderr and "解析" not in r.stdout + r.stderr
    check = qabook("check", cwd=book).stdout
    assert "QA032" in check
    # each message says what would be right, the option included, spelt as mkdocs.yml takes it:
    # the author does what the check's message says, word for word
    # (said once: the first QA032 line says it, the others point to it — `diagnostics.said_once`)
    qa032 = [line for line in check.splitlines() if "QA032" in line]
    told = [re.search(r"in mkdocs.yml under '(- qabook:)': '(optional: \[explanation\])'", m)
            for m in [r.stdout + r.stderr, qa032[0]]]
    assert all(told), (r.stdout + r.stderr, check)
    first = re.match(r"(.+?):(\d+):", qa032[0])
    assert len(qa032) > 1 and all(f"(what to do: as at {first[1]}:{first[2]})" in line for line in qa032[1:]), check
    yml = book / "mkdocs.yml"
    under, option = told[-1].groups()
    lines = yml.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(under))
    lines.insert(at + 1, " " * (lines[at].index("-") + 4) + option)
    yml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = qabook("import", str(ENGLISH_QA), "--chapter", "k8s", "--force", cwd=book)
    assert "QI005" not in r.stdout + r.stderr
    assert "QA032" not in qabook("check", cwd=book).stdout
    built = mkdocs_build(book)
    assert built.returncode == 0 and "QA032" not in built.stderr, built.stderr


def test_a_topic_with_every_fence_broken_keeps_its_chapter_and_is_reported(tmp_path: Path) -> None:
    """`chapters: auto` must not let one broken page take its whole folder out of the check."""
    docs = tmp_path / "docs"
    (docs / "ch").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "ch" / "index.md").write_text("# Chapter\n\n- [a](a.md)\n- [b](b.md)\n- [c](c.md)\n", encoding="utf-8")
    good = "---\nid: {id}\n---\n\n# {id}\n\n/// question\nWhat?\n///\n\n/// answer\nThat.\n///\n"
    (docs / "ch" / "a.md").write_text(good.format(id="a"), encoding="utf-8")
    (docs / "ch" / "b.md").write_text(good.format(id="b"), encoding="utf-8")
    (docs / "ch" / "c.md").write_text(good.format(id="c").replace("/// ", "// "), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: material\nplugins:\n  - qabook\n",
                                         encoding="utf-8")
    r = qabook("check", cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "docs/ch/c.md" in r.stdout, r.stdout


def test_no_service_worker_or_manifest_in_a_strangers_site_unless_asked(sites) -> None:
    """A service worker would control the stranger's whole site: only `offline: true` (or a book
    whose site is the book, `home: true`) gets one."""
    site = sites["qabook"] / "site"
    assert not (site / "sw.js").exists() and not (site / "manifest.webmanifest").exists()
    assert "manifest.webmanifest" not in (site / "index.html").read_text(encoding="utf-8")


SPINNING = """\
---
id: spinning
---

# Spinning widgets

/// question
Why does my widget spin backwards after a firmware update?

{filler}
///

/// answer
The rotation sign flipped in firmware 2.0; set `widget.direction = cw`.
///

/// explanation
Firmware 2.0 follows the ISO convention for rotation.
///

/// question
How fast can a widget spin?
///

/// answer
Up to 40 revolutions per second.
///

/// explanation
Above that the bearings overheat.
///
""".format(filler="\n\n".join(f"Line {i} of the log the widget printed while it spun backwards." for i in range(30)))

#: Is the element on screen, as a reader would see it: the point at its centre hits it.
ON_SCREEN = """(el) => { const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height, 40) / 2);
  return r.top >= 0 && r.top < innerHeight && !!hit && el.contains(hit); }"""


@pytest.mark.browser
@pytest.mark.parametrize("study", [True, False])
def test_materials_highlighted_result_lands_on_the_question_holding_the_mark(tmp_path: Path, browser, study) -> None:
    """Material's search (search.highlight) opens page/?h=word: the question holding the first
    mark is scrolled into view and marked. Material's index holds questions, not their answers
    or explanations (a word only the explanation holds finds nothing); a highlighted link to such
    a word (search.share, a link someone sent) lands on its question: in study mode its
    explanation stays closed (the learner reveals), otherwise the explanation holding the mark
    is opened."""
    yml = MKDOCS_YML
    if not study:
        yml = yml.replace("  - qabook\n", "  - qabook:\n      study: false\n")
    project = stranger_project(tmp_path / "site", yml)
    (project / "docs/guides/spinning.md").write_text(SPINNING, encoding="utf-8")
    r = mkdocs_build(project)
    assert r.returncode == 0, r.stderr[-3000:]
    with _serve(project / "site") as url:
        context, page, errors = _reader(browser, {"width": 1280, "height": 800})
        page.goto(url + page_url("about.md"), wait_until="networkidle")
        page.locator(".md-search__input").click()
        page.keyboard.type("overheat")
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent"
                               ".includes('No matching documents')")
        assert page.locator(".md-search-result__item").count() == 0  # only the explanation says it
        page.locator(".md-search__input").fill("")
        page.keyboard.type("fast")
        result = page.locator(".md-search-result__item a").first
        result.wait_for()
        result.click()
        page.wait_for_url(re.compile(r"/guides/spinning/\?h=fast"))
        question = page.locator("#q2")
        page.wait_for_function(f"({ON_SCREEN})(document.getElementById('q2'))", timeout=10000)
        assert "qa-landed" in (question.get_attribute("class") or "")
        page.goto(url + page_url("guides/spinning.md") + "?h=overheat", wait_until="networkidle")
        page.wait_for_function(f"({ON_SCREEN})(document.getElementById('q2'))", timeout=10000)
        assert question.evaluate(ON_SCREEN)
        assert "qa-landed" in (question.get_attribute("class") or "")
        explanation = page.locator("#q2 ~ details.explanation").first
        assert explanation.evaluate("d => d.open") is (not study)
        if not study:
            assert page.locator("mark[data-md-highlight]").first.is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"highlight-landing-study-{study}.png"))
        assert errors == []
        context.close()


def test_one_qa_page_and_no_chapter_gets_no_empty_downloads(tmp_path: Path) -> None:
    """A site with one Q&A page beside its ordinary pages and no Q&A folder (trial 7): its topic
    is of no chapter, so there is nothing to put in a PDF or an export. The build writes no
    empty PDF, deck or JSON, and its log says once why, naming the topic."""
    project = stranger_project(tmp_path / "p")
    for rel in ("interview/index.md", "interview/01-python.md", "interview/02-sql.md"):
        (project / "docs" / rel).unlink()
    (project / "docs" / "interview").rmdir()
    r = mkdocs_build(project)
    assert r.returncode == 0, r.stderr
    assert not re.search(r"\bQA\d{3}\b", r.stderr), r.stderr
    site = project / "site"
    assert not (site / "pdf").exists(), sorted(p.name for p in (site / "pdf").iterdir())
    assert (site / "guides" / "faq" / "index.html").is_file()  # the topic itself is built (and studied)
    lines = [line for line in r.stderr.splitlines() if "no PDFs and no exports" in line]
    assert len(lines) == 1 and lines[0].startswith("INFO"), r.stderr
    assert "docs/guides/faq.md" in lines[0], lines[0]
    assert "no page links the PDFs" not in r.stderr, r.stderr
