"""Study mode's cards, a file per chapter: the review and quiz pages load only the chapters their
questions come from (a big book's cards were one file of tens of megabytes that every review
loaded whole)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import built_chapters

CHAPTERS = 3
TOPICS = 3


def question(c: int, t: int) -> str:
    return f"第{c}章第{t}题的问题"  # (built_chapters adds the '？')


@pytest.fixture(scope="module")
def cards_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three chapters of three one-question topics, built by `qabook build`."""
    return built_chapters(tmp_path_factory.mktemp("cardsbook"), CHAPTERS, TOPICS, lambda c, t: f"主题 {c}-{t}", question)


def test_each_chapters_cards_are_in_its_own_file(cards_site: Path) -> None:
    index = (cards_site / "assets/qabook/study-index.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r'"cards":(\{[^}]*\})', index).group(1))
    assert sorted(files) == [f"c{c}" for c in range(1, CHAPTERS + 1)]
    folder = cards_site / "assets/qabook/study-cards"
    assert sorted(p.name for p in folder.iterdir()) == sorted(files.values())
    for c in range(1, CHAPTERS + 1):
        script = (folder / files[f"c{c}"]).read_text(encoding="utf-8")
        for other in range(1, CHAPTERS + 1):
            assert (question(other, 1) in script) == (other == c), (c, other)
    assert not (cards_site / "assets/qabook/study-cards.js").exists()


@pytest.mark.browser
def test_a_review_or_quiz_loads_only_the_chapters_of_its_questions(browser, cards_site: Path) -> None:
    from browser import serve

    start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    with serve(cards_site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url.rsplit("/", 1)[1]) if "/study-cards/" in r.url else None)
        page.clock.install(time=start)
        files = page.goto(url + "c2/02-t22/") and page.evaluate("window.QABOOK_STUDY.cards")
        page.get_by_role("button", name="显示答案", exact=True).first.click()
        page.get_by_role("button", name="1 重来").click()  # due again in a minute
        page.clock.set_system_time(start + timedelta(days=1))

        # the chapter's review: its due question on screen, no other chapter's cards loaded
        loaded.clear()
        page.goto(url + "study/review/?chapter=c2")
        page.get_by_text("现在到期 1 题").wait_for()
        assert question(2, 2) in page.locator(".qa-due li").inner_text()
        assert loaded == [files["c2"]]
        page.get_by_role("button", name="开始复习").click()
        assert page.locator(".qa-card-question").get_by_text(question(2, 2)).is_visible()

        # the whole book's review: only the chapter that holds a due question
        loaded.clear()
        page.goto(url + "study/review/")
        page.get_by_text("现在到期 1 题").wait_for()
        assert loaded == [files["c2"]]

        # a quiz on chapter 3: chapter 3's cards, its questions on screen
        loaded.clear()
        page.goto(url + "study/quiz/?chapter=c3")
        page.get_by_role("button", name="开始测验").click()
        shown = page.locator(".qa-card-question")
        shown.wait_for()
        assert any(question(3, t) in shown.inner_text() for t in range(1, TOPICS + 1))
        assert loaded == [files["c3"]]
        context.close()
    assert errors == []
