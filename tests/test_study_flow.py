"""One question after another: grading moves on (a setting turns it off), "study this chapter"
walks the chapter's new and due questions with the keyboard alone, a search landing reveals
nothing in study mode, and the home page's chapter table fits a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import qabook
from flowbook import EXPLANATION_ONLY, make_flow_book

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
THREE = "flow/01-san-dao-ti/"
TWO = "flow/02-liang-dao-ti/"


@pytest.fixture(scope="module")
def flow_url(tmp_path_factory: pytest.TempPathFactory):
    from browser import serve

    project = make_flow_book(tmp_path_factory.mktemp("flow"))
    result = qabook("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr + result.stdout
    with serve(project / "site") as url:
        yield url


def _opened(browser, options: dict):
    """A page in a context of `options` (a phone, a desktop); no script error on it by the end."""
    context = browser.new_context(**options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def learner(browser):
    """A learner on a phone."""
    yield from _opened(browser, PHONE)


@pytest.fixture
def reader(browser, viewport: dict):
    """A reader at the test's `viewport` (parametrized: desktop and phone)."""
    yield from _opened(browser, viewport)


#: Seen by a person: inside the viewport, and the topmost element at its top is part of it.
ON_SCREEN = """el => { const r = el.getBoundingClientRect();
    if (r.top < 0 || r.top >= innerHeight) return false;
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 12));
    return el === hit || el.contains(hit); }"""


def _on_screen(page, selector: str) -> bool:
    """Seen by a person (`ON_SCREEN`)."""
    return bool(page.locator(selector).first.evaluate(ON_SCREEN))


def _said(page) -> str:
    page.wait_for_function("document.getElementById('qa-live') && document.getElementById('qa-live').textContent")
    return page.locator("#qa-live").text_content()


def test_grading_brings_the_next_question_then_the_next_page(learner, flow_url: str) -> None:
    page = learner
    page.goto(flow_url + THREE)
    for n in (1, 2):
        page.locator(f"#q{n} ~ .qa-study-bar").first.get_by_role("button", name="显示答案").tap()
        page.locator(f"#q{n} ~ .qa-study-bar").first.get_by_role("button", name="3 良好").tap()
        page.wait_for_function("n => document.activeElement.id === 'q' + n", arg=n + 1)
        assert _on_screen(page, f"#q{n + 1}")
        page.wait_for_function("n => document.getElementById('qa-live').textContent.includes('下一题：第 ' + n + ' / 3 题')",
                               arg=n + 1)
    page.locator("#q3 ~ .qa-study-bar").first.get_by_role("button", name="显示答案").tap()
    page.locator("#q3 ~ .qa-study-bar").first.get_by_role("button", name="3 良好").tap()
    page.wait_for_url("**/" + TWO + "#q1")
    page.wait_for_function("document.activeElement.id === 'q1'")
    assert _on_screen(page, "#q1")
    assert "下一页：两道题，第 1 / 2 题" in _said(page)


@pytest.mark.parametrize("viewport", [{"viewport": {"width": 1280, "height": 800}}, PHONE], ids=["desktop", "phone"])
def test_grading_a_chapters_last_question_stays_in_the_chapter(reader, flow_url: str, viewport: dict) -> None:
    """Outside "study this chapter", the grade of a chapter's last question does not carry the
    learner into the next chapter (`flow` is followed by `llm`): the page stays, its question
    keeps the focus, and a note under it, on screen, says the chapter is done (the live region
    says it too) with the way back to the chapter's page."""
    page = reader
    page.goto(flow_url + TWO)
    for n in (1, 2):
        bar = page.locator(f"#q{n} ~ .qa-study-bar").first
        bar.get_by_role("button", name="显示答案").click()
        bar.get_by_role("button", name="3 良好").click()
    page.wait_for_function("document.getElementById('qa-live') && "
                           "document.getElementById('qa-live').textContent.includes('这是本章最后一题。')")
    page.wait_for_timeout(500)  # (a move to another page would have begun by now)
    assert page.url.split("#")[0] == flow_url + TWO, page.url
    assert "已评为「良好」" in _said(page)
    note = page.locator(".qa-end-note")
    assert note.locator(".qa-note").inner_text() == "这是本章最后一题。"
    page.wait_for_function(f"({ON_SCREEN})(document.querySelector('.qa-end-note .qa-link-button'))")
    back = note.get_by_role("link", name="返回本章：学习流程")
    assert back.get_attribute("href") == flow_url + "flow/"
    back.click()
    page.wait_for_url("**/flow/")


