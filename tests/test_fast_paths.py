"""Fast paths give what the obvious way gives.

`split_questions` (study mode's cards) walks a page's tags with a regular expression instead of
html.parser, because it runs for every page of the book; here it is held against the html.parser
walk it replaced, on every page of a built site and on HTML chosen to trip a tag scanner.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from qabook.study import split_questions

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reference(HTMLParser):
    """The html.parser walk split_questions replaced (same rules, slower)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(html) if ch == "\n"]
        self.depth = 0
        self.open: tuple[str, int, int] | None = None
        self.skip: tuple[int, int] | None = None
        self.dropped: list[tuple[int, int]] = []
        self.found: list[list[str]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.depth += 1
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        start_end = self._offset() + len(self.get_starttag_text() or "")
        if self.open is None:
            if tag == "div" and {"admonition", "question"} <= classes:
                self.found.append([a.get("id") or f"q{len(self.found) + 1}", "", "", ""])
                self.open, self.dropped = ("question", self.depth, start_end), []
            elif tag == "details" and classes & {"answer", "explanation"} and self.found:
                name = "answer" if "answer" in classes else "explanation"
                if not self.found[-1][2 if name == "answer" else 3]:
                    self.open, self.dropped = (name, self.depth, start_end), []
        elif self.depth == self.open[1] + 1 and self.skip is None and (
                tag == "summary" or (tag == "p" and "admonition-title" in classes)):
            self.skip = (self.depth, self._offset())

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        here = self._offset()
        if self.skip and self.depth == self.skip[0]:
            self.dropped.append((self.skip[1], self.html.index(">", here) + 1))
            self.skip = None
        if self.open and self.depth == self.open[1]:
            name, _, start = self.open
            pieces, cursor = [], start
            for a, b in self.dropped:
                pieces.append(self.html[cursor:a])
                cursor = b
            pieces.append(self.html[cursor:here])
            self.found[-1][{"question": 1, "answer": 2, "explanation": 3}[name]] = "".join(pieces).strip()
            self.open = None
        self.depth -= 1


def reference(html: str) -> list[tuple[str, ...]]:
    walker = _Reference(html)
    walker.feed(html)
    walker.close()
    return [tuple(q) for q in walker.found]


TRICKY = [
    # a question with an attribute value holding ">", a comment and a script that look like tags
    '<div class="admonition question" id="q1" title="a > b"><p class="admonition-title">题目 1</p>'
    '<p>x <!-- <div class="admonition question"> --> y</p><script>if (a</div>) {}</script></div>'
    '<details class="answer" open><summary>答案</summary><p>A &amp; <b>B</b></p></details>',
    # upper-case tags and attributes, single quotes, an SVG with self-closing elements
    "<DIV CLASS='admonition question' ID='q7'><P CLASS='admonition-title'>Q</P><p>What?</p></DIV>"
    '<details class="explanation"><summary>Why</summary><svg><use href="#g"/><path d="M0 0"/></svg>'
    "<br><img src=x.png>because</details>",
    # nested details inside an answer, a second answer block (ignored), text after
    '<div class="admonition question"><p>Q</p></div><details class="answer"><summary>A</summary>'
    '<details class="note"><summary>inner</summary><p>deep</p></details><p>end</p></details>'
    '<details class="answer"><summary>A2</summary><p>second</p></details><p>after</p>',
    # no question at all; an answer before any question
    '<details class="answer"><summary>A</summary><p>orphan</p></details><p>text</p>',
]


def test_split_questions_matches_html_parser_on_tricky_html() -> None:
    for html in TRICKY:
        assert [q.as_tuple() for q in split_questions(html)] == reference(html), html


def test_split_questions_matches_html_parser_on_every_page_of_a_built_site(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    found = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = reference(html)
        assert [q.as_tuple() for q in split_questions(html)] == expected, page
        found += len(expected)
    assert found >= 8  # the seed book's questions (and the print pages' copies)


# -- the parse cache of `qabook check` (qabook.parsecache) ---------------------------------------

def _old_book(tmp_path: Path) -> Path:
    """A small generated book whose files were last written an hour ago."""
    import os
    import shutil
    import sys
    import time

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from genbook import generate

    project = tmp_path / "book"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    generate(project / "docs", 12, 1, per_chapter=6)
    hour_ago = time.time() - 3600
    for path in (project / "docs").rglob("*.md"):
        os.utime(path, (hour_ago, hour_ago))
    return project


def test_a_cached_check_reads_again_only_the_changed_page_and_sees_its_change(tmp_path: Path, monkeypatch) -> None:
    import os
    import time

    import qabook.book
    from qabook.check import check_book, load_cached_book
    from qabook.config import find_project

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = _old_book(tmp_path)
    monkeypatch.chdir(project)
    parsed: list[str] = []
    real = qabook.book.parse_page
    monkeypatch.setattr(qabook.book, "parse_page", lambda text, path, rel, *a: parsed.append(rel) or real(text, path, rel, *a))
    first = load_cached_book(find_project())
    assert len(parsed) == 15 and check_book(first) == []  # 12 topics, 2 chapter pages, home
    parsed.clear()
    again = load_cached_book(find_project())
    assert parsed == [] and check_book(again) == []  # nothing changed: nothing read
    assert {rel: p.path for rel, p in again.pages.items()} == {rel: p.path for rel, p in first.pages.items()}
    assert all(p.path.is_file() for p in again.pages.values())  # the cache keeps no paths: they come from the listing
    page = project / "docs" / "c001" / "002-t001-001.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("/// answer", "/// answr", 1), encoding="utf-8")  # same size, one letter less
    a_bit_later = time.time() - 3000
    os.utime(page, (a_bit_later, a_bit_later))
    changed = load_cached_book(find_project())
    assert parsed == ["c001/002-t001-001.md"]
    assert "QA022" in {d.code for d in check_book(changed)}


def test_a_damaged_cache_is_read_as_no_cache(tmp_path: Path, monkeypatch) -> None:
    from qabook import parsecache
    from qabook.check import check_book, load_cached_book
    from qabook.config import find_project

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = _old_book(tmp_path)
    monkeypatch.chdir(project)
    expected = check_book(load_cached_book(find_project()))
    where = parsecache.folder(project / "docs", None, find_project().known_blocks)
    shards = list(where.glob("*.pickle"))
    assert shards
    for shard in shards:
        shard.write_bytes(b"\x80\x05not a pickle")
    assert check_book(load_cached_book(find_project())) == expected


def test_qabook_check_writes_nothing_into_the_project(tmp_path: Path) -> None:
    import os

    from conftest import qabook

    project = _old_book(tmp_path)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    r = qabook("check", cwd=project, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
    assert list((tmp_path / "cache" / "qabook" / "pages").glob("*/*.pickle"))  # kept outside it


# -- the check's fast paths are exact: each trigger alone still gets the closer look ----------

@pytest.mark.parametrize("line", [
    "see [this](javascript:alert(1)) now",  # a scheme in a link: no '<' anywhere
    "[ref]: javascript:alert(1)",  # a reference definition
    "a word{ onclick=x }",  # an attribute list
    "<b>bold</b>",
    "see <https://example.org>",
])
def test_a_page_with_one_thing_the_sanitiser_may_remove_is_looked_at(line: str) -> None:
    from qabook.parser import parse_page
    from qabook.rules.safety import may_hold_html

    text = f"# T\n\n/// question\nq?\n///\n\n/// answer\n{line}\n///\n"
    page = parse_page(text, Path("docs/c/t.md"), "c/t.md", "docs/c/t.md", "topic")
    assert may_hold_html(page)


def test_a_javascript_link_without_any_tag_on_the_page_is_reported(tmp_path: Path) -> None:
    from qabook.check import check_docs

    docs = tmp_path / "docs"
    (docs / "c").mkdir(parents=True)
    (docs / "c" / "index.md").write_text("# C\n\n<!-- qabook:topics -->\n", encoding="utf-8")
    (docs / "c" / "t.md").write_text("# T\n\n/// question\nq?\n///\n\n/// answer\n[x](javascript:alert(1))\n///\n",
                                     encoding="utf-8")
    assert "QA070" in {d.code for d in check_docs(docs, base=tmp_path)}


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
@pytest.mark.parametrize("prefix", ["", "  ", "\t", "> "])
def test_fenced_code_is_found_behind_any_prefix_and_fence(fence: str, prefix: str) -> None:
    from qabook.parser import fenced_code

    lines = ["text", f"{prefix}{fence}python", f"{prefix}<b>x</b>", f"{prefix}{fence}", "after"]
    assert fenced_code(lines, 0).code == {1, 2, 3}


def _findings(project: Path, cache: Path) -> set[tuple[str, str]]:
    """(file, code) of every finding `qabook check` prints, run as an author runs it."""
    import os

    from conftest import qabook

    r = qabook("check", cwd=project, env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert r.returncode in (0, 1), r.stdout + r.stderr
    return {(line.split(":")[0], line.split(": ")[1].split()[0]) for line in r.stdout.splitlines() if ": QA" in line}


def _save(page: Path, text: str) -> None:
    """An author's save, its timestamp set back (a save within the last two seconds is not cached)."""
    import os
    import time

    page.write_text(text, encoding="utf-8")
    earlier = time.time() - 600
    os.utime(page, (earlier, earlier))


def test_a_page_finding_kept_with_the_page_appears_and_goes_while_cross_page_findings_are_still_found(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    project = _old_book(tmp_path)
    docs = project / "docs"
    assert _findings(project, cache) == set()
    a, b = docs / "c001" / "002-t001-001.md", docs / "c001" / "003-t001-002.md"
    text_a, text_b = a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8")
    _save(a, text_a.replace("/// answer", "/// answr", 1))  # QA022 (and so QA031): findings of the page itself
    own = {("docs/c001/002-t001-001.md", "QA022"), ("docs/c001/002-t001-001.md", "QA031")}
    assert _findings(project, cache) == own
    assert _findings(project, cache) == own  # kept with the page: the same
    # the later page takes the earlier one's id: a finding on b that only the whole book shows
    _save(b, text_b.replace("id: t001-002", "id: t001-001", 1))
    assert _findings(project, cache) == own | {("docs/c001/003-t001-002.md", "QA012")}
    _save(a, text_a.replace("id: t001-001", "id: t001-009", 1))  # a fixed, and its id given up: b, unchanged, is clean
    assert _findings(project, cache) == set()
    # the settings the page's findings were found under change: an explanation no longer expected
    moved = text_a.replace("id: t001-001", "id: t001-009", 1)
    _save(a, moved[:moved.index("/// explanation")])
    assert _findings(project, cache) == {("docs/c001/002-t001-001.md", "QA032")}
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("chapters: all\n", "chapters: all\n      optional: [explanation]\n"),
                      encoding="utf-8")
    assert _findings(project, cache) == set()


def test_each_page_rule_runs_only_on_the_pages_that_changed(tmp_path: Path, monkeypatch) -> None:
    from dataclasses import replace as copy

    from qabook.check import check_cached_book
    from qabook.config import find_project
    from qabook.rules import RULES

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = _old_book(tmp_path)
    monkeypatch.chdir(project)
    seen: list[str] = []
    for code in ("QA033", "QA012"):
        rule = RULES[code]
        monkeypatch.setitem(RULES, code, copy(rule, check=lambda book, _r=rule, _c=code: (
            seen.extend(f"{_c} {rel}" for rel in book.pages), _r.check(book))[1]))
    assert check_cached_book(find_project())[1] == []
    assert len([s for s in seen if s.startswith("QA033")]) == 15  # every page, once
    seen.clear()
    page = project / "docs" / "c001" / "002-t001-001.md"
    _save(page, page.read_text(encoding="utf-8").replace("/// answer\n", "/// answer\n///\n\n/// answer\n", 1))
    book, found = check_cached_book(find_project())
    assert [s for s in seen if s.startswith("QA033")] == ["QA033 c001/002-t001-001.md"]  # only the saved page
    assert len([s for s in seen if s.startswith("QA012")]) == 15  # a rule across pages: the whole book
    assert {(d.path, d.code) for d in found} >= {("docs/c001/002-t001-001.md", "QA033")}


def test_a_plain_relative_link_resolves_as_urlsplit_reads_it() -> None:
    """The rules' fast path for links with no scheme, query, fragment or escape gives what the
    general path (urlsplit, unquote) gives, on random links built of the characters that matter."""
    import posixpath
    import random
    from urllib.parse import unquote, urlsplit

    from qabook.rules.navigation import _resolve

    def general(rel: str, href: str) -> tuple[str | None, str]:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("/", "mailto:")):
            return None, ""
        if not parts.path:
            return rel, unquote(parts.fragment)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
        return (posixpath.join(target, "index.md") if parts.path.endswith("/") else target), unquote(parts.fragment)

    rnd = random.Random(18)
    alphabet = "ab./-_ 中%#?:\t\n\x00\x1f[]@\\"
    for _ in range(20000):
        href = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        for rel in ("c1/a.md", "index.md"):
            try:
                expected = general(rel, href)
            except ValueError:  # urlsplit refuses it (an unbalanced '[' in a host)
                continue
            assert _resolve(rel, href) == expected, (rel, href)
