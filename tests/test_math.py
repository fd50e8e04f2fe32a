"""Formulas and code: formulas typeset at build time as inline SVG (site and PDF, no script, no
CDN); code highlighted on the site and wrapped, not cut off, in the PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project, qabook
from qabook.math import render_math

TOPIC = """---
id: binet
---

# 斐波那契数列的通项公式

/// question
写出通项公式 $F_n$。
///

/// answer
$$
F_n = \\frac{\\varphi^n - \\psi^n}{\\sqrt{5}}
$$

宽公式：

$$
S = a_{1} x^{1} + a_{2} x^{2} + a_{3} x^{3} + a_{4} x^{4} + a_{5} x^{5} + a_{6} x^{6} + a_{7} x^{7} + a_{8} x^{8} + a_{9} x^{9} + a_{10} x^{10} + a_{11} x^{11} + a_{12} x^{12} + a_{13} x^{13} + a_{14} x^{14} + a_{15} x^{15} + a_{16} x^{16} + a_{17} x^{17} + a_{18} x^{18} + a_{19} x^{19} + a_{20} x^{20} + a_{21} x^{21} + a_{22} x^{22} + a_{23} x^{23} + a_{24} x^{24} + a_{25} x^{25} + a_{26} x^{26} + a_{27} x^{27} + a_{28} x^{28} + a_{29} x^{29} + a_{30} x^{30} + a_{31} x^{31} + a_{32} x^{32} + a_{33} x^{33} + a_{34} x^{34} + a_{35} x^{35} + a_{36} x^{36} + a_{37} x^{37} + a_{38} x^{38} + a_{39} x^{39} + a_{40} x^{40}
$$

长链接：<https://example.org/very-long-path-segment/very-long-path-segment/very-long-path-segment/very-long-path-segment/very-long-path-segment/very-long-path-segment/very-long-path-segment/very-long-path-segment/END>
///

/// explanation
其中 $\\varphi = \\frac{1 + \\sqrt{5}}{2}$。

```python
def fib(n):
    return round(((1 + 5 ** 0.5) / 2) ** n / 5 ** 0.5)  # Binet: exact for n < 71, because floating point has 53 bits END_OF_LONG_LINE
```
///
"""


def test_render_math_replaces_arithmatex_with_svg() -> None:
    out = render_math('<p><span class="arithmatex">\\(E=mc^2\\)</span></p>')
    assert out.failures == [] and "<svg" in out.html and "arithmatex" not in out.html
    assert 'role="img" aria-label="E=mc^2"' in out.html and 'fill="currentColor"' in out.html


def test_untypesettable_formula_is_kept_as_source() -> None:
    out = render_math('<span class="arithmatex">\\(\\frac{a}{\\)</span>')
    assert out.failures == ["\\frac{a}{"] and "qa-math-error" in out.html and "\\frac{a}{" in out.html


def test_a_formula_typeset_once_is_read_from_the_cache_by_the_next_process(tmp_path: Path, monkeypatch) -> None:
    """Typeset formulas are kept on disk (the build's other workers and the next build read
    them): the same SVG without typesetting again, one that cannot be typeset stays so, and a
    damaged or unreadable cache is typeset again."""
    import ziamath

    from qabook import math as qamath

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fragment = ('<p><span class="arithmatex">\\(a^2+b^2=c^2\\)</span> <span class="arithmatex">'
                '\\(\\frac{a}{\\)</span></p>')
    qamath._svg.cache_clear()
    first = render_math(fragment)
    assert first.failures == ["\\frac{a}{"] and "<svg" in first.html
    files = sorted((tmp_path / "cache" / "qabook" / "math").rglob("*.svg"))
    assert len(files) == 2
    typeset: list[str] = []
    real = ziamath.Latex
    monkeypatch.setattr(ziamath, "Latex", lambda tex, **kw: typeset.append(tex) or real(tex, **kw))
    qamath._svg.cache_clear()  # as a new process
    again = render_math(fragment)
    assert typeset == [] and again == first
    for f in files:
        f.write_bytes(b"\xff\xfe not UTF-8")
    qamath._svg.cache_clear()
    assert render_math(fragment) == first and sorted(typeset) == sorted(["a^2+b^2=c^2", "\\frac{a}{"])


@pytest.fixture(scope="module")
def math_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("math"))
    chapter = project / "docs" / "math"
    chapter.mkdir()
    (chapter / "index.md").write_text("# 公式\n\n- [通项公式](01-binet.md)\n", encoding="utf-8")
    (chapter / "01-binet.md").write_text(TOPIC, encoding="utf-8")
    r = qabook("build", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    return project / "site"


def test_site_formulas_are_svg(math_site: Path) -> None:
    html = (math_site / "math" / "01-binet" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="qa-math"') == 4 and "arithmatex" not in html
    assert not re.search(r"katex|mathjax", html, re.I)


def test_pdf_formulas_are_drawn(math_site: Path) -> None:
    pdf = math_site / "pdf" / "damoxing-mianshi-ti-xuexi-zhan-math.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "通项公式" in text and "\\frac" not in text  # typeset, not printed as TeX
    # formulas are drawn as vector outlines: curve/line operators on the topic's page, none on text pages
    from pypdf import PdfReader

    ops = [len(re.findall(rb"\s[cl]\n", page.get_contents().get_data())) for page in PdfReader(pdf).pages]
    assert ops[0] == 0 and ops[1] == 0  # cover, contents: text only
    assert max(ops) > 200, ops


def test_code_is_highlighted_on_the_site(math_site: Path) -> None:
    html = (math_site / "math" / "01-binet" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="[^"]*highlight"><pre>.*?<span class="k">def</span>', html, re.S)


def test_long_code_lines_wrap_in_the_pdf(math_site: Path) -> None:
    text = subprocess.run(["pdftotext", str(math_site / "pdf" / "damoxing-mianshi-ti-xuexi-zhan-math.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "END_OF_LONG_LINE" in text  # the end of a 130-character line is on the page, not cut off


def _dark_columns_right_of(pdf: Path, page: int, margin_mm: float) -> int:
    """How many pixel columns right of the page's right margin hold ink (header/footer rows aside)."""
    dpi = 50
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, check=True).stdout
    header, rest = pgm.split(b"\n", 1)
    width, height = map(int, rest.split(b"\n", 1)[0].split())
    pixels = rest.split(b"\n", 2)[2]
    edge = width - int(margin_mm / 25.4 * dpi) + 3
    top, bottom = int(height * 0.08), int(height * 0.92)
    return sum(1 for x in range(edge, width)
               if any(pixels[y * width + x] < 160 for y in range(top, bottom)))