@pytest.mark.parametrize("viewport", [{"viewport": {"width": 1280, "height": 800}}, PHONE], ids=["desktop", "phone"])
def test_j_and_k_stay_in_the_chapter(reader, flow_url: str, viewport: dict) -> None:
    """`j` past the chapter's last question (`flow` is followed by `llm`) stays, as a grade does,
    and says the chapter ends there; `k` at the next chapter's first question does not go back
    into `flow` either. A keyboard on a phone (a tablet's) presses the same keys."""
    page = reader
    page.goto(flow_url + TWO)
    for n in (1, 2):
        page.keyboard.press("j")
        page.wait_for_function("n => document.activeElement.id === 'q' + n", arg=n)
    page.keyboard.press("j")
    page.wait_for_function("document.getElementById('qa-live') && "
                           "document.getElementById('qa-live').textContent.includes('这是本章最后一题。')")
    page.wait_for_timeout(500)  # (a move to another page would have begun by now)
    assert page.url.split("#")[0] == flow_url + TWO and _focused(page) == "q2", page.url
    assert _on_screen(page, "#q2")
    first_llm = "llm/01-shen-me-shi-da-mo-xing/"
    page.goto(flow_url + first_llm)
    page.keyboard.press("j")
    assert _focused(page) == "q1"
    page.keyboard.press("k")
    page.wait_for_function("document.getElementById('qa-live').textContent.includes('这是本章第一题。')")
    page.wait_for_timeout(500)
    assert page.url.split("#")[0] == flow_url + first_llm and _focused(page) == "q1", page.url


def test_the_move_can_be_turned_off(learner, flow_url: str) -> None:
    page = learner
    page.goto(flow_url + THREE)
    page.get_by_label("评分后转到下一题").uncheck()
    page.reload()
    assert not page.get_by_label("评分后转到下一题").is_checked()  # remembered
    page.get_by_role("button", name="显示答案", exact=True).first.tap()
    page.get_by_role("button", name="3 良好").first.tap()
    assert "学习中" in page.locator("#q1 ~ .qa-study-bar .qa-state").first.inner_text()
    assert page.evaluate("document.activeElement.id") != "q2" and page.url.endswith(THREE)
    assert "下一题" not in _said(page)


def test_a_whole_chapter_studied_with_the_keyboard_alone(browser, flow_url: str) -> None:
    """One question already known: "study this chapter" starts at the first new one, skips the
    known one, and Space + a grade key carry the learner through to the end of the chapter."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(flow_url + THREE)
    page.get_by_label("评分后转到下一题").uncheck()
    for n in (1, 3):  # known already: graded easy
        page.locator(f"#q{n} ~ .qa-study-bar").first.get_by_role("button", name="显示答案").click()
        page.locator(f"#q{n} ~ .qa-study-bar").first.get_by_role("button", name="4 简单").click()
    page.get_by_label("评分后转到下一题").check()

    page.goto(flow_url + "flow/")
    for _ in range(80):  # Tab to the button, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "学习本章":
            break
    else:
        pytest.fail("学习本章 cannot be reached with Tab")
    page.keyboard.press("Enter")
    seen = []
    for _ in range(6):
        page.wait_for_function("document.activeElement && /^q\\d+$/.test(document.activeElement.id)")
        seen.append(page.url.split("flow/")[1].split("#")[0] + "#" + page.evaluate("document.activeElement.id"))
        page.keyboard.press(" ")
        assert page.locator(f"#{seen[-1].split('#')[1]} + details.answer").get_attribute("open") is not None
        page.keyboard.press("3")
        if len(seen) == 3:
            break
    assert seen == ["01-san-dao-ti/#q2", "02-liang-dao-ti/#q1", "02-liang-dao-ti/#q2"]
    page.wait_for_url("**/flow/")
    note = page.locator(".qa-progress .qa-note")
    assert note.is_visible()  # two sentences, each with its full stop
    assert re.fullmatch(r"已评为「良好」，下次复习：\S+ \S+。本章的新题和到期题目都学完了。", note.inner_text())
    assert page.get_by_text("掌握 2/5 · 待复习 0 · 学习中 3").is_visible()
    page.keyboard.press("Tab")  # nothing left: says so
    page.get_by_role("button", name="学习本章").focus()
    page.keyboard.press("Enter")
    assert "本章没有新题，也没有到期的题目" in note.inner_text()
    context.close()


def test_a_search_landing_reveals_nothing_in_study_mode(browser, flow_url: str) -> None:
    """A match in an explanation marks its question; the answer and explanation stay closed."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(flow_url)
    page.click("[data-qa-search] input")
    page.keyboard.type(EXPLANATION_ONLY)
    result = page.locator(".md-search-result__list a", has_text="三道题").first
    result.click()
    page.wait_for_url("**/" + THREE + "#q2")
    page.locator("#q2.qa-landed").wait_for(state="attached")
    assert page.locator("details[open]").count() == 0
    assert not page.get_by_text("这里提到" + EXPLANATION_ONLY).is_visible()
    page.close()


