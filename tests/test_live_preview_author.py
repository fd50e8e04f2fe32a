"""`qabook serve` as a new author met it (trial 4): a save in the wrong encoding, findings that
must not move the text being read, findings of a full rebuild in every open tab and after a
reload, each finding printed once, and `kill -INT` of a preview started in the background.
What the author sees is asserted (on screen, hit-tested), on a desktop and a phone viewport;
nothing is timed: the tests wait for what a person would see."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_live_preview import _book, _on_screen, _resting_scroll, served  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow

DESKTOP = {"viewport": {"width": 1000, "height": 500}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
TOPIC = "c000/002-t000-001/"


def _reader(browser, url: str, device: dict):
    """A reader on the topic page, its second question at the top of the window and its answer
    open, listening for saves."""
    context = browser.new_context(**device)
    page = context.new_page()
    page.goto(url + TOPIC)
    page.wait_for_selector("html[data-qa-live-ready]")
    answer = page.locator("#q2 ~ details.answer").first
    answer.locator("summary").click()
    assert answer.evaluate("d => d.open")
    page.evaluate("""() => { const q = document.querySelector('#q2');
        window.scrollTo(0, window.scrollY + q.getBoundingClientRect().top - 80); }""")
    _resting_scroll(page)
    page.evaluate("window.__sameDocument = true")  # gone if the page were loaded again
    return context, page


def _top(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().top")


def _title_hit(page, selector: str) -> bool:
    """A click on the middle of the question's title reaches the question (nothing covers it)."""
    return page.evaluate(f"""() => {{ const el = document.querySelector('{selector}');
        const r = (el.querySelector('.admonition-title') || el).getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && el.contains(hit); }}""")


def _open_findings(page, device: dict) -> None:
    """The findings panel on screen as its reader gets it: on a desktop it is there; on a phone
    the header's badge says how many there are, and a tap on it opens the panel."""
    if not device.get("has_touch"):
        return
    badge = page.locator("#qa-live-badge")
    badge.wait_for(timeout=60_000)
    assert _on_screen(badge)
    if page.locator("#qa-live-findings").is_hidden():
        badge.tap()
    page.locator("#qa-live-findings").wait_for(state="visible")


def _covered(page) -> list[str]:
    """The page's text on screen that a tap at its middle would not reach (something covers it):
    every paragraph, list item, heading and question title shown whose middle is in the window."""
    return page.evaluate("""() => {
        const out = [];
        for (const el of document.querySelectorAll('.md-content p, .md-content li, .md-content h1, .md-content h2, .md-content .admonition-title')) {
            if (el.closest('details:not([open]) > :not(summary)') || (el.checkVisibility && !el.checkVisibility())) continue;
            const r = el.getBoundingClientRect();
            const x = r.left + Math.min(r.width, window.innerWidth) / 2, y = r.top + r.height / 2;
            if (!r.width || !r.height || y < 0 || y >= window.innerHeight || x < 0 || x >= window.innerWidth) continue;
            const hit = document.elementFromPoint(x, y);
            if (!hit || !(el === hit || el.contains(hit) || hit.contains(el))) out.push(el.textContent.trim().slice(0, 40));
        }
        return out; }""")


