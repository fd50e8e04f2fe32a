"""The installable, offline book: a learner on a phone visits once, loses the network, and keeps
studying; saves the whole book; gets a rebuilt book after one reload.

Each test builds its own copy of the book (`qabook build --no-pdf`), serves it on localhost
(service workers need http on localhost or https) with the strict CSP of guide/guarantees.md, and cuts
the network for real: the server is stopped *and* the browser context is set offline.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

from browser import CHROMIUM_ARGS, CSP, serve
from conftest import CHROMIUM, copy_project, qabook

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TOPIC = "llm/01-shen-me-shi-da-mo-xing/"
UNVISITED = "llm/05-da-mo-xing-de-you-hua-fang/"
ANSWER = "大模型指的是具有数百万甚至数十亿个参数的深度学习模型"
HEADERS = {"Content-Security-Policy": CSP}

KEPT_JS = """async path => { for (const name of await caches.keys()) { const c = await caches.open(name);
    for (const k of await c.keys()) if (new URL(k.url).pathname.endsWith(path)) return true; } return false; }"""
CACHE_URLS_JS = """async () => { const out = []; for (const name of await caches.keys()) {
    const c = await caches.open(name); for (const k of await c.keys()) out.push(k.url); } return out; }"""


def _build(project: Path) -> Path:
    result = qabook("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr + result.stdout
    return project / "site"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A copy of the project, built."""
    project = copy_project(tmp_path)
    _build(project)
    return project


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    errors: list[str] = []
    context.on("weberror", lambda e: errors.append(str(e.error)))
    yield context, errors
    context.close()


def _visit(page, url: str) -> None:
    """Open a page and wait until the service worker has kept it (what a learner's first visit does)."""
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    path = re.sub(r"^https?://[^/]+/", "", url).split("#")[0]
    page.wait_for_function(KEPT_JS, arg=(path or "") + ("index.html" if path.endswith("/") or not path else ""))


def test_manifest_is_installable_and_a_worker_controls_the_page(browser, book: Path) -> None:
    """Chromium's own installability check (DevTools Page.getInstallabilityErrors) finds nothing
    to object to; it needs a profile that is not incognito, hence a persistent context."""
    manifest = json.loads((book / "site/manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "大模型面试题学习站" and manifest["theme_color"] == "#4051b5"  # Material's indigo
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["display"] == "standalone"
    icon = (book / "site" / manifest["icons"][0]["src"]).read_text(encoding="utf-8")
    assert icon.startswith("<svg") and 'fill="#4051b5"' in icon and "M12 3 1 9l11 6" in icon  # material/school
    with serve(book / "site", HEADERS) as url, tempfile.TemporaryDirectory() as profile:
        context = browser.browser_type.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, **PHONE)
        try:
            page = context.new_page()
            page.goto(url + TOPIC)
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            cdp = context.new_cdp_session(page)
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
            assert cdp.send("Page.getAppManifest")["errors"] == []
            page.reload()
            assert page.evaluate("navigator.serviceWorker.controller !== null")
            assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == url + "sw.js"
        finally:
            context.close()


def test_after_one_visit_the_network_can_go(book: Path, phone) -> None:
    """One visit to a topic page (and grading it); then no network: that page, the home page,
    search, review and quiz work; a page never opened leads to the offline page."""
    from datetime import datetime, timedelta, timezone

    context, errors = phone
    page = context.new_page()
    start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    page.clock.install(time=start)
    with serve(book / "site", HEADERS) as url:
        _visit(page, url + TOPIC)
        page.get_by_role("button", name="显示答案", exact=True).first.tap()
        page.get_by_role("button", name="1 重来").tap()  # due again in a minute
        page.wait_for_function(KEPT_JS, arg="study/review/index.html")
        kept = page.evaluate(CACHE_URLS_JS)
    assert kept and all(u.startswith(url) for u in kept)  # nothing from outside the site
    context.set_offline(True)

    page.goto(url + TOPIC)
    page.get_by_role("button", name="显示答案", exact=True).first.tap()
    assert page.get_by_text(ANSWER).is_visible()

    page.goto(url)
    assert page.locator("h1").first.inner_text().startswith("大模型面试题学习站")
    page.tap("label.md-header__button[for=__search]")  # the search icon, as on a phone
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-qa-search] input')")
    page.keyboard.type("差分隐私")
    result = page.locator(".md-search-result__list a", has_text="大模型的安全性和隐私性").first
    result.wait_for()
    assert result.is_visible()

    page.clock.set_system_time(start + timedelta(minutes=5))
    page.goto(url + "study/review/")
    page.locator(".qa-due li").first.wait_for()
    assert page.locator(".qa-due li").evaluate_all("els => els.map(e => e.dataset.qaKey)") == ["shen-me-shi-da-mo-xing#q1"]

    page.goto(url + "study/quiz/")
    page.get_by_role("button", name="开始测验").tap()
    page.get_by_role("button", name="显示答案", exact=True).tap()
    assert page.locator(".qa-card-back .answer").is_visible()

    page.goto(url + UNVISITED)
    assert "/offline/" in page.url
    assert page.get_by_text("这一页还没有保存到本设备").is_visible()
    assert page.locator(".qa-offline-pages a", has_text="什么是大模型？").is_visible()
    assert errors == []