def test_the_chapter_table_fits_a_phone(browser, site_url: str) -> None:
    """The built site with PDFs (four columns): no sideways scrolling of the table or the page,
    and every cell, the PDF link included, on screen."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url)
    table = page.locator(".md-content table").first
    assert table.locator("th").count() == 4  # 章节 主题 题目 PDF
    sizes = table.evaluate("""t => { const w = t.closest('.md-typeset__scrollwrap') || t.parentElement;
        return {right: Math.max(...[...t.querySelectorAll('th, td')].map(c => c.getBoundingClientRect().right)),
                wrapScroll: w.scrollWidth - w.clientWidth, pageScroll: document.documentElement.scrollWidth - innerWidth}; }""")
    assert sizes["right"] <= 390 and sizes["wrapScroll"] <= 0 and sizes["pageScroll"] <= 0, sizes
    link = table.get_by_role("link", name="下载本章 PDF")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
def test_the_toolbar_arrives_without_shifting_the_topic_page(browser, site_url: str, viewport: dict) -> None:
    """The page keeps room for the self-test toolbar (with its flow setting) that study.js adds."""
    page = browser.new_page(viewport=viewport)
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(site_url + "llm/01-shen-me-shi-da-mo-xing/", wait_until="networkidle")
    assert page.get_by_label("评分后转到下一题").is_visible()
    page.wait_for_timeout(300)
    shift = page.evaluate("window.__shift")
    page.close()
    assert shift < 0.02, shift


def _focused(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id || document.activeElement.textContent : ''")


def test_shortcuts_keep_working_after_the_help_panel(browser, flow_url: str) -> None:
    """`?` then `Esc` gives the focus back to the question it came from, so `Space` shows that
    answer (and does not reopen the help) and a grade key grades it; opened with its button,
    the help gives the focus back to the button, where `Space` is still the page's shortcut."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(flow_url + THREE)
    help_panel = page.get_by_role("dialog", name="键盘快捷键")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert _focused(page) == "q2"
    page.keyboard.press("?")
    assert help_panel.is_visible()
    page.keyboard.press("Escape")
    assert not help_panel.is_visible() and _focused(page) == "q2"
    page.keyboard.press(" ")
    assert not help_panel.is_visible()
    assert page.get_by_text("学习率是每一步的步长。").is_visible()  # q2's answer
    page.keyboard.press("3")
    page.wait_for_function("document.activeElement.id === 'q3'")  # graded, and the flow moved on
    assert "学习中" in page.locator("#q2 ~ .qa-study-bar .qa-state").first.inner_text()

    page.get_by_role("button", name="? 快捷键").click()
    assert help_panel.is_visible()
    page.keyboard.press("Escape")
    assert not help_panel.is_visible() and _focused(page) == "? 快捷键"
    page.keyboard.press(" ")
    assert not help_panel.is_visible()
    assert page.get_by_text("批量大小是一步所用的样本数。").is_visible()  # q3's answer, the current question
    page.keyboard.press("4")
    page.wait_for_url("**/" + TWO + "#q1")
    page.goto(flow_url + THREE)
    assert page.locator("#q3 ~ .qa-study-bar .qa-state").first.inner_text().startswith("已掌握")
    context.close()


def test_study_this_chapter_lands_on_the_question_it_opens(learner, flow_url: str) -> None:
    """Tapped on a phone with the first question known: the second question of the first topic
    has the focus (the page's own doing: the browser's fragment focus, which can leave it on
    <body>, is not relied on), is on screen, and the move is announced; the address says #q2."""
    page = learner
    page.goto(flow_url + THREE)
    page.get_by_role("button", name="显示答案", exact=True).first.tap()
    page.get_by_role("button", name="4 简单").first.tap()
    page.wait_for_function("document.activeElement.id === 'q2'")
    page.goto(flow_url + "flow/")
    page.get_by_role("button", name="学习本章").tap()
    page.wait_for_url("**/" + THREE + "#q2")
    page.wait_for_load_state("load")
    assert _focused(page) == "q2"
    assert _on_screen(page, "#q2")
    assert _said(page) == "学习本章：三道题，第 2 / 3 题"
    page.keyboard.press(" ")  # and the keys act on it
    assert page.get_by_text("学习率是每一步的步长。").is_visible()


