"""The search box as a reader uses it: click or tap into it, type, see results on screen; and
the topic page a result lands on (its questions in the contents, text at body size, wide
formulas and code that scroll instead of shrinking).

The site: the seed chapter plus one topic written here (`llm/09-…`), which holds the word
`constructor`, code, a formula and two questions, so that snippets and landings can be checked.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, copy_project, qabook
from qabook.i18n import strings
from searchset import on_screen

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
FILLER = "这一段只是为了让正文变长，" * 12

EXTRA = f"""---
id: gou-zao-han-shu
tags: [编程]
---

# 构造函数与张量

/// question
什么是构造函数？
///

/// answer
{FILLER}在 Python 里，`torch.Tensor` 的 constructor 会分配内存。
///

/// explanation
对象由构造函数创建。

```python
x = torch.tensor([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0]])
```
///

/// question
怎样计算均方误差？
///

/// answer
按公式计算。

$$
L = \\frac{{1}}{{n}} \\sum_{{i=1}}^{{n}} (y_i - \\hat{{y}}_i)^2
$$

$$
R = \\lambda_1 \\sum_{{j=1}}^{{m}} |w_j| + \\lambda_2 \\sum_{{j=1}}^{{m}} w_j^2 + \\frac{{\\alpha}}{{2}} \\sum_{{k=1}}^{{K}} \\left( \\frac{{a_k}}{{b_k}} \\right)^2 + \\frac{{\\beta}}{{3}} \\sum_{{k=1}}^{{K}} c_k^3
$$
///

