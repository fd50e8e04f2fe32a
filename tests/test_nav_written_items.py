"""The navigation partial visits only the top items it writes something for
(qabook.plugin.navigation.written_items): with shared chapters, a chapter that is not the page's
own is written by the book's script, so the template is not asked to test it."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.structure.nav import Link, Section

from qabook.plugin.navigation import written_items


def _page(src_uri: str, *, index: bool) -> SimpleNamespace:
    return SimpleNamespace(children=None, is_index=index, file=SimpleNamespace(src_uri=src_uri), active=False)


def test_other_chapters_are_left_out_and_positions_kept() -> None:
    home = _page("index.md", index=True)
    chapters = [Section(f"C{n}", [_page(f"c{n}/index.md", index=True), _page(f"c{n}/t.md", index=False)])
                for n in range(3)]
    loose = Section("notes", [_page("notes/a.md", index=False)])  # first child no index page: not a chapter
    unlisted = Section("extra", [_page("extra/index.md", index=True)])  # its index page is no chapter page
    nested = Section("nested", [Section("inner", [])])
    link = Link("elsewhere", "https://example.org/")
    items = [home, *chapters, loose, unlisted, nested, link]
    chapter_pages = {f"c{n}/index.md" for n in range(3)}
    chapters[1].active = True  # the page is in chapter 2 (position 3)

    shown = written_items(items, None, True, chapter_pages)
    assert [n for n, _ in shown] == [1, 3, 5, 6, 7, 8]
    assert all(items[n - 1] is item for n, item in shown)
    # not shared (the home page, or navigation.indexes off): every item, as Material's loop
    assert written_items(items, None, False, chapter_pages) == list(enumerate(items, 1))
    assert written_items(items, None, None, chapter_pages) == list(enumerate(items, 1))
