"""Issue 16, second round (items 2–5): each defect a hostile or careless author found, as a test.

The sanitiser decides what a page keeps (qabook.sanitize) and the check reports what it
removed at the source line; content cannot break the blocks it sits in; exports are as
faithful as the site and reproducible; nothing in docs/ hangs or crashes a command.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, empty_book, qabook

pytestmark = pytest.mark.slow

TOPIC = """---
id: t
---

# {title}

/// question
{question}
///

/// answer
{answer}
///

/// explanation
{explanation}
///
"""


def topic(question: str = "什么是 A？", answer: str = "A 是 A。", explanation: str = "见上。",
          title: str = "标题") -> str:
    return TOPIC.format(title=title, question=question, answer=answer, explanation=explanation)


def project(root: Path, *pages: str, **config: str) -> Path:
    """A book with one chapter `ch` holding the given topic pages (01-t.md, 02-t.md …)."""
    empty_book(root)
    ch = root / "docs" / "ch"
    ch.mkdir()
    links = "".join(f"- [题 {i}](0{i}-t.md)\n" for i in range(1, len(pages) + 1))
    (ch / "index.md").write_text(f"# 第一章\n\n<!-- qabook:pdf -->\n\n{links}", encoding="utf-8")
    for i, text in enumerate(pages, 1):
        (ch / f"0{i}-t.md").write_text(text.replace("id: t\n", f"id: t{i}\n"), encoding="utf-8")
    cfg = root / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    for key, value in config.items():
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.M)
    cfg.write_text(text, encoding="utf-8")
    return root


def findings(result: subprocess.CompletedProcess[str], code: str) -> list[str]:
    return re.findall(rf"^(docs/\S+:\d+):\d+: {code} ", result.stdout, re.M)


# ------------------------------------------------------------------ the sanitiser decides (item 2)

#: The ways past the old pattern checker, and loads from outside it never saw: (answer text,
#: the code the check must report at the answer's line, what must not reach the built page).
PAST_THE_PATTERNS = {
    "attr_list": ("![图](x.png){: onerror=alert(1) }", "QA070", "onerror"),
    "gt_in_quoted_attribute": ('<img alt="a>b" src="x.png" onerror="alert(1)">', "QA070", "onerror"),
    "indented_under_list_item": ("- 一项\n\n      <img src=\"x.png\" onerror=\"alert(1)\">", "QA070", "onerror"),
    "entity_encoded_scheme": ("[点我](jav&#x61;script:alert(1))", "QA070", "alert(1)"),
    "tab_in_scheme": ('<a href="java&#9;script:alert(1)">点我</a>', "QA070", "alert(1)"),
    "srcset_from_outside": ('<img src="x.png" srcset="https://evil.example/a.png 2x">', "QA054", "evil.example"),
    "poster_from_outside": ('<video poster="https://evil.example/p.png"></video>', "QA054", "evil.example"),
    "audio_from_outside": ('<audio src="https://evil.example/a.mp3"></audio>', "QA054", "evil.example"),
}


@pytest.mark.parametrize("case", sorted(PAST_THE_PATTERNS))
def test_what_the_old_checker_missed_is_found_and_never_published(tmp_path: Path, case: str) -> None:
    answer, code, leak = PAST_THE_PATTERNS[case]
    root = project(tmp_path, topic(answer=answer))
    (root / "docs" / "ch" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    r = qabook("check", cwd=root)
    line = 12 + next(i for i, text in enumerate(answer.split("\n")) if leak.split("(")[0] in text or "src" in text)
    assert f"docs/ch/01-t.md:{line}" in findings(r, code), r.stdout
    if code == "QA070":
        assert r.returncode == 1
        return
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    page = (root / "site" / "ch" / "01-t" / "index.html").read_text(encoding="utf-8")
    assert leak not in page


def test_block_option_attrs_cannot_add_an_event_handler(tmp_path: Path) -> None:
    text = topic().replace("/// question\n", "/// question\n    attrs: {class: hard, ontoggle: alert(1)}\n")
    r = qabook("check", cwd=project(tmp_path, text))
    assert findings(r, "QA070") == ["docs/ch/01-t.md:8"], r.stdout


def test_allowed_html_stays_for_a_trusted_book(tmp_path: Path) -> None:
    root = project(tmp_path, topic(answer='<iframe src="demo.html" width="300"></iframe>'))
    cfg = root / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("  - qabook:\n", "  - qabook:\n      allow_html: [iframe]\n"),
                   encoding="utf-8")
    (root / "docs" / "ch" / "demo.html").write_text("<p>demo</p>", encoding="utf-8")
    assert qabook("build", "--no-pdf", cwd=root).returncode == 0
    page = (root / "site" / "ch" / "01-t" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<iframe src="demo.html" width="300">', page)


def test_what_the_site_needs_survives_the_sanitiser(tmp_path: Path) -> None:
    answer = "\n".join([
        "| 列 | 值 |", "|:--|--:|", "| a | 1 |", "",
        "公式 $E = mc^2$，代码：", "", "```python", "def f(x):", "    return x", "```", "",
        "![本书的图](x.png){ .wide #fig-1 }", "",
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="内嵌图">', "",
        "<details><summary>更多</summary>", "", "细节", "", "</details>", "",
        "[上一节](#q1) <kbd>Ctrl</kbd> <sup>2</sup>",
    ])
    root = project(tmp_path, topic(answer=answer).replace("/// question\n", "/// question\n    attrs: {class: hard}\n"))
    (root / "docs" / "ch" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0 and "QA07" not in r.stdout, r.stdout + r.stderr
    page = (root / "site" / "ch" / "01-t" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition question hard" id="q1">' in page  # attrs keep qabook's anchor
    assert 'data-qa-anchor="q1"' in page  # … and its copy-link control
    assert re.search(r'<th class="qa-align-left">列</th>', page) and "<td" in page
    assert '<span class="qa-math" role="img" aria-label="E = mc^2"><svg' in page
    assert re.search(r'<span class="\w+">def</span>', page)  # Pygments
    assert re.search(r'<img[^>]*src="\.\./x\.png"', page) and 'id="fig-1"' in page and 'class="wide"' in page
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in page
    assert "<details><summary>更多</summary>" in page and "<kbd>Ctrl</kbd>" in page and '<a href="#q1">' in page
    printed = (root / "site" / "ch" / "print" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition question hard" id="t1-q1">' in printed
    from qabook.printbook import expand_blocks  # the PDF: its bookmark heading per question

    assert '<h3 class="qa-label qa-qlabel">题目 1</h3>' in expand_blocks(
        '<div class="admonition question hard">\n<p class="admonition-title">题目</p>', "t1")


# -------------------------------------------------------- structure content cannot break (item 3)

def test_a_stray_end_tag_stays_inside_its_answer(tmp_path: Path) -> None:
    root = project(tmp_path, topic(answer="开头 </details> 之后的答案"))
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0 and findings(r, "QA071") == ["docs/ch/01-t.md:12"], r.stdout
    page = (root / "site" / "ch" / "01-t" / "index.html").read_text(encoding="utf-8")
    answer = re.search(r'<details class="answer">(.*?)</details>', page, re.S)
    assert answer and "之后的答案" in answer.group(1)


@pytest.mark.parametrize("tag", ["textarea", "title", "xmp", "plaintext", "noembed"])
def test_an_unclosed_raw_text_element_cannot_swallow_the_page(tmp_path: Path, tag: str) -> None:
    root = project(tmp_path, topic(answer=f"答案 <{tag}> 没有关上", explanation="解析还在"),
                   topic(question="第二题？"))
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "docs/ch/01-t.md:12" in findings(r, "QA071"), r.stdout
    page = (root / "site" / "ch" / "01-t" / "index.html").read_text(encoding="utf-8")
    assert f"<{tag}" not in page.split("<body")[1]
    explanation = re.search(r'<details class="explanation">(.*?)</details>', page, re.S)
    assert explanation and "解析还在" in explanation.group(1)
    assert "study.js" in page.split('<details class="explanation">')[1]  # the scripts after it still load


@pytest.mark.parametrize("name", ["print", "study", "search", "assets", "pdf", "tags", "404"])
def test_reserved_output_names_are_refused_with_the_reason(tmp_path: Path, name: str) -> None:
    root = project(tmp_path, topic())
    (root / "docs" / "ch" / f"{name}.md").write_text(topic().replace("id: t", f"id: r-{name}"), encoding="utf-8")
    r = qabook("check", cwd=root)
    line = next(x for x in r.stdout.splitlines() if "QA043" in x)
    assert line.startswith(f"docs/ch/{name}.md:1:1: QA043") and "rename the file" in line and "(" in line
    assert qabook("build", "--no-pdf", cwd=root).returncode == 1


def test_a_chapter_named_like_the_pdf_folder_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, topic())
    (root / "docs" / "ch").rename(root / "docs" / "pdf")
    r = qabook("check", cwd=root)
    assert re.search(r"^docs/pdf/index\.md:1:1: QA043 chapter folder 'pdf'", r.stdout, re.M), r.stdout


# ------------------------------------------------------------- exports as faithful (item 4)

EXPORTED_ANSWER = """    open: true
对比：

