"""A flash-card deck split by '---' whose first card follows the deck's YAML front matter (issue 14
item 1): the front matter is the deck's metadata, and the card right after it is a card like the
others, not part of the chapter page.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

DECK = """---
title: Networking basics
tags: [flashcards]
---

What does DNS translate, and why do clients cache its answers?

???

Names into addresses; caching saves a round trip per lookup and spares the resolvers.

---

Why does TCP need a three-way handshake rather than two messages?

???

Both sides must learn that the other received their initial sequence number.

---

What problem does NAT solve, and what does it break?

???

It lets many hosts share one public address; it breaks end-to-end reachability.
"""


def test_the_card_after_the_front_matter_is_a_card(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "deck.md", DECK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3, [p.name for p in pages]
    assert "What does DNS translate" in page_block(pages[0], "question")
    assert "Names into addresses" in page_block(pages[0], "answer")
