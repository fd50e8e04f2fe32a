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
    assert html.count('class="qa-math"') == 3 and "arithmatex" not in html
    assert not re.search(r"katex|mathjax", html, re.I)


def test_pdf_formulas_are_drawn(math_site: Path) -> None:
    pdf = math_site / "pdf" / "da-mo-xing-mian-shi-ti-xue-math.pdf"
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
    text = subprocess.run(["pdftotext", str(math_site / "pdf" / "da-mo-xing-mian-shi-ti-xue-math.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "END_OF_LONG_LINE" in text  # the end of a 130-character line is on the page, not cut off
