"""The seed book's trial set: what a new user typed into the clicked search box of the seed book
and reported (tests/search_queries_trial.tsv) — single English words for Chinese topics, a
word whose Chinese expansion matched inside another word, a list that did not say where its
partial matches begin. Typed as a person types, on a desktop and on a phone; only visible
results count. Kept apart from the hard set's figures (tests/test_search_hard.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, qabook
from qabook.i18n import strings
from searchset import (NO_STUDY, load_trial_queries, on_screen, run_hard_queries, score_hard, type_into_box,
                       visible_results)

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

#: a page where 点数 is a word of its own (the seed's 优化方法 holds it only inside 浮点数)
POINTS = """---
id: dian-shu
---

# 积分卡

/// question
积分卡的点数怎样兑换？
///

/// answer
会员每次消费后，把点数记在积分卡上，满一百点可以兑换礼品。
///
"""


def _build(project: Path) -> Path:
    r = qabook("build", "--no-pdf", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    return project / "site"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory):
    """The seed book as committed, as the tester built it (`./scripts/build --no-pdf`)."""
    from browser import serve

    with serve(_build(copy_project(tmp_path_factory.mktemp("trial")))) as url:
        yield url


def _marks(page, n: int = 0) -> list[str]:
    return page.locator(".md-search-result__list a").nth(n).locator("mark").all_inner_texts()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_tester_s_queries_find_their_topic_first(browser, seed_site: str, device: dict) -> None:
    queries = load_trial_queries()
    assert len(queries) >= 16
    context = browser.new_context(**device)
    page = context.new_page()
    page.goto(seed_site + "llm/")
    scores, misses = score_hard(run_hard_queries(page, queries), queries)
    context.close()
    for kind, s in scores.items():
        print(s.line(kind))
    assert misses == [] and scores["all"].empty == 0, misses


def test_an_expansion_does_not_match_inside_another_word(browser, seed_site: str) -> None:
    """`trends`: 趋势's page, and not 优化方法 through 点数 inside 浮点数 (the tester's false hit)."""
    page = browser.new_page(**DESKTOP)
    page.goto(seed_site + "llm/")
    type_into_box(page, "trends")
    assert visible_results(page) == ["llm/08"]
    assert set(_marks(page)) == {"趋势"}
    page.close()


def test_a_word_found_only_inside_another_word_is_not_a_match_there(browser, tmp_path: Path) -> None:
    """The dictionary's 点数 /tally/points/: a page where it is a word is found; the seed's 优化方法,
    where it is only inside 浮点数, is not, and nothing is marked inside 浮点数."""
    from browser import serve

    project = copy_project(tmp_path)
    (project / "docs/llm/09-ji-fen-ka.md").write_text(POINTS, encoding="utf-8")
    index = project / "docs/llm/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "- [积分卡](09-ji-fen-ka.md)\n", encoding="utf-8")
    with serve(_build(project)) as url:
        page = browser.new_page(**DESKTOP)
        page.goto(url + "llm/")
        type_into_box(page, "tally")
        shown = visible_results(page)
        assert shown[0] == "llm/09" and "llm/05" not in shown
        assert set(_marks(page)) == {"点数"}
        type_into_box(page, "浮点数")  # typed as the page writes it: found as ever
        assert visible_results(page)[0] == "llm/05"
        page.close()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_line_says_where_the_partial_matches_begin(browser, seed_site: str, device: dict) -> None:
    """`联邦学习`: the first result holds the whole query, the others only 学习; a line in the
    book's language stands between them, on screen, and the count line says nothing partial.
    (Without study mode, where the marks in an answer's passage show: see test_search_ui.)"""
    context = browser.new_context(**device)
    page = context.new_page()
    page.add_init_script(NO_STUDY)
    page.goto(seed_site + "llm/")
    type_into_box(page, "联邦学习")
    items = page.locator(".md-search-result__list > li")
    assert items.count() >= 3
    assert items.nth(0).locator("a").count() == 1 and "联邦学习" in _marks(page, 0)
    line = items.nth(1)
    assert line.get_attribute("class") == "qa-search-partial-rest" and line.locator("a").count() == 0
    assert line.inner_text() == strings("zh")["search.partial_rest"]
    line.scroll_into_view_if_needed()
    assert on_screen(page, line)  # hit-tested once the phone's sliding panel stands still
    assert all(set(_marks(page, n)) <= {"学习"} for n in range(1, page.locator(".md-search-result__list a").count()))
    assert page.locator(".qa-search-partial").count() == 0
    type_into_box(page, "trend")  # every result holds the query: no line
    assert page.locator(".qa-search-partial-rest").count() == 0
    type_into_box(page, "联邦学习 鳄鱼")  # no result holds it all: the count line says so, once
    assert page.locator(".qa-search-partial").count() == 1 and page.locator(".qa-search-partial-rest").count() == 0
    context.close()


def test_interface_text_is_not_found(browser, seed_site: str) -> None:
    """准备 is only in the home page's offline panel ("正在准备离线使用……"): not the book's words."""
    page = browser.new_page(**DESKTOP)
    page.goto(seed_site)
    assert "正在准备离线使用" in page.content()
    type_into_box(page, "准备")
    assert visible_results(page) == []
    page.close()


@pytest.mark.parametrize("query", ["privacy", "GPU", "attention", "差分隐私"])
def test_the_home_page_s_how_to_is_not_found(browser, seed_site: str, query: str) -> None:
    """The home page's "how to study" lists example queries (「差分隐私」「GPU」): qabook's
    interface text, not the book's words — the topics come up, never the home page."""
    page = browser.new_page(**DESKTOP)
    page.goto(seed_site)
    type_into_box(page, query)
    found = [h for h in visible_results(page, depth=10) if h]
    assert found, query
    assert not [h for h in found if h.split("#")[0] in ("", "/")], found  # the home page
    page.close()


def test_a_pinyin_reading_of_part_of_a_word_is_a_partial_match(browser, seed_site: str) -> None:
    """`qwjs` read as initials finds 计算 (jisuan) for its last two letters only: that covers half
    of the word, so the list says it is partial (`trends` was once covered whole by 'ds')."""
    page = browser.new_page(**DESKTOP)
    page.goto(seed_site + "llm/")
    type_into_box(page, "qwjs")
    assert visible_results(page) and page.locator(".qa-search-partial").count() == 1
    page.close()
