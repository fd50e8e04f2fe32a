"""The navigation, when the site is the book (option `home`): a chapter's section takes its title
from the chapter page, and the home page leads, then the chapters, then any other page. In a
site qabook was added to, the navigation stays as MkDocs and Material make it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from qabook.model import Chapter
from qabook.textout import html_text


def _relink(nav: Navigation) -> None:
    """After reordering nav.items: pages in reading order, previous/next links to match."""
    pages: list[MkPage] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, MkPage):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after


def title_chapters(nav: Navigation, chapter_of: Callable[[str], Chapter | None]) -> None:
    """A chapter's section takes its title from the chapter page."""
    for item in nav.items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, MkPage) and child.file.src_uri.endswith("/index.md"):
                    chapter = chapter_of(child.file.src_uri)
                    if chapter:
                        item.title = html_text(chapter.title)  # templates print titles as HTML


def pruned_chapter_pages(chapters: Iterable[str], *, home: bool) -> set[str]:
    """The chapter pages whose sections templates/partials/nav.html writes pruned (the chapter's
    topics from its shared nav/<n>.js, in-page on the chapter page only; the other chapters from
    the shared nav/book.js: a book's size costs nothing): only where the site is the book (`home`); a site qabook was added to
    keeps Material's own markup (and its `navigation.prune`) and gets no shared script."""
    return {f"{slug}/index.md" for slug in chapters} if home else set()


def home_then_chapters(nav: Navigation) -> None:
    """Home first, then the sections (chapters), then any other page (tags …) — option home."""
    nav.items.sort(key=lambda item: 0 if isinstance(item, MkPage) and item.is_homepage
                   else 1 if isinstance(item, Section) else 2)
    _relink(nav)


# -- the links every page of a chapter shares, as scripts (templates/partials/nav.html) --------

NAV_DIR = "assets/qabook/nav/"


def _is_chapter(item: object, features: list[str], chapter_pages: set[str]) -> bool:
    """A section the navigation partial prunes: a chapter, its first child the chapter page."""
    children = getattr(item, "children", None)
    first = children[0] if children else None
    return (isinstance(item, Section) and first is not None and not first.children
            and getattr(first, "is_index", False) and "navigation.indexes" in features
            and first.file.src_uri in chapter_pages)


def _entry(item: object) -> list[str]:
    """[url, title]: the url as MkDocs names the file (the script makes it relative to the
    page), the title as the template writes it (HTML)."""
    return [str(getattr(item, "url", "") or ""), str(getattr(item, "title", "") or "")]


def nav_scripts(nav: Navigation, features: list[str], chapter_pages: set[str]) -> dict[str, str]:
    """File name → content: book.js (the chapters, in navigation order, and the script that
    writes their links into every page) and <n>.js per chapter (its topics, n its position in
    the navigation: what a topic page of that chapter lists besides itself)."""
    from importlib import resources

    def data(key: str, value: object) -> str:
        return (f"(window.qabookNavData=window.qabookNavData||{{}})[{json.dumps(key)}]="
                f"{json.dumps(value, ensure_ascii=False, separators=(',', ':'))};\n")

    book: list[object] = []
    out: dict[str, str] = {}
    for n, item in enumerate(nav.items, 1):
        if not _is_chapter(item, features, chapter_pages):
            book.append(0)  # written by the template on every page
            continue
        book.append([str(n), *_entry(item.children[0])[:1], str(item.title or "")])
        out[f"{n}.js"] = data(str(n), [_entry(child) if _plain(child) else 0 for child in item.children[1:]])
    renderer = resources.files("qabook.assets").joinpath("nav.js").read_text(encoding="utf-8")
    out["book.js"] = data("book", book) + renderer
    return out


def write_nav_scripts(site_dir: Path, nav: Navigation, features: list[str], chapter_pages: set[str]) -> None:
    """The navigation's shared scripts into the site; a file is rewritten only when it changed
    (a live preview's save touches one chapter's), and a chapter script no chapter has any more is
    removed. None where no chapter is pruned (a site qabook was added to: its pages link no such
    script)."""
    if not chapter_pages:
        return
    folder = site_dir / NAV_DIR
    folder.mkdir(parents=True, exist_ok=True)
    scripts = nav_scripts(nav, features, chapter_pages)
    for old in folder.glob("*.js"):
        if old.name not in scripts:
            old.unlink()
    for name, text in scripts.items():
        target = folder / name
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.write_bytes(data)


