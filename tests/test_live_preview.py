"""`qabook serve`: a save shows in the open page by itself — no manual reload, the reader's place
and open answers kept, the page's findings shown at once — and a save renders only what it
changed (the page, its chapter page), the rest following in the background. No timing is
asserted: the tests wait, with generous limits, for what a person would see."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, filled_print_page, start_serve, stop_serve

sys.path.insert(0, str(ROOT / "benchmarks"))
from genbook import generate  # noqa: E402

pytestmark = pytest.mark.slow


def _book(dest: Path, questions: int = 12, per_page: int = 1) -> Path:
    """Two chapters of six topic pages (c000, c001) with this project's theme."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    generate(dest / "docs", questions, per_page, per_chapter=6)
    shutil.copy2(ROOT / "docs" / "tags.md", dest / "docs" / "tags.md")
    return dest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _on_screen(locator) -> bool:
    """Visible and what a click at its centre hits."""
    if not locator.is_visible():
        return False
    return bool(locator.evaluate("""el => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && (hit === el || el.contains(hit)); }"""))


def _resting_scroll(page) -> float:
    """window.scrollY once it has stayed the same over ten animation frames (a wheel's smooth
    scroll has ended)."""
    return page.evaluate("""() => new Promise(done => {
        let last = window.scrollY, still = 0;
        const tick = () => { const y = window.scrollY; still = y === last ? still + 1 : 0; last = y;
                             if (still >= 10) done(y); else requestAnimationFrame(tick); };
        requestAnimationFrame(tick); })""")


@pytest.fixture
def served(tmp_path: Path):
    """`qabook serve` on a book whose pages hold several questions (long enough to scroll)."""
    project = _book(tmp_path / "book", questions=24, per_page=4)
    port = _free_port()
    proc = start_serve(project, port)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "c000/002-t000-001/", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.communicate()[1][-3000:])
                time.sleep(0.5)
        yield project, url
    finally:
        out, err = stop_serve(proc)
        assert "Traceback" not in out + err, err[-3000:]


@pytest.mark.browser
def test_a_save_shows_in_the_open_page_by_itself_where_the_reader_was(browser, served) -> None:
    project, url = served
    target = project / "docs" / "c000" / "002-t000-001.md"
    original = target.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 500})
    page.goto(url + "c000/002-t000-001/")
    page.wait_for_selector("html[data-qa-live-ready]")  # listening for saves
    # the reader opens the third question's answer and reads on below it
    third = page.locator("#q3 ~ details.answer").first
    third.locator("summary").click()
    assert third.evaluate("d => d.open")
    before = page.evaluate("window.scrollY")  # the click may have scrolled the summary into view
    page.mouse.wheel(0, 600)
    # the wheel lands when the browser gets to it (later on a busy machine): wait for the page
    # to move by it and then to stand still, so `scrolled` is where the reader rests
    page.wait_for_function(f"window.scrollY >= {before} + 300")
    scrolled = _resting_scroll(page)
    links = page.locator(".md-sidebar--primary a.md-nav__link").count()
    badges = page.locator(".md-sidebar--primary .qa-badge").count()  # study mode's, on each topic link
    assert badges > 1
    page.evaluate("window.__sameDocument = true")  # gone if the page were loaded again
    asked: list[str] = []  # what the page asks the server for from now on
    page.on("request", lambda request: asked.append(request.url))
    # the author saves: the fourth question gets a new sentence
    fourth = re.findall(r"标记词\d{5}", original)[3]  # the fourth question's own word
    target.write_text(original.replace(fourth, "刚刚保存的" + fourth, 1), encoding="utf-8")
    edited = page.locator("#q4 p", has_text="刚刚保存的" + fourth)
    edited.wait_for(timeout=60_000)
    assert page.evaluate("window.__sameDocument === true")  # swapped in place, no reload
    assert url + "c000/002-t000-001/" not in asked, asked  # its new HTML came with the event: no request
    assert abs(page.evaluate("window.scrollY") - scrolled) < 5  # where the reader was
    assert page.locator("#q3 ~ details.answer").first.evaluate("d => d.open")  # still open
    assert page.locator(".md-sidebar--primary a.md-nav__link").count() == links  # the whole navigation
    assert page.locator(".md-sidebar--primary .qa-badge").count() == badges  # with its badges
    edited.scroll_into_view_if_needed()
    assert _on_screen(edited)
    # a save that breaks the page: its findings appear at once, wherever the reader is
    page.wait_for_selector('html[data-qa-live-heard~="c000/"]', state="attached", timeout=60_000)  # save 1 done
    page.evaluate("document.documentElement.setAttribute('data-qa-live-heard', '')")
    target.write_text(original.replace("/// answer", "/// answr", 1), encoding="utf-8")
    panel = page.locator("#qa-live-findings")
    panel.wait_for(timeout=60_000)
    assert _on_screen(panel)
    assert "QA022" in panel.inner_text() and "answr" in panel.inner_text()
    # the chapter page follows in a message of its own: it leaves the saved page's findings shown
    page.wait_for_selector('html[data-qa-live-heard~="c000/"]', state="attached", timeout=60_000)
    assert _on_screen(panel)
    page.screenshot(path=str(project / "live-findings.png"))
    # mended: the panel goes
    target.write_text(original, encoding="utf-8")
    panel.wait_for(state="detached", timeout=60_000)
    page.close()


