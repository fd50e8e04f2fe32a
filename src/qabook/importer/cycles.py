"""A repeated block of label lines: one unit whose first label is the question, the rest its parts.

Some documents write every part of a question under a label line of its own, the same few labels
over and over (`__Practice Question__`, then `__Question Options__`, `__Suggested Answers__`,
`__Explain Your Answer__`; `**Front**` / `**Back**`). The lines look alike — short bold lines or
headings — so the template vote takes each of them for a question start. What a person sees is
the cycle: the label that opens every block, each of the others at most once inside it.

`label_cycle` reads that cycle from the starts of a template whose start lines are label words
that repeat: the opener is the most frequent word (among equals, one that names a question, else
the first written), the blocks run from one opener to the next, and the cycle holds when most
blocks carry another label and none repeats inside a block. The opener becomes this document's
question label; the first later word that names an answer (else the most frequent later word)
its answer label; the next later word its explanation. Words written before the answer stay the
question's text (`__Question Options__`). Labels of this import only (`learn.py`).
"""

from __future__ import annotations

from collections import Counter

from qabook.vocabulary import LABEL_HINTS, holds_hint

#: The share of blocks that must carry a second label, and that may repeat none.
SHARE = 0.8


def _names(word: str, kind: str) -> bool:
    """The word names a part of this kind: a vocabulary hint, or the kind's own word, as a word
    ('Suggested Answers', 'Practice Question')."""
    return holds_hint(word, LABEL_HINTS[kind] + ((kind,) if kind != "explanation" else ("explain",)))


def label_cycle(starts: list[str | None], words: list[str | None]) -> list[tuple[str, str, int]]:
    """(word, kind, count) for the labels of a cycle: `starts` are the label words of a template's
    starts (None where a start opens with none), `words` those of every block written like them,
    in document order — the starts and the label lines the vote set aside between them (an answer
    label the vocabulary knows). [] when they make no cycle."""
    if len(starts) < 2 or sum(1 for w in starts if w) < 0.8 * len(starts):
        return []  # most starts are not label lines: they are the questions themselves
    n = len(words)
    said = [w for w in words if w]
    if n < 4:
        return []
    low = [w.lower() if w else None for w in words]
    counts = Counter(w for w in low if w)
    if len(counts) < 2 or len(counts) * 2 > n:
        return []  # the labels must repeat: a few words, many times
    top = max(counts.values())
    if top < 3:
        return []
    firsts = {w: low.index(w) for w in counts}
    opener = min((w for w, c in counts.items() if c == top),
                 key=lambda w: (not _names(w, "question"), firsts[w]))
    at = [k for k, w in enumerate(low) if w == opener]
    blocks = [low[a + 1:b] for a, b in zip(at, at[1:] + [n])]
    if sum(1 for b in blocks if any(b)) < SHARE * len(blocks):
        return []  # the opener alone, block after block: it is the question line itself
    if sum(1 for b in blocks if len([w for w in b if w]) == len({w for w in b if w})) < SHARE * len(blocks):
        return []  # labels repeat inside a block: not one question's parts
    inside = Counter(w for b in blocks for w in {w for w in b if w})
    place: dict[str, float] = {}
    for w in inside:
        spots = sorted(b.index(w) for b in blocks if w in b)
        place[w] = spots[len(spots) // 2]
    later = sorted((w for w, c in inside.items() if c >= 2), key=lambda w: (place[w], w))
    answer = next((w for w in later if _names(w, "answer") and not _names(w, "question")), None)
    if answer is None:
        answer = max(later, key=lambda w: (inside[w], -place[w]), default=None)
    if answer is None or inside[answer] < SHARE * len(blocks):
        return []  # no part that most blocks share after the opener
    spelled = {w.lower(): w for w in said}
    out = [(spelled[opener], "question", len(at)), (spelled[answer], "answer", inside[answer])]
    after = [w for w in later if place[w] > place[answer] and not _names(w, "question")]
    if after:
        out.append((spelled[after[0]], "explanation", inside[after[0]]))
    return out
