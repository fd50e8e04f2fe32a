"""Untrusted content: what could run script is a check error; titles are text everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import empty_book, qabook

pytestmark = pytest.mark.slow

TOPIC = """---
id: tricky
title: "<img src=x onerror=alert('fm')> A & B"
---

# `</title><script>alert('h1')</script>` 与 A & B

/// question
什么是 A & B？
///

/// answer
A & B 是两件事。
///

/// explanation
见上。
///
"""


def make_project(root: Path, topic: str) -> Path:
    empty_book(root)
    ch = root / "docs" / "ch"
    ch.mkdir()
    (ch / "index.md").write_text("# C & D < E\n\n- [题](01-t.md)\n- [题二](02-h.md)\n", encoding="utf-8")
    (ch / "01-t.md").write_text(topic, encoding="utf-8")
    h1_only = re.sub(r"title: .*\n", "", topic).replace("id: tricky", "id: heading")
    (ch / "02-h.md").write_text(h1_only, encoding="utf-8")
    return root


@pytest.mark.parametrize("snippet", ["<script>alert(1)</script>", '<img src="x.png" onerror="alert(1)">',
                                     "<iframe src=\"javascript:alert(1)\"></iframe>", "<svg onload=\"alert(1)\"></svg>",
                                     "[x](javascript:alert(1))", "<style>.answer{display:none}</style>"])
def test_script_in_a_page_fails_the_check_and_the_build(tmp_path: Path, snippet: str) -> None:
    root = make_project(tmp_path, TOPIC.replace("A & B 是两件事。", f"A & B 是两件事。\n\n{snippet}\n"))
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 1 and "QA070" in r.stdout, r.stdout + r.stderr
    assert re.search(r"docs/ch/01-t\.md:15:\d+: QA070", r.stdout)
    assert not (root / "site").exists()


def test_allow_html_lets_a_trusted_book_use_it(tmp_path: Path) -> None:
    root = make_project(tmp_path, TOPIC.replace("A & B 是两件事。", "A & B 是两件事。\n\n<iframe src=\"x.html\"></iframe>\n"))
    r = qabook("check", cwd=root)
    assert r.returncode == 1 and "QA070" in r.stdout, r.stdout + r.stderr  # untrusted, the iframe is an error
    cfg = root / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("  - qabook:\n", "  - qabook:\n      allow_html: [iframe]\n"),
                   encoding="utf-8")  # (this project's mkdocs.yml gives qabook options)
    r = qabook("check", cwd=root)
    assert r.returncode == 0 and "QA070" not in r.stdout and "Traceback" not in r.stderr, r.stdout + r.stderr


def test_titles_are_text_in_title_nav_search_and_print(tmp_path: Path, browser) -> None:
    from browser import serve

    root = make_project(tmp_path, TOPIC)
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    site = root / "site"
    for name in ("01-t", "02-h"):
        page_html = (site / "ch" / name / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in page_html and "<img src=x" not in page_html
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search" / "qabook").glob("*.js"))
    assert "A & B" in index and "&amp;" not in index
    dialogs: list[str] = []
    with serve(site) as url:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("ch/01-t/", "ch/", "ch/print/", ""):
            page.goto(url + path)
            page.wait_for_load_state("load")
        page.goto(url + "ch/01-t/")
        assert page.title().startswith("<img src=x onerror=alert('fm')> A & B - ")
        page.goto(url + "ch/02-h/")
        assert page.title().startswith("</title><script>alert('h1')</script> 与 A & B - ")
        page.goto(url + "ch/01-t/")
        nav = page.locator(".md-nav").first.inner_text()
        assert "<img src=x onerror=alert('fm')> A & B" in nav and "C & D < E" in nav
        page.goto(url + "ch/print/")
        assert "<img src=x onerror=alert('fm')> A & B" in page.locator("h2").first.inner_text()
        page.close()
    assert dialogs == []
