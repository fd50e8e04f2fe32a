"""The book as one JSON document, described by the versioned JSON Schema beside this module."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from qabook.export.render import Part, rendered_questions
from qabook.model import Block, Book, Page

SCHEMA_VERSION = 1
SCHEMA_FILE = "book.schema.json"


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that `book_json` output follows."""
    return json.loads(resources.files("qabook.export").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def _block(block: Block | None, part: Part | None) -> dict[str, Any] | None:
    """A block as written (Markdown, options left out) and as the site renders it; pictures
    from the book as docs-relative paths (in `images`, and so in the HTML's src)."""
    if block is None:
        return None
    return {"markdown": "\n".join(block.content).strip("\n"), "html": part.html if part else "",
            "line": block.line, "images": list(part.images) if part else []}


def question_key(page: Page, number: int) -> str:
    return f"{page.id}#q{number}"


def book_json(book: Book, title: str) -> dict[str, Any]:
    rendered = rendered_questions(book)
    chapters = []
    for chapter in book.chapters:
        topics = []
        for page in chapter.topics:
            if not page.id:
                continue
            tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
            parts = rendered.get(page.rel, [])
            questions = []
            for i, q in enumerate(page.questions):
                r = parts[i] if i < len(parts) else None
                questions.append({
                    "key": question_key(page, q.number),
                    "number": q.number,
                    "anchor": q.anchor,
                    "question": _block(q.question, r.question if r else None),
                    "answer": _block(q.answer, r.answer if r else None),
                    "explanation": _block(q.explanation, r.explanation if r else None),
                })
            topics.append({"id": page.id, "title": page.title or "", "source": page.rel,
                           "tags": [str(t) for t in tags], "questions": questions})
        chapters.append({"slug": chapter.slug, "title": chapter.title,
                         "source": chapter.index.rel if chapter.index else None, "topics": topics})
    return {"schema_version": SCHEMA_VERSION, "title": title, "chapters": chapters}


def export_json(book: Book, out: Path, title: str | None = None) -> Path:
    data = book_json(book, title or book_title(book))
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def book_title(book: Book) -> str:
    home = book.pages.get("index.md")
    return (home.title if home and home.title else None) or book.docs_dir.resolve().parent.name