def test_wide_formula_and_long_url_stay_inside_the_pdf_page(math_site: Path) -> None:
    pdf = math_site / "pdf" / "damoxing-mianshi-ti-xuexi-zhan-math.pdf"
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                             text=True).stdout).group(1))
    for page in range(1, pages + 1):
        assert _dark_columns_right_of(pdf, page, margin_mm=18) == 0, f"ink beyond the right margin on page {page}"
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
    assert "very-long-path-segment/very" in text and "END" in text


FORMULAS = (r"F_n = \frac{\varphi^n - \psi^n}{\sqrt{5}}", r"\mathrm{softmax}(x_i) = \frac{e^{x_i}}{\sum_j e^{x_j}}",
            r"\theta \leftarrow \theta - \eta \nabla_\theta L", r"\|w\|_2^2 = \sum_i w_i^2", r"x = -0.5")


@pytest.mark.browser
def test_a_formula_written_tightly_draws_the_same_pixels(browser) -> None:
    """tight_svg (fewer bytes of path data) changes no pixel of a formula: each formula drawn as
    ziamath wrote it and as the site holds it, side by side in Chromium, at twice the size."""
    import ziamath

    from qabook.math import _svg, tight_svg

    page = browser.new_page(device_scale_factor=2)
    for tex in FORMULAS:
        for display in (False, True):
            ziamath.config.math.color = "currentColor"
            original = ziamath.Latex(tex, size=17.0, inline=not display).svg()
            tight = _svg(tex, display, "currentColor", 17.0)
            assert tight == tight_svg(original) and len(tight) < len(original)
            shots = []
            for svg in (original, tight):
                page.set_content(f'<body style="margin:0;background:#fff;color:#000"><div id="f" style="display:inline-block">{svg}</div></body>')
                shots.append(page.locator("#f").screenshot())
            assert shots[0] == shots[1], (tex, display)
    page.close()


def test_a_multi_line_formula_exports_to_anki_without_a_warning(tmp_path: Path) -> None:
    """A display formula written over several lines (`\\begin{align*}` … `\\end{align*}`): its
    aria-label held line breaks, and `qabook export anki` (as `./scripts/build` runs it) printed
    genanki's 'Field contained the following invalid HTML tags' warning with the raw tag (trial10).
    The break is written '&#10;' — the same attribute value, the tag on one line."""
    project = copy_project(tmp_path)
    formula = "$$\n\\begin{align*}\nH(p) &= -p\\log p \\\\\n     &= \\log 2\n\\end{align*}\n$$"
    page = next((project / "docs").rglob("0*.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("/// answer\n", f"/// answer\n{formula}\n\n", 1), encoding="utf-8")
    r = qabook("export", "anki", "--out", "book.apkg", cwd=project)
    assert r.returncode == 0 and (project / "book.apkg").is_file(), r.stderr[-2000:]
    assert "invalid HTML" not in r.stderr, r.stderr[-2000:]
    html = render_math('<div class="arithmatex">\\[\na \\\\\nb\n\\]</div>').html
    assert 'aria-label="a \\\\&#10;b"' in html  # the value as written, read back with its line break
