"""The book as an Anki package (genanki): one note per question, one deck per chapter under the
book's deck, chapter / topic / tags as Anki tags.

Ids are derived, never random: a note's GUID from its question key `<page id>#q<N>`, so that
re-importing an edited book updates the notes; the model and decks from their names.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import genanki

from qabook.export.jsonbook import book_title, question_key
from qabook.export.render import render_block
from qabook.model import Book

CSS = """.card { font-family: -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  font-size: 18px; line-height: 1.6; text-align: left; }
.qa-part { margin-top: 1em; } .qa-part h3 { font-size: .9em; margin: 0 0 .3em; opacity: .7; }
pre { white-space: pre-wrap; } svg { vertical-align: middle; max-width: 100%; }"""


def _id(name: str) -> int:
    """A stable 31-bit id from a name (Anki ids must be positive and below 2**63)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) | (1 << 30)


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def _model(answer: str, explanation: str) -> genanki.Model:
    return genanki.Model(
        _id("qabook-model-v1"), "qabook Q&A",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Explanation"}, {"name": "Source"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": ('{{FrontSide}}<hr id="answer"><div class="qa-part"><h3>' + answer + "</h3>{{Answer}}</div>"
                     '{{#Explanation}}<div class="qa-part"><h3>' + explanation + "</h3>{{Explanation}}</div>"
                     '{{/Explanation}}<p class="qa-source">{{Source}}</p>'),
        }],
        css=CSS)


def export_anki(book: Book, out: Path, title: str | None = None, language: str | None = None) -> Path:
    from qabook import i18n

    title = title or book_title(book)
    model = _model(i18n.t(language, "block.answer"), i18n.t(language, "block.explanation"))
    decks = []
    for chapter in book.chapters:
        deck = genanki.Deck(_id(f"qabook-deck:{title}:{chapter.slug}"), f"{title}::{chapter.title}")
        for page in chapter.topics:
            if not page.id:
                continue
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            anki_tags = [_tag(f"chapter::{chapter.slug}"), _tag(f"topic::{page.id}"), *(_tag(str(t)) for t in tags)]
            for q in page.questions:
                key = question_key(page, q.number)
                fields = [render_block(q.question.content, language),
                          render_block(q.answer.content, language) if q.answer else "",
                          render_block(q.explanation.content, language) if q.explanation else "",
                          f"{chapter.title} · {page.title or page.rel}"]
                deck.add_note(genanki.Note(model=model, fields=fields, tags=anki_tags, guid=genanki.guid_for(key)))
        if deck.notes:
            decks.append(deck)
    genanki.Package(decks).write_to_file(str(out))
    return out
