"""A block written under a numbered item with the item's own indent, three spaces, after a blank line
(`1. Click the gear.`, a blank line, `   ![the gear](gear.png)`, then `2. …`): GitHub and CommonMark nest
it in the item, Python-Markdown (what MkDocs renders with) wants four spaces — it shows the picture
after a list cut in two, `2. Pick Settings` run into the picture's paragraph as plain text. The
imported page writes such a block at four spaces so the site shows what the source's reader saw: the
picture in item 1, one list of two steps (trial leftover, issue 14). The test fails without the change.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from struct import pack

from qabook.importer import plan_import
from qafuzz import render_page

def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(
        b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


PNG = _png()

DOC = """# Setup questions

## 1. How do you open the settings?

1. Click the gear icon.

   ![the gear](gear.png)
2. Pick **Settings**.

   The panel opens on the right.

## 2. How do you reset the layout?

1. Open the menu.
   ![the menu](menu.png)
2. Choose **Reset**.

```text
1. a line of code

   stays as written
```
"""


def _answer_html(page_text: str) -> str:
    html = render_page(page_text)
    m = re.search(r'<details class="answer".*?</details>', html, re.S)
    return m.group(0) if m else ""


def _plan(tmp_path: Path):
    for name in ("gear.png", "menu.png"):
        (tmp_path / name).write_bytes(PNG)
    return plan_import(DOC, str(tmp_path / "setup.md"), chapter="setup")


def test_a_block_at_the_items_indent_stays_in_the_item_on_the_site(tmp_path: Path):
    plan = _plan(tmp_path)
    pages = [p for p in plan.pages if p.questions]
    html = _answer_html(pages[0].text)
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert len(items) == 2 and html.count("<ol>") == 1, html  # one list of two steps
    assert '<img alt="the gear"' in items[0]  # the picture belongs to step 1
    assert "The panel opens" in items[1]  # the paragraph under step 2 too
    assert "2. Pick" not in html  # no step run into a paragraph as text


def test_a_lazy_line_and_code_are_left_as_written(tmp_path: Path):
    plan = _plan(tmp_path)
    pages = [p for p in plan.pages if p.questions]
    assert "1. Open the menu.\n   ![the menu](menu.png)\n2. Choose" in pages[1].text  # already one item's paragraph
    assert "1. a line of code\n\n   stays as written" in pages[1].text  # code is as written
    html = _answer_html(pages[1].text)
    assert '<img alt="the menu"' in re.findall(r"<li>(.*?)</li>", html, re.S)[0]