def test_the_whole_book_offline(book: Path, phone) -> None:
    """"Make the whole book available offline" shows its size first; afterwards every page of
    the book opens with no network."""
    context, errors = phone
    page = context.new_page()
    listing = json.loads((book / "site/assets/qabook/offline.json").read_text(encoding="utf-8"))
    pages = [p for p in listing["titles"] if p.endswith(".html") and p != "404.html"]
    assert len(pages) >= 12  # home, 8 topics, chapter, print, tags, review, quiz, offline
    with serve(book / "site", HEADERS) as url:
        _visit(page, url)
        button = page.locator(".qa-offline-all")
        button.wait_for(state="visible")
        page.wait_for_function("() => !document.querySelector('.qa-offline-all').disabled")
        assert re.search(r"下载全书离线使用（\d+(\.\d)? (KB|MB)）", button.inner_text())
        button.tap()
        page.get_by_text("全书已保存在本设备").wait_for()
    context.set_offline(True)
    for path in pages:
        page.goto(url + path.removesuffix("index.html"))
        assert "/offline/" not in page.url or path.startswith("offline/"), path
        assert page.locator("h1").first.is_visible(), path
    assert errors == []


def test_a_rebuilt_book_reaches_the_learner_after_one_reload(book: Path, phone) -> None:
    """A rebuild with a changed answer: one reload shows it, the learner is told once, and the
    saved copy is the new one (with no network, the new answer)."""
    context, errors = phone
    page = context.new_page()
    with serve(book / "site", HEADERS) as url:
        _visit(page, url + TOPIC)
        source = book / "docs/llm/01-shen-me-shi-da-mo-xing.md"
        source.write_text(source.read_text(encoding="utf-8").replace(ANSWER, "改过的答案：大模型是参数很多的模型"),
                          encoding="utf-8")
        _build(book)
        page.reload()
        page.get_by_role("button", name="显示答案", exact=True).first.tap()
        assert page.get_by_text("改过的答案：大模型是参数很多的模型").is_visible()
        note = page.locator(".qa-offline-note")
        note.wait_for()
        assert "本书已更新" in note.inner_text()
        page.reload()
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => window.QABOOK_OFFLINE_UI !== undefined")
    context.set_offline(True)
    page.reload()
    assert page.locator(".qa-offline-note").count() == 0  # told once
    page.get_by_role("button", name="显示答案", exact=True).first.tap()
    assert page.get_by_text("改过的答案：大模型是参数很多的模型").is_visible()
    assert errors == []