/// explanation
{FILLER}均方误差对离群值很敏感，这一句只在解析里：蜂鸟效应。
///
"""


@pytest.fixture(scope="module")
def ui_site(tmp_path_factory: pytest.TempPathFactory):
    from browser import serve

    project = copy_project(tmp_path_factory.mktemp("searchui"))
    (project / "docs/llm/09-gou-zao-han-shu.md").write_text(EXTRA, encoding="utf-8")
    index = project / "docs/llm/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "- [构造函数与张量](09-gou-zao-han-shu.md)\n",
                     encoding="utf-8")
    r = qabook("build", "--no-pdf", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    with serve(project / "site") as url:
        yield url


def search_by_click(page, query: str) -> None:
    """Click into the header search box (or tap the search icon on a phone), then type."""
    if page.viewport_size["width"] >= 960:  # Material shows the box in the header from 60em up
        page.click("[data-qa-search] input")
    else:
        page.tap("label.md-header__button[for=__search]")
        page.wait_for_function("document.activeElement && document.activeElement.matches('[data-qa-search] input')")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    wait_for(page, query)


def wait_for(page, query: str) -> None:
    page.wait_for_function("q => document.querySelector('[data-qa-search]').dataset.qaQuery === q", arg=query)


def results(page):
    return page.locator(".md-search-result__list a")


def status(page) -> str:
    return page.locator(".md-search-result__meta").inner_text()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_click_into_the_box_and_type_shows_results(browser, ui_site: str, device: dict) -> None:
    context = browser.new_context(**device)
    page = context.new_page()
    page.goto(ui_site + "llm/")
    search_by_click(page, "注意力")
    first = results(page).first
    assert on_screen(page, first), "the first result is not visible after clicking into the box and typing"
    assert "注意力" in first.inner_text()
    context.close()


@pytest.mark.parametrize("key", ["/", "s"])
def test_slash_and_s_open_search(browser, ui_site: str, key: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    page.keyboard.press(key)
    page.keyboard.type("差分隐私")
    wait_for(page, "差分隐私")
    assert on_screen(page, results(page).first)
    page.close()


def test_arrows_move_the_selection_and_enter_opens_it(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "大模型")
    assert results(page).count() >= 3
    second = results(page).nth(1).get_attribute("href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator(".md-search-result__list a[aria-selected=true]").get_attribute("href") == second
    box = page.locator("[data-qa-search] input")
    assert box.get_attribute("aria-activedescendant") == results(page).nth(1).get_attribute("id")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(second)
    page.close()


def test_escape_closes_and_the_count_is_announced(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "差分隐私")
    meta = page.locator(".md-search-result__meta")
    assert meta.get_attribute("aria-live") == "polite"
    assert re.fullmatch(strings("zh")["search.found"].replace("{n}", r"\d+"), status(page))
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)  # Material's closing transition
    assert not on_screen(page, results(page).first)
    page.close()


def test_prototype_property_names_are_ordinary_words(browser, ui_site: str) -> None:
    """`constructor` is found where it is written; the other names are in no text: no results, no error."""
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "constructor")
    assert "/llm/09-gou-zao-han-shu/#q1" in results(page).first.get_attribute("href")
    for query in ["toString", "valueOf", "__proto__", "hasOwnProperty", "constructors"]:
        search_by_click(page, query)
        root = page.locator("[data-qa-search]")
        assert root.get_attribute("data-qa-error") is None, query
        if query != "constructors":
            assert status(page) == strings("zh")["search.none"], query
            assert results(page).count() == 0
    page.close()


def test_every_result_is_reachable(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "的")  # one character, in every question
    total = int(re.search(r"\d+", status(page)).group())
    assert total > 10 and results(page).count() == 10
    more = page.locator(".qa-search-more")
    while more.is_visible():
        shown = results(page).count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__list a').length > n", arg=shown)
    assert results(page).count() == total
    hrefs = [results(page).nth(i).get_attribute("href") for i in range(total)]
    assert len(set(hrefs)) == total
    last = results(page).last
    last.scroll_into_view_if_needed()
    assert on_screen(page, last)
    page.close()


def test_one_character_query(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "模")  # in every seed topic, never alone
    assert results(page).count() >= 8
    assert results(page).first.locator("mark").first.inner_text() == "模"
    page.close()


def test_snippet_is_the_passage_that_matched(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "constructor")
    first = results(page).first
    snippet = first.locator("article p").last
    text = snippet.inner_text()
    assert text.startswith("…") and "torch.Tensor" in text, text  # cut before the match, code as written
    assert snippet.locator("mark").first.inner_text().lower() == "constructor"
    assert "· Q" not in first.locator("h1").inner_text()
    search_by_click(page, "frac")
    snippet = results(page).first.locator("article p").last.inner_text()
    assert "\\frac{1}{n}" in snippet, snippet  # a formula as its TeX
    page.close()


def test_ime_composition_waits_for_compositionend(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    page.click("[data-qa-search] input")
    page.evaluate("""() => {
        const box = document.querySelector('[data-qa-search] input');
        box.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        box.value = "zi'zhu'yi'li";
        box.dispatchEvent(new InputEvent('input', {data: "zi'zhu'yi'li", isComposing: true, bubbles: true}));
    }""")
    page.wait_for_timeout(400)
    assert page.locator("[data-qa-search]").get_attribute("data-qa-query") is None
    assert status(page) == strings("zh")["search.prompt"]
    page.evaluate("""() => {
        const box = document.querySelector('[data-qa-search] input');
        box.value = '自注意力';
        box.dispatchEvent(new InputEvent('input', {data: '自注意力', isComposing: true, bubbles: true}));
        box.dispatchEvent(new CompositionEvent('compositionend', {data: '自注意力'}));
    }""")
    wait_for(page, "自注意力")
    assert on_screen(page, results(page).first)
    page.close()


def test_landing_marks_the_question_and_opens_the_matching_block(browser, ui_site: str) -> None:
    """Without study mode (no study data on the page, as with `study: false`); in study mode the
    landing only marks the question (tests/test_study_flow.py)."""
    page = browser.new_page(**DESKTOP)
    page.add_init_script("Object.defineProperty(window, 'QABOOK_STUDY', {get: () => undefined, set: () => {}})")
    page.goto(ui_site)
    search_by_click(page, "蜂鸟效应")  # only in the explanation of question 2
    results(page).first.click()
    page.wait_for_url(re.compile(r"/llm/09-gou-zao-han-shu/#q2$"))
    page.wait_for_function("document.querySelector('#q2').classList.contains('qa-landed')")
    explanation = page.locator("#q2 ~ details.explanation").first
    assert explanation.get_attribute("open") is not None
    assert page.locator("#q2 ~ details.answer").first.get_attribute("open") is None
    assert page.locator("#q1 ~ details.answer").first.get_attribute("open") is None
    assert on_screen(page, page.get_by_text("蜂鸟效应", exact=False))
    page.close()


def test_interface_strings_come_from_the_locale(ui_site: str) -> None:
    """No reader-facing text is written in the script; the site's copy of it starts with the
    locale's search.* strings (once for the site: no page repeats them)."""
    script = (ROOT / "src/qabook/assets/qasearch.js").read_text(encoding="utf-8")
    assert not re.search(r"[\u3400-\u9fff]", script)
    import urllib.request

    html = urllib.request.urlopen(ui_site).read().decode("utf-8")
    served = urllib.request.urlopen(ui_site + "assets/qabook/qasearch.js").read().decode("utf-8")
    blob = re.match(r"window\.QABOOK_SEARCH_UI = (\{.*\});\n", served).group(1)
    wanted = {k: v for k, v in strings("zh").items() if k.startswith("search.")}
    assert json.loads(blob) == {"strings": wanted}
    assert "data-qa-strings" not in html and wanted["search.partial_rest"] not in html
    assert 'placeholder="' + wanted["search.placeholder"] + '"' in html


