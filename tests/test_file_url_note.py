"""A site built for a web server (directory URLs, the default) opened from disk (file://): a
followed link shows the browser's list of the folder's files, not its page. Every page says so
at its top, with what works instead; a site served over HTTP, or built with --offline
(tests/test_search.py::test_search_works_from_file_url), says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_live_preview import _on_screen

pytestmark = pytest.mark.browser


def test_a_server_build_opened_from_disk_says_how_to_read_it(browser, built_site: Path, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((built_site / "index.html").as_uri())
    note = page.locator("#qa-file-note")
    note.wait_for()
    assert _on_screen(note)  # at the top of the page, nothing over it
    text = note.inner_text()
    assert "file://" in text and "./scripts/build --offline" in text, text
    assert "python3 -m http.server -d site" in text and "http://localhost:8000/" in text, text
    assert note.evaluate("n => n.getBoundingClientRect().top") < 844 / 2  # seen without scrolling
    page.screenshot(path=str(built_site.parent / "file-url-note.png"))
    # what it warns of: a chapter's link leads to the folder's list of files
    page.locator("article a[href$='/']").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.querySelector('article') === null"), "a page, not a list of files"
    # a topic page says it too
    topic = next(p for p in sorted((built_site / "llm").glob("*/index.html")))
    page.goto(topic.as_uri())
    page.locator("#qa-file-note").wait_for()
    # served over HTTP: no note
    page.goto(site_url)
    page.locator("article").first.wait_for()
    assert page.locator("#qa-file-note").count() == 0
    page.close()
    assert errors == []
