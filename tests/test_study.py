"""Study mode: self-test, grades and progress, the FSRS scheduler, review and quiz pages, exports.

Browser tests do what a learner does (click, keys, reload, tap) on the real seed site, and
assert what is on screen. The JS scheduler is checked against the Python `fsrs` package.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, qabook
from qabook.study import split_questions

TOPIC = "llm/01-shen-me-shi-da-mo-xing/"
TOPIC2 = "llm/02-da-mo-xing-de-gong-zuo-yuan/"
TOPIC3 = "llm/03-ru-he-xun-lian-da-mo-xing/"
ANSWER = "大模型指的是具有数百万甚至数十亿个参数的深度学习模型"
KEY = "shen-me-shi-da-mo-xing#q1"


# ---------------------------------------------------------------- the scheduler

def _histories(count: int) -> list[list[tuple[int, int]]]:
    """Review histories as (rating, minutes since the previous review): learners who review on
    time, early, late, within the same day, and after long breaks."""
    rng = random.Random(7)
    gaps = [0, 1, 5, 10, 30, 90, 600, 1440, 2 * 1440, 3 * 1440, 7 * 1440, 16 * 1440, 40 * 1440, 200 * 1440]
    out = []
    for _ in range(count):
        n = rng.randint(6, 16)
        out.append([(rng.choice([1, 2, 3, 3, 3, 4]), rng.choice(gaps) + rng.randint(0, 59)) for _ in range(n)])
    return out


MAX_INTERVAL = 36500  # days: FSRS's cap (the Python package's default maximum_interval)


def _history_to_the_cap() -> list[tuple[int, int]]:
    """A learner who knows the card: Easy every time, on the day it is due, until the interval
    reaches the cap, then twice more (due times from the Python scheduler)."""
    from fsrs import Card, Rating, Scheduler

    scheduler, card, when = Scheduler(enable_fuzzing=False), Card(), datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    history, gap, capped = [], 0, 0
    while capped < 3:
        history.append((4, gap))
        card, _ = scheduler.review_card(card, Rating.Easy, when)
        gap = round((card.due - when).total_seconds() / 60)
        when = card.due
        capped += gap == MAX_INTERVAL * 1440
    return history


@pytest.mark.browser
def test_fsrs_js_agrees_with_python_fsrs(browser) -> None:
    from fsrs import Card, Rating, Scheduler

    histories = [*_histories(30), _history_to_the_cap()]
    start = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    scheduler = Scheduler(enable_fuzzing=False)
    expected = []
    for history in histories:
        card, when, steps = Card(), start, []
        for rating, gap in history:
            when = when + timedelta(minutes=gap)
            card, _ = scheduler.review_card(card, Rating(rating), when)
            steps.append({"state": int(card.state), "step": card.step, "s": card.stability, "d": card.difficulty,
                          "interval": (card.due - when).total_seconds() / 86400})
        expected.append(steps)

    page = browser.new_page()
    page.add_script_tag(content=resources.files("qabook.assets").joinpath("fsrs.js").read_text(encoding="utf-8"))
    got = page.evaluate("""([histories, start]) => histories.map(h => {
        const F = window.qabookFsrs; let at = start, card = F.newCard(at); const out = [];
        for (const [rating, gap] of h) {
          at += gap * 60000; card = F.review(card, rating, at);
          out.push({state: card.state, step: card.step, s: card.s, d: card.d, interval: (card.due - at) / 86400000});
        }
        return out; })""", [histories, int(start.timestamp() * 1000)])
    page.close()
    assert len(got) == len(expected) == len(histories) > 30
    reviews = 0
    for h, (want, have) in enumerate(zip(expected, got)):
        assert len(have) == len(want) == len(histories[h]), f"history {h}: {len(have)} of {len(want)} reviews"
        for i, (w, g) in enumerate(zip(want, have)):
            where = f"history {h}, review {i + 1}"
            assert (g["state"], g["step"]) == (w["state"], w["step"]), where
            assert g["interval"] == pytest.approx(w["interval"], abs=1e-6), where
            assert g["s"] == pytest.approx(w["s"], rel=1e-9), where
            assert g["d"] == pytest.approx(w["d"], rel=1e-9), where
            reviews += 1
    long_intervals = sum(1 for steps in expected for s in steps if s["interval"] >= 30)
    assert reviews > 200 and long_intervals > 10  # the histories reach far into review
    assert [s["interval"] for s in expected[-1]].count(MAX_INTERVAL) == 3  # and one reaches the cap


# ---------------------------------------------------------------- cards from rendered HTML

def test_split_questions_keeps_each_part_without_its_title() -> None:
    html = ('<h1>T</h1><div class="admonition question" id="q1"><p class="admonition-title">题目 1<a>¶</a></p>'
            '<p>Q one</p><div class="x"><p>nested</p></div></div>\n'
            '<details class="answer"><summary>答案</summary><p>A <code>&lt;b&gt;</code></p></details>\n'
            '<details class="explanation"><summary>解析</summary><p>E</p></details>\n'
            '<div class="admonition question" id="q2"><p class="admonition-title">题目 2</p><p>Q two</p></div>\n'
            '<details class="answer"><summary>答案</summary><p>A2</p></details>')
    q1, q2 = split_questions(html)
    assert (q1.anchor, q1.question) == ("q1", '<p>Q one</p><div class="x"><p>nested</p></div>')
    assert q1.answer == "<p>A <code>&lt;b&gt;</code></p>" and q1.explanation == "<p>E</p>"
    assert (q2.anchor, q2.question, q2.answer, q2.explanation) == ("q2", "<p>Q two</p>", "<p>A2</p>", "")


# ---------------------------------------------------------------- exports

def _apkg_notes(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(guid, fields, tags) of every note in an .apkg, read as what it is: a zip holding SQLite."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert "collection.anki2" in names
        data = z.read("collection.anki2")
    db = path.with_suffix(".anki2")
    db.write_bytes(data)
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT guid, flds, tags FROM notes ORDER BY guid").fetchall()
        decks = json.loads(con.execute("SELECT decks FROM col").fetchone()[0])
    finally:
        con.close()
    _apkg_notes.decks = sorted(d["name"] for d in decks.values())  # type: ignore[attr-defined]
    return [(g, f.split("\x1f"), t.split()) for g, f, t in rows]


def test_anki_export_one_note_per_question_with_stable_guids(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    first, second, edited = tmp_path / "a.apkg", tmp_path / "b.apkg", tmp_path / "c.apkg"
    for out in (first, second):
        result = qabook("export", "anki", "--out", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
    notes = _apkg_notes(first)
    assert len(notes) == 8  # the seed book's 8 questions
    assert _apkg_notes.decks[-1] == "大模型面试题学习站::大模型：从理论到实践的应用"  # type: ignore[attr-defined]
    by_question = {n[1][0]: n for n in notes}
    guid, fields, tags = by_question["<p>请解释什么是大模型？</p>"]
    assert ANSWER in fields[1] and "大模型通常是基于神经网络架构" in fields[2]
    assert set(tags) == {"chapter::llm", "topic::shen-me-shi-da-mo-xing", "基础概念"}
    assert not any(re.search(r"(src|href|url)\s*[=(]\s*[\"']?https?:", f) for n in notes for f in n[1])
    assert [n[0] for n in _apkg_notes(second)] == [n[0] for n in notes]

    page = project / "docs/llm/01-shen-me-shi-da-mo-xing.md"
    page.write_text(page.read_text(encoding="utf-8").replace(ANSWER, "改过的答案"), encoding="utf-8")
    shutil.move(str(project / "docs/llm/02-da-mo-xing-de-gong-zuo-yuan.md"), str(project / "docs/llm/09-renamed.md"))
    index = project / "docs/llm/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("02-da-mo-xing-de-gong-zuo-yuan.md", "09-renamed.md"),
                     encoding="utf-8")
    assert qabook("export", "anki", "--out", str(edited), cwd=project).returncode == 0
    after = _apkg_notes(edited)
    assert [n[0] for n in after] == [n[0] for n in notes]  # same notes: Anki updates them on import
    assert any("改过的答案" in n[1][1] for n in after if n[0] == guid)


def test_export_html_has_formulas_as_svg_and_coloured_code() -> None:
    from qabook.export import render_block

    html = render_block(["能量 $E = mc^2$。", "", "```python", "def f(x):", "    return x", "```"])
    assert '<span class="qa-math" role="img" aria-label="E = mc^2"><svg' in html
    assert "style=" in html and "def" in html and "$" not in html
    assert not re.search(r"(src|href)\s*=\s*[\"']https?:", html)


def test_json_export_validates_against_the_schema(tmp_path: Path) -> None:
    import jsonschema

    from qabook.export import schema

    out = tmp_path / "book.json"
    result = qabook("export", "json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(data, schema())
    questions = [q for ch in data["chapters"] for t in ch["topics"] for q in t["questions"]]
    assert len(questions) == 8 and questions[0]["key"] == KEY
    assert questions[0]["answer"]["markdown"].startswith(ANSWER) and ANSWER in questions[0]["answer"]["html"]
    assert data["chapters"][0]["topics"][0]["source"] == "llm/01-shen-me-shi-da-mo-xing.md"
    data["chapters"][0]["topics"][0]["questions"][0]["key"] = "no-anchor"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())
    assert (ROOT / "src/qabook/export/book.schema.json").is_file()


def test_export_to_an_unwritable_place_is_a_usage_error(tmp_path: Path) -> None:
    result = qabook("export", "json", "--out", str(tmp_path / "missing" / "book.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "cannot write" in result.stderr


def test_site_publishes_exports_next_to_the_pdfs_and_links_them(built_site: Path) -> None:
    assert zipfile.is_zipfile(built_site / "pdf/book.apkg")
    assert json.loads((built_site / "pdf/book.json").read_text(encoding="utf-8"))["schema_version"] == 1
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/book.apkg"' in home and 'href="pdf/book.json"' in home


# ---------------------------------------------------------------- in the browser

def _shown(page, selector: str) -> bool:
    """Really on screen: visible, and the topmost element at its centre belongs to it."""
    loc = page.locator(selector).first
    if not loc.is_visible():
        return False
    return bool(loc.evaluate("""el => { el.scrollIntoView({block: "center"}); const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
        return el === hit || el.contains(hit); }"""))


@pytest.fixture
def learner(browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


@pytest.mark.browser
def test_reveal_by_click_and_by_key_show_all_hide_all(learner, site_url: str) -> None:
    page = learner
    page.goto(site_url + TOPIC)
    answer = page.get_by_text(ANSWER)
    assert not answer.is_visible()
    page.get_by_role("button", name="显示答案", exact=True).first.click()
    assert answer.is_visible() and _shown(page, "details.answer p")
    page.wait_for_function("document.getElementById('qa-live').textContent === '已显示答案'")
    page.get_by_role("button", name="隐藏答案", exact=True).first.click()
    assert not answer.is_visible()

    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "q1"
    page.keyboard.press(" ")
    assert answer.is_visible()
    page.keyboard.press(" ")
    assert not answer.is_visible()

    page.get_by_role("button", name="全部显示答案").click()
    assert answer.is_visible() and page.get_by_text("大模型通常是基于神经网络架构").is_visible()
    page.get_by_role("button", name="全部隐藏答案").click()
    assert not answer.is_visible()

    page.keyboard.press("?")
    assert _shown(page, "#qa-help") and page.get_by_text("键盘快捷键").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#qa-help").is_visible()


@pytest.mark.browser
def test_focus_is_visible_on_study_buttons(learner, site_url: str) -> None:
    page = learner
    page.goto(site_url + TOPIC)
    page.get_by_role("button", name="全部显示答案").focus()
    page.keyboard.press("Tab")  # keyboard focus: :focus-visible applies
    style = page.evaluate("[getComputedStyle(document.activeElement).outlineStyle, "
                          "getComputedStyle(document.activeElement).outlineWidth]")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON" and style == ["solid", "3px"]


@pytest.mark.browser
def test_grade_survives_reload_and_shows_in_chapter_progress(learner, site_url: str) -> None:
    page = learner
    page.goto(site_url + TOPIC)
    page.get_by_role("button", name="显示答案", exact=True).first.click()
    page.get_by_role("button", name="4 简单").click()
    page.wait_for_url("**/" + TOPIC2 + "#q1")  # the study flow moves on to the next page's question
    page.goto(site_url + TOPIC)
    assert page.locator(".qa-study-bar .qa-state").inner_text().startswith("已掌握")
    page.goto(site_url + "llm/")
    assert page.get_by_text("掌握 1/8 · 待复习 0 · 学习中 0").is_visible()
    item = page.locator(".md-content li", has_text="什么是大模型？")
    assert item.locator(".qa-badge").inner_text() == "已掌握"
    assert page.locator(".md-content li", has_text="如何训练大模型？").locator(".qa-badge").inner_text() == "新题"
    page.goto(site_url)
    assert page.get_by_text("掌握 1/8").first.is_visible()

    page.once("dialog", lambda d: d.accept())
    page.goto(site_url + "llm/")
    page.get_by_role("button", name="重置本章进度").click()
    assert page.get_by_text("掌握 0/8 · 待复习 0 · 学习中 0").is_visible()


@pytest.mark.browser
def test_a_links_badge_is_found_without_resolving_every_topic_for_it(learner, site_url: str) -> None:
    """Each link's topic is looked up by its address in a table made once per page script, not by
    resolving every topic's address for every link (links × topics: at 1,000 topics, 1.2 s each
    time a page is set up — every load, every instant navigation, every live-preview save)."""
    page = learner
    page.goto(site_url + "llm/")
    badges = page.locator(".md-content li .qa-badge")
    assert badges.count() == 8
    topics = page.evaluate("QABOOK_STUDY.topics.length")
    made = page.evaluate("""() => { const U = window.URL; let n = 0;
        window.URL = function (a, b) { n++; return new U(a, b); };
        window.URL.prototype = U.prototype;
        try { document$.next(document); } finally { window.URL = U; }
        return n; }""")  # the page set up again, as instant navigation does
    assert badges.count() == 8 and badges.first.is_visible()
    assert made < topics, f"{made} addresses resolved for {topics} topics"


@pytest.mark.browser
def test_export_clear_and_import_progress(learner, site_url: str, tmp_path: Path) -> None:
    page = learner
    page.goto(site_url + TOPIC)
    page.keyboard.press("j")
    page.keyboard.press(" ")
    page.keyboard.press("3")  # good: learning, next step in 10 minutes
    page.wait_for_url("**/" + TOPIC2 + "#q1")
    page.goto(site_url + TOPIC)
    assert "学习中" in page.locator(".qa-state").inner_text()
    page.goto(site_url)
    with page.expect_download() as info:
        page.get_by_role("button", name="导出进度").click()
    saved = tmp_path / "progress.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "qabook-progress" and list(data["cards"]) == [KEY]

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="重置全部进度").click()
    assert page.get_by_text("掌握 0/8 · 待复习 0 · 学习中 0").is_visible()

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="导入进度").click()
    chooser.value.set_files(str(saved))
    page.get_by_text("掌握 0/8 · 待复习 0 · 学习中 1").wait_for()
    page.goto(site_url + TOPIC)
    assert "学习中" in page.locator(".qa-state").inner_text()

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    page.goto(site_url)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="导入进度").click()
    chooser.value.set_files(str(bad))
    page.wait_for_function("document.getElementById('qa-live').textContent.includes('无法导入')")


@pytest.mark.browser
def test_review_page_lists_exactly_what_is_due(learner, site_url: str) -> None:
    page = learner
    start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    page.clock.install(time=start)

    def grade(path: str, *keys: str) -> None:
        page.goto(site_url + path)
        page.get_by_role("button", name="显示答案", exact=True).first.click()
        for name in keys:
            page.get_by_role("button", name=name).click()

    grade(TOPIC, "4 简单")  # review state, due in days (about two weeks)
    grade(TOPIC2, "1 重来")  # learning, due in a minute
    grade(TOPIC3, "3 良好")  # learning, due in ten minutes

    def due_keys(at: datetime) -> list[str]:
        page.clock.set_system_time(at)
        page.goto(site_url + "study/review/")
        page.locator(".qa-due-list h2").wait_for()
        return page.locator(".qa-due li").evaluate_all("els => els.map(e => e.dataset.qaKey)")

    assert due_keys(start) == []
    assert page.get_by_text("现在没有到期的题目。").is_visible()
    assert page.locator(".qa-due-list .qa-next-review").inner_text() == "下次复习：1 分钟后。"  # not silence
    page.clock.run_for(2 * 60 * 1000)  # the learner waits on this screen: the question comes due
    page.get_by_text("现在到期 1 题").wait_for()
    assert page.locator(".qa-due li").evaluate_all("els => els.map(e => e.dataset.qaKey)") == ["da-mo-xing-de-gong-zuo-yuan#q1"]
    assert due_keys(start + timedelta(minutes=5)) == ["da-mo-xing-de-gong-zuo-yuan#q1"]
    assert due_keys(start + timedelta(days=2)) == ["da-mo-xing-de-gong-zuo-yuan#q1", "ru-he-xun-lian-da-mo-xing#q1"]
    assert page.get_by_text("现在到期 2 题").is_visible()
    assert len(due_keys(start + timedelta(days=90))) == 3

    page.get_by_role("button", name="开始复习").click()
    for _ in range(3):
        page.keyboard.press(" ")
        page.keyboard.press("4")
    assert page.locator(".qa-summary").get_by_text("完成 3 题：重来 0，困难 0，良好 0，简单 3。").is_visible()
    assert due_keys(start + timedelta(days=91)) == []


@pytest.mark.browser
def test_quiz_runs_to_its_summary_and_feeds_progress(learner, site_url: str) -> None:
    page = learner
    page.goto(site_url + "study/quiz/?chapter=llm")
    page.get_by_label("题数").fill("3")
    page.get_by_role("button", name="开始测验").click()
    page.locator(".qa-position").wait_for()  # (the chosen questions' chapter is loaded first)
    for grade in ("1 重来", "3 良好", "4 简单"):
        assert page.locator(".qa-position").is_visible()
        assert not page.locator(".qa-card-back").is_visible()
        page.get_by_role("button", name="显示答案", exact=True).click()
        assert _shown(page, ".qa-card-back .answer")
        sizes = page.evaluate("""() => ['.qa-card-question p', '.qa-card-back .answer p']
            .map(s => getComputedStyle(document.querySelector(s)).fontSize)""")
        assert sizes[0] == sizes[1] == "16px", sizes  # answer text at the question's (body) size
        page.get_by_role("button", name=grade).click()
    summary = page.locator(".qa-summary").get_by_text("完成 3 题：重来 1，困难 0，良好 1，简单 1。")  # (also in the live region)
    assert summary.is_visible()
    page.goto(site_url + "llm/")
    assert page.get_by_text("掌握 1/8").is_visible()

    page.goto(site_url + "study/quiz/")
    page.get_by_label("范围").select_option(label="标签：基础概念")
    page.get_by_role("button", name="开始测验").click()
    page.get_by_text("第 1 / 2 题").wait_for()  # the two topics tagged 基础概念

    page.goto(site_url + "study/quiz/")
    page.get_by_label("题目").select_option("again")
    page.get_by_role("button", name="开始测验").click()
    page.get_by_text("第 1 / 1 题").wait_for()


@pytest.mark.browser
def test_tap_on_a_phone(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(site_url + TOPIC)
    page.get_by_role("button", name="显示答案", exact=True).first.tap()
    assert page.get_by_text(ANSWER).is_visible()
    page.get_by_role("button", name="2 困难").tap()
    page.wait_for_url("**/" + TOPIC2 + "#q1")
    page.goto(site_url + TOPIC)
    assert "学习中" in page.locator(".qa-state").inner_text()
    for path in (TOPIC, "llm/", "", "study/quiz/", "study/review/"):
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, path
    context.close()


@pytest.mark.browser
def test_without_javascript_the_topic_page_is_the_plain_collapsible_page(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TOPIC)
    assert page.locator(".qa-toolbar, .qa-study-bar, .qa-badge").count() == 0
    assert not page.get_by_text(ANSWER).is_visible()
    page.locator("details.answer summary").click()
    assert page.get_by_text(ANSWER).is_visible()
    page.goto(site_url + "study/review/")
    assert page.get_by_text("这个页面需要 JavaScript。").is_visible()
    context.close()


@pytest.mark.browser
def test_an_english_book_gets_english_study_text(browser, tmp_path: Path) -> None:
    from browser import serve

    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    result = qabook("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    english = json.loads((ROOT / "src/qabook/locales/en.json").read_text(encoding="utf-8"))
    chinese = json.loads((ROOT / "src/qabook/locales/zh.json").read_text(encoding="utf-8"))
    assert {k for k in english if k.startswith("study.")} == {k for k in chinese if k.startswith("study.")}
    with serve(project / "site") as url:
        page = browser.new_page()
        page.goto(url + TOPIC)
        assert page.get_by_role("button", name="Show all answers").is_visible()
        assert page.get_by_label("Go to the next question after grading").is_checked()
        page.get_by_role("button", name="Show answer", exact=True).click()
        page.get_by_role("button", name="3 Good").click()
        page.wait_for_url("**/" + TOPIC2 + "#q1")  # the next page's question, as in Chinese
        page.wait_for_function("document.getElementById('qa-live').textContent.includes('Next page')")
        page.goto(url + "llm/")
        assert page.get_by_text("Mastered 0/8 · due 0 · learning 1").is_visible()
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "llm/"])
@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_progress_panel_arrives_without_shifting_the_page(browser, site_url: str, path: str, viewport: dict) -> None:
    """The page keeps room for the panel study.js adds, so the content does not jump (CLS)."""
    page = browser.new_page(viewport=viewport)
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.locator(".qa-progress").is_visible()
    shift = page.evaluate("window.__shift")
    page.close()
    assert shift < 0.05, shift