@pytest.mark.browser
def test_on_a_phone_the_findings_are_a_badge_that_covers_no_text(browser, served) -> None:
    """390×844: the findings panel covered a third of the screen. Now the header bar holds a badge
    with their number; the page's text stays reachable, opened or reloaded; a tap on the badge
    opens the panel and another closes it. A desktop still shows the panel at once."""
    project, url = served
    target = project / "docs" / "c000" / "002-t000-001.md"
    original = target.read_text(encoding="utf-8")
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(url + TOPIC)
    page.wait_for_selector("html[data-qa-live-ready]")
    assert _covered(page) == []
    # the author breaks every answer of the page: findings come
    target.write_text(original.replace("/// answer", "/// answr"), encoding="utf-8")
    badge = page.locator("#qa-live-badge")
    badge.wait_for(timeout=60_000)
    assert _on_screen(badge) and re.fullmatch(r"⚠ \d+", badge.inner_text().strip()), badge.inner_text()
    panel = page.locator("#qa-live-findings")
    assert panel.is_hidden()
    first = page.locator(".md-content p").first
    assert _on_screen(first)  # the page's first paragraph: reachable
    assert _covered(page) == []
    page.screenshot(path=str(project / "phone-badge.png"))
    # a tap opens the panel
    badge.tap()
    panel.wait_for(state="visible")
    assert _on_screen(panel) and "QA022" in panel.inner_text()
    page.screenshot(path=str(project / "phone-panel-open.png"))
    # another closes it: the text is reachable again, the badge stays
    badge.tap()
    panel.wait_for(state="hidden")
    assert _covered(page) == [] and _on_screen(badge)
    # a reload (the findings still hold): the page opens with the badge, nothing covered
    page.reload()
    page.wait_for_selector("html[data-qa-live-ready]")
    badge.wait_for(timeout=60_000)
    assert panel.is_hidden() and _covered(page) == []
    # a desktop: the panel as before, at once, and no badge
    desk = browser.new_context(**DESKTOP)
    other = desk.new_page()
    other.goto(url + TOPIC)
    other.locator("#qa-live-findings").wait_for(timeout=60_000)
    assert _on_screen(other.locator("#qa-live-findings")) and other.locator("#qa-live-badge").count() == 0
    # mended: the badge goes
    target.write_text(original, encoding="utf-8")
    badge.wait_for(state="detached", timeout=60_000)
    desk.close()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_findings_of_a_save_do_not_move_the_text_being_read(browser, served, device) -> None:
    """The panel floats over the page (fixed, dismissible): the question being read stays where
    it was when findings come, when the panel is closed, and when they go."""
    project, url = served
    target = project / "docs" / "c000" / "002-t000-001.md"
    original = target.read_text(encoding="utf-8")
    context, page = _reader(browser, url, device)
    top = _top(page, "#q2")
    assert _title_hit(page, "#q2")
    page.screenshot(path=str(project / f"before-{device['viewport']['width']}.png"))
    # the author breaks the last question's answer (below what is being read)
    at = original.rindex("/// answer")
    page.evaluate("document.documentElement.removeAttribute('data-qa-live')")
    target.write_text(original[:at] + "/// answr" + original[at + len("/// answer"):], encoding="utf-8")
    panel = page.locator("#qa-live-findings")
    panel.wait_for(state="attached", timeout=60_000)
    page.wait_for_selector("html[data-qa-live]", state="attached", timeout=60_000)  # the new page swapped in
    _open_findings(page, device)
    assert _on_screen(panel)
    assert "QA022" in panel.inner_text()
    page.screenshot(path=str(project / f"findings-{device['viewport']['width']}.png"))
    assert page.evaluate("window.__sameDocument === true")
    assert abs(_top(page, "#q2") - top) < 3, "the findings moved the text being read"
    assert _title_hit(page, "#q2")  # not covered by the panel
    assert page.locator("#q2 ~ details.answer").first.evaluate("d => d.open")
    assert page.locator(".md-content .qa-findings").count() == 0  # no box in the page's text
    # closed by the author: gone, nothing moves
    close = panel.locator("button")
    if device.get("has_touch"):
        close.tap()
    else:
        close.click()
    panel.wait_for(state="detached")
    assert abs(_top(page, "#q2") - top) < 3
    # mended: nothing comes back, nothing moves
    page.evaluate("document.documentElement.removeAttribute('data-qa-live')")
    target.write_text(original, encoding="utf-8")
    page.wait_for_selector("html[data-qa-live]", state="attached", timeout=60_000)
    assert page.locator("#qa-live-findings").count() == 0
    assert abs(_top(page, "#q2") - top) < 3
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_save_in_gbk_keeps_the_reader_in_place_and_says_what_is_wrong(browser, served, device) -> None:
    project, url = served
    target = project / "docs" / "c000" / "002-t000-001.md"
    original = target.read_text(encoding="utf-8")
    context, page = _reader(browser, url, device)
    scrolled = page.evaluate("window.scrollY")
    top = _top(page, "#q2")
    # the editor saves the page in GBK
    target.write_bytes(original.replace("/// question\n", "/// question\n新加的一句：\n", 1).encode("gbk"))
    panel = page.locator("#qa-live-findings")
    panel.wait_for(state="attached", timeout=60_000)
    _open_findings(page, device)
    text = panel.inner_text()
    assert re.search(r"002-t000-001\.md:\d+:\d+: QA001 not valid UTF-8", text), text
    assert "the bytes read as GB18030" in text  # what the editor did
    assert "save the file as UTF-8" in text  # what would be right
    assert _on_screen(panel)
    page.screenshot(path=str(project / f"gbk-{device['viewport']['width']}.png"))
    # the page the reader had, where they had it, the answer still open
    assert page.evaluate("window.__sameDocument === true"), "the page was loaded again"
    assert abs(page.evaluate("window.scrollY") - scrolled) < 5
    assert abs(_top(page, "#q2") - top) < 3
    assert page.locator("#q2 ~ details.answer").first.evaluate("d => d.open")
    # saved again in UTF-8: the change shows in place and the panel goes
    target.write_text(original.replace("/// question\n", "/// question\n新加的一句：\n", 1), encoding="utf-8")
    page.locator(".md-content p", has_text="新加的一句").first.wait_for(state="attached", timeout=60_000)
    panel.wait_for(state="detached", timeout=60_000)
    assert page.evaluate("window.__sameDocument === true")
    assert page.locator("#q2 ~ details.answer").first.evaluate("d => d.open")
    context.close()


