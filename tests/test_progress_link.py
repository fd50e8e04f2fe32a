"""Progress by link: "continue on another device" makes a link (and a QR code) that carries the
progress in the URL fragment; opening it in another browser merges it, the newest review of
each card winning, and says what changed. Progress is keyed by the book's stable id."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import copy_project, qabook

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
T1, T2, T3 = (f"llm/0{n}-{s}/" for n, s in ((1, "shen-me-shi-da-mo-xing"), (2, "da-mo-xing-de-gong-zuo-yuan"),
                                             (3, "ru-he-xun-lian-da-mo-xing")))


def _grade(page, url: str, name: str) -> None:
    page.goto(url)
    page.get_by_label("评分后转到下一题").uncheck()  # stay on the page
    page.get_by_role("button", name="显示答案", exact=True).first.click()
    page.get_by_role("button", name=name).first.click()
    page.wait_for_function("document.getElementById('qa-live').textContent.includes('下次复习')")


def _due_keys(page, url: str) -> list[str]:
    page.goto(url + "study/review/")
    page.locator(".qa-due-list h2").wait_for()
    return page.locator(".qa-due li").evaluate_all("els => els.map(e => e.dataset.qaKey)")


def _read_qr(png: bytes) -> list[str]:
    import io

    import zxingcpp
    from PIL import Image

    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def _make_link(page, url: str) -> str:
    page.goto(url)
    page.get_by_role("button", name="在另一台设备上继续").click()
    field = page.get_by_role("textbox", name="进度链接")
    field.wait_for()
    return field.input_value()


def test_a_link_restores_the_same_due_list_in_another_browser(browser, site_url: str) -> None:
    one, other = browser.new_context(**PHONE), browser.new_context(**PHONE)
    a, b = one.new_page(), other.new_page()
    for page in (a, b):
        page.clock.install(time=START)
    _grade(a, site_url + T1, "4 简单")
    _grade(a, site_url + T2, "1 重来")
    _grade(a, site_url + T3, "3 良好")
    later = START + timedelta(days=3)
    a.clock.set_system_time(later)
    due = _due_keys(a, site_url)
    assert len(due) == 2

    link = _make_link(a, site_url)
    assert link.startswith(site_url + "#qa-progress=") and len(link) < 200
    assert a.get_by_text("链接里有 3 道题的进度").is_visible()
    qr = a.get_by_role("img", name="进度链接的二维码")
    qr.scroll_into_view_if_needed()
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box and abs(box["width"] - box["height"]) < 1 and box["width"] >= 150 and box["x"] + box["width"] <= 390
    modules = int(qr.get_attribute("data-modules"))
    assert modules >= 21 and (modules - 17) % 4 == 0  # a QR code of version (modules - 17) / 4
    assert _read_qr(qr.screenshot()) == [link]  # what a camera reads is the link

    b.clock.set_system_time(later)
    b.goto(link)
    note = b.locator(".qa-progress .qa-note")
    note.wait_for()
    assert note.inner_text() == "已合并另一台设备的进度：新增 3 题。"  # only what changed
    assert "#qa-progress" not in b.url  # taken out of the address bar (and of the history)
    assert _due_keys(b, site_url) == due
    one.close()
    other.close()


def test_a_conflict_keeps_the_newest_review_of_each_card(browser, site_url: str) -> None:
    one, other = browser.new_context(), browser.new_context()
    a, b = one.new_page(), other.new_page()
    for page in (a, b):
        page.clock.install(time=START)
    _grade(b, site_url + T2, "1 重来")  # B, first: T2 again
    a.clock.set_system_time(START + timedelta(hours=1))
    _grade(a, site_url + T1, "3 良好")  # A, later: T1 good, T2 easy
    _grade(a, site_url + T2, "4 简单")
    b.clock.set_system_time(START + timedelta(hours=2))
    _grade(b, site_url + T1, "4 简单")  # B, last: T1 easy (newer than A's)
    link = _make_link(a, site_url)

    b.goto(link)
    note = b.locator(".qa-progress .qa-note")
    note.wait_for()
    assert note.inner_text() == "已合并另一台设备的进度：更新 1 题，保留本机较新的 1 题。"
    b.goto(site_url + T1)
    assert b.locator(".qa-state").first.inner_text().startswith("已掌握")  # B's own easy, kept
    b.goto(site_url + T2)
    assert b.locator(".qa-state").first.inner_text().startswith("已掌握")  # A's newer easy, not B's again
    one.close()
    other.close()


LIVE_REGIONS = """text => [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')]
    .filter(e => e.getAttribute('aria-live') !== 'off' && e.textContent.includes(text)).length"""


def _said_once(page, text: str) -> bool:
    """The screen reader hears `text` from exactly one live region (after it has been said)."""
    page.wait_for_function("t => document.getElementById('qa-live').textContent.includes(t)", arg=text)
    return page.evaluate(LIVE_REGIONS, text) == 1


def test_a_link_pasted_into_the_open_book_merges_at_once(browser, site_url: str) -> None:
    """Device B has the book open; the learner pastes the link into the same tab (only the
    fragment changes, the page does not reload): it merges there and then, says so once, and
    leaves the address bar; pasting it again says there is nothing new; a reload merges nothing."""
    one, other = browser.new_context(**PHONE), browser.new_context(**PHONE)
    a, b = one.new_page(), other.new_page()
    for page in (a, b):
        page.clock.install(time=START)
    _grade(a, site_url + T1, "4 简单")
    _grade(a, site_url + T2, "3 良好")
    link = _make_link(a, site_url)

    b.goto(site_url)
    figure = b.locator(".qa-progress-figure")
    assert figure.inner_text() == "掌握 0/8 · 待复习 0 · 学习中 0"
    b.evaluate("window.__sameDocument = true")
    b.goto(link)  # typed or pasted into the address bar of this tab
    merged = "已合并另一台设备的进度：新增 2 题。"
    note = b.locator(".qa-progress .qa-note")
    note.wait_for()
    assert b.evaluate("window.__sameDocument === true")  # no reload happened: the tab's own page merged it
    assert note.inner_text() == merged and _shown(b, ".qa-progress .qa-note")
    assert figure.inner_text() == "掌握 1/8 · 待复习 0 · 学习中 1"
    assert _said_once(b, merged)
    assert "qa-progress" not in b.url and b.url == site_url

    b.goto(link)  # the same link again
    nothing = "没有新的进度：链接里的进度，这台设备上都已经有了。"
    b.wait_for_function("t => document.querySelector('.qa-progress .qa-note').textContent === t", arg=nothing)
    assert _said_once(b, nothing)
    assert "qa-progress" not in b.url

    b.reload()
    b.locator(".qa-progress-figure").wait_for()
    assert b.locator(".qa-note").count() == 0 and figure.inner_text() == "掌握 1/8 · 待复习 0 · 学习中 1"
    b.go_back()
    assert "qa-progress" not in b.url  # the link is not in the tab's history either
    one.close()
    other.close()


def _shown(page, selector: str) -> bool:
    """On screen, and the topmost element at its centre belongs to it."""
    return bool(page.locator(selector).first.evaluate("""el => { const r = el.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return el === hit || el.contains(hit); }"""))


def test_a_damaged_link_is_refused_with_a_message(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "#qa-progress=AQAAAA-not-really")
    note = page.locator(".qa-progress .qa-note")
    note.wait_for()
    assert "无法读取" in note.inner_text()
    assert page.get_by_text("掌握 0/8 · 待复习 0 · 学习中 0").is_visible()
    page.close()


def test_progress_survives_renaming_the_book_with_its_id(browser, tmp_path: Path) -> None:
    """Progress is keyed by `book_id` (by default the site name, today's key): renaming the
    site with book_id set to the old name keeps it; renaming without it does not."""
    from browser import serve

    project = copy_project(tmp_path)
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    page = browser.new_page()
    with serve(project / "site") as url:
        _grade(page, url + T1, "4 简单")
        assert page.evaluate("Object.keys(localStorage)").count("qabook-study:大模型面试题学习站") == 1

        def rebuild(text: str) -> str:
            config.write_text(text, encoding="utf-8")
            result = qabook("build", "--no-pdf", cwd=project)
            assert result.returncode == 0, result.stderr
            page.goto(url + T1)
            return page.locator(".qa-state").first.inner_text()

        renamed = original.replace("site_name: 大模型面试题学习站", "site_name: 大模型面试题（第二版）")
        with_id = re.sub(r"^  - qabook:?\n", "  - qabook:\n      book_id: 大模型面试题学习站\n", renamed, count=1, flags=re.M)
        assert "book_id" in with_id
        assert rebuild(with_id).startswith("已掌握")
        assert rebuild(renamed).startswith("新题")
    page.close()


def test_the_link_format_round_trips_and_states_its_limit(browser) -> None:
    """progresslink.js alone: 1,000 cards (the stated limit) come back exactly (times to the
    second, stability and difficulty as 32-bit floats); one more is refused (the JSON file is
    the way then); another book's link is named as such."""
    from importlib import resources

    page = browser.new_page()
    page.add_script_tag(content=resources.files("qabook.assets").joinpath("progresslink.js").read_text(encoding="utf-8"))
    got = page.evaluate("""() => {
        const L = window.qabookProgressLink;
        const keys = Array.from({length: 1500}, (_, i) => 'topic-' + Math.floor(i / 3) + '#q' + (i % 3 + 1));
        let seed = 7; const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
        const cards = {};
        keys.slice(0, 1000).forEach((k, i) => {
          const last = 1767225600000 + Math.floor(rnd() * 90 * 86400) * 1000;
          cards[keys[i * 1.5 | 0]] = {state: 1 + (i % 3), step: i % 3 === 1 ? null : i % 2, s: rnd() * 300, d: 1 + rnd() * 9,
            last: last, due: last + Math.floor(rnd() * 400) * 86400000, reps: i % 9, lapses: i % 4, grade: 1 + i % 4};
        });
        const made = L.encode(cards, keys);
        const back = L.decode(made.text, keys).cards;
        const f32 = x => new Float32Array([x])[0];
        const same = Object.keys(cards).every(k => { const a = cards[k], b = back[k];
          return b && a.state === b.state && a.step === b.step && a.due === b.due && a.last === b.last &&
            a.reps === b.reps && a.lapses === b.lapses && a.grade === b.grade && f32(a.s) === b.s && f32(a.d) === b.d; });
        const more = Object.assign({}, cards, {[keys[1499]]: cards[keys[0]]});
        const other = L.decode(made.text, keys.slice(1));
        return {count: made.count, chars: made.text.length, same, back: Object.keys(back).length,
                tooMany: L.encode(more, keys).tooMany || 0, other: other.error, bad: L.decode(made.text.slice(0, 40), keys).error};
    }""")
    page.close()
    assert got["count"] == got["back"] == 1000 and got["same"]
    assert got["chars"] < 1000 * 27  # about 25 characters a question
    assert got["tooMany"] == 1001 and got["other"] == "other-book" and got["bad"] == "bad"


def test_with_instant_navigation_a_pasted_link_merges_once(browser, tmp_path: Path) -> None:
    """Material's instant navigation on: the learner reaches the home page by a click (no page
    load) and pastes the link there; it merges once, and moving about the site and back home
    does not merge it again. A second learner pastes it while the home page is still on its way
    (a slow server): the message is there when the page arrives, and the link merged once."""
    from browser import serve

    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    - navigation.indexes\n", "    - navigation.indexes\n    - navigation.instant\n", 1),
                      encoding="utf-8")
    assert "navigation.instant" in config.read_text(encoding="utf-8")
    # the third browser fetches from the server itself (no service worker), which the test slows
    one, other, third = browser.new_context(), browser.new_context(), browser.new_context(service_workers="block")
    a, b, c = one.new_page(), other.new_page(), third.new_page()
    merged = "已合并另一台设备的进度：新增 1 题。"
    slow: dict[str, float] = {}
    with serve(project / "site", slow=slow) as url:
        # Material's instant navigation takes a link for the site's own when the sitemap (made
        # from site_url) has it, with the same port and path: built for this server's address
        assert qabook("build", "--no-pdf", cwd=project, env={"QABOOK_SITE_URL": url}).returncode == 0
        _grade(a, url + T1, "3 良好")
        link = _make_link(a, url)

        def wait_for_arrival(page) -> None:
            """Until the page clicked to is on screen (its content swapped in, its panel made)."""
            page.wait_for_function("""() => { const c = document.querySelector('[data-md-component=container]');
                return !c.__left && !!c.querySelector('.qa-progress-figure'); }""")

        def click_to(page, name: str, where: str, *, arrived: bool = True) -> None:
            """Click a link of the page (an instant navigation, not a page load); with `arrived`,
            wait until the new page is on screen (the address changes before it is)."""
            page.evaluate("document.querySelector('[data-md-component=container]').__left = true")
            page.get_by_role("link", name=name, exact=True).first.click()
            page.wait_for_url(url + where)
            if arrived:
                wait_for_arrival(page)
            assert page.evaluate("window.__sameDocument === true"), where

        def wait_for_note(page, text: str) -> None:
            try:
                page.wait_for_function("t => (document.querySelector('.qa-progress .qa-note') || {}).textContent === t",
                                       arg=text)
            except Exception:  # say what the learner saw instead
                seen = page.evaluate("() => [location.href, (document.querySelector('.qa-note') || {}).textContent,"
                                     " document.getElementById('qa-live').textContent]")
                pytest.fail(f"no merge message; address, note, live region: {seen}")

        b.goto(url + "llm/")
        b.evaluate("window.__sameDocument = true")
        click_to(b, "首页", "")
        b.goto(link)
        wait_for_note(b, merged)
        assert _said_once(b, merged) and b.url == url
        assert b.evaluate("window.__sameDocument === true")
        assert b.locator(".qa-progress-figure").inner_text() == "掌握 0/8 · 待复习 0 · 学习中 1"
        click_to(b, "大模型：从理论到实践的应用", "llm/")  # the home page's chapter table
        click_to(b, "首页", "")
        assert b.locator(".qa-note").count() == 0  # nothing merged, nothing said again

        c.goto(url + "llm/")
        c.evaluate("window.__sameDocument = true")
        slow["/"] = 2  # the home page is slow to come
        click_to(c, "首页", "", arrived=False)
        assert "从理论到实践" in c.title()  # still the chapter page on screen
        c.goto(link)
        wait_for_arrival(c)
        assert "从理论到实践" not in c.title()  # the home page has arrived
        wait_for_note(c, merged)  # and the message is on it
        assert _said_once(c, merged) and c.url == url
        assert c.locator(".qa-progress-figure").inner_text() == "掌握 0/8 · 待复习 0 · 学习中 1"
        assert c.locator(".qa-note").count() == 1
    for context in (one, other, third):
        context.close()
