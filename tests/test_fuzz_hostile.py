"""Fuzzing with hostile fragments (issue 16): pages mixing block structure with every known way
of sneaking script or outside loads in, and broken structure (stray end tags, unclosed
raw-text elements).

Properties, for every generated page: the check never raises; the rendered page holds no event
attribute, no script URL and no resource from another host, whatever the check said; and when
the sanitiser removes anything from a page, the check reports it (the check's shortcut for
pages that cannot hold HTML never skips one that does; a page with structural errors, which
the build refuses anyway, is left out of that last property).
"""

from __future__ import annotations

import os
from functools import lru_cache
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from qafuzz import check_page
from qabook.sanitize import url_scheme

EXAMPLES = int(os.environ.get("QABOOK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="QABOOK_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

STRUCTURE = ["", "", "/// question", "/// answer", "/// explanation", "///", "正文。", "- 列表项", "    缩进",
             "    attrs: {class: hard}", "    open: true", "```", "<div>", "</div>", "<details>", "</details>"]
HOSTILE = [
    "<script>alert(1)</script>", '<img src="x.png" onerror="alert(1)">', '<img alt="a>b" src=x onerror=alert(1)>',
    "![p](x.png){: onerror=alert(1) }", "段落 {: onclick=alert(1) }", "    attrs: {ontoggle: alert(1)}",
    "[x](jav&#x61;script:alert(1))", "[x]: javascript:alert(1)", "[y][x]", "<javascript:alert(1)>",
    '<a href="java&#9;script:alert(1)">t</a>', '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<img src="x.png" srcset="https://evil.example/a.png 2x">', '<video poster="//evil.example/p.png"></video>',
    '<audio src="https://evil.example/a.mp3"></audio>', "![r](https://evil.example/r.png)", "![r](//evil.example/r.png)",
    "答案 </details> 之后", "<textarea>", "<title>", "<xmp>", "<plaintext>", "<noembed>", "</summary>",
    '<p style="background:url(https://evil.example/b.png)">b</p>', '<iframe src="https://evil.example/"></iframe>',
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    "`<img src=x onerror=alert(1)>`", "$<img src=x onerror=alert(1)>$", "<a ", "[", "<![CDATA[",
]


@st.composite
def hostile_pages(draw) -> str:
    lines = draw(st.lists(st.sampled_from(STRUCTURE + HOSTILE), min_size=1, max_size=30))
    return "---\nid: fuzz\n---\n\n# 标题\n\n/// question\n题目\n///\n\n/// answer\n" + "\n".join(lines) + "\n///\n"


@lru_cache(maxsize=1)
def _project():
    from qabook.config import load_project

    return load_project(ROOT / "mkdocs.yml")


class _Audit(HTMLParser):
    """Whatever in rendered HTML could run script or load from another host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "object", "embed", "style", "base", "meta", "link", "form", "math"}:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            scheme = url_scheme(value)
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            elif name in {"href", "src", "cite", "poster"} and scheme in {"javascript", "vbscript"}:
                self.bad.append(f"{tag} {name}={value}")
            elif name in {"src", "srcset", "poster"} and (scheme in {"http", "https", "//"} or "//" in value):
                self.bad.append(f"{tag} {name}={value}")
            elif name == "href" and scheme == "data":
                self.bad.append(f"{tag} {name}={value[:20]}")
            elif name == "style" and "url(" in value:
                self.bad.append(f"{tag} style={value}")


def _render(text: str) -> tuple[str, list]:
    from mkdocs.utils.meta import get_data

    from qabook.render import markdown_instance
    from qabook.safe_markdown import removed_html

    body, _ = get_data(text)
    md = markdown_instance(_project(), report=True)
    return md.convert(body), removed_html(md)


@FUZZ
@given(hostile_pages())
def test_hostile_pages_render_nothing_that_runs_or_loads_and_the_check_says_what_went(text: str) -> None:
    page, found = check_page(text)  # never raises
    html, removed = _render(text)
    audit = _Audit()
    audit.feed(html)
    audit.close()
    assert audit.bad == [], (text, audit.bad, html)
    codes = {d.code for d in found}
    structural = [d for d in found if d.is_error and d.code != "QA070"]  # (the build refuses such a page anyway)
    if removed and not structural:
        assert codes & {"QA070", "QA071", "QA054"}, (text, removed, found)
