"""Images in pages: copied into the site, embedded in the PDFs, missing ones found by the check,
remote ones a warning and a labelled placeholder in the PDF (no network at build time)."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import empty_book, qabook

pytestmark = pytest.mark.slow

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
       '<rect width="120" height="40" fill="#3f51b5"/><text x="8" y="26" fill="#fff">SVGMARK</text></svg>')


def png(width: int = 40, height: int = 20) -> bytes:
    """A real RGB PNG (red), written by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


TOPIC = """---
id: with-images
---

# 带图片的题目

/// question
下图是什么颜色？

![红色方块](img/red.png)
///

/// answer
红色。<img src="img/mark.svg" alt="标记">
///

/// explanation
REMOTE_LINE
///
"""


def make_project(root: Path, topic: str) -> Path:
    empty_book(root)
    ch = root / "docs" / "pics"
    (ch / "img").mkdir(parents=True)
    (ch / "img" / "red.png").write_bytes(png())
    (ch / "img" / "mark.svg").write_text(SVG, encoding="utf-8")
    (ch / "index.md").write_text("# 图片章\n\n- [带图片的题目](01-images.md)\n", encoding="utf-8")
    (ch / "01-images.md").write_text(topic, encoding="utf-8")
    return root


def test_local_and_remote_images_build_into_site_and_pdf(tmp_path: Path) -> None:
    topic = TOPIC.replace("REMOTE_LINE", "远程图：![远程](https://example.org/remote.png)")
    root = make_project(tmp_path, topic)
    r = qabook("build", cwd=root, env={"QABOOK_PDF_STAMP": "t"})
    assert r.returncode == 0, r.stderr + r.stdout
    assert "QA054" in r.stdout and "example.org/remote.png" in r.stdout  # a warning, not a failure
    site = root / "site"
    assert (site / "pics" / "img" / "red.png").read_bytes() == png()
    assert (site / "pics" / "img" / "mark.svg").is_file()
    page = (site / "pics" / "01-images" / "index.html").read_text(encoding="utf-8")
    assert 'src="../img/red.png"' in page and 'src="../img/mark.svg"' in page
    pdfs = list((site / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
        assert len(images.stdout.strip().splitlines()) >= 3, images.stdout  # header, rule, the PNG
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "SVGMARK" in text  # the SVG drawn as vectors, its text kept
        assert "图片未收入 PDF" in text and "example.org/remote.png" in text


def test_a_missing_image_is_a_check_finding_and_stops_the_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, TOPIC.replace("REMOTE_LINE", "无图"))
    (root / "docs" / "pics" / "img" / "red.png").unlink()
    r = qabook("check", cwd=root)
    assert r.returncode == 1
    assert r.stdout.startswith("docs/pics/01-images.md:10:")
    assert "QA053 image 'img/red.png' does not exist" in r.stdout
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 1 and "QA053" in r.stdout and not (root / "site").exists()


def test_import_copies_images_beside_the_source_and_keeps_missing_ones_as_text(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "img").mkdir(parents=True)
    (src / "img" / "red.png").write_bytes(png())
    (src / "book.md").write_text("# 书\n\n#### 1. 这是什么颜色？\n\n**题目：** 看图。\n\n![红](img/red.png)\n\n"
                                 "**答案：** 红色。![丢了](img/gone.png)\n\n**解析：** 纯色。\n", encoding="utf-8")
    r = qabook("import", str(src / "book.md"), "--chapter", "pics", "--out", str(tmp_path / "docs"))
    assert r.returncode == 0, r.stderr
    assert "QI016 image 'img/gone.png'" in r.stdout
    assert (tmp_path / "docs" / "pics" / "img" / "red.png").read_bytes() == png()
    check = qabook("check", "--docs-dir", str(tmp_path / "docs"))
    assert "QA053" not in check.stdout and check.returncode == 0, check.stdout


def test_import_keeps_a_missing_image_written_in_angle_brackets_as_text(tmp_path: Path) -> None:
    """A wiki export writes `![](<../assets/image (416).png>)` (a target with spaces, in `<…>`):
    the missing image was left as an image, so the imported book failed the check (QA053)."""
    (tmp_path / "notes.md").write_text(
        "# Layouts\n\n### What is a layout?\n\nA page frame.\n\n![](<../assets/image (416).png>)\n\n"
        "### How do branches work?\n\nEach one is a copy.\n\n![a branch](<assets/branch one.png> \"Branch\")\n",
        encoding="utf-8")
    r = qabook("import", str(tmp_path / "notes.md"), "--chapter", "c", "--out", str(tmp_path / "docs"))
    assert r.returncode == 0, r.stderr
    assert "QI016 image '../assets/image (416).png'" in r.stdout and "QI016 image 'assets/branch one.png'" in r.stdout
    check = qabook("check", "--docs-dir", str(tmp_path / "docs"))
    assert "QA053" not in check.stdout and check.returncode == 0, check.stdout


def test_a_missing_images_hint_names_the_out_folder_and_what_to_change_on_the_page(tmp_path: Path) -> None:
    """Trial 9: with `--out auto-docs` the hint said 'copy the file into docs/…', and 'restore the
    image' did not say that the page now holds `!\\[…]` nor what to change."""
    (tmp_path / "day.md").write_text("# 第一天\n\n### 什么是 AJAX？\n\n浏览器与服务器通信。\n\n"
                                     "![效果](assets/effect.png)\n\n### 什么是 URL？\n\n网址。\n", encoding="utf-8")
    out = tmp_path / "auto-docs"
    r = qabook("import", str(tmp_path / "day.md"), "--chapter", "ajax", "--out", str(out))
    assert r.returncode == 0, r.stderr
    page = next(p for p in (out / "ajax").glob("0*.md") if "!\\[效果](assets/effect.png)" in p.read_text(encoding="utf-8"))
    said = r.stdout
    assert f"kept as text on {out}/ajax/{page.name}, written '!\\['" in said, said
    assert f"copy the file into {out}/ajax/assets/ and delete the backslash of '!\\[' there" in said, said
    assert " docs/ajax" not in said, said