def written_items(items: list, page: object, shared: bool, chapter_pages: object) -> list[tuple[int, object]]:
    """(1-based position, item) of the navigation's top items that a page's navigation writes
    anything for (templates/partials/nav.html). Where the chapters are shared (`shared`: the page
    is not the home page, and `navigation.indexes` is on), a chapter that is not the page's own —
    its first child an index page among `chapter_pages`, itself no section — is written by the
    book's script (nav/book.js), and the template writes nothing for it: it is left out here, so
    that a page's template does not test every chapter of the book (at 100 chapters, a third of
    the navigation's time). Every other item is the template's to test, as before."""
    if not shared:
        return list(enumerate(items, 1))
    out = []
    for n, item in enumerate(items, 1):
        children = item.children
        if children and not item.active:
            first = children[0]
            if (not first.children and getattr(first, "is_index", False)
                    and first.file.src_uri in chapter_pages):
                continue
        out.append((n, item))
    return out


def held_children(section: Section, page: object) -> list[tuple[int, object]]:
    """(1-based position, child) of the children of the current chapter that a topic page
    writes itself: the current page (with its table of contents), nested sections and links out
    of the site; the other topics come from the chapter's script (nav/<n>.js), which every topic
    page of the chapter shares — a reader without JavaScript finds them on the chapter page."""
    children = section.children
    ids = tuple(map(id, children))
    held = _HELD.get(id(section))
    if held is None or held[0] != ids:  # once per chapter: the children every topic page writes
        if len(_HELD) > 4096:
            _HELD.clear()
        written = [(n, child) for n, child in enumerate(children[1:], 2) if not _plain(child)]
        held = _HELD[id(section)] = (ids, written)
    out = held[1]
    try:
        n = ids.index(id(page), 1) + 1
    except ValueError:
        return list(out)
    if not _plain(page):
        return list(out)  # (written already: a nested section or a link out)
    k = next((k for k, (m, _) in enumerate(out) if m > n), len(out))
    return [*out[:k], (n, page), *out[k:]]


_HELD: dict[int, tuple[tuple[int, ...], list[tuple[int, object]]]] = {}


def chapter_nav(section: Section, page: MkPage) -> list[tuple[str, object, int]]:
    """The chapter's topics, in the chapter page itself (a reader without JavaScript reaches
    each of them from there): (html, None, 0) for a run of plain links, ("", child, position) for a child
    the template renders with Material's macro (the current page with its table of contents,
    nested sections, links out of the site). The plain links are made once per chapter and
    folder and reused by its other pages: what Material's `url` filter writes for a link
    depends only on the page's folder (`x.html`), or, for `x/`, on the folder that holds `x/`
    (links into `x/` itself are made for the page)."""
    children = section.children[1:]
    url = page.url or ""
    folder, _, last = url.rpartition("/")
    inside: str | None
    if "." in last:  # a file: its links depend on its folder
        key, reference, inside = (id(section), folder, "file"), url, None
    else:
        base = url.rstrip("/")
        holder = base.rpartition("/")[0]
        key, inside = (id(section), holder, "folder"), (base + "/" if base else "")
        reference = (holder + "/" if holder else "") + "\0/"  # a folder beside the page's
    signature = tuple((getattr(c, "url", None), c.title) for c in children)
    cached = _LINKS.get(key)
    if cached is None or cached[0] != signature:
        ref = _Reference(reference)
        cached = (signature, [_link(c, ref) if _plain(c) else "" for c in children])
        if len(_LINKS) > 4096:
            _LINKS.clear()
        _LINKS[key] = cached
    out: list[tuple[str, object, int]] = []
    run: list[str] = []
    for n, (child, html) in enumerate(zip(children, cached[1]), 2):
        if child is page or not html:
            if run:
                out.append(("".join(run), None, 0))
                run = []
            out.append(("", child, n))
        elif inside is not None and (child.url + "/").startswith(inside):
            run.append(_link(child, page))
        else:
            run.append(html)
    if run:
        out.append(("".join(run), None, 0))
    return out


class _Reference:
    def __init__(self, url: str) -> None:
        self.url = url


_LINKS: dict[tuple[int, str, str], tuple[tuple[object, ...], list[str]]] = {}


def _plain(child: object) -> bool:
    return isinstance(child, MkPage) and not getattr(child, "children", None)


def _link(child: MkPage, page: object) -> str:
    """A topic's entry as Material's templates write a page that is not the current one."""
    from mkdocs.utils import normalize_url

    return (f'\n<li class="md-nav__item"><a href="{normalize_url(child.url, page)}" class="md-nav__link">'
            f'<span class="md-ellipsis">{child.title}</span></a></li>')
