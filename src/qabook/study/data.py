"""The two scripts the browser's study mode reads, as `<script>` files (so they work from file://).

- `study-index.js` (every page): interface strings, chapters, topics (id, url, question count,
  tags) — small, enough for progress figures and badges;
- `study-cards.js` (loaded by the review and quiz pages only): each question's rendered HTML,
  keyed `<page id>#q<N>` like the progress records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import BinaryIO

from qabook.study.cards import QuestionHtml


@dataclass
class StudyTopic:
    id: str
    url: str  # site-relative
    title: str
    chapter: str  # chapter slug
    tags: list[str] = field(default_factory=list)
    questions: list[QuestionHtml] = field(default_factory=list)


def _js(name: str, value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/")
    return f"window.{name}={text};\n"


def index_script(book: str, strings: dict[str, str], chapters: list[dict[str, str]], topics: list[StudyTopic],
                 pages: dict[str, str], downloads: list[dict[str, str]] | None = None) -> str:
    """`pages`: site-relative URLs of "home", "review" and "quiz"; `downloads`: {url, label key}."""
    data = {
        "book": book,
        "strings": {k: v for k, v in strings.items() if k.startswith(("study.", "block."))},
        "chapters": chapters,
        "topics": [{"id": t.id, "url": t.url, "title": t.title, "chapter": t.chapter, "tags": t.tags,
                    "n": len(t.questions)} for t in topics],
        "pages": pages,
        "downloads": downloads or [],
    }
    return _js("QABOOK_STUDY", data)


def cards_script(topics: list[StudyTopic]) -> str:
    cards = {f"{t.id}#{q.anchor}": {"q": q.question, "a": q.answer, "e": q.explanation}
             for t in topics for q in t.questions}
    return _js("QABOOK_CARDS", cards)


def write_cards_script(out: BinaryIO, topics: list[StudyTopic]) -> None:
    """`cards_script(topics)`, the same bytes (UTF-8), written card by card: a big book's cards
    are tens of megabytes, which the whole script held in memory at once (three times over)."""
    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

    cards = {f"{t.id}#{q.anchor}": q for t in topics for q in t.questions}  # (a later key wins, as in a dict)
    out.write(b"window.QABOOK_CARDS={")
    for n, (key, q) in enumerate(cards.items()):
        card = {"q": q.question, "a": q.answer, "e": q.explanation}
        out.write(("," if n else "").encode() + f"{dump(key)}:{dump(card)}".encode("utf-8"))
    out.write(b"};\n")
