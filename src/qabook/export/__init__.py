"""Exports of the book for other tools, from the book model (no MkDocs):

- `export_json`: the whole book as JSON, valid against `book.schema.json` (versioned);
- `export_anki`: an Anki package (.apkg, genanki), one note per question, GUIDs from stable ids.

A question's stable key is `<page id>#q<N>` (its page's front-matter id and its position in the
page), the same key the site's study mode stores progress under.
"""

from qabook.export.anki import export_anki
from qabook.export.jsonbook import SCHEMA_VERSION, book_json, export_json, schema
from qabook.export.render import render_block

__all__ = ["SCHEMA_VERSION", "book_json", "export_anki", "export_json", "render_block", "schema"]
