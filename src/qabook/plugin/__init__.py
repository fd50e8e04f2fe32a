"""The MkDocs plugin `qabook` (entry point `qabook.plugin:QabookPlugin`), split by concern as
Material splits its plugins: `config` (the typed options), `plugin` (only the MkDocs events),
and plain modules beside them for the work —

| module | concern |
|---|---|
| `site` | what the plugin adds to any MkDocs site: templates, assets, Markdown extensions, theme |
| `findings` | the check during the build; a page's findings in the live preview |
| `navigation` | where the site is the book: reading order, chapter titles, pruned chapters |
| `pages` | the generated Markdown of home and chapter pages; question anchors, images, formulas |
| `search_index` | the pages' search documents and the sharded index |
| `study_data` | study mode: review and quiz pages, progress slots, the data scripts |
| `outputs` | print pages (their questions left to the chapter's study cards), PDFs and the Anki / JSON exports; the log line when no page links the PDFs, or when no chapter holds a topic (then none are written) |
| `icons` | where the site is the book: the stylesheet of the icons drawn by CSS masks (`qabook.compact`) |
| `strict` | what `mkdocs build --strict` will abort on, counted as MkDocs counts it: no PDFs then |
| `preview` | what the rebuilds of one live preview share (caches) |
| `offline` | the installable, offline book: manifest, icons, offline page, service worker (`qabook.offline`) |
"""

from qabook.plugin.plugin import QabookPlugin

__all__ = ["QabookPlugin"]
