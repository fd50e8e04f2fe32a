"""What the author wrote is what the reader sees: a bank of `<details><summary>…</summary><b>…</b>
</details>` questions (the layout of many interview repositories) keeps every paragraph and line
break of its answers, and its sibling section headings stay siblings on the chapter page.
Found in a trial import of a DNS question bank; each test fails on the importer before the fix
(blank lines inside a `<details>` answer were dropped; each `#####` heading was set one level
below the one before it).
"""

from __future__ import annotations

import re

from conftest import import_document, page_block
from qabook.export.render import render_block

BANK = """## Networking

<details>
<summary>What is a name server?</summary><br><b>

A server that answers DNS queries.<br>
It holds the zone's records.
</b></details>

##### Records

<details>
<summary>What types of records are there?</summary><br><b>

  * A
  * MX
  ...

A longer list is in the RFC.
</b></details>

<details>
<summary>What is a CNAME record?</summary><br><b>

CNAME: maps a hostname to another hostname.

The target must have an A or AAAA record.
</b></details>

##### Lookups

<details>
<summary>In which order is www.site.com resolved?</summary><br><b>

In this order:

1) .
2) .com
3) site.com
</b></details>

##### Transport

<details>
<summary>Does DNS use TCP or UDP?</summary><br><b>
UDP port 53 for queries, TCP for zone transfers.
</b></details>
"""


def answers(tmp_path) -> dict[str, str]:
    run, pages = import_document(tmp_path, "dns.md", BANK)
    assert run.returncode == 0, run.stderr
    assert len(pages) == 5
    return {p.name: render_block(page_block(p, "answer").splitlines()) for p in pages}


def paragraphs(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", p)).strip() for p in re.findall(r"<p>(.*?)</p>", html, re.S)]


def test_paragraphs_of_a_details_answer_stay_apart(tmp_path):
    html = answers(tmp_path)
    cname = next(h for name, h in html.items() if "cname" in name)
    assert paragraphs(cname) == ["CNAME: maps a hostname to another hostname.",
                                 "The target must have an A or AAAA record."]


def test_text_after_a_list_is_not_its_last_item(tmp_path):
    html = answers(tmp_path)
    types = next(h for name, h in html.items() if "types" in name)
    items = re.findall(r"<li>(.*?)</li>", types, re.S)
    assert "A longer list" not in " ".join(items)
    assert paragraphs(types)[-1] == "A longer list is in the RFC."


def test_line_breaks_of_an_answer_survive(tmp_path):
    html = answers(tmp_path)
    order = next(h for name, h in html.items() if "order" in name)
    lines = paragraphs(order)
    assert lines == ["In this order:", "1) .", "2) .com", "3) site.com"]  # not '1) . 2) .com 3) site.com'
    server = next(h for name, h in html.items() if "name-server" in name)
    assert re.search(r"queries\.<br\s*/?>\s*It holds", server)  # the author's <br> is a line break still


def test_sibling_section_headings_stay_siblings(tmp_path):
    import_document(tmp_path, "dns.md", BANK)
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    headings = re.findall(r"^(#+) (.*)$", chapter, re.M)
    assert headings == [("#", "Networking"), ("##", "Records"), ("##", "Lookups"), ("##", "Transport")]


def test_outline_levels_keep_the_outline():
    from qabook.importer.neutralise import outline_levels

    assert outline_levels([5, 5, 5]) == [2, 2, 2]
    assert outline_levels([2, 5, 6, 5, 3, 4]) == [2, 3, 4, 3, 3, 4]  # a child stays below its parent
    assert outline_levels([3, 5, 2], top=2) == [3, 4, 2]