def test_chapter_link_lists_are_not_results(browser, ui_site: str) -> None:
    """A topic's title finds the topic, and never the chapter page that merely links to it."""
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    search_by_click(page, "构造函数与张量")
    hrefs = [results(page).nth(i).get_attribute("href") for i in range(results(page).count())]
    assert hrefs and "/llm/09-gou-zao-han-shu/" in hrefs[0]
    assert not any(h.rstrip("/").endswith("/llm") for h in hrefs), hrefs
    page.close()


TOPIC9 = "llm/09-gou-zao-han-shu/"


def test_questions_are_headings_in_the_contents(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site + TOPIC9)
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    labels = [toc.nth(i).inner_text() for i in range(toc.count())]
    assert labels == ["题目 1：什么是构造函数？", "题目 2：怎样计算均方误差？"], labels
    assert on_screen(page, toc.nth(1))
    assert page.get_by_role("heading", name=re.compile(r"^题目 2")).count() == 1
    toc.nth(1).click()
    page.wait_for_url(re.compile(r"#q2$"))
    page.close()


def test_question_and_answer_text_at_body_size(browser, ui_site: str) -> None:
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site + TOPIC9)
    sizes = page.evaluate("""() => ['.question p:not(.admonition-title)', 'details.answer p', 'article > h1']
        .map(s => getComputedStyle(document.querySelector(s)).fontSize)""")
    body = page.evaluate("getComputedStyle(document.querySelector('article.md-typeset')).fontSize")
    assert sizes[0] == sizes[1] == body, (sizes, body)
    page.close()