@pytest.mark.browser
def test_findings_of_a_full_rebuild_reach_every_open_tab_and_stay_after_a_reload(browser, served) -> None:
    project, url = served
    tabs = []
    for path in (TOPIC, "c001/"):
        context = browser.new_context(**DESKTOP)
        page = context.new_page()
        page.goto(url + path)
        page.wait_for_selector("html[data-qa-live-ready]")
        tabs.append((context, page))
    # a new page that its chapter page does not list, with a link to nowhere: everything is built again
    new = project / "docs" / "c000" / "099-new.md"
    new.write_text("# 新的一页\n\n/// question\n新题？见 [别处](nowhere.md)\n///\n\n/// answer\n答。\n///\n",
                   encoding="utf-8")
    for _, page in tabs:
        panel = page.locator("#qa-live-findings")
        panel.wait_for(timeout=120_000)
        assert _on_screen(panel)
        assert "QA050" in panel.inner_text() and "QA051" in panel.inner_text(), panel.inner_text()
    tabs[0][1].screenshot(path=str(project / "full-rebuild-findings.png"))
    # the author reloads a tab: the findings still hold, the panel is still there
    page = tabs[1][1]
    page.evaluate("window.__beforeReload = true")
    page.reload()
    page.wait_for_selector("html[data-qa-live-ready]")
    assert page.evaluate("window.__beforeReload === undefined")
    page.locator("#qa-live-findings").wait_for(timeout=60_000)
    assert "QA051" in page.locator("#qa-live-findings").inner_text()
    # the link mended (a save of that page): QA050 still holds, QA051 gone, in every tab
    new.write_text(new.read_text(encoding="utf-8").replace("[别处](nowhere.md)", "别处"), encoding="utf-8")
    for _, page in tabs:
        page.wait_for_function("""() => { const p = document.getElementById('qa-live-findings');
            return p && !p.innerText.includes('QA051') && p.innerText.includes('QA050'); }""", timeout=60_000)
    for context, _ in tabs:
        context.close()


