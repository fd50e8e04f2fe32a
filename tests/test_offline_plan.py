"""The offline book's parts that need no browser: what the service worker may keep, the
version a rebuild changes, the manifest's colours and icons, the chapter PDF's introduction."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import qabook
from flowbook import INTRO, make_flow_book
from qabook.offline import drawn_icons, logo_icon, plan_offline, theme_colours, web_manifest
from qabook.offline.precache import page_references, resolve


def test_urls_resolve_to_files_of_the_site_only() -> None:
    assert resolve("../../assets/x.css", "llm/01-a/index.html") == "assets/x.css"
    assert resolve("../", "llm/01-a/index.html") == "llm/index.html"
    assert resolve(".", "index.html") == "index.html"
    assert resolve("img/%E5%9B%BE.png?v=1#top", "llm/index.html") == "llm/img/图.png"
    for outside in ("https://cdn.example/x.js", "//cdn.example/x.js", "/x.js", "data:image/png;base64,AA",
                    "#q1", "mailto:a@b", "../../../x.js"):
        assert resolve(outside, "llm/index.html") is None, outside


def test_a_page_loads_scripts_styles_and_pictures_not_links() -> None:
    html = ('<link rel="stylesheet" href="../a.css"><link rel="canonical" href="../other/">'
            '<link rel="manifest" href="../manifest.webmanifest"><script src="../b.js"></script>'
            '<img src="p.png" srcset="p2.png 2x, p3.png 3x"><a href="../c.pdf">PDF</a>'
            '<img src="https://elsewhere.example/x.png">')
    assert page_references(html, "t/index.html") == {"a.css", "manifest.webmanifest", "b.js", "t/p.png",
                                                    "t/p2.png", "t/p3.png"}


def _site(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_the_plan_keeps_pages_and_what_they_load_not_downloads(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<link rel="stylesheet" href="a.css"><script src="s.js"></script><a href="pdf/b.pdf">x</a>',
        "a.css": "body { background: url(img/bg.png) }", "img/bg.png": "PNG", "s.js": "1",
        "t/index.html": '<img src="pic.png">', "t/pic.png": "PNG", "pdf/b.pdf": "PDF", "unused.js": "0",
        "search/meta.js": "m"})
    plan = plan_offline(site, pages={"index.html": "Home", "t/index.html": "Topic"}, page_refs={"t/pic.png"},
                        shell_pages=["index.html"], shell_files=["search/meta.js"], offline_page="index.html",
                        exclude=("pdf/",))
    assert set(plan.files) == {"index.html", "a.css", "img/bg.png", "s.js", "t/index.html", "t/pic.png", "search/meta.js"}
    assert sorted(plan.shell) == ["a.css", "img/bg.png", "index.html", "s.js", "search/meta.js"]
    assert plan.titles == {"index.html": "Home", "t/index.html": "Topic"}
    data = json.loads(plan.to_json())
    assert data["files"]["s.js"] == [1, plan.files["s.js"][1]] and data["version"] == plan.version

    again = plan_offline(site, pages={"index.html": "Home", "t/index.html": "Topic"}, page_refs={"t/pic.png"},
                         shell_pages=["index.html"], shell_files=["search/meta.js"], offline_page="index.html",
                         exclude=("pdf/",))
    assert again.version == plan.version  # the same site, the same version
    (site / "t/index.html").write_text('<img src="pic.png"><p>changed answer</p>', encoding="utf-8")
    changed = plan_offline(site, pages={"index.html": "Home", "t/index.html": "Topic"}, page_refs={"t/pic.png"},
                           shell_pages=["index.html"], shell_files=["search/meta.js"], offline_page="index.html",
                           exclude=("pdf/",))
    assert changed.version != plan.version
    assert [p for p in plan.files if plan.files[p][1] != changed.files[p][1]] == ["t/index.html"]


@pytest.mark.parametrize(("palette", "expected"), [
    ([{"scheme": "default", "primary": "indigo"}, {"scheme": "slate", "primary": "indigo"}], "#4051b5"),
    ({"primary": "teal"}, "#009485"),
    ({"primary": "deep orange"}, "#ff6e42"),
    (None, "#4051b5"),  # Material's default
    ({"primary": "no-such-colour"}, "#4051b5"),
])
def test_theme_colour_is_materials_primary(palette, expected: str) -> None:
    assert theme_colours(palette).primary == expected


def test_icons_from_the_logo_picture_or_drawn(tmp_path: Path) -> None:
    import struct
    import zlib

    def png(size: int) -> bytes:
        raw = b"".join(b"\x00" + b"\xff\xff\xff" * size for _ in range(size))
        chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data  # noqa: E731
                                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    (tmp_path / "big.png").write_bytes(png(192))
    (tmp_path / "small.png").write_bytes(png(32))
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    assert logo_icon("big.png", tmp_path).sizes == "192x192"
    assert logo_icon("logo.svg", tmp_path).sizes == "any"
    assert logo_icon("small.png", tmp_path) is None  # too small to install with: drawn instead
    assert logo_icon("missing.png", tmp_path) is None and logo_icon("https://x/y.png", tmp_path) is None
    colours = theme_colours({"primary": "teal"})
    icons = drawn_icons("material/school", colours)
    assert all(svg.startswith("<svg") and 'fill="#009485"' in svg for svg in icons.values())
    assert "M12 3 1 9l11 6" in next(iter(icons.values()))  # Material's school glyph
    assert "<path" in drawn_icons("material/no-such-icon", colours)["assets/qabook/icon.svg"]  # Material's default
    manifest = json.loads(web_manifest("书", "zh", colours, []))
    assert manifest["theme_color"] == "#009485" and manifest["lang"] == "zh" and "description" not in manifest


def test_chapter_pdf_begins_with_the_chapter_pages_own_prose(tmp_path: Path) -> None:
    project = make_flow_book(tmp_path)
    result = qabook("pdf", "--chapter", "flow", "--out", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    pdf = next((tmp_path / "out").glob("*-flow.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squashed = "".join(text.split())
    intro, first_question = squashed.find("".join(INTRO.split())), squashed.find("第一题：什么是梯度？")
    assert 0 <= intro < first_question, (intro, first_question)
    assert "qabook:pdf" not in text


def test_heavy_shell_files_wait_for_their_first_use_beyond_the_budget(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "<p>home</p>", "search/a.js": "x" * 300, "search/b.js": "x" * 300,
                            "cards.js": "x" * 2000})
    plan = plan_offline(site, pages={"index.html": "Home"}, page_refs=(), shell_pages=["index.html"], shell_files=(),
                        offline_page="index.html", optional=[["search/a.js", "search/b.js"], ["cards.js"]],
                        budget=1000)
    assert plan.shell == ["index.html", "search/a.js", "search/b.js"]  # the cards would pass the budget
    assert "cards.js" in plan.files  # kept when used, and with the whole book
