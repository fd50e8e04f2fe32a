"""The site in a real browser: headless Chromium driven by Playwright."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

TOPIC = "llm/01-shen-me-shi-da-mo-xing/"
ANSWER = "大模型指的是具有数百万甚至数十亿个参数的深度学习模型"
EXPLANATION = "大模型通常是基于神经网络架构"


def all_pages(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html"))
    return [("" if p == "./" else p) for p in pages]


def test_answers_start_collapsed_and_open_on_click(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + TOPIC)
    assert page.get_by_text("请解释什么是大模型？").is_visible()
    answer = page.locator("details.answer")
    assert answer.get_attribute("open") is None
    assert not page.get_by_text(ANSWER).is_visible()
    answer.locator("summary").click()
    assert page.get_by_text(ANSWER).is_visible()
    assert not page.get_by_text(EXPLANATION).is_visible()  # the explanation stays closed
    page.close()


def test_question_anchor_and_copy_link(browser, site_url: str) -> None:
    """The ¶ of a question copies its permanent link to the clipboard and puts it in the address bar
    (the page is opened without the anchor, so neither can be there before the click)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + TOPIC)
    assert page.locator("#q1").is_visible()
    link = page.locator("#q1 a.qa-link")
    assert link.get_attribute("href") == "#q1"
    page.evaluate("navigator.clipboard.writeText('')")
    link.click()
    copied = page.evaluate("""async () => {  // the copy is asynchronous: read until it has landed
        for (let i = 0; i < 200; i++) {
          const text = await navigator.clipboard.readText();
          if (text) return text;
          await new Promise(done => setTimeout(done, 50));
        }
        return ''; }""")
    assert copied == site_url + TOPIC + "#q1"
    assert page.url == site_url + TOPIC + "#q1"
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_ctrl_p_prints_answers_expanded(browser, site_url: str, tmp_path: Path, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + TOPIC)
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf))  # Chromium's print path: print media, as Ctrl+P
    context.close()
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
    assert ANSWER in text and EXPLANATION in text


def test_phone_layout_has_no_horizontal_overflow(browser, built_site: Path, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    for path in all_pages(built_site):
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
        cut = page.evaluate("""Array.from(document.querySelectorAll('.md-typeset h1, .md-typeset h2'))
            .filter(h => h.scrollWidth > h.clientWidth + 1).map(h => h.textContent)""")
        assert cut == [], f"{path}: titles cut off: {cut}"
    context.close()


def test_no_outside_requests_and_no_console_errors(browser, built_site: Path, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1",)
            and not r.url.startswith(("data:", "blob:")) else None)
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    for path in all_pages(built_site):
        page.goto(site_url + path, wait_until="networkidle")
    page.goto(site_url + TOPIC, wait_until="networkidle")
    page.keyboard.press("/")  # search too: it loads its worker and index
    page.keyboard.type("大模型")
    page.wait_for_timeout(800)
    context.close()
    assert outside == []
    assert errors == []


def test_the_keyboard_shortcuts_button_shows_only_where_there_is_a_keyboard(browser, site_url: str) -> None:
    """A touch phone (390 wide, no hover, a coarse pointer) has no keys to press: no '? 快捷键' button
    (trial10); a desktop keeps it, and '?' still opens the panel there."""
    shown = {}
    for name, device in {"phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
                         "desktop": {"viewport": {"width": 1280, "height": 800}}}.items():
        context = browser.new_context(**device)
        page = context.new_page()
        page.goto(site_url + TOPIC)
        page.wait_for_selector(".qa-toolbar")
        shown[name] = page.locator(".qa-help-btn").is_visible()
        context.close()
    assert shown == {"phone": False, "desktop": True}
