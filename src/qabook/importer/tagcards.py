"""Cards marked by a tag (`# Car #card`, `_What about electric vehicles?_ #card`): a flash-card
plugin's notes (Obsidian's `#card`, `#flashcard`, `#card-reverse`).

The note is an ordinary outline — headings at every level, paragraphs — and a person sees its
cards at a glance: the lines that end in the card tag. When no template is question-like and the
same tag naming a card (`vocabulary.CARD_TAGS`, with a suffix such as `-reverse`) ends at least
`MIN_CARDS` headings or paragraph first lines, each such line starts a question, whatever its
level; the text under it (the paragraph's next lines, or the heading's section up to the next
card or a heading as high) is its answer. The tags leave the title (`Braking`, not `Braking #card`)
and become the page's tags (`tags: [card]`, `card_tags`): kept, where a tag belongs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qabook.importer.elements import Element
from qabook.importer.shapes import Shape
from qabook.importer.template import Candidate
from qabook.vocabulary import CARD_TAGS

#: How many tagged lines make a deck.
MIN_CARDS = 3
_TAGS_RE = re.compile(r"(?:\s+#[\w/-]+)+\s*$")
_CARD_RE = re.compile(rf"#(?:{'|'.join(CARD_TAGS)})(?:[-/][\w-]+)?$", re.I)


def card_title(text: str) -> str | None:
    """The line's text without its trailing tags when one of them names a card, else None."""
    m = _TAGS_RE.search(text)
    if not m or not any(_CARD_RE.match(tag) for tag in m.group(0).split()):
        return None
    return text[:m.start()].strip() or None


def card_tags(text: str) -> list[str]:
    """The trailing tags of a card's line, without their '#' ('Braking #card #physics' → ['card',
    'physics']); [] when none of them names a card."""
    first = text.split("\n", 1)[0].strip()
    if card_title(first) is None:
        return []
    return [tag.lstrip("#") for tag in _TAGS_RE.search(first).group(0).split()]


def tagged_cards(elements: list[Element], shapes: list[Shape], lines: list[str]) -> Candidate | None:
    """The headings and paragraphs whose first line ends in a card tag, as one candidate; else None."""
    chosen, cards = [], []
    for i, el in enumerate(elements):
        if el.kind not in ("heading", "paragraph"):
            continue
        first = el.text.split("\n", 1)[0].strip() if el.kind == "heading" else lines[el.start].strip()
        title = card_title(first)
        if title:
            chosen.append(i)
            cards.append(replace(shapes[i], asking=True, title=card_title(shapes[i].title) or shapes[i].title))
    if len(chosen) < MIN_CARDS:
        return None
    total = sum(1 for line in lines if line.strip()) or 1
    held = sum(1 for line in lines[elements[chosen[0]].start:] if line.strip())
    return Candidate.fixed(("tag", "", "tagcards"), chosen, cards, chosen[1:] + [len(elements)], True, 1.4,
                           coverage=held / total)
