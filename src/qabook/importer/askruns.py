"""A quiz at the end of an article: a run of one template's starts that are a quiz's questions.

An article's sections and its closing quiz often share one shape (`### Cryptographic hashes` …
then `### What is the primary purpose of cryptography?` over `- [x]` / `- [ ]` choices): the
template as a whole does not ask (most of its starts are sections), so it is refused. A person
sees the quiz at a glance all the same: a run of consecutive starts, each asking, each unit
holding what a quiz holds — choices, ticks or an answer label. Such a run is a candidate of its
own. Rhetorical section headings that ask (`## Why does scope matter?`) hold prose, not
choices or answer labels: they stay sections.
"""

from __future__ import annotations

from qabook.importer.template import Candidate

MIN_RUN = 3


def _quizlike(cand: Candidate) -> list[bool]:
    """Per start: it asks and its unit holds choices, a tick or an answer label."""
    return [asked and quiz for asked, quiz in zip(cand.asked_at, cand.quiz_at)]


def asking_runs(cands: list[Candidate]) -> list[Candidate]:
    """Runs of at least `MIN_RUN` consecutive quiz-like starts in templates refused as a whole."""
    out = []
    for c in cands:
        if c.accepted or len(c.indices) <= MIN_RUN or not c.asked_at or c.key[0] in ("doc", "p", "item"):
            continue
        quiz = _quizlike(c)
        k = 0
        while k < len(quiz):
            if not quiz[k]:
                k += 1
                continue
            j = k
            while j < len(quiz) and quiz[j]:
                j += 1
            if j - k >= MIN_RUN and j - k < len(quiz):
                run = Candidate(c.key, c.indices[k:j], c.shapes[k:j])
                run.source = c  # a part of that template, not a rival reading
                run.why = f"a run of {j - k} that ask over choices or an answer; the template's other " \
                          f"{len(quiz) - (j - k)} starts are sections"
                out.append(run)
            k = j
    return out
