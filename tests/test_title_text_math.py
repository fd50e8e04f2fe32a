"""A title written into generated Markdown (home page table, print page heading, a new book's home)
keeps its characters: '(draft)' must not become a formula. Found by trial 6: `\\(` written to escape
a parenthesis is pymdownx.arithmatex's inline-math opener, so 'prep (messy notes)' showed as an
italic formula 'messynotes'."""

from __future__ import annotations

import markdown
import pytest

from qabook.textout import markdown_text

EXTENSIONS = ["tables", "attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.arithmatex"]
CONFIG = {"pymdownx.arithmatex": {"generic": True}}


@pytest.mark.parametrize("title", [
    "Backend interview prep (messy notes)",
    "Notes (draft)",
    "f(x) and g(y)",
    "[link](target.md) *stars* `code` <img src=x> # not a heading",
    "大模型（入门）与 (LLM) 面试",
])
def test_a_title_keeps_its_characters_in_generated_markdown(title):
    for written in (markdown_text(title), f"| [{markdown_text(title)}](c/index.md) | 3 |"):
        html = markdown.markdown(f"| chapter | n |\n|---|---|\n{written}" if written.startswith("|") else written,
                                 extensions=EXTENSIONS, extension_configs=CONFIG)
        assert "arithmatex" not in html, html
        text = html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        for piece in ("(", ")", "*stars*", "`code`", "<img src=x>", "# not a heading"):
            if piece in title:
                assert piece in text, (piece, html)
