"""The built site under the strict Content-Security-Policy guide/guarantees.md documents: every page
loads with a clean console, and search, copy-link, answers and the print page still work."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

TOPIC = "llm/01-shen-me-shi-da-mo-xing/"


def test_site_works_under_a_strict_csp(browser, built_site: Path) -> None:
    from browser import CSP, serve
    from test_browser import all_pages

    errors: list[str] = []
    with serve(built_site, {"Content-Security-Policy": CSP}) as url:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        for path in all_pages(built_site):
            page.goto(url + path, wait_until="networkidle")
        page.goto(url + TOPIC, wait_until="networkidle")
        # Material's script ran (it marks the page and wires the palette toggle) …
        assert page.evaluate("typeof __md_scope === 'object' && document.documentElement.classList.contains('js')")
        # … answers open, the copy-link control copies, search finds.
        page.locator("details.answer summary").first.click()
        assert page.locator("details.answer").first.get_attribute("open") is not None
        page.locator("#q1 a.qa-link").click()
        assert page.evaluate("navigator.clipboard.readText()").endswith("#q1")
        page.keyboard.press("/")
        page.keyboard.type("大模型")
        page.locator(".md-search-result__list a").first.wait_for()
        # study mode: reveal with the toolbar's button, grade, the state is shown
        page.keyboard.press("Escape")
        page.get_by_role("button", name="全部显示答案").click()
        page.get_by_role("button", name="3 良好").first.click()
        page.reload(wait_until="networkidle")
        assert page.locator(".md-nav .qa-badge").first.is_visible()
        page.goto(url + "study/quiz/?chapter=llm", wait_until="networkidle")
        page.get_by_role("button", name="开始测验").wait_for()
        page.goto(url + "llm/print/", wait_until="networkidle")
        assert page.locator("details.answer[open]").count() >= 8
        context.close()
    assert errors == []