GRADES_SHOWN = """() => { const bar = [...document.querySelectorAll('.qa-study-bar')].find(b => !b.querySelector('.qa-grades').hidden);
    const good = bar.querySelector('.qa-grade-3'), r = good.getBoundingClientRect(), b = bar.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const answer = bar.parentElement.querySelector('details.answer[open]') || document.querySelector('details.answer[open]');
    return {hit: hit === good || good.contains(hit), barBottom: b.bottom, height: innerHeight,
            answerTop: answer.getBoundingClientRect().top, header, scrolled: scrollY}; }"""


def test_a_revealed_answer_brings_its_grade_buttons_on_screen(browser, site_url: str) -> None:
    """On a phone every seed topic's grade buttons are below the fold once the answer opens:
    tapping 显示答案 brings them on screen (tappable), only as far as needed (at the bottom
    edge, the answer's start still on screen); with reduced motion at once. A desktop that
    already shows them does not move."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + "llm/")
    topics = page.locator(".md-content li a").evaluate_all("els => els.map(a => a.href)")
    assert len(topics) == 8
    page.goto(topics[0])
    page.get_by_label("评分后转到下一题").uncheck()  # (stay on each page to see the grade land)
    for url in topics:
        page.goto(url)
        page.get_by_role("button", name="显示答案", exact=True).first.tap()
        # (a smooth scroll: wait until the page has moved and come to rest, polled every 100 ms; a
        # bar already at the bottom edge before the scroll starts must not end the wait)
        page.wait_for_function(f"(g => {{ const rest = g.scrolled > 0 && g.scrolled === window.qaLastY; "
                               f"window.qaLastY = g.scrolled; return rest && g.hit && g.barBottom <= g.height; }})"
                               f"(({GRADES_SHOWN})())", polling=100)
        got = page.evaluate(GRADES_SHOWN)
        assert got["scrolled"] > 0, (url, got)  # they were below the fold: the page moved
        assert got["height"] - 70 <= got["barBottom"] <= got["height"], (url, got)  # no further than needed
        assert got["answerTop"] >= got["header"], (url, got)  # the answer's start is still there to read
        page.get_by_role("button", name="3 良好").first.tap()  # and the tap grades
        assert page.locator(".qa-study-bar .qa-state").first.inner_text().startswith("学习中"), url
    context.close()

    context = browser.new_context(**PHONE, reduced_motion="reduce")
    page = context.new_page()
    page.goto(topics[0])
    page.get_by_role("button", name="显示答案", exact=True).first.tap()
    assert page.evaluate(GRADES_SHOWN)["hit"]  # no animation to wait for
    context.close()

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(topics[0])
    page.get_by_role("button", name="显示答案", exact=True).first.click()
    got = page.evaluate(GRADES_SHOWN)
    assert got["hit"] and got["scrolled"] == 0
    page.close()


def test_review_and_quiz_end_screens_say_what_comes_next_and_lead_back(browser, site_url: str) -> None:
    """On a phone: a chapter's review ends with when the next question comes due and links back
    to the chapter and home; so does a quiz (without the due time); each link leads there."""
    from datetime import datetime, timedelta, timezone

    context = browser.new_context(**PHONE)
    page = context.new_page()
    start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    page.clock.install(time=start)
    page.goto(site_url + "llm/01-shen-me-shi-da-mo-xing/")
    page.get_by_label("评分后转到下一题").uncheck()
    for topic in ("llm/01-shen-me-shi-da-mo-xing/", "llm/02-da-mo-xing-de-gong-zuo-yuan/"):
        page.goto(site_url + topic)
        page.get_by_role("button", name="显示答案", exact=True).first.tap()
        page.get_by_role("button", name="1 重来").first.tap()  # due again in a minute
    page.clock.set_system_time(start + timedelta(minutes=5))
    page.goto(site_url + "study/review/?chapter=llm")
    page.get_by_role("button", name="开始复习").tap()
    for _ in range(2):
        page.get_by_role("button", name="显示答案", exact=True).tap()
        good = page.get_by_role("button", name="3 良好")
        page.wait_for_function("() => { const b = document.querySelector('.qa-card-back .qa-grade-3').getBoundingClientRect();"
                               " return b.top >= 0 && b.bottom <= innerHeight; }")  # on screen to tap
        good.tap()
    summary = page.locator(".qa-summary")
    assert summary.is_visible() and summary.inner_text() == "完成 2 题：重来 0，困难 0，良好 2，简单 0。"
    assert page.locator(".qa-next-review").inner_text() == "下次复习：10 分钟后。"
    assert page.locator(".qa-next-review").is_visible()
    back = page.get_by_role("link", name="返回本章：大模型：从理论到实践的应用")
    assert back.is_visible() and page.get_by_role("link", name="返回首页").is_visible()
    assert page.get_by_role("button", name="再来一轮").is_visible()
    back.tap()
    page.wait_for_url(site_url + "llm/")

    page.goto(site_url + "study/quiz/?chapter=llm")
    page.get_by_label("题数").fill("1")
    page.get_by_role("button", name="开始测验").tap()
    page.get_by_role("button", name="显示答案", exact=True).tap()
    page.get_by_role("button", name="4 简单").tap()
    assert page.locator(".qa-summary").is_visible()
    assert page.locator(".qa-next-review").count() == 0  # a quiz is not about what is due
    assert page.get_by_role("link", name="返回本章：大模型：从理论到实践的应用").is_visible()
    page.get_by_role("link", name="返回首页").tap()
    page.wait_for_url(site_url)
    context.close()


def test_j_and_k_go_past_a_one_question_page(browser, site_url: str) -> None:
    """The seed's topics have one question each: `j` goes on to the next page's question and `k`
    back, as the help's "next question" says; at the book's first question `k` says so."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    first, second = "llm/01-shen-me-shi-da-mo-xing/", "llm/02-da-mo-xing-de-gong-zuo-yuan/"
    page.goto(site_url + first)
    page.keyboard.press("j")
    assert _focused(page) == "q1"
    page.keyboard.press("j")
    page.wait_for_url("**/" + second + "#q1")
    page.wait_for_function("document.activeElement.id === 'q1'")
    assert _on_screen(page, "#q1") and "第 1 / 1 题" in _said(page)
    page.keyboard.press("k")
    page.wait_for_url("**/" + first + "#q1")
    page.wait_for_function("document.activeElement.id === 'q1'")
    page.keyboard.press("k")
    page.wait_for_function("document.getElementById('qa-live').textContent.includes('这是全书第一题。')")
    assert page.url.endswith(first + "#q1") and _focused(page) == "q1"
    context.close()


