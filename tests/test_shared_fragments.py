"""`{% shared %}` fragments (qabook.plugin.fragments): rendered once, reused only where every
page would have rendered the same bytes. Small templates first (what is shared, what is not),
then whole books built with sharing on and off, every file compared. No timing is asserted."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from mkdocs.utils.templates import script_tag_filter, url_filter

from conftest import ROOT
from qabook.plugin import fragments

sys.path.insert(0, str(ROOT / "benchmarks"))
from genbook import generate  # noqa: E402


class Page:
    def __init__(self, url: str, title: str) -> None:
        self.url, self.title = url, title


CONFIG = {"site_name": "Book"}  # one object per build, as MkDocs' configuration
PAGES = [Page("", "Home"), Page("c001/", "Chapter"), Page("c001/t1/", "One"), Page("c002/t2/", "Two"),
         Page("c001/t1/", "One again")]


def _env(templates: dict[str, str], calls: list[str]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    env.filters["url"] = url_filter
    env.filters["script_tag"] = script_tag_filter

    def counted(value: str) -> str:
        calls.append(value)
        return value.upper()

    env.filters["counted"] = counted
    fragments.install(env)
    return env


def _render_all(templates: dict[str, str], name: str = "page.html") -> tuple[list[str], list[str], list[str]]:
    """Every page rendered with sharing on and off: (on, off, the calls of `counted` with it on)."""
    out = {}
    calls: list[str] = []
    for on in (True, False):
        fragments.enabled(on)
        env = _env(templates, calls if on else [])
        out[on] = [env.get_template(name).render(page=p, config=CONFIG,
                                                 base_url=p.url.count("/") and "/".join([".."] * p.url.count("/")) or ".")
                   for p in PAGES]
    fragments.enabled(True)
    return out[True], out[False], calls


def test_a_fragment_that_reads_only_the_configuration_is_rendered_once() -> None:
    on, off, calls = _render_all({"page.html": "<h1>{{ page.title }}</h1>{% shared %}<p>{{ config.site_name | counted }}</p>{% endshared %}"})
    assert on == off
    assert on[2] == "<h1>One</h1><p>BOOK</p>"
    assert calls == ["Book"]  # five pages, one rendering


def test_a_fragment_that_reads_the_page_is_rendered_for_every_page() -> None:
    on, off, calls = _render_all({"page.html": "{% shared %}<p>{{ page.title | counted }}</p>{% endshared %}"})
    assert on == off
    assert [o for o in on] == [f"<p>{p.title.upper()}</p>" for p in PAGES]
    assert len(calls) == len(PAGES)


def test_links_are_shared_only_between_pages_where_they_come_out_the_same() -> None:
    template = "{% shared %}<link href=\"{{ 'assets/x.css' | url }}\"><a href=\"{{ 'c001/' | url }}\">{{ 'c001/t1.js' | script_tag }}{% endshared %}"
    on, off, _ = _render_all({"page.html": template})
    assert on == off
    assert on[0] == '<link href="assets/x.css"><a href="c001/"><script src="c001/t1.js"></script>'
    assert on[2] == '<link href="../../assets/x.css"><a href="../"><script src="../t1.js"></script>'
    assert on[3] == '<link href="../../assets/x.css"><a href="../../c001/"><script src="../../c001/t1.js"></script>'


def test_what_an_included_template_or_super_reads_counts_too() -> None:
    templates = {
        "base.html": "{% block head %}<title>{{ page.title }}</title>{% endblock %}{% block foot %}{{ config.site_name }}{% endblock %}",
        "page.html": "{% extends 'base.html' %}{% block head %}{% shared %}{{ super() }}{% endshared %}{% endblock %}"
                     "{% block foot %}{% shared %}{% include 'foot.html' %}{{ super() }}{% endshared %}{% endblock %}",
        "foot.html": "<footer>{{ config.site_name | counted }}</footer>",
    }
    on, off, calls = _render_all(templates)
    assert on == off
    assert on[3] == "<title>Two</title><footer>BOOK</footer>Book"
    assert calls == ["Book"]


def test_a_template_included_by_name_from_a_variable_is_checked_when_it_is_loaded() -> None:
    templates = {
        "page.html": "{% shared %}{% set which = 'icon' if config.site_name else 'other' %}{% include which ~ '.html' %}{% endshared %}",
        "icon.html": "[{{ page.title }}]",
    }
    on, off, _ = _render_all(templates)
    assert on == off
    assert on[1] == "[Chapter]"


def test_what_a_loaded_template_reads_is_worked_out_once_per_build(monkeypatch) -> None:
    """A fragment rendered anew (another page's links) asks again whether the templates it
    loaded read only its key: the answer is the build's, not worked out again."""
    templates = {"page.html": "{% shared %}{% set which = 'icon' %}{% include which ~ '.html' %}"
                              "<a href=\"{{ 'c001/' | url }}\">{% endshared %}",
                 "icon.html": "[icon]"}
    asked = []
    real = fragments._template_reads
    monkeypatch.setattr(fragments, "_template_reads", lambda env, name, seen: (asked.append(name), real(env, name, seen))[1])
    on, off, _ = _render_all(templates)
    assert on == off and on[3] == '[icon]<a href="../../c001/">'
    assert asked == ["icon.html"]  # once per build, though the fragment was rendered anew for each set of links


def test_a_fragment_reading_a_name_its_template_sets_is_not_shared() -> None:
    templates = {"page.html": "{% with t = page.title %}{% shared %}{{ t }}{% endshared %}{% endwith %}"}
    on, off, _ = _render_all(templates)
    assert on == off == [p.title for p in PAGES]


# -- whole books, sharing on and off ------------------------------------------------------------

BUILD = r"""
import sys
from mkdocs.config import load_config
from qabook.parallel_build import build
from qabook.plugin import fragments
site, on = sys.argv[1], sys.argv[2] == "1"
fragments.enabled(on)
config = load_config("mkdocs.yml", site_dir=site)
config.plugins["qabook"].config["pdf"] = False
build(config, jobs=2, min_pages=0, keep_content=False)
"""


def _files(site: Path) -> dict[str, str]:
    out = {}
    for p in sorted(site.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            if p.suffix == ".gz":  # (gzip's header holds the time it was written)
                data = gzip.decompress(data)
            out[p.relative_to(site).as_posix()] = hashlib.sha256(data).hexdigest()
    return out


def _build(project: Path, site: Path, on: bool) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    r = subprocess.run([sys.executable, "-c", BUILD, str(site), "1" if on else "0"], cwd=project, env=env,
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]


@pytest.mark.slow
def test_books_built_with_and_without_shared_fragments_are_the_same(tmp_path: Path) -> None:
    project = tmp_path / "book"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs")  # the seed book: home, chapters, tags
    generate(project / "gen", 60, 1, per_chapter=20)  # and generated chapters (code, formulas)
    for chapter in sorted((project / "gen").iterdir()):
        shutil.move(chapter, project / "docs" / f"g{chapter.name}")
    on, off = tmp_path / "on", tmp_path / "off"
    _build(project, on, True)
    _build(project, off, False)
    one, two = _files(on), _files(off)
    assert len([p for p in one if p.endswith(".html")]) > 70
    assert sorted(one) == sorted(two)
    differ = [path for path in one if one[path] != two[path]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:5]}"