def test_each_finding_is_printed_once_however_often_everything_is_built_again(tmp_path: Path) -> None:
    """Full rebuilds (a page added, mkdocs.yml saved) print only what is new; a finding that went
    away and came back is printed again."""
    script = r"""
import sys
from pathlib import Path
from qabook.config import find_project
from qabook.live.session import Session
project = find_project()
session = Session(project, "127.0.0.1:1", Path(sys.argv[1]), jobs=2)
docs = project.docs_dir
session.build_all()
print("--- page added", file=sys.stderr, flush=True)
(docs / "c001" / "099-new.md").write_text("# 新\n\n/// question\n新题\n///\n\n/// answer\n答\n///\n", encoding="utf-8")
assert session.apply({docs / "c001" / "099-new.md"}).full
print("--- mkdocs.yml saved", file=sys.stderr, flush=True)
config = project.config_file
config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
assert session.apply({config}).full
print("--- link mended", file=sys.stderr, flush=True)
page = docs / "c000" / "002-t000-001.md"
broken = page.read_text(encoding="utf-8")
page.write_text(broken.replace("[断](nowhere.md)", "断"), encoding="utf-8")
session.apply({page}); session.check_everything()
print("--- link broken again", file=sys.stderr, flush=True)
page.write_text(broken, encoding="utf-8")
session.apply({page}); session.check_everything()
print("--- mkdocs.yml saved", file=sys.stderr, flush=True)
config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
assert session.apply({config}).full
"""
    project = _book(tmp_path / "book")
    page = project / "docs" / "c000" / "002-t000-001.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/// question\n", "/// question\n见 [断](nowhere.md)\n", 1),
                    encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", script, str(tmp_path / "site")], cwd=project, capture_output=True,
                       text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    steps = re.split(r"^--- (.*)$", r.stderr, flags=re.M)
    said = {"start": steps[0]} | {f"{i}: {steps[i]}": steps[i + 1] for i in range(1, len(steps), 2)}
    counts = {step: (text.count("QA051"), text.count("QA050")) for step, text in said.items()}
    assert counts == {"start": (1, 0), "1: page added": (0, 1), "3: mkdocs.yml saved": (0, 0),
                      "5: link mended": (0, 0), "7: link broken again": (1, 0), "9: mkdocs.yml saved": (0, 0)}, \
        json.dumps(counts, ensure_ascii=False)


def test_renaming_the_site_says_that_learners_progress_would_start_over(tmp_path: Path) -> None:
    """site_name keys the learners' progress unless book_id is set: a rename is told at build
    and at serve time (against the project's built site), with what to write to keep it, at
    every build until the author sets book_id."""
    project = _book(tmp_path / "book", questions=2)
    config = project / "mkdocs.yml"

    def build() -> subprocess.CompletedProcess:
        r = subprocess.run([sys.executable, "-m", "qabook.cli", "build", "--no-pdf"], cwd=project,
                           capture_output=True, text=True, timeout=900)
        assert r.returncode == 0, r.stderr[-3000:]
        return r

    old = re.search(r"^site_name: (.*)$", config.read_text(encoding="utf-8"), re.M).group(1).strip().strip("'\"")
    assert "site_name changed" not in build().stderr
    config.write_text(re.sub(r"^site_name: .*$", "site_name: 新书名", config.read_text(encoding="utf-8"), flags=re.M),
                      encoding="utf-8")
    # qabook serve, started on the renamed book: told against the project's built site
    script = r"""
import sys
from pathlib import Path
from qabook.config import find_project
from qabook.live.session import Session
Session(find_project(), "127.0.0.1:1", Path(sys.argv[1]), jobs=2).build_all()
"""
    r = subprocess.run([sys.executable, "-c", script, str(tmp_path / "preview")], cwd=project, capture_output=True,
                       text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f'site_name changed from "{old}" to "新书名"' in r.stderr and f'book_id: "{old}"' in r.stderr, r.stderr[-2000:]
    said = build().stderr
    assert re.search(r'mkdocs\.yml:\d+:1: site_name changed from "' + re.escape(old) + '" to "新书名"', said), said
    assert f'book_id: "{old}"' in said  # what keeps the progress
    # built again, nothing settled: the progress is still kept under the old name, and it is said again
    again = build().stderr
    assert re.search(r'mkdocs\.yml:\d+:1: site_name changed from "' + re.escape(old) + '" to "新书名"', again), again
    # the author writes it: nothing more to say, and the progress key is the old one
    text = config.read_text(encoding="utf-8").replace("  - qabook:\n", f"  - qabook:\n      book_id: \"{old}\"\n", 1)
    config.write_text(text, encoding="utf-8")
    assert "site_name changed" not in build().stderr
    from qabook.plugin.book_identity import progress_id
    from qabook.plugin.site import STUDY_DIR

    assert progress_id(project / "site") == old  # the study data is written with the old id,
    assert "renamed_from" not in (project / "site" / STUDY_DIR / "study-index.js").read_text(encoding="utf-8")  # as its own
