"""Reading notes kept as spaced-repetition cards whose front and back are parted by a lone
line-break tag (`<br class="f">`, Obsidian's card format): the tag shows no word, so it is the
document's divider like a lone `?` — each card imports as one question, its back the answer,
the tag itself kept out of both. A `<br/>` ending each line of a list of links is spacing, not
a divider: nothing glued under it."""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

CARDS = """---
tags:
  - book
---

# Notes on a book about tea

## Brewing, page 4

Why does green tea turn bitter when the water is too hot?
<br class="f">
Hot water pulls out the catechins faster than the sweet amino acids.

How long should an oolong steep the first time?
<br class="f">
- About a minute
- Longer for each infusion after it

## Storing, page 9

Where should opened tea be kept?
<br class="f">
In a dark, airtight tin, away from spices.
"""

LINKS = """# Reading list

Articles worth a look, one per line.

<a href="https://example.org/one">Why does the leaf curl?</a>
<br/>

<a href="https://example.org/two">Which cup keeps tea warm?</a>
<br/>

<a href="https://example.org/three">How big should the pot be?</a>
<br/>

Some closing words about the list.
"""


def test_a_lone_break_tag_between_front_and_back_divides_each_card(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "tea.md", CARDS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    backs = ("catechins", "About a minute", "airtight tin")
    fronts = ("turn bitter", "oolong steep", "opened tea")
    for page, front, back in zip(pages, fronts, backs):
        assert front in page_block(page, "question") and back not in page_block(page, "question")
        assert back in page_block(page, "answer")
        assert "<br" not in page_block(page, "answer") and "<br" not in page_block(page, "question")


def test_break_tags_after_link_lines_are_not_dividers(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "links.md", LINKS)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
