"""qabook as a real MkDocs plugin: installed from its wheel into a fresh virtual environment,
used by a minimal project of someone else's; `qabook new`; a block kind added in one place;
an English book."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, qabook

pytestmark = pytest.mark.slow

TOPIC = """---
id: what-is-a-monad
tags: [functional]
---

# What is a monad?

/// question
Explain what a monad is in one sentence.
///

/// answer
A monad wraps values with a context and chains computations through `bind` (`>>=`).
///

/// explanation
Examples are Maybe, List and IO; the laws are left identity, right identity and associativity.
///
"""


def minimal_project(root: Path, language: str = "en") -> Path:
    """Someone else's book: Material, `- qabook` with the look options of a book (guide/your-mkdocs-site.md), nothing
    copied from this repository."""
    (root / "docs" / "fp").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Functional programming questions
        theme:
          name: material
          language: {language}
        plugins:
          - qabook:
              home: true
              footer: true
              system_font: true
        """), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# FP questions\n\n<!-- qabook:chapters -->\n", encoding="utf-8")
    (root / "docs" / "fp" / "index.md").write_text("# Functional programming\n\n<!-- qabook:pdf -->\n\n"
                                                   "- [What is a monad?](01-monad.md)\n", encoding="utf-8")
    (root / "docs" / "fp" / "01-monad.md").write_text(TOPIC, encoding="utf-8")
    return root


def check_reading_site(browser, site: Path, *, search: str, found: str, language: str = "en") -> None:
    """Search after a click, answers collapsed and opening, copy-link, print styling: what a reader uses."""
    from browser import serve

    errors: list[str] = []
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800},
                                      permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url + "fp/01-monad/", wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("#q1 .admonition-title").inner_text().startswith("Question 1")
        summary = page.locator("details.answer summary").first  # question 1's
        assert summary.inner_text().strip() == "Answer"
        assert page.locator("details.explanation summary").first.inner_text().strip() == "Explanation"
        assert not page.get_by_text("chains computations").is_visible()
        summary.click()
        assert page.get_by_text("chains computations").is_visible()
        page.locator("#q1 a.qa-link").click()  # copy-link (qabook.js, shipped in the package)
        assert page.evaluate("navigator.clipboard.readText()").endswith("#q1")
        page.locator(".md-search__input").click()
        page.keyboard.type(search)
        first = page.locator(".md-search-result__list a").first
        first.wait_for()
        box = first.bounding_box()
        hit = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); return e && e.closest('a') && e.closest('a').href }",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert hit and found in hit
        page.keyboard.press("Escape")
        page.emulate_media(media="print")  # print CSS (qabook.css): answers expanded
        page.reload(wait_until="networkidle")
        assert page.get_by_text("Examples are Maybe").is_visible()
        context.close()
    assert errors == []


ENGLISH_TOPIC = TOPIC.replace("tags: [functional]", "tags: [functional, theory]") + """
/// question
What does `bind` do with a value in context, and what is $\\frac{a}{$?
///

/// answer
It unwraps the value, applies the function and wraps the result again: $x^2 + y^2 = z^2$.

| law | form |
|:---|---:|
| left identity | `return a >>= f` ≡ `f a` |

```haskell
Just 3 >>= \\x -> Just (x + 1)
```
///
"""

#: The chapter page with pymdownx's generic blocks, beside qabook's.
GENERIC_BLOCKS = """
/// note | Before you start
Each topic asks first and answers after.
///

/// details | What is a topic?
    type: tip
One page of questions.
///
"""


def rich_project(root: Path) -> Path:
    """`minimal_project` with what else a book holds: two questions on a page (the table of
    contents' outline), formulas (one that cannot be typeset), highlighted code, a table, and
    pymdownx's generic blocks on the chapter page."""
    minimal_project(root)
    (root / "docs" / "fp" / "01-monad.md").write_text(ENGLISH_TOPIC, encoding="utf-8")
    with (root / "docs" / "fp" / "index.md").open("a", encoding="utf-8") as chapter:
        chapter.write(GENERIC_BLOCKS)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as yml:
        yml.write("markdown_extensions:\n  - tables\n  - pymdownx.highlight\n  - pymdownx.superfences\n"
                  "  - pymdownx.arithmatex:\n      generic: true\n")
    return root