<table>
<tr><td>参数</td><td>很多</td></tr>
</table>

![结构](img/a.png)"""


def _apkg(path: Path) -> tuple[list[list[str]], dict[str, str], dict[str, bytes]]:
    """(fields of each note, the media index, the media files) of an .apkg."""
    with zipfile.ZipFile(path) as z:
        db = path.with_suffix(".anki2")
        db.write_bytes(z.read("collection.anki2"))
        media = json.loads(z.read("media"))
        files = {name: z.read(index) for index, name in media.items()}
    con = sqlite3.connect(db)
    try:
        notes = [f.split("\x1f") for (f,) in con.execute("SELECT flds FROM notes")]
    finally:
        con.close()
    return notes, media, files


def test_exports_carry_raw_html_and_book_pictures_and_not_block_options(tmp_path: Path) -> None:
    root = project(tmp_path, topic(answer=EXPORTED_ANSWER, explanation='<div class="note">只有一个 div</div>'))
    (root / "docs" / "ch" / "img").mkdir()
    picture = b"\x89PNG\r\n\x1a\nqabook"
    (root / "docs" / "ch" / "img" / "a.png").write_bytes(picture)
    r = qabook("export", "json", "--out", str(tmp_path / "book.json"), cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr  # (an explanation that is only a <div> is not empty)
    q = json.loads((tmp_path / "book.json").read_text(encoding="utf-8"))["chapters"][0]["topics"][0]["questions"][0]
    answer = q["answer"]
    assert "<table>" in answer["html"] and "<td>参数</td>" in answer["html"]
    assert "open" not in answer["markdown"] and "open" not in answer["html"]
    assert answer["images"] == ["ch/img/a.png"] and 'src="ch/img/a.png"' in answer["html"]
    assert '<div class="note">只有一个 div</div>' in q["explanation"]["html"]
    r = qabook("export", "anki", "--out", str(tmp_path / "book.apkg"), cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    notes, media, files = _apkg(tmp_path / "book.apkg")
    (name,) = media.values()
    assert files[name] == picture
    assert "<table>" in notes[0][1] and f'src="{name}"' in notes[0][1] and "open" not in notes[0][1]


def test_the_anki_deck_is_byte_identical_for_the_same_sources(tmp_path: Path) -> None:
    root = project(tmp_path, topic(), topic(question="第二题？"))
    outs = [tmp_path / "a.apkg", tmp_path / "b.apkg"]
    for out in outs:  # (note ids and times came from the clock)
        assert qabook("export", "anki", "--out", str(out), cwd=root).returncode == 0
        time.sleep(1.1)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    for out in outs:  # with SOURCE_DATE_EPOCH even a touched page gives the same bytes
        os.utime(root / "docs" / "ch" / "01-t.md")
        r = qabook("export", "anki", "--out", str(out), cwd=root, env={"SOURCE_DATE_EPOCH": "1700000000"})
        assert r.returncode == 0
    assert outs[0].read_bytes() == outs[1].read_bytes()


def test_export_checks_first_like_build(tmp_path: Path) -> None:
    root = project(tmp_path, topic(answer="<script>alert(1)</script>"))
    out = tmp_path / "book.json"
    r = qabook("export", "json", "--out", str(out), cwd=root)
    assert r.returncode == 1 and "QA070" in r.stdout and not out.exists(), r.stdout + r.stderr


def test_entity_written_titles_are_text_in_exports_and_pdf_bookmarks(tmp_path: Path) -> None:
    from pypdf import PdfReader

    root = project(tmp_path, topic(title="a &lt; b 与 `<img src=x onerror=alert(1)>`"))
    r = qabook("export", "json", "--out", str(tmp_path / "book.json"), cwd=root)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "book.json").read_text(encoding="utf-8"))
    assert data["chapters"][0]["topics"][0]["title"] == "a < b 与 <img src=x onerror=alert(1)>"
    assert qabook("export", "anki", "--out", str(tmp_path / "book.apkg"), cwd=root).returncode == 0
    notes, _, _ = _apkg(tmp_path / "book.apkg")
    assert notes[0][3] == "第一章 · a &lt; b 与 &lt;img src=x onerror=alert(1)&gt;"  # the Source field
    r = qabook("pdf", "--chapter", "ch", "--out", str(tmp_path / "pdf"), cwd=root)
    assert r.returncode == 0, r.stderr
    (pdf,) = (tmp_path / "pdf").glob("*.pdf")

    def titles(items: list) -> list[str]:
        return [t for item in items for t in (titles(item) if isinstance(item, list) else [item.title])]

    assert "a < b 与 <img src=x onerror=alert(1)>" in titles(PdfReader(pdf).outline)


def test_site_name_is_text_in_qabooks_own_header_and_navigation(tmp_path: Path) -> None:
    root = project(tmp_path, topic(), site_name='"<img src=x onerror=alert(1)> & Co"')
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    for path in ("index.html", "ch/01-t/index.html", "ch/index.html"):
        page = (root / "site" / path).read_text(encoding="utf-8")
        assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt; &amp; Co" in page


# ------------------------------------------------------------------ linear and bounded (item 5)

def _run(args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """The command, with a deadline far above its normal time: a hang or a quadratic blow-up fails."""
    try:
        return subprocess.run([sys.executable, "-m", "qabook.cli", *args], cwd=cwd, text=True,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"qabook {' '.join(args)} did not finish within {timeout} s")


@pytest.mark.parametrize("shape", ["<a ", '<a x="', "x <![CDATA[ ", "["])
def test_pages_of_unclosed_tags_are_checked_and_rendered_in_linear_time(tmp_path: Path, shape: str) -> None:
    """60,000 repetitions took many minutes (every '<' or '[' scanned to the end of the page);
    linear, check and export take seconds. The deadline only catches that blow-up."""
    root = project(tmp_path, topic(answer="答案 " + shape * 60_000))
    for args in (["check"], ["export", "json", "--out", str(tmp_path / "b.json")]):
        r = _run(args, root, timeout=150)
        assert "Traceback" not in r.stderr, r.stderr


def test_a_fifo_in_docs_is_a_finding_and_never_hangs_the_build(tmp_path: Path) -> None:
    root = project(tmp_path, topic())
    os.mkfifo(root / "docs" / "ch" / "pipe.md")
    os.mkfifo(root / "docs" / "ch" / "pipe.png")
    r = _run(["check"], root)
    assert sorted(findings(r, "QA004")) == ["docs/ch/pipe.md:1", "docs/ch/pipe.png:1"], r.stdout
    r = _run(["build", "--no-pdf"], root)
    assert r.returncode == 0 and (root / "site" / "ch" / "01-t" / "index.html").is_file(), r.stdout + r.stderr


def test_a_file_name_that_is_not_utf8_is_a_finding_everywhere(tmp_path: Path) -> None:
    root = project(tmp_path, topic())
    os.close(os.open(os.fsencode(root / "docs" / "ch") + b"/bad\xff.md", os.O_CREAT | os.O_WRONLY))
    r = _run(["check"], root)
    assert "docs/ch/bad\\xff.md:1:1: QA004" in r.stdout and "Traceback" not in r.stderr, r.stdout + r.stderr
    r = _run(["export", "json", "--out", str(tmp_path / "b.json")], root)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    r = _run(["build", "--no-pdf"], root)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stdout + r.stderr


def test_check_names_a_broken_mkdocs_yml(tmp_path: Path) -> None:
    root = project(tmp_path, topic())
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("extra:\n  name: [unclosed\n")
    r = qabook("check", cwd=root)
    assert r.returncode == 1 and re.search(r"^mkdocs\.yml:\d+:\d+: QA005 not valid YAML", r.stdout, re.M), r.stdout


def test_new_refuses_a_blank_title_and_escapes_a_marked_up_one(tmp_path: Path) -> None:
    r = qabook("new", str(tmp_path / "blank"), "--title", " ", cwd=tmp_path)
    assert r.returncode == 2 and "blank" in r.stderr and not (tmp_path / "blank").exists()
    r = qabook("new", str(tmp_path / "odd"), "--title", "<b>A*B</b> [x]", cwd=tmp_path)
    assert r.returncode == 0
    r = qabook("check", cwd=tmp_path / "odd")
    assert r.returncode == 0, r.stdout


def test_an_untypesettable_formula_is_titled_in_the_books_language() -> None:
    from qabook.math import render_math

    html = render_math('<span class="arithmatex">\\(\\frac{a}{\\)</span>', language="en").html
    assert 'title="Formula cannot be typeset"' in html


# ------------------------------------------------------------------ reproducible builds (item 4)

def test_building_twice_gives_byte_identical_files_pdfs_and_deck_included(tmp_path: Path) -> None:
    root = project(tmp_path, topic(), topic(question="第二题？ $x^2$"))
    trees = []
    for site in ("site-a", "site-b"):
        r = qabook("build", "--site-dir", site, cwd=root,
                   env={"SOURCE_DATE_EPOCH": "1700000000", "QABOOK_SITE_URL": "https://example.org/"})
        assert r.returncode == 0, r.stdout + r.stderr
        base = root / site
        trees.append({p.relative_to(base).as_posix(): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()})
    assert trees[0].keys() == trees[1].keys() and any(k.endswith(".apkg") for k in trees[0])
    different = [k for k in trees[0] if trees[0][k] != trees[1][k]]
    assert different == []
    sitemap = trees[0]["sitemap.xml"].decode("utf-8")
    assert "<lastmod>2023-11-14</lastmod>" in sitemap
    pdf = next(v for k, v in trees[0].items() if k.endswith(".pdf"))
    import io

    from pypdf import PdfReader

    assert "2023-11-14" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_what_cannot_be_removed_of_the_old_site_is_named_with_its_path(tmp_path: Path) -> None:
    """An undeletable file in the previous site (immutable: root cannot remove it either) was
    left behind as `.site-old-*` with no word; now a build names it: the previous site is
    removed after the build has returned (`.site-gone-<pid>-x`), so the next build does."""
    root = project(tmp_path, topic())
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    stuck = root / "site" / "ch" / "stuck.txt"
    stuck.write_text("x", encoding="utf-8")
    if subprocess.run(["chattr", "+i", str(stuck)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root on a filesystem with attributes)")
    try:
        r = qabook("build", "--no-pdf", cwd=root)
        assert r.returncode == 0, r.stdout + r.stderr
        from qabook.staging import pid_alive

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(pid_alive(int(p.name.split("-")[2])) for p in root.iterdir()
                                                  if p.name.startswith(".site-gone-")):
            time.sleep(0.2)  # the removal, after the build returned, ends
        left = [p for p in root.iterdir() if p.name.startswith(".site-gone-")]
        assert left, "the immutable file should keep the old site folder"
        r = qabook("build", "--no-pdf", cwd=root)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "could not remove the previous site's" in r.stderr and "stuck.txt" in r.stderr, r.stderr
        assert str(left[0]) in r.stderr or left[0].name in r.stderr, r.stderr
    finally:
        # os.walk, not rglob: the last build's detached remover may still be deleting the folders
        # around the stuck file, and os.walk passes over a folder that vanishes under it
        for folder, _, names in os.walk(root):
            if "stuck.txt" in names:
                subprocess.run(["chattr", "-i", os.path.join(folder, "stuck.txt")], capture_output=True)
