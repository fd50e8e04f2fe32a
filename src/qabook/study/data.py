"""The two scripts the browser's study mode reads, as `<script>` files (so they work from file://).

- `study-index.js` (every page): interface strings, chapters, topics (id, url, question count,
  tags) — small, enough for progress figures and badges;
- `study-cards/<n>.js`, one per chapter (loaded by the review and quiz pages only, each the
  chapters its questions come from): each question's rendered HTML, keyed `<page id>#q<N>` like
  the progress records; `index_script` names each chapter's file (`cards`: slug → file name).
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
                 pages: dict[str, str], downloads: list[dict[str, str]] | None = None,
                 cards: dict[str, str] | None = None, renamed_from: str | None = None) -> str:
    """`pages`: site-relative URLs of "home", "review" and "quiz"; `downloads`: {url, label key};
    `cards`: chapter slug ("" for topics of no chapter) → its cards' file (`card_files`);
    `renamed_from`: the id the progress was kept under before the book's name changed, until the
    author settles it (read back by the next build, `qabook.plugin.book_identity`)."""
    data: dict[str, object] = {"book": book}
    if renamed_from is not None:
        data["renamed_from"] = renamed_from
    data |= {
        "strings": {k: v for k, v in strings.items() if k.startswith(("study.", "block."))},
        "chapters": chapters,
        "topics": [{"id": t.id, "url": t.url, "title": t.title, "chapter": t.chapter, "tags": t.tags,
                    "n": len(t.questions)} for t in topics],
        "pages": pages,
        "downloads": downloads or [],
        "cards": cards if cards is not None else card_files(topics),
    }
    return _js("QABOOK_STUDY", data)


def card_files(topics: list[StudyTopic]) -> dict[str, str]:
    """Chapter slug → the name of its cards' file: chapters numbered in the order their topics
    come (1, 2 …), topics of no chapter in 0.js."""
    out: dict[str, str] = {}
    for t in topics:
        if t.chapter not in out:
            out[t.chapter] = "0.js" if not t.chapter else f"{sum(1 for c in out if c) + 1}.js"
    return out


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def chapter_cards(topics: list[StudyTopic]) -> dict[str, QuestionHtml]:
    """A chapter's cards by key (`<page id>#q<N>`; a later key wins, as in a dict)."""
    return {f"{t.id}#{q.anchor}": q for t in topics for q in t.questions}


def write_cards_script(out: BinaryIO, chapter: str, topics: list[StudyTopic]) -> None:
    """One chapter's cards (its `topics`) as a script that adds them to window.QABOOK_CARDS under
    the chapter's slug, written card by card: a big chapter's cards are megabytes, which the
    whole script held in memory at once (three times over)."""
    cards = chapter_cards(topics)
    out.write(f"(window.QABOOK_CARDS=window.QABOOK_CARDS||{{}})[{_dump(chapter)}]={{".encode("utf-8"))
    for n, (key, q) in enumerate(cards.items()):
        card = {"q": q.question, "a": q.answer, "e": q.explanation}
        out.write(("," if n else "").encode() + f"{_dump(key)}:{_dump(card)}".encode("utf-8"))
    out.write(b"};\n")


def cards_scripts(topics: list[StudyTopic]) -> dict[str, str]:
    """File name → the script `write_cards_script` writes for that chapter (for tests and small
    books; the build streams them)."""
    import io

    out = {}
    for chapter, name in card_files(topics).items():
        buffer = io.BytesIO()
        write_cards_script(buffer, chapter, [t for t in topics if t.chapter == chapter])
        out[name] = buffer.getvalue().decode("utf-8")
    return out