def check_rendering(site: Path) -> None:
    """What pymdown-extensions and qabook make of `rich_project`'s pages."""
    page = (site / "fp" / "01-monad" / "index.html").read_text(encoding="utf-8")
    assert page.count('<div class="admonition question" id="q') == 2
    assert page.count('<details class="answer">') == 2 and page.count('<details class="explanation">') == 1
    assert re.search(r'<span class="qa-math" role="img" aria-label="x\^2 \+ y\^2 = z\^2"><svg', page)
    assert '<code class="qa-math-error" title="Formula cannot be typeset">\\frac{a}{</code>' in page
    assert re.search(r'<div class="[^"]*highlight"><pre><span></span><code><span class="kt">Just</span>', page)
    assert '<th class="qa-align-left">law</th>' in page
    assert re.search(r'href="#q2"[^>]*>\s*<span[^>]*>\s*Question 2: What does bind do', page), "the TOC's outline"
    chapter = (site / "fp" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="admonition note">\s*<p class="admonition-title">Before you start</p>', chapter)
    assert re.search(r'<details class="tip">\s*<summary>What is a topic\?</summary>', chapter)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return next(out.glob("qabook-*.whl"))


def lowest_allowed() -> dict[str, str]:
    """Each runtime dependency at the lowest version pyproject.toml allows (its `>=` bound)."""
    import tomllib

    from packaging.requirements import Requirement

    out = {}
    for line in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]:
        req = Requirement(line)
        (low,) = [spec.version for spec in req.specifier if spec.operator == ">="]
        out[req.name.lower()] = low
    return out


def installed(venv: Path) -> dict[str, str]:
    """The distributions installed in a virtual environment, by lower-case name."""
    import json

    listed = subprocess.run([str(venv / "bin" / "pip"), "list", "--format", "json", "--disable-pip-version-check"],
                            capture_output=True, text=True, check=True, timeout=120).stdout
    return {d["name"].lower(): d["version"] for d in json.loads(listed)}


def pip_install(venv: Path, *args: str) -> None:
    r = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", *args],
                       capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stderr[-3000:]


@pytest.mark.browser
@pytest.mark.parametrize("ends", ["newest", "lowest"])
def test_wheel_in_a_fresh_venv_builds_someone_elses_project(tmp_path: Path, wheel: Path, browser, ends: str) -> None:
    """The wheel installed into a fresh virtual environment at both ends of its ranges: `newest`,
    beside a site's own newest mkdocs-material and pymdown-extensions (installed first, as a
    stranger has them), which installing qabook must not downgrade; `lowest`, every runtime
    dependency at pyproject.toml's lower bound (a pip constraints file). One end alone:
    `scripts/test tests/test_plugin_package.py -k "fresh_venv and lowest"`."""
    from packaging.version import Version

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    if ends == "newest":
        pip_install(venv, "mkdocs-material", "pymdown-extensions")
        theirs = {name: installed(venv)[name] for name in ("mkdocs-material", "pymdown-extensions")}
        pip_install(venv, str(wheel))
        assert {name: installed(venv)[name] for name in theirs} == theirs  # nothing downgraded
    else:
        lowest = lowest_allowed()
        constraints = tmp_path / "lowest.txt"
        constraints.write_text("".join(f"{name}=={version}\n" for name, version in lowest.items()), encoding="utf-8")
        pip_install(venv, "-c", str(constraints), str(wheel))
        got = installed(venv)
        assert {name: Version(got[name]) for name in lowest} == {name: Version(v) for name, v in lowest.items()}
    project = rich_project(tmp_path / "theirs")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOOK_")}
    r = subprocess.run([str(venv / "bin" / "mkdocs"), "build"], cwd=project, capture_output=True, text=True,
                       timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    assert not re.search(r"\bERROR\b", r.stderr), r.stderr  # e.g. WeasyPrint 63.0: "Failed to load inline SVG"
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="([^"]+\.(?:pdf|apkg|json))"', home)
    assert linked and all((site / href).is_file() for href in linked), linked  # links only what it wrote
    assert (site / "fp" / "print" / "index.html").is_file()
    check_rendering(site)
    check_reading_site(browser, site, search="monad", found="fp/01-monad/")


@pytest.mark.browser
def test_qabook_new_builds_as_it_is(tmp_path: Path, browser) -> None:
    r = qabook("new", str(tmp_path / "book"), "--language", "en")
    assert r.returncode == 0, r.stderr
    r = qabook("build", cwd=tmp_path / "book")
    assert r.returncode == 0, r.stderr + r.stdout
    assert sorted(p.name for p in (tmp_path / "book" / "site" / "pdf").glob("*.pdf"))
    again = qabook("new", str(tmp_path / "book"))
    assert again.returncode == 2 and "not an empty folder" in again.stderr


