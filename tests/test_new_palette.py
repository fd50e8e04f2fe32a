"""Every book `qabook new` writes has the same light/dark palette (trial 6: the English book had
no dark-mode toggle, the Chinese one did): each language, with and without its example chapter,
built and opened in Chromium, where the reader presses the header's toggle and the page turns
dark, then light again; the toggle's title is in the book's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import qabook
from qabook.scaffold import languages

TITLES = {"en": ("Switch to dark mode", "Switch to light mode"), "zh": ("切换到深色模式", "切换到浅色模式")}


def test_every_language_has_toggle_titles() -> None:
    assert sorted(TITLES) == languages()  # a language added to `qabook new` is added here too


@pytest.mark.browser
@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("empty", [False, True], ids=["example", "empty"])
def test_a_new_book_has_the_dark_mode_toggle(tmp_path: Path, browser, language: str, empty: bool) -> None:
    from browser import serve

    r = qabook("new", "book", "--language", language, *(["--empty"] if empty else []), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert qabook("build", "--no-pdf", cwd=tmp_path / "book").returncode == 0
    to_dark, to_light = TITLES[language]
    with serve(tmp_path / "book" / "site") as url:
        page = browser.new_page(color_scheme="light")
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        scheme = "document.body.getAttribute('data-md-color-scheme')"
        assert page.evaluate(scheme) == "default"
        toggle = page.locator(f"label.md-header__button[title='{to_dark}']")
        assert toggle.is_visible(), page.locator("header").inner_html()
        toggle.click()
        page.wait_for_function(f"{scheme} === 'slate'")
        page.locator(f"label.md-header__button[title='{to_light}']").click()
        page.wait_for_function(f"{scheme} === 'default'")
        dark = browser.new_page(color_scheme="dark")  # the reader's system setting is followed
        dark.goto(url)
        assert dark.evaluate(scheme) == "slate"
        assert not errors, errors
        page.close()
        dark.close()
