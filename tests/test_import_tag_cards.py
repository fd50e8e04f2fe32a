"""Cards marked by a tag in a note (issue 14, round 11): an Obsidian note whose flash cards are the
headings and lines that end in `#flashcard`, at any level, among ordinary headings. It was refused
('no questions found'); a person sees a card at each tagged line (`tagcards.py`). A note whose
repeated tags name no card stays refused.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

DECK_NOTE = """---
tags: networking
---

# TCP

## Three-way handshake #flashcard

SYN, SYN-ACK, ACK: each side learns the other's initial sequence number.

## Congestion control

### Slow start #flashcard

The window doubles every round trip until the threshold, then grows by one segment.

Why does TIME_WAIT last twice the maximum segment lifetime? #flashcard
So that a late duplicate of the last ACK cannot reach a new connection on the same port pair.

## Links

- RFC 9293
"""

IDEA_NOTE = """# Weekend

## Fix the bike #todo

Buy a new chain first.

## Call grandma #todo

Sunday afternoon.

## Plant tomatoes #todo

After the last frost.
"""


def test_lines_ending_in_a_card_tag_are_cards(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "tcp.md", DECK_NOTE)
    assert r.returncode == 0, r.stdout + r.stderr  # before: refused, 'no questions found'
    assert len(pages) == 3
    assert page_block(pages[0], "question").startswith("Three-way handshake")
    assert "SYN-ACK" in page_block(pages[0], "answer")
    assert "Why does TIME_WAIT last" in page_block(pages[2], "question")
    assert page_block(pages[2], "answer").startswith("So that a late duplicate")
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Congestion control" in chapter and "RFC 9293" in chapter  # the outline's other sections
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


def test_repeated_tags_that_name_no_card_stay_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "weekend.md", IDEA_NOTE)
    assert r.returncode == 1 and not pages


CAR_NOTE = """# Car notes

## Braking distance #card

It grows with the square of the speed.

## Tyre pressure #card #maintenance

Check it monthly, when the tyres are cold.

_What does ABS do?_ #flashcard
It keeps the wheels from locking.
"""


def test_the_card_tag_leaves_the_title_for_the_pages_tags(tmp_path: Path) -> None:
    """`## Braking #card`: the tag marks the card, it is no part of its question. The title, the
    page's file name and the chapter page's link read 'Braking distance'; the tags are kept where
    a tag belongs, in the page's `tags:` (before: '# Braking distance #card', '01-braking-distance-card.md')."""
    r, pages = import_document(tmp_path, "car.md", CAR_NOTE)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [p.name for p in pages] == ["01-braking-distance.md", "02-tyre-pressure.md", "03-what-does-abs-do.md"]
    first = pages[0].read_text(encoding="utf-8")
    assert "# Braking distance\n" in first and "#card" not in first
    assert 'tags: ["card"]' in first
    assert 'tags: ["card", "maintenance"]' in pages[1].read_text(encoding="utf-8")
    assert page_block(pages[2], "question") == "_What does ABS do?_"
    assert 'tags: ["flashcard"]' in pages[2].read_text(encoding="utf-8")
    chapter = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "[Braking distance](01-braking-distance.md)" in chapter and "#card" not in chapter
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
