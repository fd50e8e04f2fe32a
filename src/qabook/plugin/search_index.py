"""qabook's search in the site: each page's search documents (one per question) and, after the
build, the sharded index in <site>/search/qabook/ (qabook.search)."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page as MkPage

from qabook.model import Chapter
from qabook.plugin.preview import Rendered, search_means
from qabook.diagnostics import Diagnostic
from qabook.search import SearchDoc, extract_docs
from qabook.search.expand import BookStats
from qabook.search.index import PageDocs, field_means, index_files
from qabook.search.lexicon import Pair, load_glossary


def searchable(page: MkPage, generated: list[File]) -> bool:
    """Indexed unless its front matter says `search: {exclude: true}`, it is a generated page
    (`generated`: the print pages) or the tags page."""
    search_meta = page.meta.get("search")
    excluded = isinstance(search_meta, dict) and search_meta.get("exclude")
    return not excluded and not any(page.file is f for f in generated) and page.file.src_uri != "tags.md"


def page_docs(html: str, page: MkPage, chapter: Chapter | None) -> list[SearchDoc]:
    """A rendered page's search documents."""
    tags = page.meta.get("tags") if isinstance(page.meta.get("tags"), list) else []
    return extract_docs(html, page.url, unescape(page.title or ""), chapter.title if chapter else "",
                        [unescape(str(t)) for t in tags])


def glossary(base: Path, name: str) -> tuple[list[Pair], list[Diagnostic]]:
    """The author's glossary.yml (plugin option `glossary`, relative to mkdocs.yml's folder `base`),
    if there is one: its pairs, and a warning for each entry it cannot use."""
    path = base / name
    if not path.is_file():
        return [], []
    return load_glossary(path, name)


def write_index(site: Path, rendered: dict[str, Rendered], full_build: bool, pairs: list[Pair] | None = None,
                keep_terms: bool = True, stats: BookStats | None = None) -> None:
    """The index of every page's documents, each file written as it is made; `full_build`:
    every page was rendered in this build; `pairs`: the author's glossary; `keep_terms`: see
    qabook.search.build_index; `stats`: the expansions' figures added up as the pages were
    converted (qabook.search.expand.BookStats). Only files whose bytes changed are written (a
    live preview's save touches a few shards), and files of an earlier index that this one no
    longer has go. Pages whose documents are held packed (a one-off build) are read page by
    page on each pass (`PageDocs`), not all at once."""
    out = site / "search" / "qabook"
    out.mkdir(parents=True, exist_ok=True)
    pages = [page_docs for *_, page_docs in rendered.values()]
    docs = PageDocs(pages) if any(not isinstance(p, list) for p in pages) else [d for p in pages for d in p]
    names = set()
    # a one-off build's workers added up each field's length (`stats`): the index weighs from them
    avg = None if stats is not None and full_build else search_means(full_build, lambda: field_means(docs))
    for name, data in index_files(docs, avg, pairs, keep_terms, stats):
        names.add(name)
        target = out / name
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.write_bytes(data)
    for old in out.iterdir():
        if old.name not in names and old.is_file():
            old.unlink()