def test_a_save_renders_its_page_and_chapter_page_and_the_rest_follows(tmp_path: Path) -> None:
    """In process: what a save writes at once (the page, its chapter page), what follows (the
    search index, the print page), and that a new page builds everything again."""
    script = r"""
import json, os, sys, time
from pathlib import Path
from qabook.config import find_project
from qabook.live.session import Session
project = find_project()
site = Path(sys.argv[1])
session = Session(project, "127.0.0.1:1", site, jobs=2)
session.build_all()
stamps = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}
time.sleep(0.05)
page = project.docs_dir / "c000" / "002-t000-001.md"
page.write_text(page.read_text(encoding="utf-8").replace("/// question\n", "/// question\n刚刚保存的改动\n", 1),
                encoding="utf-8")
pushed = []
def push(first):  # what the open pages hear first, and what was written by then
    pushed.append({"urls": first.urls, "html": {u: open(f, encoding="utf-8").read() for u, f in first.written.items()},
                   "written": sorted(k for k, v in stamps.items() if (site / k).stat().st_mtime_ns != v)})
update = session.apply({page}, push)
rewritten = sorted(k for k, v in stamps.items() if (site / k).stat().st_mtime_ns != v)
session.write_outputs({"c000/002-t000-001.md"})
session.wait_for_outputs()
(project.docs_dir / "c001" / "new.md").write_text("---\nid: new\n---\n# 新\n\n/// question\n新题\n///\n", encoding="utf-8")
full = session.apply({project.docs_dir / "c001" / "new.md"})
print(json.dumps({"urls": update.urls, "full": update.full, "rewritten": rewritten, "then_full": full.full,
                  "pushed": pushed}))
"""
    project = _book(tmp_path / "book")
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-c", script, str(site)], cwd=project, capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    import json

    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert not result["full"] and result["then_full"]
    assert result["urls"] == ["c000/002-t000-001/", "c000/"]
    assert result["rewritten"] == ["c000/002-t000-001/index.html", "c000/index.html"], result["rewritten"]
    # the saved page is pushed (with its HTML) as soon as it is written, before its chapter page
    [first] = result["pushed"]
    assert first["urls"] == ["c000/002-t000-001/"]
    assert first["written"] == ["c000/002-t000-001/index.html"]
    assert "刚刚保存的改动" in first["html"]["c000/002-t000-001/"]
    assert "刚刚保存的改动" in filled_print_page(site / "c000" / "print" / "index.html")  # (from the cards)
    from qabook.search import analyze, shard_of

    index = site / "search" / "qabook"
    shards = int(re.search(r'"shards":(\d+)', (index / "meta.js").read_text(encoding="utf-8")).group(1))
    term = analyze("刚刚保存")[1]  # 刚保: only the saved page holds it
    assert f'"{term}"' in (index / f"t{shard_of(term, shards)}.js").read_text(encoding="utf-8")
    assert (site / "c001" / "new" / "index.html").is_file()  # the new page, by the full build


