"""The build on several cores writes exactly what the build on one writes: every file, every byte.

Pages are read, converted and rendered in forked workers (qabook.parallel_build); what they
hand back (each page's HTML, title, contents, qabook's search and print data, Material's tags)
must make the same site as MkDocs' own serial loop. No timing is asserted.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from genbook import generate  # noqa: E402

pytestmark = pytest.mark.slow

BUILD = r"""
import sys
from mkdocs.config import load_config
from qabook.parallel_build import build
import qabook.search.expand
site, jobs = sys.argv[1], int(sys.argv[2])
if jobs > 1:  # the search expansions come from the converting workers (BookStats), not segmented again
    def _gathered(*args):
        raise AssertionError("the index segmented the documents again: the workers' figures were not used")
    qabook.search.expand._gathered = _gathered
    import qabook.search.index  # nor the field means: the workers added each field's length up
    weigh = qabook.search.index.field_means
    def field_means(docs, stats=None):
        if stats is None or not stats.matched:
            raise AssertionError("the index weighed the fields again: the workers' lengths were not used")
        return weigh(docs, stats)
    import qabook.plugin.search_index
    qabook.search.index.field_means = qabook.plugin.search_index.field_means = field_means
config = load_config("mkdocs.yml", site_dir=site)
config.plugins["qabook"].config["pdf"] = False
build(config, jobs=jobs, min_pages=0, keep_content=jobs == 1)  # several: as `qabook build`, which lets go
"""


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _build(project: Path, site: Path, jobs: int) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}  # the same dates in both sites
    r = subprocess.run([sys.executable, "-c", BUILD, str(site), str(jobs)], cwd=project, env=env,
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]


def test_parallel_and_serial_builds_write_the_same_files(tmp_path: Path) -> None:
    project = tmp_path / "book"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    # three chapters of one-question topics with code and formulas, tags on every page,
    # and a chapter of pages with several questions
    generate(project / "docs", 45, 1, per_chapter=15)
    generate(project / "more", 30, 10, seed=7, per_chapter=3)
    shutil.move(project / "more" / "c000", project / "docs" / "c900")
    shutil.copy2(ROOT / "docs" / "tags.md", project / "docs" / "tags.md")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    _build(project, serial, 1)
    _build(project, parallel, 2)
    one, two = _files(serial), _files(parallel)
    assert len(one) > 100 and "tags/index.html" in one and "search/qabook/meta.js" in one
    assert sorted(one) == sorted(two)
    differ = [path for path in one if one[path] != two[path]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:5]}"


REUSE = r"""
import json, sys
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from qabook import markdown_reuse
config = load_config("mkdocs.yml")
config = config.plugins.on_config(config)
files = get_files(config)
pages = []
for file in files.documentation_pages():
    from mkdocs.structure.pages import Page
    page = Page(None, file, config)
    page.read_source(config)
    pages.append(page)

def rendered(render):
    out = []
    for page in pages:
        render(page, config, files)
        out.append([page.file.src_uri, page.content, str(page.toc), page._title_from_render,
                    sorted(page.present_anchor_ids, key=str)])  # an anchor MkDocs read as None sorts too
    return out

fresh = rendered(Page.render)
with markdown_reuse.reused_markdown():
    reused = rendered(Page.render)
