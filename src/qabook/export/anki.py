"""The book as an Anki package (genanki): one note per question, one deck per chapter under the
book's deck, chapter / topic / tags as Anki tags; the pictures of the book in the package's media.

Byte-identical for the same sources: nothing comes from the clock or from chance. A note's
GUID and id come from its question key `<page id>#q<N>` (re-importing an edited book updates
its notes), the model and decks from their names; a note's modification time is
`SOURCE_DATE_EPOCH` when set, else its page file's (so an edited page is newer, and Anki takes
it on re-import); the zip's entries carry that time too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import genanki

from qabook.builddate import source_date_epoch
from qabook.export.jsonbook import book_title, question_key
from qabook.export.render import relink_images, rendered_questions
from qabook.model import Book
from qabook.textout import html_text

CSS = """.card { font-family: -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  font-size: 18px; line-height: 1.6; text-align: left; }
.qa-part { margin-top: 1em; } .qa-part h3 { font-size: .9em; margin: 0 0 .3em; opacity: .7; }
pre { white-space: pre-wrap; } svg { vertical-align: middle; max-width: 100%; } img { max-width: 100%; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .2em .5em; }"""


def _id(name: str) -> int:
    """A stable 31-bit id from a name (Anki ids must be positive and below 2**63)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) | (1 << 30)


def _note_id(key: str) -> int:
    """A note's id from its question key; its cards take the next ids (so ids step by 16)."""
    return (1 << 45) + int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:10], 16) * 16


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def media_name(rel: str) -> str:
    """A picture's name in the package's flat media folder: unique per docs-relative path."""
    return f"{hashlib.sha1(rel.encode('utf-8')).hexdigest()[:10]}-{PurePosixPath(rel).name}"


class _Note(genanki.Note):
    """A note whose id and modification time are given, not taken from the clock."""

    def __init__(self, *args, note_id: int, mod: int, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.note_id, self.mod = note_id, mod

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):  # noqa: ANN001, ANN201, ARG002
        return super().write_to_db(cursor, self.mod, deck_id, itertools.count(self.note_id))


def _model(answer: str, explanation: str) -> genanki.Model:
    return genanki.Model(
        _id("qabook-model-v1"), "qabook Q&A",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Explanation"}, {"name": "Source"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": ('{{FrontSide}}<hr id="answer"><div class="qa-part"><h3>' + html_text(answer) + "</h3>{{Answer}}</div>"
                     '{{#Explanation}}<div class="qa-part"><h3>' + html_text(explanation) + "</h3>{{Explanation}}</div>"
                     '{{/Explanation}}<p class="qa-source">{{Source}}</p>'),
        }],
        css=CSS)


def export_anki(book: Book, out: Path, title: str | None = None, language: str | None = None) -> Path:
    from qabook import i18n

    title = title or book_title(book)
    model = _model(i18n.t(language, "block.answer"), i18n.t(language, "block.explanation"))
    rendered = rendered_questions(book)
    epoch = source_date_epoch()
    decks, media = [], {}  # media: name → docs-relative path
    newest = 0
    for chapter in book.chapters:
        deck = genanki.Deck(_id(f"qabook-deck:{title}:{chapter.slug}"), f"{title}::{chapter.title}")
        for page in chapter.topics:
            if not page.id:
                continue
            mod = epoch if epoch is not None else int(page.path.stat().st_mtime)
            newest = max(newest, mod)
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            anki_tags = [_tag(f"chapter::{chapter.slug}"), _tag(f"topic::{page.id}"), *(_tag(str(t)) for t in tags)]
            parts = rendered.get(page.rel, [])
            for i, q in enumerate(page.questions):
                if i >= len(parts):
                    break
                r = parts[i]
                for part in (r.question, r.answer, r.explanation):
                    for rel in part.images if part else ():
                        media[media_name(rel)] = rel
                fields = [relink_images(r.question, media_name),
                          relink_images(r.answer, media_name) if r.answer else "",
                          relink_images(r.explanation, media_name) if r.explanation else "",
                          f"{html_text(chapter.title)} · {html_text(page.title or page.rel)}"]
                key = question_key(page, q.number)
                deck.add_note(_Note(model=model, fields=fields, tags=anki_tags, guid=genanki.guid_for(key),
                                    note_id=_note_id(key), mod=mod))
        if deck.notes:
            decks.append(deck)
    stamp = epoch if epoch is not None else newest
    _write_package(genanki.Package(decks), out, stamp, {name: book.docs_dir / rel for name, rel in sorted(media.items())})
    return out


def _write_package(package: genanki.Package, out: Path, stamp: int, media: dict[str, Path]) -> None:
    """genanki's .apkg, written with fixed times: the collection, the media index and the media."""
    fd, db = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(db)
        package.write_to_db(conn.cursor(), stamp, itertools.count(stamp * 1000))
        conn.commit()
        conn.close()
        when = dt.datetime.fromtimestamp(max(stamp, 315532800), dt.timezone.utc).timetuple()[:6]  # zip: ≥ 1980

        def entry(name: str) -> zipfile.ZipInfo:
            info = zipfile.ZipInfo(name, date_time=when)
            info.external_attr = 0o644 << 16
            return info

        names = list(media)
        with zipfile.ZipFile(out, "w") as z:
            z.writestr(entry("collection.anki2"), Path(db).read_bytes())
            z.writestr(entry("media"), json.dumps({str(i): name for i, name in enumerate(names)}))
            for i, name in enumerate(names):
                z.writestr(entry(str(i)), media[name].read_bytes())
    finally:
        os.unlink(db)
