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


def _topic(name: str):
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    return Page(name, File(f"c/{name}.md", "/docs", "/site", use_directory_urls=True), {})


def test_a_topic_page_writes_itself_and_what_no_script_writes_in_order(monkeypatch) -> None:
    """held_children: (position, child) of the chapter's children a topic page writes itself —
    the page, nested sections, links out — in order; what every topic of the chapter shares is
    worked out once per chapter (its children tested once), not once a page."""
    from mkdocs.structure.nav import Link

    from qabook.plugin import navigation

    children = [_topic("index"), _topic("a"), Section("inner", [_topic("x")]), _topic("b"),
                Link("out", "https://example.org/"), _topic("c")]
    chapter = Section("C", children)
    tested = []
    real = navigation._plain
    monkeypatch.setattr(navigation, "_plain", lambda child: (tested.append(child), real(child))[1])
    expected = {  # what each page writes: (position, child), as the template loops over them
        1: [(3, children[2]), (5, children[4])],  # the chapter page: none of its topics (they are its body)
        2: [(2, children[1]), (3, children[2]), (5, children[4])],
        4: [(3, children[2]), (4, children[3]), (5, children[4])],
        6: [(3, children[2]), (5, children[4]), (6, children[5])],
    }
    for n, held in expected.items():
        assert navigation.held_children(chapter, children[n - 1]) == held, n
    assert navigation.held_children(chapter, _topic("elsewhere")) == expected[1]  # (a page of no chapter)
    assert len(tested) <= len(children) + len(expected) + 1, "the chapter's children were tested again for each page"
    chapter.children = children = [*children, _topic("d")]  # (a live preview's chapter changed: worked out again)
    assert navigation.held_children(chapter, children[-1])[-1] == (7, children[-1])