print(json.dumps([len(pages), [a for a, b in zip(fresh, reused) if a != b][:3]], ensure_ascii=False))
"""


def _utf8(path: Path) -> bool:
    try:
        return bool(path.read_bytes().decode("utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return False


def test_a_reused_markdown_converter_renders_every_page_as_a_fresh_one(tmp_path: Path) -> None:
    """MkDocs makes a Markdown converter per page; the build reuses one (markdown_reuse). Varied
    pages — the seed book, every rule fixture, the importer's real-world corpus — rendered one
    after another both ways give the same HTML, contents, title and anchors."""
    import json

    project = tmp_path / "book"
    docs = project / "docs"
    docs.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    sources = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md")) \
        + sorted((ROOT / "tests" / "corpus").rglob("*.md"))
    sources = [p for p in sources if not p.is_symlink() and _utf8(p)]  # (fixtures of unreadable files)
    for n, source in enumerate(sources):
        (docs / f"p{n:03d}.md").write_bytes(source.read_bytes())
    r = subprocess.run([sys.executable, "-c", REUSE], cwd=project, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    count, differ = json.loads(r.stdout.strip().splitlines()[-1])
    assert count == len(sources) > 100
    assert not differ, differ


def test_the_templates_every_page_loads_are_compiled_before_the_render_workers_fork() -> None:
    """`_compile_templates`: the page template, what it extends and what it always includes or
    imports by name, followed; not a template only some pages load (inside an `if`, a loop, a
    macro), nor a missing one (left for the render, as before)."""
    import jinja2

    from qabook.parallel_build import _compile_templates

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "main.html": "{% extends 'base.html' %}{% block body %}{% include 'content.html' %}{% endblock %}",
        "base.html": "{% import 'lang.html' as lang %}{% block body %}{% endblock %}{% include 'footer.html' %}"
                     "{% if page %}{% include 'toc.html' %}{% endif %}{% for x in [] %}{% include 'loop.html' %}{% endfor %}"
                     "{% include 'missing.html' ignore missing %}",
        "content.html": "{% macro m() %}{% include 'macro.html' %}{% endmacro %}{{ page }}",
        "footer.html": "f", "lang.html": "{% macro t(k) %}{{ k }}{% endmacro %}",
        "toc.html": "t", "loop.html": "l", "macro.html": "m"}))
    compiled = []
    real = env.compile
    env.compile = lambda source, name=None, *a, **k: (compiled.append(name), real(source, name, *a, **k))[1]
    _compile_templates(env, {"main.html"})
    assert sorted(compiled) == ["base.html", "content.html", "footer.html", "lang.html", "main.html"]
    compiled.clear()
    assert env.get_template("main.html").render(page="p") == "pft"
    assert compiled == ["toc.html"]  # (what only some pages load: compiled where it is rendered)



def test_a_template_is_parsed_once_for_both_of_its_readers() -> None:
    """`_compile_templates` and the `{% shared %}` fragments walk the same trees: each template
    source is parsed for them once a build (Jinja's own compile parses it once more), and a new
    build parses again."""
    import jinja2

    from qabook import template_trees
    from qabook.parallel_build import _compile_templates
    from qabook.plugin import fragments

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "main.html": "{% extends 'base.html' %}{% block body %}{% shared %}{{ config }}{% include 'part.html' %}"
                     "{% endshared %}{% endblock %}",
        "base.html": "{% block body %}{% endblock %}", "part.html": "{{ base_url }}"}))
    fragments.install(env)
    parses = []
    real = env.parse
    env.parse = lambda source, name=None, *a, **k: (parses.append(name), real(source, name, *a, **k))[1]
    _compile_templates(env, {"main.html"})
    fragments._plan(env, "main.html:1:1")
    fragments._loaded_reads(env, "part.html")
    assert sorted(parses) == ["base.html", "main.html", "part.html"]
    template_trees.forget()
    _compile_templates(env, {"main.html"})
    assert sorted(parses) == ["base.html", "base.html", "main.html", "main.html", "part.html"]


def _renders(name: str) -> str:
    from qabook.parallel_build import _STATE

    return _STATE["env"].get_template(name).render()


def test_a_render_worker_renders_the_templates_compiled_before_it_forked(tmp_path: Path) -> None:
    """A render worker lives for one build and its templates were compiled in the parent: it does
    not look at each template file's time again on every load (Jinja's `auto_reload`, a stat
    per include, ≈ 23 a page); a template changed on disk after the fork is not read there."""
    from types import SimpleNamespace

    import jinja2

    from qabook import parallel_build

    (tmp_path / "page.html").write_text("compiled", encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)))
    env.get_template("page.html")
    plugins = type("Plugins", (dict,), {"events": {"page_markdown": [], "page_content": []}})()
    with parallel_build._pool(1, config=SimpleNamespace(plugins=plugins), env=env, doc_files=[]) as pool:
        (tmp_path / "page.html").write_text("changed", encoding="utf-8")
        os.utime(tmp_path / "page.html", (1, 1))  # (another time than the one compiled)
        assert pool.apply(_renders, ("page.html",)) == "compiled"
    assert env.auto_reload and env.get_template("page.html").render() == "changed"  # (the parent's own: as before)