def test_a_new_title_reaches_the_navigation_of_every_page_of_its_chapter(tmp_path: Path) -> None:
    """A topic page lists its chapter's other topics from the chapter's shared script (nav/<n>.js),
    the chapter page lists them itself: after a save that changes a topic's title, both hold the
    new title, and no other page of the chapter holds the old one (none lists them in its HTML)."""
    script = r"""
import sys
from pathlib import Path
from qabook.config import find_project
from qabook.live.session import Session
project = find_project()
session = Session(project, "127.0.0.1:1", Path(sys.argv[1]), jobs=2)
session.build_all()
page = project.docs_dir / "c000" / "002-t000-001.md"
text = page.read_text(encoding="utf-8")
title = text.split("\n# ", 1)[1].split("\n", 1)[0]
page.write_text(text.replace("\n# " + title, "\n# 改过的标题", 1), encoding="utf-8")
update = session.apply({page})
print(title)
"""
    project = _book(tmp_path / "book")
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-c", script, str(site)], cwd=project, capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    old = r.stdout.strip().splitlines()[-1]
    chapter_script = next(p for p in (site / "assets/qabook/nav").glob("[0-9]*.js")
                          if '"c000/002-t000-001/"' in p.read_text(encoding="utf-8"))
    assert '"c000/002-t000-001/","改过的标题"]' in chapter_script.read_text(encoding="utf-8")
    assert f'"{old}"' not in chapter_script.read_text(encoding="utf-8")

    def nav(url: str) -> str:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        return html[html.index('class="md-nav md-nav--primary"'):html.index('data-md-type="toc"')]

    assert '<span class="md-ellipsis">改过的标题</span>' in nav("c000")
    for other in ("c000/005-t000-004", "c000/006-t000-005"):  # neither a neighbour nor the chapter page
        assert f">{old}<" not in nav(other) and "改过的标题" not in nav(other), other
        assert f'src="../../assets/qabook/nav/{chapter_script.name}"' in (site / other / "index.html").read_text(
            encoding="utf-8")


def test_a_pages_findings_at_once_are_the_whole_checks_for_that_page(tmp_path: Path) -> None:
    """check_pages (the saved page's findings, at once) finds what check_book finds on that page,
    on every rule's fixture pages — except what needs the whole book (an id used twice)."""
    from qabook.book import load_book
    from qabook.check import check_book, check_pages

    books = [ROOT / "tests" / "fixtures" / "books" / b for b in
             os.listdir(ROOT / "tests" / "fixtures" / "books")]
    docs = [b / "docs" for b in books if (b / "docs").is_dir()]
    assert docs
    compared = 0
    for folder in docs:
        book = load_book(folder)
        whole = check_book(book)
        for rel, page in book.pages.items():
            want = [d for d in whole if d.path == page.display and d.code != "QA012"]
            got = [d for d in check_pages(book, {rel}) if d.code != "QA012"]
            assert got == want, (folder, rel)
            compared += 1
    rules = ROOT / "tests" / "fixtures" / "rules"
    for source in sorted(rules.glob("*.md")):
        if source.is_symlink():
            continue
        project = tmp_path / source.stem
        (project / "docs" / "ch").mkdir(parents=True)
        shutil.copy2(source, project / "docs" / "ch" / "01-page.md")
        (project / "docs" / "ch" / "index.md").write_text("# 章\n\n- [页](01-page.md)\n", encoding="utf-8")
        book = load_book(project / "docs")
        page = book.pages.get("ch/01-page.md")
        if page is None:
            continue
        want = [d for d in check_book(book) if d.path == page.display]
        assert check_pages(book, {"ch/01-page.md"}) == want, source.name
        compared += 1
    assert compared > 60


