"""qabook as a real MkDocs plugin: installed from its wheel into a fresh virtual environment,
used by a minimal project of someone else's; `qabook new`; a block kind added in one place;
an English book."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, qabook

pytestmark = pytest.mark.slow

TOPIC = """---
id: what-is-a-monad
tags: [functional]
---

# What is a monad?

/// question
Explain what a monad is in one sentence.
///

/// answer
A monad wraps values with a context and chains computations through `bind` (`>>=`).
///

/// explanation
Examples are Maybe, List and IO; the laws are left identity, right identity and associativity.
///
"""


def minimal_project(root: Path, language: str = "en") -> Path:
    """Someone else's book: Material, `- qabook` with the look options of a book (README), nothing
    copied from this repository."""
    (root / "docs" / "fp").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Functional programming questions
        theme:
          name: material
          language: {language}
        plugins:
          - qabook:
              home: true
              footer: true
              system_font: true
        """), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# FP questions\n\n<!-- qabook:chapters -->\n", encoding="utf-8")
    (root / "docs" / "fp" / "index.md").write_text("# Functional programming\n\n<!-- qabook:pdf -->\n\n"
                                                   "- [What is a monad?](01-monad.md)\n", encoding="utf-8")
    (root / "docs" / "fp" / "01-monad.md").write_text(TOPIC, encoding="utf-8")
    return root


def check_reading_site(browser, site: Path, *, search: str, found: str, language: str = "en") -> None:
    """Search after a click, answers collapsed and opening, copy-link, print styling: what a reader uses."""
    from browser import serve

    errors: list[str] = []
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800},
                                      permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url + "fp/01-monad/", wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("#q1 .admonition-title").inner_text().startswith("Question 1")
        summary = page.locator("details.answer summary")
        assert summary.inner_text().strip() == "Answer" and page.locator("details.explanation summary").inner_text().strip() == "Explanation"
        assert not page.get_by_text("chains computations").is_visible()
        summary.click()
        assert page.get_by_text("chains computations").is_visible()
        page.locator("#q1 a.qa-link").click()  # copy-link (qabook.js, shipped in the package)
        assert page.evaluate("navigator.clipboard.readText()").endswith("#q1")
        page.locator(".md-search__input").click()
        page.keyboard.type(search)
        first = page.locator(".md-search-result__list a").first
        first.wait_for()
        box = first.bounding_box()
        hit = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); return e && e.closest('a') && e.closest('a').href }",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert hit and found in hit
        page.keyboard.press("Escape")
        page.emulate_media(media="print")  # print CSS (qabook.css): answers expanded
        page.reload(wait_until="networkidle")
        assert page.get_by_text("Examples are Maybe").is_visible()
        context.close()
    assert errors == []


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return next(out.glob("qabook-*.whl"))


@pytest.mark.browser
def test_wheel_in_a_fresh_venv_builds_someone_elses_project(tmp_path: Path, wheel: Path, browser) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(wheel)],
                         capture_output=True, text=True, timeout=1200)
    assert pip.returncode == 0, pip.stderr
    project = minimal_project(tmp_path / "theirs")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOOK_")}
    r = subprocess.run([str(venv / "bin" / "mkdocs"), "build"], cwd=project, capture_output=True, text=True,
                       timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="([^"]+\.(?:pdf|apkg|json))"', home)
    assert linked and all((site / href).is_file() for href in linked), linked  # links only what it wrote
    assert (site / "fp" / "print" / "index.html").is_file()
    check_reading_site(browser, site, search="monad", found="fp/01-monad/")


@pytest.mark.browser
def test_qabook_new_builds_as_it_is(tmp_path: Path, browser) -> None:
    r = qabook("new", str(tmp_path / "book"), "--language", "en")
    assert r.returncode == 0, r.stderr
    r = qabook("build", cwd=tmp_path / "book")
    assert r.returncode == 0, r.stderr + r.stdout
    assert sorted(p.name for p in (tmp_path / "book" / "site" / "pdf").glob("*.pdf"))
    again = qabook("new", str(tmp_path / "book"))
    assert again.returncode == 2 and "not an empty folder" in again.stderr


@pytest.mark.browser
def test_an_english_book_is_english_throughout(tmp_path: Path, browser) -> None:
    project = minimal_project(tmp_path)
    r = qabook("build", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    for chinese in ("题目", "答案", "解析", "章节", "下载", "打印", "搜索", "本站"):
        assert chinese not in home, chinese
    assert "Download book PDF" in home and "Made with qabook" in home
    assert "Chapters: 1 · topics: 1 · questions: 1" in home
    chapter = (site / "fp" / "index.html").read_text(encoding="utf-8")
    assert "· 1 question" in chapter and "1 questions" not in chapter
    text = subprocess.run(["pdftotext", str(next((site / "pdf").glob("*-fp.pdf"))), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Question 1" in text and "Answer" in text and "Contents" in text and "题目" not in text
    check_reading_site(browser, site, search="bind", found="fp/01-monad/")


HINT_SCRIPT = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from qabook import vocabulary
from qabook.vocabulary import BlockKind, Need

vocabulary.BLOCKS = vocabulary.BLOCKS + (BlockKind("hint", "details", Need.OPTIONAL, 0.5, ("提示", "Hint")),)
from qabook.check import check_docs
from pathlib import Path
diags = check_docs(Path("docs"), Path("mkdocs.yml"))
print("FINDINGS", [str(d) for d in diags])
build(load_config("mkdocs.yml"))
"""


def test_adding_a_block_kind_is_one_entry(tmp_path: Path) -> None:
    project = minimal_project(tmp_path)
    page = project / "docs" / "fp" / "01-monad.md"
    page.write_text(TOPIC + "\n/// hint\nThink of Maybe.\n///\n", encoding="utf-8")
    without = qabook("build", "--no-pdf", cwd=project)
    assert without.returncode == 0, without.stderr  # not in the vocabulary: pymdownx's own callout
    html = (project / "site" / "fp" / "01-monad" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition hint">' in html and '<details class="hint">' not in html
    r = subprocess.run([sys.executable, "-c", HINT_SCRIPT], cwd=project, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "FINDINGS []" in r.stdout
    html = (project / "site" / "fp" / "01-monad" / "index.html").read_text(encoding="utf-8")
    assert '<details class="hint">' in html and "Think of Maybe." in html