@pytest.mark.browser
def test_an_english_book_is_english_throughout(tmp_path: Path, browser) -> None:
    project = minimal_project(tmp_path)
    r = qabook("build", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    for chinese in ("题目", "答案", "解析", "章节", "下载", "打印", "搜索", "本站"):
        assert chinese not in home, chinese
    assert "Download book PDF" in home and "Made with qabook" in home
    assert "Chapters: 1 · topics: 1 · questions: 1" in home
    chapter = (site / "fp" / "index.html").read_text(encoding="utf-8")
    assert "· 1 question" in chapter and "1 questions" not in chapter
    text = subprocess.run(["pdftotext", str(next((site / "pdf").glob("*-fp.pdf"))), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Question 1" in text and "Answer" in text and "Contents" in text and "题目" not in text
    check_reading_site(browser, site, search="bind", found="fp/01-monad/")


#: CJK ideographs, kana, CJK punctuation and the full-width forms (the "：" of a Chinese label).
CJK = re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def built_text(path: Path) -> str | None:
    """What a built file says, as text: a PDF's text (pdftotext), an Anki deck's database (SQL
    dump, blobs as hex), a gzip's content; None for a binary file (pictures)."""
    import gzip
    import sqlite3
    import zipfile

    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    if path.suffix == ".apkg":
        out = []
        with zipfile.ZipFile(path) as deck:
            for name in deck.namelist():
                data = deck.read(name)
                if data.startswith(b"SQLite format 3"):
                    db = path.parent / (path.name + ".sqlite")
                    db.write_bytes(data)
                    with sqlite3.connect(db) as con:
                        out += list(con.iterdump())
                    db.unlink()
                else:
                    out.append(data.decode("utf-8", "replace"))
        return "\n".join(out)
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def test_an_english_build_holds_no_cjk_outside_the_search_data(tmp_path: Path) -> None:
    """Every file of an English book's build (pages, scripts, styles, manifest, PDFs, exports) is
    read as text and holds no CJK character — the interface, the table of contents ("Question 1:
    …", not "："), a formula's error title. Left out, with their reasons: Material's own files,
    copied as shipped (its lunr language packs), and qabook's search data in search/qabook/,
    lookup tables (the book's words paired with Chinese ones, traditional → simplified) that let a
    learner type Chinese and find English pages; no page shows them."""
    import material

    project = rich_project(tmp_path)
    r = qabook("build", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    site = project / "site"
    theme = Path(material.__file__).parent / "templates"
    seen, found = 0, []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        shipped = theme / rel
        if rel.startswith("search/qabook/") or (shipped.is_file() and shipped.read_bytes() == path.read_bytes()):
            continue
        text = built_text(path)
        if text is None:
            continue
        seen += 1
        found += [f"{rel}: …{text[max(0, m.start() - 30):m.end() + 30]}…" for m in CJK.finditer(text)][:3]
    assert seen > 30 and any(p.suffix == ".pdf" for p in site.rglob("*.pdf"))
    assert found == [], "\n".join(found)
    check_rendering(site)


HINT_SCRIPT = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from qabook import vocabulary
from qabook.vocabulary import BlockKind, Need

vocabulary.BLOCKS = vocabulary.BLOCKS + (BlockKind("hint", "details", Need.OPTIONAL, 0.5, ("提示", "Hint")),)
from qabook.check import check_docs
from pathlib import Path
diags = check_docs(Path("docs"), Path("mkdocs.yml"))
print("FINDINGS", [str(d) for d in diags])
build(load_config("mkdocs.yml"))
"""


def test_adding_a_block_kind_is_one_entry(tmp_path: Path) -> None:
    project = minimal_project(tmp_path)
    page = project / "docs" / "fp" / "01-monad.md"
    page.write_text(TOPIC + "\n/// hint\nThink of Maybe.\n///\n", encoding="utf-8")
    without = qabook("build", "--no-pdf", cwd=project)
    assert without.returncode == 0, without.stderr  # not in the vocabulary: pymdownx's own callout
    html = (project / "site" / "fp" / "01-monad" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition hint">' in html and '<details class="hint">' not in html
    r = subprocess.run([sys.executable, "-c", HINT_SCRIPT], cwd=project, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "FINDINGS []" in r.stdout
    html = (project / "site" / "fp" / "01-monad" / "index.html").read_text(encoding="utf-8")
    assert '<details class="hint">' in html and "Think of Maybe." in html


def test_the_guides_install_line_installs_qabook_from_the_clone(tmp_path: Path) -> None:
    """guide/your-mkdocs-site.md's install block, run as written (`~/qabook`: this clone) in a
    fresh virtual environment: qabook is not on PyPI, so `pip install qabook` there would fail
    here. Its plugin is then found by that environment's `mkdocs`. (The wheel the guide names is
    built as the `wheel` fixture builds it.)"""
    text = (ROOT / "guide" / "your-mkdocs-site.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block, "no ```sh install block in guide/your-mkdocs-site.md"
    lines = [line.split("#")[0].split() for line in block.group(1).splitlines() if line.strip()]
    assert lines and all(line[:2] == ["pip", "install"] for line in lines), lines
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    for line in lines:
        args = [str(ROOT) if arg == "~/qabook" else arg for arg in line[2:]]
        pip_install(venv, *args)
    r = subprocess.run([str(venv / "bin" / "python"), "-c",
                        "from importlib.metadata import entry_points; import qabook; "
                        "print(qabook.__file__, [e.name for e in entry_points(group='mkdocs.plugins')])"],
                       capture_output=True, text=True, timeout=120, cwd=tmp_path,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})  # that venv's own
    assert r.returncode == 0 and str(venv) in r.stdout and "'qabook'" in r.stdout, r.stdout + r.stderr