def test_wide_formula_and_code_scroll_sideways_on_a_phone(browser, ui_site: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(ui_site + TOPIC9)
    for summary in page.locator("summary").all():
        summary.click()
    wide = page.evaluate("""() => [...document.querySelectorAll('div.qa-math')].map(d => {
        const svg = d.querySelector('svg').getBoundingClientRect();
        return {svg: svg.width, h: svg.height, box: d.clientWidth, scroll: d.scrollWidth}; })""")
    widest = max(wide, key=lambda w: w["svg"])
    assert widest["svg"] > widest["box"] and widest["scroll"] > widest["box"], wide  # scrolls, not shrunk
    assert widest["h"] > 30, wide
    code = page.evaluate("(() => { const c = document.querySelector('pre > code');"
                         " return [c.scrollWidth, c.clientWidth, getComputedStyle(c).whiteSpace]; })()")
    assert code[0] > code[1] and code[2] == "pre", code
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    page.emulate_media(media="print")  # in print they fit the page instead
    fits = page.evaluate("""() => [...document.querySelectorAll('div.qa-math')].every(d =>
        d.querySelector('svg').getBoundingClientRect().width <= d.clientWidth + 1)""")
    assert fits and page.evaluate("getComputedStyle(document.querySelector('pre > code')).whiteSpace") == "pre-wrap"
    context.close()


def test_a_query_starts_on_the_input_event_and_only_the_last_shows(browser, ui_site: str) -> None:
    """Each input event starts its query at once (no pause on a timer: the page's timers are
    stopped here, so a query that waited for one never comes); a reader typing on makes the
    query before stale: its answer never reaches the screen, only the last query's does."""
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    page.click("[data-qa-search] input")
    page.evaluate("""() => {
        window.__shown = [];
        const root = document.querySelector('[data-qa-search]');
        new MutationObserver(() => window.__shown.push(root.dataset.qaQuery))
          .observe(root, { attributes: true, attributeFilter: ['data-qa-query'] });
        window.setTimeout = () => 0;  // no timer fires from here on
        const box = root.querySelector('input');
        for (const q of ['注意', '注意力', '构造函数']) { box.value = q; box.dispatchEvent(new Event('input')); }
    }""")
    wait_for(page, "构造函数")
    assert page.evaluate("window.__shown") == ["构造函数"]
    assert "构造函数" in results(page).first.inner_text()
    page.close()


def test_a_stale_search_stops_and_leaves_no_answer_behind(browser, ui_site: str) -> None:
    """qabookSearch.search's `stale`: once it says true the ranking stops ("stale") and caches
    nothing, so the same query asked again is ranked in full."""
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    r = page.evaluate("""async () => {
        let error = null;
        try { await qabookSearch.search('注意力', 10, 0, () => true); } catch (e) { error = e.message; }
        const again = await qabookSearch.search('注意力', 10, 0);
        return { error, total: again.total }; }""")
    assert r["error"] == "stale"
    assert r["total"] > 0
    page.close()


def test_index_files_are_fetched_as_json_and_else_loaded_as_scripts(browser, ui_site: str) -> None:
    """Over http the engine fetches its index files and reads their arguments with JSON.parse (no
    <script> element a file); a file of another shape, and a page whose Content-Security-Policy
    forbids fetch(), still give the same results, through <script> tags."""
    scripts = "document.querySelectorAll('script[src*=\"/search/qabook/\"]').length"

    def titles(page) -> list[str]:  # noqa: ANN001
        search_by_click(page, "注意力 函数")
        assert on_screen(page, results(page).first)
        return [results(page).nth(i).locator("h1").inner_text() for i in range(results(page).count())]

    page = browser.new_page(**DESKTOP)
    page.goto(ui_site + "llm/")
    shown = titles(page)
    assert len(shown) >= 3 and page.evaluate(scripts) == 0
    assert set(page.evaluate("""performance.getEntriesByType('resource')
        .filter(e => e.name.includes('/search/qabook/')).map(e => e.initiatorType)""")) == {"fetch"}
    page.close()

    def by_hand(route) -> None:  # noqa: ANN001 - meta.js as JavaScript that is not one call of JSON
        response = route.fetch()
        route.fulfill(response=response, body="/* written by hand */ " + response.text())

    page = browser.new_page(**DESKTOP)
    page.route("**/search/qabook/meta.js", by_hand)
    page.goto(ui_site + "llm/")
    assert titles(page) == shown
    assert page.evaluate("document.querySelectorAll('script[src$=\"/search/qabook/meta.js\"]').length") == 1
    page.close()

    def no_fetch(route) -> None:  # noqa: ANN001 - the page may load scripts, not connect
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": "connect-src 'none'"})

    page = browser.new_page(**DESKTOP)
    page.route(ui_site + "llm/", no_fetch)
    page.goto(ui_site + "llm/")
    assert titles(page) == shown
    assert page.evaluate(scripts) > 0
    page.close()


def test_a_first_page_sure_before_its_count_is_shown_then_counted(browser, ui_site: str) -> None:
    """A query whose first page the ranking by its own words already decides (search's `early`:
    ten documents hold every word of it) shows that page before the expansions' files are in,
    with the count line empty; when the answer comes the count appears and the list stays as it
    was written (the same elements: a reader's selection or focus is not lost)."""
    page = browser.new_page(**DESKTOP)
    page.goto(ui_site)
    query = page.evaluate("""async qs => {
        for (const q of qs) {
          let early = false;
          await qabookSearch.search(q, 10, 0, null, () => { early = true; });
          if (early) return q;
        }
        return null; }""", ["模型", "学习", "数据", "训练", "的"])
    assert query, "no query of ten documents holding all its words in the test book"
    page.goto(ui_site)  # (a fresh page: the answer not kept)
    page.click("[data-qa-search] input")
    page.evaluate("""q => {
        const root = document.querySelector('[data-qa-search]');
        new MutationObserver(() => {  // the list of this query written: what the reader sees then
          if (root.dataset.qaListed === q && !window.__early) window.__early = {
            counted: root.dataset.qaQuery === q, status: root.querySelector('.md-search-result__meta').textContent,
            first: root.querySelector('.md-search-result__link'), count: root.querySelectorAll('.md-search-result__link').length };
        }).observe(root, { attributes: true, attributeFilter: ['data-qa-listed'] });
    }""", query)
    page.keyboard.type(query)
    wait_for(page, query)
    early = page.evaluate("""() => { const e = window.__early, root = document.querySelector('[data-qa-search]');
        return e && { counted: e.counted, status: e.status, count: e.count,
                      same: e.first === root.querySelector('.md-search-result__link') }; }""")
    assert early == {"counted": False, "status": "", "count": 10, "same": True}
    assert re.fullmatch(strings("zh")["search.found"].replace("{n}", r"\d+"), status(page))
    assert results(page).count() == 10 and on_screen(page, results(page).first)
    page.close()