CLICKS_SEEN = """() => { window.qaClicks = [];
    document.addEventListener('click', e => { const b = e.target.closest && e.target.closest('.qa-reveal, .qa-grade');
        if (b) window.qaClicks.push(b.classList.contains('qa-reveal') ? 'reveal' : b.dataset.grade); }, true); }"""


def test_space_then_3_moves_on_as_the_buttons_do(browser, flow_url: str) -> None:
    """A person's keys, nothing else: `Space` then `3` on a topic page and in a quiz. The next
    question is then on screen (hit-tested) with no further input, within Playwright's normal
    wait, and the keys pressed the very buttons a click presses (the page's reveal and grade
    buttons saw the clicks): the keys take the click's path, not one of their own. (Reported:
    with the keys the move took about 3 s, with a click it was prompt.)"""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(flow_url + THREE)
    page.evaluate(CLICKS_SEEN)
    page.keyboard.press(" ")
    page.keyboard.press("3")
    page.wait_for_function("document.activeElement.id === 'q2'")
    assert _on_screen(page, "#q2")
    assert page.evaluate("window.qaClicks") == ["reveal", "3"]
    assert "学习中" in page.locator("#q1 ~ .qa-study-bar .qa-state").first.inner_text()

    page.goto(flow_url + "study/quiz/?chapter=flow")
    page.get_by_label("题数").fill("2")
    page.get_by_role("button", name="开始测验").click()
    page.get_by_text("第 1 / 2 题").wait_for()
    page.evaluate(CLICKS_SEEN)
    page.keyboard.press(" ")
    page.keyboard.press("3")
    page.get_by_text("第 2 / 2 题").wait_for()
    assert _on_screen(page, ".qa-card-question")
    assert page.evaluate("window.qaClicks") == ["reveal", "3"]
    context.close()