def test_reading_a_saved_page_again_gives_the_book_a_fresh_read_gives(tmp_path: Path) -> None:
    from qabook.book import load_book

    docs = _book(tmp_path / "book").joinpath("docs")
    cache: dict = {}
    first = load_book(docs, cache=cache)
    target = docs / "c001" / "003-t001-002.md"
    target.write_text(target.read_text(encoding="utf-8").replace("# ", "# 改过 ", 1) + "\n/// answer\n多出来的\n///\n",
                      encoding="utf-8")
    again = load_book(docs, cache=cache, again=(first, {"c001/003-t001-002.md"}))
    fresh = load_book(docs)
    assert again.pages.keys() == fresh.pages.keys()
    assert again.pages["c001/003-t001-002.md"] == fresh.pages["c001/003-t001-002.md"]
    assert again.pages["c001/003-t001-002.md"].title.startswith("改过")
    assert [[t.rel for t in c.topics] for c in again.chapters] == [[t.rel for t in c.topics] for c in fresh.chapters]
    assert again.pages["c000/001-t000-000.md"] is first.pages["c000/001-t000-000.md"]  # not read again
    assert again == fresh  # every field: chapters, their topics and index, files, unreadable, loose topics…
    # a chapter's index page read again too (the quick path: only the saved pages are looked at)
    index = docs / "c000" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n补一句。\n", encoding="utf-8")
    again = load_book(docs, cache=cache, again=(again, {"c000/index.md"}))
    assert again == load_book(docs)
    # a topic that is no longer a Q&A page (it may take its folder out of the chapters), or that
    # cannot be read: the book read as a whole
    target.write_text("# 只有标题\n\n没有题目。\n", encoding="utf-8")
    again = load_book(docs, cache=cache, again=(again, {"c001/003-t001-002.md"}))
    assert again == load_book(docs)
    target.write_bytes(b"# \xff\xfe broken\n")
    assert load_book(docs, cache=cache, again=(again, {"c001/003-t001-002.md"})) == load_book(docs)


def test_a_save_is_heard_as_the_file_alone_once_written(tmp_path: Path) -> None:
    """The watcher hands over the saved file (not its folder, whose time moves with it), once the
    burst of events of a write has ended."""
    from qabook.live.watch import Watcher

    docs = tmp_path / "docs"
    (docs / "c000").mkdir(parents=True)
    page = docs / "c000" / "a.md"
    page.write_text("# 一\n", encoding="utf-8")
    watcher = Watcher([docs], [])
    watcher.start()
    try:
        heard: set[Path] = set()
        for attempt in range(50):  # the observer may not be listening yet: write until it hears
            page.write_text(f"# 一\n\n改{attempt}\n", encoding="utf-8")
            heard = watcher.changes(timeout=1.0)
            if heard:
                break
        assert heard == {page.resolve()}
        first, over = watcher.burst
        assert 0 < first <= over
    finally:
        watcher.stop()


def test_serve_says_a_long_hint_once_as_build_does(tmp_path: Path) -> None:
    """Sixteen topics without an explanation: `qabook build` says QA032's hint ('add a '/// explanation'
    block…, or … optional: [explanation]') once and groups the rest; `qabook serve` said it in full
    sixteen times (trial10). Both print through diagnostics.said_once now."""
    project = _book(tmp_path / "book", questions=16, per_page=1)
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\n/// explanation\n.*?\n///\n", "\n", text, flags=re.S), encoding="utf-8")
    port = _free_port()
    proc = start_serve(project, port)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
    finally:
        out, err = stop_serve(proc)
    assert err.count("QA032") >= 2, err[-3000:]
    assert err.count("optional: [explanation]") == 1, err[-3000:]
    assert "more like these" in err or "(what to do: as at" in err
